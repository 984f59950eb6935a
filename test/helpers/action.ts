import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { tempDir } from './cli.js';
import { ACTIONS_BOT, FakeGitHub } from './fake-github.js';

/** The committed Action bundle, run as the runner runs it: a child process with INPUT_* and GITHUB_* variables. */
export const ACTION_BUNDLE = join(import.meta.dirname, '../../dist/action/index.js');
const run = promisify(execFile);

export interface Repo {
  dir: string;
  base: string;
  head: string;
}

/**
 * A real repository: a base commit of `baseFiles`, and a pull request head that writes `headFiles` over it (a
 * value of null deletes the file).
 */
export async function gitRepository(
  baseFiles: Record<string, string>,
  headFiles: Record<string, string | null>,
): Promise<Repo> {
  const dir = tempDir(baseFiles);
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 't@example.com').addConfig('user.name', 't');
  await git.add('.').commit('base', ['--allow-empty']);
  const base = (await git.revparse(['HEAD'])).trim();
  await git.checkoutLocalBranch('feature');
  for (const [path, text] of Object.entries(headFiles)) {
    if (text === null) await git.rm(path);
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  await git.add('.').commit('head', ['--allow-empty']);
  return { dir, base, head: (await git.revparse(['HEAD'])).trim() };
}

export interface RunResult {
  code: number;
  stdout: string;
  /** The rest of the job log: what the process writes to stderr. */
  stderr: string;
  outputs: string;
  summary: string;
  /** What the run left in its private TMPDIR (it must leave nothing). */
  leftInTmp: string[];
  /** Peak resident memory of the run, from its own process.resourceUsage() at exit (0 when it was killed). */
  maxRssMiB: number;
}

/** The runner's files and event payloads of this test file's runs, removed when its tests are done. */
const runFiles: string[] = [];

afterAll(() => {
  for (const dir of runFiles.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  runFiles.push(dir);
  return dir;
}

export async function runActionBundle(
  env: Record<string, string>,
  node = process.execPath,
  timeoutMs = 120_000,
): Promise<RunResult> {
  const files = runDir('driftwarden-runner-');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  const tmp = join(files, 'tmp');
  mkdirSync(tmp);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const usage = join(files, 'rusage');
  const preload = join(files, 'rusage.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(usage)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const full = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TMPDIR: tmp,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'o/r',
    ...env,
  };
  const read = () => ({
    outputs: readFileSync(output, 'utf8'),
    summary: readFileSync(summary, 'utf8'),
    leftInTmp: readdirSync(tmp),
    maxRssMiB: existsSync(usage) ? Number(readFileSync(usage, 'utf8')) / 1024 : 0,
  });
  try {
    const { stdout, stderr } = await run(node, ['--require', preload, ACTION_BUNDLE], {
      env: full,
      maxBuffer: 1 << 24,
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    return { code: 0, stdout, stderr, ...read() };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', ...read() };
  }
}

export function eventFile(payload: unknown): string {
  const path = join(runDir('driftwarden-event-'), 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

/**
 * The runner's environment for a scheduled run in `workspace`, with the fake GitHub's token and `fail-on: none`,
 * and `extra` over it.
 */
export function scheduleEnv(
  workspace: string,
  apiUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: eventFile({}),
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: apiUrl,
    'INPUT_GITHUB-TOKEN': 'gh-token',
    'INPUT_FAIL-ON': 'none',
    ...extra,
  };
}

/** The runner's environment for a pull request event on `repo`, number 7, from the same repository. */
export function pullRequestEnv(repo: Repo, apiUrl: string, fork = false): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile({
      pull_request: {
        number: 7,
        base: { sha: repo.base },
        head: { sha: repo.head, repo: { full_name: fork ? 'someone/r' : 'o/r' } },
      },
      repository: { full_name: 'o/r' },
    }),
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_API_URL: apiUrl,
    'INPUT_GITHUB-TOKEN': 'gh-token',
  };
}

/**
 * A fake GitHub API for one describe block, started and stopped with it, reset before each test with pull request
 * 7 open; `run` runs the Action bundle on a pull-request event of a repository against it.
 */
export function pullRequestGitHub(): {
  github: FakeGitHub;
  run(repo: Repo, extra?: Record<string, string>): Promise<RunResult>;
} {
  const github = new FakeGitHub('o', 'r', { 'gh-token': { user: ACTIONS_BOT, canReadUser: false } });
  beforeAll(() => github.start());
  afterAll(() => github.stop());
  beforeEach(() => openPullRequest(github));
  return {
    github,
    run: (repo, extra = {}) => runActionBundle({ ...pullRequestEnv(repo, github.url), ...extra }),
  };
}

export function openPullRequest(github: FakeGitHub): void {
  github.reset();
  github.addIssue({ number: 7, title: 'PR', pullRequest: true, user: { login: 'dev', type: 'User' } });
}
