import { setOwnValue, unknown, type Value } from '../../../value.js';
import { record } from '../../read/aws-config.js';

/*
 * Typed reads of decoded AWS Config fields for the type modules that need them: absent (or `null`) is left out,
 * a value of the wrong type is unknown, never passed on or guessed. A module that knows the item states "not set"
 * by leaving a field out says so with `?? null` at the call.
 */

function typed(value: unknown, type: 'string' | 'number' | 'boolean'): Value | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === type ? (value as Value) : unknown('not-reported');
}

export const str = (value: unknown) => typed(value, 'string');
export const num = (value: unknown) => typed(value, 'number');
export const bool = (value: unknown) => typed(value, 'boolean');

/** A list of strings; entries of another type make the list unknown. */
export function strs(value: unknown): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
    return unknown('not-reported');
  return [...value] as string[];
}

/** `field` of each record of a list (`securityGroups[*].groupId`). */
export function fieldOfEach(value: unknown, field: string): Value | undefined {
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

/** The last segment of an ARN's resource path: `arn:aws:iam::1:instance-profile/path/name` -> `name`. */
export function arnName(arn: unknown): string | undefined {
  if (typeof arn !== 'string' || arn === '') return undefined;
  const resource = arn.split(':').slice(5).join(':');
  return resource.split('/').at(-1) || undefined;
}

/** A non-empty string, for ids. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `[{name, value}]` (CloudWatch dimensions) as a map; an entry without a string name makes it unknown. */
export function nameValueMap(value: unknown): Value | undefined {
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

/**
 * A VPC's or subnet's `ipv6CidrBlockAssociationSet`: the provider reads the one associated Amazon-provided block;
 * none associated is none set.
 */
export function ipv6Block(associations: unknown): string | null | undefined {
  if (!Array.isArray(associations)) return undefined;
  for (const raw of associations) {
    const association = record(raw);
    const state = record(association?.ipv6CidrBlockState)?.state;
    if (typeof association?.ipv6CidrBlock === 'string' && (state === undefined || state === 'associated'))
      return association.ipv6CidrBlock;
  }
  return null;
}
