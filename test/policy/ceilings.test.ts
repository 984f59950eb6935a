import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/report.js';
import { WasmPolicyEvaluator } from '../../src/policy/engine.js';
import { BUILTIN_POLICY_DIRS, loadBundleDir } from '../../src/policy/library.js';
import { encodePolicyInput } from '../../src/policy/policy-input.js';
import { runRules } from '../../src/policy/schedule.js';
import { compileBundle } from '../../src/policy-toolchain/compile.js';
import { findOpa } from '../../src/policy-toolchain/opa.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { userRule } from '../helpers/rego.js';
import { resource } from '../helpers/resource.js';

/**
 * Time ceilings: a user rule whose builtin never returns (a catastrophic regular expression, which opa-wasm runs in
 * JavaScript) is stopped, named, and the rest of the scan goes on. The rules are compiled by the real opa; without
 * it these tests are skipped with a notice, unless DRIFTWARDEN_REQUIRE_OPA=1.
 */
const root = join(import.meta.dirname, '../..');
const opa = await findOpa(process.env, root);
const required = process.env.DRIFTWARDEN_REQUIRE_OPA === '1';
if (!opa && !required) {
  console.warn(
    '\n  NOTICE: opa not found; the policy ceiling tests are SKIPPED (bash policies/install-opa.sh)\n',
  );
}

/** `(a+)+$` against forty a's and a "!" backtracks 2^40 times: it does not finish, and nothing in-thread stops it. */
const EVIL = `${'a'.repeat(40)}!`;

function rule(id: string, condition: string, types = '[aws_s3_bucket]'): string {
  return userRule(id, condition, { types });
}

const REDOS = 'count(regex.split(`(a+)+$`, r.attributes.tags.Name)) > 1';
const PUBLIC = 'r.attributes.acl == "public-read"';

/** An estate on which several built-in rules fire, with the catastrophic string in a bucket's tag. */
const ESTATE = JSON.stringify({
  snapshotVersion: 1,
  coveredTypes: ['*'],
  resources: [
    {
      type: 'aws_s3_bucket',
      id: 'site',
      attributes: {
        bucket: 'site',
        acl: 'public-read',
        server_side_encryption_configuration: null,
        policy: null,
        tags: { Name: EVIL },
      },
    },
    {
      type: 'aws_iam_policy',
      id: 'arn:aws:iam::111122223333:policy/hotfix',
      attributes: {
        name: 'hotfix',
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] },
      },
    },
    {
      type: 'aws_sqs_queue',
      id: 'https://sqs.eu-west-1.amazonaws.com/111122223333/jobs',
      attributes: { name: 'jobs', kms_master_key_id: null, sqs_managed_sse_enabled: false },
    },
    {
      type: 'aws_ebs_volume',
      id: 'vol-0a1b2c3d4e5f60718',
      attributes: { availability_zone: 'eu-west-1a', encrypted: false, size: 100, type: 'gp3' },
    },
  ],
});

interface ReportShape {
  violations: { ruleId: string; key: string; path?: string }[];
  scan: {
    complete: boolean;
    policies: { failed: { ruleId: string; error: string }[] };
    diagnostics: { code: string; message: string; source?: string }[];
  };
}

const found = (report: ReportShape, prefix: string) =>
  report.violations
    .filter((v) => v.ruleId.startsWith(prefix))
    .map((v) => `${v.ruleId} ${v.key} ${v.path ?? ''}`)
    .sort();

async function compileRules(files: Record<string, string>) {
  const dir = tempDir(files);
  const bundle = await compileBundle({
    opa: opa!,
    cwd: dir,
    ruleDirs: [dir],
    libDirs: [join(root, BUILTIN_POLICY_DIRS.lib)],
    capabilitiesPath: join(root, BUILTIN_POLICY_DIRS.capabilities),
    tolerant: false,
  });
  return { name: 'mine', catalogue: bundle.catalogue, wasm: bundle.wasm };
}

