import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { describeOutcome, type HostileResult, runHostile } from '../helpers/hostile.js';
import { one, snapshot, state } from '../helpers/state.js';

/**
 * Hostile files: states, plans, snapshots, config files and baselines a pull request can change. Each ends as
 * documented: exit 2 with one line naming the file and the problem (exit 1 or 0 where the input is merely odd and
 * scans), within the kill timer, under the memory bound, with no stack trace.
 */
const MEMORY_MIB = 400;
const TIMEOUT_MS = 20_000;

const BUCKET = { id: 'b', bucket: 'b', acl: 'private', tags: { env: 'prod' } };
const STATE = state([one('aws_s3_bucket', 'b', BUCKET)]);
const LIVE = snapshot([{ type: 'aws_s3_bucket', id: 'b', attributes: BUCKET }]);
/** The prefix of a state whose first attribute value follows; it opens six levels. */
const DEEP_PREFIX =
  '{"version":4,"resources":[{"mode":"managed","type":"aws_s3_bucket","name":"b","instances":[{"attributes":{"id":"b","x":';

type Run = HostileResult & { cwd: string };

async function run(files: Record<string, string | Uint8Array>, args: string[]): Promise<Run> {
  const cwd = tempDir(files);
  return { ...(await runHostile(['scan', ...args], { cwd, timeoutMs: TIMEOUT_MS, heapMiB: 512 })), cwd };
}

/** The JSON report goes to a file: stdout is cut at 4 MiB by the runner. */
const JSON_REPORT = ['--output', 'json=report.json'];

const scanArgs = (stateFile = 'bad.tfstate', live = 'live.json') => [
  '--state',
  stateFile,
  '--live',
  `snapshot:${live}`,
];

