import { z } from 'zod';
import { usageError } from '../../src/errors.js';

/**
 * Specs:
 *   azure:<subscription-id>[/resourceGroups/<name>][;types=<tf type>,...]
 *   azure-graph:<subscription-id>,<subscription-id>[;types=...]      Azure Resource Graph across subscriptions
 *   azure-graph:mg=<management-group>[;types=...]                    ... or a management group
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE = z
  .string()
  .regex(/^azurerm_[a-z0-9_]+$/, 'must be Terraform type names such as azurerm_storage_account');

export const CONNECTOR_ID = 'azure';

export interface ArmScope {
  mode: 'arm';
  subscription: string;
  resourceGroup?: string;
  types?: string[];
}

export interface GraphScope {
  mode: 'graph';
  subscriptions?: string[];
  managementGroups?: string[];
  types?: string[];
}

export function parseAzureSpec(spec: string, graph: boolean): ArmScope | GraphScope {
  const [target = '', ...options] = spec.split(';').map((part) => part.trim());
  const name = graph ? 'azure-graph' : 'azure';
  let types: string[] | undefined;
  for (const option of options.filter(Boolean)) {
    const [key, value = ''] = option.split('=', 2);
    if (key !== 'types') throw usageError(`--live ${name}:${spec}: unknown option "${key}" (types)`);
    const parsed = z.array(TYPE).safeParse(
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    );
    if (!parsed.success)
      throw usageError(`--live ${name}:${spec}: types: ${parsed.error.issues[0]?.message}`);
    types = parsed.data;
  }
  if (graph) {
    if (target.startsWith('mg='))
      return { mode: 'graph', managementGroups: [target.slice(3)], ...(types ? { types } : {}) };
    const subscriptions = target
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (subscriptions.length === 0 || !subscriptions.every((s) => GUID.test(s))) {
      throw usageError(
        `--live ${name}:${spec}: expected subscription ids (comma-separated) or mg=<management group>`,
      );
    }
    return { mode: 'graph', subscriptions, ...(types ? { types } : {}) };
  }
  const match = /^\/?(?:subscriptions\/)?([^/]+)(?:\/resourceGroups\/([^/]+))?\/?$/i.exec(target);
  if (!match?.[1] || !GUID.test(match[1])) {
    throw usageError(
      `--live ${name}:${spec}: expected <subscription-id>[/resourceGroups/<name>], e.g. azure:00000000-0000-0000-0000-000000000000`,
    );
  }
  return {
    mode: 'arm',
    subscription: match[1],
    ...(match[2] ? { resourceGroup: match[2] } : {}),
    ...(types ? { types } : {}),
  };
}

// What ARM and Resource Graph return. Lenient: fields optional, unknown fields kept, nulls read as absent. A
// payload of the wrong shape is a per-resource diagnostic naming the resource and the field.

const text = z.string().nullish();
const record = z.record(z.string(), z.unknown());

// The schemas below are built on first use (z.lazy): every scan loads every connector, and uses few.
/** The fields of an ARM resource (or a Graph row) the mappings read at the top level. */
export const armResourceSchema = z.lazy(() =>
  z
    .object({
      id: z.string(),
      type: z.string(),
      name: text,
      kind: text,
      location: text,
      tags: z.record(z.string(), z.string()).nullish(),
      sku: record.nullish(),
      identity: record.nullish(),
      properties: record.nullish(),
    })
    .passthrough(),
);

/** A list page of the authorization and child APIs. */
export const armListSchema = z.lazy(() =>
  z.object({ value: z.array(z.unknown()).nullish(), nextLink: text }).passthrough(),
);

/** A child document (TDE state, site config): only its properties are read. */
export const armDocumentSchema = z.lazy(() => z.object({ properties: record.nullish() }).passthrough());

/** A Resource Graph page in the `objectArray` result format. */
export const graphPageSchema = z.lazy(() =>
  z.object({ data: z.array(z.unknown()).nullish(), $skipToken: text }).passthrough(),
);

export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssues(schema: z.ZodType, value: unknown): FieldIssue[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message:
      issue.code === 'invalid_type'
        ? `expected ${issue.expected}, got ${kindOf(valueAt(value, issue.path))}`
        : issue.message,
  }));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
