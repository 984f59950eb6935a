import { describe, expect, it } from 'vitest';
import { parseInlineWaivers } from '../../src/connector/inline-waivers.js';
import type { Diagnostic, Violation } from '../../src/model/report.js';
import { applyWaivers } from '../../src/policy/waivers.js';

const violation = (ruleId: string, key: string, origin: 'declared' | 'live' = 'declared'): Violation => ({
  ruleId,
  title: 't',
  severity: 'high',
  category: 'iam',
  key,
  type: key.split('.')[0] ?? '',
  id: key.split('.').slice(1).join('.'),
  origin,
  message: 'm',
});

const TODAY = new Date('2026-11-28T10:00:00Z');

describe('config waivers', () => {
  it('waives matching findings, keeps them listed with the waiver, and leaves the rest', () => {
    const diagnostics: Diagnostic[] = [];
    const outcome = applyWaivers(
      [
        violation('DW-AWS-IAM-001', 'aws_iam_policy.arn:aws:iam::1:policy/legacy-admin'),
        violation('DW-AWS-IAM-001', 'aws_iam_policy.arn:aws:iam::1:policy/new'),
      ],
      [
        {
          rule: 'DW-AWS-IAM-001',
          resource: 'aws_iam_policy.arn:aws:iam::*:policy/legacy-*',
          reason: 'tracked in OPS-12',
          expires: '2026-12-31',
        },
      ],
      () => [],
      TODAY,
      diagnostics,
    );
    expect(outcome.violations.map((v) => v.key)).toEqual(['aws_iam_policy.arn:aws:iam::1:policy/new']);
    expect(outcome.waived).toHaveLength(1);
    expect(outcome.waived[0]?.waiver).toEqual({
      reason: 'tracked in OPS-12',
      source: 'config waivers[0]',
      expires: '2026-12-31',
    });
    expect(diagnostics).toEqual([]);
  });

  it('an expired waiver stops applying, and the report says so', () => {
    const diagnostics: Diagnostic[] = [];
    const outcome = applyWaivers(
      [violation('DW-AWS-S3-002', 'aws_s3_bucket.b')],
      [{ rule: 'DW-AWS-S3-002', resource: 'aws_s3_bucket.*', reason: 'migration', expires: '2026-11-27' }],
      () => [],
      TODAY,
      diagnostics,
    );
    expect(outcome.violations).toHaveLength(1);
    expect(outcome.waived).toEqual([]);
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'waiver.expired',
        message:
          'the waiver of DW-AWS-S3-002 for aws_s3_bucket.* expired on 2026-11-27 and no longer applies (migration)',
        source: 'config waivers[0]',
      },
    ]);
  });

  it('a waiver that expires today still applies today', () => {
    const outcome = applyWaivers(
      [violation('DW-AWS-S3-002', 'aws_s3_bucket.b')],
      [{ rule: 'DW-AWS-*', resource: 'aws_s3_bucket.b', reason: 'r', expires: '2026-11-28' }],
      () => [],
      TODAY,
      [],
    );
    expect(outcome.waived).toHaveLength(1);
  });

  it('inline waivers apply to their own resource and rule only', () => {
    const outcome = applyWaivers(
      [
        violation('DW-AWS-IAM-001', 'aws_iam_policy.a'),
        violation('DW-AWS-IAM-002', 'aws_iam_policy.a'),
        violation('DW-AWS-IAM-001', 'aws_iam_policy.a', 'live'),
      ],
      [],
      (key, origin) =>
        key === 'aws_iam_policy.a' && origin === 'declared'
          ? [{ rule: 'DW-AWS-IAM-001', reason: 'break-glass', source: 'iam.tf:3' }]
          : [],
      TODAY,
      [],
    );
    expect(outcome.waived.map((v) => [v.ruleId, v.origin, v.waiver.source])).toEqual([
      ['DW-AWS-IAM-001', 'declared', 'iam.tf:3'],
    ]);
    expect(outcome.violations.map((v) => [v.ruleId, v.origin])).toEqual([
      ['DW-AWS-IAM-002', 'declared'],
      ['DW-AWS-IAM-001', 'live'],
    ]);
  });
});

