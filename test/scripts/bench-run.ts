/** Runs one scan in this process and prints its wall time and peak memory as JSON. Used by bench.ts. */
import { main } from '../../src/cli/main.js';

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
