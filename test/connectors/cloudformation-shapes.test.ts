import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../../connectors/iac/cloudformation.js';
import type { Value } from '../../src/model/value.js';

const GENERATED = { __unknown: true, reason: 'computed' };
const UNKNOWN = { __unknown: true, reason: 'expression' };

/** The canonical type and attributes of the one resource of a small template. */
function mapped(resource: string, head = ''): { type: string; attributes: Record<string, Value> } {
  const parsed = parseCloudFormation(`${head}Resources:\n  R:\n${resource}`, 't.yaml');
  const [first] = parsed.resources;
  if (!first) throw new Error(`nothing mapped: ${JSON.stringify(parsed.diagnostics)}`);
  return { type: first.type, attributes: first.attributes };
}

describe('block devices of instances and launch configurations', () => {
  it('maps every EBS mapping of an instance to an ebs_block_device, in the order written', () => {
    const { type, attributes } = mapped(
      [
        '    Type: AWS::EC2::Instance',
        '    Properties:',
        '      ImageId: ami-1',
        '      BlockDeviceMappings:',
        '        - DeviceName: /dev/sdb',
        '          VirtualName: ephemeral0',
        '        - DeviceName: /dev/sdg',
        '          Ebs: {VolumeSize: "50", VolumeType: gp3}',
        '        - DeviceName: /dev/sdf',
        '          Ebs: {Encrypted: "true", KmsKeyId: alias/ebs, DeleteOnTermination: false, Iops: 3000}',
        '        - DeviceName: /dev/sdh',
        '          Ebs: {SnapshotId: snap-1}',
      ].join('\n'),
    );
    expect(type).toBe('aws_instance');
    expect(attributes.ebs_block_device).toEqual([
      {
        device_name: '/dev/sdg',
        delete_on_termination: true,
        encrypted: false,
        volume_size: 50,
        volume_type: 'gp3',
      },
      {
        device_name: '/dev/sdf',
        delete_on_termination: false,
        encrypted: true,
        iops: 3000,
        kms_key_id: 'alias/ebs',
      },
      // Created from a snapshot, the volume keeps the snapshot's encryption.
      { device_name: '/dev/sdh', delete_on_termination: true, encrypted: GENERATED, snapshot_id: 'snap-1' },
    ]);
    // A template cannot say which mapping is the root device: that is the AMI's.
    expect(attributes).not.toHaveProperty('root_block_device');
  });

  it('gives an instance without mappings no EBS devices, and keeps unknown mappings unknown', () => {
    expect(
      mapped('    Type: AWS::EC2::Instance\n    Properties: {ImageId: ami-1}').attributes.ebs_block_device,
    ).toEqual([]);
    const conditional = mapped(
      '    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings: !If [Big, [], []]',
      'Conditions:\n  Big: !Equals [!Ref AWS::Region, eu-west-1]\n',
    );
    expect(conditional.attributes.ebs_block_device).toEqual(UNKNOWN);
    const encryption = mapped(
      '    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdf\n          Ebs: {Encrypted: !Ref Encrypt}',
      'Parameters:\n  Encrypt:\n    Type: String\n',
    );
    expect(encryption.attributes.ebs_block_device).toEqual([
      { device_name: '/dev/sdf', delete_on_termination: true, encrypted: UNKNOWN },
    ]);
  });

  it('maps a launch configuration, its name generated and its monitoring on by default', () => {
    const { type, attributes } = mapped(
      [
        '    Type: AWS::AutoScaling::LaunchConfiguration',
        '    Properties:',
        '      ImageId: ami-1',
        '      InstanceType: t3.medium',
        '      SecurityGroups: [sg-1]',
        '      BlockDeviceMappings:',
        '        - DeviceName: /dev/xvda',
        '          Ebs: {VolumeSize: 20, Encrypted: "false", Throughput: 125}',
      ].join('\n'),
    );
    expect(type).toBe('aws_launch_configuration');
    expect(attributes).toEqual({
      name: GENERATED,
      image_id: 'ami-1',
      instance_type: 't3.medium',
      security_groups: ['sg-1'],
      enable_monitoring: true,
      ebs_optimized: false,
      ebs_block_device: [
        {
          device_name: '/dev/xvda',
          no_device: false,
          delete_on_termination: true,
          encrypted: false,
          throughput: 125,
          volume_size: 20,
        },
      ],
    });
  });
});

