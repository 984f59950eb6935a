import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

const SUB = '00000000-0000-0000-0000-000000000000';

/** A resource group as Resource Manager returns it; the fake lists it in Graph's ResourceContainers shape. */
function group(name: string, tags: Record<string, string>) {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/${name}`,
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location: 'westeurope',
    tags,
    properties: { provisioningState: 'Succeeded' },
  };
}

const LIVE = [
  group('rg-prod', { env: 'prod' }),
  group('rg-data', { env: 'prod' }),
  group('rg-ops', { env: 'ops', owner: 'platform' }),
  group('rg-sandbox', { env: 'dev' }),
];

/** azurerm 4.x state of azurerm_resource_group: id, name, location, managed_by, tags, timeouts. */
function declaredGroup(
  name: string,
  tags: Record<string, string>,
  id = `/subscriptions/${SUB}/resourceGroups/${name}`,
) {
  return {
    type: 'azurerm_resource_group',
    name: name.replaceAll('-', '_'),
    instances: [{ attributes: { id, name, location: 'westeurope', managed_by: '', tags, timeouts: null } }],
  };
}

describe('azure-graph: resource groups from ResourceContainers', () => {
  const arm = useFakeArm({ resources: LIVE, pageSize: 2 });

  it('pairs every declared resource group with its Graph row (over several pages), and reports only real drift', async () => {
    const cwd = tempDir({
      'prod.tfstate': state([
        declaredGroup('rg-prod', { env: 'prod' }),
        // Resource group names and ids compare case-insensitively.
        declaredGroup('RG-Data', { env: 'prod' }, `/subscriptions/${SUB}/resourcegroups/RG-Data`),
        declaredGroup('rg-ops', { env: 'ops' }),
        declaredGroup('rg-gone', { env: 'prod' }),
      ]),
    });
    const result = await runCli(
      [
        'scan',
        '--state',
        'prod.tfstate',
        '--live',
        `azure-graph:${SUB};types=azurerm_resource_group`,
        '--format',
        'json',
      ],
      {
        cwd,
        env: {
          ...arm.env(),
        },
      },
    );
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.scan.complete).toBe(true);
    const key = (name: string) => `azurerm_resource_group./subscriptions/${SUB}/resourcegroups/${name}`;
    expect(
      report.drift.map((d: { kind: string; key: string; changes: unknown[] }) => [d.kind, d.key, d.changes]),
    ).toEqual([
      ['missing', key('rg-gone'), []],
      ['changed', key('rg-ops'), [{ path: 'tags.owner', declared: null, live: 'platform' }]],
      ['unmanaged', key('rg-sandbox'), []],
    ]);
    expect(report.summary).toMatchObject({ declared: 4, live: 4, managed: 3 });
    // One query of ResourceContainers by Graph's own name for resource groups, read in two pages of two.
    const containers = arm.graphQueries.filter((q) => q.query.startsWith('ResourceContainers'));
    expect(containers.map((q) => q.skipToken)).toEqual([undefined, '2']);
    expect(containers[0]?.query).toContain("type in~ ('microsoft.resources/subscriptions/resourcegroups')");
    expect(arm.graphQueries.filter((q) => !q.query.startsWith('ResourceContainers'))).toEqual([]);
  });
});

describe('azure-graph: a table type across pages', () => {
  const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
  const ip = (name: string, tags: Record<string, string>) => ({
    id: `${RG}/providers/Microsoft.Network/publicIPPrefixes/${name}`,
    name,
    type: 'Microsoft.Network/publicIPPrefixes',
    location: 'westeurope',
    tags,
    properties: { prefixLength: 28 },
  });
  const arm = useFakeArm({
    resources: [
      ip('pip-1', { env: 'prod' }),
      ip('pip-2', { env: 'prod' }),
      ip('pip-3', { env: 'prod', owner: 'someone' }),
      ip('pip-4', { env: 'prod' }),
      ip('pip-handmade', { env: 'dev' }),
    ],
    pageSize: 2,
  });

  function declaredIp(name: string) {
    return {
      type: 'azurerm_public_ip_prefix',
      name: name.replaceAll('-', '_'),
      instances: [
        {
          attributes: {
            id: `${RG}/providers/Microsoft.Network/publicIPPrefixes/${name}`,
            name,
            resource_group_name: 'rg-prod',
            location: 'westeurope',
            prefix_length: 28,
            tags: { env: 'prod' },
          },
        },
      ],
    };
  }

  it('reads every row of one Resources query over three pages and compares tags and location', async () => {
    const cwd = tempDir({
      'prod.tfstate': state(['pip-1', 'pip-2', 'pip-3', 'pip-4', 'pip-gone'].map(declaredIp)),
    });
    const result = await runCli(
      [
        'scan',
        '--state',
        'prod.tfstate',
        '--live',
        `azure-graph:${SUB};types=azurerm_public_ip_prefix`,
        '--format',
        'json',
      ],
      {
        cwd,
        env: {
          ...arm.env(),
        },
      },
    );
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.scan.complete).toBe(true);
    const key = (name: string) =>
      `azurerm_public_ip_prefix.${RG.toLowerCase()}/providers/microsoft.network/publicipprefixes/${name}`;
    expect(
      report.drift.map((d: { kind: string; key: string; changes: unknown[] }) => [d.kind, d.key, d.changes]),
    ).toEqual([
      ['missing', key('pip-gone'), []],
      ['changed', key('pip-3'), [{ path: 'tags.owner', declared: null, live: 'someone' }]],
      ['unmanaged', key('pip-handmade'), []],
    ]);
    expect(report.summary).toMatchObject({ declared: 5, live: 5, managed: 4 });
    expect(arm.graphQueries.map((q) => q.skipToken)).toEqual([undefined, '2', '4']);
    expect(arm.graphQueries[0]?.query).toMatch(
      /^Resources \| where type in~ \('microsoft\.network\/publicipprefixes'\) \| project /,
    );
    expect(arm.requests.filter((r) => r.method === 'GET')).toEqual([]);
  });
});
