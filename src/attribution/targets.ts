import type { AttributionTarget } from '../connector/attribution.js';
import type { DriftEntry } from '../model/report.js';
import type { Resource } from '../model/resource.js';

/**
 * What an attributor is asked about a drift entry: its resource, and the ARN where one is known (the live copy's
 * location from AWS Config, or the declared `arn` attribute of a resource that is gone), which says its region.
 */
export function attributionTargetOf(
  declaredByKey: ReadonlyMap<string, Resource<'declared'>>,
  liveByKey: ReadonlyMap<string, readonly Resource<'live'>[]>,
): (entry: DriftEntry) => AttributionTarget {
  return (entry) => {
    const live = liveByKey
      .get(entry.key)
      ?.find((resource) => entry.account === undefined || resource.account === entry.account);
    const declaredArn = declaredByKey.get(entry.key)?.attributes.arn;
    const arn = [live?.source.location, declaredArn, entry.id].find(
      (value): value is string => typeof value === 'string' && value.startsWith('arn:'),
    );
    return {
      kind: entry.kind,
      key: entry.key,
      type: entry.type,
      id: entry.id,
      provider: entry.provider,
      ...(entry.account ? { account: entry.account } : {}),
      ...(arn ? { arn } : {}),
    };
  };
}
