import type { Attributor } from '../connector/attribution.js';
import type { ConnectorContext, Side, Source, SourceReadResult } from '../connector/types.js';
import { DriftwardenError, isDriftwardenError } from '../errors.js';
import type { SourceCoverage } from '../model/coverage.js';
import { maskSecrets } from '../model/mask-secrets.js';
import type { SourceStatus } from '../model/report.js';
import { hasOrigin, type Resource } from '../model/resource.js';
import { loadProvidersOf } from '../model/types/index.js';
import { eachInTurns } from '../util/turns.js';
import { ScanInputError } from './scan-input-error.js';
import type { SourceSpec } from './source-spec.js';

export type { SourceSpec } from './source-spec.js';

/** What the sources of one side yielded, and how each went. */
interface CollectedStatuses {
  statuses: SourceStatus[];
  /** Errors of sources that failed, in order. */
  errors: DriftwardenError[];
  succeeded: number;
}

export interface CollectedDeclared extends CollectedStatuses {
  /** State and plans: drift pairs these with the live side. */
  resources: Resource<'declared'>[];
  /** Read from code: checked by the policies, never paired for drift. */
  code: Resource<'code'>[];
}

export interface CollectedLive extends CollectedStatuses {
  resources: Resource<'live'>[];
  /** What each live source speaks for, in order. */
  coverage: SourceCoverage[];
  /** Who-changed-it look-ups of the live sources that offer them (attribution). */
  attributors?: Attributor[];
}

export interface CollectedSides {
  declared: CollectedDeclared;
  live: CollectedLive;
}

/**
 * Reads every live source, once, for several scans to share (a pull request's base and head). Secrets are masked
 * here, as each resource arrives.
 */
export async function collectLive(
  specs: readonly SourceSpec[],
  ctx: ConnectorContext,
): Promise<CollectedLive> {
  return (await collectSides(specs, ctx)).live;
}

/**
 * Reads every source, declared specs first, and sorts what each source yields by the source's own side: a
 * declared connector may yield a live source too (a refresh-only plan). A source that fails becomes a failed status
 * and the others go on: one bad state never hides the results of the good ones. A spec that cannot be resolved
 * counts against its own side. Secrets are masked here, as each resource arrives.
 */
export async function collectSides(
  specs: readonly SourceSpec[],
  ctx: ConnectorContext,
): Promise<CollectedSides> {
  const sides: CollectedSides = {
    declared: { resources: [], code: [], ...noStatuses() },
    live: { resources: [], coverage: [], ...noStatuses() },
  };
  const ordered = [...specs.filter((s) => s.side === 'declared'), ...specs.filter((s) => s.side === 'live')];
  for (const spec of ordered) {
    let sources: Source[];
    try {
      sources = await spec.connector.resolve(spec.options, ctx);
    } catch (error) {
      recordFailure(sides[spec.side], spec.connector.id, spec.side, spec.display, error);
      continue;
    }
    for (const source of sources) await readSource(source, ctx, sides);
  }
  return sides;
}

/**
 * Reads the sources of one side (a declared source may yield live resources too: a refresh-only plan). A side whose
 * every source failed on its input ends the scan.
 */
export async function collectSide(
  sources: readonly SourceSpec[],
  side: SourceSpec['side'],
  ctx: ConnectorContext,
): Promise<CollectedSides> {
  const sides = await collectSides(
    sources.filter((source) => source.side === side),
    ctx,
  );
  const { errors, succeeded } = sides[side];
  if (succeeded === 0 && allInputErrors(errors)) throw new ScanInputError(errors);
  return sides;
}

export function allInputErrors(errors: readonly DriftwardenError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.code === 'input' || e.code === 'usage');
}

/**
 * Joins the live side to what the declared sources yielded on it: the live sources read now, or a copy of `live`
 * read once by the caller and shared by several scans (a pull request's base and head).
 */
export async function withLive(
  sources: readonly SourceSpec[],
  sides: CollectedSides,
  live: CollectedLive | undefined,
  ctx: ConnectorContext,
): Promise<CollectedSides> {
  // In the order one reading of every source gives: the caller's reading first, else the declared sources'.
  const [first, then] = live
    ? [{ ...live, resources: structuredClone(live.resources) }, sides.live]
    : [
        sides.live,
        (
          await collectSides(
            sources.filter((source) => source.side === 'live'),
            ctx,
          )
        ).live,
      ];
  return {
    declared: sides.declared,
    live: {
      resources: [...first.resources, ...then.resources],
      statuses: [...first.statuses, ...then.statuses],
      coverage: [...first.coverage, ...then.coverage],
      attributors: [...(first.attributors ?? []), ...(then.attributors ?? [])],
      errors: [...first.errors, ...then.errors],
      succeeded: first.succeeded + then.succeeded,
    },
  };
}

function noStatuses(): CollectedStatuses {
  return { statuses: [], errors: [], succeeded: 0 };
}

async function readSource(source: Source, ctx: ConnectorContext, sides: CollectedSides): Promise<void> {
  try {
    if (source.side === 'live') {
      const result = await source.read(ctx);
      await loadProvidersOf(result.resources.map((resource) => resource.type));
      const { live } = sides;
      // In turns: the declared side's rules run meanwhile (src/util/turns.ts).
      await eachInTurns(result.resources, (resource) => {
        maskSecrets(resource);
        live.resources.push(resource);
      });
      live.coverage.push(result.coverage);
      if (result.attributor) live.attributors = [...(live.attributors ?? []), result.attributor];
      const { types } = result.coverage;
      const covered = types === '*' ? ['*'] : [...types].sort();
      succeeded(live, { ...statusOf(source, result), coveredTypes: covered });
      return;
    }
    const result = await source.read(ctx);
    // The catalogue's providers for what the source yielded, before anything looks its types up (the connectors
    // that need them to map load them themselves; this covers any other, a library's own connector say).
    await loadProvidersOf(result.resources.map((resource) => resource.type));
    const { declared } = sides;
    for (const resource of result.resources) {
      maskSecrets(resource);
      if (hasOrigin(resource, 'code')) declared.code.push(resource);
      else if (hasOrigin(resource, 'declared')) declared.resources.push(resource);
    }
    succeeded(declared, statusOf(source, result));
  } catch (error) {
    recordFailure(sides[source.side], source.connector, source.side, source.location, error);
  }
}

function statusOf(source: Source, result: SourceReadResult): SourceStatus {
  const problems = result.problems ?? [];
  return {
    connector: source.connector,
    side: source.side,
    location: source.location,
    resources: result.resources.length,
    status: problems.length > 0 ? 'partial' : 'ok',
    ...(problems.length > 0 ? { problems } : {}),
    ...(result.stats ? { stats: result.stats } : {}),
  };
}

function succeeded(collected: CollectedStatuses, status: SourceStatus): void {
  collected.statuses.push(status);
  collected.succeeded++;
}

function recordFailure(
  collected: CollectedStatuses,
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
