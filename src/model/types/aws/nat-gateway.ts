import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_nat_gateway, keyed by its NAT gateway id (nat-...), which is also the import id.
 *
 * AWS Config (AWS::EC2::NatGateway): the EC2 DescribeNatGateways shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::NatGateway.properties.json` (configuration.natGatewayId, subnetId,
 * vpcId, connectivityType, natGatewayAddresses[{allocationId, networkInterfaceId, privateIp, publicIp}], state;
 * tags[{key, value}]). The provider reads its single-address attributes from the primary address (`isPrimary`,
 * else the first).
 *
 * CloudFormation: AWS::EC2::NatGateway (AllocationId, SubnetId, ConnectivityType, PrivateIpAddress, Tags);
 * ConnectivityType defaults to `public`.
 * Terraform: hashicorp/terraform-provider-aws aws_nat_gateway (import id: the NAT gateway id).
 */
export const natGateway = defineType({
  type: 'aws_nat_gateway',
  provider: 'aws',
  schema: s.attributes({
    allocation_id: s.string,
    subnet_id: s.string,
    connectivity_type: s.string,
    private_ip: s.string,
    public_ip: s.string,
    network_interface_id: s.string,
    tags: s.tags,
  }),
  computed: ['public_ip', 'network_interface_id', 'association_id'],
  // The provider's aws_nat_gateway documentation: connectivity_type "Defaults to `public`".
  defaults: { connectivity_type: 'public' },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::NatGateway', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::NatGateway',
      map: cfn.fromSpec({
        allocation_id: 'AllocationId',
        subnet_id: 'SubnetId',
        connectivity_type: cfn.or('ConnectivityType', 'public'),
        private_ip: 'PrivateIpAddress',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'subnet_id', c.subnetId);
  put(attributes, 'connectivity_type', c.connectivityType);
  if (Array.isArray(c.natGatewayAddresses)) {
    const addresses = c.natGatewayAddresses.map(record);
    const primary = addresses.find((a) => a?.isPrimary === true) ?? addresses[0];
    attributes.allocation_id = text(primary?.allocationId);
    attributes.private_ip = text(primary?.privateIp);
    attributes.public_ip = text(primary?.publicIp);
    attributes.network_interface_id = text(primary?.networkInterfaceId);
  }
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: typeof c.natGatewayId === 'string' ? c.natGatewayId : item.resourceId, attributes };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
