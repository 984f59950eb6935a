import { byCloudFormationType, subResourceOf } from '../../src/model/types/index.js';
import { isUnknown, type Value } from '../../src/model/value.js';
import { isRecord } from './cfn-intrinsics.js';

/**
 * CloudFormation resource types -> canonical (Terraform AWS provider 5.x) types and attributes. Every mapping is a
 * type module's `sources.cloudFormation` (src/model/types/aws/), which picks the properties it models from the
 * resolved Properties (an object, or an unknown marker when the whole block is conditional); everything else,
 * secrets such as MasterUserPassword included, is never read.
 */
export type Attributes = Record<string, Value>;

/** The canonical type and attributes of a CloudFormation resource, or undefined for a type not modelled. */
export function mapCfnResource(
  cfnType: string,
  properties: Value,
): { type: string; attributes: Attributes } | undefined {
  const target = byCloudFormationType(cfnType);
  return target
    ? { type: target.terraformType, attributes: target.mapping.map(properties, cfnType) }
    : undefined;
}

/**
 * A sub-resource (an AWS::S3::BucketPolicy) names its parent with a `Ref`, which gives the parent's name only when
 * the template sets one; CloudFormation generates the others, so the name is unknown and nothing could fold by it.
 * The parent's logical id is its address in code, so the sub-resource names its parent by that instead, as a
 * Terraform reference (`aws_s3_bucket.logs.id`) names the bucket's address: the one top-level property that is a
 * `Ref` to a resource of the parent's CloudFormation type.
 */
export function nameParentByLogicalId(
  type: string,
  attributes: Attributes,
  properties: unknown,
  resources: Record<string, unknown>,
): void {
  const fold = subResourceOf(type);
  const parentTypes = fold?.parent.sources.cloudFormation;
  if (!fold || !parentTypes || !isRecord(properties)) return;
  if (!isUnknown(attributes[fold.sub.parentIdAttribute])) return;
  const types = new Set([parentTypes.type, ...(parentTypes.also ?? [])]);
  const parents = Object.values(properties).flatMap((raw) => {
    const target = isRecord(raw) && Object.keys(raw).length === 1 ? raw.Ref : undefined;
    const definition =
      typeof target === 'string' && Object.hasOwn(resources, target) ? resources[target] : undefined;
    return isRecord(definition) && types.has(String(definition.Type)) ? [target as string] : [];
  });
  if (parents.length === 1) attributes[fold.sub.parentIdAttribute] = parents[0] as string;
}
