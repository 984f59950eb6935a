/**
 * A user rule written to the library's conventions (`# METADATA` with an id, severity, category, resource types and
 * a remediation; `data.driftwarden.lib.result` helpers), for tests that compile rules with the real opa.
 */
export function ruleHeader(
  id: string,
  options: { title?: string; types?: string; custom?: string[] } = {},
): string {
  return `# METADATA
# title: ${options.title ?? 'test rule'} ${id}
# description: a rule for tests
# scope: package
# related_resources:
#   - https://example.com
# custom:
#   id: ${id}
#   severity: high
#   category: encryption
#   resource_types: ${options.types ?? '[aws_s3_bucket]'}
${(options.custom ?? []).map((line) => `#   ${line}\n`).join('')}#   remediation: |
#     resource "aws_s3_bucket" "b" {}
package user.rules.r${id.replaceAll('-', '_').toLowerCase()}

import data.driftwarden.lib.result
import rego.v1
`;
}

/** A rule with one finding (at `path`, saying `message`) per resource of its types for which `condition` holds. */
export function userRule(
  id: string,
  condition: string,
  options: { types?: string; path?: string; message?: string; custom?: string[] } = {},
): string {
  return `${ruleHeader(id, options)}
deny contains result.finding(rego.metadata.chain(), r, "${options.path ?? 'tags.Name'}", "${options.message ?? 'found'}") if {
	some r in result.resources(rego.metadata.chain())
	${condition}
}
`;
}
