/**
 * The published CLI (package.json `bin`): src/cli/bin.ts bundled by esbuild into dist/cli/, one ES module per lazily
 * imported command plus the chunks they share, so that `--help` loads the dispatcher alone and a scan a handful of
 * files instead of the ~410 modules of dist/src (Node's loader opening, resolving and linking each one was most of
 * a scan's start-up: BENCHMARKS.md). merge-chunks.ts then merges the chunks the same commands load (50 files for a
 * scan, 18 after). `npm run build` and the package's prepack both run it.
 *
 * The heavy packages stay outside the bundle and load from node_modules when a command needs them, as they do from
 * dist/src: the cloud SDKs, opa-wasm (the policy workers resolve it from the installed package too, see
 * src/policy/worker-pool.ts), hcl2json (which reads its main.wasm.gz beside itself), simple-git and Octokit (the
 * Action's only). json-diff is bundled: every scan that compares attributes loads it, and from node_modules it was
 * seven CommonJS files to resolve, read and compile one by one (with difflib, heap and colors). Everything the CLI
 * reads from the package (policies/dist, policies/lib, src/model/schemas) is found by packageRoot(), which walks up
 * from dist/cli as it does from dist/src.
 */
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packageRoot } from '../../src/util/package-info.js';
import { mergeChunks } from './merge-chunks.js';

const EXTERNAL = [
  '@aws-sdk/*',
  '@smithy/*',
  '@azure/*',
  '@open-policy-agent/opa-wasm',
  '@cdktf/hcl2json',
  'simple-git',
  '@octokit/*',
  // The history store's drivers (issue 17), loaded when a scan has --history: better-sqlite3 loads its native
  // binding from beside itself, and neither belongs in every scan's chunks.
  'better-sqlite3',
  'pg',
  'pg-*',
];

/**
 * `import { z } from 'zod'` binds zod's namespace object, which esbuild keeps whole: every schema kind, JSON Schema
 * conversion both ways and the error messages in 40 languages (756 KB of the scan's 2.3 MB, parsed on every run).
 * `import * as z from 'zod'` is the same namespace (zod's index re-exports all of it) and is tree-shaken by the
 * properties the code reads, so the sources are bundled with that spelling: 199 KB of zod.
 */
const ZOD_IMPORT = /^import \{ z \} from 'zod';$/gm;

function zodNamespaceImports(root: string): Plugin {
  const own = [join(root, 'src/'), join(root, 'connectors/')];
  return {
    name: 'zod-namespace-imports',
    setup(plugin) {
      plugin.onLoad({ filter: /\.ts$/ }, ({ path }) => {
        if (!own.some((folder) => path.startsWith(folder))) return undefined;
        const source = readFileSync(path, 'utf8');
        return { contents: source.replace(ZOD_IMPORT, "import * as z from 'zod';"), loader: 'ts' };
      });
    },
  };
}

/**
 * fdir (tinyglobby's directory walker) loads picomatch at its top level with a `require` of its own
 * (`createRequire(import.meta.url)`), which esbuild cannot follow: every scan loaded a second picomatch from
 * node_modules, six CommonJS files, beside the bundled one. The bundle gives fdir the bundled picomatch instead (the
 * same package and version); a build fails if fdir's code no longer has that `require`, rather than ship a stale
 * patch.
 */
const FDIR_PICOMATCH =
  /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;

function fdirBundledPicomatch(): Plugin {
  return {
    name: 'fdir-bundled-picomatch',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!FDIR_PICOMATCH.test(source))
          throw new Error(`${path}: fdir no longer requires picomatch as bundle-cli.ts expects; update it`);
        const contents = source.replace(FDIR_PICOMATCH, 'pm = __dwPicomatch;');
        return { contents: `import __dwPicomatch from 'picomatch';\n${contents}`, loader: 'js' };
      });
    },
  };
}

/**
 * json-diff's `diff` is the only part a scan calls (src/diff/attribute-changes.ts), but its index requires its
 * colouring (for `diffString`, through the `colors` package: twenty CommonJS modules, with `os`, `tty` and `util`)
 * and difflib requires Node's `assert` (for `Differ`, which json-diff never uses): about ten milliseconds of every
 * scan's start-up (BENCHMARKS.md, bench:startup). The bundle gives json-diff colouring that throws if called, and
 * difflib an `assert` that throws as Node's would; a build fails if either `require` is no longer there, rather
 * than ship a stale patch.
 */
const JSON_DIFF_COLORIZE = /^const \{ colorize, colorizeToCallback \} = require\('\.\/colorize'\)$/m;
const DIFFLIB_ASSERT = /^(\s*)assert = require\('assert'\);$/m;

function jsonDiffWithoutColours(): Plugin {
  const patch = (path: string, pattern: RegExp, replacement: string) => {
    const source = readFileSync(path, 'utf8');
    if (!pattern.test(source))
      throw new Error(
        `${path}: no longer has the require bundle-cli.ts replaces; update jsonDiffWithoutColours`,
      );
    return { contents: source.replace(pattern, replacement), loader: 'js' as const };
  };
  return {
    name: 'json-diff-without-colours',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]json-diff[\\/]lib[\\/]index\.js$/ }, ({ path }) =>
        patch(
          path,
          JSON_DIFF_COLORIZE,
          "const colorize = () => { throw new Error('json-diff colouring is not bundled') }, colorizeToCallback = colorize",
        ),
      );
      plugin.onLoad({ filter: /[\\/]@ewoudenberg[\\/]difflib[\\/]lib[\\/]difflib\.js$/ }, ({ path }) =>
        patch(
          path,
          DIFFLIB_ASSERT,
          "$1assert = function (ok) { if (!ok) throw new Error('difflib: assertion failed'); };",
        ),
      );
    },
  };
}

/**
 * yaml's `node` export is its CommonJS build: seventy modules that esbuild wraps one by one and cannot tree-shake
 * (263 KB, each wrapper run at load). Its ES module build (`browser/dist`, the same sources) is bundled instead:
 * esbuild drops what no command uses, and a scan's config file loads 199 KB of it as plain module code. The one
 * difference is how yaml reports a warning (`console.warn` for `process.emitWarning`, both to stderr).
 */
function yamlModuleBuild(): Plugin {
  return {
    name: 'yaml-module-build',
    setup(plugin) {
      plugin.onResolve({ filter: /^yaml$/ }, () => ({
        path: join(packageRoot(), 'node_modules/yaml/browser/dist/index.js'),
      }));
    },
  };
}

export async function bundleCli(outdir: string): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
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
    plugins: [
      zodNamespaceImports(packageRoot()),
      fdirBundledPicomatch(),
      jsonDiffWithoutColours(),
      yamlModuleBuild(),
    ],
    // The bundled CommonJS dependencies call require(), which ES modules lack.
    banner: {
      js: "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);",
    },
    metafile: true,
  });
  await mergeChunks(outdir, metafile);
  chmodSync(join(outdir, 'bin.js'), 0o755);
}

if (process.argv[1]?.endsWith('bundle-cli.js')) {
  await bundleCli(join(packageRoot(), 'dist/cli'));
}
