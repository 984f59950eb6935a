import { isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_network_interface, keyed by its interface id (eni-...), which is also the import id.
 *
 * AWS Config (AWS::EC2::NetworkInterface): the EC2 DescribeNetworkInterfaces shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::NetworkInterface.properties.json` (configuration.networkInterfaceId,
 * subnetId, description, groups[{groupId}], privateIpAddress, privateIpAddresses[{privateIpAddress, primary}],
 * ipv6Addresses[{ipv6Address}], sourceDestCheck, interfaceType, macAddress, requesterManaged,
 * attachment{instanceId, deviceIndex, networkCardIndex, attachmentId}; tags[{key, value}]).
 *
 * `aws_created` marks an interface a service manages for you (requesterManaged: a NAT gateway's, a load
 * balancer's, a Lambda function's) or one EC2 made with its instance (the primary interface): no Terraform
 * configuration declares it as an aws_network_interface, so the scan does not report it unmanaged unless --strict.
 * Only the live mapping writes it.
 *
 * CloudFormation: AWS::EC2::NetworkInterface (SubnetId, Description, GroupSet, PrivateIpAddress,
 * PrivateIpAddresses, SourceDestCheck, Ipv6Addresses, InterfaceType, Tags); SourceDestCheck defaults to true.
 * Terraform: hashicorp/terraform-provider-aws aws_network_interface (import id: the interface id).
 */
export const networkInterface = defineType({
  type: 'aws_network_interface',
  provider: 'aws',
  schema: s.attributes({
    subnet_id: s.string,
    description: s.string,
    private_ip: s.string,
    private_ips: s.strings,
    security_groups: s.strings,
    ipv6_addresses: s.strings,
    source_dest_check: s.boolean,
    interface_type: s.string,
    mac_address: s.string,
    attachment: s.blocks({
      attachment_id: s.string,
      instance: s.string,
      device_index: s.number,
      network_card_index: s.number,
    }),
    tags: s.tags,
    aws_created: s.boolean,
  }),
  sets: ['private_ips', 'security_groups', 'ipv6_addresses', 'attachment'],
  computed: ['arn', 'mac_address', 'owner_id', 'private_dns_name'],
  // The provider's aws_network_interface documentation: source_dest_check "Default true".
  defaults: { source_dest_check: true },
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::NetworkInterface', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::NetworkInterface',
      map: cfn.fromSpec({
        subnet_id: 'SubnetId',
        description: 'Description',
        private_ip: primaryIp,
        private_ips: privateIps,
        security_groups: 'GroupSet',
        ipv6_addresses: [
          'Ipv6Addresses',
          (list) => cfn.eachOf(list, (a) => cfn.field(a, 'Ipv6Address') ?? null),
        ],
        source_dest_check: cfn.or('SourceDestCheck', true, cfn.bool),
        interface_type: 'InterfaceType',
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'subnet_id', c.subnetId);
  put(attributes, 'description', c.description);
  put(attributes, 'private_ip', c.privateIpAddress);
  put(attributes, 'private_ips', each(c.privateIpAddresses, 'privateIpAddress'));
  put(attributes, 'security_groups', each(c.groups, 'groupId'));
  put(attributes, 'ipv6_addresses', each(c.ipv6Addresses, 'ipv6Address'));
  put(attributes, 'source_dest_check', c.sourceDestCheck);
  put(attributes, 'interface_type', c.interfaceType);
  put(attributes, 'mac_address', c.macAddress);
  if (Object.hasOwn(c, 'attachment')) attributes.attachment = attachment(record(c.attachment));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  if (typeof c.requesterManaged === 'boolean')
    attributes.aws_created = c.requesterManaged || isInstancePrimary(record(c.attachment));
  const id = typeof c.networkInterfaceId === 'string' ? c.networkInterfaceId : item.resourceId;
  return { id, attributes };
}

/**
 * An instance's primary interface (device 0, deleted with the instance) is made by EC2 with the instance:
 * Terraform declares it through aws_instance, never as an aws_network_interface, so it is held back like an
 * interface a service manages. One a user made and attached at device 0 is kept on termination by default.
 */
function isInstancePrimary(fields: Record<string, unknown> | undefined): boolean {
  if (!fields || typeof fields.instanceId !== 'string' || fields.deviceIndex !== 0) return false;
  return fields.deleteOnTermination !== false;
}

function attachment(fields: Record<string, unknown> | undefined): Value {
  if (!fields || typeof fields.instanceId !== 'string') return [];
  const block: Attributes = { instance: fields.instanceId };
  put(block, 'attachment_id', fields.attachmentId);
  put(block, 'device_index', fields.deviceIndex);
  put(block, 'network_card_index', fields.networkCardIndex);
  return [block];
}

function each(list: unknown, key: string): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((raw) => {
    const value = record(raw)?.[key];
    return typeof value === 'string' ? [value] : [];
  });
}

/** The primary of PrivateIpAddresses, else PrivateIpAddress; neither leaves EC2 to choose (unknown). */
function primaryIp(properties: Value): Value | undefined {
  const single = cfn.field(properties, 'PrivateIpAddress');
  if (single !== undefined) return single;
  const list = cfn.field(properties, 'PrivateIpAddresses');
  if (!Array.isArray(list)) return list;
  const primary = list.find((entry) => cfn.bool(cfn.field(entry, 'Primary')) === true);
  return primary === undefined ? undefined : cfn.field(primary, 'PrivateIpAddress');
}

function privateIps(properties: Value): Value | undefined {
  const list = cfn.field(properties, 'PrivateIpAddresses');
  if (list !== undefined)
    return isUnknown(list) ? list : cfn.eachOf(list, (entry) => cfn.field(entry, 'PrivateIpAddress') ?? null);
  const single = cfn.field(properties, 'PrivateIpAddress');
  return single === undefined ? undefined : [single];
}