describe.skipIf(!opa)('policy time ceilings', () => {
  it('a rule past its ceiling is stopped and named; the scan is incomplete and every other finding is reported', async () => {
    const cwd = tempDir({
      'live.json': ESTATE,
      'mine/redos.rego': rule('U-REDOS-001', REDOS),
      'mine/public.rego': rule('U-PUBLIC-001', PUBLIC),
    });
    const env = { XDG_CACHE_HOME: join(cwd, 'cache'), DRIFTWARDEN_OPA: opa!.path };
    const args = ['scan', '--live', 'snapshot:live.json', '--format', 'json', '--fail-on', 'none'];
    const alone = await runCli(args, { cwd, env });
    expect(alone.code, alone.stderr).toBe(0);
    const builtinAlone = found(JSON.parse(alone.stdout), 'DW-');
    expect(builtinAlone).toEqual([
      'DW-AWS-EBS-001 aws_ebs_volume.vol-0a1b2c3d4e5f60718 encrypted',
      'DW-AWS-IAM-001 aws_iam_policy.arn:aws:iam::111122223333:policy/hotfix policy.Statement[0]',
      'DW-AWS-S3-003 aws_s3_bucket.site policy',
      'DW-AWS-S3-004 aws_s3_bucket.site server_side_encryption_configuration',
      'DW-AWS-SQS-001 aws_sqs_queue.https://sqs.eu-west-1.amazonaws.com/111122223333/jobs sqs_managed_sse_enabled',
      'DW-AWS-SQS-002 aws_sqs_queue.https://sqs.eu-west-1.amazonaws.com/111122223333/jobs kms_master_key_id',
    ]);

    const result = await runCli([...args, '--policies', 'mine'], {
      cwd,
      env: { ...env, DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS: '750' },
    });
    expect(result.code, result.stderr).toBe(3);
    const report = JSON.parse(result.stdout) as ReportShape;
    expect(report.scan.complete).toBe(false);
    expect(report.scan.policies.failed).toEqual([
      { ruleId: 'U-REDOS-001', error: 'ran past its 750 ms ceiling; its findings are unknown' },
    ]);
    expect(report.scan.diagnostics.filter((d) => d.code.startsWith('policy.'))).toEqual([
      {
        level: 'error',
        code: 'policy.rule-timeout',
        message: 'rule U-REDOS-001 ran past its 750 ms ceiling; its findings are unknown',
        source: 'redos.rego',
      },
    ]);
    expect(found(report, 'DW-')).toEqual(builtinAlone);
    expect(found(report, 'U-')).toEqual(['U-PUBLIC-001 aws_s3_bucket.site tags.Name']);
    expect(result.stderr).toContain('U-REDOS-001');
  });

  it('the ceiling for the whole scan stops the rules running and names those that did not run', async () => {
    const cwd = tempDir({
      'live.json': ESTATE,
      'mine/a.rego': rule('U-A-001', REDOS),
      'mine/b.rego': rule('U-A-002', REDOS),
      'mine/c.rego': rule('U-A-003', PUBLIC),
    });
    const env = {
      XDG_CACHE_HOME: join(cwd, 'cache'),
      DRIFTWARDEN_OPA: opa!.path,
      DRIFTWARDEN_POLICY_SCAN_TIMEOUT_MS: '1500',
    };
    const result = await runCli(
      ['scan', '--live', 'snapshot:live.json', '--policies', 'mine', '--format', 'json', '--fail-on', 'none'],
      { cwd, env },
    );
    expect(result.code, result.stderr).toBe(3);
    const report = JSON.parse(result.stdout) as ReportShape;
    // The built-in rules come first and finish; with one worker U-A-002 waits, with two it is stopped too.
    const failed = new Map(report.scan.policies.failed.map((f) => [f.ruleId, f.error]));
    expect([...failed.keys()].sort()).toEqual(['U-A-001', 'U-A-002', 'U-A-003']);
    expect(failed.get('U-A-001')).toBe(
      'stopped when the policies reached their 1.5 s ceiling for the scan; its findings are unknown',
    );
    expect(failed.get('U-A-003')).toBe('did not run: the policies reached their 1.5 s ceiling for the scan');
    const diagnostic = report.scan.diagnostics.find((d) => d.code === 'policy.scan-timeout');
    expect(diagnostic?.message).toMatch(
      /^the policies ran past their 1\.5 s ceiling for the scan: rules? U-A-001(, U-A-002)? (was|were) stopped and \d rules? did not run \((U-A-002, )?U-A-003\); their findings are unknown$/,
    );
    expect(found(report, 'DW-')).toHaveLength(6);
  });

  it('exactly which rules were stopped and which did not run, with two workers', async () => {
    // U-A-001 and U-A-002 read the same batches, so they run together, batch by batch, on one worker; U-A-003 and
    // U-A-004 read other types, and run on the other worker.
    const bundle = await compileRules({
      'a.rego': rule('U-A-001', REDOS),
      'b.rego': rule('U-A-002', REDOS),
      'c.rego': rule('U-A-003', 'r.attributes.encrypted == false', '[aws_ebs_volume]'),
      'd.rego': rule('U-A-004', PUBLIC, '[aws_s3_bucket, aws_ebs_volume]'),
    });
    const evaluator = new WasmPolicyEvaluator([bundle], {
      ruleTimeoutMs: 60_000,
      scanTimeoutMs: 2_000,
      workers: 2,
      parallelInputBytes: 0,
    });
    const diagnostics: Diagnostic[] = [];
    const outcome = await evaluator.evaluate(
      [
        resource('aws_s3_bucket', 'site', { acl: 'public-read', tags: { Name: EVIL } }),
        resource('aws_ebs_volume', 'vol-1', { encrypted: false }),
      ],
      diagnostics,
    );
    expect(outcome.violations.map((v) => `${v.ruleId} ${v.key}`).sort()).toEqual([
      'U-A-003 aws_ebs_volume.vol-1',
      'U-A-004 aws_s3_bucket.site',
    ]);
    expect(outcome.failedRules).toEqual([
      {
        ruleId: 'U-A-001',
        error: 'stopped when the policies reached their 2 s ceiling for the scan; its findings are unknown',
      },
      { ruleId: 'U-A-002', error: 'did not run: the policies reached their 2 s ceiling for the scan' },
    ]);
    expect(diagnostics).toEqual([
      {
        level: 'error',
        code: 'policy.scan-timeout',
        message:
          'the policies ran past their 2 s ceiling for the scan: rule U-A-001 was stopped and 1 rule did not run (U-A-002); their findings are unknown',
      },
    ]);
  });

  it('a rule that runs past its ceiling while this thread is busy is stopped all the same, not reported done', async () => {
    // The scan classifies while the workers evaluate, and this thread cannot look at the rule in time: the worker
    // says itself that the rule ran over (24 a's backtrack for about 150 ms, against a 20 ms ceiling).
    const bundle = await compileRules({ 'a.rego': rule('U-C-001', REDOS) });
    const evaluator = new WasmPolicyEvaluator([bundle], { ruleTimeoutMs: 20, workers: 1 });
    const busy = () => {
      const until = performance.now() + 2_000;
      while (performance.now() < until);
    };
    const outcome = await evaluator.evaluate(
      [resource('aws_s3_bucket', 'site', { tags: { Name: `${'a'.repeat(24)}!` } })],
      [],
      busy,
    );
    expect(outcome.failedRules).toEqual([
      { ruleId: 'U-C-001', error: 'ran past its 20 ms ceiling; its findings are unknown' },
    ]);
  });

  it('after a rule is stopped its worker is replaced, and the next rules run on the same input', async () => {
    const bundle = await compileRules({
      'a.rego': rule('U-B-001', REDOS),
      'b.rego': rule('U-B-002', PUBLIC),
      'c.rego': rule('U-B-003', 'r.attributes.tags.Name != ""'),
    });
    const evaluator = new WasmPolicyEvaluator([bundle], { ruleTimeoutMs: 500, workers: 1 });
    const diagnostics: Diagnostic[] = [];
    const outcome = await evaluator.evaluate(
      [
        resource('aws_s3_bucket', 'site', { acl: 'public-read', tags: { Name: EVIL } }),
        resource('aws_s3_bucket', 'logs', { acl: 'private', tags: { Name: 'logs' } }),
      ],
      diagnostics,
    );
    expect(outcome.failedRules).toEqual([
      { ruleId: 'U-B-001', error: 'ran past its 500 ms ceiling; its findings are unknown' },
    ]);
    expect(outcome.violations.map((v) => `${v.ruleId} ${v.key}`).sort()).toEqual([
      'U-B-002 aws_s3_bucket.site',
      'U-B-003 aws_s3_bucket.logs',
      'U-B-003 aws_s3_bucket.site',
    ]);
    expect(diagnostics.map((d) => [d.code, d.source])).toEqual([['policy.rule-timeout', 'a.rego']]);
  });
});

