/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL interpolation is written with ${} in plain strings */
import { describe, expect, it } from 'vitest';
import { parseTerraform } from '../../connectors/iac/terraform-hcl.js';
import type { Diagnostic } from '../../src/model/report.js';

const U = { __unknown: true, reason: 'expression' };

/** The `policy` of `aws_iam_policy.p` as the reader gives it, with its diagnostics. */
async function policyOf(text: string) {
  const diagnostics: Diagnostic[] = [];
  const resources = await parseTerraform([{ path: 'main.tf', text }], diagnostics);
  expect(diagnostics).toEqual([]);
  return resources.find((r) => r.address === 'aws_iam_policy.p')?.attributes.policy;
}

/** `var.extra` has no default, `module.m`'s outputs are not read, `aws_s3_bucket.data.arn` is known after apply. */
const HEAD = 'variable "extra" {}\nresource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n';
const FROM_DOCUMENT = 'resource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.d.json\n}\n';
const PASS_ROLE = { Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['*'] };

describe('jsonencode with unknown parts', () => {
  it('keeps the known statements and the unknown leaves of a document, typed', async () => {
    const policy = await policyOf(
      `${HEAD}resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n` +
        '      { Effect = "Allow", Action = ["s3:GetObject", var.extra], Resource = "${aws_s3_bucket.data.arn}/*" },\n' +
        '      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },\n' +
        '      { Effect = "Allow", Action = "s3:PutObject", Resource = module.m.arn },\n' +
        '    ]\n  })\n}\n',
    );
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', U], Resource: U },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: U },
      ],
    });
  });

  it('is text when every part is known, and unknown for a value that is not a policy document', async () => {
    const known = await policyOf(
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*" }] })\n}\n',
    );
    expect(known).toBe('{"Statement":[{"Effect":"Allow","Action":"*"}]}');
    const other = await policyOf(
      `${HEAD}resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Resource = aws_s3_bucket.data.arn })\n}\n`,
    );
    expect(other).toEqual(U);
  });

  it('merge and concat keep unknown leaves; a wholly unknown argument makes them unknown', async () => {
    const policy = await policyOf(
      `${HEAD}locals {\n  base = { Version = "2012-10-17" }\n}\nresource "aws_iam_policy" "p" {\n` +
        '  policy = jsonencode(merge(local.base, { Statement = concat(\n' +
        '    [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }],\n' +
        '    [{ Effect = "Allow", Action = "s3:GetObject", Resource = aws_s3_bucket.data.arn }],\n' +
        '  ) }))\n}\n',
    );
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: U },
      ],
    });
    const spliced = await policyOf(
      `${HEAD}resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = concat([{ Effect = "Allow" }], var.extra) })\n}\n`,
    );
    expect(spliced).toEqual({ Statement: U });
  });

  it('count.index in a document of a resource past the instance limit is an unknown leaf', async () => {
    const diagnostics: Diagnostic[] = [];
    const [resource] = await parseTerraform(
      [
        {
          path: 'main.tf',
          text:
            'resource "aws_iam_policy" "p" {\n  count  = 20000\n  policy = jsonencode({ Statement = [\n' +
            '    { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::b-${count.index}" },\n' +
            '    { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },\n  ] })\n}\n',
        },
      ],
      diagnostics,
    );
    expect(resource?.attributes.policy).toEqual({
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: U },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      ],
    });
  });
});

