import type { z } from 'zod';
import type { ConnectorContext, LiveReadResult } from '../../src/connector/types.js';
import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import { nestedArmResources } from '../../src/model/types/map-arm.js';
import type { ArmShape } from '../../src/model/types/sources.js';
import { isPlainObject } from '../../src/model/value.js';
import { eachLimited } from '../../src/util/each-limited.js';
import { type ListedChildResult, listChildren, listedCoverage, listsWantedChildren } from './children.js';
import { type ArmApi, ArmError } from './client.js';
import { ARM_MAPPINGS, graphTypeOf, mappingFor } from './map/index.js';
import type { ArmResource, ArmTypeMapping } from './map/types.js';
import { type ArmScope, armResourceSchema, CONNECTOR_ID, fieldIssues, type GraphScope } from './schema.js';

export { CONNECTOR_ID } from './schema.js';

const CONCURRENCY = 8;
const AUTHORIZATION_API = '2022-04-01';
/** The policy assignments API version azurerm 4.x reads them with (go-azure-sdk resources/2022-06-01). */
const POLICY_API = '2022-06-01';
const POLICY_ASSIGNMENTS = 'Microsoft.Authorization/policyAssignments';

/**
 * One subscription (or resource group) through ARM: list the resources, then fetch each one's full properties with
 * getById at the api-version its provider declares (resolved once per namespace). A table type is compared only by
 * the envelope the list already returns (id, name, type, location, tags), so it is mapped as listed and never
 * fetched. Role definitions, role assignments and policy assignments come from the authorization API (Resources -
 * List returns none of them). Children that neither the list nor their parent's payload holds (blob containers,
 * queues) are listed under each parent. A type that cannot be read is left out of the covered types and named; the
 * source is then partial and nothing of that type is reported missing.
 */
export async function readArm(
  api: ArmApi,
  scope: ArmScope,
  ctx: ConnectorContext,
  location: string,
): Promise<LiveReadResult> {
  const { mappings, wanted } = selected(scope.types);
  const failed = new Map<string, string>();
  const raw: ArmResource[] = [];
  const fail = (types: readonly string[], error: unknown) => {
    if (!(error instanceof ArmError)) throw error;
    for (const type of types) if (wanted.has(type) && !failed.has(type)) failed.set(type, error.message);
  };

  const fieldProblems: string[] = [];
  const check = checker(
    ctx,
    location,
    (types, message) => fail(types, new ArmError('other', message, undefined)),
    fieldProblems,
  );
  // A child of the wrong shape leaves its parent's children unknown (listChildren), not its whole type.
  const childChecker = () => checker(ctx, location, () => undefined, fieldProblems);
  const resourceMappings = mappings.filter((m) => !isSpecial(m.armType));
  let children: ListedChildResult | undefined;
  try {
    const listed: ArmResource[] = [];
    const parents: ArmResource[] = [];
    for await (const page of api.listResources(scope.subscription, scope.resourceGroup)) {
      for (const item of check(page)) {
        const mapping = resourceMappings.find((m) => sameType(m.armType, item.type));
        if (!mapping) continue;
        if (listsWantedChildren(mapping, wanted)) parents.push(item);
        // A parent read only for the children listed under it is not fetched.
        if (!typesOf(mapping).some((type) => wanted.has(type))) continue;
        if (mapping.envelopeOnly) raw.push(item);
        else listed.push(item);
      }
    }
    let done = 0;
    await eachLimited(listed, CONCURRENCY, async (item) => {
      const mapping = mappingFor(item.type);
      try {
        const version = await api.apiVersionFor(scope.subscription, item.type);
        const [full] = check([await api.getById(item.id, version)]);
        if (full) raw.push(await withChildren(api, full, version));
      } catch (error) {
        fail(mapping ? typesOf(mapping) : [], error);
      }
      ctx.progress(`azure ${location}: ${++done}/${listed.length} resources`);
    });
    children = await listChildren(api, parents, wanted, childChecker(), CONCURRENCY);
  } catch (error) {
    fail(resourceMappings.flatMap(allTypesOf), error);
  }
  if (wanted.has('azurerm_resource_group')) {
    try {
      const groups = check(await api.listResourceGroups(scope.subscription));
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
        ...check(
          await api.listPath(
            `${base}/providers/Microsoft.Authorization/roleDefinitions?$filter=type%20eq%20'CustomRole'`,
            AUTHORIZATION_API,
          ),
        ),
      );
    } catch (error) {
      fail(['azurerm_role_definition'], error);
    }
  }
  if (wanted.has('azurerm_role_assignment')) {
    try {
      raw.push(
        ...check(
          await api.listPath(`${base}/providers/Microsoft.Authorization/roleAssignments`, AUTHORIZATION_API),
        ),
      );
    } catch (error) {
      fail(['azurerm_role_assignment'], error);
    }
  }
  // One list for the four azurerm types of an assignment's scope. Unfiltered, as for role assignments: those at the
  // scope, inherited from above it (management groups, the subscription) and made on what it contains.
  const policyTypes = mappingFor(POLICY_ASSIGNMENTS)?.terraformTypes ?? [];
  if (policyTypes.some((type) => wanted.has(type))) {
    try {
      raw.push(...check(await api.listPath(`${base}/providers/${POLICY_ASSIGNMENTS}`, POLICY_API)));
    } catch (error) {
      fail(policyTypes, error);
    }
  }
  return result(raw, children, wanted, failed, fieldProblems, api, scope.subscription);
}

