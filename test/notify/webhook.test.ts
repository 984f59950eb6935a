import { describe, expect, it } from 'vitest';
import { postWebhook, type Webhook, webhookOf } from '../../src/notify/webhook.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

/** The secret part of a webhook URL, as Slack's and Teams' URLs carry one in their path. */
const SECRET_PATH = '/services/T0000SECRET/B0000SECRET/XXXXsecretXXXXtoken';

function hookAt(base: string, kind: Webhook['kind'] = 'slack'): Webhook {
  const hook = webhookOf(kind, `${base}${SECRET_PATH}`, 'DRIFTWARDEN_SLACK_WEBHOOK_URL');
  if (!hook) throw new Error('no hook');
  return hook;
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a failure');
}

describe('postWebhook against a local receiver', () => {
  it('POSTs the payload as JSON to the URL given', async () => {
    const receiver = await startReceiver();
    await postWebhook(hookAt(receiver.url), { text: 'hello' });
    expect(receiver.requests).toEqual([
      { method: 'POST', path: SECRET_PATH, contentType: 'application/json', body: { text: 'hello' } },
    ]);
  });

  it('tries again after Retry-After when throttled (429), and after a back-off on a 5xx', async () => {
    const receiver = await startReceiver();
    receiver.respond(
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 503 },
      { status: 200, body: 'ok' },
    );
    const waits: number[] = [];
    await postWebhook(hookAt(receiver.url), { text: 'x' }, { sleep: async (ms) => void waits.push(ms) });
    expect(receiver.requests).toHaveLength(3);
    expect(waits).toEqual([2000, 2000]);
  });

  it('caps a Retry-After at 30 s and gives up after three tries', async () => {
    const receiver = await startReceiver();
    receiver.respond({ status: 429, headers: { 'retry-after': '3600' } }, { status: 429 }, { status: 429 });
    const waits: number[] = [];
    const message = await failureOf(
      postWebhook(hookAt(receiver.url), {}, { sleep: async (ms) => void waits.push(ms) }),
    );
    expect(message).toBe('Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL): HTTP 429');
    expect(waits).toEqual([30_000, 2000]);
    expect(receiver.requests).toHaveLength(3);
  });

  it('takes a legacy Teams connector’s 200 with "HTTP error 429" in its body for throttling', async () => {
    const receiver = await startReceiver();
    receiver.respond({
      status: 200,
      body: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId x',
    });
    await postWebhook(hookAt(receiver.url, 'teams'), {}, { sleep: async () => undefined });
    expect(receiver.requests).toHaveLength(2);
  });

  it('names the receiver’s error, never the URL, even when the answer quotes it', async () => {
    const receiver = await startReceiver();
    receiver.respond({ status: 404, body: `channel_not_found for ${receiver.url}${SECRET_PATH}` });
    const message = await failureOf(postWebhook(hookAt(receiver.url), {}));
    expect(message).toBe(
      'Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL): HTTP 404: channel_not_found for ***',
    );
    expect(receiver.requests).toHaveLength(1);
  });

  it('does not follow a redirect: the payload goes to the URL given or nowhere', async () => {
    const elsewhere = await startReceiver();
    const receiver = await startReceiver();
    receiver.respond({ status: 302, headers: { location: `${elsewhere.url}/collect` } });
    const message = await failureOf(postWebhook(hookAt(receiver.url), { text: 'x' }));
    expect(message).toBe('Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL): HTTP 302');
    expect(elsewhere.requests).toEqual([]);
  });

  it('gives up on a receiver that does not answer in time, and on one that is not there', async () => {
    const receiver = await startReceiver();
    receiver.respond({ status: 200, delayMs: 2000 });
    expect(await failureOf(postWebhook(hookAt(receiver.url), {}, { timeoutMs: 100 }))).toBe(
      'Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL): no answer within 0.1 s',
    );
    const gone = await startReceiver();
    await gone.close();
    const closed = hookAt(gone.url);
    expect(await failureOf(postWebhook(closed, {}))).toBe(
      'Slack webhook (DRIFTWARDEN_SLACK_WEBHOOK_URL): could not be reached (ECONNREFUSED)',
    );
  });
});

describe('webhookOf', () => {
  it('takes https URLs, and plain http only to this machine', () => {
    expect(webhookOf('slack', ' https://hooks.slack.com/services/T/B/x ', 'V')?.url.href).toBe(
      'https://hooks.slack.com/services/T/B/x',
    );
    expect(webhookOf('teams', 'http://127.0.0.1:8080/hook', 'V')?.url.port).toBe('8080');
    expect(webhookOf('slack', '', 'V')).toBeUndefined();
    expect(webhookOf('slack', undefined, 'V')).toBeUndefined();
  });

  it('refuses anything else without quoting it', () => {
    for (const value of ['http://hooks.slack.com/services/T/B/secret', 'ftp://x/secret', 'not a url secret'])
      expect(() => webhookOf('slack', value, 'SLACK_URL')).toThrow(
        'SLACK_URL: not an https URL (the Slack webhook URL itself is not shown: it is a secret)',
      );
    expect(() => webhookOf('slack', 'http://evil.example/secret', 'SLACK_URL')).not.toThrow(/evil|\/secret/);
  });
});
