import { byAwsConfigType } from '../../../src/model/types/index.js';
import type { Value } from '../../../src/model/value.js';
import {
  type ConfigItemEnvelope,
  configItemSchema,
  type FieldIssue,
  fieldIssues,
  kindOf,
} from '../schema.js';
import type { ConfigItem } from './types.js';

/** A configuration item as the SDK returns it, before its envelope is checked (`configItemSchema`). */
export type RawConfigItem = unknown;

export interface DecodedItem {
  item: ConfigItem;
  /** Fields of the wrong shape: each is left unknown in the item, and reported. */
  issues: FieldIssue[];
}

/**
 * Decodes the JSON strings inside a checked configuration item (a value that does not parse stays a string), then
 * checks the fields its mapping reads. A field of the wrong shape stays in the item with the value `undefined`:
 * unknown, which a mapping must not read as "not set".
 */
export function decodeItem(raw: ConfigItemEnvelope): DecodedItem {
  const issues: FieldIssue[] = [];
  const supplementary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.supplementaryConfiguration ?? {}))
    supplementary[key] = parseDeep(value);
  const configuration = parseDeep(raw.configuration ?? '{}');
  if (!isObject(configuration))
    issues.push({ path: ['configuration'], message: `expected a JSON object, got ${kindOf(configuration)}` });
  const item: ConfigItem = {
    resourceType: raw.resourceType,
    resourceId: raw.resourceId,
    configuration: isObject(configuration) ? configuration : {},
    supplementaryConfiguration: supplementary,
  };
  if (raw.resourceName != null) item.resourceName = raw.resourceName;
  if (raw.arn != null) item.arn = raw.arn;
  if (raw.accountId != null) item.accountId = raw.accountId;
  if (raw.awsRegion != null) item.awsRegion = raw.awsRegion;
  if (raw.tags != null) item.tags = raw.tags;
  const schema = byAwsConfigType(raw.resourceType)?.sources.awsConfig?.itemSchema;
  if (schema) {
    for (const issue of fieldIssues(schema, item)) {
      issues.push(issue);
      forget(item, issue.path);
    }
  }
  return { item, issues };
}

/** Checks a raw item's envelope, then decodes it; an item that cannot even be identified gives a message. */
export function readConfigItem(raw: RawConfigItem): DecodedItem | { unreadable: string } {
  const envelope = configItemSchema.safeParse(raw);
  if (!envelope.success) {
    const where = fieldIssues(configItemSchema, raw)
      .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
      .join('; ');
    return { unreadable: where };
  }
  return decodeItem(envelope.data);
}

/** Makes the top field an issue is under unknown: `configuration.X` or `supplementaryConfiguration.X`. */
function forget(item: ConfigItem, path: readonly (string | number)[]): void {
  const [section, field] = path;
  if (field === undefined) return;
  if (section === 'configuration') item.configuration[field] = undefined;
  if (section === 'supplementaryConfiguration') item.supplementaryConfiguration[field] = undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
