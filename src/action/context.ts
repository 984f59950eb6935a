import { relative } from 'node:path';
import type { ConnectorContext } from '../connector/types.js';
import { type Runner, warning } from './workflow.js';

export function actionContext(runner: Runner, workspace: string): ConnectorContext {
  return {
    cwd: workspace,
    confine: workspace,
    fileName: (absolute) => relative(workspace, absolute).replaceAll('\\', '/'),
    env: runner.env,
    signal: new AbortController().signal,
    now: () => new Date(),
    log: { debug: () => undefined, info: () => undefined, warn: (m) => warning(runner, m) },
    diagnostic: () => undefined,
    progress: () => undefined,
  };
}

export function runUrlOf(env: Runner['env']): string | undefined {
  return env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
}

/** The workflow file that ran the scan (`owner/repo/.github/workflows/x.yml@ref`): a real file of the repository. */
export function workflowFile(env: Runner['env']): string | undefined {
  const file = /^[^/]+\/[^/]+\/(\.github\/workflows\/[\w.-]+\.ya?ml)@/.exec(
    env.GITHUB_WORKFLOW_REF ?? '',
  )?.[1];
  return file;
}

export function ownerRepo(full: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = full.split('/');
  return { owner, repo };
}
