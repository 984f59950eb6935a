import { DriftwardenError, usageError } from '../errors.js';
import { redactSecretText } from '../model/secret-patterns.js';

export type WebhookKind = 'slack' | 'teams';

/**
 * A webhook URL and where it came from. The URL is the secret (anyone who has it can post to the channel), so it
 * is read only from an environment variable or an Action input fed by a secret, never from the command line, and
 * never printed: messages name `from`, and a response that quotes the URL has it replaced by `***`.
 */
export interface Webhook {
  kind: WebhookKind;
  url: URL;
  /** Where the URL came from, for messages: `DRIFTWARDEN_SLACK_WEBHOOK_URL`, `input teams-webhook-url`. */
  from: string;
}

export const WEBHOOK_LABELS: Readonly<Record<WebhookKind, string>> = {
  slack: 'Slack webhook',
  teams: 'Teams webhook',
};

/** The webhook in `value`; undefined when it is empty. A value that is not an https URL is refused unquoted. */
export function webhookOf(kind: WebhookKind, value: string | undefined, from: string): Webhook | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const loopback = url !== undefined && LOOPBACK.has(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)))
    throw usageError(
      `${from}: not an https URL (the ${WEBHOOK_LABELS[kind]} URL itself is not shown: it is a secret)`,
    );
  return { kind, url, from };
}

/** Plain http only to this machine: a local receiver, as in the tests. */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface PostOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** Tries in all, when the receiver throttles (429) or fails (5xx). */
  attempts?: number;
}

const MAX_RETRY_WAIT_MS = 30_000;

/**
 * POSTs the payload as JSON. Success is any 2xx (Slack answers 200 `ok`, a Teams Workflows webhook 202). A 429 or
 * 5xx is tried again after its Retry-After (at most 30 s) or an exponential back-off; a legacy Teams connector
 * reports throttling as a 200 whose body holds "HTTP error 429" (msteams-docs connectors-using.md, "Rate limiting
 * for connectors"), which counts as a 429. Redirects are not followed: the payload goes to the URL given or nowhere.
 */
export async function postWebhook(hook: Webhook, payload: unknown, options: PostOptions = {}): Promise<void> {
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const attempts = options.attempts ?? 3;
  const body = JSON.stringify(payload);
  for (let attempt = 1; ; attempt++) {
    const response = await request(hook, send, body, options.timeoutMs ?? 10_000);
    const text = await response.text().catch(() => '');
    const throttled = response.status === 429 || (hook.kind === 'teams' && text.includes('HTTP error 429'));
    if (response.ok && !throttled) return;
    const retry = throttled || response.status >= 500;
    if (!retry || attempt >= attempts)
      throw failure(hook, `HTTP ${throttled ? 429 : response.status}${detail(hook, text)}`);
    await sleep(retryWait(response.headers.get('retry-after'), attempt));
  }
}

async function request(
  hook: Webhook,
  send: typeof fetch,
  body: string,
  timeoutMs: number,
): Promise<Response> {
  try {
    return await send(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // Node's fetch errors name the host and port at most; still, only the error's code is shown.
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError') throw failure(hook, `no answer within ${timeoutMs / 1000} s`);
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    throw failure(hook, `could not be reached${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

function retryWait(header: string | null, attempt: number): number {
  const seconds = header === null ? Number.NaN : Number(header);
  const wait = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000 * 2 ** (attempt - 1);
  return Math.min(wait, MAX_RETRY_WAIT_MS);
}

/** The start of the receiver's answer (Slack's error names it: `invalid_payload`, `channel_not_found`). */
function detail(hook: Webhook, text: string): string {
  const shown = withoutUrl(hook, text.trim()).slice(0, 200);
  return shown === '' ? '' : `: ${shown}`;
}

function withoutUrl(hook: Webhook, text: string): string {
  const secrets = [hook.url.href, hook.url.pathname + hook.url.search].filter((s) => s.length > 1);
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, '***');
  return redactSecretText(out);
}

function failure(hook: Webhook, problem: string): DriftwardenError {
  return new DriftwardenError('source', `${WEBHOOK_LABELS[hook.kind]} (${hook.from}): ${problem}`);
}
