import type { StateV4 } from '../../connectors/terraform-state/schema.js';

/** What the states say about where their resources live, for the live sources `init` suggests. */
export interface CloudHints {
  /** Terraform providers by their type prefix: `aws`, `azurerm`. */
  providers: Set<string>;
  /** Regions in the resources' ARNs (`arn:aws:sqs:eu-west-1:…`). */
  awsRegions: Set<string>;
  /** Subscriptions in the resources' ARM ids (`/subscriptions/<guid>/…`). */
  azureSubscriptions: Set<string>;
}

/** Only values of these shapes are taken: they are written into the config's comments. */
const ARN_REGION = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d+):/;
const SUBSCRIPTION = /^\/subscriptions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

export function cloudHintsOf(state: StateV4): CloudHints {
  const hints: CloudHints = { providers: new Set(), awsRegions: new Set(), azureSubscriptions: new Set() };
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    const provider = /^(aws|azurerm)_/.exec(resource.type)?.[1];
    if (provider === undefined) continue;
    hints.providers.add(provider);
    for (const instance of resource.instances) {
      const { arn, id } = instance.attributes ?? {};
      const region = typeof arn === 'string' ? ARN_REGION.exec(arn)?.[1] : undefined;
      if (region !== undefined) hints.awsRegions.add(region);
      const subscription = typeof id === 'string' ? SUBSCRIPTION.exec(id)?.[1] : undefined;
      if (subscription !== undefined) hints.azureSubscriptions.add(subscription.toLowerCase());
    }
  }
  return hints;
}

export function mergeHints(into: CloudHints, from: CloudHints): void {
  for (const key of ['providers', 'awsRegions', 'azureSubscriptions'] as const)
    for (const value of from[key]) into[key].add(value);
}
