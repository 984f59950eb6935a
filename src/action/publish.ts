import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FixPlan } from '../fix/plan.js';
import type { Report } from '../model/report.js';
import type { PullRequestEvent } from './event.js';
import { type GitHub, syncTrackingIssue, upsertStickyComment } from './github/index.js';
import type { FindingState, StoreState } from './github/tracking-issue.js';
import type { ActionInputs } from './inputs.js';
import { addSummary, type Runner, setOutput, warning } from './workflow.js';

const ISSUE_MARKER = '<!-- driftwarden:tracking-issue -->';

/**
 * The sticky comment's hidden name: `comment-name` when given, else one comment per workflow and job, so that two
 * driftwarden jobs on one pull request never overwrite each other's comment.
 */
export function commentMarker(inputs: ActionInputs, env: Runner['env']): string {
  const name = inputs.commentName ?? [env.GITHUB_WORKFLOW, env.GITHUB_JOB].filter(Boolean).join('/');
  const safe = name.replace(/[^\w ./:+-]/g, '_').slice(0, 200);
  return `<!-- driftwarden:pull-request${safe ? ` ${safe}` : ''} -->`;
}

export async function commentOnPullRequest(
  runner: Runner,
  gh: GitHub | undefined,
  inputs: ActionInputs,
  event: PullRequestEvent,
  markdown: string,
): Promise<void> {
  if (!gh || inputs.comment === 'off') return;
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
      marker: commentMarker(inputs, runner.env),
    });
  } catch (error) {
    warning(
      runner,
      `could not post the pull request comment: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Keeps the tracking issue; returns the findings its state held before this run, for the change notifications. */
export async function trackIssue(
  runner: Runner,
  gh: GitHub,
  inputs: ActionInputs,
  report: Report | undefined,
  runUrl: string | undefined,
  error?: string,
  fix?: FixPlan,
  history?: StoreState,
): Promise<FindingState | undefined> {
  let previous: FindingState | undefined;
  try {
    const result = await syncTrackingIssue(gh, {
      ...(fix ? { fix } : {}),
      ...(history ? { history } : {}),
      label: inputs.trackingLabel,
      failedLabel: inputs.failedLabel,
      marker: ISSUE_MARKER,
      title: 'driftwarden: drift and policy findings',
      report: report ?? { error: error ?? 'scan failed' },
      now: new Date(),
      ...(runUrl ? { runUrl } : {}),
      onPrevious: (state) => {
        previous = state;
      },
    });
    setOutput(runner, 'tracking-issue', result.issueNumber ?? '');
    return previous;
  } catch (failure) {
    warning(
      runner,
      `could not update the tracking issue: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
    return undefined;
  }
}

/** Direct upload to code scanning (the alternative to github/codeql-action/upload-sarif); failures are warnings. */
export async function uploadSarif(
  runner: Runner,
  gh: GitHub,
  path: string,
  event: PullRequestEvent | undefined,
  env: Runner['env'],
): Promise<void> {
  const sha = event?.pull_request.head.sha ?? env.GITHUB_SHA;
  const ref = event ? `refs/pull/${event.pull_request.number}/head` : env.GITHUB_REF;
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
