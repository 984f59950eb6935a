import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

/** The example estate's scan, as the README runs it; each test adds its format. */
const EXAMPLE_SCAN = ['scan', '--config', 'fixtures/example/driftwarden.yml', '--fail-on', 'none'];

/**
 * What each command loads, recorded by a module-load hook in the built CLI (npm run build): the commands that read
 * nothing from a cloud must not load a cloud SDK, the policy engine, the HCL parser or the GitHub client, which is
 * what made `--help` take 0.7 s. Both builds are checked: the published bundle (dist/cli, package.json `bin`) and
 * tsc's dist/src. Timing lives in `npm run bench:startup`, never here.
 */
const root = join(import.meta.dirname, '../..');
const BINS = {
  bundle: join(root, 'dist/cli/bin.js'),
  'dist/src': join(root, 'dist/src/cli/bin.js'),
};
const recorder = join(root, 'test/helpers/module-recorder.js');
const run = promisify(execFile);

const HEAVY =
  /\/node_modules\/(@aws-sdk|@smithy|@azure|@open-policy-agent\/opa-wasm|@cdktf\/hcl2json|@octokit|better-sqlite3|pg|pg-[^/]+)\//;

interface Loaded {
  code: number;
  stdout: string;
  modules: string[];
  /** driftwarden's own modules that ran, as `src/cli/main` or `connectors/index`, from either build. */
  sources: string[];
  /** Bytes of driftwarden's own files loaded (the bundle's chunks, or dist/src's modules). */
  ownBytes: number;
  /** What the recorder wrote, in order: module URLs, and `worker:` where a worker thread started. */
  lines: string[];
}

/**
 * driftwarden's modules in a loaded file: a dist/src module is its own path; a chunk of the bundle names the sources
 * it holds in esbuild's `// src/cli/main.ts` comments (the bundle is not minified).
 */
function sourcesIn(url: string): string[] {
  const path = fileURLToPath(url);
  const built = /\/dist\/((?:src|connectors)\/.+)\.js$/.exec(path)?.[1];
  if (built) return [built];
  if (!path.startsWith(join(root, 'dist/cli/'))) return [];
  return [...readFileSync(path, 'utf8').matchAll(/^\/\/ ((?:src|connectors)\/\S+)\.ts$/gm)].map(
    (m) => m[1] ?? '',
  );
}

async function loadedBy(bin: string, args: readonly string[]): Promise<Loaded> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const out = join(tempDir(), 'modules.txt');
  const env = { ...process.env, DRIFTWARDEN_RECORD_MODULES: out };
  const { stdout, code } = await run(process.execPath, ['--import', recorder, bin, ...args], {
    cwd: root,
    env,
  })
    .then(({ stdout }) => ({ stdout, code: 0 }))
    .catch((error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }));
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const modules = [...new Set(lines)].filter((line) => line !== 'worker:');
  const own = modules.filter((url) => url.startsWith(pathToFileURL(join(root, 'dist/')).href));
  const ownBytes = own.reduce((sum, url) => sum + statSync(fileURLToPath(url)).size, 0);
  return { code, stdout, modules, sources: own.flatMap(sourcesIn), ownBytes, lines };
}

/** The package a module belongs to (`@aws-sdk/client-s3`), for readable failures. */
function packagesOf(modules: readonly string[]): string[] {
  const names = modules.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []);
  return [...new Set(names)].sort();
}

function heavyPackages(modules: readonly string[]): string[] {
  return packagesOf(modules.filter((url) => HEAVY.test(url)));
}

