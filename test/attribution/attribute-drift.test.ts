import { describe, expect, it } from 'vitest';
import { attributeDrift } from '../../src/attribution/attribute-drift.js';
import { attributionCalls } from '../../src/config/attribution-setting.js';
import type { AttributionTarget, Attributor } from '../../src/connector/attribution.js';
import type { DriftEntry } from '../../src/model/report.js';

function entry(kind: DriftEntry['kind'], key: string, provider = 'aws'): DriftEntry {
  return { kind, key, type: key.split('.')[0] ?? '', id: key.split('.')[1] ?? '', provider, changes: [] };
}

/** An attributor that spends one call per look-up and names the key it was asked about. */
function counting(provider = 'aws'): Attributor & { asked: string[] } {
  const asked: string[] = [];
  return {
    provider,
    location: 'test',
    asked,
    accepts: () => true,
    async attribute(target: AttributionTarget, budget) {
      if (!budget.take()) return { status: 'unknown', reason: 'budget', detail: 'limit' };
      asked.push(target.key);
      return {
        status: 'found',
        actor: 'alice',
        action: 'Write',
        time: '2026-12-01T00:00:00.000Z',
        via: 'cloudtrail',
      };
    },
  };
}

const targetOf = (e: DriftEntry): AttributionTarget => ({ ...e });

describe('attributeDrift', () => {
  it('leaves entries alone without attributors or with a limit of 0: attribution did not run', async () => {
    const drift = [entry('changed', 'aws_s3_bucket.a')];
    expect(await attributeDrift(drift, targetOf, [], 25)).toEqual({ calls: 0, diagnostics: [] });
    expect(await attributeDrift(drift, targetOf, [counting()], 0)).toEqual({ calls: 0, diagnostics: [] });
    expect(drift[0]?.changedBy).toBeUndefined();
  });

  it('looks up changes first, then missing, then unmanaged, within the limit', async () => {
    const attributor = counting();
    const drift = [
      entry('missing', 'aws_s3_bucket.gone'),
      entry('unmanaged', 'aws_s3_bucket.new'),
      entry('changed', 'aws_s3_bucket.edited'),
    ];
    const outcome = await attributeDrift(drift, targetOf, [attributor], 2);
    expect(attributor.asked).toEqual(['aws_s3_bucket.edited', 'aws_s3_bucket.gone']);
    expect(drift.map((d) => d.changedBy?.status)).toEqual(['found', 'unknown', 'found']);
    expect(outcome.calls).toBe(2);
    expect(outcome.summary).toEqual({
      calls: 2,
      limit: 2,
      entries: 3,
      found: 2,
      unknown: { 'not-found': 0, denied: 0, budget: 1, failed: 0, 'not-supported': 0 },
    });
    expect(outcome.diagnostics.map((d) => d.message)).toEqual([
      'who changed it: found for 2 of 3 drift entries, with 2 look-up calls (limit 2)',
      "who changed it: 1 drift entry was not looked up, the scan's limit of 2 look-up calls was reached (raise it with --attribution)",
    ]);
  });

  it('says so for a provider no live source can look up', async () => {
    const drift = [entry('changed', 'azurerm_storage_account.x', 'azurerm')];
    await attributeDrift(drift, targetOf, [counting('aws')], 5);
    expect(drift[0]?.changedBy).toEqual({
      status: 'unknown',
      reason: 'not-supported',
      detail: 'no live source read here keeps change events for azurerm',
    });
  });

  it("answers a second scan of the same live side (a pull request's head) without calling again", async () => {
    const attributor = counting();
    await attributeDrift([entry('changed', 'aws_s3_bucket.a')], targetOf, [attributor], 5);
    const again = [entry('changed', 'aws_s3_bucket.a')];
    const outcome = await attributeDrift(again, targetOf, [attributor], 5);
    expect(attributor.asked).toEqual(['aws_s3_bucket.a']);
    expect(outcome.calls).toBe(0);
    expect(again[0]?.changedBy?.status).toBe('found');
  });
});

describe('--attribution and the attribution key', () => {
  it('is off by default, on is 25 calls, a number is the limit; a flag wins over the file', () => {
    expect(attributionCalls(undefined, undefined)).toBe(0);
    expect(attributionCalls('on', undefined)).toBe(25);
    expect(attributionCalls(undefined, true)).toBe(25);
    expect(attributionCalls(undefined, 7)).toBe(7);
    expect(attributionCalls('off', 40)).toBe(0);
    expect(attributionCalls('12', false)).toBe(12);
  });

  it('refuses anything else with a usage error naming the flag', () => {
    for (const bad of ['-1', 'lots', '1001', '2.5'])
      expect(() => attributionCalls(bad, undefined)).toThrow(
        `--attribution ${bad}: expected on, off, or the most look-up calls per scan (0 to 1000)`,
      );
  });
});
