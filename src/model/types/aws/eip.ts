import { put, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_eip, keyed by its allocation id (eipalloc-...): the provider's `id` and import id of a VPC address.
 *
 * AWS Config (AWS::EC2::EIP): the EC2 DescribeAddresses shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::EIP.properties.json` (configuration.allocationId, associationId,
 * domain, instanceId, networkInterfaceId, privateIpAddress, publicIp, publicIpv4Pool; tags[{key, value}]).
 *
 * CloudFormation: AWS::EC2::EIP (Domain, InstanceId, PublicIpv4Pool, Tags). Domain defaults to `vpc`: EC2-Classic
 * is gone, and the provider reads `vpc` for every address since 5.0.
 * Terraform: hashicorp/terraform-provider-aws aws_eip (import id: the allocation id).
 */
export const eip = defineType({
  type: 'aws_eip',
  provider: 'aws',
  schema: s.attributes({
    domain: s.string,
    instance: s.string,
    network_interface: s.string,
    private_ip: s.string,
    public_ip: s.string,
    public_ipv4_pool: s.string,
    allocation_id: s.string,
    association_id: s.string,
    tags: s.tags,
  }),
  computed: ['allocation_id', 'association_id', 'public_ip', 'private_ip', 'public_dns', 'private_dns'],
  defaults: { domain: 'vpc' },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::EIP', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::EIP',
      map: cfn.fromSpec({
        domain: cfn.or('Domain', 'vpc'),
        instance: 'InstanceId',
        public_ipv4_pool: 'PublicIpv4Pool',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'domain', c.domain);
  // An unassociated address reports none of these: the item says they are not set.
  attributes.instance = text(c.instanceId);
  attributes.network_interface = text(c.networkInterfaceId);
  attributes.private_ip = text(c.privateIpAddress);
  attributes.association_id = text(c.associationId);
  put(attributes, 'public_ip', c.publicIp);
  put(attributes, 'public_ipv4_pool', c.publicIpv4Pool);
  put(attributes, 'allocation_id', c.allocationId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: typeof c.allocationId === 'string' ? c.allocationId : item.resourceId, attributes };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
