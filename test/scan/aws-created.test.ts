import { describe, expect, it } from 'vitest';
import { decodeItem } from '../../connectors/aws-config/map/decode.js';
import { MAPPING_BY_CONFIG_TYPE } from '../../connectors/aws-config/map/index.js';
import { configItemSchema } from '../../connectors/aws-config/schema.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, type SnapshotItem, snapshot, state } from '../helpers/state.js';

/*
 * What AWS creates on its own is not unmanaged unless --strict (issue 13): an account's default VPC with its
 * default subnet, main route table, default network ACL, default security group and internet gateway, and the
 * main route table of a VPC the state declares. The live side is what the AWS Config connector records: EC2
 * Describe* shaped items (the fixtures under fixtures/types/aws/ say where each shape comes from) mapped by the
 * catalogue, replayed from a snapshot.
 */
const DEFAULT_VPC = 'vpc-0def0000000000001';
const VPC = 'vpc-0a1b2c3d4e5f60789';

function item(
  resourceType: string,
  resourceId: string,
  configuration: Record<string, unknown>,
): SnapshotItem {
  const decoded = decodeItem(
    configItemSchema.parse({
      resourceType,
      resourceId,
      accountId: '111122223333',
      awsRegion: 'eu-west-1',
      configuration: JSON.stringify(configuration),
    }),
  );
  const mapping = MAPPING_BY_CONFIG_TYPE.get(resourceType);
  const mapped = mapping?.map(decoded.item);
  if (!mapping || !mapped) throw new Error(`${resourceType} is not mapped`);
  return { type: mapping.terraformType, id: mapped.id, attributes: mapped.attributes };
}

const vpc = (id: string, isDefault: boolean) =>
  item('AWS::EC2::VPC', id, {
    vpcId: id,
    cidrBlock: isDefault ? '172.31.0.0/16' : '10.20.0.0/16',
    isDefault,
  });
const subnet = (id: string, vpcId: string, defaultForAz: boolean) =>
  item('AWS::EC2::Subnet', id, { subnetId: id, vpcId, cidrBlock: '172.31.0.0/20', defaultForAz });
const routeTable = (id: string, vpcId: string, main: boolean) =>
  item('AWS::EC2::RouteTable', id, { routeTableId: id, vpcId, routes: [], associations: [{ main }] });
const networkAcl = (id: string, vpcId: string, isDefault: boolean) =>
  item('AWS::EC2::NetworkAcl', id, { networkAclId: id, vpcId, entries: [], isDefault });
const securityGroup = (id: string, vpcId: string, groupName: string) =>
  item('AWS::EC2::SecurityGroup', id, { groupId: id, vpcId, groupName, ipPermissions: [] });
const internetGateway = (id: string, vpcId: string) =>
  item('AWS::EC2::InternetGateway', id, {
    internetGatewayId: id,
    attachments: [{ vpcId, state: 'available' }],
  });

const AWS_CREATED = [
  'aws_internet_gateway.igw-0def0000000000001',
  'aws_network_acl.acl-0def0000000000001',
  'aws_route_table.rtb-0def0000000000001',
  'aws_route_table.rtb-0main000000000002',
  'aws_security_group.sg-0def0000000000001',
  'aws_subnet.subnet-0def0000000000001',
  'aws_vpc.vpc-0def0000000000001',
];
const USER_CREATED = ['aws_internet_gateway.igw-0user000000000002', 'aws_subnet.subnet-0user000000000001'];

function estate(config?: string) {
  return tempDir({
    'prod.tfstate': state([one('aws_vpc', 'orders', { id: VPC, cidr_block: '10.20.0.0/16' })]),
    'live.json': snapshot([
      vpc(DEFAULT_VPC, true),
      subnet('subnet-0def0000000000001', DEFAULT_VPC, true),
      routeTable('rtb-0def0000000000001', DEFAULT_VPC, true),
      networkAcl('acl-0def0000000000001', DEFAULT_VPC, true),
      securityGroup('sg-0def0000000000001', DEFAULT_VPC, 'default'),
      internetGateway('igw-0def0000000000001', DEFAULT_VPC),
      // Created by someone in the default VPC: theirs, not AWS's.
      subnet('subnet-0user000000000001', DEFAULT_VPC, false),
      vpc(VPC, false),
      routeTable('rtb-0main000000000002', VPC, true),
      internetGateway('igw-0user000000000002', VPC),
    ]),
    ...(config ? { 'driftwarden.yml': config } : {}),
  });
}

interface JsonReport {
  drift: { kind: string; type: string; id: string }[];
  summary: { unmanaged: number; managed: number };
  scan: { diagnostics: { level: string; code: string; message: string }[] };
}

async function scan(cwd: string, extra: string[] = []) {
  const args = ['scan', '--state', 'prod.tfstate', '--live', 'snapshot:live.json', '--format', 'json'];
  const result = await runCli([...args, ...extra], { cwd });
  const report = JSON.parse(result.stdout) as JsonReport;
  const unmanaged = report.drift.filter((d) => d.kind === 'unmanaged').map((d) => `${d.type}.${d.id}`);
  const held = report.scan.diagnostics.filter((d) => d.code === 'scan.aws-created');
  return { code: result.code, report, unmanaged: unmanaged.sort(), held };
}

describe('what AWS creates on its own', () => {
  it('is not reported unmanaged, and the scan counts what it held back', async () => {
    const { unmanaged, held, report } = await scan(estate());
    expect(unmanaged).toEqual(USER_CREATED);
    expect(report.summary).toMatchObject({ managed: 1, unmanaged: 2 });
    expect(held).toEqual([
      {
        level: 'warning',
        code: 'scan.aws-created',
        message:
          '7 resources AWS created on its own (the default VPC and its parts, main route tables, default network ACLs and security groups) were not reported unmanaged; --strict reports them',
      },
    ]);
  });

  it('is reported unmanaged with --strict, and nothing is held back', async () => {
    const { unmanaged, held } = await scan(estate(), ['--strict']);
    expect(unmanaged).toEqual([...AWS_CREATED, ...USER_CREATED].sort());
    expect(held).toEqual([]);
  });

  it('is reported unmanaged with strict: true in the config file', async () => {
    const { unmanaged, held } = await scan(estate('strict: true\n'));
    expect(unmanaged).toEqual([...AWS_CREATED, ...USER_CREATED].sort());
    expect(held).toEqual([]);
  });

  it('is still paired when declared: a declared default VPC is managed, not held back', async () => {
    const cwd = tempDir({
      'prod.tfstate': state([one('aws_vpc', 'default', { id: DEFAULT_VPC, cidr_block: '172.31.0.0/16' })]),
      'live.json': snapshot([vpc(DEFAULT_VPC, true)]),
    });
    const { unmanaged, held, report } = await scan(cwd);
    expect(unmanaged).toEqual([]);
    expect(held).toEqual([]);
    expect(report.summary).toMatchObject({ managed: 1 });
  });
});
