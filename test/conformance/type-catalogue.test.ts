import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MAPPING_BY_CONFIG_TYPE } from '../../connectors/aws-config/map/index.js';
import { parseArmTemplate } from '../../connectors/iac/arm-template.js';
import { parseCloudFormation } from '../../connectors/iac/cloudformation.js';
import { AWS_TYPES } from '../../src/model/types/aws/index.js';
import { AZURERM_TYPES } from '../../src/model/types/azurerm/index.js';
import { byArmType, RESOURCE_TYPES, type ResourceType } from '../../src/model/types/index.js';
import { nestedArmTypes } from '../../src/model/types/map-arm.js';
import { isUnknown } from '../../src/model/value.js';
import { type FormName, mapForm, ROOT, readTypeFixture, type TypeFixture } from '../helpers/type-forms.js';

/**
 * The type catalogue's conformance test: every module in src/model/types/<provider>/ is registered and named for
 * its type; every source mapping a module declares has a fixture of the same cloud object; every form's output
 * keeps to the type's schema; and every form normalises to the same canonical attributes.
 */

const PROVIDERS = { aws: AWS_TYPES, azurerm: AZURERM_TYPES } as const;
/** The types with a module and a fixture of their own; table rows are checked by test/conformance/type-tables.test.ts. */
const MODULE_TYPES = RESOURCE_TYPES.filter((type) => !type.table);

function fileStem(type: ResourceType): string {
  return type.type.slice(type.provider.length + 1).replaceAll('_', '-');
}

function schemaKeys(type: ResourceType): string[] {
  return Object.keys((type.schema as z.ZodObject).shape ?? {});
}

function pick(attributes: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(attributes, key)) out[key] = attributes[key];
  return out;
}

/** The forms a type must have a fixture for: Terraform state always, and each source it maps from. */
function requiredForms(type: ResourceType): FormName[] {
  return [
    'state',
    ...(type.sources.awsConfig ? (['awsConfig'] as const) : []),
    ...(type.sources.cloudFormation ? (['cloudFormation'] as const) : []),
    ...(type.sources.arm ? (['arm', 'armTemplate'] as const) : []),
  ];
}