function expectBounded(result: HostileResult): void {
  expect(result.timedOut, describeOutcome(result)).toBe(false);
  expect(result.maxRssMiB, describeOutcome(result)).toBeGreaterThan(0);
  expect(result.maxRssMiB, describeOutcome(result)).toBeLessThan(MEMORY_MIB);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

/** Exit 2, nothing on stdout, and exactly this one line on stderr. */
function expectOneError(result: HostileResult, line: string | RegExp): void {
  expectBounded(result);
  expect(result.code, describeOutcome(result)).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, describeOutcome(result)).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

interface JsonReport {
  summary: { declared: number; live: number; changed: number; ignored: number };
  drift: { key: string; changes: { path: string; declared: unknown; live: unknown }[] }[];
  scan: { diagnostics: { code: string; message: string; source: string }[] };
}

/** A scan that completes: exit 0 or 1, nothing on stderr, and the JSON report it wrote. */
function expectScan(result: Run): JsonReport {
  expectBounded(result);
  expect([0, 1], describeOutcome(result)).toContain(result.code);
  expect(result.stderr).toBe('');
  return JSON.parse(readFileSync(join(result.cwd, 'report.json'), 'utf8')) as JsonReport;
}

const deepState = (levels: number, tail = ']'.repeat(levels)) =>
  `${DEEP_PREFIX}${'['.repeat(levels)}${tail}}}]}]}`;

/** Each bad state: its content and the exact problem after `bad.tfstate: `. */
const BAD_STATES: [string, string | Uint8Array, string][] = [
  [
    'nested 100,000 levels deep',
    deepState(100_000),
    `nested deeper than 256 levels at line 1, column ${DEEP_PREFIX.length + 251}; driftwarden reads at most 256`,
  ],
  [
    'nested 100,000 levels deep and cut off',
    deepState(100_000, ''),
    `nested deeper than 256 levels at line 1, column ${DEEP_PREFIX.length + 251}; driftwarden reads at most 256`,
  ],
  [
    'nested deep on a later line, with brackets inside strings that do not count',
    `{\n"a": "[[[[\\"[[[[[[\\\\",\n"b": ${'['.repeat(300)}${']'.repeat(300)}}`,
    'nested deeper than 256 levels at line 3, column 261; driftwarden reads at most 256',
  ],
  [
    'a resource type of the wrong type',
    JSON.stringify({ version: 4, resources: [{ mode: 'managed', type: 5, name: 'x', instances: [] }] }),
    'invalid state: resources[0].type: expected string, got number',
  ],
  [
    'thirty resources with a wrong field each: twenty listed, then a count',
    JSON.stringify({
      version: 4,
      resources: Array.from({ length: 30 }, () => ({
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 1,
        instances: [],
      })),
    }),
    `invalid state: ${Array.from({ length: 20 }, (_, i) => `resources[${i}].name: expected string, got number`).join('; ')}; and 10 more`,
  ],
  [
    'a NUL byte at the start',
    new Uint8Array([0x7b, 0x00, 0x7d]),
    'binary content, expected a UTF-8 text file',
  ],
  [
    'a raw NUL byte in a string past the first 8 KiB',
    `{"version":4,"pad":"${'x'.repeat(9000)}\u0000","resources":[]}`,
    `invalid JSON (syntax error at line 1, column ${'{"version":4,"pad":"'.length + 9000 + 1})`,
  ],
  [
    'not UTF-8 (Latin-1)',
    new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
    'not valid UTF-8 text (binary content?)',
  ],
  ['an empty file', '', 'file is empty'],
  ['truncated JSON', STATE.slice(0, STATE.length / 2), 'invalid JSON (unexpected end of file; truncated?)'],
  [
    'a version of 1e999',
    '{"version": 1e999, "resources": []}',
    'unsupported state format version Infinity; driftwarden reads version 4',
  ],
  [
    'a field with a value it cannot take',
    '{"version":4,"resources":[{"mode":"managed","type":"t","name":"n","instances":[],"each":"a\\nb"}]}',
    'invalid state: resources[0].each: expected one of "list"|"map"',
  ],
];

describe('hostile states', () => {
  it.each(BAD_STATES)('%s', async (_name, content, problem) => {
    const result = await run({ 'bad.tfstate': content, 'live.json': LIVE }, scanArgs());
    expectOneError(result, `driftwarden: error: bad.tfstate: ${problem}`);
  });

  it('a bad state beside a good one: the good one is reported, the scan incomplete (exit 3)', async () => {
    const result = await run({ 'bad.tfstate': deepState(50_000), 'good.tfstate': STATE, 'live.json': LIVE }, [
      '--state',
      'bad.tfstate',
      '--state',
      'good.tfstate',
      '--live',
      'snapshot:live.json',
      '--format',
      'json',
    ]);
    expectBounded(result);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'driftwarden: source failed: bad.tfstate: nested deeper than 256 levels at line 1',
    );
    expect((JSON.parse(result.stdout) as JsonReport).summary.declared).toBe(1);
  });

  it('prototype keys (__proto__, constructor, toString, hasOwnProperty) are attributes like any other', async () => {
    const declared =
      '{"id":"b","bucket":"b","__proto__":{"x":1},"constructor":"c","toString":"t","hasOwnProperty":1,' +
      '"tags":{"__proto__":"p","constructor":"k","env":"prod"},"valueOf":[{"__proto__":1}]}';
    const live =
      '{"id":"b","bucket":"b","__proto__":{"x":2},"constructor":"d","toString":"t","hasOwnProperty":2,' +
      '"tags":{"__proto__":"q","constructor":"k","env":"prod","toString":"live-only"},"valueOf":[{"__proto__":2}]}';
    const files = {
      'a.tfstate': `{"version":4,"resources":[{"mode":"managed","type":"aws_s3_bucket","name":"b","instances":[{"attributes":${declared}}]}]}`,
      'live.json': `{"snapshotVersion":1,"coveredTypes":["aws_s3_bucket"],"resources":[{"type":"aws_s3_bucket","id":"b","attributes":${live}}]}`,
    };
    const report = expectScan(await run(files, [...scanArgs('a.tfstate'), ...JSON_REPORT]));
    expect(report.drift.map((entry) => entry.changes)).toEqual([
      [
        { path: '__proto__.x', declared: 1, live: 2 },
        { path: 'constructor', declared: 'c', live: 'd' },
        { path: 'hasOwnProperty', declared: 1, live: 2 },
        { path: 'tags.__proto__', declared: 'p', live: 'q' },
        { path: 'tags.toString', declared: null, live: 'live-only' },
        { path: 'valueOf[0].__proto__', declared: 1, live: 2 },
      ],
    ]);
    // Every format renders them.
    for (const format of ['table', 'markdown', 'sarif', 'html', 'junit']) {
      const result = await run(files, [...scanArgs('a.tfstate'), '--format', format]);
      expectBounded(result);
      expect(result.code, describeOutcome(result)).toBe(1);
      expect(result.stderr).toBe('');
    }
  });

  it('a live-only tag named constructor is reported, not hidden', async () => {
    const report = expectScan(
      await run(
        {
          'a.tfstate': state([one('aws_s3_bucket', 'b', { ...BUCKET, tags: { env: 'prod' } })]),
          'live.json': snapshot([
            {
              type: 'aws_s3_bucket',
              id: 'b',
              attributes: { ...BUCKET, tags: { env: 'prod', constructor: 'x' } },
            },
          ]),
        },
        [...scanArgs('a.tfstate'), ...JSON_REPORT],
      ),
    );
    expect(report.drift[0]?.changes).toEqual([{ path: 'tags.constructor', declared: null, live: 'x' }]);
  });

  it('a string of 8 MiB scans, in bounded memory', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024);
    const report = expectScan(
      await run(
        {
          'a.tfstate': state([one('aws_s3_bucket', 'b', { ...BUCKET, description: big })]),
          'live.json': snapshot([
            { type: 'aws_s3_bucket', id: 'b', attributes: { ...BUCKET, description: `${big}y` } },
          ]),
        },
        [...scanArgs('a.tfstate'), ...JSON_REPORT],
      ),
    );
    expect(report.drift[0]?.changes.map((change) => change.path)).toEqual(['description']);
  });

  it('a state written as one line of more than 1 MB scans', async () => {
    const resources = Array.from({ length: 4000 }, (_, i) =>
      one('aws_s3_bucket', `b${i}`, { id: `bucket-${i}`, bucket: `bucket-${i}`, tags: { n: String(i) } }),
    );
    const line = JSON.stringify(JSON.parse(state(resources)));
    expect(line.length).toBeGreaterThan(1_000_000);
    const report = expectScan(
      await run({ 'a.tfstate': line, 'live.json': LIVE }, [...scanArgs('a.tfstate'), ...JSON_REPORT]),
    );
    expect(report.summary.declared).toBe(4000);
  });

  it('escaped NUL characters in a value, a byte-order mark and numbers like 1e999 scan', async () => {
    const withBom = `\ufeff${state([one('aws_s3_bucket', 'b', { ...BUCKET, note: 'a\u0000b' })]).replace('"private"', '1e999')}`;
    const live = snapshot([
      { type: 'aws_s3_bucket', id: 'b', attributes: { ...BUCKET, note: 'a\u0000b' } },
    ]).replace('"private"', '1e999');
    const report = expectScan(
      await run({ 'a.tfstate': withBom, 'live.json': live }, [...scanArgs('a.tfstate'), ...JSON_REPORT]),
    );
    expect(report.summary).toMatchObject({ declared: 1, live: 1, changed: 0 });
  });

  it('duplicate keys: the last one wins, as in JSON.parse and Terraform', async () => {
    const duplicated = state([one('aws_s3_bucket', 'b', BUCKET)]).replace(
      '"acl": "private"',
      '"acl": "public-read", "acl": "private"',
    );
    expect(duplicated).toContain('"acl": "public-read", "acl": "private"');
    const report = expectScan(
      await run({ 'a.tfstate': duplicated, 'live.json': LIVE }, [...scanArgs('a.tfstate'), ...JSON_REPORT]),
    );
    expect(report.summary.changed).toBe(0);
  });

  it('a named pipe or a device as a state is named, never opened', async () => {
    const cwd = tempDir({ 'live.json': LIVE });
    execFileSync('mkfifo', [join(cwd, 'pipe.tfstate')]);
    symlinkSync('/dev/zero', join(cwd, 'zero.tfstate'));
    expectOneError(
      await runHostile(['scan', ...scanArgs('pipe.tfstate')], { cwd, timeoutMs: TIMEOUT_MS }),
      'driftwarden: error: pipe.tfstate: is a named pipe (FIFO), expected a regular file',
    );
    expectOneError(
      await runHostile(['scan', ...scanArgs('zero.tfstate')], { cwd, timeoutMs: TIMEOUT_MS }),
      'driftwarden: error: zero.tfstate: is a character device, expected a regular file',
    );
  });
});