/**
 * Azure Resource Graph: one query per kind of table, 1000 rows a page, across subscriptions or a management group.
 * Graph rows carry the same payload shape as ARM, so the same mappings serve; what Graph does not hold (a SQL
 * database's TDE state, a web app's full site config) stays unknown. Graph names some types its own way (resource
 * groups are `microsoft.resources/subscriptions/resourcegroups` in ResourceContainers): the query asks for those.
 * Policy assignments are rows of PolicyResources, not AuthorizationResources. Graph has no rows for the children
 * listed under a parent (blob containers, queues): they are listed through ARM under the parents Graph returned.
 */
export async function readGraph(
  api: ArmApi,
  scope: GraphScope,
  ctx: ConnectorContext,
  location: string,
): Promise<LiveReadResult> {
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
      mappings: mappings.filter(
        (m) => m.armType.toLowerCase().startsWith('microsoft.authorization/') && !isPolicyTable(m.armType),
      ),
    },
    { table: 'PolicyResources', mappings: mappings.filter((m) => isPolicyTable(m.armType)) },
  ];
  const fieldProblems: string[] = [];
  const check = checker(
    ctx,
    location,
    (types, message) => {
      for (const type of types) if (wanted.has(type) && !failed.has(type)) failed.set(type, message);
    },
    fieldProblems,
  );
  const raw: ArmResource[] = [];
  for (const { table, mappings: tableMappings } of tables) {
    for (const batch of graphBatches(tableMappings)) {
      const types = batch.map((m) => `'${graphTypeOf(m)}'`).join(', ');
      ctx.progress(`azure-graph ${location}: querying ${table}`);
      try {
        const rows = await api.graphQuery(
          graphScope,
          `${table} | where type in~ (${types}) | ${GRAPH_PROJECTION}`,
        );
        raw.push(...check(rows));
      } catch (error) {
        if (!(error instanceof ArmError)) throw error;
        for (const type of batch.flatMap(allTypesOf)) if (wanted.has(type)) failed.set(type, error.message);
      }
    }
  }
  const parents = raw.filter((item) => listsWantedChildren(mappingFor(item.type), wanted));
  const childChecker = () => checker(ctx, location, () => undefined, fieldProblems);
  const children = await listChildren(api, parents, wanted, childChecker(), CONCURRENCY);
  return result(raw, children, wanted, failed, fieldProblems, api, undefined);
}

const GRAPH_PROJECTION = 'project id, name, type, kind, location, tags, properties, sku, identity';

