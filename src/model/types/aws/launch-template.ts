import { isUnknown, type Value } from '../../value.js';
import { put } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { idText } from './shared/config-fields.js';

/**
 * aws_launch_template, keyed by its launch template id (lt-...), which is also the import id.
 *
 * AWS Config records this type through the CloudFormation registry: the item's configuration is
 * `{Id, LaunchTemplateName, DefaultVersionNumber, LatestVersionNumber, LaunchTemplateData}` with the template data in
 * CloudFormation's (EC2 RequestLaunchTemplateData) PascalCase, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::LaunchTemplate.properties.json` (LaunchTemplateData.ImageId,
 * InstanceType, KeyName, SecurityGroupIds, SecurityGroups, IamInstanceProfile{Arn, Name},
 * MetadataOptions{HttpEndpoint, HttpTokens, HttpPutResponseHopLimit, HttpProtocolIpv6, InstanceMetadataTags},
 * Monitoring{Enabled}, BlockDeviceMappings[{DeviceName, NoDevice, VirtualName, Ebs{...}}],
 * NetworkInterfaces[{...}]). The item carries no UserData and no tags of the template: live, those are not reported.
 * One mapping of LaunchTemplateData serves the item and AWS::EC2::LaunchTemplate Properties (whose template tags
 * are TagSpecifications[ResourceType launch-template]).
 *
 * The provider keeps the EC2 booleans of block devices and interfaces as strings ("true", "false", "" for unset)
 * and an unset count as 0 (terraform-provider-aws internal/service/ec2/ec2_launch_template.go, `nullable` bools):
 * the mapping writes them so. user_data is not a secret by nature but often holds one: it is masked.
 * Terraform: hashicorp/terraform-provider-aws aws_launch_template (import id: the launch template id).
 */
const ebs = {
  delete_on_termination: s.string,
  encrypted: s.string,
  iops: s.number,
  kms_key_id: s.string,
  snapshot_id: s.string,
  throughput: s.number,
  volume_size: s.number,
  volume_type: s.string,
};

const networkInterface = {
  associate_public_ip_address: s.string,
  delete_on_termination: s.string,
  description: s.string,
  device_index: s.number,
  ipv4_address_count: s.number,
  ipv4_prefix_count: s.number,
  ipv6_address_count: s.number,
  ipv6_prefix_count: s.number,
  network_card_index: s.number,
  interface_type: s.string,
  network_interface_id: s.string,
  private_ip_address: s.string,
  security_groups: s.strings,
  subnet_id: s.string,
};

export const launchTemplate = defineType({
  type: 'aws_launch_template',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    image_id: s.string,
    instance_type: s.string,
    key_name: s.string,
    vpc_security_group_ids: s.strings,
    security_group_names: s.strings,
    iam_instance_profile: s.blocks({ arn: s.string, name: s.string }),
    metadata_options: s.blocks({
      http_endpoint: s.string,
      http_tokens: s.string,
      http_put_response_hop_limit: s.number,
      http_protocol_ipv6: s.string,
      instance_metadata_tags: s.string,
    }),
    monitoring: s.blocks({ enabled: s.boolean }),
    block_device_mappings: s.blocks({
      device_name: s.string,
      no_device: s.string,
      virtual_name: s.string,
      ebs: s.blocks(ebs),
    }),
    network_interfaces: s.blocks(networkInterface),
    user_data: s.string,
    tags: s.tags,
  }),
  sets: ['vpc_security_group_ids', 'security_group_names', 'network_interfaces[*].security_groups'],
  computed: ['arn', 'latest_version'],
  sensitive: ['user_data'],
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::LaunchTemplate', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::LaunchTemplate',
      map: (properties) => {
        const attributes = fromData(cfn.field(properties, 'LaunchTemplateData'));
        put(attributes, 'name', cfn.generated(cfn.field(properties, 'LaunchTemplateName')));
        // A template that gives no UserData launches instances with none.
        const data = cfn.field(properties, 'LaunchTemplateData');
        attributes.user_data = isUnknown(data) ? data : (cfn.field(data, 'UserData') ?? null);
        put(attributes, 'tags', templateTags(cfn.field(properties, 'TagSpecifications')));
        return attributes;
      },
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes = fromData(c.LaunchTemplateData as Value | undefined);
  put(attributes, 'name', idText(c.LaunchTemplateName) ?? item.resourceName);
  put(attributes, 'tags', item.tags);
  const id = idText(c.Id) ?? idText(c.LaunchTemplateId) ?? item.resourceId;
  return { id, attributes };
}

/**
 * The template data is the whole of what the version sets, in the item as in a template: what it leaves out is not
 * set (null), not unknown.
 */
