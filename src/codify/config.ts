import type { Resource } from '../model/resource.js';
import type { ResourceType } from '../model/types/resource-type.js';
import { isPlainObject, isSensitive, isUnknown, type Value } from '../model/value.js';
import { isIdentifier, representable } from './hcl.js';

/** The arguments of a resource block written from a live resource, and what was left out, by reason. */
export interface ResourceConfig {
  /** Attribute name -> value, in name order: scalars, lists of scalars, and the `tags` map. */
  arguments: readonly (readonly [string, ArgumentValue])[];
  leftOut: LeftOut;
}

export type ArgumentValue = string | number | boolean | readonly (string | number | boolean)[] | StringMap;
export interface StringMap {
  readonly [key: string]: string;
}

export interface LeftOut {
  /** Set by the cloud: the type's `computed` attributes. */
  computed: string[];
  /** Written by a sub-resource folded into the type (an S3 bucket's versioning): a resource of its own in Terraform. */
  folded: string[];
  /** Secrets, by the type's `sensitive` list, the resource's sensitive paths, or a masked value. */
  sensitive: string[];
  /** Not reported by the live source, or holding an unknown value. */
  unknown: string[];
  /** Nested blocks and objects: `terraform plan -generate-config-out` writes them from the provider's schema. */
  nested: string[];
}

/** `id`: the provider's own, never an argument; `tags_all`: the provider's merge of tags and default_tags. */
const NEVER_ARGUMENTS = new Set(['id', 'tags_all']);

/**
 * A resource block's arguments from the catalogue's live attributes. Left out: what the type says is computed or
 * sensitive, what its sub-resources fold in (those are resources of their own in Terraform), masked and unknown
 * values at any depth, and nested objects (blocks in Terraform), whose block shape the canonical attributes do not
 * always keep.
 */
export function resourceConfig(resource: Resource, type: ResourceType): ResourceConfig {
  const computed = new Set(type.computed ?? []);
  const folded = foldedAttributes(type);
  const sensitive = new Set(type.sensitive ?? []);
  const sensitiveRoots = new Set(resource.sensitivePaths.map((path) => path.split(/[.[]/)[0] ?? path));
  const leftOut: LeftOut = { computed: [], folded: [], sensitive: [], unknown: [], nested: [] };
  const args: [string, ArgumentValue][] = [];
  for (const name of Object.keys(resource.attributes).sort()) {
    const value = resource.attributes[name] as Value;
    if (NEVER_ARGUMENTS.has(name) || !isIdentifier(name) || value === null) continue;
    if (computed.has(name)) leftOut.computed.push(name);
    else if (folded.has(name)) leftOut.folded.push(name);
    else if (sensitive.has(name) || sensitiveRoots.has(name) || holdsMarker(value, isSensitive))
      leftOut.sensitive.push(name);
    else if (holdsMarker(value, isUnknown)) leftOut.unknown.push(name);
    else {
      const argument = argumentValue(name, value);
      if (argument === undefined) leftOut.nested.push(name);
      else args.push([name, argument]);
    }
  }
  return { arguments: args, leftOut };
}

/**
 * Attributes that are maps in Terraform: the one kind of object the canonical attributes keep in Terraform's shape.
 * Any other object is a nested block there (`metadata_options { ... }`), which `name = { ... }` would not be.
 */
const MAP_ATTRIBUTES = new Set(['tags']);

function argumentValue(name: string, value: Value): ArgumentValue | undefined {
  if (isScalar(value)) return value;
  if (Array.isArray(value)) return value.every(isScalar) ? value : undefined;
  if (!isPlainObject(value) || !MAP_ATTRIBUTES.has(name)) return undefined;
  const entries = Object.entries(value);
  if (!entries.every(([key, item]) => typeof item === 'string' && representable(key))) return undefined;
  return Object.fromEntries(entries) as StringMap;
}

function isScalar(value: Value): value is string | number | boolean {
  if (typeof value === 'string') return representable(value);
  return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function holdsMarker(value: Value, marker: (value: unknown) => boolean): boolean {
  if (marker(value)) return true;
  if (Array.isArray(value)) return value.some((item) => holdsMarker(item, marker));
  if (isPlainObject(value)) return Object.values(value).some((item) => holdsMarker(item, marker));
  return false;
}

const FOLDED = new WeakMap<ResourceType, ReadonlySet<string>>();

/**
 * The attributes a type's sub-resources write (aws_s3_bucket_versioning writes `versioning`): in Terraform they are
 * arguments of those resources, not of this one. Found by folding probe sub-resources (an empty one, and one whose
 * every attribute is a one-element block list) into a recording parent, so that the folds stay the one place that
 * says it.
 */
function foldedAttributes(type: ResourceType): ReadonlySet<string> {
  const cached = FOLDED.get(type);
  if (cached) return cached;
  const written = new Set<string>();
  const parent = new Proxy<Record<string, Value>>(
    {},
    {
      set(_target, key) {
        if (typeof key === 'string') written.add(key);
        return true;
      },
    },
  );
  for (const sub of type.folds ?? [])
    for (const probe of [{}, blockProbe()]) {
      try {
        sub.fold(parent, probe);
      } catch {
        // A fold that cannot read the probe writes nothing for it; the other probe may still show what it writes.
      }
    }
  FOLDED.set(type, written);
  return written;
}

/** An object whose every attribute is a list of one such object: what a fold expects to find in a block. */
function blockProbe(): Record<string, Value> {
  const probe: Record<string, Value> = new Proxy(
    {},
    {
      get: (_target, key) =>
        typeof key === 'string' && key !== 'toJSON' && key !== 'then' ? [probe] : undefined,
      has: () => true,
    },
  );
  return probe;
}
