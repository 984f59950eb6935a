import { providerOfType, type Resource, resourceKey } from '../../src/model/resource.js';
import type { Snapshot } from '../../src/model/snapshot.js';

export const CONNECTOR_ID = 'snapshot';

/** Snapshot resources are canonical already; this only fills in what the format lets users leave out. */
export function mapSnapshot(snapshot: Snapshot, location: string): Resource<'live'>[] {
  return snapshot.resources.map((item, index) => {
    const provider = item.provider ?? providerOfType(item.type);
    return {
      provider,
      type: item.type,
      id: item.id,
      key: resourceKey(item.type, item.id, provider),
      attributes: item.attributes,
      origin: 'live',
      // A recorded item names where the cloud had it (an ARN); otherwise the snapshot file itself holds it.
      source: item.location
        ? { connector: CONNECTOR_ID, location: item.location }
        : { connector: CONNECTOR_ID, location: `${location}#resources[${index}]`, file: location },
      sensitivePaths: item.sensitivePaths ?? [],
      ...(item.account ? { account: item.account } : {}),
    } satisfies Resource<'live'>;
  });
}
