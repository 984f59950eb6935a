import type { Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_security_group, keyed by group id.
 *
 * AWS Config (AWS::EC2::SecurityGroup): awslabs/aws-config-resource-schema `AWS::EC2::SecurityGroup.properties.json`
 * and the Config item printed in the AWS Tools for PowerShell V5 guide (Get-CFGAggregateResourceConfig):
 * ipPermissions / ipPermissionsEgress as `[{ipProtocol, fromPort?, toPort?, ipv4Ranges[{cidrIp, description?}],
 * ipRanges[cidr], ipv6Ranges[{cidrIpv6}], prefixListIds[{prefixListId}], userIdGroupPairs[{groupId, userId,
 * description?}]}]`, ports absent for "-1".
 *
 * ingress/egress follow the provider's read (terraform-provider-aws `securityGroupIPPermGather` and
 * `initSecurityGroupRule` in internal/service/ec2/vpc_security_group.go): one block per
 * (protocol, from_port, to_port, description) across the item's permissions; every CIDR, IPv6 CIDR, prefix list
 * and group with that description joins the block; a pair naming the group itself sets `self`; another account's
 * group is written `<account>/<sg-id>`. Blocks carry every field, empty where unset, as state does.
 *
 * `aws_created` marks a VPC's default group, which AWS creates with every VPC and names `default` (no other group
 * may take the name): the scan does not report it unmanaged unless --strict. Only the live mapping writes it.
 */
const rule = {
  from_port: s.number,
  to_port: s.number,
  protocol: s.string,
  cidr_blocks: s.strings,
  ipv6_cidr_blocks: s.strings,
  prefix_list_ids: s.strings,
  security_groups: s.strings,
  self: s.boolean,
  description: s.string,
};

export const securityGroup = defineType({
  type: 'aws_security_group',
  provider: 'aws',
  schema: s.attributes({
    name: s.string,
    description: s.string,
    vpc_id: s.string,
    ingress: s.blocks(rule),
    egress: s.blocks(rule),
    tags: s.tags,
    aws_created: s.boolean,
  }),
  sets: [
    'ingress',
    'egress',
    'ingress[*].cidr_blocks',
    'ingress[*].ipv6_cidr_blocks',
    'ingress[*].security_groups',
    'ingress[*].prefix_list_ids',
    'egress[*].cidr_blocks',
    'egress[*].ipv6_cidr_blocks',
    'egress[*].security_groups',
    'egress[*].prefix_list_ids',
  ],
  computed: ['arn', 'owner_id'],
  // "description - (Optional, Forces new resource) Security group description. Defaults to `Managed by
  // Terraform`": the provider's aws_security_group documentation.
  defaults: { description: 'Managed by Terraform' },
  // Import id: the security group id (website/docs/r/security_group.html.markdown, Import: `sg-903004f8`).
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    awsConfig: { type: 'AWS::EC2::SecurityGroup', map: fromConfigItem },
  },
});

interface Rule {
  from_port: number;
  to_port: number;
  protocol: string;
  cidr_blocks: string[];
  ipv6_cidr_blocks: string[];
  prefix_list_ids: string[];
  security_groups: string[];
  self: boolean;
  description: string;
}

type RuleField = 'cidr_blocks' | 'ipv6_cidr_blocks' | 'prefix_list_ids' | 'security_groups' | 'self';

interface Source {
  field: RuleField;
  value: string;
  description: string;
}

interface Owner {
  groupId: string;
  accountId: string | undefined;
}

type Fields = Record<string, unknown>;

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const owner: Owner = {
    groupId: typeof c.groupId === 'string' ? c.groupId : item.resourceId,
    accountId: typeof c.ownerId === 'string' ? c.ownerId : item.accountId,
  };
  const attributes: Attributes = {};
  put(attributes, 'name', c.groupName);
  put(attributes, 'description', c.description);
  put(attributes, 'vpc_id', c.vpcId);
  put(attributes, 'ingress', rules(c.ipPermissions, owner));
  put(attributes, 'egress', rules(c.ipPermissionsEgress, owner));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  if (typeof c.groupName === 'string') attributes.aws_created = c.groupName === 'default';
  return { id: owner.groupId, attributes };
}

function rules(permissions: unknown, owner: Owner): Value | undefined {
  if (!Array.isArray(permissions)) return undefined;
  const byKey = new Map<string, Rule>();
  for (const raw of permissions) {
    const permission = record(raw);
    if (!permission) continue;
    for (const source of sources(permission, owner)) addSource(byKey, permission, source);
  }
  return [...byKey.values()].map((block) => ({ ...block }));
}

function addSource(byKey: Map<string, Rule>, permission: Fields, source: Source): void {
  const protocol = typeof permission.ipProtocol === 'string' ? permission.ipProtocol : '';
  const fromPort = typeof permission.fromPort === 'number' ? permission.fromPort : 0;
  const toPort = typeof permission.toPort === 'number' ? permission.toPort : 0;
  const key = `${protocol}-${fromPort}-${toPort}-${source.description}`;
  let block = byKey.get(key);
  if (!block) {
    block = {
      from_port: fromPort,
      to_port: toPort,
      protocol,
      cidr_blocks: [],
      ipv6_cidr_blocks: [],
      prefix_list_ids: [],
      security_groups: [],
      self: false,
      description: source.description,
    };
    byKey.set(key, block);
  }
  if (source.field === 'self') block.self = true;
  else if (!block[source.field].includes(source.value)) block[source.field].push(source.value);
}

// The provider's order: IPv4 ranges, IPv6 ranges, prefix lists, then group pairs.
function sources(permission: Fields, owner: Owner): Source[] {
  const ipv4 = Array.isArray(permission.ipv4Ranges) ? permission.ipv4Ranges : permission.ipRanges;
  return [
    ...entries(ipv4, 'cidrIp', 'cidr_blocks'),
    ...entries(permission.ipv6Ranges, 'cidrIpv6', 'ipv6_cidr_blocks'),
    ...entries(permission.prefixListIds, 'prefixListId', 'prefix_list_ids'),
    ...groupPairs(permission.userIdGroupPairs, owner),
  ];
}

/** `[{<valueKey>, description?}]`, or the older `ipRanges` list of bare CIDR strings. */
function entries(list: unknown, valueKey: string, field: RuleField): Source[] {
  if (!Array.isArray(list)) return [];
  const out: Source[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') {
      out.push({ field, value: entry, description: '' });
      continue;
    }
    const fields = record(entry);
    const value = fields?.[valueKey];
    if (fields && typeof value === 'string')
      out.push({ field, value, description: text(fields.description) });
  }
  return out;
}

function groupPairs(list: unknown, owner: Owner): Source[] {
  if (!Array.isArray(list)) return [];
  const out: Source[] = [];
  for (const raw of list) {
    const pair = record(raw);
    if (!pair || typeof pair.groupId !== 'string') continue;
    const description = text(pair.description);
    const userId = text(pair.userId);
    if (pair.groupId === owner.groupId && (userId === '' || userId === owner.accountId)) {
      out.push({ field: 'self', value: pair.groupId, description });
    } else {
      const crossAccount = userId !== '' && userId !== owner.accountId;
      out.push({
        field: 'security_groups',
        value: crossAccount ? `${userId}/${pair.groupId}` : pair.groupId,
        description,
      });
    }
  }
  return out;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
