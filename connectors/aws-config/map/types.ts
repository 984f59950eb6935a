import type { Value } from '../../../src/model/value.js';

/**
 * A configuration item after decoding: `configuration` is parsed from its JSON string, and each value of
 * `supplementaryConfiguration` from its own JSON string (S3's AccessControlList is encoded twice; it is parsed
 * until it is no longer a string).
 */
export interface ConfigItem {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  accountId?: string;
  awsRegion?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  /** Present on full items (history, tags query), absent from BatchGet items. */
  tags?: Record<string, string>;
}

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
