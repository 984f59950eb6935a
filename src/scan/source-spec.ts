import type { CommitTree, Connector, Side, SpecContext } from '../connector/types.js';

/**
 * One thing the user asked to read, parsed at the edge: a connector and its own options. Only the connector reads
 * the options (through its methods); the scan, the config and the Action pass them on as they are.
 */
export interface SourceSpec {
  side: Side;
  connector: Connector;
  options: unknown;
  /** What the user wrote (after `--live <id>:` for a live source), naming a spec that cannot be resolved at all. */
  display: string;
}

/** Parses what the user wrote for one connector, once. */
export function sourceSpec<Options>(
  side: Side,
  connector: Connector<Options>,
  spec: string,
  context: SpecContext,
): SourceSpec {
  return { side, connector, options: connector.parse(spec, context), display: spec };
}

/** The local files a source reads (absolute paths or globs); none for a remote state, an API or code. */
export function localFilesOf(source: SourceSpec): readonly string[] {
  return source.connector.localFiles?.(source.options) ?? [];
}

/** The sources as they read a commit of the repository: code from git at the commit, the rest unchanged. */
export function sourcesAtCommit(sources: readonly SourceSpec[], commit: CommitTree): SourceSpec[] {
  return sources.map((source) =>
    source.connector.atCommit
      ? { ...source, options: source.connector.atCommit(source.options, commit) }
      : source,
  );
}
