import { describe, expect, it } from 'vitest';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { MARKDOWN_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { fixesFor } from '../../src/report/remediation.js';
import { sampleReport } from './sample-report.js';

function rule(id: string, remediation: string, title = `Title of ${id}`): CatalogueRule {
  return {
    id,
    title,
    description: `What ${id} judges.`,
    severity: 'high',
    category: 'iam',
    resourceTypes: ['aws_iam_policy'],
    controls: [],
    remediation,
    equivalents: { checkov: [], trivy: [] },
    relatedResources: [],
    entrypoint: 'x/deny',
    file: 'x.rego',
  };
}

const IAM = rule(
  'DW-AWS-IAM-001',
  'data "aws_iam_policy_document" "app" {\n  statement {\n    actions = ["s3:GetObject"]\n  }\n}\n',
);

describe('how to fix, in the reports', () => {
  it('one fix per violated rule, in the order of the violations, with how many violations it fixes', () => {
    const report = sampleReport();
    report.violations.push({ ...report.violations[0]!, key: 'aws_iam_policy.other', id: 'other' });
    const fixes = fixesFor(report.violations, [
      rule('DW-AWS-S3-003', 'x = 1\n'),
      IAM,
      rule('DW-UNUSED', 'y'),
    ]);
    expect(fixes.map((f) => [f.ruleId, f.violations, f.remediation])).toEqual([
      ['DW-AWS-IAM-001', 2, IAM.remediation.trimEnd()],
      ['DW-AWS-S3-003', 1, 'x = 1'],
    ]);
  });

  it('a rule the catalogue does not list, or with a blank remediation, has no fix: none is made up', () => {
    expect(fixesFor(sampleReport().violations, [rule('DW-AWS-S3-003', ' \n')])).toEqual([]);
    expect(fixesFor(sampleReport().violations, [])).toEqual([]);
  });

  it('markdown: a collapsed How to fix section after the tables, each rule with its Terraform snippet', () => {
    const md = renderMarkdown(sampleReport(), MARKDOWN_LIMIT, [IAM]);
    expect(md).toContain(
      [
        '<details><summary><b>How to fix (1 rule)</b></summary>',
        '',
        '`DW-AWS-IAM-001` Title of DW\\-AWS\\-IAM\\-001 (1 violation)',
        '',
        '```hcl',
        IAM.remediation.trimEnd(),
        '```',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(md.indexOf('How to fix')).toBeGreaterThan(md.indexOf('Policy violations (2)'));
    expect(renderMarkdown(sampleReport())).not.toContain('How to fix');
  });

  it('markdown: a remediation cannot end its code block or open an HTML comment', () => {
    const hostile = rule('DW-AWS-IAM-001', '```\n<!-- driftwarden:state -->\n````', '*bold* @alice');
    const md = renderMarkdown(sampleReport(), MARKDOWN_LIMIT, [hostile]);
    expect(md).toContain('\n`````hcl\n```\n<\u200b!-- driftwarden:state -\u200b->\n````\n`````\n');
    expect(md).toContain('\\*bold\\* @&#8203;alice');
    expect(md).not.toContain('<!--');
  });

  it('markdown: within the limit, the rules that do not fit are named with the command that shows them', () => {
    const report = sampleReport();
    report.violations = Array.from({ length: 40 }, (_, i) => ({
      ...report.violations[0]!,
      ruleId: `DW-AWS-IAM-${String(i).padStart(3, '0')}`,
    }));
    const rules = report.violations.map((v) => rule(v.ruleId, `# ${'x'.repeat(200)}\n`));
    const limit = 8_000;
    const md = renderMarkdown(report, limit, rules);
    expect(md.length).toBeLessThanOrEqual(limit);
    const shown = md.split('\n').filter((line) => line.startsWith('```hcl')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(40);
    const left = rules.slice(shown).map((r) => `\`${r.id}\``);
    expect(md).toContain(`\nRun \`driftwarden policies show <id>\` for ${left.join(', ')}.\n\n</details>\n`);
  });
});
