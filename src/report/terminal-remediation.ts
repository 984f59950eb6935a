import type { Violation } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';

/**
 * A rule's remediation in one line, for the table. Every rule's `remediation` is a Terraform snippet of the fixed
 * configuration, a dozen lines long; the line shows what matters of it for this finding: the snippet's settings
 * named by the finding's path (`kms_master_key_id = aws_kms_key.sns.arn` for a path `kms_master_key_id`), or
 * else the block the snippet declares and all of its settings. The whole snippet is in `policies show <id>`,
 * HTML, Markdown and SARIF.
 */
export function remediationGist(rule: Pick<CatalogueRule, 'remediation'>, violation: Violation): string {
  const lines = rule.remediation
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('//'));
  const settings = lines.flatMap((line) => {
    const match = /^([A-Za-z_][\w-]*)\s*=\s*(\S.*)$/.exec(line);
    return match?.[1] && match[2]
      ? [{ name: match[1], text: `${match[1]} = ${match[2].replace(/\s+/g, ' ')}` }]
      : [];
  });
  const named = new Set((violation.path ?? '').split(/[.[\]]+/).filter(Boolean));
  const matching = settings.filter((setting) => named.has(setting.name));
  if (matching.length > 0) return matching.map((setting) => setting.text).join(', ');
  const block = lines.map((line) => /^(?:resource|data)\s+"([^"]+)"/.exec(line)?.[1]).find(Boolean);
  const body = settings.map((setting) => setting.text).join(', ');
  if (block === undefined) return body || (lines[0] ?? '');
  return body === '' ? block : `${block} { ${body} }`;
}
