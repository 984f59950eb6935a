import type { z } from 'zod';
import { awsClientSettings, awsRegion } from '../../src/connector/aws-settings.js';
import { DriftwardenError } from '../../src/errors.js';
import type { RawConfigItem } from './map/decode.js';
import { MISSING_REGION, NO_REGION_HINT } from './region-hint.js';
import { fieldIssues, tagRowSchema } from './schema.js';

/**
 * The connector's only I/O: AWS Config through the AWS SDK, with the standard credential chain (AWS_PROFILE,
 * environment, SSO, instance roles), AWS_REGION, and AWS_ENDPOINT_URL for endpoints. The SDK runs in adaptive
 * retry mode, so throttling, 5xx and timeouts are retried with backoff; what still fails is wrapped once here.
 */
export type AwsErrorKind =
  | 'access-denied'
  | 'no-aggregator'
  | 'no-recorder'
  | 'throttled'
  | 'unavailable'
  | 'other';

export class AwsConfigError extends DriftwardenError {
  readonly kind: AwsErrorKind;

  constructor(kind: AwsErrorKind, message: string, cause: unknown) {
    super('source', message, { cause });
    this.kind = kind;
  }
}

export interface RecorderInfo {
  name: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  resourceTypes: string[];
  excludedResourceTypes: string[];
  recording: boolean | undefined;
}

export interface TagQueryResult {
  tags: Map<string, Record<string, string>>;
  malformed: string[];
}

export interface AggregateIdentifier {
  SourceAccountId: string;
  SourceRegion: string;
  ResourceId: string;
  ResourceType: string;
}

export interface ConfigApi {
  readonly region: string;
  /** API operations made, by name, and HTTP requests sent including retries. */
  stats(): Record<string, number>;
  describeRecorders(): Promise<RecorderInfo[]>;
  listDiscoveredPages(resourceType: string): AsyncGenerator<{ resourceId: string; resourceName?: string }[]>;
  batchGet(keys: { resourceType: string; resourceId: string }[]): Promise<RawConfigItem[]>;
  /** Tags by resource id; rows of the wrong shape are named in `malformed`, and their resources' tags stay unknown. */
  selectTags(resourceType: string): Promise<TagQueryResult>;
  aggregatorSourceProblems(aggregator: string): Promise<string[]>;
  listAggregatePages(
    aggregator: string,
    resourceType: string,
    region?: string,
  ): AsyncGenerator<AggregateIdentifier[]>;
  batchGetAggregate(aggregator: string, ids: AggregateIdentifier[]): Promise<RawConfigItem[]>;
}

/** A resource's configuration history, for attribution (who changed it). */
export interface ConfigHistoryApi {
  /** The CloudTrail event ids of the resource's latest configuration item (GetResourceConfigHistory, limit 1). */
  latestRelatedEvents(resourceType: string, resourceId: string): Promise<string[]>;
}

const MAX_PAGES = 10_000;
const UNPROCESSED_ROUNDS = 5;

/**
 * The SDK is imported here, when a client is made, so that a run that reads no AWS Config (`--help`, a scan of
 * state files) never loads it.
 */
