import type { SourceCoverage } from '../diff/coverage.js';
import type { Diagnostic } from '../model/report.js';
import type { Resource, Side } from '../model/resource.js';

export type { Side } from '../model/resource.js';

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

interface ReadResultBase {
  /**
   * Parts of the source that could not be read (a type that was access-denied, a page that kept failing). The
   * source is then partial and the scan incomplete; what failed must be left out of a live source's coverage.
   */
  problems?: string[];
  /** Counters worth reporting, such as API calls by operation. */
  stats?: Record<string, number>;
}

/** What a declared source yields: resources of state and plans, and resources read from code. */
export interface DeclaredReadResult extends ReadResultBase {
  resources: Resource<'declared' | 'code'>[];
}

/**
 * What a live source yields: canonical resources, as any source maps them (a sub-resource that Terraform writes
 * apart, as a plan's refreshed state does, is folded by the engine on this side as on the declared one).
 */
export interface LiveReadResult extends ReadResultBase {
  resources: Resource<'live'>[];
  /** What the source speaks for: a covered declared resource it does not report is missing. */
  coverage: SourceCoverage;
}

export type SourceReadResult = DeclaredReadResult | LiveReadResult;

interface SourceBase {
  connector: string;
  /** What is read, for messages and the report: a path, URL, account... */
  location: string;
}

/** One thing to read: a state file, a repository, a plan. A declared connector's sources are declared ones. */
export interface DeclaredSource extends SourceBase {
  side: 'declared';
  read(ctx: ConnectorContext): Promise<DeclaredReadResult>;
}

/** One live thing to read: a snapshot, an account, a subscription; also a refresh-only plan's refreshed state. */
export interface LiveSource extends SourceBase {
  side: 'live';
  read(ctx: ConnectorContext): Promise<LiveReadResult>;
}

/** A connector expands a user's spec into sources; each yields resources of its own side only. */
export type Source = DeclaredSource | LiveSource;

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
