import { type LoadedPolicy, loadPolicy } from '@open-policy-agent/opa-wasm';
import { locationOf } from '../model/location.js';
import type { Diagnostic, Violation } from '../model/report.js';
import type { Origin, Resource } from '../model/resource.js';
import type { CatalogueRule } from './catalogue.js';
import type { PolicyBundle } from './library.js';
import type { PolicyEvaluator, PolicyOutcome } from './types.js';

const PAGE = 64 * 1024;

export interface EngineOptions {
  /** The most linear memory one Wasm instance may grow to. A rule that needs more fails alone. */
  memoryLimitMiB: number;
  /** Resources per evaluation. Chosen by measurement: see BENCHMARKS.md. */
  batchSize: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { memoryLimitMiB: 512, batchSize: 100 };

export interface RuleFailure {
  ruleId: string;
  bundle: string;
  error: string;
}

interface Finding {
  ruleId?: unknown;
  key?: unknown;
  path?: unknown;
  message?: unknown;
}

/**
 * Evaluates compiled rule bundles in-process. Each rule is its own Wasm entrypoint and sees only the resource types
 * it declares, in batches, one origin at a time (so that a finding's key names one resource). A rule that fails
 * (a missing builtin, memory exhausted) is reported and the other rules still run.
 */
export class WasmPolicyEvaluator implements PolicyEvaluator {
  private readonly bundles: readonly PolicyBundle[];
  private readonly options: EngineOptions;

  constructor(bundles: readonly PolicyBundle[], options: Partial<EngineOptions> = {}) {
    this.bundles = bundles;
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
  }

  get rules(): CatalogueRule[] {
    return this.bundles.flatMap((bundle) => bundle.catalogue.rules);
  }

  async evaluate(resources: readonly Resource[], diagnostics: Diagnostic[]): Promise<PolicyOutcome> {
    const index = indexResources(resources);
    const violations: Violation[] = [];
    const failures: RuleFailure[] = [];
    for (const bundle of this.bundles) {
      let policy = await this.instantiate(bundle);
      for (const rule of bundle.catalogue.rules) {
        try {
          for (const origin of ['declared', 'live'] as const) {
            for (const batch of batches(index, origin, rule.resourceTypes, this.options.batchSize)) {
              const findings = evaluateBatch(policy, rule, batch.json);
              violations.push(
                ...findings
                  .map((finding) => toViolation(rule, finding, batch.byKey, diagnostics))
                  .filter(isViolation),
              );
            }
          }
        } catch (error) {
          const message = describeEvaluationError(error, this.options.memoryLimitMiB);
          failures.push({ ruleId: rule.id, bundle: bundle.name, error: message });
          diagnostics.push({
            level: 'error',
            code: 'policy.rule-failed',
            message: `rule ${rule.id} failed: ${message}`,
            source: rule.file,
          });
          policy = await this.instantiate(bundle);
        }
      }
    }
    return {
      violations,
      failedRules: failures.map(({ ruleId, error }) => ({ ruleId, error })),
      rules: this.rules.length,
    };
  }

  private async instantiate(bundle: PolicyBundle): Promise<LoadedPolicy> {
    const maximum = Math.max(2, Math.floor((this.options.memoryLimitMiB * 1024 * 1024) / PAGE));
    return loadPolicy(bundle.wasm, { initial: Math.min(maximum, 64), maximum });
  }
}

interface IndexedResource {
  resource: Resource;
  json: string;
  ref: string;
}

type ResourceIndex = Map<Origin, Map<string, IndexedResource[]>>;

/**
 * Serialises each resource once, with only what rules may read. The `key` a rule sees is a reference unique
 * within its origin: resources of one key in several accounts get a suffix, so a finding names one resource.
 */
function indexResources(resources: readonly Resource[]): ResourceIndex {
  const index: ResourceIndex = new Map([
    ['declared', new Map()],
    ['live', new Map()],
  ]);
  const seen = new Map<string, number>();
  for (const resource of resources) {
    const byType = index.get(resource.origin);
    if (!byType) continue;
    const seenKey = `${resource.origin} ${resource.key}`;
    const count = seen.get(seenKey) ?? 0;
    seen.set(seenKey, count + 1);
    const ref = count === 0 ? resource.key : `${resource.key}#${count}`;
    const json = JSON.stringify({
      key: ref,
      type: resource.type,
      id: resource.id,
      provider: resource.provider,
      origin: resource.origin,
      attributes: resource.attributes,
    });
    const list = byType.get(resource.type) ?? [];
    list.push({ resource, json, ref });
    byType.set(resource.type, list);
  }
  return index;
}

interface Batch {
  json: Uint8Array;
  byKey: Map<string, Resource>;
}

function* batches(
  index: ResourceIndex,
  origin: Origin,
  types: readonly string[],
  size: number,
): Generator<Batch> {
  const byType = index.get(origin);
  if (!byType) return;
  const encoder = new TextEncoder();
  for (const type of types) {
    const list = byType.get(type) ?? [];
    for (let start = 0; start < list.length; start += size) {
      const slice = list.slice(start, start + size);
      const text = `{"resources":{${JSON.stringify(type)}:[${slice.map((item) => item.json).join(',')}]}}`;
      yield {
        json: encoder.encode(text),
        byKey: new Map(slice.map((item) => [item.ref, item.resource])),
      };
    }
  }
}

function evaluateBatch(policy: LoadedPolicy, rule: CatalogueRule, input: Uint8Array): Finding[] {
  const input_ = input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
  const results = policy.evaluate(input_, rule.entrypoint) as { result?: unknown }[];
  const result = results[0]?.result;
  if (result === undefined) return [];
  if (!Array.isArray(result))
    throw new Error(`entrypoint ${rule.entrypoint} returned ${typeof result}, expected a set of findings`);
  return result as Finding[];
}

function toViolation(
  rule: CatalogueRule,
  finding: Finding,
  byKey: Map<string, Resource>,
  diagnostics: Diagnostic[],
): Violation | undefined {
  const resource = typeof finding.key === 'string' ? byKey.get(finding.key) : undefined;
  if (!resource || typeof finding.message !== 'string') {
    diagnostics.push({
      level: 'warning',
      code: 'policy.bad-finding',
      message: `rule ${rule.id} returned a finding without a known resource key and a message; findings must be {ruleId, key, path, message}`,
      source: rule.file,
    });
    return undefined;
  }
  const violation: Violation = {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    key: resource.key,
    type: resource.type,
    id: resource.id,
    origin: resource.origin,
    message: finding.message,
  };
  if (resource.account) violation.account = resource.account;
  if (typeof finding.path === 'string' && finding.path !== '') violation.path = finding.path;
  violation.location = locationOf(resource.source);
  if (resource.source.address) violation.address = resource.source.address;
  return violation;
}

function isViolation(value: Violation | undefined): value is Violation {
  return value !== undefined;
}

/** opa-wasm throws strings as well as Errors; memory exhaustion has two spellings. */
function describeEvaluationError(error: unknown, limitMiB: number): string {
  const text = error instanceof Error ? error.message : String(error);
  if (
    /Maximum memory size exceeded|opa_malloc: failed|Out of memory|memory access out of bounds/i.test(text)
  ) {
    return `exhausted its memory limit (${limitMiB} MiB)`;
  }
  return text.split('\n')[0] ?? text;
}
