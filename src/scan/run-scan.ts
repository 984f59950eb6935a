import { attributeDrift } from '../attribution/attribute-drift.js';
import { attributionTargetOf } from '../attribution/targets.js';
import type { ConnectorContext } from '../connector/types.js';
import { classifyInSteps } from '../diff/classify.js';
import { coverageOf } from '../diff/coverage.js';
import { pairCodeWithState } from '../diff/pair-code.js';
import { type IgnoreRules, NO_IGNORE_RULES } from '../ignore/index.js';
import { withDeclaration } from '../model/location.js';
import type { Diagnostic, Report, Violation } from '../model/report.js';
import type { InlineWaiver, Origin, Resource } from '../model/resource.js';
import { foldSubResources } from '../normalise/fold.js';
import { normaliseResource, normaliseResources } from '../normalise/index.js';
import { retiredRuleWarnings } from '../policy/retired.js';
import type { PolicyEvaluation, PolicyEvaluator, PolicyOutcome } from '../policy/types.js';
import { applyWaivers, type ConfigWaiver } from '../policy/waivers.js';
import { eachInTurns, inTurns } from '../util/turns.js';
import { buildReport } from './build-report.js';
import {
  allInputErrors,
  type CollectedLive,
  type CollectedSides,
  collectSide,
  type SourceSpec,
  withLive,
} from './collect.js';
import { ScanInputError } from './scan-input-error.js';

export { ScanInputError };

export interface ScanRequest {
  sources: readonly SourceSpec[];
  ignore?: IgnoreRules;
  policies?: PolicyEvaluator;
  waivers?: readonly ConfigWaiver[];
  /** `--strict`: what AWS created on its own (the default VPC and its parts) is reported unmanaged too. */
  strict?: boolean;
  toolVersion: string;
  /**
   * The live side, read once by the caller and shared by several scans (a pull request's base and head compare with
   * the same reading of the cloud). Live specs in `sources` are then not read again. Each scan works on its own copy.
   */
  live?: CollectedLive;
  /** Diagnostics gathered before the scan (config, ignore file), reported with the scan's own. */
  diagnostics?: Diagnostic[];
  /**
   * Receives the normalised resources, for callers that compare two scans (a pull request's base and head): the
   * declared ones that drift compares (state, plans), and those read from code, by key.
   */
  onResources?: (resources: ScannedResources) => void;
  /**
   * Which inline waivers (comments in code) are honoured; all of them when absent. A pull request's head honours only
   * those its base already has: a waiver the pull request adds takes effect once merged.
   */
  trustsInlineWaiver?: (key: string, waiver: InlineWaiver) => boolean;
  /** The most look-up calls who-changed-it (attribution) may make; 0 or absent: none. */
  attributionCalls?: number;
}

export interface ScannedResources {
  declared: ReadonlyMap<string, Resource<'declared'>>;
  code: ReadonlyMap<string, Resource<'code'>>;
  live: ReadonlyMap<string, readonly Resource<'live'>[]>;
}

/**
 * The pipeline: read the declared side -> mask secrets -> fold sub-resources -> normalise -> start its policies;
 * then the same for the live side -> start its policies -> pair and classify -> the policies' outcome -> report.
 * Pure but for what the connectors do through the context.
 */
export async function runScan(request: ScanRequest, ctx: ConnectorContext): Promise<Report> {
  const startedAt = ctx.now();
  const diagnostics: Diagnostic[] = [...(request.diagnostics ?? [])];
  const collectCtx: ConnectorContext = { ...ctx, diagnostic: (d) => diagnostics.push(d) };

  // The declared side is read, folded and normalised first, and its rules start on the workers while the live side
  // is read: the second core would otherwise wait for both. The diagnostics keep the order they had when both sides
  // were read before either was folded.
  const declared = await collectSide(request.sources, 'declared', collectCtx);
  const declaredFolds: Diagnostic[] = [];
  const declaredDuplicates: Diagnostic[] = [];
  // Each origin is folded on its own: a sub-resource in code configures a bucket in code, one in state a bucket
  // in state. Code then takes the id and key of the state resource at its address, and stays out of the pairing.
  const declaredResources = folded(declared.declared.resources, declaredFolds);
  const code = folded(declared.declared.code, declaredFolds);
  pairCodeWithState(code, declaredResources, declaredFolds);
  normaliseResources(declaredResources);
  normaliseResources(code);
  const declaredByKey = indexDeclared(declaredResources, declaredDuplicates);

  // The rules read only what classify does not change. Their diagnostics follow the classification's, as when they
  // ran after it.
  const policyDiagnostics: Diagnostic[] = [];
  if (request.policies) ctx.progress('evaluating policies');
  const evaluation = request.policies?.begin(policyDiagnostics);
  try {
    await evaluation?.add([...declaredByKey.values(), ...code], true);
    return await scanLive(request, ctx, {
      startedAt,
      diagnostics,
      collectCtx,
      declared,
      declaredFolds,
      declaredDuplicates,
      declaredByKey,
      code,
      evaluation,
      policyDiagnostics,
    });
  } catch (error) {
    await evaluation?.cancel();
    throw error;
  }
}

