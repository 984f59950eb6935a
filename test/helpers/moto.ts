import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * moto's server for the AWS suites, on 127.0.0.1 and a free port, started by the tests. A suite that needs it
 * skips with a visible notice when `moto_server` is missing; .ci/run sets DRIFTWARDEN_REQUIRE_MOTO=1, which turns
 * the skip into a failure.
 */
export const motoAvailable = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
export const motoRequired = process.env.DRIFTWARDEN_REQUIRE_MOTO === '1';
if (!motoAvailable && !motoRequired) {
  console.warn(
    '\n  NOTICE: moto_server not found; the AWS suites are SKIPPED. Install it with: pip install "moto[server]"\n',
  );
}

export interface Moto {
  endpoint: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok || response.status < 500) break;
    } catch {
      // not up yet
    }
    if (attempt > 150) {
      child.kill();
      throw new Error(`moto_server did not start: ${stderr.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    async stop() {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export type Fault = 'throttle' | 'error500' | 'slow' | 'drop' | 'denied' | 'unprocessed';

export interface FaultRule {
  /** The X-Amz-Target operation to hit, e.g. `ListDiscoveredResources`. */
  operation: string;
  fault: Fault;
  /** How many matching requests to break; then they pass. Infinity breaks them all. */
  times: number;
  /** Skip this many matching requests first (e.g. to drop the second page). */
  after?: number;
  /** Only requests whose body contains this text, e.g. a resource type. */
  bodyIncludes?: string;
}

/**
 * A proxy in front of moto for the AWS suites. It injects faults, counts requests by operation, and, in test
 * code only, rewrites moto's date-string timestamps into the epoch seconds AWS sends (moto 5.2.1 writes
 * `str(datetime)`, which makes the JS SDK throw "Expected real number").
 */
export class AwsProxy {
  readonly requests: string[] = [];
  private readonly rules: (FaultRule & { seen: number; broken: number })[] = [];
  /** Operations moto does not implement, answered here (CloudTrail LookupEvents: test/helpers/fake-cloudtrail.ts). */
  private readonly answers = new Map<string, (body: string) => unknown>();
  /** Changes to moto's answers of an operation, e.g. fields moto never fills in. */
  private readonly rewrites = new Map<string, (answer: unknown) => unknown>();
  private server: Server | undefined;
  private readonly upstream: URL;
  endpoint = '';

  constructor(upstream: string) {
    this.upstream = new URL(upstream);
  }

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, broken: 0 });
  }

  /** Answers `operation` with `answer(body)` as JSON instead of forwarding it to moto; faults still apply first. */
  respond(operation: string, answer: (body: string) => unknown): void {
    this.answers.set(operation, answer);
  }

  /** Passes moto's JSON answer to `operation` through `change` (cleared by clear()). */
  rewrite(operation: string, change: (answer: unknown) => unknown): void {
    this.rewrites.set(operation, change);
  }

  clear(): void {
    this.rewrites.clear();
    this.rules.length = 0;
    this.requests.length = 0;
  }

  count(operation: string): number {
    return this.requests.filter((r) => r === operation).length;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const operation = target.includes('.')
          ? (target.split('.').pop() ?? '')
          : `${req.method} ${req.url?.split('?')[0] ?? ''}`;
        this.requests.push(operation);
        const text = Buffer.concat(chunks).toString('utf8');
        const rule = this.rules.find(
          (r) =>
            r.operation === operation &&
            (!r.bodyIncludes || text.includes(r.bodyIncludes)) &&
            r.broken < r.times &&
            r.seen++ >= (r.after ?? 0),
        );
        if (rule) rule.broken++;
        if (rule?.fault === 'denied') {
          res.writeHead(400, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'AccessDeniedException',
          });
          res.end(
            JSON.stringify({
              __type: 'AccessDeniedException',
              message: 'User is not authorized to perform: config:ListDiscoveredResources',
            }),
          );
          return;
        }
        if (rule?.fault === 'throttle') {
          res.writeHead(400, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'ThrottlingException',
          });
          res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
          return;
        }
        if (rule?.fault === 'error500') {
          res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify({ __type: 'InternalFailure', message: 'injected' }));
          return;
        }
        if (rule?.fault === 'drop') {
          req.socket.destroy();
          return;
        }
        const answer = this.answers.get(operation);
        if (answer) {
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify(answer(text)));
          return;
        }
        const forward = () =>
          this.forward(req, Buffer.concat(chunks), (status, headers, body) => {
            res.writeHead(status, headers);
            const change = this.rewrites.get(operation);
            const changed =
              change && status === 200
                ? Buffer.from(JSON.stringify(change(JSON.parse(body.toString('utf8')))))
                : body;
            res.end(rule?.fault === 'unprocessed' ? leaveHalfUnprocessed(changed) : changed);
          });
        if (rule?.fault === 'slow') setTimeout(forward, 1500);
        else forward();
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private forward(
    req: IncomingMessage,
    body: Buffer,
    reply: (status: number, headers: Record<string, string>, body: Buffer) => void,
  ): void {
    const upstream = httpRequest(
      {
        host: this.upstream.hostname,
        port: this.upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.upstream.host },
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (c: Buffer) => parts.push(c));
        response.on('end', () => {
          let out = Buffer.concat(parts);
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(response.headers))
            if (typeof v === 'string' && k !== 'content-length') headers[k] = v;
          if (String(req.headers['x-amz-target'] ?? '').startsWith('StarlingDoveService.'))
            out = Buffer.from(fixMotoTimestamps(out.toString('utf8')));
          reply(response.statusCode ?? 500, headers, out);
        });
      },
    );
    upstream.on('error', () => reply(502, {}, Buffer.from('proxy error')));
    upstream.end(body);
  }
}

const MOTO_TIMESTAMP =
  /"(configurationItemCaptureTime|resourceCreationTime)":\s*"(\d{4}-\d{2}-\d{2}[ T][\d:.]+)(\+00:00)?"/g;

function fixMotoTimestamps(text: string): string {
  return text.replace(
    MOTO_TIMESTAMP,
    (_m, key: string, time: string) => `"${key}": ${Date.parse(`${time.replace(' ', 'T')}Z`) / 1000}`,
  );
}

/** Moves the second half of a BatchGetResourceConfig answer into unprocessedResourceKeys, as AWS may under load. */
function leaveHalfUnprocessed(body: Buffer): Buffer {
  const out = JSON.parse(body.toString('utf8')) as {
    baseConfigurationItems?: { resourceType: string; resourceId: string }[];
    unprocessedResourceKeys?: unknown[];
  };
  const items = out.baseConfigurationItems ?? [];
  const keep = Math.ceil(items.length / 2);
  out.unprocessedResourceKeys = items
    .slice(keep)
    .map((i) => ({ resourceType: i.resourceType, resourceId: i.resourceId }));
  out.baseConfigurationItems = items.slice(0, keep);
  return Buffer.from(JSON.stringify(out));
}

export interface MotoSuite {
  moto: Moto;
  proxy: AwsProxy;
  /** SDK settings that talk to moto directly, for seeding. */
  direct: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  /** The environment a scan gets: through the proxy. */
  env(): Record<string, string>;
}

/** Starts moto and the proxy for a suite (call inside `describe`); the returned object fills in before the tests. */
export function useMoto(hooks: {
  beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
  afterAll: (fn: () => Promise<void>) => void;
}): MotoSuite {
  const suite = {} as MotoSuite;
  hooks.beforeAll(async () => {
    suite.moto = await startMoto();
    suite.proxy = new AwsProxy(suite.moto.endpoint);
    await suite.proxy.start();
    suite.direct = {
      region: 'us-east-1',
      endpoint: suite.moto.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    suite.env = () => ({
      AWS_ENDPOINT_URL: suite.proxy.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    });
  }, 30_000);
  hooks.afterAll(async () => {
    await suite.proxy?.stop();
    await suite.moto?.stop();
  });
  return suite;
}
