import { relative, resolve } from 'node:path';
import { type OutputTarget, writeOutputFile } from '../cli/io.js';
import type { FailOnValue } from '../config/schema.js';
import type { Report } from '../model/report.js';
import { loadCatalogue } from '../model/types/index.js';
import type { CatalogueRule } from '../policy/catalogue.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif, SARIF_MAX_RESULTS } from '../report/sarif.js';
import { EXIT, exitCodeFor } from '../scan/exit-code.js';
import { packageVersion } from '../util/package-info.js';
import { actionContext, ownerRepo, runUrlOf, workflowFile } from './context.js';
import { PULL_REQUEST_EVENTS, type PullRequestEvent, readPullRequestEvent } from './event.js';
import { fixFor, proposeFix } from './fix-pull-request.js';
import { createGitHub, type GitHub } from './github/index.js';
import { type ActionInputs, readInputs } from './inputs.js';
import { nightlyScan } from './nightly-scan.js';
import { maskWebhooks, notifyOnChange, previousFindings } from './notify.js';
import { pullRequestMarkdown } from './pr-comment.js';
import { commentOnPullRequest, trackIssue, uploadSarif } from './publish.js';
import { scanPullRequest } from './pull-request.js';
import { sarifTarget } from './sarif-file.js';
import { workingDirOf } from './settings.js';
import { addSummary, annotate, command, outputsFor, type Runner, setOutput, warning } from './workflow.js';

/**
 * The Action: on a pull request, scan base and head and report what the PR introduces; on a schedule (or a manual
 * run), scan everything and keep the tracking issue. It fails the job when the scan fails, or when findings reach
 * `fail-on` (the merge gate). Problems posting comments or issues are warnings, never failures.
 */
export async function runAction(runner: Runner): Promise<number> {
  // The Action compares and renders reports of every kind of scan: every provider's types, where the CLI's scan
  // loads those its sources need (src/model/types/index.ts).
  await loadCatalogue();
  const env = runner.env;
  const inputs = readInputs(env);
  maskWebhooks(runner, inputs);
  // Every path the Action reports is relative to the repository root; working-directory only says where the config is.
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
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
  const tracking = gh && inputs.trackingIssue && TRACKED_EVENTS.has(eventName) ? gh : undefined;
  const runUrl = runUrlOf(env);

  let outcome: Outcome;
  let event: PullRequestEvent | undefined;
  let sarif: OutputTarget;
  try {
    sarif = await sarifTarget(workspace, workingDirOf(inputs), inputs.sarif);
    if (PULL_REQUEST_EVENTS.has(eventName)) {
      event = readPullRequestEvent(env.GITHUB_EVENT_PATH);
      const pullRequest = event.pull_request;
      const refs = { base: pullRequest.base.sha, head: pullRequest.head.sha };
      const pr = await scanPullRequest(inputs, workspace, refs, ctx, version);
      if ('notConfigured' in pr) {
        command(runner, 'notice', 'title=driftwarden', pr.notConfigured);
        addSummary(runner, `### driftwarden: nothing to scan yet\n\n${pr.notConfigured}.`);
        return EXIT.clean;
      }
      const fix = await fixFor(runner, inputs, workspace, pr.head);
      const markdown = pullRequestMarkdown(pr, {
        sha: refs.head,
        version,
        ...(runUrl ? { runUrl } : {}),
        ...(fix ? { fix } : {}),
      });
      outcome = {
        report: pr.head,
        gate: pr.introduced,
        failOn: pr.settings.failOn.map(
          (value) => (value.startsWith('new:') ? value.slice(4) : value) as FailOnValue,
        ),
        rules: pr.rules,
        markdown,
        configFile: pr.settings.configFile,
      };
      await commentOnPullRequest(runner, gh, inputs, event, markdown);
    } else {
      const tree = { root: workspace, workingDir: workingDirOf(inputs) };
      if (inputs.reports.length > 0 && inputs.history)
        warning(
          runner,
          'the history input is not used when merging reports: each job of the matrix records its own scan, and the merged report carries their ages',
        );
      const scan = await nightlyScan(inputs, tree, ctx, version);
      const sha = env.GITHUB_SHA;
      const footer = `\n<sub>driftwarden ${version}${sha ? ` · commit \`${sha.slice(0, 12)}\`` : ''}${runUrl ? ` · [workflow run](${runUrl})` : ''}</sub>\n`;
      outcome = {
        report: scan.report,
        gate: scan.report,
        failOn: scan.failOn,
        rules: scan.rules,
        markdown: `${renderMarkdown(scan.report, undefined, scan.rules)}${footer}`,
        configFile: scan.configFile,
      };
      const fix = await fixFor(runner, inputs, workspace, scan.report);
      const issueState = tracking
        ? await trackIssue(runner, tracking, inputs, scan.report, runUrl, undefined, fix, scan.history)
        : undefined;
      await notifyOnChange(runner, inputs, scan.report, previousFindings(scan.history, issueState), runUrl);
      if (gh && fix && inputs.fixPullRequest.length > 0 && TRACKED_EVENTS.has(eventName))
        await proposeFix(runner, gh, fix, runUrl);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    command(runner, 'error', 'title=driftwarden scan failed', message);
    if (tracking) await trackIssue(runner, tracking, inputs, undefined, runUrl, message);
    return EXIT.error;
  }
  return finish(runner, gh, inputs, event, env, workspace, sarif, outcome);
}

/** Events on which the Action keeps the tracking issue: the nightly schedule, and a manual run of it. */
const TRACKED_EVENTS = new Set(['schedule', 'workflow_dispatch']);

interface Outcome {
  /** The full report: SARIF and the outputs. */
  report: Report;
  /** The findings the gate and the annotations judge: on a pull request, what it introduces. */
  gate: Report;
  failOn: FailOnValue[];
  rules: readonly CatalogueRule[];
  markdown: string;
  configFile: string | undefined;
}

async function finish(
  runner: Runner,
  gh: GitHub | undefined,
  inputs: ActionInputs,
  event: PullRequestEvent | undefined,
  env: Runner['env'],
  workspace: string,
  sarif: OutputTarget,
  outcome: Outcome,
): Promise<number> {
  const { report } = outcome;
  annotate(runner, outcome.gate.violations);
  const results = report.violations.length + report.waived.length + report.drift.length;
  const capped =
    results > SARIF_MAX_RESULTS
      ? `\n> :information_source: The SARIF file holds the ${SARIF_MAX_RESULTS} most severe of ${results} results: GitHub code scanning takes no more per run. The JSON report has them all.\n`
      : '';
  addSummary(runner, `${outcome.markdown}${capped}`);
  const fallbackFile = outcome.configFile ?? workflowFile(env);
  try {
    await writeOutputFile(sarif, renderSarif(report, outcome.rules, fallbackFile ? { fallbackFile } : {}));
  } catch (error) {
    command(runner, 'error', 'title=driftwarden', error instanceof Error ? error.message : String(error));
    return EXIT.error;
  }
  outputsFor(runner, report);
  // Where the file really is, as later steps (upload-sarif) name files: relative to the workspace.
  setOutput(runner, 'sarif', relative(workspace, sarif.path));
  if (inputs.uploadSarif && gh) await uploadSarif(runner, gh, sarif.path, event, env);
  if (!report.scan.complete) {
    command(
      runner,
      'error',
      'title=driftwarden',
      'the scan is incomplete: a source or rule failed; the results are partial',
    );
    return EXIT.incomplete;
  }
  return exitCodeFor(outcome.gate, outcome.failOn);
}