const plan = (values: string) =>
  `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","provider_name":"registry.terraform.io/hashicorp/aws","values":${values},"sensitive_values":{}}]}}}`;

describe('hostile plans', () => {
  it.each([
    [
      'nested 100,000 levels deep',
      plan(`{"id":"b","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      /^driftwarden: error: bad\.json: nested deeper than 256 levels at line 1, column \d+; driftwarden reads at most 256$/,
    ],
    [
      'an address of the wrong type',
      plan('{}').replace('"address":"aws_s3_bucket.b"', '"address":7'),
      'driftwarden: error: bad.json: invalid plan: planned_values.root_module.resources[0].address: expected string, got number',
    ],
    [
      'values that are not an object',
      plan('"a string"'),
      'driftwarden: error: bad.json: invalid plan: planned_values.root_module.resources[0].values: expected object, got string',
    ],
  ])('%s', async (_name, content, line) => {
    expectOneError(
      await run({ 'bad.json': content, 'live.json': LIVE }, [
        '--plan',
        'bad.json',
        '--live',
        'snapshot:live.json',
      ]),
      line,
    );
  });

  it('prototype keys in planned values are compared like any other', async () => {
    const report = expectScan(
      await run(
        {
          'plan.json': plan('{"id":"b","bucket":"b","__proto__":{"x":1},"tags":{"constructor":"x"}}'),
          'live.json':
            '{"snapshotVersion":1,"coveredTypes":["aws_s3_bucket"],"resources":[{"type":"aws_s3_bucket","id":"b","attributes":{"id":"b","bucket":"b","__proto__":{"x":2},"tags":{"constructor":"y"}}}]}',
        },
        ['--plan', 'plan.json', '--live', 'snapshot:live.json', ...JSON_REPORT],
      ),
    );
    expect(report.drift[0]?.changes).toEqual([
      { path: '__proto__.x', declared: 1, live: 2 },
      { path: 'tags.constructor', declared: 'x', live: 'y' },
    ]);
  });
});

describe('hostile snapshots', () => {
  it.each([
    [
      'nested 100,000 levels deep',
      `{"snapshotVersion":1,"coveredTypes":[],"resources":[{"type":"aws_s3_bucket","id":"b","attributes":{"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}]}`,
      /^driftwarden: error: live\.json: nested deeper than 256 levels at line 1, column \d+/,
    ],
    [
      'a sensitive path that is not one',
      snapshot([{ type: 'aws_s3_bucket', id: 'b', attributes: {} }]).replace(
        '"attributes": {}',
        '"attributes": {}, "sensitivePaths": ["ok", "a[\\"b"]',
      ),
      'driftwarden: error: live.json: invalid snapshot: resources[0].sensitivePaths[1]: not an attribute path such as a.b[0]',
    ],
    [
      'a __proto__ key at the top',
      '{"snapshotVersion":1,"coveredTypes":[],"resources":[],"__proto__":{"coveredTypes":["*"]}}',
      'driftwarden: error: live.json: invalid snapshot: (top level): Unrecognized key: "__proto__"',
    ],
    [
      'a resource id of the wrong type',
      '{"snapshotVersion":1,"coveredTypes":[],"resources":[{"type":"aws_s3_bucket","id":5,"attributes":{}}]}',
      'driftwarden: error: live.json: invalid snapshot: resources[0].id: expected string, got number',
    ],
  ])('%s', async (_name, content, line) => {
    expectOneError(
      await run({ 'good.tfstate': STATE, 'live.json': content }, scanArgs('good.tfstate')),
      line,
    );
  });
});

const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map(
    (name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`,
  ),
  'state: [a.tfstate]',
].join('\n');

describe('hostile config files', () => {
  it.each([
    [
      'an alias bomb',
      BOMB,
      'bad.yml: invalid YAML: its aliases expand to too much (at most 100 alias expansions)',
    ],
    [
      'flow collections nested 50,000 deep',
      `state: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      'bad.yml: invalid YAML: nested deeper than 256 levels at line 1; driftwarden reads at most 256',
    ],
    [
      'block mappings nested 300 deep',
      `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
      'bad.yml: invalid YAML: nested deeper than 256 levels at line 257; driftwarden reads at most 256',
    ],
    [
      'a __proto__ key',
      '__proto__: {state: [x]}\nstate: [a.tfstate]\n',
      'bad.yml: invalid config: (top level): Unrecognized key: "__proto__"',
    ],
    [
      'a __proto__ output format',
      'state: [a.tfstate]\noutputs: {__proto__: x.json}\n',
      'bad.yml: invalid config: outputs: Unrecognized key: "__proto__"',
    ],
    [
      'wrong types everywhere',
      'state: 3\nlive: [1]\nfailOn: [x]\nbuiltinPolicies: "yes"\nwaivers: [{rule: 1, resource: r}]\n',
      'bad.yml: invalid config: state: expected string or array, got number; live[0]: expected string, got number; failOn[0]: expected one of "none"|"drift"|"critical"|"high"|"medium"|"low"|"new:drift"|"new:critical"|"new:high"|"new:medium"|"new:low"; builtinPolicies: expected boolean, got string; waivers[0].rule: expected string, got number; waivers[0].reason: required field is missing',
    ],
    [
      'duplicate keys',
      'state: [a.tfstate]\nstate: [b.tfstate]\n',
      'bad.yml: invalid YAML: Map keys must be unique at line 2, column 1',
    ],
    [
      'a file of 2 MiB',
      `# ${'x'.repeat(2 * 1024 * 1024)}\nstate: [a.tfstate]\n`,
      'bad.yml: file is too large (2 MiB; at most 1 MiB)',
    ],
    ['an empty file', '', 'bad.yml: file is empty'],
  ])('%s', async (_name, content, problem) => {
    expectOneError(
      await run({ 'bad.yml': content, 'a.tfstate': STATE }, ['--config', 'bad.yml']),
      `driftwarden: error: ${problem}`,
    );
  });

  it('a key with a line break stays on one line', async () => {
    const result = await run({ 'bad.yml': '"a\\nb": 1\nstate: [a.tfstate]\n', 'a.tfstate': STATE }, [
      '--config',
      'bad.yml',
    ]);
    expectOneError(
      result,
      'driftwarden: error: bad.yml: invalid config: (top level): Unrecognized key: "a\\u000ab"',
    );
  });

  it('outputs as the README shows them: one format, written', async () => {
    const cwd = tempDir({
      'driftwarden.yml':
        'state: [a.tfstate]\nlive: [snapshot:live.json]\noutputs:\n  json: reports/drift.json\n',
      'a.tfstate': STATE,
      'live.json': LIVE,
    });
    const result = await runHostile(['scan'], { cwd, timeoutMs: TIMEOUT_MS });
    expectBounded(result);
    expect(result.code, describeOutcome(result)).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'reports/drift.json'), 'utf8'))).toMatchObject({
      summary: { declared: 1, live: 1 },
    });
  });
});

