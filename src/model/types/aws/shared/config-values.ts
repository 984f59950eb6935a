import { setOwnValue, unknown, type Value } from '../../../value.js';
import { record } from '../../read/aws-config.js';

/*
 * Typed reads of the fields of a decoded AWS Config item, for the modules whose items carry a service's Describe*
 * shape: absent (or `null`) stays absent, a value of the wrong type is unknown, never passed on or guessed. A
 * module that knows the item states "not set" by leaving a field out says so with `?? null` at the call.
 */

function typed(value: unknown, type: 'string' | 'number' | 'boolean'): Value | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === type ? (value as Value) : unknown('not-reported');
}

export const configText = (value: unknown) => typed(value, 'string');
export const configNumber = (value: unknown) => typed(value, 'number');
export const configFlag = (value: unknown) => typed(value, 'boolean');

/** A list of strings; an entry of another type makes the list unknown. */
export function configTexts(value: unknown): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
    return unknown('not-reported');
  return [...value] as string[];
}

/** `field` of each record of a list (`subnets[*].subnetIdentifier`). */
export function configFieldOfEach(value: unknown, field: string): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return unknown('not-reported');
  const out: string[] = [];
  for (const entry of value) {
    const member = record(entry)?.[field];
    if (typeof member !== 'string') return unknown('not-reported');
    out.push(member);
  }
  return out;
}

/** `[{name, value}]` (CloudWatch dimensions) as a map; an entry without a string name makes it unknown. */
export function configNameValueMap(value: unknown): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return unknown('not-reported');
  const out: Record<string, Value> = {};
  for (const entry of value) {
    const pair = record(entry);
    const name = pair?.name ?? pair?.Name;
    const member = pair?.value ?? pair?.Value;
    if (typeof name !== 'string' || typeof member !== 'string') return unknown('not-reported');
    setOwnValue(out, name, member);
  }
  return out;
}
