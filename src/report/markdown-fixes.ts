import { fencedCode, inlineCode, markdownText } from './markdown-text.js';
import type { Fix } from './remediation.js';
import { plural } from './verdict.js';

/**
 * The "How to fix" section of the Markdown report: per violated rule, its title and the Terraform snippet of its
 * remediation, within `room` characters. Rules that do not fit are named, with the command that shows them, so
 * that no violation is left without a way to its fix.
 */
export function fixesMarkdown(fixes: readonly Fix[], room: number): string {
  if (fixes.length === 0) return '';
  const open = `\n<details><summary><b>How to fix (${plural(fixes.length, 'rule')})</b></summary>\n`;
  const close = '\n</details>\n';
  const rest = (left: readonly Fix[]) =>
    left.length === 0
      ? ''
      : `\nRun ${inlineCode('driftwarden policies show <id>', { inTable: false })} for ${left.map((f) => inlineCode(f.ruleId, { inTable: false })).join(', ')}.\n`;
  const restBudget = (left: readonly Fix[]) => rest(left).length;
  let out = open;
  let shown = 0;
  for (const fix of fixes) {
    const block = `\n${inlineCode(fix.ruleId, { inTable: false })} ${markdownText(fix.title)} (${plural(fix.violations, 'violation')})\n\n${fencedCode('hcl', fix.remediation)}\n`;
    if (out.length + block.length + restBudget(fixes.slice(shown + 1)) + close.length > room) break;
    out += block;
    shown++;
  }
  const left = fixes.slice(shown);
  if (shown === 0 && out.length + rest(left).length + close.length > room) return '';
  return out + rest(left) + close;
}
