import type { AwsConfigItem } from '../../../src/model/types/index.js';
import type { Value } from '../../../src/model/value.js';

/** A configuration item after decoding: the catalogue's source shape. */
export type ConfigItem = AwsConfigItem;

export interface MappedResource {
  /** The Terraform import id of the canonical type: bucket name, policy ARN, role name, vol-..., ... */
  id: string;
  /** Terraform attribute names. Leave out what the item does not report: absent means unknown, never empty. */
  attributes: Record<string, Value>;
}

/** One AWS Config resource type mapped to one canonical Terraform type. One file per type. */
export interface TypeMapping {
  configType: string;
  terraformType: string;
  /** Returns undefined to skip an item that Terraform never manages (an AWS-managed KMS key). */
  map(item: ConfigItem): MappedResource | undefined;
}