interface DeclaredSide {
  startedAt: Date;
  diagnostics: Diagnostic[];
  collectCtx: ConnectorContext;
  /** What reading the declared sources yielded (a refresh-only plan yields live resources too). */
  declared: CollectedSides;
  declaredFolds: Diagnostic[];
  declaredDuplicates: Diagnostic[];
  declaredByKey: Map<string, Resource<'declared'>>;
  code: Resource<'code'>[];
  evaluation: PolicyEvaluation | undefined;
  policyDiagnostics: Diagnostic[];
}

/** The rest of the pipeline, once the declared side is ready and its rules are running. */
async function scanLive(request: ScanRequest, ctx: ConnectorContext, side: DeclaredSide): Promise<Report> {
  const { startedAt, diagnostics, declaredByKey, code, evaluation, policyDiagnostics } = side;
  const { declared, live } = await withLive(request.sources, side.declared, request.live, side.collectCtx);
  if (live.succeeded === 0 && allInputErrors(live.errors)) throw new ScanInputError(live.errors);

  ctx.progress(
    `comparing ${declared.resources.length + declared.code.length} declared with ${live.resources.length} live resources`,
  );
  diagnostics.push(...side.declaredFolds);
  // The live side is folded too: a refresh-only plan's refreshed state holds Terraform's sub-resources.
  const liveResources = folded(live.resources, diagnostics);
  // In turns, as the declared side's rules run meanwhile.
  await eachInTurns(liveResources, (resource) => normaliseResource(resource));
  diagnostics.push(...side.declaredDuplicates);
  const liveByKey = indexLive(liveResources, diagnostics);
  await evaluation?.add([...liveByKey.values()].flat());

  const hasLiveSide = request.sources.some((s) => s.side === 'live') || live.statuses.length > 0;
  const unread = declared.statuses.filter(
    (s) => s.status === 'failed' || (s.status === 'partial' && s.connector !== 'iac'),
  );
  // In turns: the workers running the live side's rules get their next jobs meanwhile (src/util/turns.ts).
  const result = await inTurns(
    classifyInSteps(declaredByKey, liveByKey, coverageOf(live.coverage), request.ignore ?? NO_IGNORE_RULES, {
      claimUnmanaged: unread.length === 0,
      strict: request.strict === true,
    }),
  );
  if (result.awsCreated > 0) diagnostics.push(awsCreatedDiagnostic(result.awsCreated));
  if (result.unknown > 0) {
    diagnostics.push({
      level: 'warning',
      code: 'scan.unmanaged-unknown',
      message: `${result.unknown} live resource${result.unknown === 1 ? '' : 's'} not declared by the sources that were read ${result.unknown === 1 ? 'is' : 'are'} unknown, not unmanaged: ${unread.map((s) => s.location).join(', ')} could not be read`,
    });
  }
  if (!hasLiveSide) {
    diagnostics.push({
      level: 'info',
      code: 'scan.no-live-source',
      message: 'no live source given (--live): drift was not evaluated',
    });
  }

  let policies: PolicyOutcome | undefined;
  let waivers: ReturnType<typeof applyWaivers> = { violations: [], waived: [] };
  if (evaluation) {
    policies = await evaluation.finish();
    diagnostics.push(...policyDiagnostics);
    const inlineByKey = new Map<string, InlineWaiver[]>();
    for (const resource of [...declaredByKey.values(), ...code])
      for (const waiver of resource.waivers ?? [])
        if (request.trustsInlineWaiver?.(resource.key, waiver) ?? true)
          inlineByKey.set(resource.key, [...(inlineByKey.get(resource.key) ?? []), waiver]);
    const inline = (key: string, origin: Violation['origin']) =>
      origin === 'declared' ? (inlineByKey.get(key) ?? []) : [];
    const violations = pointAtDeclarations(oneFindingPerResource(policies.violations), declaredByKey);
    waivers = applyWaivers(
      violations,
      request.waivers ?? [],
      inline,
      startedAt,
      diagnostics,
      policies.equivalents,
    );
    diagnostics.push(
      ...retiredRuleWarnings([
        ...(request.waivers ?? []).map((w, index) => ({ rule: w.rule, source: `config waivers[${index}]` })),
        ...[...inlineByKey.values()].flat().filter((w) => w.scanner === undefined),
      ]),
    );
  }

  const attribution = await attributeDrift(
    result.drift,
    attributionTargetOf(declaredByKey, liveByKey),
    live.attributors ?? [],
    request.attributionCalls ?? 0,
  );
  diagnostics.push(...attribution.diagnostics);

  request.onResources?.({
    declared: declaredByKey,
    code: new Map(code.map((resource) => [resource.key, resource])),
    live: liveByKey,
  });
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
    ...(attribution.summary ? { attribution: attribution.summary } : {}),
  });
}

