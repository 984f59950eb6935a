import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { text } from '../read/ids.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_cloudtrail, keyed by the trail ARN: terraform-provider-aws 5.25.0 changed the resource's import id, and the
 * `id` it writes to state, from the name to the ARN (hashicorp/terraform-provider-aws#30758). State written by an
 * older provider still holds the name there and will not pair with this id.
 *
 * AWS Config (AWS::CloudTrail::Trail): awslabs/aws-config-resource-schema `AWS::CloudTrail::Trail.properties.json`:
 * configuration.name, trailARN, s3BucketName, kmsKeyId, isMultiRegionTrail, includeGlobalServiceEvents,
 * logFileValidationEnabled, isOrganizationTrail.
 *
 * CloudFormation: AWS::CloudTrail::Trail.
 */
export const cloudtrail = defineType({
  type: 'aws_cloudtrail',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    s3_bucket_name: s.string,
    kms_key_id: s.string,
    is_multi_region_trail: s.boolean,
    include_global_service_events: s.boolean,
    enable_log_file_validation: s.boolean,
    is_organization_trail: s.boolean,
    enable_logging: s.boolean,
    event_selector: s.blocks({ read_write_type: s.string, include_management_events: s.boolean }),
    tags: s.tags,
  }),
  sets: ['event_selector'],
  computed: ['arn', 'home_region'],
  // The provider's aws_cloudtrail documentation: enable_logging and include_global_service_events "Defaults to
  // `true`"; is_multi_region_trail, enable_log_file_validation and is_organization_trail "Defaults to `false`".
  defaults: {
    enable_logging: true,
    include_global_service_events: true,
    is_multi_region_trail: false,
    enable_log_file_validation: false,
    is_organization_trail: false,
  },
  id: { attribute: 'arn', importId: (attributes) => text(attributes.arn), caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::CloudTrail::Trail', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::CloudTrail::Trail',
      map: cfn.fromSpec({
        name: cfn.name('TrailName'),
        s3_bucket_name: 'S3BucketName',
        kms_key_id: cfn.or('KMSKeyId', null),
        is_multi_region_trail: ['IsMultiRegionTrail', cfn.bool],
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = trailArn(item);
  const attributes: Attributes = { arn };
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

function trailArn(item: AwsConfigItem): string {
  return text(item.configuration.trailARN) ?? item.arn ?? item.resourceId;
}
