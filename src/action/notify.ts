import type { Report } from '../model/report.js';
import { findingChanges, hasChanges, type PreviousFindings } from '../notify/changes.js';
import { notifyMessage } from '../notify/message.js';
import { sendNotifications } from '../notify/send.js';
import { WEBHOOK_LABELS, type Webhook, webhookOf } from '../notify/webhook.js';
import type { FindingState, StoreState } from './github/tracking-issue.js';
import type { ActionInputs } from './inputs.js';
import { type Runner, warning } from './workflow.js';

/**
 * The webhook inputs are secrets: each is masked in the job log before anything else runs (GitHub masks a
 * `secrets.*` value already; an input fed from `vars` or plain text would not be). The value is written as the
 * runner reads command data (`%`, CR and LF escaped), never redacted or cut, so that the mask is the URL exactly.
 */
export function maskWebhooks(runner: Runner, inputs: ActionInputs): void {
  // The history input may be a postgres URL with its password.
  for (const value of [inputs.slackWebhookUrl, inputs.teamsWebhookUrl, inputs.history])
    for (const line of (value ?? '').split(/\r?\n/))
      if (line.trim() !== '')
        runner.stdout.write(`::add-mask::${line.trim().replaceAll('%', '%25').replaceAll('\r', '%0D')}\n`);
}

/**
 * What the previous run knew, for the notifications: the history store's state when one is configured (its
 * first scan of the scope knows nothing yet), else the tracking issue's.
 */
export function previousFindings(
  history: StoreState | undefined,
  issue: FindingState | undefined,
): PreviousFindings | undefined {
  const entries = (state: FindingState) =>
    new Map(Object.entries(state).map(([id, stored]) => [id, stored.summary]));
  if (history && !history.firstScan)
    return { source: 'the history store', findings: entries(history.previous), resolved: history.resolved };
  return issue ? { source: 'the tracking issue', findings: entries(issue) } : undefined;
}

/**
 * On a scheduled run, the Slack and Teams messages when the findings changed against the previous run's
 * (previousFindings). No state (neither a store nor a tracking issue kept, or a failed scan) means the change is
 * unknown: nothing is sent, and a warning says why when a webhook is configured. A webhook that fails is a
 * warning: the notification never fails the job.
 */
export async function notifyOnChange(
  runner: Runner,
  inputs: ActionInputs,
  report: Report,
  previous: PreviousFindings | undefined,
  runUrl: string | undefined,
): Promise<void> {
  const hooks = webhooksOf(runner, inputs);
  if (hooks.length === 0) return;
  if (!previous) {
    warning(
      runner,
      'no notification: what changed is known from the history store or the tracking issue, and this run had neither (history, or tracking-issue: true and a github-token)',
    );
    return;
  }
  const changes = findingChanges(report, previous);
  if (!hasChanges(changes)) return;
  const repository = runner.env.GITHUB_REPOSITORY;
  const message = notifyMessage(report, changes, {
    ...(repository ? { scope: repository } : {}),
    ...(runUrl ? { link: { url: runUrl, title: 'Open the workflow run' } } : {}),
  });
  for (const result of await sendNotifications(hooks, message))
    if (result.error !== undefined) warning(runner, `could not notify: ${result.error}`);
}

function webhooksOf(runner: Runner, inputs: ActionInputs): Webhook[] {
  const hooks: Webhook[] = [];
  const entries = [
    ['slack', inputs.slackWebhookUrl, 'input slack-webhook-url'],
    ['teams', inputs.teamsWebhookUrl, 'input teams-webhook-url'],
  ] as const;
  for (const [kind, value, from] of entries) {
    try {
      const hook = webhookOf(kind, value, from);
      if (hook) hooks.push(hook);
    } catch (error) {
      warning(
        runner,
        `no ${WEBHOOK_LABELS[kind]} notification: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return hooks;
}
