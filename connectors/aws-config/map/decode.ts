import { byAwsConfigType } from '../../../src/model/types/index.js';
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
