import { formatPath, type PathSegment } from '../../src/model/path.js';
import type { Diagnostic } from '../../src/model/report.js';
import {
  accountFromArn,
  type Origin,
  providerOfType,
  type Resource,
  resourceKey,
} from '../../src/model/resource.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import { importId } from './import-ids.js';
import type { StateInstance, StateResource, StateV4 } from './schema.js';

export const CONNECTOR_ID = 'terraform-state';

export interface MappedState<O extends Origin = 'declared'> {
  resources: Resource<O>[];
  diagnostics: Diagnostic[];
}

/** Maps a parsed v4 state into canonical declared resources. Pure: no I/O. */
/** `file` is set when the state is a local file: the report then points at it. */
export function mapState(state: StateV4, location: string, file?: string): MappedState {
  const resources: Resource<'declared'>[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      const address = instanceAddress(resource, instance);
      if (instance.deposed) continue;
      const mapped = mapInstance(resource, instance, address, { location, file }, diagnostics);
      if (mapped) resources.push(mapped);
    }
  }
  return { resources, diagnostics };
}

function mapInstance(
  resource: StateResource,
  instance: StateInstance,
  address: string,
  { location, file }: { location: string; file: string | undefined },
  diagnostics: Diagnostic[],
): Resource<'declared'> | undefined {
  const provider = providerName(resource.provider) ?? providerOfType(resource.type);
  let attributes: Record<string, Value> = instance.attributes ?? {};
  if (!instance.attributes) {
    diagnostics.push({
      level: 'warning',
      code: 'state.legacy-attributes',
      message: `${address} has no JSON attributes (legacy flat format); only its existence is compared`,
      source: location,
    });
    attributes = {};
  }
  const rawId = instance.attributes ? importId(resource.type, attributes) : instance.attributes_flat?.id;
  if (typeof rawId !== 'string' || rawId === '') {
    diagnostics.push({
      level: 'warning',
      code: 'state.no-id',
      message: `${address} has no id attribute, so it cannot be paired with a live resource; skipped`,
      source: location,
    });
    return undefined;
  }
  if (instance.status === 'tainted') {
    diagnostics.push({
      level: 'info',
      code: 'state.tainted',
      message: `${address} is tainted and will be replaced on the next apply`,
      source: location,
    });
  }
  return {
    provider,
    type: resource.type,
    id: rawId,
    key: resourceKey(resource.type, rawId, provider),
    attributes,
    origin: 'declared',
    ...(accountFromArn(attributes.arn) ? { account: accountFromArn(attributes.arn) } : {}),
    source: { connector: CONNECTOR_ID, location, address, ...(file === undefined ? {} : { file }) },
    sensitivePaths: sensitivePaths(instance.sensitive_attributes),
  };
}

export function instanceAddress(resource: StateResource, instance: StateInstance): string {
  const base = `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`;
  if (instance.index_key === undefined) return base;
  return `${base}[${JSON.stringify(instance.index_key)}]`;
}

/** `provider["registry.terraform.io/hashicorp/aws"].west` -> `aws`; `module.x.provider.aws` (0.12) -> `aws`. */
export function providerName(providerConfig: string | undefined): string | undefined {
  if (!providerConfig) return undefined;
  const quoted = /provider\["([^"]+)"\]/.exec(providerConfig);
  if (quoted?.[1]) return quoted[1].split('/').pop();
  const legacy = /provider\.([a-z0-9-]+)/.exec(providerConfig);
  return legacy?.[1];
}

type SensitiveStep = { type: string; value: Value };

/**
 * `sensitive_attributes` is a list of paths, each a list of steps (`get_attr`, `index`). Some Terraform versions
 * write a single path as a flat list of steps; both are accepted.
 */
function sensitivePaths(raw: StateInstance['sensitive_attributes']): string[] {
  if (!raw || raw.length === 0) return [];
  const paths: SensitiveStep[][] = raw.every((entry) => !Array.isArray(entry))
    ? [raw as SensitiveStep[]]
    : raw.filter((entry): entry is SensitiveStep[] => Array.isArray(entry));
  return paths.map((steps) => formatPath(steps.map(stepSegment))).filter((path) => path !== '');
}

/** Index steps carry a number for lists and, in newer Terraform, a typed `{value, type}` for map keys. */
function stepSegment(step: SensitiveStep): PathSegment {
  const value = isPlainObject(step.value) && 'value' in step.value ? step.value.value : step.value;
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
