import { readFileSync } from 'node:fs';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { z } from 'zod';
import { DriftwardenError, inputError } from '../../src/errors.js';
import { armDocumentSchema, armListSchema, fieldIssues, graphPageSchema } from './schema.js';

/**
 * The connector's only I/O: Azure Resource Manager through @azure/arm-resources 7 (the last version that runs on
 * Node 20) and its core pipeline. Credentials come from DefaultAzureCredential (environment, managed identity,
 * Azure CLI), or from DRIFTWARDEN_AZURE_TOKEN, a bearer token such as `az account get-access-token` prints, for CI
 * jobs that already hold one. The pipeline retries 429 after its Retry-After and 5xx with backoff; a policy here
 * also slows down when x-ms-ratelimit-remaining-* says the quota is nearly spent.
 */
export type ArmErrorKind = 'access-denied' | 'not-found' | 'throttled' | 'unavailable' | 'other';

export class ArmError extends DriftwardenError {
  readonly kind: ArmErrorKind;

  constructor(kind: ArmErrorKind, message: string, cause: unknown) {
    super('source', message, { cause });
    this.kind = kind;
  }
}

export interface ArmApi {
  stats(): Record<string, number>;
  /** Payloads are returned unchecked (`unknown`): the reader checks each one, so one bad resource is one diagnostic. */
  listResources(subscription: string, resourceGroup?: string): AsyncGenerator<unknown[]>;
  listResourceGroups(subscription: string): Promise<unknown[]>;
  apiVersionFor(subscription: string, armType: string): Promise<string>;
  getById(id: string, apiVersion: string): Promise<unknown>;
  /** GET of a path under the ARM endpoint, following nextLink pages; for the authorization and child APIs. */
  listPath(path: string, apiVersion: string): Promise<unknown[]>;
  /** A child document's properties, or undefined where it carries none. */
  getProperties(path: string, apiVersion: string): Promise<Record<string, unknown> | undefined>;
  /** One Azure Resource Graph query, all pages of 1000 rows with skip tokens. */
  graphQuery(
    scope: { subscriptions?: string[]; managementGroups?: string[] },
    query: string,
  ): Promise<unknown[]>;
}

/** The Activity Log, for attribution (who changed a resource). */
export interface ActivityLogApi {
  /**
   * One page of the Activity Log (ActivityLogs_List, api-version 2015-04-01) for a filter, or the page a nextLink
   * names; attribution counts each page as a call.
   */
  activityLogPage(
    subscription: string,
    filter: string,
    nextLink?: string,
  ): Promise<{ events: unknown[]; nextLink?: string }>;
}

const DEFAULT_ENDPOINT = 'https://management.azure.com';
const RESOURCE_GRAPH_API = '2021-03-01';
/** https://learn.microsoft.com/en-us/rest/api/monitor/activitylogs/list */
const ACTIVITY_LOG_API = '2015-04-01';
const LOW_QUOTA = 50;

/**
 * The SDK is imported here, when a client is made, so that a run that reads no Azure never loads it (and one with
 * DRIFTWARDEN_AZURE_TOKEN never loads @azure/identity).
 */
