import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeRows, typesMarkdown } from '../../src/cli/types-command.js';
import { loadCatalogue } from '../../src/model/types/index.js';
import { packageRoot } from '../../src/util/package-info.js';

/** `npm run docs:types`: rewrites the README's coverage section from the type catalogue. */
export const TYPES_BEGIN = '<!-- types:begin (npm run docs:types writes this section) -->';
export const TYPES_END = '<!-- types:end -->';

export function withTypesSection(readme: string): string {
  const start = readme.indexOf(TYPES_BEGIN);
  const end = readme.indexOf(TYPES_END);
  if (start < 0 || end < start) throw new Error('README.md has no types section markers');
  return `${readme.slice(0, start + TYPES_BEGIN.length)}\n\n${typesMarkdown(typeRows())}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('types-readme.js')) {
  // The azurerm types load on demand (src/model/types/index.ts): the README lists every provider's.
  await loadCatalogue();
  const path = join(packageRoot(), 'README.md');
  writeFileSync(path, withTypesSection(readFileSync(path, 'utf8')));
  console.log('wrote the types section of README.md');
}
