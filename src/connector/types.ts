import type { SourceCoverage } from '../model/coverage.js';
import type { Diagnostic } from '../model/report.js';
import type { Resource, Side } from '../model/resource.js';
import type { Attributor } from './attribution.js';

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
  /** Finds who changed a drifted resource, where the source's cloud keeps change events (attribution). */
  attributor?: Attributor;
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

/** A connector expands the options parsed from a user's spec into sources; each yields its own side only. */
export type Source = DeclaredSource | LiveSource;

/**
 * What qualifies a spec beyond its own text: the directory its relative paths start from, and the scan-wide flags
 * that apply to it. Each connector reads the ones that concern it.
 */
export interface SpecContext {
  /** Where relative paths in the spec start: the config file's directory, or the working directory for a flag. */
  baseDir: string;
  /** The name the user gave, when it was one of the connector's aliases. */
  invokedAs?: string | undefined;
  /** `--workspace`: the Terraform workspace of remote states that do not name one. */
  workspace?: string | undefined;
  /** `--ref`: the commit, branch or tag of a repository. */
  ref?: string | undefined;
  /** `--follow-backends`: also read the states a repository's backend blocks name. */
  followBackends?: boolean | undefined;
}

/**
 * One commit of the repository a scan runs in (a pull request's base or head): the files a scan reads from the
 * file system (Connector.localFiles) are copied out of git under `root`; the whole commit is in `checkout`'s git.
 */
export interface CommitTree {
  root: string;
  checkout: string;
  ref: string;
}

/**
 * A connector, generic over its own options: it parses what the user wrote once, at the edge (CLI flags, config
 * keys, Action inputs), and everything after that reads the typed options, which only the connector looks into.
 */
export interface Connector<Options = unknown> {
  /** Equal to the connector's folder name under connectors/. */
  id: string;
  side: Side;
  /** One line for `driftwarden connectors`. */
  summary: string;
  /** The form of the spec the user writes after `--state` or `--live <id>:`. */
  usage: string;
  /** Other names the user may give after `--live` for this connector (it is told which one was used). */
  aliases?: readonly string[];
  /** Parses the user's spec; a malformed one throws a DriftwardenError with code `usage`. */
  parse(spec: string, context: SpecContext): Options;
  /**
   * Expands the options into sources. What cannot be read at all (a path that does not exist, a glob that matches
   * nothing) throws a DriftwardenError with code `input`.
   */
  resolve(options: Options, ctx: ConnectorContext): Promise<Source[]>;
  /** Declared connectors: whether a `--state` spec is for this connector (e.g. by its URL scheme). */
  acceptsStateSpec?(spec: string): boolean;
  /**
   * The local files the options read (absolute paths or globs): `--confine` checks them, and the Action copies
   * them out of git at each commit it scans. Absent or empty when the source reads no local file.
   */
  localFiles?(options: Options): readonly string[];
  /**
   * The options that read the same thing at a commit, where the commit's copied files are not what is read: code,
   * which is read from git at the commit. Absent when reading the copy (or nothing local) is right.
   */
  atCommit?(options: Options, commit: CommitTree): Options;
}
