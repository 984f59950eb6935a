import { AWS_TYPES } from './aws/index.js';
import { AZURERM_TYPES } from './azurerm/index.js';
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
 */
export const RESOURCE_TYPES: readonly ResourceType[] = [...AWS_TYPES, ...AZURERM_TYPES];

const BY_TYPE = new Map(RESOURCE_TYPES.map((type) => [type.type, type]));

export interface SubResourceOf {
  parent: ResourceType;
  sub: SubResource;
}

const SUB_RESOURCES = new Map<string, SubResourceOf>(
  RESOURCE_TYPES.flatMap((parent) => (parent.folds ?? []).map((sub) => [sub.type, { parent, sub }] as const)),
);

/** The module of a canonical type, if the catalogue has one. */
export function resourceType(type: string): ResourceType | undefined {
  return BY_TYPE.get(type);
}

/** The parent a Terraform sub-resource type folds into (`aws_s3_bucket_versioning` into `aws_s3_bucket`). */
export function subResourceOf(type: string): SubResourceOf | undefined {
  return SUB_RESOURCES.get(type);
}

/** A CloudFormation type's mapping and the Terraform type it produces (a canonical type or a sub-resource). */
export interface CloudFormationTarget {
  terraformType: string;
  mapping: CloudFormationMapping;
}

const BY_CLOUDFORMATION_TYPE = new Map<string, CloudFormationTarget>();
for (const type of RESOURCE_TYPES) {
  const mapping = type.sources.cloudFormation;
  if (mapping)
    for (const cfnType of [mapping.type, ...(mapping.also ?? [])])
      BY_CLOUDFORMATION_TYPE.set(cfnType, { terraformType: type.type, mapping });
  for (const sub of type.folds ?? [])
    if (sub.cloudFormation)
      BY_CLOUDFORMATION_TYPE.set(sub.cloudFormation.type, {
        terraformType: sub.type,
        mapping: sub.cloudFormation,
      });
}

export function byCloudFormationType(cfnType: string): CloudFormationTarget | undefined {
  return BY_CLOUDFORMATION_TYPE.get(cfnType);
}

const BY_AWS_CONFIG_TYPE = new Map(
  RESOURCE_TYPES.flatMap((type) =>
    type.sources.awsConfig ? [[type.sources.awsConfig.type, type] as const] : [],
  ),
);

/** The canonical type an AWS Config resource type maps to. */
export function byAwsConfigType(configType: string): ResourceType | undefined {
  return BY_AWS_CONFIG_TYPE.get(configType);
}

/** The ARM types, and Resource Graph's names for them, compared case-insensitively. */
const BY_ARM_TYPE = new Map<string, ResourceType[]>();
for (const type of RESOURCE_TYPES) {
  const arm = type.sources.arm;
  if (!arm) continue;
  for (const name of new Set([
    arm.type.toLowerCase(),
    ...(arm.graphType ? [arm.graphType.toLowerCase()] : []),
  ]))
    BY_ARM_TYPE.set(name, [...(BY_ARM_TYPE.get(name) ?? []), type]);
}

/** Every canonical type an ARM type (or Resource Graph type) can map to: a site is four azurerm types. */
export function byArmType(armType: string): readonly ResourceType[] {
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
