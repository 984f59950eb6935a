/**
 * The published CLI (package.json `bin`): src/cli/bin.ts bundled by esbuild into dist/cli/, one ES module per lazily
 * imported command plus the chunks they share, so that `--help` loads the dispatcher alone and a scan a handful of
 * files instead of the ~410 modules of dist/src (Node's loader opening, resolving and linking each one was most of
 * a scan's start-up: BENCHMARKS.md). `npm run build` and the package's prepack both run it.
 *
 * The heavy packages stay outside the bundle and load from node_modules when a command needs them, as they do from
 * dist/src: the cloud SDKs, opa-wasm (the policy workers resolve it from the installed package too, see
 * src/policy/worker-pool.ts), hcl2json (which reads its main.wasm.gz beside itself), simple-git, json-diff and
 * Octokit (the Action's only). Everything the CLI reads from the package (policies/dist, policies/lib,
 * src/model/schemas) is found by packageRoot(), which walks up from dist/cli as it does from dist/src.
 */
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../../src/util/package-info.js';

const EXTERNAL = [
  '@aws-sdk/*',
  '@smithy/*',
  '@azure/*',
  '@open-policy-agent/opa-wasm',
  '@cdktf/hcl2json',
  'simple-git',
  '@octokit/*',
  'json-diff',
  // The history store's drivers: better-sqlite3 loads its native addon beside itself; pg, its optional pg-native.
  'better-sqlite3',
  'pg',
];

export async function bundleCli(outdir: string): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(packageRoot(), 'src/cli/bin.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Readable stack traces for bug reports; minifying saves little of the start-up (parsing is not the cost).
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    // The bundled CommonJS dependencies call require(), which ES modules lack.
    banner: {
      js: "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);",
    },
  });
  chmodSync(join(outdir, 'bin.js'), 0o755);
}

if (process.argv[1]?.endsWith('bundle-cli.js')) {
  await bundleCli(join(packageRoot(), 'dist/cli'));
}
