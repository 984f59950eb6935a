import { Octokit } from '@octokit/rest';
import { DriftwardenError } from '../../errors.js';

/** Where the client reports retries; the action passes `@actions/core`'s functions, the CLI its own. */
export interface GitHubLog {
  warning(message: string): void;
  info(message: string): void;
}

export interface GitHubOptions {
  token: string;
  /** `GITHUB_API_URL`; https://api.github.com when absent. */
  apiUrl?: string;
  owner: string;
  repo: string;
  log: GitHubLog;
}

/** An authenticated client for one repository. */
export interface GitHub {
  readonly octokit: Octokit;
  readonly owner: string;
  readonly repo: string;
  readonly log: GitHubLog;
}

/**
 * A request that failed for good (after any retries): the HTTP status and a one-line message naming the endpoint.
 * The one error type, code `source`; the cause is Octokit's error, whose request headers Octokit has redacted.
 */
export class GitHubApiError extends DriftwardenError {
  override readonly name = 'GitHubApiError';

  constructor(
    readonly status: number,
    readonly endpoint: string,
    message: string,
    /** The `errors[].code` values of a 422 (e.g. `already_exists`). */
    readonly codes: readonly string[] = [],
    cause?: unknown,
  ) {
    super('source', message, { cause });
  }
}

/** Rate limits are retried this many times, 5xx answers `SERVER_RETRIES` times; both can be set per request. */
const RATE_LIMIT_RETRIES = 3;
const SERVER_RETRIES = 2;
const MAX_WAIT_MS = 60_000;
const BACKOFF_MS = 500;

export function createGitHub(options: GitHubOptions): GitHub {
  const { token, owner, repo, log } = options;
  const octokit = new Octokit({
    auth: token,
    baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'driftwarden',
    request: {
      retries: RATE_LIMIT_RETRIES,
      serverRetries: SERVER_RETRIES,
      maxWaitMs: MAX_WAIT_MS,
      backoffMs: BACKOFF_MS,
    },
    log: { debug: noop, info: noop, warn: (message: string) => log.warning(message), error: noop },
  });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const endpoint = describeEndpoint(octokit, requestOptions);
    const policy = retryPolicy(requestOptions.request);
    const used = { rate: 0, server: 0 };
    for (;;) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const info = errorInfo(error);
        const wait = retryWait(info, used, policy);
        if (wait === undefined) throw toApiError(info, endpoint, token, error);
        log.warning(`GitHub API ${endpoint} answered ${info.status}; retrying in ${seconds(wait)}`);
        await sleep(wait);
      }
    }
  });
  return { octokit, owner, repo, log };
}

/** True for errors a read-only token (fork pull requests, missing `permissions:`) produces. */
export function isPermissionError(error: unknown): boolean {
  return error instanceof GitHubApiError && (error.status === 401 || error.status === 403);
}

interface RetryPolicy {
  retries: number;
  serverRetries: number;
  maxWaitMs: number;
  backoffMs: number;
}

function retryPolicy(request: Record<string, unknown> | undefined): RetryPolicy {
  const pick = (key: string, fallback: number): number => {
    const value = request?.[key];
    return typeof value === 'number' && value >= 0 ? value : fallback;
  };
  return {
    retries: pick('retries', RATE_LIMIT_RETRIES),
    serverRetries: pick('serverRetries', SERVER_RETRIES),
    maxWaitMs: pick('maxWaitMs', MAX_WAIT_MS),
    backoffMs: pick('backoffMs', BACKOFF_MS),
  };
}

interface ErrorInfo {
  status: number;
  headers: Record<string, string | number | undefined>;
  message: string;
  codes: string[];
}

function errorInfo(error: unknown): ErrorInfo {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  };
  const data = e.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const errors = Array.isArray(data?.errors) ? (data.errors as { code?: unknown }[]) : [];
  return {
    status: typeof e.status === 'number' ? e.status : 0,
    headers: e.response?.headers ?? {},
    message: typeof data?.message === 'string' ? data.message : String(e.message ?? error),
    codes: errors.map((x) => x.code).filter((code): code is string => typeof code === 'string'),
  };
}

/** How long to wait before the next attempt, or undefined to give up. Counts attempts in `used`. */
function retryWait(info: ErrorInfo, used: { rate: number; server: number }, policy: RetryPolicy) {
  const header = (name: string) =>
    info.headers[name] === undefined ? undefined : Number(info.headers[name]);
  const retryAfter = header('retry-after');
  const remaining = header('x-ratelimit-remaining');
  const limited =
    info.status === 429 || (info.status === 403 && (retryAfter !== undefined || remaining === 0));
  if (limited) {
    if (used.rate++ >= policy.retries) return undefined;
    const reset = header('x-ratelimit-reset');
    const ms =
      retryAfter !== undefined && Number.isFinite(retryAfter)
        ? retryAfter * 1000
        : reset !== undefined && Number.isFinite(reset)
          ? reset * 1000 - Date.now()
          : policy.maxWaitMs;
    return Math.min(Math.max(ms, 0), policy.maxWaitMs);
  }
  if (info.status >= 500 || info.status === 0) {
    if (used.server >= policy.serverRetries) return undefined;
    return policy.backoffMs * 2 ** used.server++;
  }
  return undefined;
}

function toApiError(info: ErrorInfo, endpoint: string, token: string, cause: unknown): GitHubApiError {
  let text = info.message.replace(/\s+/g, ' ').trim();
  if (token) text = text.replaceAll(token, '***');
  if (text.length > 300) text = `${text.slice(0, 299)}…`;
  const status = info.status === 0 ? 'no answer' : String(info.status);
  return new GitHubApiError(
    info.status,
    endpoint,
    `GitHub API ${endpoint} failed (${status}): ${text}`,
    info.codes,
    cause,
  );
}

/** `METHOD /path` with the parameters filled in, without the host or the query. */
function describeEndpoint(octokit: Octokit, options: Parameters<Octokit['request']['endpoint']['parse']>[0]) {
  try {
    const parsed = octokit.request.endpoint.parse(options);
    const path = new URL(parsed.url).pathname;
    const base = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
    return `${parsed.method} ${path.startsWith(base) ? path.slice(base.length) || '/' : path}`;
  } catch {
    return `${options.method} ${String(options.url ?? '').split('?')[0]}`;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function noop(): void {}