export async function createConfigApi(
  region: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ConfigApi & ConfigHistoryApi> {
  const {
    BatchGetAggregateResourceConfigCommand,
    BatchGetResourceConfigCommand,
    ConfigServiceClient,
    DescribeConfigurationAggregatorSourcesStatusCommand,
    DescribeConfigurationRecorderStatusCommand,
    DescribeConfigurationRecordersCommand,
    GetResourceConfigHistoryCommand,
    ListAggregateDiscoveredResourcesCommand,
    ListDiscoveredResourcesCommand,
    SelectResourceConfigCommand,
  } = await import('@aws-sdk/client-config-service');
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const resolvedRegion = region ?? awsRegion(env);
  const client = new ConfigServiceClient({
    ...(resolvedRegion ? { region: resolvedRegion } : {}),
    ...awsClientSettings(env, 'CONFIG_SERVICE'),
    retryMode: 'adaptive',
    maxAttempts: Number(env.DRIFTWARDEN_AWS_MAX_ATTEMPTS ?? 8),
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: Number(env.DRIFTWARDEN_AWS_TIMEOUT_MS ?? 30_000),
      // Without it the handler only logs a warning and waits: a hung request must fail and be retried.
      throwOnRequestTimeout: true,
    }),
  });
  const counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next) => async (args) => {
      counts.httpRequests = (counts.httpRequests ?? 0) + 1;
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'driftwardenCountRequests' },
  );

  /** `what` starts with the operation name, which is what is counted. */
  async function send<T>(what: string, call: () => Promise<T>): Promise<T> {
    const operation = what.split(' ')[0] ?? what;
    counts[operation] = (counts[operation] ?? 0) + 1;
    try {
      return await call();
    } catch (error) {
      throw wrap(what, error);
    }
  }

  return {
    region: resolvedRegion ?? '(default region)',
    stats: () => ({ ...counts }),
    async describeRecorders() {
      const recorders = await send('DescribeConfigurationRecorders', () =>
        client.send(new DescribeConfigurationRecordersCommand({})),
      );
      const statuses = await send('DescribeConfigurationRecorderStatus', () =>
        client.send(new DescribeConfigurationRecorderStatusCommand({})),
      );
      return (recorders.ConfigurationRecorders ?? []).map((r) => ({
        name: r.name ?? 'default',
        allSupported: r.recordingGroup?.allSupported ?? true,
        includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes ?? false,
        resourceTypes: (r.recordingGroup?.resourceTypes ?? []).map(String),
        excludedResourceTypes: (r.recordingGroup?.exclusionByResourceTypes?.resourceTypes ?? []).map(String),
        recording: statuses.ConfigurationRecordersStatus?.find((s) => s.name === r.name)?.recording,
      }));
    },
    async *listDiscoveredPages(resourceType) {
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await send(`ListDiscoveredResources ${resourceType}`, () =>
          client.send(
            new ListDiscoveredResourcesCommand({
              resourceType: resourceType as never,
              limit: 100,
              nextToken,
            }),
          ),
        );
        yield (out.resourceIdentifiers ?? []).flatMap((r) =>
          r.resourceId
            ? [{ resourceId: r.resourceId, ...(r.resourceName ? { resourceName: r.resourceName } : {}) }]
            : [],
        );
        nextToken = out.nextToken;
        if (!nextToken) return;
      }
    },
    async batchGet(keys) {
      const items: RawConfigItem[] = [];
      let pending = keys;
      for (let round = 0; pending.length > 0; round++) {
        if (round === UNPROCESSED_ROUNDS)
          throw new AwsConfigError(
            'throttled',
            `BatchGetResourceConfig left ${pending.length} resources unprocessed after ${round} rounds`,
            undefined,
          );
        const out = await send('BatchGetResourceConfig', () =>
          client.send(
            new BatchGetResourceConfigCommand({
              resourceKeys: pending.map((k) => ({
                resourceType: k.resourceType as never,
                resourceId: k.resourceId,
              })),
            }),
          ),
        );
        items.push(...(out.baseConfigurationItems ?? []));
        pending = (out.unprocessedResourceKeys ?? []).map((k) => ({
          resourceType: String(k.resourceType),
          resourceId: String(k.resourceId),
        }));
      }
      return items;
    },
    async selectTags(resourceType) {
      const tags = new Map<string, Record<string, string>>();
      const malformed: string[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await send('SelectResourceConfig', () =>
          client.send(
            new SelectResourceConfigCommand({
              Expression: `SELECT resourceId, tags WHERE resourceType = '${resourceType}'`,
              Limit: 100,
              NextToken: nextToken,
            }),
          ),
        );
        for (const row of out.Results ?? []) {
          const parsed = parseTagRow(row);
          if (typeof parsed === 'string') malformed.push(`${resourceType} tags query row: ${parsed}`);
          else
            tags.set(
              parsed.resourceId,
              Object.fromEntries((parsed.tags ?? []).map((t) => [t.key, t.value ?? ''])),
            );
        }
        nextToken = out.NextToken;
        if (!nextToken) break;
      }
      return { tags, malformed };
    },
    async latestRelatedEvents(resourceType, resourceId) {
      const out = await send('GetResourceConfigHistory', () =>
        client.send(
          new GetResourceConfigHistoryCommand({
            resourceType: resourceType as never,
            resourceId,
            limit: 1,
          }),
        ),
      );
      return (out.configurationItems?.[0]?.relatedEvents ?? []).filter((id) => id !== '');
    },
    async aggregatorSourceProblems(aggregator) {
      const out = await send('DescribeConfigurationAggregatorSourcesStatus', () =>
        client.send(
          new DescribeConfigurationAggregatorSourcesStatusCommand({
            ConfigurationAggregatorName: aggregator,
          }),
        ),
      );
      return (out.AggregatedSourceStatusList ?? [])
        .filter((s) => s.LastUpdateStatus === 'FAILED')
        .map(
          (s) =>
            `source ${s.SourceId ?? '?'} in ${s.AwsRegion ?? '?'} failed to aggregate: ${s.LastErrorMessage ?? s.LastErrorCode ?? 'unknown error'}`,
        );
    },
    async *listAggregatePages(aggregator, resourceType, region) {
      let NextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await send(`ListAggregateDiscoveredResources ${resourceType}`, () =>
          client.send(
            new ListAggregateDiscoveredResourcesCommand({
              ConfigurationAggregatorName: aggregator,
              ResourceType: resourceType as never,
              Limit: 100,
              NextToken,
              ...(region ? { Filters: { Region: region } } : {}),
            }),
          ),
        );
        yield (out.ResourceIdentifiers ?? []).map((r) => ({
          SourceAccountId: String(r.SourceAccountId),
          SourceRegion: String(r.SourceRegion),
          ResourceId: String(r.ResourceId),
          ResourceType: String(r.ResourceType),
        }));
        NextToken = out.NextToken;
        if (!NextToken) return;
      }
    },
    async batchGetAggregate(aggregator, ids) {
      const items: RawConfigItem[] = [];
      let pending = ids;
      for (let round = 0; pending.length > 0; round++) {
        if (round === UNPROCESSED_ROUNDS)
          throw new AwsConfigError(
            'throttled',
            `BatchGetAggregateResourceConfig left ${pending.length} resources unprocessed`,
            undefined,
          );
        const out = await send('BatchGetAggregateResourceConfig', () =>
          client.send(
            new BatchGetAggregateResourceConfigCommand({
              ConfigurationAggregatorName: aggregator,
              ResourceIdentifiers: pending.map((id) => ({ ...id, ResourceType: id.ResourceType as never })),
            }),
          ),
        );
        items.push(...(out.BaseConfigurationItems ?? []));
        pending = (out.UnprocessedResourceIdentifiers ?? []).map((r) => ({
          SourceAccountId: String(r.SourceAccountId),
          SourceRegion: String(r.SourceRegion),
          ResourceId: String(r.ResourceId),
          ResourceType: String(r.ResourceType),
        }));
      }
      return items;
    },
  };
}

