import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_DIRS } from '../../src/policy/library.js';
import { findOpa } from '../../src/policy-toolchain/opa.js';
import { MAX_LISTED_PROBLEMS } from '../../src/util/zod-issue.js';
import { tempDir } from '../helpers/cli.js';
import { describeOutcome, type HostileResult, runHostile } from '../helpers/hostile.js';
import { ruleHeader } from '../helpers/rego.js';

/*
 * The regression corpus of hostile policies: user rules (compiled by the real opa) and prebuilt bundles that try to
 * hang the scan, exhaust its memory or confuse the report, run through the real CLI in a child with a heap ceiling
 * and a kill timer. Each must end as README.md's "Policies" section says: the rule named in scan.policies.failed
 * and a diagnostic, the scan incomplete (exit 3) and the other rules' findings reported; a bundle that is not one is
 * a one-line input error naming the file (exit 2). Never a hang, never unbounded memory.
 */

const root = join(import.meta.dirname, '../..');
const opa = await findOpa(process.env, root);
const required = process.env.DRIFTWARDEN_REQUIRE_OPA === '1';
if (!opa && !required) {
  console.warn(
    '\n  NOTICE: opa not found; the hostile user-policy tests are SKIPPED (bash policies/install-opa.sh)\n',
  );
}

/** The child's peak RSS, every thread included: the CLI's heap, the evaluation workers' heaps and Wasm memory. */
const MEMORY_BOUND_MIB = 600;
const KILL_AFTER_MS = 90_000;

type Files = Record<string, string | Uint8Array>;

interface Report {
  scan: {
    complete: boolean;
    policies?: { rules: number; failed: { ruleId: string; error: string }[] };
    diagnostics: { level: string; code: string; message: string; source?: string }[];
  };
  violations: { ruleId: string; key: string; path?: string; message: string }[];
}

function rule(id: string, body: string, imports = ''): string {
  return `${ruleHeader(id, { title: 'hostile rule' })}${imports}
${body}
`;
}

/** One finding per bucket whose condition holds; `r` is the bucket. */
const each = (condition: string, message = '"found"') =>
  `deny contains result.finding(rego.metadata.chain(), r, "tags", ${message}) if {
	some r in result.resources(rego.metadata.chain())
	${condition}
}`;

/** A good user rule beside each hostile one: its finding must survive. */
const CONTROL_RULE = rule('U-OK-001', each('r.attributes.acl == "public-read"', '"public"'));

const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghij'
    .split('')
    .map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghij'[index]}`).join(',')}]`),
].join('\n');

/** One public bucket carrying the payloads the rules read, and an unencrypted volume for the built-in rules. */
const LIVE = JSON.stringify({
  snapshotVersion: 1,
  coveredTypes: ['*'],
  resources: [
    {
      type: 'aws_s3_bucket',
      id: 'site',
      attributes: {
        bucket: 'site',
        acl: 'public-read',
        tags: {
          evil: `${'a'.repeat(40)}!`,
          deep: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
          laughs: LAUGHS,
        },
      },
    },
    {
      type: 'aws_ebs_volume',
      id: 'vol-1',
      attributes: { availability_zone: 'eu-west-1a', encrypted: false, size: 1, type: 'gp3' },
    },
  ],
});

const CONTROL_FINDINGS = ['DW-AWS-EBS-001 aws_ebs_volume.vol-1', 'U-OK-001 aws_s3_bucket.site'];

async function scan(files: Files, env: Record<string, string> = {}, extra: string[] = []) {
  const cwd = tempDir({ 'live.json': LIVE });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), content);
  }
  const result = await runHostile(
    ['scan', '--live', 'snapshot:live.json', '--format', 'json', '--fail-on', 'none', ...extra],
    {
      cwd,
      timeoutMs: KILL_AFTER_MS,
      heapMiB: 512,
      env: { XDG_CACHE_HOME: join(cwd, 'cache'), ...(opa ? { DRIFTWARDEN_OPA: opa.path } : {}), ...env },
    },
  );
  const outcome = describeOutcome(result);
  expect(result.timedOut, outcome).toBe(false);
  expect(result.maxRssMiB, outcome).toBeGreaterThan(0);
  expect(result.maxRssMiB, outcome).toBeLessThan(MEMORY_BOUND_MIB);
  expectPlainStderr(result);
  return { result, outcome, report: parseReport(result) };
}

