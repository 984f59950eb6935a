import { describe, expect, it } from 'vitest';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { render } from '../../src/report/index.js';
import { renderLazily } from '../../src/report/render-lazily.js';
import { PLAIN_STYLE } from '../../src/report/style.js';
import { sampleReport } from './sample-report.js';

/** A rule the sample report's violations name, so that the formats that describe rules have one to describe. */
const RULES: CatalogueRule[] = [
  {
    id: 'DW-AWS-S3-003',
    title: 'S3 bucket allows public ACLs',
    severity: 'critical',
    description: 'S3 bucket allows public ACLs.\nThe long description.',
    category: 'network',
    resourceTypes: ['aws_s3_bucket'],
    controls: ['CIS-AWS-2.1.5'],
    remediation: 'resource "aws_s3_bucket_public_access_block" "logs" {\n  block_public_acls = true\n}\n',
    equivalents: { checkov: [], trivy: [] },
    relatedResources: ['https://docs.example.com/dw-aws-s3-003'],
    entrypoint: 'driftwarden/rules/dw_aws_s3_003/deny',
    file: 'policies/rules/dw-aws-s3-003.rego',
  },
];

describe('renderLazily: each format imported when it is rendered', () => {
  it.each(REPORT_FORMATS)('renders %s exactly as render does', async (format) => {
    const context = {
      rules: RULES,
      sarifFallback: 'driftwarden.yml',
      style: PLAIN_STYLE,
      terminal: { width: 120 },
    };
    const lazily = await renderLazily(format, sampleReport(), context);
    expect(lazily.length).toBeGreaterThan(100);
    expect(lazily).toBe(render(format, sampleReport(), context));
  });

  it('passes the rules and the SARIF fallback file to the formats that use them', async () => {
    const sarif = JSON.parse(
      await renderLazily('sarif', sampleReport(), { rules: RULES, sarifFallback: 'x.yml' }),
    );
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('DW-AWS-S3-003');
    expect(await renderLazily('html', sampleReport(), { rules: RULES })).toContain(
      'S3 bucket allows public ACLs',
    );
    expect(await renderLazily('junit', sampleReport(), { rules: RULES })).toContain('DW-AWS-S3-003');
  });
});
