import type { Connector, ConnectorContext, Source } from '../../src/connector/types.js';
import { loadProviders } from '../../src/model/types/index.js';
import { createArmApi } from './client.js';
import { type ArmScope, CONNECTOR_ID, type GraphScope, parseAzureSpec } from './schema.js';

/**
 * The reader, imported when a source is read, after the azurerm types it maps through (the catalogue loads them on
 * demand): a scan without an Azure source loads neither (BENCHMARKS.md, bench:startup).
 */
async function reader() {
  await loadProviders(['azurerm']);
  const [{ readArm, readGraph }, { activityLogAttributor }] = await Promise.all([
    import('./read.js'),
    import('./attribution.js'),
  ]);
  return { readArm, readGraph, activityLogAttributor };
}

export const azureConnector: Connector<ArmScope | GraphScope> = {
  id: CONNECTOR_ID,
  aliases: ['azure-graph'],
  side: 'live',
  summary: 'live Azure resources: a subscription through Resource Manager, or many through Resource Graph',
  usage: '--live azure:<subscription>[/resourceGroups/<rg>] | azure-graph:<subs>|mg=<group>',
  parse: (spec, { invokedAs }) => parseAzureSpec(spec, invokedAs === 'azure-graph'),
  async resolve(scope: ArmScope | GraphScope, _ctx: ConnectorContext): Promise<Source[]> {
    if (scope.mode === 'graph') {
      const location = `azure-graph ${scope.managementGroups ? `management group ${scope.managementGroups.join(', ')}` : scope.subscriptions?.join(', ')}`;
      const anySubscription = scope.subscriptions?.[0] ?? '00000000-0000-0000-0000-000000000000';
      return [
        {
          connector: CONNECTOR_ID,
          side: 'live',
          location,
          read: async (readCtx) => {
            const { readGraph, activityLogAttributor } = await reader();
            const api = await createArmApi(anySubscription, readCtx.env);
            const result = await readGraph(api, scope, readCtx, location);
            const subscriptions = scope.managementGroups ? '*' : (scope.subscriptions ?? []);
            return { ...result, attributor: activityLogAttributor(api, subscriptions, () => readCtx.now()) };
          },
        },
      ];
    }
    const location = `azure /subscriptions/${scope.subscription}${scope.resourceGroup ? `/resourceGroups/${scope.resourceGroup}` : ''}`;
    return [
      {
        connector: CONNECTOR_ID,
        side: 'live',
        location,
        read: async (readCtx) => {
          const { readArm, activityLogAttributor } = await reader();
          const api = await createArmApi(scope.subscription, readCtx.env);
          const result = await readArm(api, scope, readCtx, location);
          return {
            ...result,
            attributor: activityLogAttributor(api, [scope.subscription], () => readCtx.now()),
          };
        },
      },
    ];
  },
};