/** What the scan held back is counted, never dropped in silence. */
function awsCreatedDiagnostic(count: number): Diagnostic {
  const resources = count === 1 ? '1 resource' : `${count} resources`;
  return {
    level: 'warning',
    code: 'scan.aws-created',
    message: `${resources} AWS created on its own (the default VPC and its parts, main route tables, default network ACLs and security groups) ${count === 1 ? 'was' : 'were'} not reported unmanaged; --strict reports them`,
  };
}

/**
 * Code and state paired into one resource may both break a rule: it is one finding, at the code's file and line,
 * which is where it is fixed.
 */
function oneFindingPerResource(violations: readonly Violation[]): Violation[] {
  const kept: Violation[] = [];
  // The findings kept so far by resource key (a key's string is the resource's own, hashed once): a resource has
  // a few findings, so the ones that may repeat each other are found without building an id for every finding.
  const byKey = new Map<string, number[]>();
  for (const violation of violations) {
    const indexes = byKey.get(violation.key);
    const same = indexes?.find((index) => sameFinding(kept[index] as Violation, violation));
    if (same === undefined) {
      if (indexes) indexes.push(kept.length);
      else byKey.set(violation.key, [kept.length]);
      kept.push(violation);
      continue;
    }
    if (kept[same]?.location?.line === undefined && violation.location?.line !== undefined)
      kept[same] = violation;
  }
  return kept;
}

/** Whether two findings of one key are the same: one rule, origin, account and path. */
function sameFinding(a: Violation, b: Violation): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.origin === b.origin &&
    (a.account ?? '') === (b.account ?? '') &&
    (a.path ?? '') === (b.path ?? '')
  );
}

/** A finding on the cloud's copy of a declared resource also points at the file that declares it. */
function pointAtDeclarations(
  violations: Violation[],
  declaredByKey: ReadonlyMap<string, Resource<'declared'>>,
): Violation[] {
  for (const violation of violations) {
    if (violation.origin !== 'live') continue;
    const declared = declaredByKey.get(violation.key);
    if (declared) violation.location = withDeclaration(violation.location, declared.source);
  }
  return violations;
}

/** The resources of one origin, with their sub-resources folded into them. */
function folded<O extends Origin>(resources: Resource<O>[], diagnostics: Diagnostic[]): Resource<O>[] {
  const kept = new Set(foldSubResources(resources, diagnostics));
  return resources.filter((resource) => kept.has(resource));
}

/** Declared keys must be unique: a resource declared twice (in two states) is a finding of its own. */
function indexDeclared(
  resources: Resource<'declared'>[],
  diagnostics: Diagnostic[],
): Map<string, Resource<'declared'>> {
  const byKey = new Map<string, Resource<'declared'>>();
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
function indexLive(
  resources: Resource<'live'>[],
  diagnostics: Diagnostic[],
): Map<string, Resource<'live'>[]> {
  const byKey = new Map<string, Resource<'live'>[]>();
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
