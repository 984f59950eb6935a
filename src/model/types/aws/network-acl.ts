import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_network_acl with all its entries, keyed by its network ACL id (acl-...), which is also the import id.
 *
 * Terraform declares entries inline (`ingress` and `egress`, sets) or as separate aws_network_acl_rule resources;
 * the cloud and AWS Config have one ACL holding them all. aws_network_acl_rule folds into `ingress` or `egress`,
 * replacing the entry of the same rule number: the ACL's `ingress`/`egress` are optional and computed, so its
 * refreshed state already lists the entries rule resources created.
 *
 * AWS Config (AWS::EC2::NetworkAcl): the EC2 DescribeNetworkAcls shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::NetworkAcl.properties.json` (configuration.networkAclId, vpcId,
 * isDefault, entries[{ruleNumber, egress, protocol, ruleAction, cidrBlock, ipv6CidrBlock, portRange{from, to},
 * icmpTypeCode{type, code}}], associations[{subnetId}], ownerId; tags[{key, value}]). Entries follow the provider's
 * read (flattenNetworkACLEntries in internal/service/ec2/vpc_network_acl.go): the catch-all deny entries 32767
 * and 32768 are not listed; every field is present, 0 or empty where unset; the protocol is its number ("6", "-1").
 * Protocol names that code and rule resources may use (`tcp`) become numbers here as the provider compares them.
 *
 * `aws_created` marks a VPC's default network ACL (isDefault), which AWS creates with every VPC: the scan does not
 * report it unmanaged unless --strict. Only the live mapping writes it.
 *
 * CloudFormation: AWS::EC2::NetworkAcl (VpcId, Tags); its entries are AWS::EC2::NetworkAclEntry, mapped as
 * aws_network_acl_rule.
 * Terraform: hashicorp/terraform-provider-aws aws_network_acl (import id: the ACL id) and aws_network_acl_rule.
 */
const entry = {
  rule_no: s.number,
  action: s.string,
  protocol: s.string,
  from_port: s.number,
  to_port: s.number,
  cidr_block: s.string,
  ipv6_cidr_block: s.string,
  icmp_type: s.number,
  icmp_code: s.number,
};

/** The protocol numbers of the names the provider accepts (its protocolIntegers table). */
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  all: '-1',
  icmp: '1',
  tcp: '6',
  udp: '17',
  icmpv6: '58',
};

/** The catch-all deny entries every ACL ends with (IPv4, IPv6): the provider leaves them out. */
const CATCH_ALL_RULES = new Set([32767, 32768]);

export const networkAcl = defineType({
  type: 'aws_network_acl',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    vpc_id: s.string,
    subnet_ids: s.strings,
    ingress: s.blocks(entry),
    egress: s.blocks(entry),
    owner_id: s.string,
    tags: s.tags,
    aws_created: s.boolean,
  }),
  sets: ['ingress', 'egress', 'subnet_ids'],
  computed: ['arn', 'owner_id'],
  id: { attribute: 'id', caseInsensitive: false },
  canonicalise,
  folds: [
    {
      type: 'aws_network_acl_rule',
      parentIdAttribute: 'network_acl_id',
      fold: foldRule,
      cloudFormation: {
        type: 'AWS::EC2::NetworkAclEntry',
        map: cfn.fromSpec({
          network_acl_id: 'NetworkAclId',
          rule_number: ['RuleNumber', cfn.num],
          egress: cfn.or('Egress', false, cfn.bool),
          protocol: ['Protocol', cfn.text],
          rule_action: 'RuleAction',
          cidr_block: 'CidrBlock',
          ipv6_cidr_block: 'Ipv6CidrBlock',
          from_port: (p) => cfn.num(cfn.field(cfn.field(p, 'PortRange'), 'From')),
          to_port: (p) => cfn.num(cfn.field(cfn.field(p, 'PortRange'), 'To')),
          icmp_type: (p) => cfn.num(cfn.field(cfn.field(p, 'Icmp'), 'Type')),
          icmp_code: (p) => cfn.num(cfn.field(cfn.field(p, 'Icmp'), 'Code')),
        }),
      },
    },
  ],
  sources: {
    awsConfig: { type: 'AWS::EC2::NetworkAcl', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::NetworkAcl',
      map: cfn.fromSpec({ vpc_id: 'VpcId', tags: ['Tags', cfn.tags] }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  put(attributes, 'vpc_id', c.vpcId);
  if (Array.isArray(c.associations))
    attributes.subnet_ids = c.associations.flatMap((raw) => {
      const id = record(raw)?.subnetId;
      return typeof id === 'string' ? [id] : [];
    });
  if (Array.isArray(c.entries)) {
    const entries = c.entries.map(record).filter((e) => e !== undefined);
    attributes.ingress = entries.filter((e) => e.egress !== true).flatMap(fromEntry);
    attributes.egress = entries.filter((e) => e.egress === true).flatMap(fromEntry);
  }
  put(attributes, 'owner_id', c.ownerId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  if (typeof c.isDefault === 'boolean') attributes.aws_created = c.isDefault;
  return { id: typeof c.networkAclId === 'string' ? c.networkAclId : item.resourceId, attributes };
}

function fromEntry(fields: Record<string, unknown>): Attributes[] {
  const ruleNo = fields.ruleNumber;
  if (typeof ruleNo !== 'number' || CATCH_ALL_RULES.has(ruleNo)) return [];
  const ports = record(fields.portRange);
  const icmp = record(fields.icmpTypeCode);
  return [
    {
      rule_no: ruleNo,
      action: str(fields.ruleAction).toLowerCase(),
      protocol: protocolNumber(str(fields.protocol)),
      from_port: int(ports?.from),
      to_port: int(ports?.to),
      cidr_block: str(fields.cidrBlock),
      ipv6_cidr_block: str(fields.ipv6CidrBlock),
      icmp_type: int(icmp?.type),
      icmp_code: int(icmp?.code),
    },
  ];
}

/** One aws_network_acl_rule as an entry of `ingress` or `egress`, replacing the entry of its rule number. */
function foldRule(parent: Attributes, rule: Attributes): void {
  const direction = rule.egress === true ? 'egress' : 'ingress';
  const block: Attributes = {
    rule_no: rule.rule_number ?? null,
    action: rule.rule_action ?? null,
    protocol: typeof rule.protocol === 'string' ? protocolNumber(rule.protocol) : (rule.protocol ?? null),
    from_port: rule.from_port ?? 0,
    to_port: rule.to_port ?? 0,
    cidr_block: rule.cidr_block ?? '',
    ipv6_cidr_block: rule.ipv6_cidr_block ?? '',
    icmp_type: rule.icmp_type ?? 0,
    icmp_code: rule.icmp_code ?? 0,
  };
  const existing = Array.isArray(parent[direction]) ? (parent[direction] as Value[]) : [];
  const others = existing.filter((e) => !(isPlainObject(e) && !isUnknown(e) && e.rule_no === block.rule_no));
  parent[direction] = [...others, block];
}

/** Code may name a protocol (`tcp`); the provider stores and compares its number. */
function canonicalise(attributes: Attributes): void {
  for (const direction of ['ingress', 'egress']) {
    const entries = attributes[direction];
    if (!Array.isArray(entries)) continue;
    for (const e of entries)
      if (isPlainObject(e) && !isUnknown(e) && typeof e.protocol === 'string')
        e.protocol = protocolNumber(e.protocol);
  }
}

function protocolNumber(protocol: string): string {
  return PROTOCOL_NUMBERS[protocol.toLowerCase()] ?? protocol;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function int(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
