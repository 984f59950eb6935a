import { describe, expect, it, vi } from 'vitest';

/**
 * The connectors a scan does not use build none of their payload schemas: every scan loads every connector (the
 * registry), and building the AWS Config, Azure, plan and repository schemas at load was a third of the zod objects
 * the example scan built before it read anything (BENCHMARKS.md, bench:startup). zod's builders are counted.
 */
const built = vi.hoisted(() => ({ calls: 0 }));
vi.mock('zod', async (importOriginal) => {
  const actual = await importOriginal<typeof import('zod')>();
  const z = new Proxy(actual.z, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || !/^[a-z]/.test(key)) return value;
      return (...args: unknown[]) => {
        built.calls += 1;
        return value.apply(target, args);
      };
    },
  });
  return { ...actual, z };
});

// What these connectors share with the ones the example scan uses (the catalogue, state files, snapshots) first.
await import('../../connectors/terraform-state/index.js');
await import('../../connectors/snapshot/index.js');
await import('../../src/model/types/index.js');
const before = built.calls;
const { awsConfigConnector } = await import('../../connectors/aws-config/index.js');
const { azureConnector } = await import('../../connectors/azure/index.js');
const { terraformPlanConnector } = await import('../../connectors/terraform-plan/index.js');
const { iacConnector } = await import('../../connectors/iac/index.js');
const atLoad = built.calls - before;

describe('connector schemas are built on first use', () => {
  it('loading the AWS Config, Azure, plan and repository connectors builds none of their payload schemas (a z.lazy each)', () => {
    expect(atLoad).toBeLessThan(25);
  });

  it('a connector that is used builds its schemas, which still check what they did', () => {
    const start = built.calls;
    expect(awsConfigConnector.parse('regions=eu-west-1', { baseDir: '/' })).toEqual({
      regions: ['eu-west-1'],
    });
    expect(built.calls).toBeGreaterThan(start);
    expect(() => awsConfigConnector.parse('regions=mars', { baseDir: '/' })).toThrow(
      /regions\.0: must be AWS region names/,
    );
    expect(() => awsConfigConnector.parse('colour=red', { baseDir: '/' })).toThrow(
      /--live aws-config:colour=red/,
    );
    expect(azureConnector.id).toBe('azure');
    expect(terraformPlanConnector.id).toBe('terraform-plan');
    expect(iacConnector.id).toBe('iac');
  });
});
