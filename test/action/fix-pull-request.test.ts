import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionFixPlan, openFixPullRequest } from '../../src/action/fix-pull-request.js';
import { createGitHub } from '../../src/action/github/index.js';
import { readInputs } from '../../src/action/inputs.js';
import { CodeFile } from '../../src/fix/code-index.js';
import { planFixes } from '../../src/fix/plan.js';
import type { DriftEntry } from '../../src/model/report.js';
import { eventFile, gitRepository, pullRequestGitHub, runActionBundle } from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { ACTIONS_BOT, FakeGitHub } from '../helpers/fake-github.js';
import { snapshot, state } from '../helpers/state.js';

const CODE = `resource "aws_s3_bucket" "acme-data" {
  bucket = "acme-data"

  tags = {
    env  = "prod" # set by the platform team
    team = "data"
  }
}
`;

const DRIFT: DriftEntry[] = [
  {
    kind: 'changed',
    key: 'aws_s3_bucket.acme-data',
    type: 'aws_s3_bucket',
    id: 'acme-data',
    provider: 'aws',
    address: 'aws_s3_bucket.acme-data',
    changes: [{ path: 'tags.env', declared: 'prod', live: 'hotfix' }],
  },
];

const github = new FakeGitHub('o', 'r', { 'gh-token': { user: ACTIONS_BOT, canReadUser: false } });
beforeAll(() => github.start());
afterAll(() => github.stop());
beforeEach(() => github.reset());

function client() {
  return createGitHub({
    token: 'gh-token',
    apiUrl: github.url,
    owner: 'o',
    repo: 'r',
    log: { warning: () => undefined, info: () => undefined },
  });
}

