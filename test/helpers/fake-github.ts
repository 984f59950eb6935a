import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitData } from './fake-github-git.js';

/**
 * A fake GitHub REST API for the action suites, on 127.0.0.1 and a free port. It serves, from memory, the routes
 * the action uses (user, issues, issue comments, labels, SARIF uploads, and in fake-github-git.ts the Git database
 * and pull requests) in GitHub's JSON shapes, paginates lists
 * with per_page/page and a Link header, records every request, and can be told to fail the next N requests that
 * match a method and path.
 */
export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  authorization: string;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: FakeUser;
  pullRequest: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeFailure {
  method: string;
  /** An exact path (`/repos/o/r/issues`) or a pattern tested against the path. */
  path: string | RegExp;
  status: 403 | 404 | 422 | 429 | 500 | 502 | 503;
  times?: number;
  message?: string;
  /** Extra response headers; 429 gets `retry-after: 1` unless given here. */
  headers?: Record<string, string>;
}

export interface FakeToken {
  user: FakeUser;
  /** False for GITHUB_TOKEN and app tokens: GET /user answers 403. */
  canReadUser: boolean;
}

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' };

type Reply = [number, unknown, Record<string, string>?];

const MESSAGES: Record<number, string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded for installation.',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  issues: FakeIssue[] = [];
  comments: FakeComment[] = [];
  labels: FakeLabel[] = [];
  sarifs: { id: string; body: unknown }[] = [];
  /** The repository, its branches, Git database and pull requests (fake-github-git.ts). */
  readonly git = new FakeGitData();
  url = '';
  private readonly failures: (FakeFailure & { left: number })[] = [];
  private server: Server | undefined;
  private nextId = 1000;
  private clock = Date.parse('2026-11-01T00:00:00Z');

  constructor(
    readonly owner = 'o',
    readonly repo = 'r',
    readonly tokens: Record<string, FakeToken> = {},
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Forget all state, requests and failures. */
  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
    this.issues = [];
    this.comments = [];
    this.labels = [];
    this.sarifs = [];
    this.git.reset();
  }

  /** Fail the next `times` (default 1) requests matching the method and path. */
  fail(failure: FakeFailure): void {
    this.failures.push({ ...failure, left: failure.times ?? 1 });
  }

  /** `METHOD /path` of every recorded request, in order. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  /** Requests that change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  addIssue(fields: Partial<FakeIssue> & { title: string }): FakeIssue {
    const now = this.tick();
    const issue: FakeIssue = {
      number: Math.max(0, ...this.issues.map((i) => i.number)) + 1,
      body: '',
      state: 'open',
      stateReason: null,
      labels: [],
      user: ACTIONS_BOT,
      pullRequest: false,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      ...fields,
    };
    this.issues.push(issue);
    return issue;
  }

  addComment(issueNumber: number, body: string, user: FakeUser): FakeComment {
    const now = this.tick();
    const comment = { id: this.nextId++, issueNumber, body, user, createdAt: now, updatedAt: now };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.url);
      const method = req.method ?? 'GET';
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const authorization = String(req.headers.authorization ?? '');
      const [status, payload, headers] = this.answer(method, url, body, authorization);
      this.requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        status,
        authorization,
      });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': randomUUID(),
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...headers,
      });
      res.end(status === 204 ? undefined : JSON.stringify(payload));
    });
  }

  private answer(method: string, url: URL, body: unknown, authorization: string): Reply {
    const token = this.tokens[authorization.replace(/^(token|bearer)\s+/i, '')];
    if (!token) return error(401, 'Bad credentials');
    const failure = this.failures.find(
      (f) =>
        f.left > 0 &&
        f.method === method &&
        (typeof f.path === 'string' ? f.path === url.pathname : f.path.test(url.pathname)),
    );
    if (failure) {
      failure.left--;
      return failed(failure);
    }
    return this.route(method, url, body, token);
  }

  private route(method: string, url: URL, body: unknown, token: FakeToken): Reply {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/user' && method === 'GET') {
      return token.canReadUser ? [200, this.userJson(token.user)] : error(403, MESSAGES[403] ?? '');
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return error(404, 'Not Found');
    const rest = path.slice(prefix.length);
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const git = this.git.route(
      method,
      rest,
      input,
      (title) => this.addIssue({ title, pullRequest: true }).number,
    );
    if (git) return git;
    const key = `${method} ${rest.replace(/\/\d+(?=\/|$)/g, '/:n')}`;
    const n = Number(/\/(\d+)(?:\/[a-z]+)?$/.exec(rest)?.[1]);
    switch (key) {
      case 'GET /issues':
        return this.listIssues(url);
      case 'POST /issues':
        return this.createIssue(input, token.user);
      case 'GET /issues/:n':
        return this.getIssue(n);
      case 'PATCH /issues/:n':
        return this.patchIssue(n, input);
      case 'GET /issues/:n/comments':
        return this.listComments(url, n);
      case 'POST /issues/:n/comments':
        return this.createComment(n, input, token.user);
      case 'PATCH /issues/comments/:n':
        return this.patchComment(n, input);
      case 'GET /labels':
        return this.page(
          url,
          this.labels.map((l) => this.labelJson(l)),
        );
      case 'POST /labels':
        return this.createLabel(input);
      case 'POST /code-scanning/sarifs':
        return this.uploadSarif(input);
      default:
        return error(404, 'Not Found');
    }
  }

  private listIssues(url: URL): Reply {
    const state = url.searchParams.get('state') ?? 'open';
    const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
    const direction = url.searchParams.get('direction') ?? 'desc';
    const matching = this.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w.toLowerCase())))
      .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
    return this.page(
      url,
      matching.map((i) => this.issueJson(i)),
    );
  }

  private createIssue(input: Record<string, unknown>, user: FakeUser): Reply {
    if (typeof input.title !== 'string' || input.title === '')
      return invalid('Issue', 'title', 'missing_field');
    const tooLong = checkBody(input.body, 'Issue');
    if (tooLong) return tooLong;
    const labels = labelNames(input.labels);
    for (const name of labels) this.ensureLabel(name);
    const issue = this.addIssue({ title: input.title, body: String(input.body ?? ''), labels, user });
    return [201, this.issueJson(issue)];
  }

  private getIssue(n: number): Reply {
    const issue = this.issues.find((i) => i.number === n);
    return issue ? [200, this.issueJson(issue)] : error(404, 'Not Found');
  }

  private patchIssue(n: number, input: Record<string, unknown>): Reply {
    const issue = this.issues.find((i) => i.number === n);
    if (!issue) return error(404, 'Not Found');
    const tooLong = checkBody(input.body, 'Issue');
    if (tooLong) return tooLong;
    if (typeof input.title === 'string') issue.title = input.title;
    if (typeof input.body === 'string') issue.body = input.body;
    if (input.labels !== undefined) issue.labels = labelNames(input.labels);
    if (input.state === 'open' || input.state === 'closed') {
      if (input.state !== issue.state) {
        issue.closedAt = input.state === 'closed' ? this.tick() : null;
        issue.stateReason = input.state === 'closed' ? String(input.state_reason ?? 'completed') : 'reopened';
      }
      issue.state = input.state;
    }
    issue.updatedAt = this.tick();
    return [200, this.issueJson(issue)];
  }

  private listComments(url: URL, n: number): Reply {
    if (!this.issues.some((i) => i.number === n) && this.commentsOn(n).length === 0)
      return error(404, 'Not Found');
    return this.page(
      url,
      this.commentsOn(n).map((c) => this.commentJson(c)),
    );
  }

  private createComment(n: number, input: Record<string, unknown>, user: FakeUser): Reply {
    if (typeof input.body !== 'string') return invalid('IssueComment', 'body', 'missing_field');
    const tooLong = checkBody(input.body, 'IssueComment');
    if (tooLong) return tooLong;
    const comment = this.addComment(n, input.body, user);
    const issue = this.issues.find((i) => i.number === n);
    if (issue) issue.updatedAt = comment.createdAt;
    return [201, this.commentJson(comment)];
  }

  private patchComment(id: number, input: Record<string, unknown>): Reply {
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) return error(404, 'Not Found');
    if (typeof input.body !== 'string') return invalid('IssueComment', 'body', 'missing_field');
    const tooLong = checkBody(input.body, 'IssueComment');
    if (tooLong) return tooLong;
    comment.body = input.body;
    comment.updatedAt = this.tick();
    return [200, this.commentJson(comment)];
  }

  private createLabel(input: Record<string, unknown>): Reply {
    if (typeof input.name !== 'string' || input.name === '') return invalid('Label', 'name', 'missing_field');
    const name = input.name;
    if (this.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
      return invalid('Label', 'name', 'already_exists');
    }
    const label = this.ensureLabel(name);
    if (typeof input.color === 'string') label.color = input.color;
    if (typeof input.description === 'string') label.description = input.description;
    return [201, this.labelJson(label)];
  }

  private uploadSarif(input: Record<string, unknown>): Reply {
    if (
      typeof input.sarif !== 'string' ||
      typeof input.commit_sha !== 'string' ||
      typeof input.ref !== 'string'
    ) {
      return invalid('CodeScanningSarif', 'sarif', 'missing_field');
    }
    const id = randomUUID();
    this.sarifs.push({ id, body: input });
    return [202, { id, url: `${this.url}/repos/${this.owner}/${this.repo}/code-scanning/sarifs/${id}` }];
  }

  private ensureLabel(name: string): FakeLabel {
    const found = this.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const label = { id: this.nextId++, name, color: 'ededed', description: null };
    this.labels.push(label);
    return label;
  }

  /** GitHub's pagination: per_page (default 30, at most 100), page, and a Link header. */
  private page(url: URL, items: unknown[]): Reply {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const next = new URL(url.pathname + url.search, this.url);
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set('page', String(p));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
    return [200, items.slice((page - 1) * perPage, page * perPage), headers];
  }

  private userJson(user: FakeUser): Record<string, unknown> {
    return {
      login: user.login,
      id: hashId(user.login),
      node_id: `U_${hashId(user.login)}`,
      type: user.type,
      site_admin: false,
      html_url: `https://github.com/${user.login}`,
    };
  }

  private issueJson(issue: FakeIssue): Record<string, unknown> {
    const html = `https://github.com/${this.owner}/${this.repo}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`;
    return {
      id: 500_000 + issue.number,
      node_id: `I_${issue.number}`,
      number: issue.number,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${issue.number}`,
      html_url: html,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.stateReason,
      locked: false,
      user: this.userJson(issue.user),
      labels: issue.labels.map((name) => this.labelJson(this.ensureLabel(name))),
      comments: this.commentsOn(issue.number).length,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      ...(issue.pullRequest ? { pull_request: { url: html, html_url: html } } : {}),
    };
  }

  private commentJson(comment: FakeComment): Record<string, unknown> {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.userJson(comment.user),
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    };
  }

  private labelJson(label: FakeLabel): Record<string, unknown> {
    return {
      id: label.id,
      node_id: `LA_${label.id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: label.color,
      description: label.description,
      default: false,
    };
  }
}

function error(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return [
    status,
    { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra },
  ];
}

function invalid(resource: string, field: string, code: string, message?: string): Reply {
  return error(422, 'Validation Failed', {
    errors: [{ resource, code, field, ...(message ? { message } : {}) }],
  });
}

function failed(failure: FakeFailure): Reply {
  const message = failure.message ?? MESSAGES[failure.status] ?? 'Error';
  const headers: Record<string, string> = { ...(failure.status === 429 ? { 'retry-after': '1' } : {}) };
  Object.assign(headers, failure.headers);
  const reply =
    failure.status === 422 ? invalid('Issue', 'body', 'custom', message) : error(failure.status, message);
  return [reply[0], reply[1], headers];
}

function checkBody(body: unknown, resource: string): Reply | undefined {
  if (typeof body === 'string' && body.length > 65_536) {
    return invalid(resource, 'body', 'custom', 'Body is too long (maximum is 65536 characters)');
  }
  return undefined;
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((l) => (typeof l === 'string' ? l : (l as { name?: unknown })?.name))
    .filter((name): name is string => typeof name === 'string');
}

function hashId(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  return h;
}
