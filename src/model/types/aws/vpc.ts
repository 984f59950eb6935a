import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { ipv6Block } from './shared/config-fields.js';

/**
 * aws_vpc, keyed by its VPC id (vpc-...), which is also the import id.
 *
 * AWS Config (AWS::EC2::VPC): the EC2 DescribeVpcs shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::VPC.properties.json` (configuration.vpcId, cidrBlock,
 * instanceTenancy, dhcpOptionsId, ipv6CidrBlockAssociationSet[{ipv6CidrBlock, ipv6CidrBlockState{state}}],
 * isDefault, ownerId; tags[{key, value}]). The item does not carry the DNS attributes (DescribeVpcAttribute): live,
 * enable_dns_support and enable_dns_hostnames are unknown.
 *
 * `aws_created` marks the default VPC (isDefault), which AWS creates in every region: the scan does not report it
 * unmanaged unless --strict. It is no Terraform attribute; only the live mapping writes it.
 *
 * CloudFormation: AWS::EC2::VPC (CidrBlock, EnableDnsHostnames, EnableDnsSupport, InstanceTenancy, Tags), with the
 * EC2 defaults the provider documents for what a template leaves out (DNS support on, hostnames off, tenancy
 * `default`). IPv6 blocks are separate AWS::EC2::VPCCidrBlock resources, not mapped.
 * Terraform: hashicorp/terraform-provider-aws aws_vpc (import id: the VPC id).
 */
export const vpc = defineType({
  type: 'aws_vpc',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    cidr_block: s.string,
    instance_tenancy: s.string,
    enable_dns_support: s.boolean,
    enable_dns_hostnames: s.boolean,
    ipv6_cidr_block: s.string,
    dhcp_options_id: s.string,
    owner_id: s.string,
    tags: s.tags,
    aws_created: s.boolean,
  }),
  computed: ['arn', 'owner_id', 'dhcp_options_id', 'main_route_table_id', 'default_network_acl_id'],
  // The provider's aws_vpc documentation: enable_dns_support "Defaults to true", enable_dns_hostnames "Defaults
  // false", instance_tenancy "Default is `default`".
  defaults: { enable_dns_support: true, enable_dns_hostnames: false, instance_tenancy: 'default' },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::VPC', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::VPC',
      map: cfn.fromSpec({
        cidr_block: 'CidrBlock',
        instance_tenancy: cfn.or('InstanceTenancy', 'default'),
        enable_dns_support: cfn.or('EnableDnsSupport', true, cfn.bool),
        enable_dns_hostnames: cfn.or('EnableDnsHostnames', false, cfn.bool),
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  put(attributes, 'cidr_block', c.cidrBlock);
  put(attributes, 'instance_tenancy', c.instanceTenancy);
  put(attributes, 'dhcp_options_id', c.dhcpOptionsId);
  put(attributes, 'ipv6_cidr_block', ipv6Block(c.ipv6CidrBlockAssociationSet));
  put(attributes, 'owner_id', c.ownerId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  if (typeof c.isDefault === 'boolean') attributes.aws_created = c.isDefault;
  return { id: typeof c.vpcId === 'string' ? c.vpcId : item.resourceId, attributes };
}
