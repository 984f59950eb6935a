import type { NotifyMessage } from './message.js';
import { slackMessage } from './slack.js';
import { teamsMessage } from './teams.js';
import { type PostOptions, postWebhook, type Webhook, type WebhookKind } from './webhook.js';

export interface NotifyResult {
  hook: Webhook;
  /** Why it failed, when it did: one line that never holds the URL. */
  error?: string;
}

export function payloadFor(kind: WebhookKind, message: NotifyMessage): unknown {
  return kind === 'slack' ? slackMessage(message) : teamsMessage(message);
}

/** Sends the message to every webhook; one that fails does not keep the others from getting it. */
export async function sendNotifications(
  hooks: readonly Webhook[],
  message: NotifyMessage,
  options: PostOptions = {},
): Promise<NotifyResult[]> {
  return Promise.all(
    hooks.map(async (hook): Promise<NotifyResult> => {
      try {
        await postWebhook(hook, payloadFor(hook.kind, message), options);
        return { hook };
      } catch (error) {
        return { hook, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
