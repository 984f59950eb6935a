import { describe, expect, it } from 'vitest';
import type { ArmApi } from '../../connectors/azure/client.js';
import { ARM_MAPPINGS } from '../../connectors/azure/map/index.js';
import { GRAPH_TYPE_LIST_BUDGET, graphBatches, readArm, readGraph } from '../../connectors/azure/read.js';
import type { ConnectorContext } from '../../src/connector/types.js';
import { recordingContext } from '../helpers/context.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const TYPE = 'Microsoft.Storage/storageAccounts';

function storage(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `${RG}/providers/${TYPE}/${name}`,
    name,
    type: TYPE,
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' },
    ...overrides,
  };
}

function fakeApi(payloads: unknown[]): ArmApi {
  const byId = new Map(
    payloads.map((p) => [String((p as { id?: unknown }).id ?? '').toLowerCase(), p] as const),
  );
  return {
    stats: () => ({}),
    async *listResources() {
      yield payloads;
    },
    listResourceGroups: async () => [],
    apiVersionFor: async () => '2023-05-01',
    getById: async (id) => byId.get(id.toLowerCase()),
    listPath: async () => [],
    getProperties: async () => undefined,
    graphQuery: async () => payloads,
  };
}

const context = recordingContext;

const scope = { mode: 'arm' as const, subscription: SUB, types: ['azurerm_storage_account'] };
const graphScope = { mode: 'graph' as const, subscriptions: [SUB], types: ['azurerm_storage_account'] };

describe('azure read path with payloads of the wrong shape', () => {
  for (const [name, read] of [
    ['ARM', (api: ArmApi, ctx: ConnectorContext) => readArm(api, scope, ctx, 'azure test')],
    ['Resource Graph', (api: ArmApi, ctx: ConnectorContext) => readGraph(api, graphScope, ctx, 'azure test')],
  ] as const) {
    it(`${name}: a field of the wrong type is a diagnostic naming the resource and field; it is unknown and the others still map`, async () => {
      const { ctx, diagnostics } = context();
      const api = fakeApi([storage('acmeprod'), storage('acmebad', { tags: ['env'], properties: 'oops' })]);
      const result = await read(api, ctx);
      expect(result.coverage.types).toEqual(['azurerm_storage_account']);
      expect(result.resources.map((r) => r.id.split('/').pop())).toEqual(['acmebad', 'acmeprod']);
      const bad = result.resources.find((r) => r.id.endsWith('acmebad'));
      expect('tags' in (bad?.attributes ?? {})).toBe(false);
      expect('https_traffic_only_enabled' in (bad?.attributes ?? {})).toBe(false);
      const good = result.resources.find((r) => r.id.endsWith('acmeprod'));
      expect(good?.attributes.tags).toEqual({ env: 'prod' });
      const id = `${RG}/providers/${TYPE}/acmebad`;
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['azure.malformed-payload', `${TYPE} ${id}: tags: expected record, got array`],
        ['azure.malformed-payload', `${TYPE} ${id}: properties: expected record, got string`],
      ]);
      expect(result.problems).toEqual(diagnostics.map((d) => d.message));
    });

    it(`${name}: a payload without an id leaves its type uncompared, so nothing reads as missing`, async () => {
      const { ctx, diagnostics } = context();
      const api = fakeApi([storage('acmeprod'), storage('noid', { id: 7 })]);
      const result = await read(api, ctx);
      expect(result.coverage.types).toEqual([]);
      expect(result.resources).toEqual([]);
      expect(result.problems).toEqual([
        `azurerm_storage_account not compared: a payload of the wrong shape (${TYPE} noid: id: expected string, got number)`,
      ]);
      expect(diagnostics.map((d) => d.message)).toEqual([`${TYPE} noid: id: expected string, got number`]);
    });

    it(`${name}: a listed child without an id leaves its parent's children uncompared, not the other parents'`, async () => {
      const { ctx, diagnostics } = context();
      const api = fakeApi([storage('acmeprod'), storage('acmebad')]);
      const containers = (account: string) =>
        `${RG}/providers/${TYPE}/${account}/blobServices/default/containers`;
      api.listPath = async (path) =>
        path === containers('acmebad')
          ? [{ id: 7, name: 'c1' }]
          : [{ id: `${containers('acmeprod')}/c1`, name: 'c1' }];
      const result = await (name === 'ARM'
        ? readArm(api, { ...scope, types: ['azurerm_storage_container'] }, ctx, 'azure test')
        : readGraph(api, { ...graphScope, types: ['azurerm_storage_container'] }, ctx, 'azure test'));
      expect(result.coverage).toEqual({
        types: [],
        prefixes: [`azurerm_storage_container.${RG.toLowerCase()}/providers/${TYPE.toLowerCase()}/acmeprod/`],
      });
      expect(result.resources.map((r) => r.id)).toEqual([`${containers('acmeprod')}/c1`]);
      expect(result.problems).toEqual([
        `azurerm_storage_container not compared under ${RG}/providers/${TYPE}/acmebad: the list holds children of the wrong shape`,
      ]);
      expect(diagnostics.map((d) => d.message)).toEqual([
        'Microsoft.Storage/storageAccounts/blobServices/containers c1: id: expected string, got number',
      ]);
    });
  }
});