/**
 * The characters of type list one Resource Graph query carries. Graph documents no limit on a query's length; this
 * budget keeps each request small (well inside what proxies and gateways pass) while every type the catalogue maps
 * today still goes in one query, so one table costs one query and its pages.
 */
export const GRAPH_TYPE_LIST_BUDGET = 12_000;

/** The mappings of one Graph table in batches whose quoted type lists fit the budget, in catalogue order. */
export function graphBatches(
  mappings: readonly ArmTypeMapping[],
  budget = GRAPH_TYPE_LIST_BUDGET,
): ArmTypeMapping[][] {
  const batches: ArmTypeMapping[][] = [];
  let current: ArmTypeMapping[] = [];
  let length = 0;
  for (const mapping of mappings) {
    const cost = graphTypeOf(mapping).length + 4;
    if (current.length > 0 && length + cost > budget) {
      batches.push(current);
      current = [];
      length = 0;
    }
    current.push(mapping);
    length += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function result(
  raw: ArmResource[],
  children: ListedChildResult | undefined,
  wanted: Set<string>,
  failed: Map<string, string>,
  fieldProblems: readonly string[],
  api: ArmApi,
  subscription: string | undefined,
): LiveReadResult {
  const resources: Resource<'live'>[] = [];
  const items: ArmResource[] = [];
  for (const item of [...raw, ...(children?.items ?? [])]) {
    items.push(item);
    const { children, unidentified } = nestedArmResources(item as unknown as ArmShape);
    for (const child of children) items.push(asArmResource(child));
    for (const armType of unidentified)
      for (const type of mappingFor(armType)?.terraformTypes ?? [])
        if (wanted.has(type) && !failed.has(type))
          failed.set(type, `a ${armType} in ${item.id} has no id, so it cannot be paired`);
  }
  for (const item of items) {
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
  const listed = listedCoverage(children, wanted, failed);
  return {
    resources: resources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    coverage: {
      types: [...wanted].filter((type) => !failed.has(type) && !listed.partly.has(type)).sort(),
      ...(listed.prefixes.length > 0 ? { prefixes: listed.prefixes } : {}),
    },
    problems: [
      ...[...failed].map(([type, message]) => `${type} not compared: ${message}`).sort(),
      ...listed.problems,
      ...fieldProblems,
    ],
    stats: api.stats(),
  };
}

/** The child documents that hold settings Terraform keeps on the parent. */
async function withChildren(api: ArmApi, resource: ArmResource, version: string): Promise<ArmResource> {
  if (
    sameType(resource.type, 'Microsoft.Sql/servers/databases') &&
    !resource.id.toLowerCase().endsWith('/databases/master')
  ) {
    const tde = await api.getProperties(`${resource.id}/transparentDataEncryption/current`, version);
    return { ...resource, properties: { ...resource.properties, transparentDataEncryption: tde ?? {} } };
  }
  if (sameType(resource.type, 'Microsoft.Web/sites')) {
    const config = await api.getProperties(`${resource.id}/config/web`, version);
    return { ...resource, properties: { ...resource.properties, siteConfig: config ?? {} } };
  }
  return resource;
}

/**
 * Checks each payload against the lenient resource schema. A field of the wrong shape is dropped (unknown) and
 * reported, naming the resource and the field; the source is then partial. A payload without a usable id or type
 * cannot be told apart from any declared resource of its type, so that type is not compared.
 */
function checker(
  ctx: ConnectorContext,
  location: string,
  failTypes: (types: readonly string[], message: string) => void,
  fieldProblems: string[],
): (payloads: readonly unknown[]) => ArmResource[] {
  const reported = new Set<string>();
  return (payloads) => {
    const out: ArmResource[] = [];
    for (const payload of payloads) {
      const parsed = armResourceSchema.safeParse(payload);
      const issues = parsed.success ? [] : fieldIssues(armResourceSchema, payload);
      const record: Record<string, unknown> =
        typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? { ...payload } : {};
      const named =
        typeof record.id === 'string' ? record.id : typeof record.name === 'string' ? record.name : '(no id)';
      const type = typeof record.type === 'string' ? record.type : '(no type)';
      for (const issue of issues) {
        // ARM is checked twice, as listed and as fetched: one diagnostic per resource and field.
        const message = `${type} ${named}: ${issue.path || 'payload'}: ${issue.message}`;
        if (reported.has(message)) continue;
        reported.add(message);
        if (issue.path !== '' && issue.path !== 'id' && issue.path !== 'type') fieldProblems.push(message);
        ctx.diagnostic({
          level: 'warning',
          code: 'azure.malformed-payload',
          message,
          source: location,
        });
      }
      if (issues.some((issue) => issue.path === '' || issue.path === 'id' || issue.path === 'type')) {
        const mapping = typeof record.type === 'string' ? mappingFor(record.type) : undefined;
        const message = `a payload of the wrong shape (${type} ${named}: ${issues.map((i) => `${i.path || 'payload'}: ${i.message}`).join('; ')})`;
        if (mapping) failTypes(allTypesOf(mapping), message);
        else ctx.log.warn(`${location}: ${message}`);
        continue;
      }
      for (const issue of issues) delete record[issue.path.split('.')[0] ?? ''];
      const checked = armResourceSchema.safeParse(record);
      if (!checked.success) continue;
      out.push(withoutNulls(checked.data));
    }
    return out;
  };
}

/** The schema reads null as absent; ArmResource leaves absent fields out. */
function withoutNulls(data: z.infer<typeof armResourceSchema>): ArmResource {
  const { id, type, name, kind, location, tags, sku, identity, properties } = data;
  return {
    id,
    type,
    ...(name != null ? { name } : {}),
    ...(kind != null ? { kind } : {}),
    ...(location != null ? { location } : {}),
    ...(tags !== undefined ? { tags } : {}),
    ...(sku != null ? { sku } : {}),
    ...(identity != null ? { identity } : {}),
    ...(properties != null ? { properties } : {}),
  };
}

/**
 * The mappings a scope reads (all, or those its --types asks for, and the parents of the children it asks for),
 * and the canonical types it wants reported. A child is read out of its parent or listed under it, never on its own.
 */
function selected(types: readonly string[] | undefined): {
  mappings: ArmTypeMapping[];
  wanted: Set<string>;
} {
  const mappings = ARM_MAPPINGS.filter(
    (m) => !m.nested && !m.listed && (!types || allTypesOf(m).some((t) => types.includes(t))),
  );
  const wanted = new Set(mappings.flatMap(allTypesOf).filter((t) => !types || types.includes(t)));
  return { mappings, wanted };
}

/** The canonical types one mapping's payloads yield: its own, and those of the children they hold. */
function typesOf(mapping: ArmTypeMapping): readonly string[] {
  return [...mapping.terraformTypes, ...mapping.childTypes];
}

/** Those and the types of the children listed under its resources, which its list (or query) names. */
function allTypesOf(mapping: ArmTypeMapping): readonly string[] {
  return [...typesOf(mapping), ...mapping.listedChildren.flatMap((child) => child.terraformTypes)];
}

/** A child as ARM's GET of it returns it; the fields of the wrong type are left out (unknown). */
function asArmResource(child: ArmShape): ArmResource {
  return {
    id: child.id ?? '',
    type: child.type,
    ...(typeof child.name === 'string' ? { name: child.name } : {}),
    ...(isPlainObject(child.properties) ? { properties: child.properties } : {}),
  };
}

function isSpecial(armType: string): boolean {
  const type = armType.toLowerCase();
  return type.startsWith('microsoft.authorization/') || type === 'microsoft.resources/resourcegroups';
}

/** The types Resource Graph keeps in its PolicyResources table. */
function isPolicyTable(armType: string): boolean {
  return sameType(armType, POLICY_ASSIGNMENTS);
}

function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function subscriptionOf(id: string, fallback: string | undefined): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase() ?? fallback;
}
