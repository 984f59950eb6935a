import { resolve } from 'node:path';
import { displayPath } from '../connector/expand-paths.js';
import { usageError } from '../errors.js';
import { parseHistoryLocation } from '../history/location.js';
import { previousInStore } from '../history/previous.js';
import type { Report } from '../model/report.js';
import {
  baselineChanges,
  type FindingChanges,
  findingChanges,
  hasChanges,
  previousFromReport,
} from '../notify/changes.js';
import { notifyMessage } from '../notify/message.js';
import { payloadFor, sendNotifications } from '../notify/send.js';
import { WEBHOOK_LABELS, type Webhook, webhookOf } from '../notify/webhook.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { loadBaseline } from '../scan/load-baseline.js';
import { parseCommandLine } from './args.js';
import type { CliIo } from './io.js';
import { oneLine } from './one-line.js';

export const DEFAULT_SLACK_ENV = 'DRIFTWARDEN_SLACK_WEBHOOK_URL';
export const DEFAULT_TEAMS_ENV = 'DRIFTWARDEN_TEAMS_WEBHOOK_URL';

export const NOTIFY_HELP = `Usage: driftwarden notify --report <report.json> [options]

Posts to Slack and Microsoft Teams incoming webhooks when the findings changed: new findings, or findings resolved
since the previous state, with the open counts and a link. Nothing is sent when nothing changed. An incomplete scan
resolves nothing: what it did not see is reported as not checked.

The webhook URLs are secrets and come only from the environment: ${DEFAULT_SLACK_ENV} and
${DEFAULT_TEAMS_ENV} (or the variables --slack-env and --teams-env name). They are never printed.

Options:
  -r, --report <file>     the JSON report of this scan (driftwarden scan --output json=<file>)
  -p, --previous <file>   the JSON report of the previous scan; default: the report's own --baseline comparison
  --history <store>       the history store the report's scan was recorded in (scan --history): the previous
                          state is what the store held before it, and resolved is what the store resolved
  --link <url>            the run or the report, linked from the message
  --scope <text>          what was scanned, named in the headline (e.g. acme/infra)
  --slack-env <name>      the variable holding the Slack webhook URL (default ${DEFAULT_SLACK_ENV})
  --teams-env <name>      the variable holding the Teams webhook URL (default ${DEFAULT_TEAMS_ENV})
  --dry-run               print the Slack and Teams payloads as JSON instead of sending them

Exit codes: 0 sent or nothing changed, 2 usage or input error or a webhook that failed.
`;

const OPTIONS = {
  report: { type: 'string', short: 'r' },
  previous: { type: 'string', short: 'p' },
  history: { type: 'string' },
  link: { type: 'string' },
  scope: { type: 'string' },
  'slack-env': { type: 'string' },
  'teams-env': { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

interface NotifyFlags {
  report?: string;
  previous?: string;
  history?: string;
  link?: string;
  scope?: string;
  'slack-env'?: string;
  'teams-env'?: string;
  'dry-run'?: boolean;
  help?: boolean;
}

/** `driftwarden notify`: a chat message when the findings changed. */
export async function notifyCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const flags = parseCommandLine(argv, OPTIONS, 'notify').values as NotifyFlags;
  if (flags.help) {
    io.stdout.write(NOTIFY_HELP);
    return EXIT.clean;
  }
  if (flags.report === undefined)
    throw usageError(
      'notify needs --report <report.json>; write one with: driftwarden scan --output json=<file>',
    );
  const link = flags.link === undefined ? undefined : linkOf(flags.link);
  const hooks = webhooksOf(flags, io.env);
  if (hooks.length === 0 && !flags['dry-run'])
    throw usageError(
      `no webhook: set ${flags['slack-env'] ?? DEFAULT_SLACK_ENV} or ${flags['teams-env'] ?? DEFAULT_TEAMS_ENV} (or use --dry-run)`,
    );
  const report = await loadBaseline(fileOf(io, flags.report));
  const { changes, since } = await changesOf(io, report, flags);
  const message = notifyMessage(report, changes, {
    ...(flags.scope ? { scope: flags.scope } : {}),
    ...(link ? { link: { url: link, title: 'Details' } } : {}),
  });
  if (flags['dry-run']) {
    const payloads = { slack: payloadFor('slack', message), teams: payloadFor('teams', message) };
    io.stdout.write(`${JSON.stringify(payloads, null, 2)}\n`);
    return EXIT.clean;
  }
  if (!hasChanges(changes)) {
    io.stderr.write(`driftwarden: no new or resolved findings since ${oneLine(since)}: nothing sent\n`);
    return EXIT.clean;
  }
  let failed = false;
  for (const result of await sendNotifications(hooks, message)) {
    const target = `${WEBHOOK_LABELS[result.hook.kind]} (${result.hook.from})`;
    if (result.error === undefined)
      io.stderr.write(`driftwarden: ${oneLine(message.headline)}: sent to ${target}\n`);
    else {
      failed = true;
      io.stderr.write(`driftwarden: error: ${oneLine(result.error)}\n`);
    }
  }
  return failed ? EXIT.error : EXIT.clean;
}

function webhooksOf(flags: NotifyFlags, env: CliIo['env']): Webhook[] {
  const slack = flags['slack-env'] ?? DEFAULT_SLACK_ENV;
  const teams = flags['teams-env'] ?? DEFAULT_TEAMS_ENV;
  return [webhookOf('slack', env[slack], slack), webhookOf('teams', env[teams], teams)].filter(
    (hook): hook is Webhook => hook !== undefined,
  );
}

async function changesOf(
  io: CliIo,
  report: Report,
  flags: NotifyFlags,
): Promise<{ changes: FindingChanges; since: string }> {
  const previousPath = flags.previous;
  if (previousPath !== undefined && flags.history !== undefined)
    throw usageError('notify takes --previous or --history, not both');
  if (flags.history !== undefined) {
    const location = parseHistoryLocation(flags.history, io.cwd, io.cwd);
    if (report.history === undefined)
      throw usageError(
        `--history: the report ${flags.report} was not recorded in a history store; scan it with --history ${location.display}`,
      );
    const previous = await previousInStore(location, report);
    return { changes: findingChanges(report, previous), since: previous.source };
  }
  if (previousPath !== undefined) {
    const file = fileOf(io, previousPath);
    const previous = await loadBaseline(file);
    return {
      changes: findingChanges(report, previousFromReport(previous, file.display)),
      since: file.display,
    };
  }
  const own = baselineChanges(report);
  if (!own || !report.baseline)
    throw usageError(
      'notify needs the previous state: --previous <report.json>, --history <store>, or a report scanned with --baseline <report.json>',
    );
  return { changes: own, since: report.baseline.source };
}

function fileOf(io: CliIo, path: string): { path: string; display: string } {
  const full = resolve(io.cwd, path);
  return { path: full, display: displayPath(full, io.cwd) };
}

/** Only an http(s) link is shown; anything else would be a link the reader cannot trust. */
function linkOf(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw usageError(`--link ${value}: not an http(s) URL`);
  return url.href;
}
