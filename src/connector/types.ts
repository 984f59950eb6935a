import type { Diagnostic } from '../model/report.js';
import type { Origin, Resource } from '../model/resource.js';

export type Side = Origin;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** Everything a connector may use from the outside world. Connectors take nothing from globals. */
export interface ConnectorContext {
  /** The working directory; paths in messages and reports are shown relative to it. */
  cwd: string;
  /** The directory relative paths in a spec are resolved against: the config file's directory, or `cwd`. */
  baseDir: string;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  now(): Date;
  log: Logger;
  /** Reports a partial problem; the scan goes on. */
  diagnostic(diagnostic: Diagnostic): void;
  /** A short line describing long-running work, shown on a terminal. */
  progress(message: string): void;
  /**
   * How reports name a local file, given its absolute path. Default: relative to `cwd`. The GitHub Action names
   * every file relative to the repository root, whether it was read from the checkout or from a commit's copy.
   */
  fileName?(absolute: string): string;
  /** Local files outside this directory (after resolving symlinks) are refused: `--confine`, and the Action. */
  confine?: string;
}

export interface SourceReadResult {
  resources: Resource[];
  /** Live sources only: the canonical types this source records, or `*` for all. */
  coveredTypes?: readonly string[] | '*';
  /**
   * Live sources only: keys this source speaks for beyond its covered types. A refresh-only plan knows the objects
   * of its own state, not every object of their types: a declared resource with one of these keys and no live
   * counterpart is missing.
   */
  coveredKeys?: readonly string[];
  /**
   * Live sources only: the resources are in Terraform's state shape (a plan's refreshed state), not in a cloud
   * API's, so the engine folds and canonicalises them as it does declared resources.
   */
  terraformShaped?: boolean;
  /**
   * Parts of the source that could not be read (a type that was access-denied, a page that kept failing). The
   * source is then partial and the scan incomplete; what failed must be left out of coveredTypes.
   */
  problems?: string[];
  /** Counters worth reporting, such as API calls by operation. */
  stats?: Record<string, number>;
}

/** One thing to read: a state file, a snapshot, an account. A connector expands a user's spec into sources. */
export interface Source {
  connector: string;
  /** Usually the connector's side; a declared connector may also yield live sources (a refresh-only plan). */
  side: Side;
  /** What is read, for messages and the report: a path, URL, account... */
  location: string;
  read(ctx: ConnectorContext): Promise<SourceReadResult>;
}

export interface Connector {
  /** Equal to the connector's folder name under connectors/. */
  id: string;
  side: Side;
  /** One line for `driftwarden connectors`. */
  summary: string;
  /** The form of the spec the user writes after `--state` or `--live <id>:`. */
  usage: string;
  /**
   * Expands the user's spec into sources. A spec that cannot be read at all (a path that does not exist, a glob
   * that matches nothing, a malformed option) throws a DriftwardenError with code `input` or `usage`.
   */
  resolve(spec: string, ctx: ConnectorContext, invokedAs?: string): Promise<Source[]>;
  /** Other names the user may give after `--live` for this connector (it is told which one was used). */
  aliases?: readonly string[];
  /** Declared connectors: whether a `--state` spec is for this connector (e.g. by its URL scheme). */
  acceptsStateSpec?(spec: string): boolean;
}
