import { put, record } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { cfnEbsBlockDevices } from './shared/block-devices.js';
import { bool, idText, num, str, strs } from './shared/config-fields.js';

/**
 * aws_launch_configuration, keyed by its name: the state's `id` and the import id (the provider docs' Import
 * section: `terraform import aws_launch_configuration.as_conf terraform-lg-123456`).
 *
 * Terraform: hashicorp/terraform-provider-aws aws_launch_configuration (root_block_device a list of at most one,
 * ebs_block_device a set; `encrypted` computed: what EC2 made of the request, unencrypted unless asked, created from
 * an encrypted snapshot, or the account's EBS encryption by default is on). The state keeps user_data as its SHA-1,
 * the cloud as base64: it is not compared.
 *
 * AWS Config (AWS::AutoScaling::LaunchConfiguration): the DescribeLaunchConfigurations shape,
 * awslabs/aws-config-resource-schema `config/properties/resource-types/AWS::AutoScaling::LaunchConfiguration
 * .properties.json` (configuration.launchConfigurationName, launchConfigurationARN, imageId, instanceType, keyName,
 * securityGroups, iamInstanceProfile, associatePublicIpAddress, instanceMonitoring{enabled}, ebsOptimized,
 * placementTenancy, spotPrice, metadataOptions{httpEndpoint, httpPutResponseHopLimit, httpTokens},
 * blockDeviceMappings[{deviceName, ebs{encrypted, snapshotId, ...}}]). The item lists every device alike; which one
 * is the root is the AMI's root device name, which the provider looks up (DescribeImages) and the item does not
 * carry: live, root_block_device and ebs_block_device are not reported. Not taggable.
 *
 * CloudFormation: AWS::AutoScaling::LaunchConfiguration (LaunchConfigurationName, generated when left out; ImageId,
 * InstanceType, KeyName, SecurityGroups, IamInstanceProfile, AssociatePublicIpAddress, InstanceMonitoring (default
 * true), EbsOptimized (default false), PlacementTenancy, SpotPrice, MetadataOptions, BlockDeviceMappings[{DeviceName,
 * Ebs{DeleteOnTermination, Encrypted, Iops, SnapshotId, Throughput, VolumeSize, VolumeType}}]). A template cannot say
 * which mapping is the root device: every EBS mapping is an ebs_block_device (shared/block-devices.ts).
 */
const volume = {
  delete_on_termination: s.boolean,
  encrypted: s.boolean,
  iops: s.number,
  throughput: s.number,
  volume_size: s.number,
  volume_type: s.string,
};

const metadataOptions = {
  http_endpoint: s.string,
  http_put_response_hop_limit: s.number,
  http_tokens: s.string,
};

export const launchConfiguration = defineType({
  type: 'aws_launch_configuration',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    arn: s.string,
    image_id: s.string,
    instance_type: s.string,
    key_name: s.string,
    security_groups: s.strings,
    iam_instance_profile: s.string,
    associate_public_ip_address: s.boolean,
    enable_monitoring: s.boolean,
    ebs_optimized: s.boolean,
    placement_tenancy: s.string,
    spot_price: s.string,
    metadata_options: s.blocks(metadataOptions),
    root_block_device: s.blocks(volume),
    ebs_block_device: s.blocks({
      ...volume,
      device_name: s.string,
      no_device: s.boolean,
      snapshot_id: s.string,
    }),
  }),
  sets: ['security_groups', 'ebs_block_device'],
  computed: ['arn'],
  // The provider's aws_launch_configuration documentation: enable_monitoring "Default: true".
  defaults: { enable_monitoring: true },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::AutoScaling::LaunchConfiguration', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::AutoScaling::LaunchConfiguration',
      map: cfn.fromSpec({
        name: cfn.name('LaunchConfigurationName'),
        image_id: 'ImageId',
        instance_type: 'InstanceType',
        key_name: 'KeyName',
        security_groups: 'SecurityGroups',
        iam_instance_profile: 'IamInstanceProfile',
        associate_public_ip_address: ['AssociatePublicIpAddress', cfn.bool],
        enable_monitoring: cfn.or('InstanceMonitoring', true, cfn.bool),
        ebs_optimized: cfn.or('EbsOptimized', false, cfn.bool),
        placement_tenancy: 'PlacementTenancy',
        spot_price: 'SpotPrice',
        metadata_options: [
          'MetadataOptions',
          cfn.block((options) => [
            cfn.fields(options, {
              http_endpoint: 'HttpEndpoint',
              http_put_response_hop_limit: ['HttpPutResponseHopLimit', cfn.num],
              http_tokens: 'HttpTokens',
            }),
          ]),
        ],
        ebs_block_device: (properties) =>
          cfnEbsBlockDevices(
            properties,
            {
              iops: ['Iops', cfn.num],
              snapshot_id: 'SnapshotId',
              throughput: ['Throughput', cfn.num],
              volume_size: ['VolumeSize', cfn.num],
              volume_type: 'VolumeType',
            },
            { no_device: cfn.or('NoDevice', false, cfn.bool) },
          ),
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const name = idText(c.launchConfigurationName) ?? item.resourceName ?? item.resourceId;
  const attributes: Attributes = { name };
  put(attributes, 'arn', str(c.launchConfigurationARN) ?? item.arn);
  put(attributes, 'image_id', str(c.imageId));
  put(attributes, 'instance_type', str(c.instanceType));
  put(attributes, 'key_name', str(c.keyName));
  put(attributes, 'security_groups', strs(c.securityGroups));
  put(attributes, 'iam_instance_profile', str(c.iamInstanceProfile));
  put(attributes, 'associate_public_ip_address', bool(c.associatePublicIpAddress));
  put(attributes, 'enable_monitoring', bool(record(c.instanceMonitoring)?.enabled));
  put(attributes, 'ebs_optimized', bool(c.ebsOptimized));
  put(attributes, 'placement_tenancy', str(c.placementTenancy));
  put(attributes, 'spot_price', str(c.spotPrice));
  const options = record(c.metadataOptions);
  if (options) {
    const block: Attributes = {};
    put(block, 'http_endpoint', str(options.httpEndpoint));
    put(block, 'http_put_response_hop_limit', num(options.httpPutResponseHopLimit));
    put(block, 'http_tokens', str(options.httpTokens));
    attributes.metadata_options = [block];
  }
  return { id: name, attributes };
}
