import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * A local webhook receiver on 127.0.0.1 and a free port, standing in for Slack's and Teams' incoming webhooks: it
 * records every request (method, path, content type, JSON body) and answers with the next scripted response, or
 * 200 `ok` (what Slack answers) when none is left.
 */
export interface ReceivedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  body: unknown;
}

export interface ScriptedResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface WebhookReceiver {
  /** The base URL, `http://127.0.0.1:<port>`. */
  url: string;
  requests: ReceivedRequest[];
  respond(...responses: ScriptedResponse[]): void;
  /** Stops listening: its port then refuses connections. */
  close(): Promise<void>;
}

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers
      .splice(0)
      .map((server) =>
        server.listening ? new Promise<void>((done) => server.close(() => done())) : undefined,
      ),
  );
});

export async function startReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const script: ScriptedResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body,
      });
      const next = script.shift() ?? { status: 200, body: 'ok' };
      const answer = () => {
        res.writeHead(next.status, { 'content-type': 'text/plain', ...next.headers });
        res.end(next.body ?? '');
      };
      if (next.delayMs) setTimeout(answer, next.delayMs);
      else answer();
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (...responses) => void script.push(...responses),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
