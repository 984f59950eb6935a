import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAPPING_BY_CONFIG_TYPE } from '../../connectors/aws-config/map/index.js';
import { mappingFor } from '../../connectors/azure/map/index.js';
import { AWS_TABLE } from '../../src/model/types/aws/table/index.js';
import { ARM_TABLE } from '../../src/model/types/azurerm/table/index.js';
import type { AwsIdField } from '../../src/model/types/generic.js';
import { levelOf, resourceType } from '../../src/model/types/index.js';
import type { Value } from '../../src/model/value.js';
import { mapForm, ROOT, type TypeFixture } from '../helpers/type-forms.js';

/**
 * The generic tables: every row is a registered type at its level, its source type is read by the connector, and
 * the recorded envelope of its source, set to the row's type, pairs with the Terraform state of the same object
 * and normalises to the same tags and location.
 */
const awsEnvelope = JSON.parse(readFileSync(join(ROOT, 'fixtures/types/aws/table.json'), 'utf8')).item;
const armEnvelope = JSON.parse(
  readFileSync(join(ROOT, 'fixtures/types/azurerm/table.json'), 'utf8'),
).resource;

function sorted(names: readonly string[]): boolean {
  return names.every((name, index) => index === 0 || (names[index - 1] ?? '') < name);
}

describe('the AWS table', () => {
  it('is sorted by type, one row per type and per Config type, each with a source', () => {
    expect(sorted(AWS_TABLE.map((row) => row.type))).toBe(true);
    expect(new Set(AWS_TABLE.map((row) => row.configType)).size).toBe(AWS_TABLE.length);
    for (const row of AWS_TABLE) expect(row.source.length, row.type).toBeGreaterThan(10);
  });

  it.each(AWS_TABLE.map((row) => [row.type, row] as const))('%s', (_, row) => {
    const type = resourceType(row.type);
    expect(type?.table).toBe('aws');
    expect(levelOf(type ?? ({} as never))).toBe(row.tags === false ? 'existence' : 'tags');
    expect(MAPPING_BY_CONFIG_TYPE.get(row.configType)?.terraformType).toBe(row.type);
    const importId = `example-${row.type.replaceAll('_', '-')}`;
    const fields: Record<AwsIdField, string> = {
      resourceId: row.id === 'resourceId' ? importId : 'config-own-id',
      resourceName: row.id === 'resourceName' ? importId : 'config-own-name',
      arn: row.id === 'arn' ? importId : `arn:aws:x:eu-west-1:111122223333:${row.type}/other`,
    };
    const tags: Record<string, Value> =
      row.tags === false ? {} : { tags: { team: 'platform', 'cost-center': 'cc-1042' } };
    const fixture: TypeFixture = {
      about: row.source,
      canonical: tags,
      forms: {
        state: {
          resources: [{ type: row.type, attributes: { id: importId, ...tags, tags_all: tags.tags ?? {} } }],
        },
        awsConfig: { payload: { ...awsEnvelope, resourceType: row.configType, ...fields } },
      },
    };
    const state = mapForm(type ?? ({} as never), 'state', fixture);
    const live = mapForm(type ?? ({} as never), 'awsConfig', fixture);
    expect(live.key).toBe(state.key);
    expect(live.normalised).toEqual(tags);
  });
});

describe('the azurerm table', () => {
  it('is sorted by type, one row per type and per ARM type, each with a source', () => {
    expect(sorted(ARM_TABLE.map((row) => row.type))).toBe(true);
    expect(new Set(ARM_TABLE.map((row) => row.armType.toLowerCase())).size).toBe(ARM_TABLE.length);
    for (const row of ARM_TABLE) expect(row.source.length, row.type).toBeGreaterThan(10);
  });

  it.each(ARM_TABLE.map((row) => [row.type, row] as const))('%s', (_, row) => {
    const type = resourceType(row.type);
    expect(type?.table).toBe('azurerm');
    expect(levelOf(type ?? ({} as never))).toBe(row.tags === false ? 'existence' : 'tags');
    expect(mappingFor(row.armType)?.terraformTypes).toEqual([row.type]);
    const [namespace, ...kinds] = row.armType.split('/');
    const group = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod';
    const names = kinds.map((kind, index) => `${kind.toLowerCase()}-${index}`);
    const id = `${group}/providers/${namespace}/${kinds.map((kind, index) => `${kind}/${names[index]}`).join('/')}`;
    const name = names.at(-1) ?? 'x';
    const expected = {
      name,
      ...(row.location === false ? {} : { location: 'westeurope' }),
      ...(row.resourceGroup === false ? {} : { resource_group_name: 'rg-prod' }),
      ...(row.tags === false ? {} : { tags: { env: 'prod', 'cost-center': 'cc-1042' } }),
    };
    const fixture: TypeFixture = {
      about: row.source,
      canonical: expected,
      forms: {
        state: { resources: [{ type: row.type, attributes: { id, ...expected } }] },
        arm: {
          payload: {
            ...armEnvelope,
            id,
            name,
            type: row.armType,
            ...(row.location === false ? { location: undefined } : {}),
          },
        },
      },
    };
    const state = mapForm(type ?? ({} as never), 'state', fixture);
    const live = mapForm(type ?? ({} as never), 'arm', fixture);
    expect(live.key).toBe(state.key);
    expect(live.normalised).toEqual(expected);
  });
});
