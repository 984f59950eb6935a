import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { activityEvent } from '../helpers/fake-activity-log.js';
import { useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const WRITE = 'Microsoft.Storage/storageAccounts/write';
const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(Math.floor((Date.now() - hoursAgo * HOUR) / 1000) * 1000);
const accountId = (name: string) => `${RG}/providers/Microsoft.Storage/storageAccounts/${name}`;

function storage(name: string, tags: Record<string, string>) {
  return {
    id: accountId(name),
    name,
    type: 'Microsoft.Storage/storageAccounts',
    kind: 'StorageV2',
    location: 'westeurope',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags,
    properties: { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' },
  };
}

const ALICE_WRITE = at(5);
const BOB_DELETE = at(30);
const EVENTS = [
  // acmeprod: the newest events are a write that failed and one still starting; the change is older, on page 2.
  activityEvent({
    resourceId: accountId('acmeprod'),
    operation: WRITE,
    status: 'Failed',
    caller: 'mallory@contoso.com',
    time: at(1),
    eventDataId: 'ev-4',
  }),
  activityEvent({
    resourceId: accountId('acmeprod'),
    operation: WRITE,
    status: 'Started',
    caller: 'alice@contoso.com',
    time: at(2),
    eventDataId: 'ev-3',
  }),
  activityEvent({
    resourceId: accountId('acmeprod'),
    operation: WRITE,
    status: 'Succeeded',
    caller: 'alice@contoso.com',
    time: ALICE_WRITE,
    ip: '198.51.100.20',
    eventDataId: 'ev-2',
  }),
  activityEvent({
    resourceId: accountId('acmegone'),
    operation: 'Microsoft.Storage/storageAccounts/delete',
    status: 'Succeeded',
    caller: 'bob@contoso.com',
    time: BOB_DELETE,
    eventDataId: 'ev-1',
  }),
];

function declared() {
  const account = (name: string, tags: Record<string, string>) => ({
    type: 'azurerm_storage_account',
    name,
    instances: [
      {
        attributes: {
          id: accountId(name),
          name,
          resource_group_name: 'rg-prod',
          location: 'westeurope',
          account_kind: 'StorageV2',
          https_traffic_only_enabled: true,
          min_tls_version: 'TLS1_2',
          tags,
        },
      },
    ],
  });
  return state([account('acmeprod', { env: 'prod' }), account('acmegone', { env: 'prod' })]);
}

describe('who changed it, from the Activity Log of a fake Resource Manager', () => {
  const arm = useFakeArm({
    resources: [storage('acmeprod', { env: 'staging' }), storage('handmade', { owner: 'someone' })],
    activityLog: EVENTS,
    pageSize: 2,
  });

  beforeEach(() => arm.clear());

  async function scan(extra: string[] = []) {
    const cwd = tempDir({ 'prod.tfstate': declared() });
    const result = await runCli(
      ['scan', '--state', 'prod.tfstate', '--live', `azure:${SUB}`, '--format', 'json', ...extra],
      { cwd, env: { ...arm.env(), DRIFTWARDEN_AZURE_MAX_RETRIES: '1' } },
    );
    return { ...result, report: JSON.parse(result.stdout) };
  }

  it('names the caller, operation, time and address of the newest succeeded write or delete', async () => {
    const { report } = await scan(['--attribution', 'on']);
    const by = Object.fromEntries(
      report.drift.map((d: { kind: string; changedBy: unknown }) => [d.kind, d.changedBy]),
    );
    expect(by).toEqual({
      changed: {
        status: 'found',
        actor: 'alice@contoso.com',
        action: WRITE,
        time: ALICE_WRITE.toISOString(),
        sourceIp: '198.51.100.20',
        via: 'azure-activity-log',
        eventId: 'ev-2',
      },
      missing: {
        status: 'found',
        actor: 'bob@contoso.com',
        action: 'Microsoft.Storage/storageAccounts/delete',
        time: BOB_DELETE.toISOString(),
        via: 'azure-activity-log',
        eventId: 'ev-1',
      },
      unmanaged: {
        status: 'unknown',
        reason: 'not-found',
        detail: `no succeeded write or delete of ${accountId('handmade')} in the Activity Log of the last 90 days (0 events read)`,
      },
    });
    // acmeprod took two pages; each filter bounds the time and names the resource.
    expect(arm.activityFilters).toHaveLength(4);
    for (const filter of arm.activityFilters)
      expect(filter).toMatch(
        /^eventTimestamp ge '\S+Z' and eventTimestamp le '\S+Z' and resourceUri eq '\/subscriptions\/.+'$/,
      );
  });

  it('reports a refused Activity Log once as denied, and asks no more in that subscription', async () => {
    arm.inject({ path: /eventtypes\/management\/values$/i, status: 403, times: 10 });
    const { report } = await scan(['--attribution', 'on']);
    expect(arm.activityFilters).toHaveLength(0);
    expect(arm.requests.filter((r) => r.path.endsWith('/values'))).toHaveLength(1);
    for (const entry of report.drift)
      expect(entry.changedBy).toEqual({
        status: 'unknown',
        reason: 'denied',
        detail: `reading the Activity Log of /subscriptions/${SUB} was denied (Microsoft.Insights/eventtypes/values/read)`,
      });
    expect(report.summary.attribution).toEqual({
      calls: 1,
      limit: 25,
      entries: 3,
      found: 0,
      unknown: { 'not-found': 0, denied: 3, budget: 0, failed: 0, 'not-supported': 0 },
    });
  });

  it('counts each page against the call limit', async () => {
    const { report } = await scan(['--attribution', '2']);
    const kinds = report.drift.map((d: { kind: string; changedBy: { status: string; reason?: string } }) => [
      d.kind,
      d.changedBy.status,
      d.changedBy.reason,
    ]);
    expect(kinds).toEqual([
      ['missing', 'unknown', 'budget'],
      ['changed', 'found', undefined],
      ['unmanaged', 'unknown', 'budget'],
    ]);
    expect(arm.activityFilters).toHaveLength(2);
    expect(report.summary.attribution).toEqual({
      calls: 2,
      limit: 2,
      entries: 3,
      found: 1,
      unknown: { 'not-found': 0, denied: 0, budget: 2, failed: 0, 'not-supported': 0 },
    });
  });
});
