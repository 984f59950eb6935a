import { usageError } from '../errors.js';
import {
  type CoverageLevel,
  isProviderLoaded,
  levelOf,
  RESOURCE_TYPES,
  sourcesOf,
} from '../model/types/index.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { parseCommandOptions } from './args.js';
import type { CliIo } from './io.js';

export const TYPES_HELP = `Usage:
  driftwarden types [--format table|json|markdown] [--provider aws|azurerm]
      list the resource types driftwarden knows: each canonical type, the sources that describe it, and what the
      live side compares of it (existence, tags or attributes; "-" for a type only code and state describe)
`;

/** One row of the catalogue, as `types --format json` prints it. */
export interface TypeRow {
  type: string;
  provider: string;
  /** `null` for a type no live source reads: it is checked by the policies, never compared live. */
  level: CoverageLevel | null;
  sources: string[];
}

export function typeRows(provider?: string): TypeRow[] {
  // A list of every type must not be a list of the loaded ones: the azurerm types load on demand.
  if (!isProviderLoaded('azurerm')) throw new Error('typeRows: the catalogue is not loaded (loadCatalogue)');
  return RESOURCE_TYPES.filter((type) => provider === undefined || type.provider === provider)
    .map((type) => ({
      type: type.type,
      provider: type.provider,
      level: levelOf(type) ?? null,
      sources: sourcesOf(type),
    }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

export function typesCommand(argv: readonly string[], io: CliIo): ExitCode {
  if (argv[0] === '--help' || argv[0] === 'help') {
    io.stdout.write(TYPES_HELP);
    return EXIT.clean;
  }
  const values = parse(argv);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'markdown')
    throw usageError(`--format ${format}: unknown format (known: table, json, markdown)`);
  const provider = values.provider;
  if (provider !== undefined && provider !== 'aws' && provider !== 'azurerm')
    throw usageError(`--provider ${provider}: unknown provider (known: aws, azurerm)`);
  const rows = typeRows(provider);
  if (format === 'json') io.stdout.write(`${JSON.stringify({ types: rows }, null, 2)}\n`);
  else if (format === 'markdown') io.stdout.write(typesMarkdown(rows));
  else io.stdout.write(typesTable(rows));
  return EXIT.clean;
}

function parse(argv: readonly string[]): { format?: string; provider?: string } {
  const options = { format: { type: 'string' }, provider: { type: 'string' } } as const;
  return parseCommandOptions(argv, options, 'types') as { format?: string; provider?: string };
}

const LEVELS: readonly (CoverageLevel | null)[] = ['attributes', 'tags', 'existence', null];

/** Counts per provider and level, the line both the table and the README start with. */
function summary(rows: readonly TypeRow[]): string[] {
  const providers = [...new Set(rows.map((row) => row.provider))].sort();
  return providers.map((provider) => {
    const own = rows.filter((row) => row.provider === provider);
    const counts = LEVELS.map((level) => {
      const count = own.filter((row) => row.level === level).length;
      return `${count} ${level ?? 'code and state only'}`;
    });
    return `${provider}: ${own.length} types (${counts.join(', ')})`;
  });
}

function typesTable(rows: readonly TypeRow[]): string {
  const header = ['TYPE', 'LEVEL', 'SOURCES'];
  const cells = rows.map((row) => [row.type, row.level ?? '-', row.sources.join(', ')]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)),
  );
  const line = (cell: readonly string[]) =>
    cell
      .map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column] ?? 0)))
      .join('  ');
  return `${[line(header), ...cells.map(line), '', ...summary(rows)].join('\n')}\n`;
}

/** The README's coverage section: the counts, then every type. */
export function typesMarkdown(rows: readonly TypeRow[]): string {
  const body = rows.map(
    (row) => `| \`${row.type}\` | ${row.level ?? 'code and state only'} | ${row.sources.join(', ')} |`,
  );
  return [
    ...summary(rows).map((line) => `- ${line}`),
    '',
    `<details><summary>Every type (${rows.length})</summary>`,
    '',
    '| Type | Compared live | Sources |',
    '| --- | --- | --- |',
    ...body,
    '',
    '</details>',
    '',
  ].join('\n');
}
