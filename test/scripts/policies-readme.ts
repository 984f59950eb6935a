import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policiesMarkdown } from '../../src/cli/policies-command.js';
import { catalogueSchema } from '../../src/policy/catalogue.js';
import { BUILTIN_POLICY_DIRS } from '../../src/policy/library.js';
import { packageRoot } from '../../src/util/package-info.js';

/** `npm run docs:policies`: rewrites policies/README.md's rule catalogue from the built bundle's catalogue. */
export const POLICIES_BEGIN = '<!-- policies:begin (npm run docs:policies writes this section) -->';
export const POLICIES_END = '<!-- policies:end -->';

export function withPoliciesSection(readme: string): string {
  const start = readme.indexOf(POLICIES_BEGIN);
  const end = readme.indexOf(POLICIES_END);
  if (start < 0 || end < start) throw new Error('policies/README.md has no catalogue section markers');
  const catalogue = catalogueSchema.parse(
    JSON.parse(readFileSync(join(packageRoot(), BUILTIN_POLICY_DIRS.dist, 'catalogue.json'), 'utf8')),
  );
  return `${readme.slice(0, start + POLICIES_BEGIN.length)}\n\n${policiesMarkdown(catalogue.rules)}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('policies-readme.js')) {
  const path = join(packageRoot(), 'policies', 'README.md');
  writeFileSync(path, withPoliciesSection(readFileSync(path, 'utf8')));
  console.log('wrote the rule catalogue of policies/README.md');
}
