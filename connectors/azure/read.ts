import type { ConnectorContext, SourceReadResult } from '../../src/connector/types.js';
import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import { eachLimited } from '../../src/util/each-limited.js';
import { type ArmApi, ArmError } from './client.js';
import { ARM_MAPPINGS, graphTypeOf, mappingFor } from './map/index.js';
import type { ArmResource, ArmTypeMapping } from './map/types.js';
import type { ArmScope, GraphScope } from './schema.js';

export const CONNECTOR_ID = 'azure';
const CONCURRENCY = 8;
const AUTHORIZATION_API = '2022-04-01';

/**
 * One subscription (or resource group) through ARM: list the resources, then fetch each one's full properties with
 * getById at the api-version its provider declares (resolved once per namespace). Role definitions and
 * assignments come from the authorization API. A type that cannot be read is left out of the covered types and
 * named; the source is then partial and nothing of that type is reported missing.
 */
export async function readArm(
  api: ArmApi,
  scope: ArmScope,
  ctx: ConnectorContext,
  location: string,
): Promise<SourceReadResult> {
  const { mappings, wanted } = selected(scope.types);
  const failed = new Map<string, string>();
  const raw: ArmResource[] = [];
  const fail = (types: readonly string[], error: unknown) => {
    if (!(error instanceof ArmError)) throw error;
    for (const type of types) if (wanted.has(type) && !failed.has(type)) failed.set(type, error.message);
  };

  const resourceMappings = mappings.filter((m) => !isSpecial(m.armType));
  try {
    const listed: ArmResource[] = [];
    for await (const page of api.listResources(scope.subscription, scope.resourceGroup)) {
      listed.push(...page.filter((r) => resourceMappings.some((m) => sameType(m.armType, r.type))));
    }
    let done = 0;
    await eachLimited(listed, CONCURRENCY, async (item) => {
      const mapping = mappingFor(item.type);
      try {
        const version = await api.apiVersionFor(scope.subscription, item.type);
        raw.push(await withChildren(api, await api.getById(item.id, version), version));
      } catch (error) {
        fail(mapping?.terraformTypes ?? [], error);
      }
      ctx.progress(`azure ${location}: ${++done}/${listed.length} resources`);
    });
  } catch (error) {
    fail(
      resourceMappings.flatMap((m) => m.terraformTypes),
      error,
    );
  }
  if (wanted.has('azurerm_resource_group')) {
    try {
      const groups = await api.listResourceGroups(scope.subscription);
      raw.push(
        ...groups.filter(
          (g) => !scope.resourceGroup || g.name?.toLowerCase() === scope.resourceGroup.toLowerCase(),
        ),
      );
    } catch (error) {
      fail(['azurerm_resource_group'], error);
    }
  }
  const base = `/subscriptions/${scope.subscription}${scope.resourceGroup ? `/resourceGroups/${scope.resourceGroup}` : ''}`;
  if (wanted.has('azurerm_role_definition')) {
    try {
      raw.push(
        ...(await api.listPath(
          `${base}/providers/Microsoft.Authorization/roleDefinitions?$filter=type%20eq%20'CustomRole'`,
          AUTHORIZATION_API,
        )),
      );
    } catch (error) {
      fail(['azurerm_role_definition'], error);
    }
  }
  if (wanted.has('azurerm_role_assignment')) {
    try {
      raw.push(
        ...(await api.listPath(
          `${base}/providers/Microsoft.Authorization/roleAssignments`,
          AUTHORIZATION_API,
        )),
      );
    } catch (error) {
      fail(['azurerm_role_assignment'], error);
    }
  }
  return result(raw, wanted, failed, api, scope.subscription);
}

/**
 * Azure Resource Graph: one query per kind of table, 1000 rows a page, across subscriptions or a management group.
 * Graph rows carry the same payload shape as ARM, so the same mappings serve; what Graph does not hold (a SQL
 * database's TDE state, a web app's full site config) stays unknown. Graph names some types its own way (resource
 * groups are `microsoft.resources/subscriptions/resourcegroups` in ResourceContainers): the query asks for those.
 */
