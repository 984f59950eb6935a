import { AWS_TYPES } from './aws/index.js';
import type {
  ArmMapping,
  CloudFormationMapping,
  CoverageLevel,
  ResourceType,
  SubResource,
} from './resource-type.js';

/**
 * The type catalogue: every canonical resource type driftwarden knows, one module each under
 * `src/model/types/<provider>/`, listed in that folder's index. Everything that depends on a type reads it here.
 *
 * The lookups are synchronous, over the providers loaded so far. The AWS types load with this module; the azurerm
 * types (nearly half of the catalogue's code) when something asks for them: `loadProvidersOf` with the types a
 * source read (every connector that yields azurerm resources, and the scan for whatever a source yielded),
 * `loadCatalogue` for the commands that list or plan over every type. A scan of AWS alone never compiles or
 * evaluates them (BENCHMARKS.md, bench:startup). A lookup of an azurerm type before they are loaded throws rather
 * than answer "no such type", which would read as an unknown type.
 */
const registered: ResourceType[] = [];
export const RESOURCE_TYPES: readonly ResourceType[] = registered;

/** The providers loaded on demand, by the prefix of their Terraform types. */
const LAZY_PROVIDERS = {
  azurerm: async () => (await import('./azurerm/index.js')).AZURERM_TYPES,
} satisfies Record<string, () => Promise<readonly ResourceType[]>>;

export type LazyProvider = keyof typeof LAZY_PROVIDERS;

const loading = new Map<LazyProvider, Promise<void>>();
const loaded = new Set<LazyProvider>();

const BY_TYPE = new Map<string, ResourceType>();

export interface SubResourceOf {
  parent: ResourceType;
  sub: SubResource;
}

const SUB_RESOURCES = new Map<string, SubResourceOf>();

/** A CloudFormation type's mapping and the Terraform type it produces (a canonical type or a sub-resource). */
export interface CloudFormationTarget {
  terraformType: string;
  mapping: CloudFormationMapping;
}

const BY_CLOUDFORMATION_TYPE = new Map<string, CloudFormationTarget>();
const BY_AWS_CONFIG_TYPE = new Map<string, ResourceType>();
/** The ARM types, and Resource Graph's names for them, compared case-insensitively. */
const BY_ARM_TYPE = new Map<string, ResourceType[]>();

/** Adds one provider's types to the catalogue and to every lookup. */
function register(types: readonly ResourceType[]): void {
  registered.push(...types);
  for (const type of types) {
    BY_TYPE.set(type.type, type);
    const mapping = type.sources.cloudFormation;
    if (mapping)
      for (const cfnType of [mapping.type, ...(mapping.also ?? [])])
        BY_CLOUDFORMATION_TYPE.set(cfnType, { terraformType: type.type, mapping });
    for (const sub of type.folds ?? []) {
      SUB_RESOURCES.set(sub.type, { parent: type, sub });
      if (sub.cloudFormation)
        BY_CLOUDFORMATION_TYPE.set(sub.cloudFormation.type, {
          terraformType: sub.type,
          mapping: sub.cloudFormation,
        });
    }
    if (type.sources.awsConfig) BY_AWS_CONFIG_TYPE.set(type.sources.awsConfig.type, type);
    const arm = type.sources.arm;
    if (arm)
      for (const name of new Set([
        arm.type.toLowerCase(),
        ...(arm.graphType ? [arm.graphType.toLowerCase()] : []),
      ]))
        BY_ARM_TYPE.set(name, [...(BY_ARM_TYPE.get(name) ?? []), type]);
  }
}

register(AWS_TYPES);

/** Loads these providers' types, those not loaded yet (each once, however many ask at the same time). */
export async function loadProviders(providers: Iterable<LazyProvider>): Promise<void> {
  await Promise.all(
    [...new Set(providers)].map((provider) => {
      let pending = loading.get(provider);
      if (!pending) {
        pending = LAZY_PROVIDERS[provider]().then((types) => {
          register(types);
          loaded.add(provider);
        });
        loading.set(provider, pending);
      }
      return pending;
    }),
  );
}

