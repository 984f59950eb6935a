import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { cfnEbsBlockDevices } from './shared/block-devices.js';
import { arnName, fieldOfEach, num, str } from './shared/config-fields.js';

/**
 * aws_instance, keyed by its instance id (i-...), which is also the import id.
 *
 * AWS Config (AWS::EC2::Instance): the EC2 DescribeInstances shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::Instance.properties.json` (configuration.instanceId, imageId,
 * instanceType, subnetId, securityGroups[{groupId, groupName}], iamInstanceProfile{arn, id},
 * metadataOptions{httpEndpoint, httpTokens, httpPutResponseHopLimit, state}, monitoring{state},
 * networkInterfaces[{attachment{deviceIndex}, association{publicIp}}]; tags[{key, value}]). metadataOptions is
 * EC2's InstanceMetadataOptionsResponse, which also carries httpProtocolIpv6 and instanceMetadataTags: read when
 * the item has them. The item names the instance profile by ARN; the provider keeps its name, the ARN's last
 * segment (as the provider's read derives it). security_groups
 * (names) is what the provider sets only for an instance outside a VPC, so it is left out; vpc_security_group_ids
 * is read from the group ids. The item's blockDeviceMappings carry each device's name, volume id, status and
 * deleteOnTermination only (EC2's EbsInstanceBlockDevice): which device is the root and whether a volume is
 * encrypted are not in it (those are the AWS::EC2::Volume item's), so live, neither root_block_device nor
 * ebs_block_device is reported.
 *
 * CloudFormation: AWS::EC2::Instance (ImageId, InstanceType, SubnetId, SecurityGroupIds, SecurityGroups,
 * IamInstanceProfile (a name), Monitoring (default false), MetadataOptions, NetworkInterfaces[DeviceIndex 0]
 * .AssociatePublicIpAddress, BlockDeviceMappings[{DeviceName, Ebs{DeleteOnTermination (default true), Encrypted,
 * Iops, KmsKeyId, SnapshotId, VolumeSize, VolumeType}}], Tags). A template cannot say which block device is the
 * root (that is the AMI's), so every EBS mapping is an ebs_block_device (shared/block-devices.ts) and
 * root_block_device is left out; nor, without an interface, can it say whether the subnet gives a public address.
 * Terraform: hashicorp/terraform-provider-aws aws_instance (import id: the instance id; root_block_device a list of
 * at most one, ebs_block_device a set, `encrypted` computed in both: what EC2 made of the request, which is
 * unencrypted unless asked, created from an encrypted snapshot, or the account's EBS encryption by default is on).
 */
const volume = {
  delete_on_termination: s.boolean,
  device_name: s.string,
  encrypted: s.boolean,
  iops: s.number,
  kms_key_id: s.string,
  throughput: s.number,
  volume_id: s.string,
  volume_size: s.number,
  volume_type: s.string,
  tags: s.tags,
};

const metadataOptions = {
  http_endpoint: s.string,
  http_tokens: s.string,
  http_put_response_hop_limit: s.number,
  http_protocol_ipv6: s.string,
  instance_metadata_tags: s.string,
};

export const instance = defineType({
  type: 'aws_instance',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    ami: s.string,
    instance_type: s.string,
    subnet_id: s.string,
    vpc_security_group_ids: s.strings,
    security_groups: s.strings,
    associate_public_ip_address: s.boolean,
    iam_instance_profile: s.string,
    monitoring: s.boolean,
    metadata_options: s.blocks(metadataOptions),
    root_block_device: s.blocks(volume),
    ebs_block_device: s.blocks({ ...volume, snapshot_id: s.string }),
    tags: s.tags,
    user_data: s.string,
    user_data_base64: s.string,
  }),
  sets: ['vpc_security_group_ids', 'security_groups', 'ebs_block_device'],
  // Often holds a secret, and base64 hides its shape from the masker's scan of every string: masked whole. (State
  // holds `user_data` as a hash; plain user data in code is masked where it is shaped like a credential.)
  sensitive: ['user_data_base64'],
  computed: ['arn', 'private_ip', 'public_ip', 'private_dns', 'public_dns', 'primary_network_interface_id'],
  // The provider's aws_instance documentation: monitoring "Defaults to false".
  defaults: { monitoring: false },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::Instance', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::Instance',
      map: cfn.fromSpec({
        ami: 'ImageId',
        instance_type: 'InstanceType',
        subnet_id: 'SubnetId',
        vpc_security_group_ids: 'SecurityGroupIds',
        security_groups: 'SecurityGroups',
        associate_public_ip_address: publicAddressOfTemplate,
        iam_instance_profile: 'IamInstanceProfile',
        monitoring: cfn.or('Monitoring', false, cfn.bool),
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
        ebs_block_device: (properties) =>
          cfnEbsBlockDevices(properties, {
            iops: ['Iops', cfn.num],
            kms_key_id: 'KmsKeyId',
            snapshot_id: 'SnapshotId',
            volume_size: ['VolumeSize', cfn.num],
            volume_type: 'VolumeType',
          }),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

/** The primary interface's AssociatePublicIpAddress; without interfaces the subnet decides, unknown here. */
function publicAddressOfTemplate(properties: Value): Value | undefined {
  const interfaces = cfn.field(properties, 'NetworkInterfaces');
  if (isUnknown(interfaces)) return interfaces;
  if (!Array.isArray(interfaces)) return undefined;
  const primary = interfaces.find((ni) => String(cfn.num(cfn.field(ni, 'DeviceIndex'))) === '0');
  return primary === undefined ? undefined : cfn.bool(cfn.field(primary, 'AssociatePublicIpAddress'));
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  put(attributes, 'ami', str(c.imageId));
  put(attributes, 'instance_type', str(c.instanceType));
  put(attributes, 'subnet_id', str(c.subnetId));
  put(attributes, 'vpc_security_group_ids', fieldOfEach(c.securityGroups, 'groupId'));
  put(attributes, 'associate_public_ip_address', publicAddress(c.networkInterfaces));
  // DescribeInstances leaves iamInstanceProfile out for an instance without one.
  attributes.iam_instance_profile = arnName(record(c.iamInstanceProfile)?.arn) ?? null;
  const monitoring = record(c.monitoring)?.state;
  if (typeof monitoring === 'string')
    attributes.monitoring = monitoring === 'enabled' || monitoring === 'pending';
  put(attributes, 'metadata_options', metadataOptionsOf(c.metadataOptions));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: typeof c.instanceId === 'string' ? c.instanceId : item.resourceId, attributes };
}

/** As the provider reads it: whether the primary interface (device index 0) has a public address association. */
function publicAddress(interfaces: unknown): boolean | undefined {
  if (!Array.isArray(interfaces)) return undefined;
  const primary = interfaces.map(record).find((ni) => record(ni?.attachment)?.deviceIndex === 0);
  if (!primary) return undefined;
  return record(primary.association) !== undefined;
}

function metadataOptionsOf(raw: unknown): Value | undefined {
  const options = record(raw);
  if (!options) return undefined;
  const block: Attributes = {};
  put(block, 'http_endpoint', str(options.httpEndpoint));
  put(block, 'http_tokens', str(options.httpTokens));
  put(block, 'http_put_response_hop_limit', num(options.httpPutResponseHopLimit));
  put(block, 'http_protocol_ipv6', str(options.httpProtocolIpv6));
  put(block, 'instance_metadata_tags', str(options.instanceMetadataTags));
  return [block];
}
