// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${} placeholders, not template literals.
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../../connectors/iac/cloudformation.js';
import type { ParsedFile } from '../../connectors/iac/types.js';

/** Valid templates from the wild, each cut down to a minimal reproduction, read cleanly. */

const UNKNOWN = { __unknown: true, reason: 'expression' };

function addresses(parsed: ParsedFile): string[] {
  return parsed.resources.map((r) => r.address);
}

function problems(parsed: ParsedFile): string[] {
  return parsed.diagnostics.filter((d) => d.level !== 'info').map((d) => `${d.source}: ${d.message}`);
}

describe('the Rules section and its functions', () => {
  const text = [
    'Parameters:',
    '  Env: {Type: String, Default: prod}',
    '  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}',
    'Rules:',
    '  ProdSubnets:',
    '    RuleCondition: !Equals [!Ref Env, prod]',
    '    Assertions:',
    '      - Assert: !Contains [[prod, test], !Ref Env]',
    '        AssertDescription: a known environment',
    '      - Assert: !EachMemberEquals [!ValueOfAll ["AWS::EC2::Subnet::Id", VpcId], vpc-1]',
    '      - Assert: !EachMemberIn [!ValueOf [Subnets, VpcId], !RefAll "AWS::EC2::VPC::Id"]',
    '      - Assert: !Not [!Or [!Equals [!Ref Env, dev], !And [!Equals [a, b], !Equals [c, c]]]]',
    '  Long:',
    '    Assertions:',
    '      - Assert: {"Fn::Contains": [[a], {"Fn::ValueOf": [Subnets, VpcId]}]}',
    'Resources:',
    '  Topic:',
    '    Type: AWS::SNS::Topic',
    '    Properties: {TopicName: !Sub "${Env}-alerts"}',
    '',
  ].join('\n');

  it('reads every short form without a warning; rules are not resources', () => {
    const parsed = parseCloudFormation(text, 'rules.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(addresses(parsed)).toEqual(['Topic']);
    expect(parsed.resources[0]?.attributes.name).toBe('prod-alerts');
  });
});

describe('the AWS::LanguageExtensions transform', () => {
  const head = [
    'Transform: AWS::LanguageExtensions',
    'Parameters:',
    '  Queues: {Type: CommaDelimitedList, Default: "orders, pay-ments"}',
    '  Open: {Type: CommaDelimitedList}',
    'Mappings:',
    '  Keys: {prod: {Arn: "arn:aws:kms:eu-west-1:111122223333:key/1"}}',
    'Resources:',
    '',
  ].join('\n');
  const read = (resources: string) => parseCloudFormation(`${head}${resources}`, 't.yaml');

  it("expands Fn::ForEach over a parameter's default: ${} and &{} in the logical id, ${} and Ref in the body", () => {
    const parsed = read(
      [
        '  Fn::ForEach::Queues:',
        '    - Name',
        '    - !Ref Queues',
        '    - Queue&{Name}:',
        '        Type: AWS::SQS::Queue',
        '        Properties:',
        '          QueueName: !Sub "app-${Name}"',
        '          KmsMasterKeyId: !Ref Name',
        '  Other:',
        '    Type: AWS::SNS::Topic',
        '',
      ].join('\n'),
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(
      parsed.resources.map((r) => [r.address, r.attributes.name, r.attributes.kms_master_key_id]),
    ).toEqual([
      ['Queueorders', 'app-orders', 'orders'],
      ['Queuepayments', 'app-pay-ments', 'pay-ments'],
      ['Other', { __unknown: true, reason: 'computed' }, null],
    ]);
    // Each resource a loop makes is at the loop's lines.
    expect(parsed.resources.map((r) => [r.line, r.endLine])).toEqual([
      [8, 15],
      [8, 15],
      [16, 17],
    ]);
  });

  it('expands nested loops over literal lists, the inner collection depending on the outer identifier', () => {
    const parsed = read(
      [
        '  Fn::ForEach::Envs:',
        '    - Env',
        '    - [dev, prod]',
        '    - Fn::ForEach::Tiers:',
        '        - Tier',
        '        - [!Sub "${Env}web", db]',
        '        - Topic${Env}${Tier}:',
        '            Type: AWS::SNS::Topic',
        '            Properties:',
        '              TopicName: !Join ["-", [!Ref Env, !Ref Tier]]',
        '',
      ].join('\n'),
    );
    expect(problems(parsed)).toEqual([]);
    expect(parsed.resources.map((r) => [r.address, r.attributes.name])).toEqual([
      ['Topicdevdevweb', 'dev-devweb'],
      ['Topicdevdb', 'dev-db'],
      ['Topicprodprodweb', 'prod-prodweb'],
      ['Topicproddb', 'prod-db'],
    ]);
  });

  it('keeps a collection the template does not know unknown, named in a warning', () => {
    const parsed = read(
      '  Fn::ForEach::Hidden:\n    - X\n    - !Ref Open\n    - Q${X}:\n        Type: AWS::SQS::Queue\n',
    );
    expect(addresses(parsed)).toEqual([]);
    expect(problems(parsed)).toEqual([
      't.yaml:8: Fn::ForEach::Hidden at line 8 (the AWS::LanguageExtensions transform): its collection is not known from the template; the resources it makes are not checked',
    ]);
  });

  it('refuses a loop that is not an identifier, a collection and a fragment, and a logical id made twice', () => {
    const parsed = read(
      [
        '  Fn::ForEach::Bad: [X, [a]]',
        '  Fn::ForEach::Twice:',
        '    - X',
        '    - [a, a]',
        '    - Q${X}: {Type: AWS::SQS::Queue}',
        '',
      ].join('\n'),
    );
    expect(addresses(parsed)).toEqual(['Qa']);
    expect(problems(parsed)).toEqual([
      't.yaml:8: Fn::ForEach::Bad at line 8 (the AWS::LanguageExtensions transform): not a loop of an identifier, a collection and a fragment; the resources it makes are not checked',
      't.yaml:9: Fn::ForEach::Twice at line 9 (the AWS::LanguageExtensions transform): makes Qa, a logical id already declared; not read again',
    ]);
  });

  it.each([
    ['!Length of a list parameter', '!Join ["", ["n", !Length {Ref: Queues}]]', 'n2'],
    ['!Length of a list', '!Join ["", [!Length [a, b, c]]]', '3'],
    ['!Length of an unknown list', '!Length {Ref: Open}', UNKNOWN],
    [
      '!ToJsonString of a mapping',
      '!ToJsonString {a: !Select [0, !Ref Queues], b: [1, true]}',
      '{"a":"orders","b":[1,true]}',
    ],
    ['!ToJsonString of an unknown value', '!ToJsonString {a: !Ref Open}', UNKNOWN],
    [
      '!FindInMap with a DefaultValue',
      '!FindInMap [Keys, dev, Arn, {DefaultValue: alias/aws/sqs}]',
      'alias/aws/sqs',
    ],
  ])('%s', (_name, expression, expected) => {
    const parsed = read(
      `  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: ${expression}\n`,
    );
    expect(problems(parsed)).toEqual([]);
    expect(parsed.resources[0]?.attributes.kms_master_key_id).toEqual(expected);
  });
});

describe('files without a Resources section', () => {
  it.each([
    ['t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: no resources\n'],
    ['t.json', '{"Description": "outputs only", "Outputs": {"A": {"Value": "x"}}}'],
  ])('%s: a template with no Resources says so in an info line, and is not a problem', (file, text) => {
    expect(parseCloudFormation(text, file)).toEqual({
      resources: [],
      diagnostics: [
        {
          level: 'info',
          code: 'iac.no-resources',
          message:
            'the template has no Resources section: it declares no resources, so there is nothing to check',
          source: file,
        },
      ],
    });
  });

  it("a macro's test event, naming resource types in its fragment, is no template: skipped without a word", () => {
    const event = {
      region: 'us-east-1',
      accountId: '111122223333',
      fragment: { Resources: { B: { Type: 'AWS::S3::Bucket' } } },
      transformId: '111122223333::Echo',
      params: {},
      requestId: 'r-1',
      templateParameterValues: {},
    };
    expect(parseCloudFormation(JSON.stringify(event, null, 2), 'events/event.json')).toEqual({
      resources: [],
      diagnostics: [],
    });
  });
});

describe('quoted scalars over several lines, as PyYAML reads them', () => {
  const topic = (value: string) =>
    parseCloudFormation(
      `Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: ${value}\n  U:\n    Type: AWS::SQS::Queue\n`,
      't.yaml',
    );

  it.each([
    ['continued at column 1', "'orders\nalerts'", 'orders alerts'],
    ['continued under the key', "'orders\n  alerts'", 'orders alerts'],
    ['a tab before the continuation', "'orders\n\talerts'", 'orders alerts'],
    ['an escaped quote and a blank line', "'it''s\n\nhere'", "it's\nhere"],
    ['double-quoted', '"orders\nalerts"', 'orders alerts'],
    ['behind a tag', "!Sub 'orders\nalerts'", 'orders alerts'],
  ])('%s', (_name, value, expected) => {
    const parsed = topic(value);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources[0]?.attributes.name).toBe(expected);
    // The lines stay those of the file.
    expect(parsed.resources.map((r) => r.line)).toEqual([2, 6 + value.split('\n').length - 1]);
  });

  it('a document marker inside the quotes ends it for PyYAML too: the file is invalid', () => {
    expect(problems(topic("'orders\n---\nalerts'"))).toEqual([
      "t.yaml:5: invalid YAML at line 5, column 25: Missing closing 'quote",
    ]);
  });
});

describe('a bucket policy naming its bucket by !Ref', () => {
  const text = (name: string) =>
    [
      'Resources:',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      name,
      '  DataPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref Data',
      '      PolicyDocument: {Statement: []}',
      '',
    ].join('\n');
  const bucketOf = (name: string) =>
    parseCloudFormation(text(name), 't.yaml').resources.find((r) => r.address === 'DataPolicy')?.attributes
      .bucket;

  it("names a bucket CloudFormation names by its logical id, the bucket's address, so it folds", () => {
    expect(bucketOf('    Properties: {}')).toBe('Data');
  });

  it('names a bucket with a static name by that name', () => {
    expect(bucketOf('    Properties: {BucketName: data-bucket}')).toBe('data-bucket');
  });
});
