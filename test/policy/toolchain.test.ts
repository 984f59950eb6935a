import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/report.js';
import { WasmPolicyEvaluator } from '../../src/policy/engine.js';
import { BUILTIN_POLICY_DIRS } from '../../src/policy/library.js';
import { compileBundle } from '../../src/policy-toolchain/compile.js';
import { findOpa, PINNED_OPA_VERSION } from '../../src/policy-toolchain/opa.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { userRule } from '../helpers/rego.js';
import { resource } from '../helpers/resource.js';

/**
 * The parts that need the opa CLI. `npm test` runs them when opa is present (bash policies/install-opa.sh) and
 * skips them with a notice otherwise; .ci/run sets DRIFTWARDEN_REQUIRE_OPA=1, which makes them mandatory.
 */
const root = join(import.meta.dirname, '../..');
const opa = await findOpa(process.env, root);
const required = process.env.DRIFTWARDEN_REQUIRE_OPA === '1';
if (!opa && !required) {
  console.warn(
    '\n  NOTICE: opa not found; the opa toolchain tests are SKIPPED. Install it with: bash policies/install-opa.sh\n',
  );
}

describe('opa is available where it is required', () => {
  it.runIf(required)('finds the pinned opa', () => {
    expect(opa?.version).toBe(PINNED_OPA_VERSION);
  });
});

const RULE = (id: string, body: string, types = '[aws_s3_bucket]') =>
  userRule(id, body, { types, path: 'acl', message: 'acl is public' });

