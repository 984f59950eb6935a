import { isPlainObject, type Value } from '../../../src/model/value.js';
import { put, tagMap } from './decode.js';
import type { ConfigItem, MappedResource, TypeMapping } from './types.js';

/**
 * AWS::EC2::SecurityGroup -> aws_security_group. Shape: awslabs/aws-config-resource-schema
 * `AWS::EC2::SecurityGroup.properties.json` and the Config item printed in the AWS Tools for PowerShell V5 guide
 * (Get-CFGAggregateResourceConfig): ipPermissions / ipPermissionsEgress as
 * `[{ipProtocol, fromPort?, toPort?, ipv4Ranges[{cidrIp, description?}], ipRanges[cidr], ipv6Ranges[{cidrIpv6}],
 * prefixListIds[{prefixListId}], userIdGroupPairs[{groupId, userId, description?}]}]`, ports absent for "-1".
 *
 * ingress/egress follow the provider's read (terraform-provider-aws `securityGroupIPPermGather` and
 * `initSecurityGroupRule` in internal/service/ec2/vpc_security_group.go): one block per
 * (protocol, from_port, to_port, description) across the item's permissions; every CIDR, IPv6 CIDR, prefix list
 * and group with that description joins the block; a pair naming the group itself sets `self`; another account's
 * group is written `<account>/<sg-id>`. Blocks carry every field, empty where unset, as state does.
 */
export const securityGroupMapping: TypeMapping = {
  configType: 'AWS::EC2::SecurityGroup',
  terraformType: 'aws_security_group',
  map: mapGroup,
};

type Rule = {
  from_port: number;
  to_port: number;
  protocol: string;
  cidr_blocks: string[];
  ipv6_cidr_blocks: string[];
  prefix_list_ids: string[];
  security_groups: string[];
  self: boolean;
  description: string;
};

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

function mapGroup(item: ConfigItem): MappedResource {
  const c = item.configuration;
  const owner: Owner = {
    groupId: typeof c.groupId === 'string' ? c.groupId : item.resourceId,
    accountId: typeof c.ownerId === 'string' ? c.ownerId : item.accountId,
  };
  const attributes: Record<string, Value> = {};
  put(attributes, 'name', c.groupName);
  put(attributes, 'description', c.description);
  put(attributes, 'vpc_id', c.vpcId);
  put(attributes, 'ingress', rules(c.ipPermissions, owner));
  put(attributes, 'egress', rules(c.ipPermissionsEgress, owner));
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  return { id: owner.groupId, attributes };
}

function rules(permissions: unknown, owner: Owner): Rule[] | undefined {
  if (!Array.isArray(permissions)) return undefined;
  const byKey = new Map<string, Rule>();
  for (const permission of permissions) {
    if (!isPlainObject(permission)) continue;
    for (const source of sources(permission, owner)) addSource(byKey, permission, source);
  }
  return [...byKey.values()];
}

function addSource(byKey: Map<string, Rule>, permission: Record<string, Value>, source: Source): void {
  const protocol = typeof permission.ipProtocol === 'string' ? permission.ipProtocol : '';
  const fromPort = typeof permission.fromPort === 'number' ? permission.fromPort : 0;
  const toPort = typeof permission.toPort === 'number' ? permission.toPort : 0;
  const key = `${protocol}-${fromPort}-${toPort}-${source.description}`;
  let rule = byKey.get(key);
  if (!rule) {
    rule = {
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
    byKey.set(key, rule);
  }
  if (source.field === 'self') rule.self = true;
  else if (!rule[source.field].includes(source.value)) rule[source.field].push(source.value);
}

// The provider's order: IPv4 ranges, IPv6 ranges, prefix lists, then group pairs.
function sources(permission: Record<string, Value>, owner: Owner): Source[] {
  const ipv4 = Array.isArray(permission.ipv4Ranges) ? permission.ipv4Ranges : permission.ipRanges;
  return [
    ...entries(ipv4, 'cidrIp', 'cidr_blocks'),
    ...entries(permission.ipv6Ranges, 'cidrIpv6', 'ipv6_cidr_blocks'),
    ...entries(permission.prefixListIds, 'prefixListId', 'prefix_list_ids'),
    ...groupPairs(permission.userIdGroupPairs, owner),
  ];
}

/** `[{<valueKey>, description?}]`, or the older `ipRanges` list of bare CIDR strings. */
function entries(list: Value | undefined, valueKey: string, field: RuleField): Source[] {
  if (!Array.isArray(list)) return [];
  const out: Source[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') {
      out.push({ field, value: entry, description: '' });
      continue;
    }
    const value = isPlainObject(entry) ? entry[valueKey] : undefined;
    if (isPlainObject(entry) && typeof value === 'string') {
      out.push({ field, value, description: text(entry.description) });
    }
  }
  return out;
}

function groupPairs(list: Value | undefined, owner: Owner): Source[] {
  if (!Array.isArray(list)) return [];
  const out: Source[] = [];
  for (const pair of list) {
    if (!isPlainObject(pair) || typeof pair.groupId !== 'string') continue;
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

function text(value: Value | undefined): string {
  return typeof value === 'string' ? value : '';
}