describe('hostile baselines', () => {
  it.each([
    [
      'nested 100,000 levels deep',
      `{"schemaVersion":2,"drift":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      `driftwarden: error: base.json: nested deeper than 256 levels at line 1, column ${'{"schemaVersion":2,"drift":'.length + 256}; driftwarden reads at most 256`,
    ],
    [
      'truncated',
      '{"schemaVersion": 2, "drift": [',
      'driftwarden: error: base.json: invalid JSON (unexpected end of file; truncated?)',
    ],
    [
      'not a report',
      '{"schemaVersion": 2, "summary": {"declared": "one"}}',
      /^driftwarden: error: base\.json: not a driftwarden JSON report: .*summary\.declared: expected number, got string/,
    ],
  ])('%s', async (_name, content, line) => {
    expectOneError(
      await run({ 'a.tfstate': STATE, 'live.json': LIVE, 'base.json': content }, [
        ...scanArgs('a.tfstate'),
        '--baseline',
        'base.json',
      ]),
      line,
    );
  });
});

describe('hostile report files', () => {
  it('a named pipe, a directory, a symbolic link, a path under a file, the same path twice: refused before the scan', async () => {
    const cwd = tempDir({ 'a.tfstate': STATE, 'live.json': LIVE, 'dir/keep': '', 'file.txt': 'x' });
    execFileSync('mkfifo', [join(cwd, 'pipe.json')]);
    symlinkSync(join(cwd, 'file.txt'), join(cwd, 'link.json'));
    const cases: [string[], string][] = [
      [
        ['json=pipe.json'],
        'pipe.json: cannot write the json report: is a named pipe (FIFO), not a regular file',
      ],
      [['sarif=dir'], 'dir: cannot write the sarif report: is a directory'],
      [
        ['html=link.json'],
        'link.json: cannot write the html report: is a symbolic link; driftwarden does not write through one',
      ],
      [
        ['json=file.txt/r.json'],
        'file.txt/r.json: cannot write the json report: a parent of it is not a directory',
      ],
      [['json=r.json', 'sarif=r.json'], 'r.json: given for both the json and the sarif report'],
    ];
    for (const [outputs, problem] of cases) {
      const args = ['scan', ...scanArgs('a.tfstate'), ...outputs.flatMap((output) => ['--output', output])];
      expectOneError(
        await runHostile(args, { cwd, timeoutMs: TIMEOUT_MS }),
        `driftwarden: error: ${problem}`,
      );
    }
    expect(readFileSync(join(cwd, 'file.txt'), 'utf8')).toBe('x');
  });

  it('an unwritable directory', async () => {
    const cwd = tempDir({ 'a.tfstate': STATE, 'live.json': LIVE, 'ro/keep': '' });
    // Root writes anywhere it has permission bits for; /sys refuses even root.
    const target = process.getuid?.() === 0 ? '/sys/driftwarden-report.json' : join(cwd, 'ro', 'r.json');
    if (process.getuid?.() !== 0) execFileSync('chmod', ['0555', join(cwd, 'ro')]);
    const result = await runHostile(['scan', ...scanArgs('a.tfstate'), '--output', `json=${target}`], {
      cwd,
      timeoutMs: TIMEOUT_MS,
    });
    if (process.getuid?.() !== 0) execFileSync('chmod', ['0755', join(cwd, 'ro')]);
    expectOneError(
      result,
      /^driftwarden: error: .*r(eport)?\.json: cannot write the json report: permission denied$/,
    );
  });
});

describe('marker keys and prototype names from a hostile state', () => {
  it('a state value written as {"__unknown": true} is data, not an unknown: its drift is still reported', async () => {
    const cwd = tempDir({
      'prod.tfstate': state([
        one('aws_s3_bucket', 'b', {
          id: 'b',
          bucket: 'b',
          acl: { __unknown: true },
          tags: { env: { __sensitive: 'x' } },
        }),
      ]),
      'live.json': snapshot([
        {
          type: 'aws_s3_bucket',
          id: 'b',
          attributes: { bucket: 'b', acl: 'public-read', tags: { env: 'dev' } },
        },
      ]),
    });
    const result = await runHostile(
      [
        'scan',
        '--state',
        'prod.tfstate',
        '--live',
        'snapshot:live.json',
        '--format',
        'json',
        '--no-builtin-policies',
        '--fail-on',
        'none',
      ],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(
      report.drift.map((d: { kind: string; changes: { path: string }[] }) => [
        d.kind,
        d.changes.map((c) => c.path),
      ]),
    ).toEqual([['changed', ['acl', 'tags.env']]]);
  }, 30_000);

  it.each(['hasOwnProperty', 'valueOf', '__proto__', 'constructor'])(
    'a resource type named %s is read as a resource like any other',
    async (type) => {
      const cwd = tempDir({ 'prod.tfstate': state([one(type, 'x', { id: 'x-1' })]) });
      const result = await runHostile(
        ['scan', '--state', 'prod.tfstate', '--format', 'json', '--fail-on', 'none'],
        { cwd },
      );
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.summary.declared).toBe(1);
      expect(result.stderr).not.toContain('unexpected error');
    },
    30_000,
  );
});