export async function createArmApi(
  subscription: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ArmApi & ActivityLogApi> {
  const endpoint = (env.DRIFTWARDEN_AZURE_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const counts: Record<string, number> = { requests: 0, retries: 0, throttled: 0 };
  const caFile = env.DRIFTWARDEN_AZURE_CA_FILE ? readCaFile(env.DRIFTWARDEN_AZURE_CA_FILE) : undefined;
  const { ResourceManagementClient } = await import('@azure/arm-resources');
  const { createHttpHeaders, createPipelineRequest } = await import('@azure/core-rest-pipeline');
  const credential = await credentialFrom(env);
  const client = new ResourceManagementClient(credential, subscription, {
    endpoint,
    credentialScopes: [`${env.DRIFTWARDEN_AZURE_AUDIENCE ?? DEFAULT_ENDPOINT}/.default`],
    retryOptions: {
      maxRetries: Number(env.DRIFTWARDEN_AZURE_MAX_RETRIES ?? 6),
      retryDelayInMs: 500,
      maxRetryDelayInMs: 30_000,
    },
    ...(caFile === undefined ? {} : { tlsOptions: { ca: caFile } }),
  });
  client.pipeline.addPolicy(countingPolicy(counts), { phase: 'Retry', afterPolicies: [] });
  client.pipeline.addPolicy(quotaPolicy(counts));
  const versions = new Map<string, Promise<Map<string, string>>>();

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw wrap(what, error);
    }
  }

  async function getJson(url: string): Promise<unknown> {
    const response = await client.sendRequest(
      createPipelineRequest({
        url,
        method: 'GET',
        headers: createHttpHeaders({ accept: 'application/json' }),
      }),
    );
    if (response.status >= 400) throw statusError(url, response.status, response.bodyAsText ?? undefined);
    return JSON.parse(response.bodyAsText ?? '{}');
  }

  return {
    stats: () => ({ ...counts }),
    async *listResources(sub, resourceGroup) {
      const pages = resourceGroup
        ? client.resources.listByResourceGroup(resourceGroup).byPage()
        : client.resources.list().byPage();
      for (;;) {
        const page = await call(`list resources of ${sub}`, () => pages.next());
        if (page.done) return;
        yield page.value;
      }
    },
    async listResourceGroups(sub) {
      const groups: unknown[] = [];
      await call(`list resource groups of ${sub}`, async () => {
        for await (const group of client.resourceGroups.list()) groups.push(group);
      });
      return groups;
    },
    async apiVersionFor(sub, armType) {
      const [namespace = '', ...rest] = armType.split('/');
      const key = namespace.toLowerCase();
      let pending = versions.get(key);
      if (!pending) {
        pending = call(`read provider ${namespace}`, async () => {
          const provider = await client.providers.get(namespace);
          return new Map(
            (provider.resourceTypes ?? []).map((t) => [
              (t.resourceType ?? '').toLowerCase(),
              t.defaultApiVersion ?? pickStable(t.apiVersions ?? []),
            ]),
          );
        });
        versions.set(key, pending);
      }
      const version = (await pending).get(rest.join('/').toLowerCase());
      if (!version)
        throw new ArmError(
          'other',
          `provider ${namespace} of ${sub} lists no api-version for ${armType}`,
          undefined,
        );
      return version;
    },
    async getById(id, apiVersion) {
      return call(`get ${id}`, async (): Promise<unknown> => client.resources.getById(id, apiVersion));
    },
    async listPath(path, apiVersion) {
      return call(`list ${path}`, async () => {
        const items: unknown[] = [];
        let url: string | undefined =
          `${endpoint}${path}${path.includes('?') ? '&' : '?'}api-version=${apiVersion}`;
        for (let page = 0; url && page < 10_000; page++) {
          const body: z.infer<typeof armListSchema> = checked(
            `list ${path}`,
            armListSchema,
            await getJson(url),
          );
          items.push(...(body.value ?? []));
          url = body.nextLink ?? undefined;
        }
        return items;
      });
    },
    async getProperties(path, apiVersion) {
      return call(`get ${path}`, async () => {
        const body = await getJson(`${endpoint}${path}?api-version=${apiVersion}`);
        return checked(`get ${path}`, armDocumentSchema, body).properties ?? undefined;
      });
    },
    async activityLogPage(sub, filter, nextLink) {
      return call(`read the Activity Log of /subscriptions/${sub}`, async () => {
        const url =
          nextLink ??
          `${endpoint}/subscriptions/${encodeURIComponent(sub)}/providers/Microsoft.Insights/eventtypes/management/values?api-version=${ACTIVITY_LOG_API}&$filter=${encodeURIComponent(filter)}`;
        const body = checked('Activity Log page', armListSchema, await getJson(url));
        return { events: body.value ?? [], ...(body.nextLink ? { nextLink: body.nextLink } : {}) };
      });
    },
    async graphQuery(scope, query) {
      return call('Resource Graph query', async () => {
        const rows: unknown[] = [];
        let skipToken: string | undefined;
        for (let page = 0; page < 10_000; page++) {
          const body = {
            ...(scope.subscriptions ? { subscriptions: scope.subscriptions } : {}),
            ...(scope.managementGroups ? { managementGroups: scope.managementGroups } : {}),
            query,
            options: {
              $top: 1000,
              resultFormat: 'objectArray',
              ...(skipToken ? { $skipToken: skipToken } : {}),
            },
          };
          const response = await client.sendRequest(
            createPipelineRequest({
              url: `${endpoint}/providers/Microsoft.ResourceGraph/resources?api-version=${RESOURCE_GRAPH_API}`,
              method: 'POST',
              body: JSON.stringify(body),
              headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
            }),
          );
          if (response.status >= 400)
            throw statusError('Resource Graph', response.status, response.bodyAsText ?? undefined);
          const result = checked(
            'Resource Graph query',
            graphPageSchema,
            JSON.parse(response.bodyAsText ?? '{}'),
          );
          rows.push(...(result.data ?? []));
          skipToken = result.$skipToken ?? undefined;
          if (!skipToken) break;
        }
        return rows;
      });
    },
  };
}

function readCaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw inputError(path, 'DRIFTWARDEN_AZURE_CA_FILE cannot be read', error);
  }
}

async function credentialFrom(env: Readonly<Record<string, string | undefined>>): Promise<TokenCredential> {
  const token = env.DRIFTWARDEN_AZURE_TOKEN;
  if (token) {
    return {
      getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
  }
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}

/** Counts every attempt; attempts beyond the first of a request are retries. */
function countingPolicy(counts: Record<string, number>): PipelinePolicy {
  const seen = new Set<string>();
  return {
    name: 'driftwardenCount',
    async sendRequest(request, next) {
      counts.requests = (counts.requests ?? 0) + 1;
      if (seen.has(request.requestId)) counts.retries = (counts.retries ?? 0) + 1;
      seen.add(request.requestId);
      const response = await next(request);
      if (response.status === 429) counts.throttled = (counts.throttled ?? 0) + 1;
      return response;
    },
  };
}

/** ARM reports the reads left in the window; when few are left, pause briefly rather than run into 429s. */
function quotaPolicy(counts: Record<string, number>): PipelinePolicy {
  return {
    name: 'driftwardenQuota',
    async sendRequest(request, next) {
      const response = await next(request);
      const remaining = Number(
        response.headers.get('x-ms-ratelimit-remaining-subscription-reads') ??
          response.headers.get('x-ms-ratelimit-remaining-tenant-reads') ??
          Number.NaN,
      );
      if (Number.isFinite(remaining) && remaining < LOW_QUOTA) {
        counts.quotaPauses = (counts.quotaPauses ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, (LOW_QUOTA - remaining) * 40)));
      }
      return response;
    },
  };
}

function pickStable(versions: readonly string[]): string {
  const stable = versions.filter((v) => !v.includes('preview')).sort();
  return stable[stable.length - 1] ?? [...versions].sort().pop() ?? '';
}

/** A response body of the wrong shape fails the call: none of its resources can be read. */
function checked<S extends z.ZodType>(what: string, schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(schema, body).map((i) => `${i.path || 'body'}: ${i.message}`);
  throw new ArmError('other', `${what}: unexpected response (${issues.join('; ')})`, parsed.error);
}

function statusError(what: string, status: number, body: string | undefined): Error {
  const code = (() => {
    try {
      return (JSON.parse(body ?? '{}') as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  })();
  return Object.assign(new Error(`${what}: HTTP ${status}${code ? ` ${code}` : ''}`), {
    statusCode: status,
    code,
  });
}

function wrap(what: string, error: unknown): ArmError {
  if (error instanceof ArmError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (status === 401 || status === 403 || /AuthorizationFailed|Forbidden/i.test(code)) {
    return new ArmError('access-denied', `${what}: access denied (${code || status})`, error);
  }
  if (status === 404) return new ArmError('not-found', `${what}: not found`, error);
  if (status === 429) return new ArmError('throttled', `${what}: still throttled after retries`, error);
  if (
    (status !== undefined && status >= 500) ||
    /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up/i.test(message ?? '')
  ) {
    return new ArmError('unavailable', `${what}: failed after retries (${status ?? message})`, error);
  }
  return new ArmError('other', `${what}: ${message}`, error);
}