export async function readGraph(
  api: ArmApi,
  scope: GraphScope,
  ctx: ConnectorContext,
  location: string,
): Promise<SourceReadResult> {
  const { mappings, wanted } = selected(scope.types);
  const failed = new Map<string, string>();
  const graphScope = {
    ...(scope.subscriptions ? { subscriptions: scope.subscriptions } : {}),
    ...(scope.managementGroups ? { managementGroups: scope.managementGroups } : {}),
  };
  const tables: { table: string; mappings: ArmTypeMapping[] }[] = [
    { table: 'Resources', mappings: mappings.filter((m) => !isSpecial(m.armType)) },
    {
      table: 'ResourceContainers',
      mappings: mappings.filter((m) => sameType(m.armType, 'Microsoft.Resources/resourceGroups')),
    },
    {
      table: 'AuthorizationResources',
      mappings: mappings.filter((m) => m.armType.toLowerCase().startsWith('microsoft.authorization/')),
    },
  ];
  const raw: ArmResource[] = [];
  for (const { table, mappings: tableMappings } of tables) {
    if (tableMappings.length === 0) continue;
    const types = tableMappings.map((m) => `'${graphTypeOf(m)}'`).join(', ');
    ctx.progress(`azure-graph ${location}: querying ${table}`);
    try {
      const rows = await api.graphQuery(
        graphScope,
        `${table} | where type in~ (${types}) | project id, name, type, kind, location, tags, properties, sku, identity`,
      );
      raw.push(...(rows as unknown as ArmResource[]));
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      for (const type of tableMappings.flatMap((m) => m.terraformTypes))
        if (wanted.has(type)) failed.set(type, error.message);
    }
  }
  return result(raw, wanted, failed, api, undefined);
}

function result(
  raw: ArmResource[],
  wanted: Set<string>,
  failed: Map<string, string>,
  api: ArmApi,
  subscription: string | undefined,
): SourceReadResult {
  const resources: Resource[] = [];
  for (const item of raw) {
    const mapped = mappingFor(item.type)?.map(item);
    if (!mapped || !wanted.has(mapped.terraformType) || failed.has(mapped.terraformType)) continue;
    const provider = providerOfType(mapped.terraformType);
    resources.push({
      provider,
      type: mapped.terraformType,
      id: mapped.id,
      key: resourceKey(mapped.terraformType, mapped.id, provider),
      attributes: mapped.attributes,
      origin: 'live',
      source: { connector: CONNECTOR_ID, location: item.id },
      sensitivePaths: [],
      ...(subscriptionOf(item.id, subscription) ? { account: subscriptionOf(item.id, subscription) } : {}),
    });
  }
  return {
    resources: resources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    coveredTypes: [...wanted].filter((type) => !failed.has(type)).sort(),
    problems: [...failed].map(([type, message]) => `${type} not compared: ${message}`).sort(),
    stats: api.stats(),
  };
}

/** The child documents that hold settings Terraform keeps on the parent. */
async function withChildren(api: ArmApi, resource: ArmResource, version: string): Promise<ArmResource> {
  if (
    sameType(resource.type, 'Microsoft.Sql/servers/databases') &&
    !resource.id.toLowerCase().endsWith('/databases/master')
  ) {
    const tde = await api.getPath(`${resource.id}/transparentDataEncryption/current`, version);
    return {
      ...resource,
      properties: {
        ...resource.properties,
        transparentDataEncryption: (tde.properties ?? {}) as Record<string, unknown>,
      },
    };
  }
  if (sameType(resource.type, 'Microsoft.Web/sites')) {
    const config = await api.getPath(`${resource.id}/config/web`, version);
    return {
      ...resource,
      properties: {
        ...resource.properties,
        siteConfig: (config.properties ?? {}) as Record<string, unknown>,
      },
    };
  }
  return resource;
}

/** The mappings a scope asks for (all, or those of its --types), and the canonical types it wants read. */
function selected(types: readonly string[] | undefined): {
  mappings: ArmTypeMapping[];
  wanted: Set<string>;
} {
  const mappings = ARM_MAPPINGS.filter((m) => !types || m.terraformTypes.some((t) => types.includes(t)));
  const wanted = new Set(
    mappings.flatMap((m) => m.terraformTypes).filter((t) => !types || types.includes(t)),
  );
  return { mappings, wanted };
}

function isSpecial(armType: string): boolean {
  const type = armType.toLowerCase();
  return type.startsWith('microsoft.authorization/') || type === 'microsoft.resources/resourcegroups';
}

function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function subscriptionOf(id: string, fallback: string | undefined): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase() ?? fallback;
}