/** A row, or what is wrong with it. */
function parseTagRow(row: string): z.infer<typeof tagRowSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(row);
  } catch {
    return 'not JSON';
  }
  const parsed = tagRowSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return fieldIssues(tagRowSchema, json)
    .map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`)
    .join('; ');
}

export function wrap(what: string, error: unknown): AwsConfigError {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (message === MISSING_REGION) return new AwsConfigError('other', `${what}: ${NO_REGION_HINT}`, error);
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name))
    return new AwsConfigError('access-denied', `${what}: access denied (${name})`, error);
  if (name === 'NoSuchConfigurationAggregatorException')
    return new AwsConfigError('no-aggregator', `${what}: ${message}`, error);
  if (name === 'NoAvailableConfigurationRecorderException')
    return new AwsConfigError('no-recorder', `${what}: no configuration recorder`, error);
  if (/Throttl|Rate exceeded|TooManyRequests/i.test(`${name} ${message}`))
    return new AwsConfigError('throttled', `${what}: still throttled after retries`, error);
  if (
    (status !== undefined && status >= 500) ||
    /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up|TimeoutError|RequestTimeout/i.test(`${name} ${message}`)
  ) {
    return new AwsConfigError('unavailable', `${what}: failed after retries (${status ?? name})`, error);
  }
  return new AwsConfigError('other', `${what}: ${name || 'error'}: ${message.split('\n')[0]}`, error);
}
