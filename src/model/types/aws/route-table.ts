import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';

/**
 * aws_route_table with all its routes, keyed by its route table id (rtb-...), which is also the import id.
 *
 * Terraform declares routes inline (`route`, a set) or as separate aws_route resources; the cloud has one table
 * holding them all, and AWS Config one item. aws_route folds into `route`, replacing the route of the same
 * destination: a table's `route` is optional and computed, so its refreshed state already lists the routes that
 * aws_route resources created, and the fold must not add them twice.
 *
 * AWS Config (AWS::EC2::RouteTable): the EC2 DescribeRouteTables shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::EC2::RouteTable.properties.json` (configuration.routeTableId, vpcId,
 * routes[{destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId, gatewayId, natGatewayId,
 * networkInterfaceId, vpcPeeringConnectionId, egressOnlyInternetGatewayId, origin, state, ...}],
 * associations[{main, subnetId, routeTableAssociationId}], propagatingVgws[{gatewayId}], ownerId;
 * tags[{key, value}]). The routes follow the provider's read (flattenRoutes in
 * internal/service/ec2/vpc_route_table.go): the `local` route, VGW-propagated routes and VPC endpoint routes are
 * not in `route`; a `vpce-` gateway is a `vpc_endpoint_id`.
 *
 * `aws_created` marks a VPC's main route table (an association with `main: true`), which AWS creates with every
 * VPC: the scan does not report it unmanaged unless --strict. Only the live mapping writes it.
 *
 * CloudFormation: AWS::EC2::RouteTable (VpcId, Tags); its routes are AWS::EC2::Route, mapped as aws_route.
 * Terraform: hashicorp/terraform-provider-aws aws_route_table (import id: the route table id) and aws_route.
 */
const route = {
  cidr_block: s.string,
  ipv6_cidr_block: s.string,
  destination_prefix_list_id: s.string,
  carrier_gateway_id: s.string,
  core_network_arn: s.string,
  egress_only_gateway_id: s.string,
  gateway_id: s.string,
  local_gateway_id: s.string,
  nat_gateway_id: s.string,
  network_interface_id: s.string,
  transit_gateway_id: s.string,
  vpc_endpoint_id: s.string,
  vpc_peering_connection_id: s.string,
};

/** Route block field <- EC2 route field (and aws_route attribute, the same name but the destinations). */
const TARGETS: readonly (readonly [string, string])[] = [
  ['carrier_gateway_id', 'carrierGatewayId'],
  ['core_network_arn', 'coreNetworkArn'],
  ['egress_only_gateway_id', 'egressOnlyInternetGatewayId'],
  ['local_gateway_id', 'localGatewayId'],
  ['nat_gateway_id', 'natGatewayId'],
  ['network_interface_id', 'networkInterfaceId'],
  ['transit_gateway_id', 'transitGatewayId'],
  ['vpc_peering_connection_id', 'vpcPeeringConnectionId'],
];

const DESTINATIONS: readonly (readonly [string, string, string])[] = [
  ['cidr_block', 'destinationCidrBlock', 'destination_cidr_block'],
  ['ipv6_cidr_block', 'destinationIpv6CidrBlock', 'destination_ipv6_cidr_block'],
  ['destination_prefix_list_id', 'destinationPrefixListId', 'destination_prefix_list_id'],
];

export const routeTable = defineType({
  type: 'aws_route_table',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    vpc_id: s.string,
    route: s.blocks(route),
    propagating_vgws: s.strings,
    owner_id: s.string,
    tags: s.tags,
    aws_created: s.boolean,
  }),
  sets: ['route', 'propagating_vgws'],
  computed: ['arn', 'owner_id'],
  id: { attribute: 'id', caseInsensitive: false },
  folds: [
    {
      type: 'aws_route',
      parentIdAttribute: 'route_table_id',
      fold: foldRoute,
      cloudFormation: {
        type: 'AWS::EC2::Route',
        map: cfn.fromSpec({
          route_table_id: 'RouteTableId',
          destination_cidr_block: 'DestinationCidrBlock',
          destination_ipv6_cidr_block: 'DestinationIpv6CidrBlock',
          destination_prefix_list_id: 'DestinationPrefixListId',
          carrier_gateway_id: 'CarrierGatewayId',
          core_network_arn: 'CoreNetworkArn',
          egress_only_gateway_id: 'EgressOnlyInternetGatewayId',
          gateway_id: 'GatewayId',
          local_gateway_id: 'LocalGatewayId',
          nat_gateway_id: 'NatGatewayId',
          network_interface_id: 'NetworkInterfaceId',
          transit_gateway_id: 'TransitGatewayId',
          vpc_endpoint_id: 'VpcEndpointId',
          vpc_peering_connection_id: 'VpcPeeringConnectionId',
        }),
      },
    },
  ],
  sources: {
    awsConfig: { type: 'AWS::EC2::RouteTable', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::EC2::RouteTable',
      map: cfn.fromSpec({ vpc_id: 'VpcId', tags: ['Tags', cfn.tags] }),
    },
  },
});

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const attributes: Attributes = {};
  put(attributes, 'arn', item.arn);
  put(attributes, 'vpc_id', c.vpcId);
  put(attributes, 'route', routes(c.routes));
  put(attributes, 'propagating_vgws', gatewayIds(c.propagatingVgws));
  put(attributes, 'owner_id', c.ownerId);
  put(attributes, 'tags', tagMap(item.tags ?? c.tags));
  if (Array.isArray(c.associations))
    attributes.aws_created = c.associations.some((association) => record(association)?.main === true);
  return { id: typeof c.routeTableId === 'string' ? c.routeTableId : item.resourceId, attributes };
}

function routes(list: unknown): Value[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: Value[] = [];
  for (const raw of list) {
    const r = record(raw);
    if (!r) continue;
    const gateway = typeof r.gatewayId === 'string' ? r.gatewayId : '';
    if (gateway === 'local' || gateway === 'VpcLattice') continue;
    if (r.origin === 'EnableVgwRoutePropagation') continue;
    if (typeof r.destinationPrefixListId === 'string' && gateway.startsWith('vpce-')) continue;
    const block: Attributes = {};
    for (const [name, field] of DESTINATIONS) put(block, name, text(r[field]));
    if (gateway !== '') block[gateway.startsWith('vpce-') ? 'vpc_endpoint_id' : 'gateway_id'] = gateway;
    for (const [name, field] of TARGETS) put(block, name, text(r[field]));
    out.push(block);
  }
  return out;
}

function gatewayIds(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((raw) => {
    const id = record(raw)?.gatewayId;
    return typeof id === 'string' ? [id] : [];
  });
}

/** One aws_route as a `route` block, replacing a block of the same destination. */
function foldRoute(parent: Attributes, child: Attributes): void {
  const block: Attributes = {};
  for (const [name, , attribute] of DESTINATIONS) put(block, name, given(child[attribute]));
  for (const name of ['gateway_id', 'vpc_endpoint_id', ...TARGETS.map(([n]) => n)])
    put(block, name, given(child[name]));
  const existing = Array.isArray(parent.route) ? parent.route : [];
  const others = existing.filter((other) => !sameDestination(other, block));
  parent.route = [...others, block];
}

function sameDestination(a: Value, b: Attributes): boolean {
  if (!isPlainObject(a) || isUnknown(a)) return false;
  return DESTINATIONS.every(([name]) => (text(a[name]) ?? null) === (text(b[name]) ?? null));
}

/** A value code or state gives: a non-empty string, or an unknown marker (from a plan), kept as it is. */
function given(value: Value | undefined): Value | undefined {
  return isUnknown(value) ? value : text(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
