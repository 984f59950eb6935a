import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeItem } from '../../connectors/aws-config/map/decode.js';
import { configItemSchema } from '../../connectors/aws-config/schema.js';
import { mapState } from '../../connectors/terraform-state/map.js';
import { stateV4Schema } from '../../connectors/terraform-state/schema.js';
import type { Diagnostic } from '../../src/model/report.js';
import { type Resource, resourceKey } from '../../src/model/resource.js';
import type { ResourceType } from '../../src/model/types/index.js';
import { byCloudFormationType } from '../../src/model/types/index.js';
import { mapArmResource } from '../../src/model/types/map-arm.js';
import { escapeMarkers, type Value } from '../../src/model/value.js';
import { foldSubResources } from '../../src/normalise/fold.js';
import { normaliseResources } from '../../src/normalise/index.js';
import { state } from './state.js';

export const ROOT = join(import.meta.dirname, '../..');

/**
 * One cloud object, described by each source that can describe it (`fixtures/types/<provider>/<type>.json`).
 * `canonical` is what every form normalises to, on the attributes the type's schema names; a form that cannot
 * carry an attribute lists it in `notReported`.
 */
export interface TypeFixture {
  about: string;
  canonical: Record<string, Value>;
  forms: {
    state?: StateForm;
    awsConfig?: PayloadForm;
    cloudFormation?: CloudFormationForm;
    arm?: PayloadForm;
    armTemplate?: ArmTemplateForm;
  };
}

interface FormBase {
  notReported?: string[];
}
export interface StateForm extends FormBase {
  /** The type's own instance first, then its sub-resources (folded into it). */
  resources: { type: string; attributes: Record<string, unknown> }[];
}
export interface PayloadForm extends FormBase {
  /** The payload inline, or `file`: a recorded payload under fixtures/ that says where its shape comes from. */
  payload?: Record<string, unknown>;
  file?: string;
}
export interface CloudFormationForm extends FormBase {
  /** The CloudFormation type, when it is not the mapping's own (AWS::IAM::Policy as aws_iam_policy). */
  cfnType?: string;
  properties: Value;
}
export interface ArmTemplateForm extends FormBase {
  /**
   * A template resource with its expressions already static: type, apiVersion (where the platform defaults depend
   * on it), name, location, kind, sku, tags, properties.
   */
  resource: Record<string, Value>;
}

export type FormName = keyof TypeFixture['forms'];

export function readTypeFixture(path: string): TypeFixture {
  return JSON.parse(readFileSync(path, 'utf8')) as TypeFixture;
}

function payloadOf(form: PayloadForm): Record<string, unknown> {
  if (form.payload) return form.payload;
  if (!form.file) throw new Error('a payload form needs `payload` or `file`');
  const { _source, ...payload } = JSON.parse(readFileSync(join(ROOT, form.file), 'utf8'));
  return payload;
}

/** What one form gives, through the same code the connectors run: the mapper's raw output, then normalised. */
export interface FormResult {
  /** The mapper's output before normalisation (checked against the schema). */
  mapped: Record<string, Value>;
  normalised: Record<string, Value>;
  /** The pairing key, for the forms that know the cloud id (state and live); code does not. */
  key?: string;
}

export function mapForm(type: ResourceType, name: FormName, fixture: TypeFixture): FormResult {
  const form = fixture.forms[name];
  if (!form) throw new Error(`${type.type}: no ${name} form`);
  let mapped: Record<string, Value>;
  let resources: Resource[];
  let key: string | undefined;
  if (name === 'state') {
    const specs = (form as StateForm).resources.map((r, index) => ({
      type: r.type,
      name: `r${index}`,
      instances: [{ attributes: r.attributes }],
    }));
    const parsed = stateV4Schema.parse(JSON.parse(state(specs)));
    const diagnostics: Diagnostic[] = [];
    resources = foldSubResources(mapState(parsed, 'fixture.tfstate').resources, diagnostics);
    if (diagnostics.length > 0) throw new Error(`${type.type} state: ${diagnostics[0]?.message}`);
    mapped = { ...(resources[0]?.attributes ?? {}) };
    key = resources[0]?.key;
  } else {
    const source = mapSource(type, name, form);
    mapped = source.attributes;
    key = source.id === undefined ? undefined : resourceKey(type.type, source.id);
    // As the scan does: every origin is folded (and canonicalised) before normalisation.
    resources = foldSubResources([resourceOf(type, structuredClone(mapped))], []);
  }
  mapped = structuredClone(mapped);
  normaliseResources(resources);
  const own = resources.filter((r) => r.type === type.type);
  if (own.length !== 1) throw new Error(`${type.type} ${name}: ${own.length} resources of the type`);
  return { mapped, normalised: own[0]?.attributes ?? {}, ...(key === undefined ? {} : { key }) };
}

function mapSource(
  type: ResourceType,
  name: FormName,
  form: NonNullable<TypeFixture['forms'][FormName]>,
): { id?: string; attributes: Record<string, Value> } {
  switch (name) {
    case 'awsConfig': {
      const mapping = type.sources.awsConfig;
      const decoded = decodeItem(configItemSchema.parse(payloadOf(form as PayloadForm)));
      if (decoded.issues.length > 0) throw new Error(`${type.type} awsConfig: ${decoded.issues[0]?.message}`);
      const out = mapping?.map(decoded.item);
      if (!out) throw new Error(`${type.type} awsConfig: the mapping skipped the item`);
      return out;
    }
    case 'cloudFormation': {
      const { cfnType, properties } = form as CloudFormationForm;
      const wanted = cfnType ?? type.sources.cloudFormation?.type ?? '';
      const target = byCloudFormationType(wanted);
      if (target?.terraformType !== type.type) throw new Error(`${wanted} does not map to ${type.type}`);
      return { attributes: target.mapping.map(properties, wanted) };
    }
    case 'arm':
    case 'armTemplate': {
      const raw =
        name === 'arm'
          ? (escapeMarkers(payloadOf(form as PayloadForm) as Value) as Record<string, Value>)
          : (form as ArmTemplateForm).resource;
      const { apiVersion, ...shape } = raw;
      const out = mapArmResource(
        { ...shape, type: String(raw.type) },
        { template: name === 'armTemplate', ...(typeof apiVersion === 'string' ? { apiVersion } : {}) },
      );
      if (out?.terraformType !== type.type)
        throw new Error(`${type.type} ${name}: mapped to ${out?.terraformType}`);
      // As the live connector keys it: the import id where the type builds one from attributes, else the ARM id.
      const armId = name === 'arm' && typeof raw.id === 'string' ? raw.id : undefined;
      const id = armId === undefined ? undefined : (type.id.importId?.(out.attributes) ?? armId);
      return { attributes: out.attributes, ...(id === undefined ? {} : { id }) };
    }
    default:
      throw new Error(`unknown form ${name}`);
  }
}

function resourceOf(type: ResourceType, attributes: Record<string, Value>): Resource {
  return {
    provider: type.provider,
    type: type.type,
    id: 'fixture',
    key: resourceKey(type.type, 'fixture'),
    attributes,
    origin: 'live',
    source: { connector: 'fixture', location: 'fixture' },
    sensitivePaths: [],
  } as Resource;
}
