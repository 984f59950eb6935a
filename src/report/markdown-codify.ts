import { type CodifyPlan, codifyPlan } from '../codify/plan.js';
import { GENERATE_CONFIG_COMMAND, renderCodify } from '../codify/render.js';
import type { DriftEntry } from '../model/report.js';
import { redactSecretText } from '../model/secret-patterns.js';
import { fencedCode, inlineCode } from './markdown-text.js';
import { plural } from './verdict.js';

/**
 * The "Import into Terraform" section of the pull-request comment and the tracking issue: the import blocks of the
 * unmanaged resources (as `driftwarden codify` writes them) in an HCL code block, within `room` characters. Blocks
 * that do not fit are counted, with the command that writes them all. Values are HCL strings with `<` and `>`
 * escaped, so the block holds them exactly and no marker comment can be forged; empty when nothing is unmanaged.
 */
export function codifyMarkdown(drift: readonly DriftEntry[], room: number): string {
  const unmanaged = drift.filter((entry) => entry.kind === 'unmanaged');
  if (unmanaged.length === 0) return '';
  const { notCodified, ...plan } = codifyPlan(unmanaged, { withConfig: false });
  const total = plan.groups.reduce((sum, group) => sum + group.imports.length, 0);
  const open = `<details><summary><b>Import into Terraform (${plural(unmanaged.length, 'unmanaged resource')})</b></summary>\n\n`;
  const close = '\n\n</details>';
  const code = (text: string) => inlineCode(text, { inTable: false });
  const section = (shown: number) => {
    const hcl = renderCodify(firstImports(plan, shown), false, { forMarkdown: true }).trimEnd();
    const left = total - shown;
    const more =
      left > 0
        ? `\n\n${plural(left, 'more import block')} did not fit here: ${code('driftwarden codify')} writes them all.`
        : '';
    const unknown =
      notCodified.length > 0
        ? `\n\n${plural(notCodified.length, 'unmanaged resource')} of a type whose import id is not known ${notCodified.length === 1 ? 'has' : 'have'} no block: ${code('driftwarden codify')} lists ${notCodified.length === 1 ? 'it' : 'them'}.`
        : '';
    const then = `\n\nThen ${code(GENERATE_CONFIG_COMMAND)} writes their configuration.`;
    // Secret-shaped parts of an id are redacted here, as in every comment and issue: the block is for reading, and
    // `driftwarden codify` writes the exact ids.
    return `${open}${fencedCode('hcl', redactSecretText(hcl))}${more}${unknown}${then}${close}`;
  };
  for (let shown = total; shown >= 0; shown = shown > 8 ? Math.floor(shown / 2) : shown - 1) {
    const text = section(shown);
    if (text.length <= room) return text;
  }
  return '';
}

/** The plan with its first `count` imports, in its own order. */
function firstImports(plan: Omit<CodifyPlan, 'notCodified'>, count: number): CodifyPlan {
  let left = count;
  const groups = [];
  for (const group of plan.groups) {
    if (left <= 0) break;
    groups.push({ ...group, imports: group.imports.slice(0, left) });
    left -= group.imports.length;
  }
  return { ...plan, groups, notCodified: [] };
}
