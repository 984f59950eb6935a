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
