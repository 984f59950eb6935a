import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { useFakeArm } from '../helpers/fake-arm.js';
import { state } from '../helpers/state.js';

/*
 * Child resources that neither the resource list nor Resource Graph returns and that their parent's payload does not
 * hold (blob containers, Service Bus queues and topics, event hubs): listed under each parent, one paged list per
 * parent, and paired with what azurerm declares. Payload shapes as in fixtures/types/azurerm/storage-container.json,
 * servicebus-queue.json, servicebus-topic.json and eventhub.json (azure-rest-api-specs list examples).
 */

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-prod`;
const SA = `${RG}/providers/Microsoft.Storage/storageAccounts/stacmeprod01`;
const ARCHIVE = `${RG}/providers/Microsoft.Storage/storageAccounts/stacmearchive`;
const SB = `${RG}/providers/Microsoft.ServiceBus/namespaces/sb-acme-prod`;
const EH = `${RG}/providers/Microsoft.EventHub/namespaces/evhns-acme-prod`;
const TOPIC = `${RG}/providers/Microsoft.EventGrid/topics/egt-orders`;
const EVENT_SUBSCRIPTIONS = 'providers/Microsoft.EventGrid/eventSubscriptions';
const CONTAINERS = 'blobServices/default/containers';
/** The types covered whole; event subscriptions live on other scopes too, so only those under a topic are known. */
const COVERED = [
  'azurerm_eventhub',
  'azurerm_servicebus_queue',
  'azurerm_servicebus_topic',
  'azurerm_storage_container',
];
const TYPES = ['azurerm_eventgrid_event_subscription', ...COVERED];

const parent = (id: string, type: string, extra = {}) => ({
  id,
  name: id.split('/').at(-1),
  type,
  location: 'westeurope',
  tags: { env: 'prod' },
  ...extra,
});

const PARENTS = [
  parent(SA, 'Microsoft.Storage/storageAccounts', { kind: 'StorageV2', sku: { name: 'Standard_LRS' } }),
  parent(ARCHIVE, 'Microsoft.Storage/storageAccounts', { kind: 'StorageV2', sku: { name: 'Standard_LRS' } }),
  parent(SB, 'Microsoft.ServiceBus/namespaces', { sku: { name: 'Standard', tier: 'Standard' } }),
  parent(EH, 'Microsoft.EventHub/namespaces', { sku: { name: 'Standard', tier: 'Standard', capacity: 1 } }),
  parent(TOPIC, 'Microsoft.EventGrid/topics', { properties: { inputSchema: 'EventGridSchema' } }),
];

const container = (account: string, name: string, publicAccess: string) => ({
  id: `${account}/${CONTAINERS}/${name}`,
  name,
  type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
  etag: '"0x8D589847D51C7DE"',
  properties: {
    publicAccess,
    leaseStatus: 'Unlocked',
    defaultEncryptionScope: '$account-encryption-key',
    denyEncryptionScopeOverride: false,
    hasImmutabilityPolicy: false,
    hasLegalHold: false,
  },
});

const LISTED = [
  // Declared private; opened to anonymous blob reads by hand.
  container(SA, 'tfstate', 'Blob'),
  // Declared through the deprecated storage_account_name: its state id is the data-plane URL.
  container(SA, 'logs', 'None'),
  // Declared nowhere.
  container(SA, 'handmade', 'None'),
  container(ARCHIVE, 'archive', 'None'),
  {
    id: `${SB}/queues/orders`,
    name: 'orders',
    type: 'Microsoft.ServiceBus/Namespaces/Queues',
    properties: {
      lockDuration: 'PT5M',
      maxSizeInMegabytes: 5120,
      requiresSession: true,
      deadLetteringOnMessageExpiration: true,
      maxDeliveryCount: 5,
      status: 'Active',
      enablePartitioning: false,
      messageCount: 12,
    },
  },
  {
    id: `${SB}/topics/events`,
    name: 'events',
    type: 'Microsoft.ServiceBus/Namespaces/Topics',
    properties: {
      maxSizeInMegabytes: 1024,
      supportOrdering: true,
      status: 'Active',
      enablePartitioning: false,
    },
  },
  {
    id: `${EH}/eventhubs/telemetry`,
    name: 'telemetry',
    type: 'Microsoft.EventHub/Namespaces/EventHubs',
    properties: { messageRetentionInDays: 3, partitionCount: 4, status: 'Active', partitionIds: ['0', '1'] },
  },
  {
    id: `${TOPIC}/${EVENT_SUBSCRIPTIONS}/orders-to-queue`,
    name: 'orders-to-queue',
    type: 'Microsoft.EventGrid/eventSubscriptions',
    properties: {
      destination: { endpointType: 'ServiceBusQueue', properties: { resourceId: `${SB}/queues/orders` } },
      filter: { includedEventTypes: ['Orders.Created'], subjectBeginsWith: '', subjectEndsWith: '' },
      eventDeliverySchema: 'EventGridSchema',
      labels: [],
    },
  },
];

function declaredState() {
  const resource = (type: string, name: string, attributes: Record<string, unknown>) => ({
    type,
    name,
    instances: [{ attributes }],
  });
  const ofAccount = (account: string, name: string, access = 'private') => ({
    id: `${account}/${CONTAINERS}/${name}`,
    name,
    storage_account_id: account,
    storage_account_name: account.split('/').at(-1),
    container_access_type: access,
    default_encryption_scope: '$account-encryption-key',
    encryption_scope_override_enabled: true,
    metadata: {},
    resource_manager_id: `${account}/${CONTAINERS}/${name}`,
  });
  return state([
    resource('azurerm_storage_container', 'tfstate', ofAccount(SA, 'tfstate')),
    resource('azurerm_storage_container', 'logs', {
      ...ofAccount(SA, 'logs'),
      id: 'https://stacmeprod01.blob.core.windows.net/logs',
      storage_account_id: '',
    }),
    // Deleted by hand.
    resource('azurerm_storage_container', 'retired', ofAccount(SA, 'retired')),
    resource('azurerm_storage_container', 'archive', ofAccount(ARCHIVE, 'archive')),
    resource('azurerm_servicebus_queue', 'orders', {
      id: `${SB}/queues/orders`,
      name: 'orders',
      namespace_id: SB,
      lock_duration: 'PT5M',
      max_size_in_megabytes: 5120,
      requires_session: true,
      dead_lettering_on_message_expiration: true,
      max_delivery_count: 5,
      status: 'Active',
      partitioning_enabled: false,
    }),
    resource('azurerm_servicebus_topic', 'events', {
      id: `${SB}/topics/events`,
      name: 'events',
      namespace_id: SB,
      max_size_in_megabytes: 1024,
      support_ordering: true,
      status: 'Active',
    }),
    resource('azurerm_eventhub', 'telemetry', {
      id: `${EH}/eventhubs/telemetry`,
      name: 'telemetry',
      namespace_id: EH,
      namespace_name: 'evhns-acme-prod',
      resource_group_name: 'rg-prod',
      partition_count: 4,
      message_retention: 3,
      status: 'Active',
      capture_description: [],
      partition_ids: ['0', '1'],
    }),
    resource('azurerm_eventgrid_event_subscription', 'orders', {
      id: `${TOPIC}/${EVENT_SUBSCRIPTIONS}/orders-to-queue`,
      name: 'orders-to-queue',
      scope: TOPIC,
      event_delivery_schema: 'EventGridSchema',
      service_bus_queue_endpoint_id: `${SB}/queues/orders`,
      eventhub_endpoint_id: '',
      included_event_types: ['Orders.Created'],
      subject_filter: [],
      labels: [],
    }),
    // On a resource group: no list reads it, so it is not compared (never missing).
    resource('azurerm_eventgrid_event_subscription', 'rg_wide', {
      id: `${RG}/${EVENT_SUBSCRIPTIONS}/rg-wide`,
      name: 'rg-wide',
      scope: RG,
      service_bus_queue_endpoint_id: `${SB}/queues/orders`,
    }),
  ]);
}

type Drift = { kind: string; key: string; changes: { path: string; declared: unknown; live: unknown }[] };
type Source = {
  connector: string;
  status: string;
  coveredTypes: string[];
  problems: string[];
  stats: object;
};

const key = (type: string, id: string) => `${type}.${id.toLowerCase()}`;

const EXPECTED = [
  ['missing', key('azurerm_storage_container', `${SA}/${CONTAINERS}/retired`), []],
  [
    'changed',
    key('azurerm_storage_container', `${SA}/${CONTAINERS}/tfstate`),
    [{ path: 'container_access_type', declared: 'private', live: 'blob' }],
  ],
  ['unmanaged', key('azurerm_storage_container', `${SA}/${CONTAINERS}/handmade`), []],
];

/** The child lists a scan makes at one item a page: one list per parent, a page per child, none per child. */
const CHILD_LISTS = [
  [`${TOPIC}/${EVENT_SUBSCRIPTIONS}`, '2022-06-15', 200],
  [`${EH}/eventhubs`, '2024-01-01', 200],
  [`${SB}/queues`, '2021-06-01-preview', 200],
  [`${SB}/topics`, '2021-06-01-preview', 200],
  [`${ARCHIVE}/${CONTAINERS}`, '2023-01-01', 200],
  [`${SA}/${CONTAINERS}`, '2023-01-01', 200],
  [`${SA}/${CONTAINERS}`, '2023-01-01', 200],
  [`${SA}/${CONTAINERS}`, '2023-01-01', 200],
];

describe('azure: children listed under their parents', () => {
  const arm = useFakeArm({ resources: PARENTS, listed: LISTED, pageSize: 1 });

  beforeEach(() => arm.clear());

  async function scan(live: string, retries = '6') {
    const result = await runCli(['scan', '--state', 'prod.tfstate', '--live', live, '--format', 'json'], {
      cwd: tempDir({ 'prod.tfstate': declaredState() }),
      env: {
        ...arm.env(),
        DRIFTWARDEN_AZURE_MAX_RETRIES: retries,
      },
    });
    const report = JSON.parse(result.stdout);
    const source: Source = report.scan.sources.find((s: Source) => s.connector === 'azure');
    const drift = report.drift.map((d: Drift) => [d.kind, d.key, d.changes]);
    return { ...result, report, source, drift };
  }

  const childLists = () =>
    arm.requests
      .filter(
        (r) => !/\/resources$/.test(r.path) && r.path !== '/providers/Microsoft.ResourceGraph/resources',
      )
      .map((r) => [r.path, r.apiVersion, r.status])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('ARM: one paged list per parent, the parents read but neither fetched nor reported', async () => {
    const { code, stderr, report, source, drift } = await scan(`azure:${SUB};types=${TYPES.join(',')}`);
    expect(stderr).toBe('');
    expect(report.scan.complete).toBe(true);
    expect(source.coveredTypes).toEqual(COVERED);
    expect(drift).toEqual(EXPECTED);
    // The legacy container (keyed by its resource_manager_id), the queue, topic, event hub and the topic's event
    // subscription pair, unchanged; the resource group's event subscription is not compared.
    expect(report.summary).toMatchObject({ managed: 7, notCompared: 1 });
    // The resource list (five parents at one a page), then one list per parent; no GET and no provider read.
    expect(arm.requests.filter((r) => /\/resources$/.test(r.path)).map((r) => r.path)).toEqual(
      Array(5).fill(`/subscriptions/${SUB}/resources`),
    );
    expect(childLists()).toEqual(CHILD_LISTS);
    expect(code).toBe(1);
  });

  it('a full scan fetches the parents it reports and lists their children once each', async () => {
    const { report, source, drift } = await scan(`azure:${SUB}`);
    expect(report.scan.complete).toBe(true);
    expect(source.coveredTypes).toEqual(expect.arrayContaining([...COVERED, 'azurerm_storage_account']));
    // The parents are not declared: unmanaged beside the children's drift.
    expect(drift.filter((d: unknown[]) => d[0] === 'unmanaged').map((d: unknown[]) => d[1])).toEqual([
      key('azurerm_eventgrid_topic', TOPIC),
      key('azurerm_eventhub_namespace', EH),
      key('azurerm_servicebus_namespace', SB),
      key('azurerm_storage_account', ARCHIVE),
      key('azurerm_storage_account', SA),
      key('azurerm_storage_container', `${SA}/${CONTAINERS}/handmade`),
    ]);
    const gets = arm.requests.filter((r) => PARENTS.some((p) => p.id === r.path)).map((r) => r.path);
    expect(gets.sort()).toEqual(PARENTS.map((p) => p.id).sort());
    expect(
      childLists().filter((r) =>
        /\/(containers|queues|topics|eventhubs|eventSubscriptions)$/.test(String(r[0])),
      ),
    ).toEqual(CHILD_LISTS);
  });

  it('retries a throttled list after its Retry-After, and counts it', async () => {
    arm.inject({
      path: /stacmeprod01\/blobServices\/default\/containers$/i,
      status: 429,
      times: 1,
      retryAfterSeconds: 1,
    });
    const started = Date.now();
    const { report, source, drift } = await scan(`azure:${SUB};types=azurerm_storage_container`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(report.scan.complete).toBe(true);
    expect(source.stats).toMatchObject({ retries: 1, throttled: 1 });
    expect(drift).toEqual(EXPECTED);
    expect(childLists()).toEqual([
      [`${ARCHIVE}/${CONTAINERS}`, '2023-01-01', 200],
      [`${SA}/${CONTAINERS}`, '2023-01-01', 429],
      [`${SA}/${CONTAINERS}`, '2023-01-01', 200],
      [`${SA}/${CONTAINERS}`, '2023-01-01', 200],
      [`${SA}/${CONTAINERS}`, '2023-01-01', 200],
    ]);
  }, 60_000);

  it('a parent whose list fails leaves its children unknown, and the other parents children compared', async () => {
    arm.inject({ path: /stacmearchive\/blobServices\/default\/containers$/i, status: 500, times: 100 });
    const { code, report, source, drift } = await scan(`azure:${SUB};types=${TYPES.join(',')}`, '0');
    expect(code).toBe(3);
    expect(report.scan.complete).toBe(false);
    expect(source.status).toBe('partial');
    expect(source.coveredTypes).toEqual(COVERED.filter((t) => t !== 'azurerm_storage_container'));
    expect(source.problems).toEqual([
      `azurerm_storage_container not compared under ${ARCHIVE}: list ${ARCHIVE}/${CONTAINERS}: failed after retries (500)`,
    ]);
    // The retired container under the account that was listed is still missing; the archive one is not compared.
    expect(drift).toEqual(EXPECTED);
    expect(report.summary).toMatchObject({ managed: 6, notCompared: 2 });
  });

  it('Resource Graph: asks Graph for the parents only, and lists the children through ARM under them', async () => {
    const { stderr, report, drift } = await scan(`azure-graph:${SUB};types=${TYPES.join(',')}`);
    expect(stderr).toBe('');
    expect(report.scan.complete).toBe(true);
    expect(drift).toEqual(EXPECTED);
    const queries = arm.graphQueries.filter((q) => q.skipToken === undefined).map((q) => q.query);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain("'microsoft.storage/storageaccounts'");
    expect(queries[0]).toContain("'microsoft.servicebus/namespaces'");
    expect(queries[0]).toContain("'microsoft.eventgrid/topics'");
    expect(queries[0]).not.toMatch(
      /containers'|queues'|servicebus\/namespaces\/topics'|eventhubs'|eventsubscriptions'/,
    );
    expect(childLists()).toEqual(CHILD_LISTS);
  });
});