function fromData(data: Value | undefined): Attributes {
  if (data === undefined || isUnknown(data)) return {};
  const attributes = cfn.fields(data, {
    image_id: 'ImageId',
    instance_type: 'InstanceType',
    key_name: 'KeyName',
    vpc_security_group_ids: 'SecurityGroupIds',
    security_group_names: 'SecurityGroups',
    iam_instance_profile: [
      'IamInstanceProfile',
      cfn.block((profile) => [
        { arn: cfn.field(profile, 'Arn') ?? '', name: cfn.field(profile, 'Name') ?? '' },
      ]),
    ],
    metadata_options: [
      'MetadataOptions',
      cfn.block((options) => [
        cfn.fields(options, {
          http_endpoint: 'HttpEndpoint',
          http_tokens: 'HttpTokens',
          http_put_response_hop_limit: ['HttpPutResponseHopLimit', cfn.num],
          http_protocol_ipv6: 'HttpProtocolIpv6',
          instance_metadata_tags: 'InstanceMetadataTags',
        }),
      ]),
    ],
    monitoring: [
      'Monitoring',
      cfn.block((monitoring) => [{ enabled: cfn.bool(cfn.field(monitoring, 'Enabled')) ?? false }]),
    ],
    block_device_mappings: ['BlockDeviceMappings', (list) => cfn.eachOf(list, blockDevice)],
    network_interfaces: ['NetworkInterfaces', (list) => cfn.eachOf(list, networkInterfaceOf)],
  });
  for (const name of DATA_ATTRIBUTES) attributes[name] ??= null;
  return attributes;
}

const DATA_ATTRIBUTES = [
  'image_id',
  'instance_type',
  'key_name',
  'vpc_security_group_ids',
  'security_group_names',
  'iam_instance_profile',
  'metadata_options',
  'monitoring',
  'block_device_mappings',
  'network_interfaces',
] as const;

/** An EC2 boolean as the provider's nullable-bool string. */
function boolText(value: Value | undefined): Value {
  const flag = cfn.bool(value);
  if (flag === undefined || flag === null) return '';
  return typeof flag === 'boolean' ? String(flag) : flag;
}

const count = (value: Value | undefined): Value => cfn.num(value) ?? 0;
const textOf = (value: Value | undefined): Value => cfn.text(value) ?? '';

function blockDevice(mapping: Value): Value {
  const volume = cfn.field(mapping, 'Ebs');
  return {
    device_name: textOf(cfn.field(mapping, 'DeviceName')),
    no_device: textOf(cfn.field(mapping, 'NoDevice')),
    virtual_name: textOf(cfn.field(mapping, 'VirtualName')),
    ebs:
      volume === undefined
        ? []
        : isUnknown(volume)
          ? volume
          : [
              {
                delete_on_termination: boolText(cfn.field(volume, 'DeleteOnTermination')),
                encrypted: boolText(cfn.field(volume, 'Encrypted')),
                iops: count(cfn.field(volume, 'Iops')),
                kms_key_id: textOf(cfn.field(volume, 'KmsKeyId')),
                snapshot_id: textOf(cfn.field(volume, 'SnapshotId')),
                throughput: count(cfn.field(volume, 'Throughput')),
                volume_size: count(cfn.field(volume, 'VolumeSize')),
                volume_type: textOf(cfn.field(volume, 'VolumeType')),
              },
            ],
  };
}

function networkInterfaceOf(ni: Value): Value {
  return {
    associate_public_ip_address: boolText(cfn.field(ni, 'AssociatePublicIpAddress')),
    delete_on_termination: boolText(cfn.field(ni, 'DeleteOnTermination')),
    description: textOf(cfn.field(ni, 'Description')),
    device_index: count(cfn.field(ni, 'DeviceIndex')),
    ipv4_address_count: count(cfn.field(ni, 'SecondaryPrivateIpAddressCount')),
    ipv4_prefix_count: count(cfn.field(ni, 'Ipv4PrefixCount')),
    ipv6_address_count: count(cfn.field(ni, 'Ipv6AddressCount')),
    ipv6_prefix_count: count(cfn.field(ni, 'Ipv6PrefixCount')),
    network_card_index: count(cfn.field(ni, 'NetworkCardIndex')),
    interface_type: textOf(cfn.field(ni, 'InterfaceType')),
    network_interface_id: textOf(cfn.field(ni, 'NetworkInterfaceId')),
    private_ip_address: textOf(cfn.field(ni, 'PrivateIpAddress')),
    security_groups: cfn.field(ni, 'Groups') ?? [],
    subnet_id: textOf(cfn.field(ni, 'SubnetId')),
  };
}

/** The template's own tags: the TagSpecifications entry for `launch-template`. */
function templateTags(specifications: Value | undefined): Value | undefined {
  if (isUnknown(specifications)) return specifications;
  if (!Array.isArray(specifications)) return {};
  const own = specifications.find((spec) => cfn.field(spec, 'ResourceType') === 'launch-template');
  return own === undefined ? {} : (cfn.tags(cfn.field(own, 'Tags')) ?? {});
}