describe('the fix pull request', () => {
  it('commits the patched files on a new branch over the scanned commit and opens a pull request into it', async () => {
    const sha = github.git.seed({ 'infra/main.tf': CODE, 'README.md': 'infra\n' });
    const plan = planFixes(DRIFT, [new CodeFile('infra/main.tf', CODE)]);
    const result = await openFixPullRequest(client(), plan, { sha, branch: 'main' }, 'https://run/1');
    const [pull] = github.git.pulls;
    expect(result).toEqual({ number: pull?.number });
    expect(pull?.base).toBe('main');
    expect(pull?.head).toMatch(/^driftwarden\/fix-[0-9a-f]{12}$/);
    expect(pull?.title).toBe('Accept the live values of 1 drifted resource');
    expect(pull?.body).toContain('| `aws_s3_bucket.acme-data` | patch `tags.env` at `infra/main.tf:5`');
    expect(pull?.body).toContain('+    env  = "hotfix" # set by the platform team');
    expect(github.git.filesOf(pull?.head ?? '')).toEqual({
      'infra/main.tf': CODE.replace('"prod"', '"hotfix"'),
      'README.md': 'infra\n',
    });
    expect(github.git.branches.get('main')).toBe(sha);
    expect(github.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/o/r/git/trees',
      'POST /repos/o/r/git/commits',
      'POST /repos/o/r/git/refs',
      'POST /repos/o/r/pulls',
    ]);
  });

  it('never writes to a branch that exists: the same patch again, or a branch of that name, changes nothing', async () => {
    const sha = github.git.seed({ 'infra/main.tf': CODE });
    const plan = planFixes(DRIFT, [new CodeFile('infra/main.tf', CODE)]);
    const first = await openFixPullRequest(client(), plan, { sha, branch: 'main' }, undefined);
    const branch = github.git.pulls[0]?.head ?? '';
    const held = github.git.branches.get(branch);
    github.requests.length = 0;
    const again = await openFixPullRequest(client(), plan, { sha, branch: 'main' }, undefined);
    expect(first.number).toBeGreaterThan(0);
    expect(again).toEqual({ skipped: `the branch ${branch} exists: this patch is proposed already` });
    expect(github.writes()).toEqual([]);
    expect(github.git.branches.get(branch)).toBe(held);
    expect(github.git.pulls).toHaveLength(1);
  });

  it('opens nothing when no value could be patched', async () => {
    const sha = github.git.seed({ 'infra/main.tf': CODE });
    const plan = planFixes(
      [{ ...(DRIFT[0] as DriftEntry), changes: [{ path: 'tags.env', declared: 'staging', live: 'hotfix' }] }],
      [new CodeFile('infra/main.tf', CODE)],
    );
    expect(await openFixPullRequest(client(), plan, { sha, branch: 'main' }, undefined)).toEqual({
      skipped: 'no value could be patched',
    });
    expect(github.requests).toEqual([]);
  });

  it('reads code only inside the repository: a path or a symbolic link that leaves it is one problem, not read', async () => {
    const outside = tempDir({ 'main.tf': CODE });
    const dir = tempDir({ 'infra/main.tf': CODE });
    symlinkSync(outside, join(dir, 'linked'));
    const inputs = readInputs({ 'INPUT_FIX-PULL-REQUEST': '../x\nlinked\ninfra' });
    const report = { drift: DRIFT } as Parameters<typeof actionFixPlan>[2];
    const { plan, problems } = await actionFixPlan(inputs, dir, report);
    expect(problems).toEqual([
      'fix-pull-request ../x: not a directory inside the repository; not read',
      'fix-pull-request linked: not a directory inside the repository; not read',
    ]);
    expect(plan.files.map((file) => file.path)).toEqual(['infra/main.tf']);
  });

  it('the Action opens it on a scheduled scan with fix-pull-request, and the tracking issue shows the choice', async () => {
    const files = {
      'infra/main.tf': CODE,
      'states/prod.tfstate': state([
        {
          type: 'aws_s3_bucket',
          name: 'acme-data',
          instances: [
            { attributes: { id: 'acme-data', bucket: 'acme-data', tags: { env: 'prod', team: 'data' } } },
          ],
        },
      ]),
      'live.json': snapshot([
        {
          type: 'aws_s3_bucket',
          id: 'acme-data',
          attributes: { bucket: 'acme-data', tags: { env: 'hotfix', team: 'data' } },
        },
      ]),
      'driftwarden.yml': 'builtinPolicies: false\nstate: [states/prod.tfstate]\nlive: [snapshot:live.json]\n',
    };
    const dir = tempDir(files);
    const sha = github.git.seed(files);
    const result = await runActionBundle({
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: github.url,
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      'INPUT_GITHUB-TOKEN': 'gh-token',
      'INPUT_FAIL-ON': 'none',
      'INPUT_FIX-PULL-REQUEST': 'infra',
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const [pull] = github.git.pulls;
    expect(result.outputs).toMatch(
      new RegExp(`^fix-pull-request<<(ghadelimiter_[0-9a-f-]+)\n${pull?.number}\n\\1$`, 'm'),
    );
    expect(github.git.filesOf(pull?.head ?? '')?.['infra/main.tf']).toBe(CODE.replace('"prod"', '"hotfix"'));
    const tracking = github.issues.find((issue) => issue.labels.includes('driftwarden'));
    expect(tracking?.body).toContain('### Accept or revert the changes');
    expect(tracking?.body).toContain('`terraform apply -target=aws_s3_bucket.acme-data`');
  }, 90_000);
});

describe('the accept-or-revert section of the pull-request comment', () => {
  const pr = pullRequestGitHub();

  it('lists the patch and the applies for the drift the head has, read from the working directory', async () => {
    const files = {
      'main.tf': CODE,
      'states/prod.tfstate': state([
        {
          type: 'aws_s3_bucket',
          name: 'acme-data',
          instances: [
            { attributes: { id: 'acme-data', bucket: 'acme-data', tags: { env: 'prod', team: 'data' } } },
          ],
        },
      ]),
      'live.json': snapshot([
        {
          type: 'aws_s3_bucket',
          id: 'acme-data',
          attributes: { bucket: 'acme-data', tags: { env: 'hotfix', team: 'data' } },
        },
      ]),
      'driftwarden.yml':
        'builtinPolicies: false\nstate: [states/prod.tfstate]\nlive: [snapshot:live.json]\nfailOn: none\n',
    };
    const repo = await gitRepository(files, { 'README.md': 'docs\n' });
    const result = await pr.run(repo);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const [comment] = pr.github.commentsOn(7);
    expect(comment?.body).toContain(
      '| `aws_s3_bucket.acme-data` | patch `tags.env` at `main.tf:5`<br>then `terraform apply -refresh-only -target=aws_s3_bucket.acme-data` | `terraform apply -target=aws_s3_bucket.acme-data` |',
    );
    expect(comment?.body).toContain('+    env  = "hotfix" # set by the platform team');
    expect(pr.github.git.pulls).toEqual([]);
  }, 90_000);
});
