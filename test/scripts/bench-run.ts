/**
 * Runs one scan in this process and prints its wall time and peak memory as JSON. Used by bench.ts.
 *
 * The scan is the shipped CLI's (package.json `bin`: the esbuild bundle in dist/cli, test/scripts/bundle-cli.ts),
 * imported as its bin.js imports it, so that what loads inside the timed scan is what loads when a user runs one:
 * the bundle's merged chunks, not the ~400 modules of tsc's dist/src.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { main as Main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/util/package-info.js';

const cli = join(packageRoot(), 'dist', 'cli');
const chunk = /import\("(\.\/chunks\/main-[A-Z0-9]+\.js)"\)/.exec(
  readFileSync(join(cli, 'bin.js'), 'utf8'),
)?.[1];
if (!chunk) throw new Error('dist/cli/bin.js imports no main chunk: run `npm run build`');
const { main } = (await import(pathToFileURL(join(cli, chunk)).href)) as { main: typeof Main };

const started = performance.now();
let bytes = 0;
const code = await main(process.argv.slice(2), {
  stdout: { write: (text: string) => (bytes += text.length) },
  stderr: { write: (text: string) => process.stderr.write(text) },
  env: {},
  cwd: process.cwd(),
});
const wallMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ code, wallMs: Math.round(wallMs), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), outputBytes: bytes })}\n`,
);
