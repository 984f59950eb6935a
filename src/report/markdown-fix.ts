import type { AttributeFix, FixPlan, FixProposal } from '../fix/plan.js';
import { CANNOT_PATCH } from '../fix/reasons.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { fencedCode, inlineCode, markdownText } from './markdown-text.js';

/**
 * The accept-or-revert choice for the changed resources, in the pull-request comment and the tracking issue: a
 * table of what a patch to the code accepts (or why it cannot), with the refresh-only apply after it, and the
 * targeted apply that reverts instead; then the patch itself, folded. Bounded by `budget` characters: rows past
 * it are counted, and a patch that does not fit is left to `driftwarden fix`. Every address, path and file is a
 * code span; the patch is a fenced block, its code lines with secret-shaped parts redacted (it is for reading
 * here: `driftwarden fix --patch` writes the one to apply).
 */
const MAX_ROWS = 50;

export function fixMarkdown(plan: FixPlan | undefined, budget: number): string {
  if (plan === undefined || plan.proposals.length === 0) return '';
  const head = [
    '### Accept or revert the changes',
    '',
    '| Resource | Accept the live value | Revert the cloud to the code |',
    '| --- | --- | --- |',
  ];
  const rows: string[] = [];
  let used = head.join('\n').length + 200;
  for (const proposal of plan.proposals.slice(0, MAX_ROWS)) {
    const row = rowOf(proposal);
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
  }
  const left = plan.proposals.length - rows.length;
  const parts = [[...head, ...rows].join('\n')];
  if (left > 0)
    parts.push(`And ${left} more changed resource${left === 1 ? '' : 's'}: run \`driftwarden fix\`.`);
  if (plan.patch !== '') {
    const block = fencedCode('diff', redactSecretText(plan.patch));
    const files = `${plan.files.length} file${plan.files.length === 1 ? '' : 's'}`;
    parts.push(
      used + block.length + 120 <= budget
        ? `<details><summary>The patch (${files}; <code>driftwarden fix --patch fix.patch</code> writes it for <code>git apply</code>)</summary>\n\n${block}\n\n</details>`
        : `The patch (${files}) is too long to show here: \`driftwarden fix --patch fix.patch\` writes it.`,
    );
  }
  return parts.join('\n\n');
}

function rowOf(proposal: FixProposal): string {
  const code = (text: string) => inlineCode(text, { max: 200 });
  const resource = code(proposal.address ?? proposal.key);
  const accept: string[] = [];
  const patched = proposal.attributes.filter((attribute) => attribute.patched);
  if (patched.length > 0) {
    const where = (attribute: AttributeFix & { line: number }) => {
      const file = attribute.file ?? proposal.file;
      const sub = attribute.address === undefined ? '' : ` in ${code(attribute.address)}`;
      return file === undefined ? sub : `${sub} at ${code(`${file}:${attribute.line}`)}`;
    };
    accept.push(
      `patch ${patched.map((attribute) => `${code(attribute.path)}${where(attribute)}`).join(', ')}`,
    );
    if (proposal.refresh) accept.push(`then ${code(proposal.refresh)}`);
    if (patched.length < proposal.attributes.length)
      accept.push('(the next `terraform apply` reverts what the patch leaves out)');
  }
  for (const attribute of proposal.attributes) {
    if (attribute.patched) continue;
    const sub = attribute.address === undefined ? '' : ` (${code(attribute.address)})`;
    accept.push(`${code(attribute.path)}${sub} not patched: ${markdownText(CANNOT_PATCH[attribute.why])}`);
  }
  const revert = proposal.revert ? code(proposal.revert) : 'not a Terraform resource';
  return `| ${resource} | ${accept.join('<br>')} | ${revert} |`;
}