describe('data "aws_iam_policy_document" with unknown parts', () => {
  it('statements keep their known parts: list elements, resources, condition values', async () => {
    const policy = await policyOf(
      `${HEAD}data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObject", var.extra]\n` +
        '    resources = [aws_s3_bucket.data.arn, "arn:aws:s3:::logs/*"]\n' +
        '    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceAccount"\n      values   = [var.extra]\n    }\n' +
        '  }\n  statement {\n    actions   = ["iam:PassRole"]\n    resources = ["*"]\n  }\n}\n' +
        FROM_DOCUMENT,
    );
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', U],
          Resource: [U, 'arn:aws:s3:::logs/*'],
          Condition: { StringEquals: { 'aws:SourceAccount': [U] } },
        },
        PASS_ROLE,
      ],
    });
  });

  it('an unknown condition variable makes its test unknown; an unknown test the whole Condition', async () => {
    const condition = (test: string, variable: string) =>
      `  statement {\n    actions   = ["sts:AssumeRole"]\n    resources = ["*"]\n` +
      `    condition {\n      test     = ${test}\n      variable = ${variable}\n      values   = ["x"]\n    }\n` +
      '    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["true"]\n    }\n  }\n';
    const policy = await policyOf(
      `${HEAD}data "aws_iam_policy_document" "d" {\n${condition('"StringEquals"', 'var.extra')}` +
        `${condition('var.extra', '"sts:ExternalId"')}}\n${FROM_DOCUMENT}`,
    );
    const statement = { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['*'] };
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { ...statement, Condition: { StringEquals: U, Bool: { 'aws:SecureTransport': ['true'] } } },
        { ...statement, Condition: U },
      ],
    });
  });

  it('a dynamic statement over an unknown collection is one unknown statement after the known ones', async () => {
    const policy = await policyOf(
      `${HEAD}data "aws_iam_policy_document" "d" {\n  statement {\n    sid       = "Pass"\n    actions   = ["iam:PassRole"]\n    resources = ["*"]\n  }\n` +
        '  dynamic "statement" {\n    for_each = var.extra\n    content {\n      actions = statement.value\n    }\n  }\n' +
        '  dynamic "statement" {\n    for_each = { read = "s3:GetObject" }\n    content {\n      sid     = "Known"\n      actions = [statement.value]\n    }\n  }\n}\n' +
        FROM_DOCUMENT,
    );
    expect(policy).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'Pass', ...PASS_ROLE }, U] });
  });

  it('principals: "*" alone is "*"; identifiers of one type together; an unknown type is an unknown Principal', async () => {
    const principals = (blocks: string[]) =>
      `  statement {\n    actions = ["sts:AssumeRole"]\n${blocks.map((b) => `    principals {\n${b}    }\n`).join('')}  }\n`;
    const policy = await policyOf(
      `${HEAD}data "aws_iam_policy_document" "d" {\n` +
        principals(['      type        = "AWS"\n      identifiers = ["*"]\n']) +
        principals([
          '      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:root"]\n',
          '      type        = "AWS"\n      identifiers = [var.extra]\n',
        ]) +
        principals(['      type        = var.extra\n      identifiers = ["*"]\n']) +
        `}\n${FROM_DOCUMENT}`,
    );
    const assume = { Effect: 'Allow', Action: ['sts:AssumeRole'] };
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { ...assume, Principal: '*' },
        { ...assume, Principal: { AWS: ['arn:aws:iam::111122223333:root', U] } },
        { ...assume, Principal: U },
      ],
    });
  });

  it('source and override documents merge by Sid when known, as the provider merges them', async () => {
    const policy = await policyOf(
      'data "aws_iam_policy_document" "base" {\n  statement {\n    sid       = "Read"\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n  }\n' +
        '  statement {\n    sid       = "Logs"\n    actions   = ["logs:PutLogEvents"]\n    resources = ["*"]\n  }\n}\n' +
        'data "aws_iam_policy_document" "d" {\n  source_policy_documents = [data.aws_iam_policy_document.base.json]\n' +
        '  override_policy_documents = [jsonencode({ Statement = [{ Sid = "Logs", Effect = "Deny", Action = "logs:*", Resource = "*" }] })]\n' +
        '  statement {\n    sid       = "Read"\n    actions   = ["iam:PassRole"]\n    resources = ["*"]\n  }\n}\n' +
        FROM_DOCUMENT,
    );
    expect(JSON.parse(String(policy))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', ...PASS_ROLE },
        { Sid: 'Logs', Effect: 'Deny', Action: 'logs:*', Resource: '*' },
      ],
    });
  });

  it('an unknown source keeps the own statements; an unknown override hides only those with a Sid', async () => {
    const policy = await policyOf(
      `${HEAD}data "aws_iam_policy_document" "d" {\n  source_policy_documents   = [var.extra]\n  override_policy_documents = [module.m.json]\n` +
        '  statement {\n    sid       = "Named"\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n  }\n' +
        '  statement {\n    actions   = ["iam:PassRole"]\n    resources = ["*"]\n  }\n}\n' +
        FROM_DOCUMENT,
    );
    expect(policy).toEqual({ Version: '2012-10-17', Statement: [U, U, PASS_ROLE, U] });
  });

  it('a document built from itself, one nested too deeply and a forged marker in a source are not trusted', async () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const policy = await policyOf(
      'data "aws_iam_policy_document" "d" {\n  source_policy_documents = [\n    data.aws_iam_policy_document.d.json,\n' +
        `    ${JSON.stringify(`{"Statement": [{"Effect": "Allow", "Action": ${deep}}]}`)},\n` +
        `    ${JSON.stringify(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: { __unknown: true } }] }))},\n` +
        '  ]\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}\n' +
        FROM_DOCUMENT,
    );
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        U,
        U,
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: { _raw__unknown: true } },
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] },
      ],
    });
  });
});
