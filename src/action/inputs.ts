import { REPORT_FILE_EXTENSIONS } from '../report/formats.js';

/**
 * The Action's inputs, read from the INPUT_* variables the runner sets (`INPUT_FAIL-ON` for `fail-on`). They mirror
 * the CLI's flags and the config file's keys; action.yml documents them.
 */
export interface ActionInputs {
  config: string | undefined;
  state: string[];
  live: string[];
  failOn: string | undefined;
  comment: 'on-change' | 'off';
  /** Names the sticky comment, so that several driftwarden steps keep a comment each. */
  commentName: string | undefined;
  sarif: string;
  uploadSarif: boolean;
  trackingIssue: boolean;
  trackingLabel: string;
  failedLabel: string;
  token: string | undefined;
  policies: string[];
  policyBundle: string[];
  workingDirectory: string;
  /** Webhook URLs (secrets) for the change notifications of scheduled runs. */
  slackWebhookUrl: string | undefined;
  teamsWebhookUrl: string | undefined;
  /** JSON reports of other jobs to merge instead of scanning: the merge job of a matrix. */
  reports: string[];
  /** Where a scheduled run writes its JSON report (for the merge job of a matrix). */
  jsonReport: string | undefined;
  /**
   * The history store of scheduled runs (`sqlite:<path>` or a postgres URL, as --history; may carry a password, so
   * it is masked): the tracking issue then reads its state from it.
   */
  history: string | undefined;
  /** The store's scope for this job (as --history-scope); default: one per set of sources. */
  historyScope: string | undefined;
  /** Root module directories whose code a nightly scan may patch in a pull request (src/action/fix-pull-request.ts). */
  fixPullRequest: string[];
  /** `on`, `off` or the most look-up calls per scan, as `--attribution`; over the config's `attribution`. */
  attribution: string | undefined;
}

export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const get = (name: string) => {
    const value = env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`]?.trim();
    return value === '' ? undefined : value;
  };
  const list = (name: string) =>
    (get(name) ?? '')
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter(Boolean);
  const bool = (name: string, fallback: boolean) => {
    const value = get(name)?.toLowerCase();
    return value === undefined ? fallback : value === 'true';
  };
  return {
    config: get('config'),
    state: list('state'),
    live: list('live'),
    failOn: get('fail-on'),
    comment: get('comment') === 'off' ? 'off' : 'on-change',
    commentName: get('comment-name'),
    sarif: get('sarif') ?? `driftwarden${REPORT_FILE_EXTENSIONS.sarif}`,
    uploadSarif: bool('upload-sarif', false),
    trackingIssue: bool('tracking-issue', true),
    trackingLabel: get('tracking-label') ?? 'driftwarden',
    failedLabel: get('failed-label') ?? 'driftwarden-scan-failed',
    token: get('github-token'),
    policies: list('policies'),
    policyBundle: list('policy-bundle'),
    workingDirectory: get('working-directory') ?? '.',
    slackWebhookUrl: get('slack-webhook-url'),
    teamsWebhookUrl: get('teams-webhook-url'),
    reports: list('reports'),
    jsonReport: get('json-report'),
    fixPullRequest: list('fix-pull-request'),
    history: get('history'),
    historyScope: get('history-scope'),
    attribution: get('attribution'),
  };
}
