import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { createConfigApi } from './client.js';
import type { OlderItems } from './read.js';
import { type AwsConfigOptions, CONNECTOR_ID, parseOptions } from './schema.js';

/**
 * The reader and the attribution, imported when a source is read: a scan without an AWS Config source loads
 * neither (BENCHMARKS.md, bench:startup).
 */
async function reader() {
  const [{ readAccount, readAggregator }, { cloudTrailAttributor }, { lazyCloudTrailApi }] =
    await Promise.all([import('./read.js'), import('./attribution.js'), import('./cloudtrail-client.js')]);
  return { readAccount, readAggregator, cloudTrailAttributor, lazyCloudTrailApi };
}

export const awsConfigConnector: Connector<AwsConfigOptions> = {
  id: CONNECTOR_ID,
  side: 'live',
  summary: 'live AWS resources from AWS Config: one account and region, several regions, or an aggregator',
  usage: '--live aws-config[:aggregator=<name>;regions=<r>,<r>;types=<t>,<t>]',
  parse: (spec) => parseOptions(spec),
  async resolve(options: AwsConfigOptions, ctx: ConnectorContext): Promise<Source[]> {
    if (options.aggregator) {
      const aggregator = options.aggregator;
      const location = `aggregator ${aggregator}${options.regions ? ` (${options.regions.join(', ')})` : ''}`;
      return [
        {
          connector: CONNECTOR_ID,
          side: 'live',
          location,
          read: async (readCtx) =>
            (await reader()).readAggregator(
              await createConfigApi(undefined, ctx.env),
              aggregator,
              options.regions,
              options.types,
              readCtx,
              location,
            ),
        },
      ];
    }
    const regions = options.regions ?? [undefined];
    return Promise.all(
      regions.map(async (region): Promise<Source> => {
        const api = await createConfigApi(region, ctx.env);
        const location = `aws-config ${api.region}`;
        return {
          connector: CONNECTOR_ID,
          side: 'live',
          location,
          read: async (readCtx) => {
            const { readAccount, cloudTrailAttributor, lazyCloudTrailApi } = await reader();
            const olderItems: OlderItems = new Map();
            const result = await readAccount(api, options.types, readCtx, location, olderItems);
            const account = result.resources.find((resource) => resource.account)?.account;
            const trail = lazyCloudTrailApi(region ?? awsRegionOf(api.region), ctx.env);
            return { ...result, attributor: cloudTrailAttributor(trail, account, { api, olderItems }) };
          },
        };
      }),
    );
  },
};

/** The region the Config client resolved, or none when it fell back to its placeholder. */
function awsRegionOf(region: string): string | undefined {
  return region.startsWith('(') ? undefined : region;
}
