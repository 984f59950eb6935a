import type { Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::CloudTrail::Trail -> aws_cloudtrail. Shape: awslabs/aws-config-resource-schema
 * `AWS::CloudTrail::Trail.properties.json`: configuration.name, trailARN, s3BucketName, kmsKeyId,
 * isMultiRegionTrail, includeGlobalServiceEvents, logFileValidationEnabled, isOrganizationTrail.
 *
 * The id is the trail ARN: terraform-provider-aws 5.25.0 changed the resource's import id, and the `id` it
 * writes to state, from the name to the ARN (hashicorp/terraform-provider-aws#30758). State written by an older
 * provider still holds the name there and will not pair with this id.
 */
export const cloudtrailMapping: TypeMapping = {
  configType: 'AWS::CloudTrail::Trail',
  terraformType: 'aws_cloudtrail',
  map: mapTrail,
};

function mapTrail(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const arn = trailArn(item);
  const attributes: Record<string, Value> = { arn };
  put(attributes, 'name', c.name ?? item.resourceName);
  put(attributes, 's3_bucket_name', c.s3BucketName);
  put(attributes, 'kms_key_id', c.kmsKeyId);
  put(attributes, 'is_multi_region_trail', c.isMultiRegionTrail);
  put(attributes, 'include_global_service_events', c.includeGlobalServiceEvents);
  put(attributes, 'enable_log_file_validation', c.logFileValidationEnabled);
  put(attributes, 'is_organization_trail', c.isOrganizationTrail);
  put(attributes, 'tags', tagMap(item.tags));
  return { id: arn, attributes };
}

function trailArn(item: ConfigItem): string {
  const fromConfiguration = item.configuration.trailARN;
  if (typeof fromConfiguration === 'string' && fromConfiguration !== '') return fromConfiguration;
  return item.arn ?? item.resourceId;
}