describe('the registry and the folders agree', () => {
  it.each(Object.entries(PROVIDERS))(
    '%s: every module file is registered, under its own name',
    (provider, types) => {
      const folder = join(ROOT, 'src/model/types', provider);
      const files = readdirSync(folder)
        .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
        .map((name) => name.slice(0, -3))
        .sort();
      // A row of the provider's generic table (table/) has no file of its own.
      const modules = types.filter((type) => !type.table);
      expect(modules.map(fileStem).sort()).toEqual(files);
      for (const type of types) expect(type.provider).toBe(provider);
    },
  );

  it('lists each canonical type once, and each source type in one module', () => {
    const names = RESOURCE_TYPES.map((type) => type.type);
    expect(new Set(names).size).toBe(names.length);
    const owners = new Map<string, Set<unknown>>();
    const own = (key: string, mapping: unknown) =>
      owners.set(key, (owners.get(key) ?? new Set()).add(mapping));
    for (const type of RESOURCE_TYPES) {
      if (type.sources.awsConfig) own(`config ${type.sources.awsConfig.type}`, type.sources.awsConfig);
      const cfn = type.sources.cloudFormation;
      for (const cfnType of cfn ? [cfn.type, ...(cfn.also ?? [])] : []) own(`cfn ${cfnType}`, cfn);
      // One ARM mapping object may serve several types (a site is four azurerm types), chosen by `typeOf`.
      if (type.sources.arm) own(`arm ${type.sources.arm.type.toLowerCase()}`, type.sources.arm);
      for (const sub of type.folds ?? []) {
        own(`type ${sub.type}`, sub);
        if (sub.cloudFormation) own(`cfn ${sub.cloudFormation.type}`, sub.cloudFormation);
      }
    }
    const shared = [...owners].filter(([, mappings]) => mappings.size > 1).map(([key]) => key);
    expect(shared).toEqual([]);
    const folded = RESOURCE_TYPES.flatMap((type) => (type.folds ?? []).map((sub) => sub.type));
    expect(folded.filter((sub) => names.includes(sub))).toEqual([]);
  });

  it('sets, defaults, renames and inherited attributes name attributes of the schema', () => {
    for (const type of RESOURCE_TYPES) {
      const keys = new Set(schemaKeys(type));
      const head = (path: string) => path.split(/[.[]/)[0] ?? path;
      const named = [
        ...(type.sets ?? []).map(head),
        ...Object.keys(type.defaults ?? {}),
        ...(type.renamed ?? []).map(([, current]) => current),
        ...Object.entries(type.inherited ?? {}).flatMap(([name, sources]) => [name, ...sources]),
      ];
      expect(
        named.filter((name) => !keys.has(name)),
        `${type.type}: attributes outside its schema`,
      ).toEqual([]);
      const defaults = type.schema.safeParse(type.defaults ?? {});
      expect(defaults.success, `${type.type}: defaults break the schema`).toBe(true);
    }
  });
});

describe.each(MODULE_TYPES.map((type) => [type.type, type] as const))('%s', (_name, type) => {
  const path = join(ROOT, 'fixtures/types', type.provider, `${fileStem(type)}.json`);
  const fixture: TypeFixture | undefined = existsSync(path) ? readTypeFixture(path) : undefined;
  const keys = schemaKeys(type);

  it('has a fixture with every form it maps from, and a canonical form within its schema', () => {
    expect(fixture, `${path} is missing`).toBeDefined();
    expect(Object.keys(fixture?.forms ?? {}).sort()).toEqual(requiredForms(type).sort());
    const canonical = fixture?.canonical ?? {};
    expect(Object.keys(canonical).filter((key) => !keys.includes(key))).toEqual([]);
    expect(type.schema.safeParse(canonical).error?.issues ?? []).toEqual([]);
    // A fixture of a type with folds shows each of them.
    const stateTypes = fixture?.forms.state?.resources.map((r) => r.type) ?? [];
    expect(stateTypes[0]).toBe(type.type);
    for (const sub of type.folds ?? [])
      expect(stateTypes, `${sub.type} not in the state form`).toContain(sub.type);
  });

  it.each(requiredForms(type))(
    '%s: keeps to the schema and normalises to the canonical attributes',
    (form) => {
      if (!fixture) throw new Error(`${path} is missing`);
      const result = mapForm(type, form, fixture);
      const parsed = type.schema.safeParse(result.mapped);
      expect(parsed.error?.issues ?? [], 'the mapper output breaks the schema').toEqual([]);
      if (form !== 'state') {
        // A source mapper writes canonical attributes only; state carries whatever the provider stores.
        expect(Object.keys(result.mapped).filter((key) => !keys.includes(key))).toEqual([]);
      }
      const notReported = fixture.forms[form]?.notReported ?? [];
      expect(notReported.filter((key) => !Object.hasOwn(fixture.canonical, key))).toEqual([]);
      const expected = pick(
        fixture.canonical,
        Object.keys(fixture.canonical).filter((key) => !notReported.includes(key)),
      );
      // A form that does not report an attribute leaves it out, or holds it as unknown (a template's key id).
      const reported = keys.filter(
        (key) => !(notReported.includes(key) && isUnknown(result.normalised[key])),
      );
      expect(pick(result.normalised, reported)).toEqual(expected);
    },
  );

  it('pairs: the live forms key the object as its Terraform state does', () => {
    if (!fixture) throw new Error(`${path} is missing`);
    const stateKey = mapForm(type, 'state', fixture).key;
    const live = requiredForms(type).filter((form) => form === 'awsConfig' || form === 'arm');
    for (const form of live) expect(mapForm(type, form, fixture).key, form).toBe(stateKey);
  });
});

/** A type module is all it takes: the connectors that read its sources find it in the catalogue. */
describe('every type through the connectors that read its sources', () => {
  const fixtureOf = (type: ResourceType) => {
    const path = join(ROOT, 'fixtures/types', type.provider, `${fileStem(type)}.json`);
    if (!existsSync(path)) throw new Error(`${path} is missing`);
    return readTypeFixture(path);
  };
  const named = (filter: (type: ResourceType) => unknown) =>
    MODULE_TYPES.filter(filter).map((type) => [type.type, type] as const);

  it.each(named((type) => type.sources.awsConfig))(
    '%s: the AWS Config connector reads its Config type',
    (_, type) => {
      expect(MAPPING_BY_CONFIG_TYPE.get(type.sources.awsConfig?.type ?? '')?.terraformType).toBe(type.type);
    },
  );

  it.each(named((type) => type.sources.cloudFormation))(
    '%s: the CloudFormation reader maps the fixture',
    (_, type) => {
      const fixture = fixtureOf(type);
      const form = fixture.forms.cloudFormation;
      const cfnType = form?.cfnType ?? type.sources.cloudFormation?.type;
      const template = JSON.stringify({
        Resources: { Fixture: { Type: cfnType, Properties: form?.properties } },
      });
      const parsed = parseCloudFormation(template, 'fixture.json');
      expect(parsed.resources.map((r) => [r.type, r.attributes])).toEqual([
        [type.type, mapForm(type, 'cloudFormation', fixture).mapped],
      ]);
    },
  );

  it.each(named((type) => type.sources.arm))('%s: the ARM template reader maps the fixture', (_, type) => {
    const fixture = fixtureOf(type);
    const template = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ apiVersion: '2023-05-01', ...fixture.forms.armTemplate?.resource }],
    });
    const parsed = parseArmTemplate(template, 'fixture.json');
    const own = parsed.resources.filter((r) => r.type === type.type);
    expect(own.map((r) => [r.type, r.attributes])).toEqual([
      [type.type, mapForm(type, 'armTemplate', fixture).mapped],
    ]);
    // The others are the children the catalogue reads out of this parent (a group's inline rules).
    const children = nestedArmTypes(type.sources.arm?.type ?? '').flatMap((armType) =>
      byArmType(armType).map((child) => child.type),
    );
    for (const other of parsed.resources.filter((r) => r.type !== type.type))
      expect(children).toContain(other.type);
  });
});
