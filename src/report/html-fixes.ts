import { redactSecretText } from '../model/secret-patterns.js';
import { html, type SafeHtml } from './html-escape.js';
import type { Fix } from './remediation.js';

/**
 * "How to fix": per violated rule, what it judges and the Terraform snippet of its remediation, collapsed; a
 * violation's "How to fix" button opens its rule's entry (`fix-<rule id>`). One entry per rule, not per violation,
 * so that 25,000 violations of a few rules add a few snippets to the file.
 */
export function fixesSection(fixes: readonly Fix[]): SafeHtml | '' {
  if (fixes.length === 0) return '';
  const entries = fixes.map(
    (fix) =>
      html`<details id="fix-${fix.ruleId}"><summary><code>${fix.ruleId}</code> ${fix.title} <span class="sub">${fix.violations} ${fix.violations === 1 ? 'violation' : 'violations'}</span></summary>
<p>${redactSecretText(fix.description)}</p><pre><code>${fix.remediation}</code></pre></details>`,
  );
  return html`<section class="panel fixes table-panel" id="fixes"><div class="panel-head"><h2>How to fix (${fixes.length} ${fixes.length === 1 ? 'rule' : 'rules'})</h2></div>
<div class="fix-list">${entries}</div></section>`;
}