describe.skipIf(!opa)('the opa toolchain', () => {
  const cli = opa!;

  it('opa fmt leaves policies/ unchanged', async () => {
    const { stdout } = await cli.run(['fmt', '--list', 'policies/'], root);
    expect(stdout.trim()).toBe('');
  });

  it('opa check --strict passes with the Wasm capabilities', async () => {
    await expect(
      cli.run(['check', '--strict', '--capabilities', BUILTIN_POLICY_DIRS.capabilities, 'policies/'], root),
    ).resolves.toBeDefined();
  });

  it('opa test passes for every rule, with coverage measured', async () => {
    const { stdout } = await cli.run(['test', 'policies/', '--coverage', '--format', 'json'], root);
    const report = JSON.parse(stdout) as { coverage: number; files: Record<string, { coverage?: number }> };
    expect(report.coverage).toBeGreaterThan(90);
    const summary = await cli.run(['test', 'policies/'], root);
    expect(summary.stdout).toMatch(/^PASS: (\d+)\/\1$/m);
  });

  it('rebuilding the library gives the committed bundle (policies/dist is not stale)', async () => {
    const bundle = await compileBundle({
      opa: cli,
      cwd: root,
      ruleDirs: [join(root, BUILTIN_POLICY_DIRS.rules)],
      libDirs: [join(root, BUILTIN_POLICY_DIRS.lib)],
      capabilitiesPath: join(root, BUILTIN_POLICY_DIRS.capabilities),
      tolerant: false,
    });
    const committed = JSON.parse(
      readFileSync(join(root, BUILTIN_POLICY_DIRS.dist, 'catalogue.json'), 'utf8'),
    );
    expect(bundle.catalogue).toEqual(committed);
    expect(
      Buffer.from(bundle.wasm).equals(readFileSync(join(root, BUILTIN_POLICY_DIRS.dist, 'policy.wasm'))),
    ).toBe(true);
  }, 120_000);

  it('a builtin the Wasm target lacks fails at build time, naming the file', async () => {
    const dir = tempDir({ 'now.rego': RULE('U-TIME-001', 'time.now_ns() > 0') });
    await expect(
      compileBundle({
        opa: cli,
        cwd: dir,
        ruleDirs: [dir],
        libDirs: [join(root, BUILTIN_POLICY_DIRS.lib)],
        capabilitiesPath: join(root, BUILTIN_POLICY_DIRS.capabilities),
        tolerant: false,
      }),
    ).rejects.toThrow(/now\.rego:\d+: rego_type_error: undefined function time\.now_ns/);
  });

  it('--policies compiles user rules; a broken file is left out and named, the others still run', async () => {
    const cwd = tempDir({
      'mine/public_acl.rego': RULE('U-ACL-001', 'r.attributes.acl == "public-read"'),
      'mine/broken.rego': RULE('U-BROKEN-001', 'r.attributes.acl == '),
      'mine/http.rego': RULE(
        'U-HTTP-001',
        'http.send({"method": "get", "url": "http://127.0.0.1"}).status_code == 200',
      ),
      'live.json': JSON.stringify({
        snapshotVersion: 1,
        coveredTypes: ['*'],
        resources: [{ type: 'aws_s3_bucket', id: 'b', attributes: { acl: 'public-read' } }],
      }),
    });
    const env = { ...process.env, XDG_CACHE_HOME: join(cwd, 'cache') };
    const result = await runCli(
      ['scan', '--live', 'snapshot:live.json', '--policies', 'mine', '--format', 'json', '--fail-on', 'high'],
      { cwd, env },
    );
    const report = JSON.parse(result.stdout);
    expect(
      report.violations
        .filter((v: { ruleId: string }) => v.ruleId.startsWith('U-'))
        .map((v: { ruleId: string; key: string }) => [v.ruleId, v.key]),
    ).toEqual([['U-ACL-001', 'aws_s3_bucket.b']]);
    const problems = report.scan.diagnostics.filter(
      (d: { code: string }) => d.code === 'policy.compile-failed',
    );
    expect(problems.map((d: { source: string }) => d.source).sort()).toEqual([
      'mine/broken.rego',
      'mine/http.rego',
    ]);
    expect(problems.find((d: { source: string }) => d.source === 'mine/http.rego').message).toContain(
      'http.send',
    );
    expect(result.code).toBe(1);
  }, 120_000);

  it('a compile error names the file, line and column, never the source line with a secret on it', async () => {
    const SECRET = 'hunter2-pl4nted-in-rego';
    const SHAPED = 'AKIAIOSFODNN7PLANTED';
    const broken = RULE('U-SECRET-001', `r.attributes.password == "${SECRET}" + "${SHAPED}" +++`);
    const line = broken.split('\n').findIndex((text) => text.includes(SECRET)) + 1;
    const column = broken.split('\n')[line - 1]!.indexOf('+++') + 2;
    const dir = tempDir({ 'leaky.rego': broken });
    const error = await compileBundle({
      opa: cli,
      cwd: dir,
      ruleDirs: [dir],
      libDirs: [join(root, BUILTIN_POLICY_DIRS.lib)],
      capabilitiesPath: join(root, BUILTIN_POLICY_DIRS.capabilities),
      tolerant: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `opa inspect failed: leaky.rego:${line}:${column}: rego_parse_error: unexpected plus token`,
    );
    for (const text of [
      (error as Error).message,
      (error as Error).stack ?? '',
      inspect(error, { depth: 9 }),
    ]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SHAPED);
      expect(text).not.toContain('^');
    }

    const cwd = tempDir({
      'mine/leaky.rego': broken,
      'mine/ok.rego': RULE('U-OK-002', 'r.attributes.acl == "public-read"'),
      'live.json': JSON.stringify({ snapshotVersion: 1, coveredTypes: ['*'], resources: [] }),
    });
    const env = { ...process.env, XDG_CACHE_HOME: join(cwd, 'cache') };
    for (const extra of [[], ['--debug']]) {
      const result = await runCli(
        ['scan', '--live', 'snapshot:live.json', '--policies', 'mine', '--format', 'json', ...extra],
        { cwd, env },
      );
      expect(result.stdout + result.stderr).not.toContain(SECRET);
      expect(result.stdout + result.stderr).not.toContain(SHAPED);
      const problem = JSON.parse(result.stdout).scan.diagnostics.find(
        (d: { code: string }) => d.code === 'policy.compile-failed',
      );
      expect(problem).toMatchObject({
        source: 'mine/leaky.rego',
        message: `does not compile, left out: line ${line}, column ${column}: rego_parse_error: unexpected plus token`,
      });
    }
  }, 120_000);

  it("Checkov's and Trivy's inline skips waive the rules that name them as equivalents, with the reason kept", async () => {
    const bucket = (name: string, comment: string, trailing = '') =>
      `resource "aws_s3_bucket" "${name}" {\n  ${comment}\n  bucket = "${name}"\n  acl    = "public-read"${trailing}\n}\n`;
    const cwd = tempDir({
      'mine/public_acl.rego': userRule('U-ACL-003', 'r.attributes.acl == "public-read"', {
        path: 'acl',
        message: 'acl is public',
        custom: ['checkov: [CKV_AWS_20]', 'trivy: [AVD-AWS-0092]'],
      }),
      'main.tf': [
        bucket('site', '#checkov:skip=CKV_AWS_20: a public static website, reviewed in SEC-41'),
        bucket('short', '# short id, at the end of the line', ' #trivy:ignore:AWS-0092'),
        bucket('other', '#checkov:skip=CKV_AWS_999:names another check'),
        bucket('expired', '#trivy:ignore:AVD-AWS-0092:exp:2020-01-01'),
        bucket('workspace', '#trivy:ignore:AVD-AWS-0092[ws:staging]'),
      ].join('\n'),
    });
    execFileSync('git', ['init', '--quiet'], { cwd });
    const env = { ...process.env, XDG_CACHE_HOME: join(cwd, 'cache') };
    const result = await runCli(
      [
        'scan',
        '--repo',
        '.',
        '--policies',
        'mine',
        '--no-builtin-policies',
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      { cwd, env },
    );
    const report = JSON.parse(result.stdout);
    const ids = (list: { id: string }[]) => list.map((v) => v.id).sort();
    expect(ids(report.violations)).toEqual([
      'aws_s3_bucket.expired',
      'aws_s3_bucket.other',
      'aws_s3_bucket.workspace',
    ]);
    expect(report.waived.map((v: { id: string; waiver: object }) => [v.id, v.waiver]).sort()).toEqual([
      ['aws_s3_bucket.short', { reason: '(no reason given)', source: 'main.tf:10', equivalent: 'AWS-0092' }],
      [
        'aws_s3_bucket.site',
        {
          reason: 'a public static website, reviewed in SEC-41',
          source: 'main.tf:2',
          equivalent: 'CKV_AWS_20',
        },
      ],
    ]);
    expect(report.scan.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'waiver.expired',
        source: 'main.tf:20',
        message: 'the inline ignore of AVD-AWS-0092 expired on 2020-01-01 and no longer applies',
      }),
    );
    const listed = await runCli(
      ['policies', 'list', '--policies', 'mine', '--no-builtin-policies', '--format', 'json'],
      { cwd, env },
    );
    expect(JSON.parse(listed.stdout)[0].equivalents).toEqual({
      checkov: ['CKV_AWS_20'],
      trivy: ['AVD-AWS-0092'],
    });
  }, 120_000);

  it('an unchanged --policies directory is compiled once and then read from the cache', async () => {
    const cwd = tempDir({ 'mine/acl.rego': RULE('U-ACL-002', 'r.attributes.acl == "public-read"') });
    const env = { ...process.env, XDG_CACHE_HOME: join(cwd, 'cache') };
    const first = await runCli(
      ['policies', 'list', '--policies', 'mine', '--no-builtin-policies', '--format', 'json'],
      { cwd, env },
    );
    expect(JSON.parse(first.stdout).map((r: { id: string }) => r.id)).toEqual(['U-ACL-002']);
    // The compiled module holds the rules' literals: only the user may read the cache.
    const cacheRoot = join(cwd, 'cache', 'driftwarden', 'policies');
    const [entry] = readdirSync(cacheRoot);
    expect(statSync(join(cacheRoot, entry!)).mode & 0o077).toBe(0);
    // Without any opa, the cached bundle still serves...
    const noOpa = { ...env, DRIFTWARDEN_OPA: join(cwd, 'no-opa-here') };
    const second = await runCli(
      ['policies', 'list', '--policies', 'mine', '--no-builtin-policies', '--format', 'json'],
      { cwd, env: noOpa },
    );
    expect(second.stdout).toBe(first.stdout);
    // ...and a changed directory needs opa, with a clear message.
    writeFileSync(join(cwd, 'mine/acl.rego'), RULE('U-ACL-003', 'r.attributes.acl == "public-read"'));
    const third = await runCli(['policies', 'list', '--policies', 'mine', '--no-builtin-policies'], {
      cwd,
      env: noOpa,
    });
    expect(third.code).toBe(2);
    expect(third.stderr).toContain(
      'compiling Rego needs opa, which was not found. Install it with go install github.com/open-policy-agent/opa@v1.22.3',
    );
    expect(third.stderr).toContain('--policy-bundle');
  }, 60_000);

  it('a rule that fails at evaluation, or exhausts its memory, is reported; the other rules still run', async () => {
    const dir = tempDir({
      'ok.rego': RULE('U-OK-001', 'r.attributes.acl == "public-read"'),
      'hungry.rego': RULE('U-MEM-001', 'count([x | some x in numbers.range(1, 20000000)]) > 0'),
    });
    const bundle = await compileBundle({
      opa: cli,
      cwd: dir,
      ruleDirs: [dir],
      libDirs: [join(root, BUILTIN_POLICY_DIRS.lib)],
      capabilitiesPath: join(root, BUILTIN_POLICY_DIRS.capabilities),
      tolerant: false,
    });
    const evaluator = new WasmPolicyEvaluator(
      [{ name: 'test', catalogue: bundle.catalogue, wasm: bundle.wasm }],
      { memoryLimitMiB: 32 },
    );
    const diagnostics: Diagnostic[] = [];
    const outcome = await evaluator.evaluate(
      [resource('aws_s3_bucket', 'b', { acl: 'public-read' })],
      diagnostics,
    );
    expect(outcome.violations.map((v) => v.ruleId)).toEqual(['U-OK-001']);
    expect(outcome.failedRules).toEqual([
      { ruleId: 'U-MEM-001', error: 'exhausted its memory limit (32 MiB)' },
    ]);
    expect(diagnostics.map((d) => [d.code, d.source])).toEqual([['policy.rule-failed', 'hungry.rego']]);
  }, 60_000);
});
