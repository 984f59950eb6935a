/**
 * `npm run action:bundle`: bundles the GitHub Action into dist/action/index.js, which is committed (the runner
 * executes it without installing anything). A test rebuilds it and fails when the committed file is stale.
 */
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
    // Some dependencies are CommonJS and call require(); ESM output needs it defined.
    banner: {
      js: "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);",
    },
  });
}

if (process.argv[1]?.endsWith('bundle-action.js')) {
  await bundleAction(`${packageRoot()}/dist/action/index.js`);
  console.log('wrote dist/action/index.js');
}
