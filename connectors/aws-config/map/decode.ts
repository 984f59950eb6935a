import type { Value } from '../../../src/model/value.js';
import type { ConfigItem } from './types.js';

export interface RawConfigItem {
  resourceType?: string;
  resourceId?: string;
  resourceName?: string;
  arn?: string;
  accountId?: string;
  awsRegion?: string;
  configuration?: string;
  supplementaryConfiguration?: Record<string, string>;
  tags?: Record<string, string>;
}

/** Decodes the JSON strings inside a configuration item. A value that does not parse stays a string. */
export function decodeItem(raw: RawConfigItem): ConfigItem | undefined {
  if (!raw.resourceType || !raw.resourceId) return undefined;
  const supplementary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.supplementaryConfiguration ?? {}))
    supplementary[key] = parseDeep(value);
  const item: ConfigItem = {
    resourceType: raw.resourceType,
    resourceId: raw.resourceId,
    configuration: asObject(parseDeep(raw.configuration ?? '{}')),
    supplementaryConfiguration: supplementary,
  };
  if (raw.resourceName !== undefined) item.resourceName = raw.resourceName;
  if (raw.arn !== undefined) item.arn = raw.arn;
  if (raw.accountId !== undefined) item.accountId = raw.accountId;
  if (raw.awsRegion !== undefined) item.awsRegion = raw.awsRegion;
  if (raw.tags !== undefined) item.tags = raw.tags;
  return item;
}

/** JSON.parse until the value is no longer a JSON string (S3's ACL is encoded twice). */
function parseDeep(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current === 'string'; depth++) {
    const text = current.trim();
    if (
      !(
        text.startsWith('{') ||
        text.startsWith('[') ||
        text.startsWith('"') ||
        text === 'true' ||
        text === 'false' ||
        text === 'null'
      )
    ) {
      return current;
    }
    try {
      current = JSON.parse(text);
    } catch {
      return current;
    }
  }
  return current;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** IAM policy documents in configuration items are URL-encoded JSON. */
export function decodePolicyDocument(encoded: unknown): Value | undefined {
  if (typeof encoded !== 'string' || encoded === '') return undefined;
  try {
    return JSON.parse(decodeURIComponent(encoded)) as Value;
  } catch {
    try {
      return JSON.parse(encoded) as Value;
    } catch {
      return undefined;
    }
  }
}

/** Sets `attributes[name]` only when the item reports the value: absent stays unknown. */
export function put(attributes: Record<string, Value>, name: string, value: unknown): void {
  if (value === undefined) return;
  attributes[name] = value as Value;
}

/** `[{key, value}]` or `[{Key, Value}]` tag lists, or a map, as a Terraform tags map. */
export function tagMap(tags: unknown): Record<string, string> | undefined {
  if (Array.isArray(tags)) {
    const out: Record<string, string> = {};
    for (const tag of tags) {
      if (typeof tag !== 'object' || tag === null) continue;
      const t = tag as Record<string, unknown>;
      const key = t.key ?? t.Key;
      const value = t.value ?? t.Value;
      if (typeof key === 'string') out[key] = typeof value === 'string' ? value : String(value ?? '');
    }
    return out;
  }
  if (typeof tags === 'object' && tags !== null) return tags as Record<string, string>;
  return undefined;
}
