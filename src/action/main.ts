import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { executeScan } from '../cli/execute-scan.js';
import { EXIT, exitCodeFor } from '../cli/exit-code.js';
import { parseFailOn } from '../config/resolve.js';
import type { ConnectorContext } from '../connector/types.js';
import type { Report } from '../model/report.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { packageVersion } from '../util/package-info.js';
import { createGitHub, type GitHub, syncTrackingIssue, upsertStickyComment } from './github/index.js';
import { type ActionInputs, readInputs } from './inputs.js';
import { scanPullRequest } from './pull-request.js';
import { actionSettings } from './settings.js';
import { addSummary, annotate, outputsFor, type Runner, setOutput, warning } from './workflow.js';

const PR_MARKER = '<!-- driftwarden:pull-request -->';
const ISSUE_MARKER = '<!-- driftwarden:tracking-issue -->';

interface PullRequestEvent {
  pull_request?: {
    number: number;
    base: { sha: string };
    head: { sha: string; repo?: { full_name?: string } | null };
  };
  repository?: { full_name?: string };
}

/**
 * The Action: on a pull request, scan base and head and report what the PR introduces; on a schedule (or a manual
 * run), scan everything and keep the tracking issue. It fails the job when the scan fails, or when findings reach
 * `fail-on` (the merge gate). Problems posting comments or issues are warnings, never failures.
 */
export async function runAction(runner: Runner): Promise<number> {
  const env = runner.env;
  const inputs = readInputs(env);
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.workingDirectory);
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const eventName = env.GITHUB_EVENT_NAME ?? 'workflow_dispatch';
  const version = packageVersion();
  const ctx = actionContext(runner, workspace);
  const gh =
    inputs.token && env.GITHUB_REPOSITORY
      ? createGitHub({
          token: inputs.token,
          apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
          ...ownerRepo(env.GITHUB_REPOSITORY),
          log: { warning: (m) => warning(runner, m), info: () => undefined },
        })
      : undefined;
  if (!gh)
    warning(
      runner,
      'no github-token: results are in the job summary and the SARIF file; no comment or issue is posted',
    );

  let report: Report;
  let markdown: string;
  let rules: readonly CatalogueRule[];
  try {
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && event.pull_request) {
      const pr = await scanPullRequest(
        inputs,
        workspace,
        { base: event.pull_request.base.sha, head: event.pull_request.head.sha },
        ctx,
        version,
      );
      ({ head: report, markdown, rules } = pr);
      if (pr.baseProblem) warning(runner, `pull request base not readable: ${pr.baseProblem}`);
      await commentOnPullRequest(runner, gh, inputs, event, markdown);
    } else {
      const scan = await executeScan(await actionSettings(inputs, workspace), ctx, version);
      ({ report, rules } = scan);
      markdown = renderMarkdown(report);
      if (gh && inputs.trackingIssue && eventName === 'schedule')
        await trackIssue(runner, gh, inputs, report, env);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    runner.stdout.write(`::error title=driftwarden scan failed::${message.replaceAll('\n', '%0A')}\n`);
    if (gh && inputs.trackingIssue && eventName === 'schedule')
      await trackIssue(runner, gh, inputs, undefined, env, message);
    return EXIT.error;
  }

  const fileOf = (location: string | undefined) => repoFile(location, workspace);
  const annotated = report.baseline ? report.violations.filter((v) => v.status === 'new') : report.violations;
  annotate(runner, annotated, fileOf);
  addSummary(runner, markdown);
  const sarifPath = resolve(workspace, inputs.sarif);
  await mkdir(dirname(sarifPath), { recursive: true });
  await writeFile(sarifPath, renderSarif(report, rules ?? []));
  outputsFor(runner, report);
  setOutput(runner, 'sarif', sarifPath);
  if (inputs.uploadSarif && gh) await uploadSarif(runner, gh, sarifPath, event, env);
  if (!report.scan.complete) {
    runner.stdout.write(
      '::error title=driftwarden::the scan is incomplete: a source or rule failed; the results are partial\n',
    );
    return EXIT.incomplete;
  }
  const failOn = parseFailOn(inputs.failOn ?? 'drift,high');
  const gate = report.baseline
    ? failOn.map((v) => (v === 'none' || v.startsWith('new:') ? v : (`new:${v}` as typeof v)))
    : failOn;
  return exitCodeFor(report, gate);
}

