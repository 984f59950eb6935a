import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepository, openPullRequest, pullRequestGitHub } from '../helpers/action.js';
import { one, snapshot, state } from '../helpers/state.js';

/**
 * The pull-request path as a team meets it in its first week: a drifted estate, code and state side by side,
 * working directories, two jobs, and a pull request that tries to change the rules it is judged by.
 */
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const READ = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
};
const PASS_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'iam:PassRole'], Resource: '*' }],
};
const policy = (name: string, doc: unknown) =>
  one('aws_iam_policy', name, {
    id: `arn:aws:iam::1:policy/${name}`,
    arn: `arn:aws:iam::1:policy/${name}`,
    name,
    policy: JSON.stringify(doc),
  });
const livePolicy = (name: string, doc: unknown) => ({
  type: 'aws_iam_policy',
  id: `arn:aws:iam::1:policy/${name}`,
  attributes: { arn: `arn:aws:iam::1:policy/${name}`, name, policy: JSON.stringify(doc) },
});
const bucket = (name: string, env: string) =>
  one('aws_s3_bucket', name, { id: name, bucket: name, tags: { env } });

/** An estate that drifted before any pull request: a bucket retagged, a policy given iam:PassRole on "*". */
function driftedEstate(): Record<string, string> {
  return {
    'driftwarden.yml': 'state: states/*.tfstate\nlive: [snapshot:live.json]\nbuiltinPolicies: true\n',
    'states/prod.tfstate': state([bucket('acme-data', 'prod'), policy('deploy', READ)]),
    'live.json': snapshot([
      {
        type: 'aws_s3_bucket',
        id: 'acme-data',
        attributes: { bucket: 'acme-data', tags: { env: 'hotfix' } },
      },
      livePolicy('deploy', PASS_ROLE),
    ]),
    'README.md': '# infra\n',
  };
}

const HCL_ADMIN = `resource "aws_iam_policy" "admin" {\n  name   = "admin"\n  policy = jsonencode(${JSON.stringify(ADMIN).replaceAll('":', '" =')})\n}\n`;

