import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A fake Azure Resource Manager for the Azure suites, on 127.0.0.1 over HTTPS with a self-signed certificate the
 * suite generates (the SDK refuses bearer tokens over plain HTTP, rightly). It speaks ARM's wire format: list
 * pages with nextLink, provider metadata with api-versions, getById (which insists on the provider's api-version),
 * the authorization API (role definitions and assignments, policy assignments), child documents, the lists of the
 * children only their parent lists (`{parentId}/blobServices/default/containers`, `{namespaceId}/queues`, paged by
 * nextLink), and Azure Resource Graph with skip tokens. It accepts the double slash (`//subscriptions/...`) the SDK sends, records every request,
 * and can answer 429 with Retry-After, or 5xx.
 */
export interface FakeArmOptions {
  resources: Record<string, unknown>[];
  /** Children by parent id (lower case) and child path, e.g. `transparentDataEncryption/current`. */
  children?: Record<string, Record<string, unknown>>;
  /**
   * Child resources only their parent's list returns (blob containers, Service Bus queues): neither the resource
   * list nor Resource Graph has them. `GET {parentId}/{collection}` pages those whose id is `{that path}/{name}`.
   */
  listed?: Record<string, unknown>[];
  pageSize?: number;
  /**
   * Activity Log events (Microsoft.Insights EventData, api-version 2015-04-01), answered by
   * `GET /subscriptions/{sub}/providers/Microsoft.Insights/eventtypes/management/values` for the resource its
   * `$filter` names (`resourceUri eq '...'`), newest first; fake-activity-log.ts builds them.
   */
  activityLog?: Record<string, unknown>[];
}

export interface FakeFault {
  path: RegExp;
  status: 403 | 429 | 500 | 503;
  times: number;
  retryAfterSeconds?: number;
}

export const PROVIDER_API_VERSIONS = ['2019-06-01', '2023-05-01', '2024-09-01-preview'];
export const EXPECTED_API_VERSION = '2023-05-01';

export class FakeArm {
  readonly requests: { method: string; path: string; status: number; apiVersion?: string }[] = [];
  /** Every Resource Graph query, with the skip token of the page it asked for. */
  readonly graphQueries: { query: string; skipToken?: string }[] = [];
  /** Every Activity Log `$filter` asked. */
  readonly activityFilters: string[] = [];
  readonly caFile: string;
  endpoint = '';
  /** The x-ms-ratelimit-remaining-subscription-reads value every answer carries. */
  remainingReads = '11999';
  private readonly faults: (FakeFault & { used: number })[] = [];
  private server: Server | undefined;
  private readonly key: string;
  private readonly cert: string;

  /** What a scan needs to reach this fake through the CLI's environment. */
  env(): Record<string, string> {
    return {
      DRIFTWARDEN_AZURE_ENDPOINT: this.endpoint,
      DRIFTWARDEN_AZURE_TOKEN: 'fake-token',
      DRIFTWARDEN_AZURE_CA_FILE: this.caFile,
    };
  }

  constructor(private readonly options: FakeArmOptions) {
    const dir = mkdtempSync(join(tmpdir(), 'driftwarden-fake-arm-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    this.key = readFileSync(join(dir, 'key.pem'), 'utf8');
    this.cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    this.caFile = join(dir, 'cert.pem');
  }

  inject(fault: FakeFault): void {
    this.faults.push({ ...fault, used: 0 });
  }

  clear(): void {
    this.faults.length = 0;
    this.requests.length = 0;
    this.graphQueries.length = 0;
    this.activityFilters.length = 0;
  }

  async start(): Promise<void> {
    this.server = createServer({ key: this.key, cert: this.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'https://127.0.0.1');
        const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          const apiVersion = url.searchParams.get('api-version') ?? undefined;
          this.requests.push({
            method: req.method ?? 'GET',
            path: url.pathname,
            status,
            ...(apiVersion ? { apiVersion } : {}),
          });
          res.writeHead(status, {
            'content-type': 'application/json',
            'x-ms-ratelimit-remaining-subscription-reads': this.remainingReads,
            ...headers,
          });
          res.end(JSON.stringify(body));
        };
        if (!String(req.headers.authorization ?? '').startsWith('Bearer '))
          return reply(401, { error: { code: 'AuthenticationFailed' } });
        const fault = this.faults.find((f) => f.path.test(url.pathname) && f.used < f.times);
        if (fault) {
          fault.used++;
          return reply(
            fault.status,
            {
              error: {
                code:
                  fault.status === 403
                    ? 'AuthorizationFailed'
                    : fault.status === 429
                      ? 'TooManyRequests'
                      : 'InternalServerError',
              },
            },
            fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
          );
        }
        const [status, body] = this.route(req.method ?? 'GET', url, Buffer.concat(chunks).toString('utf8'));
        reply(status, body);
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.endpoint = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private route(method: string, url: URL, body: string): [number, unknown] {
    const path = url.pathname.replace(/\/+$/, '');
    const lower = path.toLowerCase();
    const resources = this.options.resources;
    if (method === 'POST' && lower === '/providers/microsoft.resourcegraph/resources')
      return this.graph(body);
    if (
      /^\/subscriptions\/[^/]+\/providers\/microsoft\.insights\/eventtypes\/management\/values$/i.test(path)
    )
      return this.activityLog(url);
    const provider = /^\/subscriptions\/[^/]+\/providers\/([^/]+)$/i.exec(path);
    if (provider?.[1] && !provider[1].toLowerCase().startsWith('microsoft.authorization')) {
      const namespace = provider[1];
      const types = new Set(
        resources
          .map((r) => String(r.type))
          .filter((t) => t.toLowerCase().startsWith(`${namespace.toLowerCase()}/`))
          .map((t) => t.slice(namespace.length + 1)),
      );
      return [
        200,
        {
          namespace,
          resourceTypes: [...types].map((resourceType) => ({
            resourceType,
            apiVersions: PROVIDER_API_VERSIONS,
          })),
        },
      ];
    }
    const list = /^\/subscriptions\/([^/]+)(?:\/resourcegroups\/([^/]+))?\/resources$/i.exec(path);
    if (list) {
      const inScope = resources.filter(
        (r) =>
          !isSpecial(String(r.type)) &&
          (!list[2] || String(r.id).toLowerCase().includes(`/resourcegroups/${list[2].toLowerCase()}/`)),
      );
      return [
        200,
        this.page(
          url,
          inScope.map(({ id, name, type, kind, location, tags }) => ({
            id,
            name,
            type,
            kind,
            location,
            tags,
          })),
        ),
      ];
    }
    if (/^\/subscriptions\/[^/]+\/resourcegroups$/i.test(path)) {
      return [
        200,
        this.page(
          url,
          resources.filter((r) => String(r.type).toLowerCase() === 'microsoft.resources/resourcegroups'),
        ),
      ];
    }
    const authorization =
      /\/providers\/microsoft\.authorization\/(roledefinitions|roleassignments|policyassignments)$/i.exec(
        path,
      );
    if (authorization?.[1]) {
      const type = `microsoft.authorization/${authorization[1].toLowerCase()}`;
      const custom = (url.searchParams.get('$filter') ?? '').includes('CustomRole');
      const matching = resources.filter(
        (r) =>
          String(r.type).toLowerCase() === type &&
          (!custom || (r.properties as { type?: string })?.type === 'CustomRole'),
      );
      return [200, this.page(url, matching)];
    }
    const child = this.options.children?.[lower];
    if (child) return [200, child];
    if (this.isChildList(lower)) {
      const under = (this.options.listed ?? []).filter((r) => {
        const id = String(r.id).toLowerCase();
        return id.startsWith(`${lower}/`) && !id.slice(lower.length + 1).includes('/');
      });
      return [200, this.page(url, under)];
    }
    const found = resources.find((r) => String(r.id).toLowerCase() === lower);
    if (found) {
      if (url.searchParams.get('api-version') !== EXPECTED_API_VERSION)
        return [
          400,
          {
            error: {
              code: 'NoRegisteredProviderFound',
              message: `bad api-version ${url.searchParams.get('api-version')}`,
            },
          },
        ];
      return [200, found];
    }
    return [404, { error: { code: 'ResourceNotFound' } }];
  }

  /** The events of the resource the filter names, which must also bound the time (the API refuses it otherwise). */
  private activityLog(url: URL): [number, unknown] {
    const filter = url.searchParams.get('$filter') ?? '';
    this.activityFilters.push(filter);
    const uri = /resourceUri eq '((?:[^']|'')*)'/i.exec(filter)?.[1]?.replaceAll("''", "'");
    if (!/eventTimestamp ge '[^']+'/.test(filter) || uri === undefined)
      return [400, { error: { code: 'BadRequest', message: `unsupported $filter ${filter}` } }];
    const events = (this.options.activityLog ?? [])
      .filter((event) => String(event.resourceId).toLowerCase() === uri.toLowerCase())
      .sort((a, b) => String(b.eventTimestamp).localeCompare(String(a.eventTimestamp)));
    return [200, this.page(url, events)];
  }

  /**
   * A collection under a resource: the resource's id, then an odd number of segments (`queues`,
   * `blobServices/default/containers`, `providers/Microsoft.EventGrid/eventSubscriptions`). A resource group is
   * no parent here: what lies under it is a resource, found or not.
   */
  private isChildList(lower: string): boolean {
    return this.options.resources.some((r) => {
      const id = String(r.id).toLowerCase();
      if (String(r.type).toLowerCase() === 'microsoft.resources/resourcegroups') return false;
      if (!lower.startsWith(`${id}/`)) return false;
      return lower.slice(id.length + 1).split('/').length % 2 === 1;
    });
  }

  private page(url: URL, items: unknown[]): unknown {
    const size = this.options.pageSize ?? 2;
    const start = Number(url.searchParams.get('skip') ?? 0);
    const next = new URL(url.toString().replace('https://127.0.0.1', this.endpoint));
    next.searchParams.set('skip', String(start + size));
    return {
      value: items.slice(start, start + size),
      ...(start + size < items.length ? { nextLink: next.toString() } : {}),
    };
  }

  /**
   * Azure Resource Graph: `<Table> | where type in~ (...) | project ...`, answered from the table the query names,
   * with Graph's row shape: types lower-cased; in `ResourceContainers`, resource groups as
   * `microsoft.resources/subscriptions/resourcegroups` beside a `microsoft.resources/subscriptions` row for each
   * subscription (learn.microsoft.com "Resource Graph table and resource type reference"); every row with its
   * `subscriptionId` and `resourceGroup` columns, then cut to the projected columns.
   */
  private graph(body: string): [number, unknown] {
    const request = JSON.parse(body) as { query: string; options?: { $skipToken?: string } };
    this.graphQueries.push({
      query: request.query,
      ...(request.options?.$skipToken ? { skipToken: request.options.$skipToken } : {}),
    });
    const table = /^\s*(\w+)/.exec(request.query)?.[1]?.toLowerCase() ?? '';
    const types = [...(/type in~ \(([^)]*)\)/.exec(request.query)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
      (m) => (m[1] ?? '').toLowerCase(),
    );
    const columns = /\| project ([^|]+)/
      .exec(request.query)?.[1]
      ?.split(',')
      .map((column) => column.trim());
    const rows = this.graphTable(table)
      .filter((row) => types.includes(String(row.type)))
      .map((row) => (columns ? Object.fromEntries(columns.map((c) => [c, row[c] ?? null])) : row));
    const size = this.options.pageSize ?? 2;
    const start = Number(request.options?.$skipToken ?? 0);
    const data = rows.slice(start, start + size);
    return [
      200,
      {
        totalRecords: rows.length,
        count: data.length,
        data,
        ...(start + size < rows.length ? { $skipToken: String(start + size) } : {}),
      },
    ];
  }

  private graphTable(table: string): Record<string, unknown>[] {
    const rows = (resources: Record<string, unknown>[], type: (r: Record<string, unknown>) => string) =>
      resources.map((r) => ({
        kind: '',
        sku: null,
        identity: null,
        tags: null,
        ...r,
        type: type(r),
        subscriptionId: /^\/subscriptions\/([^/]+)/i.exec(String(r.id))?.[1] ?? '',
        resourceGroup: (/\/resourcegroups\/([^/]+)/i.exec(String(r.id))?.[1] ?? '').toLowerCase(),
      }));
    const lowerType = (r: Record<string, unknown>) => String(r.type).toLowerCase();
    const all = this.options.resources;
    if (table === 'resources')
      return rows(
        all.filter((r) => !isSpecial(String(r.type))),
        lowerType,
      );
    // Policy assignments are PolicyResources rows, not AuthorizationResources ones.
    const policy = (r: Record<string, unknown>) =>
      lowerType(r) === 'microsoft.authorization/policyassignments';
    if (table === 'authorizationresources')
      return rows(
        all.filter((r) => lowerType(r).startsWith('microsoft.authorization/') && !policy(r)),
        lowerType,
      );
    if (table === 'policyresources') return rows(all.filter(policy), lowerType);
    if (table !== 'resourcecontainers') return [];
    const groups = all.filter((r) => lowerType(r) === 'microsoft.resources/resourcegroups');
    const subscriptions = [
      ...new Set(groups.map((g) => /^\/subscriptions\/([^/]+)/i.exec(String(g.id))?.[1])),
    ]
      .filter((sub): sub is string => sub !== undefined)
      .map((sub) => ({
        id: `/subscriptions/${sub}`,
        name: 'fake subscription',
        type: 'microsoft.resources/subscriptions',
        properties: { state: 'Enabled' },
      }));
    return [
      ...rows(subscriptions, () => 'microsoft.resources/subscriptions'),
      ...rows(groups, () => 'microsoft.resources/subscriptions/resourcegroups'),
    ];
  }
}

function isSpecial(type: string): boolean {
  const t = type.toLowerCase();
  return t.startsWith('microsoft.authorization/') || t === 'microsoft.resources/resourcegroups';
}

/** A fake ARM for one describe block: started before its tests, stopped after them. */
export function useFakeArm(options: FakeArmOptions): FakeArm {
  const arm = new FakeArm(options);
  beforeAll(() => arm.start(), 30_000);
  afterAll(() => arm.stop());
  return arm;
}