async function commentOnPullRequest(
  runner: Runner,
  gh: GitHub | undefined,
  inputs: ActionInputs,
  event: PullRequestEvent,
  markdown: string,
): Promise<void> {
  if (!gh || inputs.comment === 'off' || !event.pull_request) return;
  const fork =
    event.pull_request.head.repo?.full_name &&
    event.repository?.full_name &&
    event.pull_request.head.repo.full_name !== event.repository.full_name;
  if (fork) {
    addSummary(
      runner,
      '> A pull request from a fork gets a read-only token, so driftwarden posts no comment; the findings are above and in the SARIF file.',
    );
    return;
  }
  try {
    await upsertStickyComment(gh, {
      issueNumber: event.pull_request.number,
      body: markdown,
      marker: PR_MARKER,
    });
  } catch (error) {
    warning(
      runner,
      `could not post the pull request comment: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function trackIssue(
  runner: Runner,
  gh: GitHub,
  inputs: ActionInputs,
  report: Report | undefined,
  env: Runner['env'],
  error?: string,
): Promise<void> {
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  try {
    const result = await syncTrackingIssue(gh, {
      label: inputs.trackingLabel,
      failedLabel: inputs.failedLabel,
      marker: ISSUE_MARKER,
      title: 'driftwarden: drift and policy findings',
      report: report ?? { error: error ?? 'scan failed' },
      now: new Date(),
      ...(runUrl ? { runUrl } : {}),
    });
    setOutput(runner, 'tracking-issue', result.issueNumber ?? '');
  } catch (failure) {
    warning(
      runner,
      `could not update the tracking issue: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
}

/** Direct upload to code scanning (the alternative to github/codeql-action/upload-sarif); failures are warnings. */
async function uploadSarif(
  runner: Runner,
  gh: GitHub,
  path: string,
  event: PullRequestEvent,
  env: Runner['env'],
): Promise<void> {
  const sha = event.pull_request?.head.sha ?? env.GITHUB_SHA;
  const ref = event.pull_request ? `refs/pull/${event.pull_request.number}/head` : env.GITHUB_REF;
  if (!sha || !ref) {
    warning(runner, 'cannot upload SARIF: no commit sha or ref in this event');
    return;
  }
  try {
    const sarif = gzipSync(readFileSync(path)).toString('base64');
    await gh.octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
      owner: gh.owner,
      repo: gh.repo,
      commit_sha: sha,
      ref,
      sarif,
    });
  } catch (error) {
    warning(
      runner,
      `could not upload the SARIF report: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function readEvent(path: string | undefined): PullRequestEvent {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
  } catch {
    return {};
  }
}

function ownerRepo(full: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = full.split('/');
  return { owner, repo };
}

/** Annotations need a file in the repository; live locations (ARNs, API ids) get none. */
function repoFile(
  location: string | undefined,
  workspace: string,
): { file: string; line: number } | undefined {
  if (!location || /^[a-z][a-z0-9+.-]*:|^\/subscriptions\//i.test(location) || location.includes(' '))
    return undefined;
  const match = /^(.*?)(?::(\d+))?(?:#.*)?$/.exec(location);
  const file = match?.[1] ?? location;
  if (!/\.(tf|tfstate|json|ya?ml|bicep)$/.test(file)) return undefined;
  const rel = isAbsolute(file) ? relative(workspace, file) : file;
  return { file: rel, line: Number(match?.[2] ?? 1) };
}

function actionContext(runner: Runner, workspace: string): ConnectorContext {
  return {
    cwd: workspace,
    baseDir: workspace,
    env: runner.env,
    signal: new AbortController().signal,
    now: () => new Date(),
    log: { debug: () => undefined, info: () => undefined, warn: (m) => warning(runner, m) },
    diagnostic: () => undefined,
    progress: () => undefined,
  };
}
