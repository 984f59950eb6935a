import type { SourceCoverage } from '../../src/model/coverage.js';
import type { Resource } from '../../src/model/resource.js';
import {
  changeInstance,
  changesByAddress,
  type MappedPlan,
  mapInstances,
  mapLiveInstances,
  moduleInstances,
  type PlanInstance,
} from './map.js';
import type { Plan } from './schema.js';

/**
 * A refresh-only plan (`terraform plan -refresh-only`) plans no change; its `resource_drift` is what changed
 * outside Terraform since the last apply. It is read as both sides of a scan, each mapped as state is:
 * - declared: the state as last applied, i.e. the drift's `before` for drifted resources and `prior_state` (the
 *   refreshed state, equal to the last applied one where nothing drifted) for the rest;
 * - live: the refreshed state, i.e. the drift's `after`; an object deleted outside Terraform is absent.
 * The live side covers only the plan's own resources, by key, so it never makes a resource of another source look
 * deleted, and has nothing unmanaged to report.
 */
export function isRefreshOnly(plan: Plan): boolean {
  const drift = (plan.resource_drift ?? []).filter((change) => change.mode === 'managed');
  if (drift.length === 0) return false;
  return (plan.resource_changes ?? []).every((change) =>
    change.change.actions.every((action) => action === 'no-op' || action === 'read'),
  );
}

export interface RefreshOnlySides {
  declared: MappedPlan;
  live: Resource<'live'>[];
  coverage: SourceCoverage;
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
  const keys = declared.resources.filter((r) => r.origin === 'declared').map((r) => r.key);
  return { declared, live: mapLiveInstances(liveInstances, location), coverage: { types: [], keys } };
}
