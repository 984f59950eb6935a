import { hasOrigin } from '../../src/model/resource.js';
import type { MappedState } from '../terraform-state/map.js';
import { changeInstance, changesByAddress, mapInstances, moduleInstances, type PlanInstance } from './map.js';
import type { Plan } from './schema.js';

/**
 * A refresh-only plan (`terraform plan -refresh-only`) plans no change; its `resource_drift` is what changed
 * outside Terraform since the last apply. It is read as both sides of a scan:
 * - declared: the state as last applied, i.e. the drift's `before` for drifted resources and `prior_state` (the
 *   refreshed state, equal to the last applied one where nothing drifted) for the rest;
 * - live: the refreshed state, i.e. the drift's `after`; an object deleted outside Terraform is absent.
 * The live side speaks only for the plan's own resources (`coveredKeys`), so it never makes a resource of another
 * source look deleted, and has nothing unmanaged to report.
 */
export function isRefreshOnly(plan: Plan): boolean {
  const drift = (plan.resource_drift ?? []).filter((change) => change.mode === 'managed');
  if (drift.length === 0) return false;
  return (plan.resource_changes ?? []).every((change) =>
    change.change.actions.every((action) => action === 'no-op' || action === 'read'),
  );
}

export interface RefreshOnlySides {
  declared: MappedState<'declared' | 'code'>;
  live: MappedState<'live'>;
  coveredKeys: string[];
}

export function mapRefreshOnly(plan: Plan, location: string): RefreshOnlySides {
  const drift = changesByAddress(plan.resource_drift ?? []);
  const prior = plan.prior_state?.values ? moduleInstances(plan.prior_state.values.root_module) : [];
  const declaredInstances: PlanInstance[] = [];
  const liveInstances: PlanInstance[] = [];
  const seen = new Set<string>();
  for (const instance of prior) {
    seen.add(instance.address);
    const change = drift.get(instance.address);
    declaredInstances.push((change && changeInstance(change, 'before')) ?? instance);
    liveInstances.push((change && changeInstance(change, 'after')) ?? instance);
  }
  for (const [address, change] of drift) {
    if (seen.has(address)) continue;
    const before = changeInstance(change, 'before');
    const after = changeInstance(change, 'after');
    if (before) declaredInstances.push(before);
    if (after) liveInstances.push(after);
  }
  const declared = mapInstances(declaredInstances, location);
  const mappedLive = mapInstances(liveInstances, location);
  const live: MappedState<'live'> = {
    resources: mappedLive.resources
      .filter((resource) => hasOrigin(resource, 'declared'))
      .map((resource) => ({ ...resource, origin: 'live' })),
    diagnostics: [],
  };
  const coveredKeys = declared.resources.filter((r) => hasOrigin(r, 'declared')).map((r) => r.key);
  return { declared, live, coveredKeys };
}
