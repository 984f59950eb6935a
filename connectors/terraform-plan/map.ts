import { formatPath, type PathSegment } from '../../src/model/path.js';
import type { Diagnostic } from '../../src/model/report.js';
import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import { importId } from '../terraform-state/import-ids.js';
import {
  type InstanceSource,
  mapTerraformInstance,
  providerOfSource,
  type TerraformInstance,
} from '../terraform-state/map.js';
import { markedPaths, unionPaths, withUnknowns } from './marks.js';
import type { Plan, PlannedModule, ResourceChange } from './schema.js';

export const CONNECTOR_ID = 'terraform-plan';

/** One resource instance as a plan describes it, before it becomes canonical. */
export interface PlanInstance {
  address: string;
  type: string;
  providerName?: string | undefined;
  values: Record<string, Value>;
  sensitive: PathSegment[][];
}

/** The declared side of a plan: state and plan resources with a known cloud id, and those still to be created. */
export interface MappedPlan {
  resources: Resource<'declared' | 'code'>[];
  diagnostics: Diagnostic[];
}

/**
 * The declared side of an ordinary plan: its planned values, the state as it will be after apply. Values known
 * only after apply become unknown markers. A resource the plan destroys (alone, or to replace it) still exists and
 * is still managed until apply: it is declared as it is now (its `before`), so the cloud object is neither called
 * unmanaged nor compared with its replacement.
 */
export function mapPlannedValues(plan: Plan, location: string): MappedPlan {
  const changes = changesByAddress(plan.resource_changes ?? []);
  const unknownDocuments: string[] = [];
  const instances = moduleInstances(plan.planned_values.root_module).map((instance) => {
    const change = changes.get(instance.address)?.change;
    const afterSensitive = markedPaths(change?.after_sensitive);
    const afterUnknown = markedPaths(change?.after_unknown);
    for (const path of afterUnknown.filter(isDocumentPath))
      unknownDocuments.push(`${instance.address} (${formatPath(path)})`);
    const values = withUnknowns(instance.values, afterUnknown);
    return { ...instance, values, sensitive: unionPaths(instance.sensitive, afterSensitive) };
  });
  const planned = mapInstances(instances, location);
  const notes = unknownDocuments.length === 0 ? [] : [unknownDocumentsNote(unknownDocuments, location)];
  const destroyed = [...changes.values()]
    .filter((change) => change.change.actions.includes('delete'))
    .map((change) => changeInstance(change, 'before'))
    .filter((instance): instance is PlanInstance => instance !== undefined)
    .filter((instance) => importId(instance.type, instance.values) !== undefined);
  if (destroyed.length === 0)
    return { resources: planned.resources, diagnostics: [...planned.diagnostics, ...notes] };
  const before = mapInstances(destroyed, location);
  const plannedKeys = new Set(planned.resources.map((r) => r.key));
  return {
    resources: [...planned.resources, ...before.resources.filter((r) => !plannedKeys.has(r.key))],
    diagnostics: [
      ...planned.diagnostics,
      ...before.diagnostics,
      {
        level: 'info',
        code: 'plan.destroyed',
        message: `${destroyed.length} resource(s) the plan destroys or replaces are declared as they are until apply`,
        source: location,
      },
      ...notes,
    ],
  };
}

/** Attributes that hold IAM-style policy documents (identity, trust, inline and resource policies). */
const DOCUMENT_ATTRIBUTES = new Set(['policy', 'assume_role_policy']);

function isDocumentPath(path: PathSegment[]): boolean {
  const last = path.at(-1);
  return typeof last === 'string' && DOCUMENT_ATTRIBUTES.has(last);
}

/**
 * A policy document known only after apply is unknown as a whole in `after_unknown` (Terraform does not know any of
 * it either), so no rule judges it: the report says so, rather than letting it pass for clean.
 */
