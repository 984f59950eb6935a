import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../../src/policy/library.js';
import { builtinBundleFreshness } from '../../src/policy-toolchain/freshness.js';

const root = join(import.meta.dirname, '../..');

describe('the committed built-in bundle', async () => {
  const bundle = await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin');

  it('is fresh against the .rego sources (npm run policies:build)', async () => {
    const freshness = await builtinBundleFreshness(root);
    expect(freshness.actual, 'policies/dist is stale: run `npm run policies:build`').toBe(freshness.expected);
  });

  it('has an entrypoint for every catalogue rule, and every entrypoint evaluates', async () => {
    const policy = await loadPolicy(bundle.wasm, { initial: 64, maximum: 4096 });
    expect(Object.keys(policy.entrypoints).sort()).toEqual(
      bundle.catalogue.rules.map((r) => r.entrypoint).sort(),
    );
    for (const rule of bundle.catalogue.rules) {
      const probe = {
        key: 'k',
        type: rule.resourceTypes[0],
        id: 'i',
        provider: 'p',
        origin: 'declared',
        attributes: {},
      };
      const input = {
        resources: Object.fromEntries(rule.resourceTypes.map((type) => [type, [{ ...probe, type }]])),
      };
      expect(() => policy.evaluate(input, rule.entrypoint), rule.id).not.toThrow();
      expect(() => policy.evaluate({ resources: {} }, rule.entrypoint), rule.id).not.toThrow();
    }
  });

  it('the catalogue rules have unique ids, full metadata and a test file beside each rule', () => {
    const ids = bundle.catalogue.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of bundle.catalogue.rules) {
      expect(rule.title, rule.id).not.toBe('');
      expect(rule.description, rule.id).not.toBe('');
      expect(rule.remediation, rule.id).toMatch(/resource|data/);
      expect(rule.relatedResources.length, rule.id).toBeGreaterThan(0);
      expect(rule.file, rule.id).toMatch(/^policies\/rules\/(aws|azure)\/[a-z0-9_]+\/[a-z0-9_]+\.rego$/);
      expect(
        existsSync(join(root, rule.file.replace(/\.rego$/, '_test.rego'))),
        `${rule.id} has no _test.rego`,
      ).toBe(true);
      expect(readFileSync(join(root, rule.file), 'utf8')).toContain('import rego.v1');
    }
  });

  it('covers the rule library the compliance issue asks for', () => {
    const ids = new Set(bundle.catalogue.rules.map((r) => r.id));
    for (const id of [
      'DW-AWS-IAM-001',
      'DW-AWS-IAM-002',
      'DW-AWS-IAM-003',
      'DW-AWS-IAM-004',
      'DW-AWS-IAM-005',
      'DW-AWS-IAM-006',
      'DW-AWS-IAM-007',
      'DW-AWS-IAM-008',
      'DW-AWS-IAM-009',
      'DW-AWS-IAM-010',
      'DW-AWS-KMS-001',
      'DW-AWS-S3-001',
      'DW-AWS-S3-004',
      'DW-AWS-S3-003',
      'DW-AWS-EBS-001',
      'DW-AWS-RDS-001',
      'DW-AWS-RDS-002',
      'DW-AWS-DYNAMODB-001',
      'DW-AWS-SNS-001',
      'DW-AWS-SQS-001',
      'DW-AWS-EFS-001',
      'DW-AWS-KMS-002',
      'DW-AWS-CLOUDTRAIL-001',
      'DW-AWS-ELB-001',
      'DW-AWS-ELB-002',
      'DW-AWS-CLOUDFRONT-001',
      'DW-AWS-CLOUDFRONT-002',
      'DW-AZ-IAM-001',
      'DW-AZ-IAM-002',
      'DW-AZ-STORAGE-001',
      'DW-AZ-STORAGE-002',
      'DW-AZ-STORAGE-003',
      'DW-AZ-STORAGE-004',
      'DW-AZ-SQL-001',
      'DW-AZ-KEYVAULT-001',
      'DW-AZ-APPSERVICE-001',
      'DW-AZ-APPSERVICE-002',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});