describe('without an evaluation worker', () => {
  it('rules run on this thread, in order, and the scan ceiling is still checked between rules', async () => {
    const bundle = await loadBundleDir(join(root, BUILTIN_POLICY_DIRS.dist), 'builtin');
    const rules = bundle.catalogue.rules.filter((r) => r.resourceTypes.includes('aws_ebs_volume'));
    const input = encodePolicyInput(
      [resource('aws_ebs_volume', 'vol-1', { encrypted: false })],
      new Set(['aws_ebs_volume']),
      100,
    );
    const batches = (input.get('declared')?.get('aws_ebs_volume') ?? []).map((b) => ({
      buffer: b.buffer,
      offset: b.offset,
      length: b.length,
      resources: b.byKey.size,
    }));
    const options = {
      setup: {
        modules: [await WebAssembly.compile(new Uint8Array(bundle.wasm))],
        memory: { initial: 64, maximum: 1024 },
        maxFindingsPerResource: 100,
        maxTextLength: 2000,
        recycleBytes: 1 << 30,
      },
      ruleTimeoutMs: 10_000,
      workers: 1,
      workerHeapMiB: 64,
      opaWasm: undefined,
      load: async () => createRequire(import.meta.url)('@open-policy-agent/opa-wasm').loadPolicySync,
    };
    const jobs = [{ bundle: 0, entrypoints: rules.map((r) => r.entrypoint), batches }, undefined];
    const runs = await runRules(jobs, { ...options, scanTimeoutMs: 60_000 });
    expect(runs.map((job) => job.map((run) => run.kind))).toEqual([rules.map(() => 'done'), []]);
    expect(runs[0]?.[0]).toEqual({
      kind: 'done',
      batches: [[['aws_ebs_volume.vol-1', 'encrypted', expect.any(String)]]],
      spentMs: expect.any(Number),
    });
    const late = await runRules(jobs, { ...options, scanTimeoutMs: 0 });
    expect(late).toEqual([rules.map(() => ({ kind: 'scan-ceiling', started: false })), []]);
  });
});

describe('the ceilings from the environment', () => {
  it('a ceiling that is not a whole number of milliseconds is a usage error naming the variable', async () => {
    const cwd = tempDir({ 'live.json': ESTATE });
    for (const [name, value] of [
      ['DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS', '0'],
      ['DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS', '-5'],
      ['DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS', '1.5'],
      ['DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS', '10s'],
      // setTimeout would take this as 1 ms.
      ['DRIFTWARDEN_POLICY_SCAN_TIMEOUT_MS', '99999999999'],
      ['DRIFTWARDEN_POLICY_SCAN_TIMEOUT_MS', '2147483648'],
    ] as const) {
      const result = await runCli(['scan', '--live', 'snapshot:live.json', '--format', 'json'], {
        cwd,
        env: { [name]: value },
      });
      expect(result.code, value).toBe(2);
      expect(result.stderr).toContain(
        `${name}=${value}: expected a whole number of milliseconds from 1 to 2147483647`,
      );
    }
  });
});