function unknownDocumentsNote(documents: string[], location: string): Diagnostic {
  const shown = documents.slice(0, 10).join(', ');
  const more = documents.length > 10 ? ` and ${documents.length - 10} more` : '';
  return {
    level: 'info',
    code: 'plan.unknown-policy',
    message: `${documents.length} policy document(s) are known only after apply, so the rules did not judge them: ${shown}${more}`,
    source: location,
  };
}

/** Managed resource instances of a state-values module and its children, depth first. */
export function moduleInstances(module: PlannedModule): PlanInstance[] {
  const out: PlanInstance[] = [];
  for (const resource of module.resources ?? []) {
    if (resource.mode !== 'managed') continue;
    out.push({
      address: resource.address,
      type: resource.type,
      providerName: resource.provider_name,
      values: resource.values ?? {},
      sensitive: markedPaths(resource.sensitive_values),
    });
  }
  for (const child of module.child_modules ?? []) out.push(...moduleInstances(child));
  return out;
}

export function changesByAddress(changes: readonly ResourceChange[]): Map<string, ResourceChange> {
  const byAddress = new Map<string, ResourceChange>();
  for (const change of changes) {
    if (change.mode === 'managed' && !change.deposed) byAddress.set(change.address, change);
  }
  return byAddress;
}

/** A change's `before` or `after` as a plan instance; undefined when that side is null (created or deleted). */
export function changeInstance(change: ResourceChange, side: 'before' | 'after'): PlanInstance | undefined {
  const values = change.change[side];
  if (!isPlainObject(values)) return undefined;
  return {
    address: change.address,
    type: change.type,
    providerName: change.provider_name,
    values,
    sensitive: markedPaths(change.change[side === 'before' ? 'before_sensitive' : 'after_sensitive']),
  };
}

/**
 * Instances with a known cloud id go through the state connector's mapping of a Terraform instance, so that keys,
 * ids, sensitive paths and diagnostics are exactly those of the same resource read from state. An instance whose
 * id is known only after apply (being created) is code: kept for the policies, keyed by address, never paired.
 */
export function mapInstances(instances: readonly PlanInstance[], location: string): MappedPlan {
  const diagnostics: Diagnostic[] = [];
  const resources: Resource<'declared' | 'code'>[] = [];
  const source = sourceOf(location);
  for (const instance of instances) {
    if (importId(instance.type, instance.values) === undefined) continue;
    const mapped = mapTerraformInstance(terraformInstance(instance), 'declared', source, diagnostics);
    if (mapped) resources.push(mapped);
  }
  for (const instance of instances) {
    if (importId(instance.type, instance.values) === undefined)
      resources.push(codeResource(instance, location));
  }
  return { resources, diagnostics };
}

/** The refreshed state of a refresh-only plan, as the cloud is: every instance has its id by now. */
export function mapLiveInstances(instances: readonly PlanInstance[], location: string): Resource<'live'>[] {
  const source = sourceOf(location);
  const resources: Resource<'live'>[] = [];
  for (const instance of instances) {
    const mapped = mapTerraformInstance(terraformInstance(instance), 'live', source, []);
    if (mapped) resources.push(mapped);
  }
  return resources;
}

function sourceOf(location: string): InstanceSource {
  return { connector: CONNECTOR_ID, location, file: location };
}

function terraformInstance(instance: PlanInstance): TerraformInstance {
  return {
    address: instance.address,
    type: instance.type,
    provider: providerOfSource(instance.providerName),
    attributes: instance.values,
    sensitivePaths: sensitivePaths(instance),
  };
}

function sensitivePaths(instance: PlanInstance): string[] {
  return instance.sensitive.map(formatPath).filter((path) => path !== '');
}

function codeResource(instance: PlanInstance, location: string): Resource<'code'> {
  const provider = providerOfSource(instance.providerName) ?? providerOfType(instance.type);
  return {
    provider,
    type: instance.type,
    id: instance.address,
    key: resourceKey(instance.type, instance.address, provider),
    attributes: instance.values,
    origin: 'code',
    source: { connector: CONNECTOR_ID, location, file: location, address: instance.address },
    sensitivePaths: sensitivePaths(instance),
  };
}
