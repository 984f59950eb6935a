import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, posix, relative } from 'node:path';
import type { CodeFile } from '../fix/code-index.js';
import { type FixPlan, planFixes } from '../fix/plan.js';
import { readModuleCode } from '../fix/read-code.js';
import type { Report } from '../model/report.js';
import { fixMarkdown } from '../report/markdown-fix.js';
import { type GitHub, GitHubApiError } from './github/index.js';
import type { ActionInputs } from './inputs.js';
import { workingDirOf } from './settings.js';
import { command, type Runner, setOutput, warning } from './workflow.js';

/**
 * `driftwarden fix` in the Action. The accept-or-revert section of the comment and the issue reads the root
 * modules the `fix-pull-request` input names (else the working directory); with the input, a nightly scan also
 * opens a pull request with the patch: one new branch per patch (`driftwarden/fix-<hash of the patch>`), made
 * through the Git database API (create a tree on the scanned commit's tree, a commit, a reference; docs.github.com
 * rest/git/trees, rest/git/refs), then a pull request into the branch that was scanned. It never writes to a
 * branch that exists, so never to the default branch or a protected one: a branch of that name that exists means
 * this patch is proposed already, and nothing is written. Code paths must stay inside the repository, symlinks
 * resolved. Problems are warnings for the caller: the scan's verdict does not depend on them.
 */
export interface ActionFix {
  plan: FixPlan;
  problems: string[];
}

export async function actionFixPlan(
  inputs: ActionInputs,
  workspace: string,
  report: Report,
): Promise<ActionFix> {
  const workingDir = workingDirOf(inputs);
  const dirs = inputs.fixPullRequest.length > 0 ? inputs.fixPullRequest : ['.'];
  const code: CodeFile[] = [];
  const problems: string[] = [];
  const top = await realpath(workspace);
  for (const dir of dirs) {
    const path = posix.normalize(posix.join(workingDir, dir.replaceAll('\\', '/')));
    const real = await realpath(join(workspace, path)).catch(() => undefined);
    const inside = real === undefined ? '..' : relative(top, real);
    if (isAbsolute(path) || inside.startsWith('..') || isAbsolute(inside)) {
      problems.push(`fix-pull-request ${dir}: not a directory inside the repository; not read`);
      continue;
    }
    const module = await readModuleCode(join(workspace, path), workspace);
    code.push(...module.files);
    problems.push(...module.problems);
  }
  const plan = planFixes(report.drift, code);
  for (const file of code) if (file.problem !== undefined) problems.push(`${file.problem}; not patched`);
  return { plan, problems };
}

export interface FixPullRequest {
  /** The pull request opened, or why none was. */
  number?: number;
  skipped?: string;
}

/** Opens the pull request with the patch on a new branch; `base` is the scanned commit and its branch. */
export async function openFixPullRequest(
  gh: GitHub,
  plan: FixPlan,
  base: { sha: string; branch: string },
  runUrl: string | undefined,
): Promise<FixPullRequest> {
  if (plan.files.length === 0) return { skipped: 'no value could be patched' };
  const { owner, repo } = gh;
  const git = gh.octokit.rest.git;
  const branch = `driftwarden/fix-${createHash('sha256').update(plan.patch).digest('hex').slice(0, 12)}`;
  const { data: repository } = await gh.octokit.rest.repos.get({ owner, repo });
  if (branch === repository.default_branch || branch === base.branch)
    return { skipped: `the branch ${branch} is the default or the scanned branch` };
  if (await branchExists(gh, branch))
    return { skipped: `the branch ${branch} exists: this patch is proposed already` };
  const { data: commit } = await git.getCommit({ owner, repo, commit_sha: base.sha });
  const { data: tree } = await git.createTree({
    owner,
    repo,
    base_tree: commit.tree.sha,
    tree: plan.files.map((file) => ({ path: file.path, mode: '100644', type: 'blob', content: file.after })),
  });
  const accepted = plan.proposals.filter((proposal) => proposal.attributes.some((a) => a.patched));
  const message = `Accept the live values of ${accepted.length} drifted resource${accepted.length === 1 ? '' : 's'}\n\n${accepted.map((p) => `- ${p.address ?? p.key}`).join('\n')}\n\nProposed by driftwarden fix.`;
  const { data: created } = await git.createCommit({
    owner,
    repo,
    message,
    tree: tree.sha,
    parents: [base.sha],
  });
  try {
    await git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: created.sha });
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 422)
      return { skipped: `the branch ${branch} exists: this patch is proposed already` };
    throw error;
  }
  const run = runUrl ? `\n\nFrom the [scheduled scan](${runUrl}).` : '';
  const body = `${fixMarkdown(plan, 50_000)}\n\nMerge to accept the live values in code; then \`terraform apply -refresh-only -target=<address>\` records them in state. Close it to keep the code and revert the cloud with \`terraform apply -target=<address>\` instead.${run}\n`;
  const { data: pull } = await gh.octokit.rest.pulls.create({
    owner,
    repo,
    title: message.split('\n')[0] ?? 'Accept live values',
    head: branch,
    base: base.branch,
    body,
  });
  return { number: pull.number };
}

async function branchExists(gh: GitHub, branch: string): Promise<boolean> {
  try {
    await gh.octokit.rest.git.getRef({ owner: gh.owner, repo: gh.repo, ref: `heads/${branch}` });
    return true;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return false;
    throw error;
  }
}

/** The plan for the comment and the issue; problems reading the code are warnings when the input names it. */
export async function fixFor(
  runner: Runner,
  inputs: ActionInputs,
  workspace: string,
  report: Report,
): Promise<FixPlan | undefined> {
  try {
    const { plan, problems } = await actionFixPlan(inputs, workspace, report);
    if (inputs.fixPullRequest.length > 0) for (const problem of problems) warning(runner, problem);
    return plan;
  } catch (error) {
    warning(runner, `fix: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** On a nightly scan with `fix-pull-request`: the pull request, its number in the `fix-pull-request` output. */
export async function proposeFix(
  runner: Runner,
  gh: GitHub,
  plan: FixPlan,
  runUrl: string | undefined,
): Promise<void> {
  const sha = runner.env.GITHUB_SHA;
  const ref = runner.env.GITHUB_REF ?? '';
  if (!sha || !ref.startsWith('refs/heads/')) {
    warning(
      runner,
      'fix-pull-request: the scanned commit is not a branch head (GITHUB_REF); no pull request',
    );
    return;
  }
  try {
    const result = await openFixPullRequest(
      gh,
      plan,
      { sha, branch: ref.slice('refs/heads/'.length) },
      runUrl,
    );
    setOutput(runner, 'fix-pull-request', result.number ?? '');
    if (result.skipped)
      command(runner, 'notice', 'title=driftwarden fix', `no pull request: ${result.skipped}`);
  } catch (error) {
    warning(
      runner,
      `could not open the fix pull request: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
