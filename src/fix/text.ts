import type { AttributeFix, FixPlan, FixProposal } from './plan.js';
import { CANNOT_PATCH } from './reasons.js';

/**
 * The plan as text, one resource to a paragraph: what the patch accepts (and the refresh-only apply that records
 * it in state), what it cannot patch and why, and the apply that reverts instead. `clean` makes each untrusted
 * piece (addresses, paths, file names) safe for one terminal line.
 */
export function fixText(plan: FixPlan, clean: (text: string) => string): string {
  if (plan.proposals.length === 0) return 'No changed resources: nothing to accept or revert.\n';
  const blocks = plan.proposals.map((proposal) => proposalText(proposal, clean));
  const patched = plan.files.length;
  const summary =
    patched === 0
      ? 'No value could be patched.'
      : `The patch changes ${patched} file${patched === 1 ? '' : 's'}: write it with --patch <file> (or --format patch) and apply it with git apply.`;
  return `${blocks.join('\n')}\n${summary}\n`;
}

function proposalText(proposal: FixProposal, clean: (text: string) => string): string {
  const where = proposal.file === undefined ? '' : ` (${clean(proposal.file)}:${proposal.line})`;
  const lines = [`${clean(proposal.address ?? proposal.key)}${where}`];
  const patched = proposal.attributes.filter((a) => a.patched);
  if (patched.length > 0) {
    lines.push(
      `  accept: patch ${patched.map((a) => `${clean(a.path)} (${subResource(a, clean)}line ${a.line})`).join(', ')}`,
      ...(proposal.refresh ? [`          then ${clean(proposal.refresh)}`] : []),
    );
  }
  if (patched.length > 0 && patched.length < proposal.attributes.length)
    lines.push('          (the next terraform apply reverts what the patch leaves out)');
  for (const attribute of proposal.attributes) {
    if (attribute.patched) continue;
    const line =
      attribute.line === undefined
        ? attribute.address === undefined
          ? ''
          : ` (${clean(attribute.address)})`
        : ` (${subResource(attribute, clean)}line ${attribute.line})`;
    lines.push(`  not patched: ${clean(attribute.path)}${line}: ${CANNOT_PATCH[attribute.why]}`);
  }
  if (proposal.revert) lines.push(`  revert: ${clean(proposal.revert)}`);
  return lines.join('\n');
}

/** A folded attribute's sub-resource and its file (`aws_s3_bucket_versioning.logs, main.tf `), else nothing. */
function subResource(attribute: AttributeFix, clean: (text: string) => string): string {
  if (attribute.address === undefined) return '';
  const file = attribute.file === undefined ? '' : ` in ${clean(attribute.file)}`;
  return `${clean(attribute.address)}${file}, `;
}
