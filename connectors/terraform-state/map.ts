import { formatPath, type PathSegment } from '../../src/model/path.js';
import type { Diagnostic } from '../../src/model/report.js';
import { accountFromArn, providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import { importId } from './import-ids.js';
import type { StateInstance, StateResource, StateV4 } from './schema.js';

export const CONNECTOR_ID = 'terraform-state';

export interface MappedState {
  resources: Resource<'declared'>[];
  diagnostics: Diagnostic[];
}

/**
 * One resource instance as Terraform writes it, in a state or in a plan (whose values are a state to come): what
 * the one mapping below reads, so that a resource is the same whichever of them it was read from.
 */
export interface TerraformInstance {
  /** `module.app.aws_s3_bucket.logs["a"]` */
  address: string;
  type: string;
  /** The provider's type name (`aws`), when Terraform names the provider. */
  provider: string | undefined;
  /** Undefined in a legacy flat state, which has only `attributes_flat`. */
  attributes: Record<string, Value> | undefined;
  /** The id of a legacy flat instance. */
  flatId?: string | undefined;
  sensitivePaths: string[];
  tainted?: boolean;
}

/** What read the instances: the connector and the state or plan, and the local file when it is one. */
export interface InstanceSource {
  connector: string;
  location: string;
  file?: string | undefined;
}

/** Maps a parsed v4 state into canonical declared resources. Pure: no I/O. */
/** `file` is set when the state is a local file: the report then points at it. */
export function mapState(state: StateV4, location: string, file?: string): MappedState {
  const resources: Resource<'declared'>[] = [];
  const diagnostics: Diagnostic[] = [];
  const source = { connector: CONNECTOR_ID, location, file };
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      if (instance.deposed) continue;
      const mapped = mapTerraformInstance(stateInstance(resource, instance), 'declared', source, diagnostics);
      if (mapped) resources.push(mapped);
    }
  }
  return { resources, diagnostics };
}

function stateInstance(resource: StateResource, instance: StateInstance): TerraformInstance {
  return {
    address: instanceAddress(resource, instance),
    type: resource.type,
    provider: providerName(resource.provider),
    attributes: instance.attributes,
    flatId: instance.attributes_flat?.id,
    sensitivePaths: sensitivePaths(instance.sensitive_attributes),
    tainted: instance.status === 'tainted',
  };
}

/**
 * The one mapping of a Terraform resource instance, for state and plans alike: the import id as the cloud id, the
 * key, the account of its ARN, its sensitive paths. `origin` is `declared`, or `live` for the refreshed state of a
 * refresh-only plan. An instance without an id cannot be paired, and is left out with a diagnostic.
 */
export function mapTerraformInstance<O extends 'declared' | 'live'>(
  instance: TerraformInstance,
  origin: O,
  source: InstanceSource,
  diagnostics: Diagnostic[],
): Resource<O> | undefined {
  const { address, type, attributes = {} } = instance;
  const provider = instance.provider ?? providerOfType(type);
  if (!instance.attributes) {
    diagnostics.push({
      level: 'warning',
      code: 'state.legacy-attributes',
      message: `${address} has no JSON attributes (legacy flat format); only its existence is compared`,
      source: source.location,
    });
  }
  const id = instance.attributes ? importId(type, attributes) : instance.flatId;
  if (typeof id !== 'string' || id === '') {
    diagnostics.push({
      level: 'warning',
      code: 'state.no-id',
      message: `${address} has no id attribute, so it cannot be paired with a live resource; skipped`,
      source: source.location,
    });
    return undefined;
  }
  if (instance.tainted) {
    diagnostics.push({
      level: 'info',
      code: 'state.tainted',
      message: `${address} is tainted and will be replaced on the next apply`,
      source: source.location,
    });
  }
  const account = accountFromArn(attributes.arn);
  return {
    provider,
    type,
    id,
    key: resourceKey(type, id, provider),
    attributes,
    origin,
    ...(account ? { account } : {}),
    source: {
      connector: source.connector,
      location: source.location,
      address,
      ...(source.file === undefined ? {} : { file: source.file }),
    },
    sensitivePaths: instance.sensitivePaths,
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
  if (quoted?.[1]) return providerOfSource(quoted[1]);
  const legacy = /provider\.([a-z0-9-]+)/.exec(providerConfig);
  return legacy?.[1];
}

/** A provider's source address, as plans name it: `registry.terraform.io/hashicorp/aws` -> `aws`. */
export function providerOfSource(source: string | undefined): string | undefined {
  return source?.split('/').pop() || undefined;
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