describe('inline waiver comments', () => {
  const tf = [
    'resource "aws_s3_bucket" "other" {}',
    '',
    '# driftwarden:ignore DW-AWS-IAM-001 break-glass role, reviewed quarterly',
    '# a plain comment',
    'resource "aws_iam_policy" "admin" {',
    '  // driftwarden:ignore DW-AWS-IAM-002, DW-AWS-IAM-003',
    '  policy = "{}"',
    '}',
    '# driftwarden:ignore DW-AWS-S3-002 belongs to the next block',
  ].join('\n');

  it('reads comments directly above the block and inside it, and nothing else', () => {
    expect(parseInlineWaivers(tf, 'iam.tf', 5, 8)).toEqual([
      { rule: 'DW-AWS-IAM-001', reason: 'break-glass role, reviewed quarterly', source: 'iam.tf:3' },
      { rule: 'DW-AWS-IAM-002', reason: '(no reason given)', source: 'iam.tf:6' },
      { rule: 'DW-AWS-IAM-003', reason: '(no reason given)', source: 'iam.tf:6' },
    ]);
    expect(parseInlineWaivers(tf, 'iam.tf', 1, 1)).toEqual([]);
  });
});

describe("Checkov's and Trivy's inline comments", () => {
  const tf = [
    '#tfsec:ignore:aws-s3-enable-bucket-encryption trivy:ignore:AVD-AWS-0086:exp:2027-01-31',
    'resource "aws_s3_bucket" "b" {',
    '  #checkov:skip=CKV_AWS_18,CKV2_AWS_6: logs go to the central account',
    '  # bridgecrew:skip=CKV_AWS_21',
    '  description = "not a comment: checkov:skip=CKV_AWS_1 trivy:ignore:AVD-AWS-0001"',
    '  acl = "private" // trivy:ignore:AWS-0092[ws:staging]',
    '}',
  ].join('\n');

  it('reads them as Checkov or Trivy ids with reasons and expiry, and only in comments', () => {
    expect(parseInlineWaivers(tf, 'b.tf', 2, 7)).toEqual([
      {
        rule: 'aws-s3-enable-bucket-encryption',
        reason: '(no reason given)',
        source: 'b.tf:1',
        scanner: 'trivy',
      },
      {
        rule: 'AVD-AWS-0086',
        reason: '(no reason given)',
        source: 'b.tf:1',
        scanner: 'trivy',
        expires: '2027-01-31',
      },
      { rule: 'CKV_AWS_18', reason: 'logs go to the central account', source: 'b.tf:3', scanner: 'checkov' },
      { rule: 'CKV2_AWS_6', reason: 'logs go to the central account', source: 'b.tf:3', scanner: 'checkov' },
      { rule: 'CKV_AWS_21', reason: '(no reason given)', source: 'b.tf:4', scanner: 'checkov' },
    ]);
  });

  it('waive the rules naming the check as an equivalent; Trivy short and AVD ids are one check', () => {
    const equivalents = new Map([
      ['DW-AWS-S3-001', { checkov: ['CKV_AWS_19'], trivy: ['AVD-AWS-0088'] }],
      ['DW-AWS-S3-003', { checkov: ['CKV_AWS_145'], trivy: [] }],
    ]);
    const inline = () => [
      { rule: 'AWS-0088', reason: '(no reason given)', source: 'b.tf:1', scanner: 'trivy' as const },
      { rule: 'CKV_AWS_19', reason: 'twice', source: 'b.tf:2', scanner: 'checkov' as const },
      { rule: 'DW-AWS-S3-003', reason: 'own', source: 'b.tf:3' },
    ];
    const outcome = applyWaivers(
      [
        violation('DW-AWS-S3-001', 'aws_s3_bucket.b'),
        violation('DW-AWS-S3-003', 'aws_s3_bucket.b'),
        violation('DW-AWS-IAM-001', 'aws_s3_bucket.b'),
      ],
      [],
      inline,
      TODAY,
      [],
      equivalents,
    );
    expect(outcome.waived.map((v) => [v.ruleId, v.waiver])).toEqual([
      ['DW-AWS-S3-001', { reason: '(no reason given)', source: 'b.tf:1', equivalent: 'AWS-0088' }],
      ['DW-AWS-S3-003', { reason: 'own', source: 'b.tf:3' }],
    ]);
    expect(outcome.violations.map((v) => v.ruleId)).toEqual(['DW-AWS-IAM-001']);
  });

  it('a long line of near-misses is no waiver (and the patterns cannot backtrack on it)', () => {
    const line = `# ${'checkov:skip=,'.repeat(20_000)} ${'trivy:ignore:'.repeat(20_000)}`;
    expect(parseInlineWaivers(`${line}\nresource "x" "y" {}`, 'x.tf', 2, 2)).toEqual([]);
  });
});
