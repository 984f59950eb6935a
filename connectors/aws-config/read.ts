import type { ConnectorContext, LiveReadResult } from '../../src/connector/types.js';
import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import { eachLimited } from '../../src/util/each-limited.js';
import {
  type AggregateIdentifier,
  AwsConfigError,
  type ConfigApi,
  type RecorderInfo,
  type TagQueryResult,
} from './client.js';
import { aggregateRegions, placeTypes } from './home-region.js';
import { type RawConfigItem, readConfigItem } from './map/decode.js';
import { GLOBAL_CONFIG_TYPES, MAPPING_BY_CONFIG_TYPE, MAPPINGS } from './map/index.js';
import type { ConfigItem, TypeMapping } from './map/types.js';

import { CONNECTOR_ID } from './schema.js';

export { CONNECTOR_ID };

const BATCH = 100;
const TYPE_CONCURRENCY = 4;

/**
 * One account and region: the configuration recorder says which types are recorded; only those (and the user's
 * type filter) are compared, and of a global service's types only in the region AWS Config records them in
 * (home-region.ts). Each type is listed in pages of 100 and fetched 100 keys per BatchGet call. A type
 * that cannot be read (access denied, still failing after retries) is left out of the covered types, never
 * reported as missing, and makes the source partial.
 */
export async function readAccount(
  api: ConfigApi,
  types: readonly string[] | undefined,
  ctx: ConnectorContext,
  location: string,
  olderItems?: OlderItems,
): Promise<LiveReadResult> {
  const recorders = await api.describeRecorders().catch((error: unknown) => {
    if (error instanceof AwsConfigError && error.kind === 'access-denied') {
      throw new AwsConfigError(
        'access-denied',
        `${location}: cannot read the configuration recorder (access denied), so it is not known what AWS Config records`,
        error,
      );
    }
    throw error;
  });
  if (recorders.length === 0) {
    throw new AwsConfigError(
      'no-recorder',
      `${location}: no AWS Config configuration recorder, so AWS Config records nothing here and nothing can be compared (set one up, or scan through an aggregator)`,
      undefined,
    );
  }
  for (const recorder of recorders) {
    if (recorder.recording === false) {
      ctx.diagnostic({
        level: 'warning',
        code: 'aws-config.recorder-stopped',
        message: `the configuration recorder "${recorder.name}" is stopped: live data may be out of date`,
        source: location,
      });
    }
  }
  const { readable, partial } = placeTypes(selectMappings(types), api.region, ctx, location);
  const mappings = readable.filter((m) => isRecorded(m.configType, recorders));
  const skipped = readable.filter((m) => !mappings.includes(m));
  if (skipped.length > 0) {
    ctx.diagnostic({
      level: 'info',
      code: 'aws-config.not-recorded',
      message: `not recorded by AWS Config here, so not compared: ${skipped.map((m) => m.terraformType).join(', ')}`,
      source: location,
    });
  }
  return readTypes(mappings, { ctx, location, api, partial, olderItems }, async (mapping) => {
    const items: RawConfigItem[] = [];
    let keys: { resourceType: string; resourceId: string }[] = [];
    for await (const page of api.listDiscoveredPages(mapping.configType)) {
      keys.push(...page.map((r) => ({ resourceType: mapping.configType, resourceId: r.resourceId })));
      while (keys.length >= BATCH) {
        items.push(...(await api.batchGet(keys.slice(0, BATCH))));
        keys = keys.slice(BATCH);
      }
    }
    if (keys.length > 0) items.push(...(await api.batchGet(keys)));
    return items;
  });
}

