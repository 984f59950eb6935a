import type { Connector, ConnectorContext, Side, Source } from '../connector/types.js';
import { DriftwardenError, isDriftwardenError } from '../errors.js';
import { maskSecrets } from '../model/mask-secrets.js';
import type { SourceStatus } from '../model/report.js';
import type { Resource } from '../model/resource.js';

export interface SourceSpec {
  side: Side;
  connector: Connector;
  /** The user's spec after the connector prefix: a path, glob, URL or option string. */
  spec: string;
  /** Where relative paths in the spec are resolved from (the config file's directory); defaults to cwd. */
  baseDir?: string;
  /** The name the user gave, when it was one of the connector's aliases. */
  invokedAs?: string;
}

export interface CollectedSide {
  resources: Resource[];
  statuses: SourceStatus[];
  coveredTypes: (readonly string[] | '*')[];
  /** Single keys live sources speak for beyond their types (see SourceReadResult.coveredKeys). */
  coveredKeys: string[];
  /** Live resources in Terraform's state shape, to fold as declared ones are (see SourceReadResult). */
  terraformShaped: Set<Resource>;
  /** Errors of sources that failed, in order. */
  errors: DriftwardenError[];
  succeeded: number;
}

/**
 * Reads every source of one side. A source that fails becomes a failed status and the others go on: one bad
 * state never hides the results of the good ones. Secrets are masked here, as each resource arrives.
 */
export async function collectSide(
  specs: readonly SourceSpec[],
  ctx: ConnectorContext,
): Promise<CollectedSide> {
  const collected = emptySide();
  await collectInto(specs, ctx, () => collected);
  return collected;
}

/**
 * Reads every source, declared specs first, and sorts what each source yields by the source's own side: a
 * declared connector may yield a live source too (a refresh-only plan). A spec that cannot be resolved counts
 * against its own side.
 */
export async function collectSides(
  specs: readonly SourceSpec[],
  ctx: ConnectorContext,
): Promise<Record<Side, CollectedSide>> {
  const sides: Record<Side, CollectedSide> = { declared: emptySide(), live: emptySide() };
  const ordered = [...specs.filter((s) => s.side === 'declared'), ...specs.filter((s) => s.side === 'live')];
  await collectInto(ordered, ctx, (side) => sides[side]);
  return sides;
}

function emptySide(): CollectedSide {
  return {
    resources: [],
    statuses: [],
    coveredTypes: [],
    coveredKeys: [],
    terraformShaped: new Set(),
    errors: [],
    succeeded: 0,
  };
}

async function collectInto(
  specs: readonly SourceSpec[],
  ctx: ConnectorContext,
  sideOf: (side: Side) => CollectedSide,
): Promise<void> {
  for (const spec of specs) {
    let sources: Source[];
    try {
      sources = await spec.connector.resolve(
        spec.spec,
        { ...ctx, baseDir: spec.baseDir ?? ctx.cwd },
        spec.invokedAs,
      );
    } catch (error) {
      recordFailure(sideOf(spec.side), spec.connector.id, spec.side, spec.spec, error);
      continue;
    }
    for (const source of sources) await readSource(source, ctx, sideOf(source.side));
  }
}

async function readSource(source: Source, ctx: ConnectorContext, collected: CollectedSide): Promise<void> {
  try {
    const result = await source.read(ctx);
    for (const resource of result.resources) maskSecrets(resource);
    for (const resource of result.resources) collected.resources.push(resource);
    if (result.terraformShaped)
      for (const resource of result.resources) collected.terraformShaped.add(resource);
    const problems = result.problems ?? [];
    const status: SourceStatus = {
      connector: source.connector,
      side: source.side,
      location: source.location,
      resources: result.resources.length,
      status: problems.length > 0 ? 'partial' : 'ok',
    };
    if (problems.length > 0) status.problems = problems;
    if (result.stats) status.stats = result.stats;
    if (source.side === 'live') {
      const covered = result.coveredTypes ?? [];
      collected.coveredTypes.push(covered);
      for (const key of result.coveredKeys ?? []) collected.coveredKeys.push(key);
      status.coveredTypes = covered === '*' ? ['*'] : [...covered].sort();
    }
    collected.statuses.push(status);
    collected.succeeded++;
  } catch (error) {
    recordFailure(collected, source.connector, source.side, source.location, error);
  }
}

function recordFailure(
  collected: CollectedSide,
  connector: string,
  side: Side,
  location: string,
  error: unknown,
): void {
  const wrapped = isDriftwardenError(error)
    ? error
    : new DriftwardenError(
        'internal',
        `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        {
          location,
          cause: error,
        },
      );
  collected.errors.push(wrapped);
  collected.statuses.push({
    connector,
    side,
    location,
    resources: 0,
    status: 'failed',
    error: wrapped.message,
  });
}
