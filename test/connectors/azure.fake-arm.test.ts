import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { EXPECTED_API_VERSION, useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const OWNER = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
const CUSTOM_ROLE_GUID = '11111111-2222-3333-4444-555555555555';

function storage(name: string, tls: string, tags: Record<string, string> = { env: 'prod' }) {
  return {
    id: `${RG}/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts',
    kind: 'StorageV2',
    location: 'westeurope',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags,
    properties: {
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: tls,
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: true,
      encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
    },
  };
}

const LIVE = [
  {
    id: RG,
    name: 'rg-prod',
    type: 'Microsoft.Resources/resourceGroups',
    location: 'westeurope',
    tags: { env: 'prod' },
    properties: { provisioningState: 'Succeeded' },
  },
  storage('acmeprod', 'TLS1_2'),
  storage('acmelegacy', 'TLS1_0'),
  storage('handmade', 'TLS1_2', { owner: 'someone' }),
  {
    id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${CUSTOM_ROLE_GUID}`,
    name: CUSTOM_ROLE_GUID,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: 'everything',
      type: 'CustomRole',
      description: 'too broad',
      assignableScopes: [`/subscriptions/${SUB}`],
      permissions: [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }],
    },
  },
  {
    id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/99999999-8888-7777-6666-555555555555`,
    name: '99999999-8888-7777-6666-555555555555',
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: OWNER,
      principalId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      principalType: 'User',
      scope: `/subscriptions/${SUB}`,
    },
  },
];

function declared() {
  const account = (name: string) => ({
    type: 'azurerm_storage_account',
    name,
    instances: [
      {
        attributes: {
          id: `${RG}/providers/Microsoft.Storage/storageAccounts/${name}`,
          name,
          resource_group_name: 'rg-prod',
          location: 'westeurope',
          account_kind: 'StorageV2',
          account_tier: 'Standard',
          account_replication_type: 'LRS',
          https_traffic_only_enabled: true,
          min_tls_version: 'TLS1_2',
          allow_nested_items_to_be_public: false,
          shared_access_key_enabled: true,
          infrastructure_encryption_enabled: true,
          primary_access_key: 'PLANTED-declared-access-key',
          tags: { env: 'prod' },
        },
        sensitive_attributes: [[{ type: 'get_attr', value: 'primary_access_key' }]],
      },
    ],
  });
  return state([
    {
      type: 'azurerm_resource_group',
      name: 'prod',
      instances: [{ attributes: { id: RG, name: 'rg-prod', location: 'westeurope', tags: { env: 'prod' } } }],
    },
    account('acmeprod'),
    account('acmelegacy'),
    {
      type: 'azurerm_role_definition',
      name: 'everything',
      instances: [
        {
          attributes: {
            id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${CUSTOM_ROLE_GUID}|/subscriptions/${SUB}`,
            name: 'everything',
            scope: `/subscriptions/${SUB}`,
            role_definition_id: CUSTOM_ROLE_GUID,
            assignable_scopes: [`/subscriptions/${SUB}`],
            permissions: [{ actions: ['*'], not_actions: [], data_actions: [], not_data_actions: [] }],
          },
        },
      ],
    },
    {
      type: 'azurerm_role_assignment',
      name: 'owner',
      instances: [
        {
          attributes: {
            id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/99999999-8888-7777-6666-555555555555`,
            scope: `/subscriptions/${SUB}`,
            role_definition_id: OWNER,
            principal_id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
          },
        },
      ],
    },
    {
      type: 'azurerm_key_vault',
      name: 'kv',
      instances: [
        {
          attributes: {
            id: `${RG}/providers/Microsoft.KeyVault/vaults/kv-prod`,
            name: 'kv-prod',
            purge_protection_enabled: true,
          },
        },
      ],
    },
  ]);
}

describe('azure against a fake Resource Manager', () => {
  const arm = useFakeArm({ resources: LIVE, pageSize: 2 });

  beforeEach(() => arm.clear());

  const env = () => ({
    ...arm.env(),
    DRIFTWARDEN_AZURE_MAX_RETRIES: '3',
  });

  async function scan(live = `azure:${SUB}`, extra: string[] = []) {
    const cwd = tempDir({ 'prod.tfstate': declared() });
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', live, '--format', 'json', ...extra],
      { cwd, env: env() },
    );
    return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
  }

  it('reports exactly the changed, the deleted and the hand-made resource, and the live role violations', async () => {
    const { code, report, stdout, stderr } = await scan();
    expect(stderr).toBe('');
    expect(report.scan.complete).toBe(true);
    expect(
      report.drift.map((d: { kind: string; key: string; changes: unknown[] }) => [d.kind, d.key, d.changes]),
    ).toEqual([
      ['missing', `azurerm_key_vault.${RG.toLowerCase()}/providers/microsoft.keyvault/vaults/kv-prod`, []],
      [
        'changed',
        `azurerm_storage_account.${RG.toLowerCase()}/providers/microsoft.storage/storageaccounts/acmelegacy`,
        [{ path: 'min_tls_version', declared: 'TLS1_2', live: 'TLS1_0' }],
      ],
      [
        'unmanaged',
        `azurerm_storage_account.${RG.toLowerCase()}/providers/microsoft.storage/storageaccounts/handmade`,
        [],
      ],
    ]);
    const live = report.violations
      .filter((v: { origin: string }) => v.origin === 'live')
      .map((v: { ruleId: string }) => v.ruleId);
    expect(live).toEqual(expect.arrayContaining(['DW-AZ-IAM-001', 'DW-AZ-IAM-002', 'DW-AZ-STORAGE-002']));
    expect(stdout).not.toContain('PLANTED-declared-access-key');
    expect(code).toBe(1);
  });

  it('resolves each type api-version from the provider metadata once per namespace, and follows nextLink pages', async () => {
    await scan();
    const providerReads = arm.requests.filter((r) =>
      /^\/subscriptions\/[^/]+\/providers\/Microsoft\.Storage$/i.test(r.path),
    );
    expect(providerReads).toHaveLength(1);
    const gets = arm.requests.filter((r) => /storageAccounts\/[^/]+$/i.test(r.path));
    expect(gets.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(arm.requests.filter((r) => /\/resources$/.test(r.path)).length).toBeGreaterThan(1);
    expect(EXPECTED_API_VERSION).toBe('2023-05-01');
  });

  it('honours 429 Retry-After and retries 5xx, counting the retries', async () => {
    arm.inject({ path: /storageAccounts\/acmeprod$/i, status: 429, times: 2, retryAfterSeconds: 1 });
    arm.inject({ path: /storageAccounts\/acmelegacy$/i, status: 503, times: 1 });
    const started = Date.now();
    const { report } = await scan();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(report.scan.complete).toBe(true);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'azure');
    expect(source.stats).toMatchObject({ retries: 3, throttled: 2 });
    expect(arm.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(report.drift.map((d: { kind: string }) => d.kind)).toEqual(['missing', 'changed', 'unmanaged']);
  }, 60_000);

  it('a type that keeps failing is not compared: the scan is incomplete (exit 3) and nothing of it is missing', async () => {
    arm.inject({ path: /storageAccounts\/acmeprod$/i, status: 500, times: 100 });
    const { code, report } = await scan();
    expect(code).toBe(3);
    const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'azure');
    expect(source.status).toBe('partial');
    expect(source.problems[0]).toMatch(
      /^azurerm_storage_account not compared: get .*acmeprod: failed after retries/,
    );
    expect(source.coveredTypes).not.toContain('azurerm_storage_account');
    expect(report.drift.filter((d: { type: string }) => d.type === 'azurerm_storage_account')).toEqual([]);
  }, 60_000);

  it('narrows to a resource group', async () => {
    const { report } = await scan(`azure:${SUB}/resourceGroups/rg-prod;types=azurerm_storage_account`);
    expect(report.scan.sources[1].coveredTypes).toEqual(['azurerm_storage_account']);
    expect(report.summary.live).toBe(3);
  });

  it('reads many subscriptions through Azure Resource Graph, pages with skip tokens, with the same mappings', async () => {
    const { report } = await scan(`azure-graph:${SUB}`);
    expect(report.scan.sources[1]).toMatchObject({ connector: 'azure', status: 'ok' });
    expect(
      arm.requests.filter((r) => r.path === '/providers/Microsoft.ResourceGraph/resources').length,
    ).toBeGreaterThan(3);
    expect(
      report.drift
        .filter((d: { kind: string }) => d.kind === 'changed')
        .map((d: { changes: unknown[] }) => d.changes),
    ).toEqual([[{ path: 'min_tls_version', declared: 'TLS1_2', live: 'TLS1_0' }]]);
    expect(report.summary.live).toBe(6);
  });

  it('records the live side with `driftwarden snapshot`, and an offline scan of it reports the same drift', async () => {
    const cwd = tempDir({ 'prod.tfstate': declared() });
    const recorded = await runCli(['snapshot', '--live', `azure:${SUB}`, '--output', 'live.json'], {
      cwd,
      env: env(),
    });
    expect(recorded.code).toBe(0);
    const args = ['scan', '--state', 'prod.tfstate', '--format', 'json', '--fail-on', 'none'];
    const online = JSON.parse(
      (await runCli([...args, '--live', `azure:${SUB}`], { cwd, env: env() })).stdout,
    );
    const offline = JSON.parse(
      (await runCli([...args, '--live', 'snapshot:live.json'], { cwd, env: env() })).stdout,
    );
    expect(offline.drift).toEqual(online.drift);
    expect(offline.violations.length).toBe(online.violations.length);
  });

  it('slows down when x-ms-ratelimit-remaining says the read quota is nearly spent', async () => {
    arm.remainingReads = '5';
    try {
      const { report } = await scan(`azure:${SUB};types=azurerm_storage_account`);
      const source = report.scan.sources.find((s: { connector: string }) => s.connector === 'azure');
      expect(source.stats.quotaPauses).toBeGreaterThan(0);
      expect(report.scan.complete).toBe(true);
    } finally {
      arm.remainingReads = '11999';
    }
  }, 60_000);

  it('rejects a malformed subscription with a one-line usage error', async () => {
    const result = await runCli(['scan', '--live', 'azure:not-a-subscription'], {
      cwd: tempDir(),
      env: env(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'driftwarden: usage error: --live azure:not-a-subscription: expected <subscription-id>[/resourceGroups/<name>], e.g. azure:00000000-0000-0000-0000-000000000000',
    );
  });
});

describe('azure: table types are compared by the listed envelope, without a GET', () => {
  const ip = (name: string, tags: Record<string, string>) => ({
    id: `${RG}/providers/Microsoft.Network/publicIPPrefixes/${name}`,
    name,
    type: 'Microsoft.Network/publicIPPrefixes',
    location: 'westeurope',
    tags,
    properties: { prefixLength: 28, ipPrefix: '20.0.0.0/28' },
  });
  const arm = useFakeArm({
    resources: [
      ip('pip-web', { env: 'prod', owner: 'someone' }),
      ip('pip-bastion', { env: 'prod' }),
      storage('acmeprod', 'TLS1_2'),
    ],
    pageSize: 2,
  });

  /** azurerm 4.x state of azurerm_public_ip_prefix: the envelope attributes the table compares, and a few it does not. */
  function declaredIp(name: string, tags: Record<string, string>) {
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
            sku: 'Standard',
            ip_prefix: '20.0.0.0/28',
            tags,
          },
        },
      ],
    };
  }

  it('pairs the public IP prefixes by id and compares their tags with no GET of them, while the storage account is still fetched', async () => {
    const cwd = tempDir({
      'prod.tfstate': state([
        declaredIp('pip-web', { env: 'prod' }),
        declaredIp('pip-bastion', { env: 'prod' }),
        declaredIp('pip-gone', { env: 'prod' }),
      ]),
    });
    const result = await runCli(
      [
        'scan',
        '--state',
        'prod.tfstate',
        '--live',
        `azure:${SUB};types=azurerm_public_ip_prefix,azurerm_storage_account`,
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
      report.drift
        .filter((d: { type: string }) => d.type === 'azurerm_public_ip_prefix')
        .map((d: { kind: string; key: string; changes: unknown[] }) => [d.kind, d.key, d.changes]),
    ).toEqual([
      ['missing', key('pip-gone'), []],
      ['changed', key('pip-web'), [{ path: 'tags.owner', declared: null, live: 'someone' }]],
    ]);
    const paths = arm.requests.map((r) => r.path);
    // Three listed resources in two pages; one provider read and one GET, both for the storage account.
    expect(paths.filter((p) => /\/resources$/.test(p))).toHaveLength(2);
    expect(paths.filter((p) => /publicIPPrefixes/i.test(p))).toEqual([]);
    expect(paths.filter((p) => /\/providers\/Microsoft\.Network$/i.test(p))).toEqual([]);
    expect(paths.filter((p) => /\/providers\/Microsoft\.Storage$/i.test(p))).toHaveLength(1);
    expect(paths.filter((p) => /storageAccounts\/acmeprod$/i.test(p))).toHaveLength(1);
    expect(arm.requests).toHaveLength(4);
  });
});
