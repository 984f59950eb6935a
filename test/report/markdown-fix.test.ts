import { describe, expect, it } from 'vitest';
import { CodeFile } from '../../src/fix/code-index.js';
import { planFixes } from '../../src/fix/plan.js';
import type { DriftEntry } from '../../src/model/report.js';
import { fixMarkdown } from '../../src/report/markdown-fix.js';

function changed(address: string, changes: DriftEntry['changes']): DriftEntry {
  return {
    kind: 'changed',
    key: address,
    type: 'aws_sqs_queue',
    id: address,
    provider: 'aws',
    address,
    changes,
  };
}

const CODE = 'resource "aws_sqs_queue" "q" {\n  delay_seconds = 0\n  name = var.name\n}\n';

describe('the accept-or-revert section of the comment and the issue', () => {
  it('gives each resource its patch or the reason, the refresh-only apply and the revert, and folds the patch', () => {
    const plan = planFixes(
      [
        changed('aws_sqs_queue.q', [
          { path: 'delay_seconds', declared: 0, live: 5 },
          { path: 'name', declared: 'a', live: 'b' },
        ]),
      ],
      [new CodeFile('infra/q.tf', CODE)],
    );
    const markdown = fixMarkdown(plan, 6_000);
    expect(markdown.split('\n').slice(0, 5)).toEqual([
      '### Accept or revert the changes',
      '',
      '| Resource | Accept the live value | Revert the cloud to the code |',
      '| --- | --- | --- |',
      '| `aws_sqs_queue.q` | patch `delay_seconds` at `infra/q.tf:2`<br>then `terraform apply -refresh-only -target=aws_sqs_queue.q`<br>(the next `terraform apply` reverts what the patch leaves out)<br>`name` not patched: the value comes from a variable \\(var\\.\\*\\): change its value where it is set | `terraform apply -target=aws_sqs_queue.q` |',
    ]);
    expect(markdown).toContain('```diff\ndiff --git a/infra/q.tf b/infra/q.tf\n');
    expect(markdown).toContain('-  delay_seconds = 0\n+  delay_seconds = 5\n');
    expect(fixMarkdown(planFixes([], []), 6_000)).toBe('');
  });

  it('keeps hostile addresses inert and stays within its budget', () => {
    const hostile = changed('aws_sqs_queue.x`|<!-- @team #1', [{ path: 'a', declared: 1, live: 2 }]);
    const markdown = fixMarkdown(planFixes([hostile], []), 6_000);
    expect(markdown).toContain('| ``aws_sqs_queue.x`\\|<\u200b!-- @team #1`` |');
    expect(markdown).not.toContain('<!--');
    const many = Array.from({ length: 300 }, (_, i) =>
      changed(`aws_sqs_queue.q${i}`, [{ path: 'a', declared: 1, live: 2 }]),
    );
    const bounded = fixMarkdown(planFixes(many, []), 6_000);
    expect(bounded.length).toBeLessThanOrEqual(6_000);
    expect(bounded).toMatch(/\nAnd 2\d\d more changed resources: run `driftwarden fix`\.$/);
  });
});
