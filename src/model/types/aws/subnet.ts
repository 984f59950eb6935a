import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { ipv6Block } from './shared/config-fields.js';

/**
 * aws_subnet, keyed by its subnet id (subnet-...), which is also the import id.
 *
 * AWS Config (AWS::EC2::Subnet): the EC2 DescribeSubnets shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::Subnet.properties.json` (configuration.subnetId, vpcId, cidrBlock,
 * availabilityZone, mapPublicIpOnLaunch, assignIpv6AddressOnCreation, defaultForAz,
 * ipv6CidrBlockAssociationSet[{ipv6CidrBlock, ipv6CidrBlockState{state}}], ownerId; tags[{key, value}]).
 *
 * `aws_created` marks a default subnet (defaultForAz), one of those AWS creates in the default VPC: the scan does
 * not report it unmanaged unless --strict. Only the live mapping writes it.
 *
 * CloudFormation: AWS::EC2::Subnet (VpcId, CidrBlock, AvailabilityZone, MapPublicIpOnLaunch,
 * AssignIpv6AddressOnCreation, Ipv6CidrBlock, Tags); the two flags default to false, as in EC2 and the provider.
 * Terraform: hashicorp/terraform-provider-aws aws_subnet (import id: the subnet id).
 */
export const subnet = defineType({
  type: 'aws_subnet',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    vpc_id: s.string,
    cidr_block: s.string,
    availability_zone: s.string,
    map_public_ip_on_launch: s.boolean,
    assign_ipv6_address_on_creation: s.boolean,
    ipv6_cidr_block: s.string,
    owner_id: s.string,
    tags: s.tags,
    aws_created: s.boolean,
  }),
  computed: ['arn', 'owner_id', 'availability_zone_id'],
  // The provider's aws_subnet documentation: both "Default is `false`".
  defaults: { map_public_ip_on_launch: false, assign_ipv6_address_on_creation: false },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::Subnet', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::Subnet',
      map: cfn.fromSpec({
        vpc_id: 'VpcId',
        cidr_block: 'CidrBlock',
        availability_zone: 'AvailabilityZone',
        map_public_ip_on_launch: cfn.or('MapPublicIpOnLaunch', false, cfn.bool),
        assign_ipv6_address_on_creation: cfn.or('AssignIpv6AddressOnCreation', false, cfn.bool),
        ipv6_cidr_block: 'Ipv6CidrBlock',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', typeof c.subnetArn === 'string' ? c.subnetArn : item.arn);
  put(attributes, 'vpc_id', c.vpcId);
  put(attributes, 'cidr_block', c.cidrBlock);
  put(attributes, 'availability_zone', c.availabilityZone);
  put(attributes, 'map_public_ip_on_launch', c.mapPublicIpOnLaunch);
  put(attributes, 'assign_ipv6_address_on_creation', c.assignIpv6AddressOnCreation);
  put(attributes, 'ipv6_cidr_block', ipv6Block(c.ipv6CidrBlockAssociationSet));
  put(attributes, 'owner_id', c.ownerId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  if (typeof c.defaultForAz === 'boolean') attributes.aws_created = c.defaultForAz;
  return { id: typeof c.subnetId === 'string' ? c.subnetId : item.resourceId, attributes };
}