/** A stack frame as Node prints one (`    at name (file:line:col)`), shown only with --debug. */
const STACK_FRAME = /^\s+at .*(:\d+:\d+\)?|<anonymous>\)?)$/m;

/**
 * Whatever a hostile policy does, stderr is what a user can read: no stack trace, every line bounded (an error
 * lists at most MAX_LISTED_PROBLEMS problems of bounded length and never quotes a policy's contents), and every
 * error or warning a single line naming what failed.
 */
function expectPlainStderr(result: HostileResult) {
  expect(result.stderr, describeOutcome(result)).not.toMatch(STACK_FRAME);
  for (const line of result.stderr.split('\n').filter((l) => l !== '')) {
    expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(400 * (MAX_LISTED_PROBLEMS + 1));
    expect(line, result.stderr).toMatch(/^(driftwarden: |::|\w)/);
  }
}

function parseReport(result: HostileResult): Report | undefined {
  return result.code === 2 ? undefined : (JSON.parse(result.stdout) as Report);
}

const found = (report: Report | undefined) =>
  (report?.violations ?? []).map((v) => `${v.ruleId} ${v.key}`).sort();

/** The outcome of a rule that fails while the scan goes on: named once, incomplete, the other findings there. */
function expectRuleFailed(
  { result, outcome, report }: Awaited<ReturnType<typeof scan>>,
  ruleId: string,
  error: string,
  code = 'policy.rule-failed',
) {
  expect(result.code, outcome).toBe(3);
  expect(report?.scan.complete).toBe(false);
  expect(report?.scan.policies?.failed).toEqual([{ ruleId, error }]);
  const diagnostics = report?.scan.diagnostics.filter((d) => d.code.startsWith('policy.')) ?? [];
  expect(diagnostics.map((d) => [d.level, d.code, d.source])).toEqual([['error', code, 'hostile.rego']]);
  expect(diagnostics[0]?.message).toContain(ruleId);
  expect(found(report)).toEqual(CONTROL_FINDINGS);
  const failures = result.stderr.split('\n').filter((line) => line.includes('rule failed: '));
  expect(failures, result.stderr).toHaveLength(1);
  expect(failures[0]).toContain(`rule failed: ${ruleId}: `);
}

const userRules = (hostile: string) => ({ 'mine/hostile.rego': hostile, 'mine/ok.rego': CONTROL_RULE });
const POLICIES = ['--policies', 'mine'];