describe('IAM users, groups and the principals of policies', () => {
  const document = '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';

  it("reads a user's and a group's own Policies and ManagedPolicyArns as a role's", () => {
    for (const [cfnType, type] of [
      ['AWS::IAM::User', 'aws_iam_user'],
      ['AWS::IAM::Group', 'aws_iam_group'],
    ] as const) {
      const { type: mappedType, attributes } = mapped(
        [
          `    Type: ${cfnType}`,
          '    Properties:',
          '      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]',
          '      Policies:',
          `        - {PolicyName: everything, PolicyDocument: ${document}}`,
        ].join('\n'),
      );
      expect(mappedType).toBe(type);
      expect(attributes.inline_policy).toEqual([
        { name: 'everything', policy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
      ]);
      expect(attributes.managed_policy_arns).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    }
  });

  it('leaves out the policies of a user that declares none, and keeps a conditional list unknown', () => {
    const plain = mapped('    Type: AWS::IAM::User\n    Properties: {UserName: alice}').attributes;
    expect(plain).not.toHaveProperty('inline_policy');
    expect(plain).not.toHaveProperty('managed_policy_arns');
    const conditional = mapped(
      '    Type: AWS::IAM::Group\n    Properties:\n      Policies: !If [Admin, [], []]',
      'Conditions:\n  Admin: !Equals [!Ref AWS::Region, eu-west-1]\n',
    );
    expect(conditional.attributes.inline_policy).toEqual(UNKNOWN);
  });

  it('keeps the users, groups and roles a managed or an inline policy attaches to', () => {
    for (const cfnType of ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy']) {
      const { type, attributes } = mapped(
        [
          `    Type: ${cfnType}`,
          '    Properties:',
          '      PolicyName: p',
          '      Users: [alice, bob]',
          '      Groups: [ops]',
          '      Roles: [app]',
          `      PolicyDocument: ${document}`,
        ].join('\n'),
      );
      expect(type).toBe('aws_iam_policy');
      expect([attributes.users, attributes.groups, attributes.roles]).toEqual([
        ['alice', 'bob'],
        ['ops'],
        ['app'],
      ]);
    }
  });
});

describe('CloudFront origins', () => {
  it('maps custom and S3 origins to origin[], with CloudFront defaults, and unstated TLS protocols unknown', () => {
    const { attributes } = mapped(
      [
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        Enabled: true',
        '        Origins:',
        '          - Id: app',
        '            DomainName: app.example.com',
        '            CustomOriginConfig:',
        '              HTTPSPort: "8443"',
        '              OriginProtocolPolicy: match-viewer',
        '              OriginSSLProtocols: [TLSv1, TLSv1.2]',
        '          - Id: legacy',
        '            DomainName: legacy.example.com',
        '            CustomOriginConfig: {OriginProtocolPolicy: https-only}',
        '          - Id: assets',
        '            DomainName: assets.s3.amazonaws.com',
        '            S3OriginConfig: {OriginAccessIdentity: origin-access-identity/cloudfront/E1}',
      ].join('\n'),
    );
    const defaults = {
      origin_path: '',
      connection_attempts: 3,
      connection_timeout: 10,
      origin_access_control_id: '',
    };
    expect(attributes.origin).toEqual([
      {
        domain_name: 'app.example.com',
        origin_id: 'app',
        ...defaults,
        custom_origin_config: [
          {
            https_port: 8443,
            origin_protocol_policy: 'match-viewer',
            origin_ssl_protocols: ['TLSv1', 'TLSv1.2'],
            origin_keepalive_timeout: 5,
            origin_read_timeout: 30,
          },
        ],
        s3_origin_config: [],
      },
      {
        domain_name: 'legacy.example.com',
        origin_id: 'legacy',
        ...defaults,
        custom_origin_config: [
          {
            origin_protocol_policy: 'https-only',
            origin_ssl_protocols: GENERATED,
            origin_keepalive_timeout: 5,
            origin_read_timeout: 30,
          },
        ],
        s3_origin_config: [],
      },
      {
        domain_name: 'assets.s3.amazonaws.com',
        origin_id: 'assets',
        ...defaults,
        custom_origin_config: [],
        s3_origin_config: [{ origin_access_identity: 'origin-access-identity/cloudfront/E1' }],
      },
    ]);
  });
});
