import { redactSecretText } from './model/secret-patterns.js';

/**
 * The one error type. `code` tells the entry point how to react:
 * - `usage`: the command line or config is wrong (exit 2);
 * - `input`: a file the user pointed at is unreadable or malformed (exit 2, or a failed source when others worked);
 * - `source`: a source could not be read for reasons outside the user's files (network, API) (scan incomplete);
 * - `internal`: a bug.
 */
export type ErrorCode = 'usage' | 'input' | 'source' | 'internal';

export class DriftwardenError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or source the error is about, when there is one. */
  readonly location: string | undefined;

  /**
   * The message and location are redacted of anything shaped like a secret (a key, a token, a password in a URL or
   * a connection string): messages quote user input, and every output shows them.
   */
  constructor(code: ErrorCode, message: string, options: { location?: string; cause?: unknown } = {}) {
    const location = options.location === undefined ? undefined : redactSecretText(options.location);
    const text = redactSecretText(message);
    super(location ? `${location}: ${text}` : text, { cause: options.cause });
    this.name = 'DriftwardenError';
    this.code = code;
    this.location = location;
  }
}

export function isDriftwardenError(error: unknown): error is DriftwardenError {
  return error instanceof DriftwardenError;
}

export function inputError(location: string, message: string, cause?: unknown): DriftwardenError {
  return new DriftwardenError('input', message, { location, cause });
}

export function usageError(message: string): DriftwardenError {
  return new DriftwardenError('usage', message);
}