/** A whole organisation through an aggregator: the aggregate list and batch calls, across accounts and regions. */
export async function readAggregator(
  api: ConfigApi,
  aggregator: string,
  regions: readonly string[] | undefined,
  types: readonly string[] | undefined,
  ctx: ConnectorContext,
  location: string,
): Promise<LiveReadResult> {
  const sourceProblems = await api
    .aggregatorSourceProblems(aggregator)
    .catch((error: unknown) => [
      `could not read the aggregator's source status (${error instanceof Error ? error.message : String(error)}); accounts that failed to aggregate would be missing from the results`,
    ]);
  for (const problem of sourceProblems) {
    ctx.diagnostic({
      level: 'warning',
      code: 'aws-config.aggregator-source',
      message: problem,
      source: location,
    });
  }
  ctx.diagnostic({
    level: 'info',
    code: 'aws-config.aggregator-coverage',
    message:
      'an aggregator does not show what each account records; types not recorded in some account would read as missing there. Use types= to limit the comparison to what your organisation records',
    source: location,
  });
  const mappings = selectMappings(types);
  const plans = new Map(mappings.map((m) => [m, aggregateRegions(m, regions, api.region)]));
  const partial = new Set(mappings.filter((m) => plans.get(m)?.partial));
  for (const mapping of partial)
    ctx.diagnostic({
      level: 'info',
      code: 'aws-config.home-region',
      message: plans.get(mapping)?.partial ?? '',
      source: location,
    });
  return readTypes(mappings, { ctx, location, api, partial }, async (mapping) => {
    const items: RawConfigItem[] = [];
    for (const { region, keep } of plans.get(mapping)?.lists ?? []) {
      let ids: AggregateIdentifier[] = [];
      const fetch = async (batch: AggregateIdentifier[]) => {
        const got = await api.batchGetAggregate(aggregator, batch);
        items.push(...(keep ? got.filter(keep) : got));
      };
      for await (const page of api.listAggregatePages(aggregator, mapping.configType, region)) {
        ids.push(...page);
        while (ids.length >= BATCH) {
          await fetch(ids.slice(0, BATCH));
          ids = ids.slice(BATCH);
        }
      }
      if (ids.length > 0) await fetch(ids);
    }
    return items;
  });
}

/**
 * The Config identity of the items recorded before version 1.3, by resource (olderItemKey): only their history can
 * hold `relatedEvents` ("As of Version 1.3, the relatedEvents field is empty", API_ConfigurationItem).
 */
export type OlderItems = Map<string, { resourceType: string; resourceId: string }>;

export function olderItemKey(key: string, account: string | undefined): string {
  return `${key}\u0000${account ?? ''}`;
}

interface ReadScope {
  ctx: ConnectorContext;
  location: string;
  api: ConfigApi;
  partial: ReadonlySet<TypeMapping>;
  olderItems?: OlderItems | undefined;
}

async function readTypes(
  mappings: readonly TypeMapping[],
  { ctx, location, api, partial, olderItems }: ReadScope,
  fetchType: (mapping: TypeMapping) => Promise<RawConfigItem[]>,
): Promise<LiveReadResult> {
  const resources: Resource<'live'>[] = [];
  const covered: string[] = [];
  const problems: string[] = [];
  let done = 0;
  await eachLimited(mappings, TYPE_CONCURRENCY, async (mapping) => {
    try {
      const items = await fetchType(mapping);
      const { mapped, unreadable, configIds } = mapItems(mapping, items, location, ctx, problems);
      if (olderItems) keepOlderItems(mapping, items, mapped, configIds, olderItems);
      if (unreadable.length > 0) {
        // An item that cannot be identified could be any declared resource: none of its type may read as missing.
        problems.push(
          `${mapping.terraformType} (${mapping.configType}) not compared: ${unreadable.length} configuration item(s) of the wrong shape (${unreadable.join('; ')})`,
        );
      } else {
        await fillTags(api, mapping, mapped, configIds, ctx, location, problems);
        resources.push(...mapped);
        // A type only some of whose objects this region records is compared by the objects listed, no others.
        if (!partial.has(mapping)) covered.push(mapping.terraformType);
      }
    } catch (error) {
      if (!(error instanceof AwsConfigError)) throw error;
      problems.push(`${mapping.terraformType} (${mapping.configType}) not compared: ${error.message}`);
    }
    ctx.progress(`aws-config ${location}: ${++done}/${mappings.length} types, ${resources.length} resources`);
  });
  if (covered.length === 0 && problems.length > 0) {
    const distinct = [...new Set(problems.map((p) => p.replace(/^.*? not compared: /, '')))];
    throw new AwsConfigError(
      'other',
      distinct.length === 1 ? (distinct[0] ?? '') : problems.join('; '),
      undefined,
    );
  }
  return {
    resources: resources.sort((a, b) => (a.key < b.key ? -1 : 1)),
    coverage: { types: covered.sort() },
    problems,
    stats: api.stats(),
  };
}

function keepOlderItems(
  mapping: TypeMapping,
  items: readonly RawConfigItem[],
  mapped: readonly Resource<'live'>[],
  configIds: ReadonlyMap<Resource<'live'>, string>,
  into: OlderItems,
): void {
  const older = new Set<string>();
  for (const raw of items) {
    const item = raw as { resourceId?: unknown; version?: unknown };
    if (typeof item.resourceId === 'string' && typeof item.version === 'string' && before13(item.version))
      older.add(item.resourceId);
  }
  for (const resource of mapped) {
    const resourceId = configIds.get(resource);
    if (resourceId !== undefined && older.has(resourceId))
      into.set(olderItemKey(resource.key, resource.account), {
        resourceType: mapping.configType,
        resourceId,
      });
  }
}