describe('the Action on pull requests', () => {
  const { github, run } = pullRequestGitHub();

  it('a docs-only pull request in a drifted estate passes fail-on: high; the drift is context, not its doing', async () => {
    const repo = await gitRepository(driftedEstate(), { 'README.md': '# infra\n\nMore words.\n' });
    for (const failOn of ['high', 'drift,high']) {
      openPullRequest(github);
      const result = await run(repo, { 'INPUT_FAIL-ON': failOn });
      expect(result.code, result.stdout).toBe(0);
      const comment = github.commentsOn(7)[0]?.body ?? '';
      expect(comment).toMatch(/^### :white_check_mark: driftwarden: No drift found, 0 policy violations/m);
      expect(comment).toContain(
        'Already drifted: 2 drifted resources and 1 live violation not caused by this pull request',
      );
      expect(comment).toContain('- changed `aws_s3_bucket.acme-data`');
      expect(comment).toContain('this pull request introduces 0 findings and resolves 0');
      expect(result.stdout).not.toMatch(/^::error file=/m);
      expect(result.outputs).toMatch(/^new<<ghadelimiter_[\w-]+\n0\n/m);
    }
  }, 90_000);

  it('a pull request that touches a drifted resource is told it would revert the change, and the gate counts it', async () => {
    const repo = await gitRepository(driftedEstate(), {
      'states/prod.tfstate': state([bucket('acme-data', 'production'), policy('deploy', READ)]),
    });
    const result = await run(repo, { 'INPUT_FAIL-ON': 'drift' });
    expect(result.code).toBe(1);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain(
      '**Applying this PR would revert a change made outside Terraform** on 1 resource',
    );
    expect(comment).toContain('| changed | `aws_s3_bucket.acme-data` | `states/prod.tfstate` | `tags.env` |');
  }, 60_000);

  it('a pull request that adds "Action": "*" in HCL is listed under changes and fails; root and nested files are annotated', async () => {
    const repo = await gitRepository(
      {
        'driftwarden.yml': 'repo: .\n',
        'infra/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
      },
      { 'main.tf': HCL_ADMIN, 'infra/iam.tf': HCL_ADMIN.replaceAll('admin', 'nested') },
    );
    const result = await run(repo, { 'INPUT_FAIL-ON': 'high' });
    expect(result.code, result.stdout).toBe(1);
    // A file at the repository root keeps its file: `main.tf:1` is a path, not a URL scheme.
    expect(result.stdout).toMatch(/^::error file=main\.tf,line=1,title=DW-AWS-IAM-001 \(critical\)::/m);
    expect(result.stdout).toMatch(/^::error file=infra\/iam\.tf,line=1,title=DW-AWS-IAM-001 \(critical\)::/m);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('| added | `aws_iam_policy.aws_iam_policy.admin` | `main.tf:1` | |');
    expect(comment).toContain(
      '| added | `aws_iam_policy.(infra).aws_iam_policy.nested` | `infra/iam.tf:1` | |',
    );
    expect(comment).not.toContain('aws_sqs_queue');
  }, 60_000);

  it('working-directory: infra keeps every path relative to the repository root, and the sarif output names the real file', async () => {
    const repo = await gitRepository(
      {
        'infra/driftwarden.yml': 'state: states/*.tfstate\nbuiltinPolicies: true\n',
        'infra/states/prod.tfstate': state([policy('read', READ)]),
      },
      { 'infra/states/prod.tfstate': state([policy('read', READ), policy('admin', ADMIN)]) },
    );
    const result = await run(repo, { 'INPUT_WORKING-DIRECTORY': 'infra', 'INPUT_FAIL-ON': 'high' });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^::error file=infra\/states\/prod\.tfstate,line=1,title=DW-AWS-IAM-001/m);
    expect(result.outputs).toMatch(/^sarif<<ghadelimiter_[\w-]+\ninfra\/driftwarden\.sarif\n/m);
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'infra/driftwarden.sarif'), 'utf8'));
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation?: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation?.artifactLocation.uri,
    );
    expect(uris).toContain('infra/states/prod.tfstate');
    expect(uris).not.toContain('driftwarden.yml');
  }, 60_000);

  it("the config file's failOn is the gate when the fail-on input is absent; the input wins when given", async () => {
    const files = {
      'driftwarden.yml': 'state: states/*.tfstate\nfailOn: none\n',
      'states/prod.tfstate': state([policy('read', READ)]),
    };
    const repo = await gitRepository(files, {
      'states/prod.tfstate': state([policy('read', READ), policy('admin', ADMIN)]),
    });
    expect((await run(repo)).code).toBe(0);
    expect((await run(repo, { 'INPUT_FAIL-ON': 'critical' })).code).toBe(1);
  }, 90_000);

  it('two driftwarden jobs keep a comment each: by comment-name, and by default by workflow and job', async () => {
    const repo = await gitRepository(driftedEstate(), { 'README.md': 'changed\n' });
    await run(repo, { 'INPUT_COMMENT-NAME': 'aws' });
    await run(repo, { 'INPUT_COMMENT-NAME': 'azure' });
    await run(repo, { 'INPUT_COMMENT-NAME': 'aws' });
    expect(
      github.commentsOn(7).map((c) => c.body.match(/<!-- driftwarden:pull-request (\w+) -->/)?.[1]),
    ).toEqual(['aws', 'azure']);
    await run(repo, { GITHUB_WORKFLOW: 'infra', GITHUB_JOB: 'plan' });
    await run(repo, { GITHUB_WORKFLOW: 'infra', GITHUB_JOB: 'policy' });
    expect(github.commentsOn(7)).toHaveLength(4);
  }, 120_000);

  it('the comment names the commit it describes and links the run', async () => {
    const repo = await gitRepository(driftedEstate(), { 'README.md': 'changed\n' });
    await run(repo, { GITHUB_SERVER_URL: 'https://github.example', GITHUB_RUN_ID: '4242' });
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain(`commit \`${repo.head.slice(0, 12)}\``);
    expect(comment).toContain('[workflow run](https://github.example/o/r/actions/runs/4242)');
  }, 60_000);

  it('without a live source the verdict says so, and coverage is not applicable', async () => {
    const repo = await gitRepository(
      {
        'driftwarden.yml': 'state: states/*.tfstate\n',
        'states/prod.tfstate': state([policy('read', READ)]),
      },
      { 'README.md': 'x\n' },
    );
    const result = await run(repo);
    expect(result.code).toBe(0);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toMatch(/driftwarden: Drift not evaluated: no live source was read/);
    expect(comment).toContain('coverage n/a (no live source read)');
    expect(comment).not.toContain('No drift found');
    expect(comment).not.toContain('100.0%');
  }, 60_000);

  it('leaves no copy of any commit behind in the temporary directory', async () => {
    const repo = await gitRepository(driftedEstate(), { 'README.md': 'changed\n' });
    const result = await run(repo);
    expect(result.code).toBe(0);
    expect(result.leftInTmp).toEqual([]);
  }, 60_000);
});

