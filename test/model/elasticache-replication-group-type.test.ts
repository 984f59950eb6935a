import { describe, expect, it } from 'vitest';
import { elasticacheReplicationGroup } from '../../src/model/types/aws/elasticache-replication-group.js';
import type { Attributes } from '../../src/model/types/resource-type.js';
import { unknown, type Value } from '../../src/model/value.js';

/**
 * aws_elasticache_replication_group on what its conformance fixture (one Valkey group, encrypted) does not show: the
 * engine's default for a template's absent AtRestEncryptionEnabled, and the state's nullable-boolean strings.
 */
function template(properties: Record<string, Value>): Attributes {
  const map = elasticacheReplicationGroup.sources.cloudFormation?.map;
  if (!map) throw new Error('no CloudFormation mapping');
  return map(properties, 'AWS::ElastiCache::ReplicationGroup');
}

function canonical(attributes: Attributes): Attributes {
  elasticacheReplicationGroup.canonicalise?.(attributes);
  return attributes;
}

describe('a template without AtRestEncryptionEnabled', () => {
  it.each([
    ['no engine (redis)', {}, false],
    ['redis', { Engine: 'redis' }, false],
    ['Valkey, in any case', { Engine: 'Valkey' }, true],
  ])('%s gets the engine default', (_name, properties, expected) => {
    expect(template({ ReplicationGroupId: 'Orders-Cache', ...properties })).toMatchObject({
      replication_group_id: 'orders-cache',
      at_rest_encryption_enabled: expected,
    });
  });

  it('is unknown when the engine is', () => {
    const engine = unknown('expression');
    expect(template({ Engine: engine }).at_rest_encryption_enabled).toEqual(unknown('expression'));
  });

  it('keeps what the template says, "false" strings included', () => {
    expect(template({ Engine: 'valkey', AtRestEncryptionEnabled: 'false' }).at_rest_encryption_enabled).toBe(
      false,
    );
  });
});

describe("the state's nullable boolean", () => {
  it.each([
    ['true', true],
    ['false', false],
    ['', null],
  ])('%j reads as %j', (stored, expected) => {
    expect(canonical({ at_rest_encryption_enabled: stored }).at_rest_encryption_enabled).toBe(expected);
  });

  it('leaves booleans, unknowns and an absent value as they are', () => {
    expect(canonical({ at_rest_encryption_enabled: true }).at_rest_encryption_enabled).toBe(true);
    expect(canonical({ at_rest_encryption_enabled: unknown() }).at_rest_encryption_enabled).toEqual(
      unknown(),
    );
    expect(canonical({ engine: 'redis' })).toEqual({ engine: 'redis' });
  });
});