/** `1.2` is before 1.3; `1.3`, `1.10` and `2.0` are not. */
function before13(version: string): boolean {
  const [major = Number.NaN, minor = 0] = version.split('.').map(Number);
  return major < 1 || (major === 1 && minor < 3);
}

function mapItems(
  mapping: TypeMapping,
  items: RawConfigItem[],
  location: string,
  ctx: ConnectorContext,
  problems: string[],
): { mapped: Resource<'live'>[]; unreadable: string[]; configIds: Map<Resource<'live'>, string> } {
  const mapped: Resource<'live'>[] = [];
  const unreadable: string[] = [];
  // The tags query answers by Config's resourceId, which is not the key of a type keyed by name or ARN.
  const configIds = new Map<Resource<'live'>, string>();
  for (const raw of items) {
    const read = readConfigItem(raw);
    if ('unreadable' in read) {
      unreadable.push(read.unreadable);
      continue;
    }
    const { item, issues } = read;
    if (item.resourceType !== mapping.configType) continue;
    const resource = toResource(mapping, item, location);
    for (const issue of issues) {
      // The field is left unknown: the attributes it feeds are not compared, so the source is partial.
      const message = `${item.resourceType} ${item.resourceName ?? item.resourceId}: ${issue.path.join('.')}: ${issue.message}`;
      problems.push(message);
      ctx.diagnostic({
        level: 'warning',
        code: 'aws-config.malformed-field',
        message,
        source: location,
        ...(resource ? { key: resource.key } : {}),
      });
    }
    if (resource) {
      mapped.push(resource);
      configIds.set(resource, item.resourceId);
    }
  }
  return { mapped, unreadable, configIds };
}

function toResource(mapping: TypeMapping, item: ConfigItem, location: string): Resource<'live'> | undefined {
  const mapped = mapping.map(item);
  if (!mapped) return undefined;
  const provider = providerOfType(mapping.terraformType);
  return {
    provider,
    type: mapping.terraformType,
    id: mapped.id,
    key: resourceKey(mapping.terraformType, mapped.id, provider),
    attributes: mapped.attributes,
    origin: 'live',
    ...(item.accountId ? { account: item.accountId } : {}),
    source: {
      connector: CONNECTOR_ID,
      location: item.arn ?? `${location} ${item.resourceType} ${item.resourceId}`,
    },
    sensitivePaths: [],
  };
}

/**
 * BatchGet items carry no tags; an advanced query fetches them per type. Where it returns nothing, tags stay
 * unknown; where it fails, they stay unknown too, and the failure is reported: the source is partial, and no
 * resource's tags read as "no tags".
 */
async function fillTags(
  api: ConfigApi,
  mapping: TypeMapping,
  resources: Resource<'live'>[],
  configIds: ReadonlyMap<Resource<'live'>, string>,
  ctx: ConnectorContext,
  location: string,
  problems: string[],
): Promise<void> {
  const untagged = resources.filter((r) => !('tags' in r.attributes));
  if (untagged.length === 0) return;
  const report = (message: string) => {
    problems.push(message);
    ctx.diagnostic({ level: 'warning', code: 'aws-config.tags-unknown', message, source: location });
  };
  let result: TagQueryResult;
  try {
    result = await api.selectTags(mapping.configType);
  } catch (error) {
    if (!(error instanceof AwsConfigError)) throw error;
    report(`tags of ${mapping.terraformType} (${mapping.configType}) not compared: ${error.message}`);
    return;
  }
  for (const row of result.malformed) report(row);
  for (const resource of untagged) {
    const found =
      result.tags.get(configIds.get(resource) ?? resource.id) ??
      result.tags.get(resource.id) ??
      result.tags.get(String(resource.attributes.bucket ?? ''));
    if (found) resource.attributes.tags = found;
  }
}

function selectMappings(types: readonly string[] | undefined): TypeMapping[] {
  if (!types) return [...MAPPINGS];
  return MAPPINGS.filter((m) => types.includes(m.terraformType));
}

function isRecorded(configType: string, recorders: readonly RecorderInfo[]): boolean {
  return recorders.some((r) => {
    if (r.excludedResourceTypes.includes(configType)) return false;
    if (r.allSupported) return !GLOBAL_CONFIG_TYPES.has(configType) || r.includeGlobalResourceTypes;
    return r.resourceTypes.includes(configType);
  });
}

export { MAPPING_BY_CONFIG_TYPE };
