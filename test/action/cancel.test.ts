import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_BUNDLE, gitRepository, pullRequestEnv, pullRequestGitHub } from '../helpers/action.js';
import { tempDir } from '../helpers/cli.js';
import { one, state } from '../helpers/state.js';

/**
 * A cancelled job (issue 11): GitHub Actions sends SIGINT, then SIGTERM, to a step it cancels. The copies of each
 * commit's state files (plain-text secrets) must not outlive the run on that path either. The scan is held inside
 * its live read, against an AWS endpoint on 127.0.0.1 that never answers, while the copies exist; then the signal
 * is sent, and the run's private TMPDIR must be empty after it ends, killed by that signal.
 */
const SECRET = 'p4ss-held-in-state';
const STATE = state([one('aws_db_instance', 'main', { id: 'main', identifier: 'main', password: SECRET })]);

function silentAws(): { env: () => Record<string, string>; called: () => Promise<void> } {
  let server: Server | undefined;
  let port = 0;
  let calledBack: (() => void) | undefined;
  const held: import('node:http').ServerResponse[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      held.push(response);
      calledBack?.();
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const response of held) response.destroy();
    await new Promise<void>((done) => server?.close(() => done()));
  });
  return {
    env: () => ({
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    }),
    called: () =>
      new Promise<void>((done) => {
        calledBack = done;
      }),
  };
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

describe('a cancelled pull-request run removes its copies of state files', () => {
  const aws = silentAws();
  const { github } = pullRequestGitHub();

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}, while the scan is running`, async () => {
      const repo = await gitRepository(
        {
          'driftwarden.yml': 'state: states/*.tfstate\nlive: [aws-config:regions=us-east-1]\n',
          'states/prod.tfstate': STATE,
        },
        { 'README.md': 'x\n' },
      );
      // Removed after the test (tempDir), with what the cancelled run left in it.
      const tmp = join(tempDir(), 'tmp');
      mkdirSync(tmp);
      const output = join(tmp, '..', 'output');
      writeFileSync(output, '');
      const called = aws.called();
      const child = spawn(process.execPath, [ACTION_BUNDLE], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          TMPDIR: tmp,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: output,
          GITHUB_REPOSITORY: 'o/r',
          ...pullRequestEnv(repo, github.url),
          ...aws.env(),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('exit', (code, exitSignal) => done({ code, signal: exitSignal })),
      );
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await Promise.race([called, ended]);

      // The scan is inside its live read: the copies of both commits' state files are there now.
      const during = filesUnder(tmp);
      expect(during.filter((file) => file.endsWith('states/prod.tfstate')).length, log).toBeGreaterThan(0);
      expect(
        during.some((file) => readFileSync(join(tmp, file), 'utf8').includes(SECRET)),
        'the copies hold the state as committed',
      ).toBe(true);

      child.kill(signal);
      const outcome = await ended;
      clearTimeout(timer);
      expect(outcome, log).toEqual({ code: null, signal });
      expect(readdirSync(tmp)).toEqual([]);
      expect(log).not.toContain(SECRET);
    }, 90_000);
  }
});
