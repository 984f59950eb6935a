import { byCloudFormationType } from '../../src/model/types/index.js';
import type { Value } from '../../src/model/value.js';

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
