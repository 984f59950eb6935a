/**
 * The floor `npm run bench` compares the scan with: reads each file given and `JSON.parse`s it, in this process,
 * and prints the time and peak memory as JSON (the same fields as bench-run.ts). The values are kept alive until
 * the end, as the scan keeps what it read.
 */
import { readFileSync } from 'node:fs';

const started = performance.now();
const parsed: unknown[] = [];
for (const file of process.argv.slice(2)) parsed.push(JSON.parse(readFileSync(file, 'utf8')));
const wallMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ code: 0, wallMs: Math.round(wallMs), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), values: parsed.length })}\n`,
);
