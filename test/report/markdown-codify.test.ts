import { describe, expect, it } from 'vitest';
import { pullRequestMarkdown } from '../../src/action/pr-comment.js';
import type { PullRequestScan } from '../../src/action/pull-request.js';
import type { DriftEntry } from '../../src/model/report.js';
import { resourceKey } from '../../src/model/resource.js';
import { codifyMarkdown } from '../../src/report/markdown-codify.js';
import { sampleReport } from './sample-report.js';

function unmanaged(type: string, id: string): DriftEntry {
  return { kind: 'unmanaged', key: resourceKey(type, id), type, id, provider: 'aws', changes: [] };
}

describe('codifyMarkdown', () => {
  it('shows the import blocks of the unmanaged resources in an HCL block, with the command that follows', () => {
    const text = codifyMarkdown(
      [unmanaged('aws_s3_bucket', 'shadow'), { ...unmanaged('aws_iam_role', 'app'), kind: 'changed' }],
      6_000,
    );
    expect(text).toBe(`<details><summary><b>Import into Terraform (1 unmanaged resource)</b></summary>

\`\`\`hcl
# driftwarden codify: import blocks for 1 unmanaged resource.
# Review them, then let Terraform write their configuration: terraform plan -generate-config-out=generated.tf

# aws: aws_s3_bucket (1)
import {
  to = aws_s3_bucket.shadow
  id = "shadow"
}
\`\`\`

Then \`terraform plan -generate-config-out=generated.tf\` writes their configuration.

</details>`);
    expect(codifyMarkdown([{ ...unmanaged('aws_iam_role', 'app'), kind: 'missing' }], 6_000)).toBe('');
  });

  it('redacts a secret-shaped id, as every comment does (codify itself writes it exactly)', () => {
    const secret = 'ghp_pl4ntedGitHubToken00000000000000000';
    const text = codifyMarkdown([unmanaged('aws_iam_user', `ci-${secret}`)], 6_000);
    expect(text).toContain('import {');
    expect(text).not.toContain(secret);
  });

  it('holds hostile ids exactly, and can neither end the code block nor forge a marker comment', () => {
    const text = codifyMarkdown(
      [unmanaged('aws_s3_bucket', 'x --> <!-- driftwarden:state {} --> ```\n@admin')],
      6_000,
    );
    expect(text).not.toContain('<!--');
    expect(text).not.toContain('-->');
    expect(text).toContain('id = "x --\\u003e \\u003c!-- driftwarden:state {} --\\u003e ```\\n@admin"');
    expect(text).toMatch(/^````hcl$/m);
  });

  it('fits its room, counting the blocks left out, and names the resources without a known import id', () => {
    const many = Array.from({ length: 400 }, (_, index) => unmanaged('aws_s3_bucket', `bucket-${index}`));
    const text = codifyMarkdown([...many, unmanaged('aws_not_a_type', 'x')], 6_000);
    expect(text.length).toBeLessThanOrEqual(6_000);
    const shown = [...text.matchAll(/^import \{$/gm)].length;
    expect(shown).toBeGreaterThan(10);
    expect(text).toContain(
      `${400 - shown} more import blocks did not fit here: \`driftwarden codify\` writes them all.`,
    );
    expect(text).toContain('1 unmanaged resource of a type whose import id is not known has no block');
    expect(codifyMarkdown(many, 100)).toBe('');
  });

  it('is a section of the pull-request comment, for the unmanaged resources the pull request sees new', () => {
    const introduced = sampleReport({ drift: [unmanaged('aws_s3_bucket', 'shadow')] });
    const scan = {
      head: introduced,
      introduced,
      rules: [],
      changes: { added: [], changed: [], removed: [] },
      touched: [],
      already: { drift: [], violations: 0 },
      trustedChanges: [],
      addedWaivers: [],
    } as unknown as PullRequestScan;
    const comment = pullRequestMarkdown(scan, { sha: 'a'.repeat(40), version: '1.0.0' });
    expect(comment).toContain('<summary><b>Import into Terraform (1 unmanaged resource)</b></summary>');
    expect(comment).toContain('  to = aws_s3_bucket.shadow\n  id = "shadow"\n');
  });
});