describe.skipIf(!opa)('hostile user rules', () => {
  it('a catastrophic regular expression (regex.split, run in JavaScript) is stopped at its ceiling', async () => {
    const run = await scan(
      userRules(rule('U-REDOS-001', each('count(regex.split(`(a+)+$`, r.attributes.tags.evil)) > 1'))),
      { DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS: '1000' },
      POLICIES,
    );
    expectRuleFailed(
      run,
      'U-REDOS-001',
      'ran past its 1 s ceiling; its findings are unknown',
      'policy.rule-timeout',
    );
    expect(run.report?.scan.diagnostics.find((d) => d.code === 'policy.rule-timeout')?.message).toBe(
      'rule U-REDOS-001 ran past its 1 s ceiling; its findings are unknown',
    );
  });

  it('a huge sprintf width fails the rule before it builds hundreds of megabytes', async () => {
    const run = await scan(
      userRules(rule('U-SPRINTF-001', each('true', 'sprintf("%0400000000d", [1])'))),
      {},
      POLICIES,
    );
    expectRuleFailed(
      run,
      'U-SPRINTF-001',
      'a string of 399999999 characters is past the 8388608 a rule may build',
    );
  });

  it('deep recursion: a recursive rule is a compile error naming the file; the other rules run', async () => {
    const recursive = rule('U-RECURSE-001', `depth(n) := depth(n + 1)\n\n${each('depth(0) > 1')}`);
    const { result, outcome, report } = await scan(userRules(recursive), {}, POLICIES);
    expect(result.code, outcome).toBe(0);
    const problems = report?.scan.diagnostics.filter((d) => d.code === 'policy.compile-failed') ?? [];
    expect(problems.map((d) => d.source)).toEqual(['mine/hostile.rego']);
    expect(problems[0]?.message).toMatch(
      /^does not compile, left out: line \d+: rego_recursion_error: rule data\.user\.rules\.ru_recurse_001\.depth is recursive/,
    );
    expect(report?.scan.policies?.failed).toEqual([]);
    expect(found(report)).toEqual(CONTROL_FINDINGS);
  });

  it('deep recursion at run time: json.unmarshal of 100,000 nested arrays fails the rule, not the scan', async () => {
    const run = await scan(
      userRules(rule('U-DEEP-001', each('json.unmarshal(r.attributes.tags.deep)'))),
      {},
      POLICIES,
    );
    expectRuleFailed(run, 'U-DEEP-001', 'Maximum call stack size exceeded');
  });

  it('a rule returning a million findings is stopped at its ceiling; its findings are unknown', async () => {
    const many = rule(
      'U-MANY-001',
      `deny contains {"ruleId": "U-MANY-001", "key": r.key, "path": format_int(i, 10), "message": "m"} if {
	some r in result.resources(rego.metadata.chain())
	some i in numbers.range(1, 1000000)
}`,
    );
    const run = await scan(userRules(many), { DRIFTWARDEN_POLICY_RULE_TIMEOUT_MS: '2000' }, POLICIES);
    expectRuleFailed(
      run,
      'U-MANY-001',
      'ran past its 2 s ceiling; its findings are unknown',
      'policy.rule-timeout',
    );
  });

  it('a rule returning thousands of findings for one resource fails: more than 100 a resource', async () => {
    const many = rule(
      'U-MANY-002',
      `deny contains {"ruleId": "U-MANY-002", "key": r.key, "path": format_int(i, 10), "message": "m"} if {
	some r in result.resources(rego.metadata.chain())
	some i in numbers.range(1, 5000)
}`,
    );
    const run = await scan(userRules(many), {}, POLICIES);
    expectRuleFailed(run, 'U-MANY-002', 'returned 5000 findings for 1 resource, more than 100 a resource');
  });

  it('malformed findings are counted and the rule reported; its well-formed finding is kept', async () => {
    const malformed = rule(
      'U-BAD-001',
      `deny contains {"key": "aws_s3_bucket.nowhere", "message": "names no resource"} if { true }

deny contains {"key": r.key, "message": {"not": "a string"}} if {
	some r in result.resources(rego.metadata.chain())
}

deny contains "just a string" if { true }

deny contains {"key": r.key, "message": concat("", ["x" | some _ in numbers.range(1, 5000)])} if {
	some r in result.resources(rego.metadata.chain())
}`,
    );
    const { result, outcome, report } = await scan(
      { 'mine/hostile.rego': malformed, 'mine/ok.rego': CONTROL_RULE },
      {},
      POLICIES,
    );
    expect(result.code, outcome).toBe(3);
    const what =
      'returned 3 findings without the key of a resource it was given or without a message; findings must be {ruleId, key, path, message}';
    expect(report?.scan.policies?.failed).toEqual([
      { ruleId: 'U-BAD-001', error: `${what}; its findings are incomplete` },
    ]);
    expect(report?.scan.diagnostics.filter((d) => d.code === 'policy.bad-finding')).toEqual([
      {
        level: 'error',
        code: 'policy.bad-finding',
        message: `rule U-BAD-001 ${what}`,
        source: 'hostile.rego',
      },
    ]);
    const kept = report?.violations.filter((v) => v.ruleId === 'U-BAD-001') ?? [];
    // The 5,000-character message is cut to 2,000 and an ellipsis.
    expect(kept.map((v) => [v.key, v.message.length])).toEqual([['aws_s3_bucket.site', 2001]]);
    expect(found(report).filter((f) => !f.startsWith('U-BAD-'))).toEqual(CONTROL_FINDINGS);
  });

  it('a billion-laughs YAML document in yaml.unmarshal fails the rule', async () => {
    const run = await scan(
      userRules(rule('U-YAML-001', each('yaml.unmarshal(r.attributes.tags.laughs)'))),
      {},
      POLICIES,
    );
    expectRuleFailed(run, 'U-YAML-001', 'Excessive alias count indicates a resource exhaustion attack');
  });

  it('a policy directory with files that are not Rego: a binary .rego is left out and named, the rest ignored', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const { result, outcome, report } = await scan(
      {
        'mine/picture.rego': png,
        'mine/notes.md': '# not a policy\n',
        // opa would load a data document; only .rego files are staged, so it cannot shadow the library.
        'mine/data.json': JSON.stringify({ driftwarden: { lib: { result: { resources: [] } } } }),
        'mine/ok.rego': CONTROL_RULE,
      },
      {},
      POLICIES,
    );
    expect(result.code, outcome).toBe(0);
    const problems = report?.scan.diagnostics.filter((d) => d.code === 'policy.compile-failed') ?? [];
    expect(problems.map((d) => d.source)).toEqual(['mine/picture.rego']);
    expect(problems[0]?.message).toMatch(/^does not compile, left out: /);
    expect(found(report)).toEqual(CONTROL_FINDINGS);
  });
});

