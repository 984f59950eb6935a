import { isPlainObject } from '../../src/model/value.js';
import type { StateV4 } from './schema.js';

/**
 * True when `raw`, as JSON.parse made it, passes stateV4Schema, checked by hand: the schema copies every resource
 * and instance of the state (0.12 s of the 100k scan's 0.3 s in zod), and the mapping only reads their fields. Never
 * more lenient than the schema: where this says no, parseState asks the schema, for its verdict and its message.
 */
export function isValidState(raw: { [key: string]: unknown }): raw is StateV4 {
  if (raw.version !== 4) return false;
  if (!optional(raw.terraform_version, isString) || !optional(raw.serial, isNumber)) return false;
  if (!optional(raw.lineage, isString)) return false;
  const resources = raw.resources;
  // null is the schema's empty state too, but it transforms it: the schema's output is then needed.
  return Array.isArray(resources) && resources.every(isValidResource);
}

function isValidResource(resource: unknown): boolean {
  if (!isPlainObject(resource)) return false;
  if (!optional(resource.module, isString) || !optional(resource.provider, isString)) return false;
  if (resource.mode !== 'managed' && resource.mode !== 'data') return false;
  if (!isNonEmptyString(resource.type) || !isNonEmptyString(resource.name)) return false;
  if (resource.each !== undefined && resource.each !== 'list' && resource.each !== 'map') return false;
  return Array.isArray(resource.instances) && resource.instances.every(isValidInstance);
}

function isValidInstance(instance: unknown): boolean {
  if (!isPlainObject(instance)) return false;
  const key = instance.index_key;
  if (key !== undefined && !isNumber(key) && !isString(key)) return false;
  if (!optional(instance.status, isString) || !optional(instance.deposed, isString)) return false;
  if (!optional(instance.schema_version, isNumber) || !optional(instance.attributes, isPlainObject))
    return false;
  const flat = instance.attributes_flat;
  if (flat !== undefined && !(isPlainObject(flat) && Object.values(flat).every(isString))) return false;
  const sensitive = instance.sensitive_attributes;
  if (sensitive === undefined) return true;
  return (
    Array.isArray(sensitive) &&
    sensitive.every((path) => (Array.isArray(path) ? path.every(isPathStep) : isPathStep(path)))
  );
}

/** `value` is z.unknown(), which zod 4 requires to be there (JSON has no undefined: present is enough). */
function isPathStep(step: unknown): boolean {
  return isPlainObject(step) && isString(step.type) && step.value !== undefined;
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}
