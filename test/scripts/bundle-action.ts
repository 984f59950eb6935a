/**
 * `npm run action:bundle`: bundles the GitHub Action into dist/action/index.js, which is committed (the runner
 * executes it without installing anything). A test rebuilds it and fails when the committed file is stale.
 */
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../../src/util/package-info.js';

export async function bundleAction(outfile: string): Promise<void> {
  await build({
    entryPoints: [`${packageRoot()}/src/action/index.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // `performance` is a global in Node; hcl2json only requires it where it is missing. better-sqlite3 is a native
    // addon the bundle cannot carry: the history store runs on node24's own node:sqlite instead
    // (src/history/sqlite-driver.ts).
    external: ['performance', 'better-sqlite3'],
    // Some dependencies are CommonJS and call require() or read files beside themselves; ESM output needs both
    // defined. hcl2json reads `${__dirname}/../main.wasm.gz`, so __dirname is a folder inside dist/action and the
    // WebAssembly module is copied beside the bundle.
    banner: {
      js: [
        "import { createRequire as __dwCreateRequire } from 'node:module';",
        "import { dirname as __dwDirname, join as __dwJoin } from 'node:path';",
        "import { fileURLToPath as __dwFileURLToPath } from 'node:url';",
        'const require = __dwCreateRequire(import.meta.url);',
        "const __dirname = __dwJoin(__dwDirname(__dwFileURLToPath(import.meta.url)), 'lib');",
      ].join(' '),
    },
  });
  // The policy engine's workers load opa-wasm on their own: a self-contained copy beside the bundle
  // (src/policy/worker-pool.ts looks for opa-wasm.cjs there), so that rules run with their time ceilings.
  await build({
    entryPoints: [createRequire(import.meta.url).resolve('@open-policy-agent/opa-wasm')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    outfile: join(dirname(outfile), 'opa-wasm.cjs'),
  });
  const hcl2json = dirname(createRequire(import.meta.url).resolve('@cdktf/hcl2json/package.json'));
  copyFileSync(join(hcl2json, 'main.wasm.gz'), join(dirname(outfile), 'main.wasm.gz'));
}

if (process.argv[1]?.endsWith('bundle-action.js')) {
  await bundleAction(`${packageRoot()}/dist/action/index.js`);
  console.log('wrote dist/action/index.js');
}