/** A prebuilt bundle: the built-in module with a catalogue written by the test. */
function bundle(catalogue: string | Uint8Array, wasm?: Uint8Array): Files {
  return {
    'bundle/catalogue.json': catalogue,
    'bundle/policy.wasm': wasm ?? readFileSync(join(root, BUILTIN_POLICY_DIRS.dist, 'policy.wasm')),
  };
}

const BUILTIN = JSON.parse(readFileSync(join(root, BUILTIN_POLICY_DIRS.dist, 'catalogue.json'), 'utf8')) as {
  rules: { id: string }[];
};
const EBS = BUILTIN.rules.find((r) => r.id === 'DW-AWS-EBS-001');
const BUNDLE_ONLY = ['--policy-bundle', 'bundle', '--no-builtin-policies'];

function inputErrorOf({ result, outcome }: Awaited<ReturnType<typeof scan>>): string {
  expect(result.code, outcome).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  return lines[0] ?? '';
}

describe('hostile prebuilt bundles', () => {
  it('a truncated catalogue.json is an input error naming the file', async () => {
    const text = JSON.stringify({ ...BUILTIN, rules: [EBS] }).slice(0, 200);
    const line = inputErrorOf(await scan(bundle(text), {}, BUNDLE_ONLY));
    expect(line).toBe(
      'driftwarden: error: bundle/catalogue.json: invalid JSON (unexpected end of file; truncated?)',
    );
  });

  it('__proto__ keys neither add rules nor change any: the catalogue reads as its own keys say', async () => {
    const text = JSON.stringify({ ...BUILTIN, rules: [EBS] })
      .replace('{', '{"__proto__":{"rules":[{"id":"X-EVIL-001"}],"polluted":true},')
      .replace(
        '"id":"DW-AWS-EBS-001"',
        '"__proto__":{"id":"X-EVIL-002","severity":"critical"},"id":"DW-AWS-EBS-001"',
      );
    const { result, outcome, report } = await scan(bundle(text), {}, BUNDLE_ONLY);
    expect(result.code, outcome).toBe(0);
    expect(report?.scan.policies).toEqual({ rules: 1, failed: [] });
    expect(report?.violations.map((v) => `${v.ruleId} ${v.key}`)).toEqual([
      'DW-AWS-EBS-001 aws_ebs_volume.vol-1',
    ]);
  });

  it('a rule whose fields sit only under __proto__ is refused, naming the field', async () => {
    const text = JSON.stringify({ ...BUILTIN, rules: [] }).replace(
      '"rules":[]',
      `"rules":[{"__proto__":${JSON.stringify(EBS)}}]`,
    );
    const line = inputErrorOf(await scan(bundle(text), {}, BUNDLE_ONLY));
    expect(line).toMatch(
      /^driftwarden: error: bundle\/catalogue\.json: invalid catalogue: rules\[0\]\.id: required field is missing; /,
    );
  });

  it('rule ids and files with control characters, duplicate ids or odd entrypoints are refused', async () => {
    for (const [change, problem] of [
      [{ id: 'DW-\u001b[2J-001' }, 'rules[0].id must look like DW-AWS-IAM-001'],
      [{ file: 'a\u001b]0;pwned\u0007.rego' }, 'rules[0] (DW-AWS-EBS-001) contains control characters'],
      [
        // policies list and show print the equivalents on a terminal.
        { equivalents: { checkov: ['CKV_AWS_3\u001b]0;pwned\u0007'], trivy: [] } },
        'rules[0] (DW-AWS-EBS-001) contains control characters',
      ],
      [{ entrypoint: '__proto__' }, undefined],
      [
        { entrypoint: '../../etc' },
        'rules[0].entrypoint (DW-AWS-EBS-001) must be a package path such as a/b/deny',
      ],
    ] as const) {
      const rules = [{ ...EBS, ...change }];
      const run = await scan(bundle(JSON.stringify({ ...BUILTIN, rules })), {}, BUNDLE_ONLY);
      if (problem === undefined) {
        // A well-formed entrypoint the module lacks (an Object.prototype name, here) fails that rule alone.
        expect(run.result.code, run.outcome).toBe(3);
        expect(run.report?.scan.policies?.failed).toEqual([
          { ruleId: 'DW-AWS-EBS-001', error: 'entrypoint __proto__ is not valid in this instance' },
        ]);
        continue;
      }
      expect(inputErrorOf(run)).toBe(
        `driftwarden: error: bundle/catalogue.json: invalid catalogue: ${problem}`,
      );
    }
    const twice = JSON.stringify({ ...BUILTIN, rules: [EBS, EBS] });
    expect(inputErrorOf(await scan(bundle(twice), {}, BUNDLE_ONLY))).toBe(
      'driftwarden: error: bundle/catalogue.json: invalid catalogue: rules[1].id DW-AWS-EBS-001 appears twice',
    );
  });

  it('a catalogue.json that is a FIFO is named, never opened (no hang)', async () => {
    const cwd = tempDir({
      'live.json': LIVE,
      'bundle/policy.wasm': bundle('{}')['bundle/policy.wasm'] ?? '',
    });
    execFileSync('mkfifo', [join(cwd, 'bundle/catalogue.json')]);
    const result = await runHostile(
      ['scan', '--live', 'snapshot:live.json', '--format', 'json', ...BUNDLE_ONLY],
      {
        cwd,
        timeoutMs: KILL_AFTER_MS,
      },
    );
    expect(result.timedOut, describeOutcome(result)).toBe(false);
    expect(result.code, describeOutcome(result)).toBe(2);
    expect(result.stderr.trim()).toBe(
      'driftwarden: error: bundle/catalogue.json: is a named pipe (FIFO), expected a regular file',
    );
  });

  it('a policy.wasm that is not WebAssembly is an input error naming the file', async () => {
    const text = JSON.stringify({ ...BUILTIN, rules: [EBS] });
    const line = inputErrorOf(
      await scan(bundle(text, new TextEncoder().encode('\0asm not really')), {}, BUNDLE_ONLY),
    );
    expect(line).toBe(
      'driftwarden: error: bundle/policy.wasm: not a valid WebAssembly module (build the bundle with `driftwarden policies build`)',
    );
  });
});