describe('a pull request cannot steer the Action', () => {
  const { github, run } = pullRequestGitHub();

  it('its own driftwarden.yml, .driftignore and policies are not used: the base settings judge it, and the comment says so', async () => {
    const outside = 'SECRET-OUTSIDE-THE-WORKSPACE';
    const repo = await gitRepository(
      {
        'driftwarden.yml': 'state: states/*.tfstate\n',
        'states/prod.tfstate': state([policy('read', READ)]),
      },
      {
        'driftwarden.yml': `state: [/etc/hostname, ../outside.tfstate]\npolicies: [mine]\nbuiltinPolicies: false\nwaivers:\n  - rule: '*'\n    resource: '*'\n    reason: ${outside}\n`,
        '.driftignore': '*\n',
        'mine/allow.rego': 'package x\n',
        'states/prod.tfstate': state([policy('read', READ), policy('admin', ADMIN)]),
      },
    );
    const result = await run(repo, { 'INPUT_FAIL-ON': 'high' });
    expect(result.code, result.stdout).toBe(1);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('DW-AWS-IAM-001');
    expect(comment).toContain('This pull request changes `.driftignore`, `driftwarden.yml`');
    expect(comment).toContain("the base's settings were used");
    expect(comment).not.toContain(outside);
    expect(result.stdout).not.toContain('/etc/hostname');
  }, 60_000);

  it('an inline waiver the pull request adds waives nothing yet: its finding fails the gate, and the comment lists the waiver', async () => {
    const repo = await gitRepository(
      { 'driftwarden.yml': 'repo: .\n', 'queue.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n' },
      { 'main.tf': `# driftwarden:ignore DW-AWS-IAM-001 totally fine\n${HCL_ADMIN}` },
    );
    const result = await run(repo, { 'INPUT_FAIL-ON': 'high' });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^::error file=main\.tf,line=2,title=DW-AWS-IAM-001 \(critical\)::/m);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toMatch(/^### :x: driftwarden: .*1 policy violation/m);
    expect(comment).not.toContain('Waived');
    expect(comment).toContain(
      '> :lock: This pull request adds 1 inline waiver; it takes effect once merged, so the findings it waives count for this check.',
    );
    expect(comment).toContain('- `DW-AWS-IAM-001` on `aws_iam_policy.aws_iam_policy.admin` at `main.tf:1`');
  }, 60_000);

  it("the base's inline waivers still apply where the pull request keeps them, moved or reworded; one copied onto another resource does not", async () => {
    const waived = `# driftwarden:ignore DW-AWS-IAM-001 break-glass role, reviewed\n${HCL_ADMIN}`;
    const repo = await gitRepository(
      { 'driftwarden.yml': 'repo: .\n', 'main.tf': waived },
      {
        'main.tf': `\n\n${waived.replace('reviewed', 'reviewed again')}`,
        'other.tf': `# driftwarden:ignore DW-AWS-IAM-001 same as admin\n${HCL_ADMIN.replaceAll('admin', 'copy')}`,
      },
    );
    const result = await run(repo, { 'INPUT_FAIL-ON': 'high' });
    expect(result.code, result.stdout).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error file=other\.tf,line=2,title=DW-AWS-IAM-001 \(critical\)::/);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('This pull request adds 1 inline waiver;');
    expect(comment).toContain('- `DW-AWS-IAM-001` on `aws_iam_policy.aws_iam_policy.copy` at `other.tf:1`');
    expect(comment).not.toContain('at `main.tf:3`');

    openPullRequest(github);
    const kept = await gitRepository(
      { 'driftwarden.yml': 'repo: .\n', 'main.tf': waived },
      { 'main.tf': `\n\n${waived.replace('reviewed', 'reviewed again')}` },
    );
    const passed = await run(kept, { 'INPUT_FAIL-ON': 'high' });
    expect(passed.code, passed.stdout).toBe(0);
    expect(github.commentsOn(7)[0]?.body ?? '').not.toContain('inline waiver');
  }, 90_000);

  it('a path in the base config that leaves the repository is refused with a one-line error, exit 2', async () => {
    const repo = await gitRepository(
      { 'driftwarden.yml': 'state: ../../outside/state.tfstate\n' },
      { 'README.md': 'x\n' },
    );
    const result = await run(repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /^::error title=driftwarden scan failed::state \.\.\/\.\.\/outside\/state\.tfstate: leaves .*; paths must stay inside it$/m,
    );
  }, 60_000);

  it('a state file that is a symlink in the commit is never followed', async () => {
    const repo = await gitRepository(
      {
        'driftwarden.yml': 'state: states/*.tfstate\n',
        'states/prod.tfstate': state([policy('read', READ)]),
      },
      {},
    );
    const { simpleGit } = await import('simple-git');
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/passwd', join(repo.dir, 'states/leak.tfstate'));
    const git = simpleGit(repo.dir);
    await git.add('.').commit('symlink');
    const head = (await git.revparse(['HEAD'])).trim();
    const result = await run({ ...repo, head });
    expect(result.stdout).not.toContain('root:');
    expect(github.commentsOn(7)[0]?.body ?? '').not.toContain('root:');
    expect(result.code).toBe(0);
  }, 60_000);

  it('a driftwarden.yml that only the pull request adds is not used yet: a notice says why, and the job passes', async () => {
    const repo = await gitRepository(
      { 'README.md': 'x\n' },
      {
        'driftwarden.yml': 'state: states/*.tfstate\n',
        'states/prod.tfstate': state([policy('admin', ADMIN)]),
      },
    );
    const result = await run(repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^::notice title=driftwarden::driftwarden\.yml is not on the base branch yet/m,
    );
  }, 60_000);
});
