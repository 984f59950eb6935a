import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFile, gitRepository, pullRequestGitHub, runActionBundle } from '../helpers/action.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { one, snapshot, state } from '../helpers/state.js';

/**
 * Honest verdicts when a source fails (issue 10.7): against an AWS endpoint on 127.0.0.1 that denies every call
 * (S3 GetObject for a state in an S3 backend, AWS Config for the live side). When the only declared source fails,
 * live resources are unknown, never unmanaged; when the only live source fails, the verdict says so, never "No drift
 * found". Both are an incomplete scan (exit 3).
 */
function denyingAws(): { env: () => Record<string, string> } {
  let server: Server | undefined;
  let port = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        if (request.method === 'POST') {
          response.writeHead(400, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'AccessDeniedException',
          });
          response.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'denied' }));
          return;
        }
        response.writeHead(403, { 'content-type': 'application/xml' });
        response.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
        );
      });
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server?.close(() => done())));
  return {
    env: () => ({
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    }),
  };
}

const LIVE = snapshot([
  { type: 'aws_s3_bucket', id: 'acme-data', attributes: { bucket: 'acme-data' } },
  { type: 'aws_s3_bucket', id: 'by-hand', attributes: { bucket: 'by-hand' } },
]);
const STATE = state([one('aws_s3_bucket', 'acme-data', { id: 'acme-data', bucket: 'acme-data' })]);

const CONFIG = 'builtinPolicies: false\n';
const STATE_FAILS = `state: s3://tfstate/prod.tfstate\nlive: [snapshot:live.json]\n${CONFIG}`;
const LIVE_FAILS = `state: states/*.tfstate\nlive: [aws-config:regions=us-east-1]\n${CONFIG}`;

describe('when the only declared source fails, live resources are unknown, never unmanaged', () => {
  const aws = denyingAws();
  const { github, run } = pullRequestGitHub();

  it('on a pull request: the comment counts them unknown and lists no unmanaged resource, exit 3', async () => {
    const repo = await gitRepository(
      { 'driftwarden.yml': STATE_FAILS, 'live.json': LIVE },
      { 'README.md': 'x\n' },
    );
    const result = await run(repo, { ...aws.env(), 'INPUT_FAIL-ON': 'drift' });
    expect(result.code, result.stdout).toBe(3);
    expect(result.stdout).toMatch(
      /^::error title=driftwarden::the scan is incomplete: a source or rule failed/m,
    );
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toContain('**0** unmanaged');
    expect(comment).toContain('2 unknown (a declared source failed)');
    expect(comment).toContain('> **Incomplete:** `s3://tfstate/prod.tfstate` (failed) could not be read');
    expect(comment).not.toMatch(/by-hand|acme-data|Already drifted/);
    expect(result.outputs).toMatch(/^drift<<ghadelimiter_[\w-]+\n0\n/m);
  }, 60_000);

  it('on the nightly scan: no tracking issue is opened for them', async () => {
    const dir = tempDir({ 'driftwarden.yml': STATE_FAILS, 'live.json': LIVE });
    const git = simpleGit(dir);
    await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
    await git.add('.').commit('init');
    const result = await runActionBundle({
      ...aws.env(),
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: github.url,
      'INPUT_GITHUB-TOKEN': 'gh-token',
    });
    expect(result.code, result.stdout).toBe(3);
    // The issue is looked for, and nothing is written: there is no finding to track.
    expect(github.calls()).toEqual(['GET /repos/o/r/issues']);
    expect(github.issues.filter((issue) => !issue.pullRequest)).toEqual([]);
    expect(result.summary).toContain('2 unknown (a declared source failed)');
    expect(result.summary).not.toMatch(/by-hand/);
  }, 60_000);
});

describe('when the only live source fails, the verdict says so, never "No drift found"', () => {
  const aws = denyingAws();
  const { github, run } = pullRequestGitHub();

  it('in the CLI', async () => {
    const dir = tempDir({ 'driftwarden.yml': LIVE_FAILS, 'states/prod.tfstate': STATE });
    const result = await runCli(['scan', '--fail-on', 'none'], { cwd: dir, env: aws.env() });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toMatch(/^Drift not evaluated: every live source failed$/m);
    expect(result.stdout).toMatch(/^ {2}coverage {5}n\/a \(no live source read\)$/m);
    expect(result.stdout).not.toContain('No drift found');
    expect(result.stderr).toMatch(/^driftwarden: source failed: aws-config us-east-1: /m);
  }, 60_000);

  it('on a pull request', async () => {
    const repo = await gitRepository(
      { 'driftwarden.yml': LIVE_FAILS, 'states/prod.tfstate': STATE },
      { 'README.md': 'x\n' },
    );
    const result = await run(repo, aws.env());
    expect(result.code, result.stdout).toBe(3);
    const comment = github.commentsOn(7)[0]?.body ?? '';
    expect(comment).toMatch(
      /^### :warning: driftwarden: Drift not evaluated: every live source failed, incomplete scan/m,
    );
    expect(comment).toContain('coverage n/a (no live source read)');
    expect(comment).toContain('> **Incomplete:** `aws-config us-east-1` (failed) could not be read');
    expect(comment).not.toContain('No drift found');
    expect(result.summary).not.toContain('No drift found');
  }, 60_000);

  it('on the nightly scan', async () => {
    const dir = tempDir({ 'driftwarden.yml': LIVE_FAILS, 'states/prod.tfstate': STATE });
    const result = await runActionBundle({
      ...aws.env(),
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile({}),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: github.url,
      'INPUT_GITHUB-TOKEN': 'gh-token',
    });
    expect(result.code, result.stdout).toBe(3);
    expect(result.summary).toMatch(/driftwarden: Drift not evaluated: every live source failed/);
    expect(result.summary).not.toContain('No drift found');
  }, 60_000);
});
