import type { ConnectorContext } from '../connector/types.js';
import { classify } from '../diff/classify.js';
import { coverageOf } from '../diff/coverage.js';
import { DriftwardenError } from '../errors.js';
import { foldSubResources } from '../fold/index.js';
import { type IgnoreRules, NO_IGNORE_RULES } from '../ignore/index.js';
import type { Diagnostic, Report } from '../model/report.js';
import type { Resource } from '../model/resource.js';
import { normaliseResources } from '../normalise/index.js';
import type { PolicyEvaluator, PolicyOutcome } from '../policy/types.js';
import { applyWaivers, type ConfigWaiver } from '../policy/waivers.js';
import { buildReport } from './build-report.js';
import { collectSides, type SourceSpec } from './collect.js';

export interface ScanRequest {
  sources: readonly SourceSpec[];
  ignore?: IgnoreRules;
  policies?: PolicyEvaluator;
  waivers?: readonly ConfigWaiver[];
  toolVersion: string;
  /** Diagnostics gathered before the scan (config, ignore file), reported with the scan's own. */
  diagnostics?: Diagnostic[];
  /** Receives the normalised resources, for callers that compare two scans (a pull request's base and head). */
  onResources?: (
    declared: ReadonlyMap<string, Resource>,
    live: ReadonlyMap<string, readonly Resource[]>,
  ) => void;
}

/**
 * Every source of one side failed on the user's input (a missing file, corrupt JSON): nothing meaningful can be
 * reported, so the entry point prints each error on its own line and exits 2.
 */
export class ScanInputError extends DriftwardenError {
  readonly errors: readonly DriftwardenError[];

  constructor(errors: readonly DriftwardenError[]) {
    super('input', errors.map((error) => error.message).join('\n'));
    this.errors = errors;
  }
}

/**
 * The pipeline: read both sides -> mask secrets -> fold sub-resources -> normalise -> pair and classify ->
 * evaluate policies -> report. Pure but for what the connectors do through the context.
 */
export async function runScan(request: ScanRequest, ctx: ConnectorContext): Promise<Report> {
  const startedAt = ctx.now();
  const diagnostics: Diagnostic[] = [...(request.diagnostics ?? [])];
  const collectCtx: ConnectorContext = { ...ctx, diagnostic: (d) => diagnostics.push(d) };

  const { declared, live } = await collectSides(request.sources, collectCtx);
  for (const side of [declared, live]) {
    const allInputErrors =
      side.errors.length > 0 && side.errors.every((e) => e.code === 'input' || e.code === 'usage');
    if (side.succeeded === 0 && allInputErrors) throw new ScanInputError(side.errors);
  }

  ctx.progress(
    `comparing ${declared.resources.length} declared with ${live.resources.length} live resources`,
  );
  const folded = foldSubResources(declared.resources, diagnostics);
  const codeOnly = folded.filter((r) => r.codeOnly);
  const declaredResources = folded.filter((r) => !r.codeOnly);
  normaliseResources(folded);
  const liveResources = foldTerraformShaped(live.resources, live.terraformShaped, diagnostics);
  normaliseResources(liveResources);
  const declaredByKey = indexDeclared(declaredResources, diagnostics);
  const liveByKey = indexLive(liveResources, diagnostics);

  const hasLiveSide = request.sources.some((s) => s.side === 'live') || live.statuses.length > 0;
  const result = classify(
    declaredByKey,
    liveByKey,
    coverageOf(live.coveredTypes, live.coveredKeys),
    request.ignore ?? NO_IGNORE_RULES,
  );
  if (!hasLiveSide) {
    diagnostics.push({
      level: 'info',
      code: 'scan.no-live-source',
      message: 'no live source given (--live): drift was not evaluated',
    });
  }

  let policies: PolicyOutcome | undefined;
  let waivers: ReturnType<typeof applyWaivers> = { violations: [], waived: [] };
  if (request.policies) {
    ctx.progress('evaluating policies');
    policies = await request.policies.evaluate(
      [...declaredByKey.values(), ...codeOnly, ...[...liveByKey.values()].flat()],
      diagnostics,
    );
    const codeByKey = new Map(codeOnly.map((r) => [r.key, r]));
    const inline = (key: string, origin: Resource['origin']) =>
      (origin === 'declared' ? (declaredByKey.get(key) ?? codeByKey.get(key))?.waivers : undefined) ?? [];
    waivers = applyWaivers(policies.violations, request.waivers ?? [], inline, startedAt, diagnostics);
  }

  request.onResources?.(declaredByKey, liveByKey);
  const finishedAt = ctx.now();
  return buildReport({
    toolVersion: request.toolVersion,
    startedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    statuses: [...declared.statuses, ...live.statuses],
    diagnostics,
    declaredCount: declaredByKey.size,
    liveCount: [...liveByKey.values()].reduce((sum, list) => sum + list.length, 0),
    result,
    violations: waivers.violations,
    waived: waivers.waived,
    policies,
  });
}

/** Live resources in Terraform's shape (a refresh-only plan) are folded as declared ones; the rest are kept. */
function foldTerraformShaped(
  resources: Resource[],
  shaped: ReadonlySet<Resource>,
  diagnostics: Diagnostic[],
): Resource[] {
  if (shaped.size === 0) return resources;
  const kept = new Set(foldSubResources([...shaped], diagnostics));
  return resources.filter((resource) => !shaped.has(resource) || kept.has(resource));
}

/** Declared keys must be unique: a resource declared twice (in two states) is a finding of its own. */
function indexDeclared(resources: Resource[], diagnostics: Diagnostic[]): Map<string, Resource> {
  const byKey = new Map<string, Resource>();
  for (const resource of resources) {
    const existing = byKey.get(resource.key);
    if (!existing) {
      byKey.set(resource.key, resource);
      continue;
    }
    diagnostics.push({
      level: 'warning',
      code: 'declared.duplicate',
      message: `${resource.key} appears twice on the declared side (${describe(existing)} and ${describe(resource)}); the first is used`,
      key: resource.key,
    });
  }
  return byKey;
}

/**
 * Live resources by key. Several accounts may hold a resource of the same key (a role name); those are all kept
 * and told apart by account. The same key twice in one account (overlapping sources) keeps the first.
 */
function indexLive(resources: Resource[], diagnostics: Diagnostic[]): Map<string, Resource[]> {
  const byKey = new Map<string, Resource[]>();
  for (const resource of resources) {
    const list = byKey.get(resource.key) ?? [];
    // A resource whose account is not known (an S3 bucket or an Azure id read from a plan's refreshed state) is
    // the same object as any of its key: it is a duplicate, and the copy that names its account is kept.
    const existing = list.find(
      (other) =>
        other.account === resource.account || other.account === undefined || resource.account === undefined,
    );
    if (existing) {
      if (existing.account === undefined && resource.account !== undefined)
        list.splice(list.indexOf(existing), 1, resource);
      diagnostics.push({
        level: 'warning',
        code: 'live.duplicate',
        message: `${resource.key}${resource.account ? ` (account ${resource.account})` : ''} appears twice on the live side (${describe(existing)} and ${describe(resource)}); the first is used`,
        key: resource.key,
      });
      continue;
    }
    list.push(resource);
    byKey.set(resource.key, list);
  }
  return byKey;
}

function describe(resource: Resource): string {
  return resource.source.address
    ? `${resource.source.location} ${resource.source.address}`
    : resource.source.location;
}