describe.each(Object.entries(BINS))('start-up of %s: a command loads only what it uses', (_build, bin) => {
  it.each(['--help', '--version', 'help scan', 'connectors', 'types', 'types --format json'])(
    'driftwarden %s loads no cloud SDK, policy engine, HCL parser, GitHub client or database driver',
    async (command) => {
      const loaded = await loadedBy(bin, command.split(' '));
      expect(loaded.code).toBe(0);
      expect(loaded.stdout.length).toBeGreaterThan(0);
      expect(heavyPackages(loaded.modules)).toEqual([]);
    },
  );

  it('--help and --version load no package at all, and none of the scan', async () => {
    for (const flag of ['--help', '--version']) {
      const loaded = await loadedBy(bin, [flag]);
      expect(packagesOf(loaded.modules), flag).toEqual([]);
      expect(loaded.sources, flag).toContain('src/cli/main');
      expect(
        loaded.sources.filter((source) =>
          /^(src\/(scan\/run-scan|model\/types|report\/index)|connectors)\b/.test(source),
        ),
        flag,
      ).toEqual([]);
      // The dispatcher and the help text: tens of kilobytes, where a scan loads megabytes.
      expect(loaded.ownBytes, flag).toBeLessThan(64 * 1024);
    }
  });

  it('a scan of state files and a snapshot runs its rules on the worker, and loads no SDK, HCL parser, Git or opa-wasm on the main thread', async () => {
    const loaded = await loadedBy(bin, [...EXAMPLE_SCAN, '--format', 'json']);
    expect(loaded.code).toBe(0);
    const report = JSON.parse(loaded.stdout);
    expect(report.scan.policies.rules).toBeGreaterThan(100);
    expect(report.violations.length).toBeGreaterThan(0);
    // opa-wasm is loaded by the worker (which the recorder does not see); the main thread needs it only when no
    // worker can run (the engine's fallback runner).
    expect(loaded.lines.filter((line) => line === 'worker:')).toHaveLength(1);
    // The recorder sees the heavy packages a scan loads on the main thread (the --history and --repo tests below),
    // so this empty list means something.
    expect(heavyPackages(loaded.modules)).toEqual([]);
    expect(packagesOf(loaded.modules)).not.toContain('simple-git');
    // Nor the Rego toolchain, which only a --policies directory needs (opa in a child process, tar and gzip).
    expect(loaded.sources.filter((source) => source.startsWith('src/policy-toolchain/'))).toEqual([]);
    expect(loaded.modules).not.toContain('node:child_process');
    expect(loaded.sources).toContain('src/scan/run-scan');
    expect(loaded.ownBytes).toBeGreaterThan(512 * 1024);
    expect(
      loaded.sources.filter((source) => /^connectors\/iac\/(terraform-hcl|hcl-parse|client)$/.test(source)),
    ).toEqual([]);
  });

  it('a scan builds the report schemas only when it reads a report (--baseline)', async () => {
    const scan = [...EXAMPLE_SCAN];
    const plain = await loadedBy(bin, [...scan, '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(plain.sources).toContain('src/scan/build-report');
    expect(plain.sources).not.toContain('src/model/report');
    const baseline = join(tempDir({ 'baseline.json': plain.stdout }), 'baseline.json');
    const against = await loadedBy(bin, [...scan, '--format', 'json', '--baseline', baseline]);
    expect(against.code).toBe(0);
    expect(JSON.parse(against.stdout).baseline.new).toBe(0);
    expect(against.sources).toContain('src/model/report');
  });

  it('a scan starts its policy worker before the scan command loads, and the engine evaluates on that one', async () => {
    const loaded = await loadedBy(bin, [...EXAMPLE_SCAN]);
    expect(loaded.code).toBe(0);
    expect(loaded.lines.filter((line) => line === 'worker:')).toHaveLength(1);
    const scanCommand = loaded.lines.findIndex((line) =>
      /\/(chunks\/scan-command-\w+|src\/cli\/scan-command)\.js$/.test(line),
    );
    expect(scanCommand).toBeGreaterThan(0);
    expect(loaded.lines.indexOf('worker:')).toBeLessThan(scanCommand);
    // Before the type catalogue and zod too: the prewarm loads the worker pool alone (tens of kilobytes), not the
    // 700 KB the engine's module brought with it.
    const catalogue = loaded.lines.findIndex(
      (line) =>
        line.startsWith('file:') && sourcesIn(line).some((source) => source.startsWith('src/model/types/')),
    );
    expect(catalogue).toBeGreaterThan(0);
    expect(loaded.lines.indexOf('worker:')).toBeLessThan(catalogue);
  });

  it("a scan loads the renderer of the format it writes, and the table's styles (chalk) only for a table", async () => {
    const renderers = (loaded: Loaded) =>
      loaded.sources.filter((source) =>
        /^src\/report\/(json|markdown|sarif|html|junit|table|style)$/.test(source),
      );
    const packages = (loaded: Loaded) => [...packagesOf(loaded.modules), ...bundledPackages(loaded)];
    const json = await loadedBy(bin, [...EXAMPLE_SCAN, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toHaveProperty('summary');
    expect(renderers(json)).toEqual(['src/report/json']);
    expect(packages(json)).not.toContain('chalk');
    const html = await loadedBy(bin, [...EXAMPLE_SCAN, '--format', 'html']);
    expect(html.stdout).toContain('<html');
    expect(renderers(html)).toEqual(['src/report/html']);
    const table = await loadedBy(bin, EXAMPLE_SCAN);
    expect(table.stdout).toContain('Sources');
    expect(renderers(table)).toEqual(expect.arrayContaining(['src/report/table', 'src/report/style']));
    expect(packages(table)).toContain('chalk');
  });

  it('a scan of AWS loads none of the azurerm types; one whose state names them loads them, and reads them right', async () => {
    const azurerm = (loaded: Loaded) =>
      loaded.sources.filter((source) => source.startsWith('src/model/types/azurerm/'));
    const aws = await loadedBy(bin, [...EXAMPLE_SCAN, '--format', 'json']);
    expect(aws.code).toBe(0);
    expect(aws.sources).toContain('src/model/types/aws/s3-bucket');
    expect(azurerm(aws)).toEqual([]);
    // Nor the Azure connector's reader, which maps through them; nor AWS Config's, which the example does not read.
    const readers =
      /^connectors\/(azure\/(read|map\/index|children|attribution)|aws-config\/(read|map\/index|attribution|cloudtrail-client))$/;
    expect(aws.sources.filter((source) => readers.test(source))).toEqual([]);
    const id =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs';
    const dir = tempDir({
      'azure.tfstate': state([
        one('azurerm_storage_account', 'logs', {
          id,
          name: 'logs',
          // azurerm 3.x's name, which the type renames; a key the type marks sensitive.
          enable_https_traffic_only: false,
          min_tls_version: 'TLS1_0',
          primary_access_key: 'canary-4f1e-not-in-any-report',
        }),
      ]),
      'live.json': snapshot([
        {
          type: 'azurerm_storage_account',
          // ARM ids compare case-insensitively (the type's id rule).
          id: id.replace('/resourceGroups/rg/', '/resourceGroups/RG/'),
          attributes: { id, name: 'logs', https_traffic_only_enabled: false, min_tls_version: 'TLS1_2' },
        },
      ]),
    });
    const loaded = await loadedBy(bin, [
      'scan',
      '--state',
      join(dir, 'azure.tfstate'),
      '--live',
      `snapshot:${join(dir, 'live.json')}`,
      '--no-builtin-policies',
      '--fail-on',
      'none',
      '--format',
      'json',
    ]);
    expect(loaded.code).toBe(0);
    expect(azurerm(loaded)).toContain('src/model/types/azurerm/storage-account');
    expect(loaded.stdout).not.toContain('canary-4f1e');
    const report = JSON.parse(loaded.stdout);
    expect(report.drift).toHaveLength(1);
    expect(report.drift[0]).toMatchObject({ kind: 'changed', type: 'azurerm_storage_account' });
    expect(report.drift[0].changes.map((change: { path: string }) => change.path)).toEqual([
      'min_tls_version',
    ]);
  });

  it('a scan with --history sqlite: loads better-sqlite3, and not the PostgreSQL driver', async () => {
    const store = `sqlite:${join(tempDir(), 'history.db')}`;
    const args = [...EXAMPLE_SCAN, '--history', store];
    const loaded = await loadedBy(bin, args);
    expect(loaded.code).toBe(0);
    expect(heavyPackages(loaded.modules)).toEqual(['better-sqlite3']);
  });

  it('a scan that reads infrastructure code loads the HCL parser when it needs it', async () => {
    const dir = tempDir({ 'main.tf': 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n' });
    execFileSync('git', ['init', '--quiet'], { cwd: dir });
    const loaded = await loadedBy(bin, ['scan', '--repo', dir, '--no-builtin-policies', '--fail-on', 'none']);
    expect(loaded.code).toBe(0);
    expect(heavyPackages(loaded.modules)).toEqual(['@cdktf/hcl2json']);
  });
});

/** The npm packages bundled into the chunks a process loaded, from esbuild's `// node_modules/<package>/...` comments. */
function bundledPackages(loaded: Loaded): string[] {
  const chunks = loaded.modules.filter((url) => url.startsWith(pathToFileURL(join(root, 'dist/cli/')).href));
  const names = chunks.flatMap((url) =>
    [
      ...readFileSync(fileURLToPath(url), 'utf8').matchAll(
        /^\/\/ \S*node_modules\/((?:@[^/]+\/)?[^/\s]+)\//gm,
      ),
    ].map((m) => m[1] ?? ''),
  );
  return [...new Set(names)].sort();
}

/** The text of the chunks of the bundle a process loaded. */
function ownText(loaded: Loaded): string {
  return loaded.modules
    .filter((url) => url.startsWith(pathToFileURL(join(root, 'dist/cli/')).href))
    .map((url) => readFileSync(fileURLToPath(url), 'utf8'))
    .join('\n');
}

describe('the bundle', () => {
  it('a scan that renders no table loads none of the terminal libraries; a table scan does', async () => {
    const scan = [...EXAMPLE_SCAN];
    const json = await loadedBy(BINS.bundle, [...scan, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty('summary');
    expect(bundledPackages(json)).toContain('yaml');
    expect(bundledPackages(json).filter((name) => /^(string-width|wrap-ansi)$/.test(name))).toEqual([]);
    // json-diff compares attributes in every scan: bundled, rather than seven CommonJS files from node_modules.
    expect(bundledPackages(json)).toContain('json-diff');
    expect(packagesOf(json.modules)).not.toContain('json-diff');
    // Of json-diff, the diff alone: not its colouring (the `colors` package, with os, tty and util) nor difflib's
    // `assert` (bundle-cli.ts).
    expect(bundledPackages(json)).toContain('@ewoudenberg/difflib');
    expect(bundledPackages(json)).not.toContain('colors');
    expect(ownText(json)).not.toMatch(/__require\("(assert|colors\/safe)"\)/);
    // fdir is given the bundled picomatch, rather than requiring a second copy from node_modules.
    expect(bundledPackages(json)).toEqual(expect.arrayContaining(['fdir', 'picomatch']));
    expect(packagesOf(json.modules)).not.toContain('picomatch');
    // yaml's ES module build (bundle-cli.ts), not its CommonJS one: no module wrappers, and tree-shaken.
    expect(ownText(json)).toMatch(/^\/\/ \S*node_modules\/yaml\/browser\/dist\//m);
    expect(ownText(json)).not.toMatch(/^\/\/ \S*node_modules\/yaml\/dist\//m);
    // The YAML parser is loaded to read a config file, never without one.
    const configless = await loadedBy(BINS.bundle, [
      'scan',
      '--state',
      'fixtures/example/states/iam.tfstate',
      '--live',
      'snapshot:fixtures/example/live.json',
      '--fail-on',
      'none',
      '--format',
      'json',
    ]);
    expect(JSON.parse(configless.stdout).scan.sources).toHaveLength(2);
    expect(bundledPackages(configless)).not.toContain('yaml');
    const table = await loadedBy(BINS.bundle, scan);
    expect(table.stdout).toContain('Sources');
    expect(bundledPackages(table)).toEqual(expect.arrayContaining(['string-width', 'wrap-ansi']));
  });

  it('loads few, merged chunks (test/scripts/merge-chunks.ts), each module once', async () => {
    const ownFiles = (loaded: Loaded) =>
      loaded.modules.filter((url) => url.startsWith(pathToFileURL(join(root, 'dist/cli/')).href));
    const scan = await loadedBy(BINS.bundle, [...EXAMPLE_SCAN, '--format', 'json']);
    expect(scan.code).toBe(0);
    // esbuild's splitting alone gave 50 files for this scan and 13 for --help. The scan's 18 merged ones, and the
    // renderer of its format (render-lazily.ts: the entry, json.ts and what it shares with the other formats).
    expect(ownFiles(scan).length).toBeLessThan(22);
    expect(ownFiles(await loadedBy(BINS.bundle, ['--help'])).length).toBeLessThan(10);
    // One DriftwardenError class for the dispatcher and the scan: an input error is reported as one line, without
    // the hint that an unexpected error gets.
    const failed = await run(process.execPath, [BINS.bundle, 'scan', '--state', 'nope.tfstate'], {
      cwd: root,
    }).catch((error: { stderr: string; code: number }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: 'driftwarden: error: nope.tfstate: no such file\n' });
  });

  it('holds only the parts of zod the code uses: a scan loads none of its 40 locales or its JSON Schema reader', async () => {
    const loaded = await loadedBy(BINS.bundle, [...EXAMPLE_SCAN]);
    expect(loaded.code).toBe(0);
    const chunks = loaded.modules.filter((url) =>
      url.startsWith(pathToFileURL(join(root, 'dist/cli/')).href),
    );
    const zodParts = chunks
      .flatMap((url) => [
        ...readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ \S*node_modules\/zod\/(\S+)\.js$/gm),
      ])
      .map((m) => m[1] ?? '');
    expect(zodParts).toContain('v4/classic/schemas');
    expect(zodParts.filter((part) => /^v4\/(locales\/(?!en$)|classic\/from-json-schema)/.test(part))).toEqual(
      [],
    );
  });
});
