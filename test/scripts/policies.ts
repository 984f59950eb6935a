/**
 * The policy toolchain for this repository's built-in library (needs the pinned opa: `npm run opa:install`):
 *   capabilities  write policies/capabilities.json: opa's builtins less those the Wasm target lacks
 *   lint          opa fmt (no diff) and opa check --strict
 *   test          opa test policies/, and the coverage it measures
 *   build         lint, then compile policies/ into policies/dist/ (policy.wasm + catalogue.json)
 *   check         fail when policies/dist/ is stale against the .rego sources (needs no opa)
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILTIN_POLICY_DIRS } from '../../src/policy/library.js';
import { wasmCapabilities } from '../../src/policy-toolchain/capabilities.js';
import { compileBundle, writeBundle } from '../../src/policy-toolchain/compile.js';
import { builtinBundleFreshness } from '../../src/policy-toolchain/freshness.js';
import {
  findOpa,
  OPA_INSTALL_HINT,
  type OpaCli,
  PINNED_OPA_VERSION,
} from '../../src/policy-toolchain/opa.js';
import { packageRoot } from '../../src/util/package-info.js';

const root = packageRoot();
const mode = process.argv[2] ?? 'build';

async function opa(): Promise<OpaCli> {
  const cli = await findOpa(process.env, root);
  if (!cli) throw new Error(`opa not found: ${OPA_INSTALL_HINT}`);
  if (cli.version !== PINNED_OPA_VERSION)
    throw new Error(
      `opa ${cli.version} at ${cli.path}; the library is built with ${PINNED_OPA_VERSION}: ${OPA_INSTALL_HINT}`,
    );
  return cli;
}

async function lint(cli: OpaCli): Promise<void> {
  const { stdout } = await cli.run(['fmt', '--list', 'policies/'], root);
  if (stdout.trim() !== '')
    throw new Error(`not formatted (run: .tools/bin/opa fmt -w policies/):\n${stdout}`);
  await cli.run(['check', '--strict', '--capabilities', BUILTIN_POLICY_DIRS.capabilities, 'policies/'], root);
  console.log('opa fmt: clean; opa check --strict: clean');
}

async function main(): Promise<void> {
  switch (mode) {
    case 'capabilities': {
      const cli = await opa();
      await writeFile(
        join(root, BUILTIN_POLICY_DIRS.capabilities),
        await wasmCapabilities(cli, BUILTIN_POLICY_DIRS.builtinsAllowlist, root),
      );
      console.log(`wrote ${BUILTIN_POLICY_DIRS.capabilities}`);
      return;
    }
    case 'lint':
      await lint(await opa());
      return;
    case 'test': {
      const cli = await opa();
      const { stdout } = await cli.run(['test', 'policies/', '--coverage', '--format', 'json'], root);
      const coverage = JSON.parse(stdout) as {
        coverage?: number;
        files?: Record<string, { coverage?: number }>;
      };
      const verbose = await cli.run(['test', 'policies/'], root);
      console.log(verbose.stdout.trim());
      console.log(`coverage: ${coverage.coverage?.toFixed(1)}% of policy lines`);
      return;
    }
    case 'build': {
      const cli = await opa();
      await lint(cli);
      const bundle = await compileBundle({
        opa: cli,
        cwd: root,
        ruleDirs: [join(root, BUILTIN_POLICY_DIRS.rules)],
        libDirs: [join(root, BUILTIN_POLICY_DIRS.lib)],
        capabilitiesPath: join(root, BUILTIN_POLICY_DIRS.capabilities),
        tolerant: false,
      });
      await writeBundle(bundle, join(root, BUILTIN_POLICY_DIRS.dist));
      console.log(
        `built ${bundle.catalogue.rules.length} rules into ${BUILTIN_POLICY_DIRS.dist} (${bundle.wasm.length} bytes of wasm)`,
      );
      return;
    }
    case 'check': {
      const freshness = await builtinBundleFreshness(root);
      if (!freshness.fresh)
        throw new Error('policies/dist is stale against the .rego sources: run `npm run policies:build`');
      console.log('policies/dist is fresh');
      return;
    }
    default:
      throw new Error(`unknown mode ${mode}: capabilities | lint | test | build | check`);
  }
}

main().catch((error: unknown) => {
  console.error(`policies ${mode}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