describe('Resource Graph queries as the catalogue grows', () => {
  it('asks for every type the catalogue maps in one query per table, each within the type-list budget', async () => {
    const queries: string[] = [];
    const api: ArmApi = {
      ...fakeApi([]),
      graphQuery: async (_scope, query) => {
        queries.push(query);
        return [];
      },
    };
    const { ctx } = context();
    const result = await readGraph(api, { mode: 'graph', subscriptions: [SUB] }, ctx, 'azure test');
    expect(queries.map((q) => q.split(' ')[0])).toEqual([
      'Resources',
      'ResourceContainers',
      'AuthorizationResources',
      'PolicyResources',
    ]);
    const resources = queries[0] ?? '';
    for (const mapping of ARM_MAPPINGS.filter(
      (m) => !/^microsoft\.(authorization|resources)\//i.test(m.armType),
    )) {
      // A child ARM nests in its parent is read out of the parent's rows, and one listed under its parent is listed
      // there: neither is asked for.
      if (mapping.nested || mapping.listed)
        expect(resources).not.toContain(`'${mapping.armType.toLowerCase()}'`);
      else expect(resources).toContain(`'${mapping.armType.toLowerCase()}'`);
    }
    expect(/\(([^)]*)\)/.exec(resources)?.[1]?.length).toBeLessThanOrEqual(GRAPH_TYPE_LIST_BUDGET);
    // Every type is covered but those that live under other parents than the ones listed (event subscriptions).
    const elsewhere = ARM_MAPPINGS.flatMap((m) => m.listedChildren)
      .filter((child) => child.alsoElsewhere)
      .flatMap((child) => child.terraformTypes);
    expect(elsewhere).toEqual(['azurerm_eventgrid_event_subscription']);
    expect(result.coverage.types.length).toBe(
      ARM_MAPPINGS.flatMap((m) => m.terraformTypes).length - elsewhere.length,
    );
  });

  it('splits a type list past the budget into batches, keeping every mapping once and in order', () => {
    const batches = graphBatches(ARM_MAPPINGS, 400);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual([...ARM_MAPPINGS]);
    for (const batch of batches)
      expect(batch.map((m) => `'${m.armType.toLowerCase()}'`).join(', ').length).toBeLessThanOrEqual(400);
    expect(graphBatches([])).toEqual([]);
  });

  it('ARM: a table type is mapped as listed, with no api-version lookup or GET', async () => {
    const ip = {
      id: `${RG}/providers/Microsoft.Network/publicIPPrefixes/ippre-web`,
      name: 'ippre-web',
      type: 'Microsoft.Network/publicIPPrefixes',
      location: 'westeurope',
      tags: { env: 'prod' },
    };
    const calls: string[] = [];
    const api: ArmApi = {
      ...fakeApi([ip]),
      apiVersionFor: async (_sub, type) => {
        calls.push(`version ${type}`);
        return '2023-05-01';
      },
      getById: async (id) => {
        calls.push(`get ${id}`);
        return ip;
      },
    };
    const { ctx } = context();
    const result = await readArm(
      api,
      { mode: 'arm', subscription: SUB, types: ['azurerm_public_ip_prefix'] },
      ctx,
      'azure test',
    );
    expect(calls).toEqual([]);
    expect(result.resources.map((r) => [r.type, r.attributes])).toEqual([
      [
        'azurerm_public_ip_prefix',
        { name: 'ippre-web', location: 'westeurope', resource_group_name: 'rg-prod', tags: { env: 'prod' } },
      ],
    ]);
  });
});