/** The lazily loaded provider a Terraform type (or sub-resource type) belongs to, by its prefix. */
function lazyProviderOf(type: string): LazyProvider | undefined {
  return type.startsWith('azurerm_') ? 'azurerm' : undefined;
}

/** Loads the providers of these Terraform types (what a source read), before anything looks them up. */
export async function loadProvidersOf(types: Iterable<string>): Promise<void> {
  const needed = new Set<LazyProvider>();
  for (const type of types) {
    const provider = lazyProviderOf(type);
    if (provider && !loaded.has(provider)) needed.add(provider);
  }
  if (needed.size > 0) await loadProviders(needed);
}

/** Every provider's types: for what lists or reads the whole catalogue (`types`, `codify`, `fix`, `policies`). */
export async function loadCatalogue(): Promise<readonly ResourceType[]> {
  await loadProviders(Object.keys(LAZY_PROVIDERS) as LazyProvider[]);
  return RESOURCE_TYPES;
}

/** Whether a provider's types are loaded (the AWS types always are). */
export function isProviderLoaded(provider: LazyProvider): boolean {
  return loaded.has(provider);
}

/** A type not in the catalogue: none, unless it is a provider's not loaded yet, which is a missed load. */
function notLoaded(type: string): undefined {
  const provider = lazyProviderOf(type);
  if (provider && !loaded.has(provider)) throw unloadedProvider(provider, type);
  return undefined;
}

function unloadedProvider(provider: LazyProvider, what: string): Error {
  return new Error(
    `the ${provider} types are not loaded (looking up ${what}): load them first (loadProvidersOf, loadCatalogue)`,
  );
}

/** The module of a canonical type, if the catalogue has one. */
export function resourceType(type: string): ResourceType | undefined {
  return BY_TYPE.get(type) ?? notLoaded(type);
}

/** The parent a Terraform sub-resource type folds into (`aws_s3_bucket_versioning` into `aws_s3_bucket`). */
export function subResourceOf(type: string): SubResourceOf | undefined {
  return SUB_RESOURCES.get(type) ?? notLoaded(type);
}

export function byCloudFormationType(cfnType: string): CloudFormationTarget | undefined {
  return BY_CLOUDFORMATION_TYPE.get(cfnType);
}

/** The canonical type an AWS Config resource type maps to. */
export function byAwsConfigType(configType: string): ResourceType | undefined {
  return BY_AWS_CONFIG_TYPE.get(configType);
}

/** Every canonical type an ARM type (or Resource Graph type) can map to: a site is four azurerm types. */
export function byArmType(armType: string): readonly ResourceType[] {
  if (!loaded.has('azurerm')) throw unloadedProvider('azurerm', `ARM type ${armType}`);
  return BY_ARM_TYPE.get(armType.toLowerCase()) ?? [];
}

/** The ARM mapping of a canonical type. */
export function armMappingOf(type: string): ArmMapping | undefined {
  return resourceType(type)?.sources.arm;
}

/** What the live sources compare of a type; undefined for a type only code and state describe. */
export function levelOf(type: ResourceType): CoverageLevel | undefined {
  if (!type.sources.awsConfig && !type.sources.arm) return undefined;
  return type.level ?? 'attributes';
}

/** The sources that describe a type, by name: Terraform (state, plans, HCL) always, then each mapped source. */
export function sourcesOf(type: ResourceType): string[] {
  return [
    'terraform',
    ...(type.sources.cloudFormation ? ['cloudformation'] : []),
    ...(type.sources.arm ? ['arm-template', 'azure-resource-manager', 'azure-resource-graph'] : []),
    ...(type.sources.awsConfig ? ['aws-config'] : []),
  ];
}

export type * from './resource-type.js';
export type { ArmShape, AwsConfigItem } from './sources.js';
