import { containsUnknown, unknown, type Value } from '../../src/model/value.js';
import { checkLength, checkSize, LIMITS, LimitExceeded, setOwn } from './limits.js';

/**
 * CloudFormation intrinsic functions, resolved statically against a template's parameter defaults, conditions and
 * mappings. Whatever depends on the deployment (resource attributes, pseudo parameters, imports, parameters
 * without a default) becomes `{"__unknown": true, "reason": "expression"}`.
 */

/** `Ref: AWS::NoValue`: the property or list element is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Resolved = Value | typeof NO_VALUE;

export interface CfnContext {
  /** Parameter values from their defaults; unknown markers for parameters without a usable default. */
  parameters: ReadonlyMap<string, Value>;
  conditions: Record<string, unknown>;
  mappings: Record<string, unknown>;
  resources: Record<string, unknown>;
  conditionValues: Map<string, boolean | undefined>;
  /** The names resources' Refs resolve to, once worked out (a chain of Refs is followed once). */
  names: Map<string, string | undefined>;
  /** Cycle guard for conditions and references being resolved. */
  active: Set<string>;
}

const expression = () => unknown('expression');

// --- Context ------------------------------------------------------------------------------------------------------

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function section(template: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = template[name];
  return isRecord(value) ? value : {};
}

export function createContext(template: Record<string, unknown>): CfnContext {
  const parameters = new Map<string, Value>();
  for (const [name, definition] of Object.entries(section(template, 'Parameters')))
    parameters.set(name, parameterValue(definition));
  return {
    parameters,
    conditions: section(template, 'Conditions'),
    mappings: section(template, 'Mappings'),
    resources: section(template, 'Resources'),
    conditionValues: new Map(),
    names: new Map(),
    active: new Set(),
  };
}

/**
 * A parameter's default. NoEcho parameters are secrets and SSM parameter types hold a parameter name rather than
 * the value: both stay unknown. List types split their comma-separated default, trimming each member.
 */
function parameterValue(definition: unknown): Value {
  if (!isRecord(definition) || definition.Default === undefined || definition.Default === null)
    return expression();
  if (definition.NoEcho === true || String(definition.NoEcho).toLowerCase() === 'true') return expression();
  const type = typeof definition.Type === 'string' ? definition.Type : 'String';
  if (type.startsWith('AWS::SSM::Parameter::Value')) return expression();
  const value = literal(definition.Default);
  if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof value === 'string')
    return value.split(',').map((member) => member.trim());
  return value;
}

function literal(raw: unknown): Value {
  if (Array.isArray(raw)) return raw.map(literal);
  if (isRecord(raw)) return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, literal(v)]));
  return scalar(raw);
}

function scalar(raw: unknown): Value {
  // A dynamic reference ({{resolve:ssm:...}}, {{resolve:secretsmanager:...}}) is read at deploy time.
  if (typeof raw === 'string') return raw.includes('{{resolve:') ? expression() : raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : String(raw);
  if (typeof raw === 'boolean' || raw === null) return raw;
  return null;
}

// --- Resolution ---------------------------------------------------------------------------------------------------

type Handler = (argument: unknown, context: CfnContext) => Resolved;

/** Resolves every intrinsic function in a template value. */
export function resolve(raw: unknown, context: CfnContext): Resolved {
  if (Array.isArray(raw)) {
    const items = raw
      .map((item) => resolve(item, context))
      .filter((item): item is Value => item !== NO_VALUE);
    return checkSize(items, 'a list');
  }
  if (!isRecord(raw)) return scalar(raw);
  const keys = Object.keys(raw);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only !== undefined && (only === 'Ref' || only.startsWith('Fn::'))) {
    const handler = Object.hasOwn(HANDLERS, only) ? HANDLERS[only] : undefined;
    return handler ? handler(raw[only], context) : expression();
  }
  const out: Record<string, Value> = {};
  for (const key of keys) {
    const value = resolve(raw[key], context);
    if (value !== NO_VALUE) setOwn(out, key, value);
  }
  return checkSize(out, 'a mapping');
}

/** Resolves a value that must be present: `AWS::NoValue` where a value is required is unknown. */
function value(raw: unknown, context: CfnContext): Value {
  const resolved = resolve(raw, context);
  return resolved === NO_VALUE ? expression() : resolved;
}

function guarded<T>(key: string, context: CfnContext, fallback: T, run: () => T): T {
  if (context.active.has(key)) return fallback;
  if (context.active.size >= LIMITS.nesting)
    throw new LimitExceeded(`Refs and Conditions refer to each other more than ${LIMITS.nesting} deep`);
  context.active.add(key);
  try {
    return run();
  } finally {
    context.active.delete(key);
  }
}

/** Ref: a parameter's default, the name of a resource whose Ref is a static name property, else unknown. */
function ref(argument: unknown, context: CfnContext): Resolved {
  if (typeof argument !== 'string') return expression();
  if (argument === 'AWS::NoValue') return NO_VALUE;
  const parameter = context.parameters.get(argument);
  // Shared, not copied: values are never changed in place here, and each resource's attributes are detached.
  if (parameter !== undefined) return parameter;
  return resourceName(argument, context) ?? expression();
}

/** Resource types whose Ref returns the name given in a property. */
const REF_NAME_PROPERTY: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::CloudTrail::Trail': 'TrailName',
};

function resourceName(logicalId: string, context: CfnContext): string | undefined {
  const definition = Object.hasOwn(context.resources, logicalId) ? context.resources[logicalId] : undefined;
  if (!isRecord(definition) || typeof definition.Type !== 'string') return undefined;
  const property = REF_NAME_PROPERTY[definition.Type];
  const properties = definition.Properties;
  if (!property || !isRecord(properties) || properties[property] === undefined) return undefined;
  if (context.names.has(logicalId)) return context.names.get(logicalId);
  const found = guarded(`ref:${logicalId}`, context, undefined, () => {
    const name = resolve(properties[property], context);
    return typeof name === 'string' ? name : undefined;
  });
  context.names.set(logicalId, found);
  return found;
}

function isText(item: Resolved): item is string | number | boolean {
  return typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean';
}

/** Fn::Sub: `${Param}`, `${Resource}`, `${Resource.Attribute}`, `${AWS::Region}` and `${!Literal}`. */
function sub(argument: unknown, context: CfnContext): Resolved {
  const [template, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
  if (typeof template !== 'string') return expression();
  let known = true;
  let length = template.length;
  const text = template.replace(/\$\{([^}]*)\}/g, (match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const resolved = subVariable(name.trim(), variables, context);
    if (!isText(resolved)) {
      known = false;
      return match;
    }
    length += String(resolved).length;
    checkLength(length, 'Fn::Sub');
    return String(resolved);
  });
  return known ? scalar(text) : expression();
}

function subVariable(name: string, variables: unknown, context: CfnContext): Resolved {
  if (isRecord(variables) && Object.hasOwn(variables, name)) return resolve(variables[name], context);
  if (name.includes('.')) return expression();
  return ref(name, context);
}

function join(argument: unknown, context: CfnContext): Resolved {
  if (!Array.isArray(argument) || argument.length !== 2) return expression();
  const delimiter = value(argument[0], context);
  const parts = value(argument[1], context);
  if (typeof delimiter !== 'string' || !Array.isArray(parts) || !parts.every(isText)) return expression();
  let length = 0;
  for (const part of parts) length += String(part).length + delimiter.length;
  checkLength(length, 'Fn::Join');
  return parts.map(String).join(delimiter);
}

function index(raw: Value): number | undefined {
  const number = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function select(argument: unknown, context: CfnContext): Resolved {
  if (!Array.isArray(argument) || argument.length !== 2) return expression();
  const position = index(value(argument[0], context));
  const list = value(argument[1], context);
  if (position === undefined || !Array.isArray(list)) return expression();
  return list[position] ?? expression();
}

function split(argument: unknown, context: CfnContext): Resolved {
  if (!Array.isArray(argument) || argument.length !== 2) return expression();
  const delimiter = value(argument[0], context);
  const source = value(argument[1], context);
  if (typeof delimiter !== 'string' || delimiter === '' || typeof source !== 'string') return expression();
  return checkSize(source.split(delimiter), 'Fn::Split');
}

function findInMap(argument: unknown, context: CfnContext): Resolved {
  if (!Array.isArray(argument) || argument.length < 3) return expression();
  const keys = argument.slice(0, 3).map((key) => value(key, context));
  let current: unknown = context.mappings;
  for (const key of keys) {
    if (!isText(key)) return expression();
    current = isRecord(current) && Object.hasOwn(current, String(key)) ? current[String(key)] : undefined;
  }
  const fallback = isRecord(argument[3]) ? argument[3].DefaultValue : undefined;
  if (current !== undefined) return literal(current);
  return fallback === undefined ? expression() : resolve(fallback, context);
}

function base64(argument: unknown, context: CfnContext): Resolved {
  const text = value(argument, context);
  return typeof text === 'string' ? Buffer.from(text, 'utf8').toString('base64') : expression();
}

function fnIf(argument: unknown, context: CfnContext): Resolved {
  if (!Array.isArray(argument) || argument.length !== 3) return expression();
  const condition = evaluateCondition(argument[0], context);
  if (condition === undefined) return expression();
  return resolve(condition ? argument[1] : argument[2], context);
}

// --- The AWS::LanguageExtensions transform -----------------------------------------------------------------------

/** Fn::Length: the number of elements of a list (a literal, or a Ref to a list parameter). */
function length(argument: unknown, context: CfnContext): Resolved {
  const list = value(argument, context);
  return Array.isArray(list) ? list.length : expression();
}

/** Fn::ToJsonString: the value as compact JSON, when all of it is known. */
function toJsonString(argument: unknown, context: CfnContext): Resolved {
  const resolved = value(argument, context);
  if (typeof resolved !== 'object' || resolved === null || containsUnknown(resolved)) return expression();
  checkSize(resolved, 'Fn::ToJsonString');
  return JSON.stringify(resolved);
}

// --- Conditions ---------------------------------------------------------------------------------------------------

/** A named condition: true or false when it is static, undefined when it depends on the deployment. */
export function evaluateCondition(name: unknown, context: CfnContext): boolean | undefined {
  if (typeof name !== 'string' || !Object.hasOwn(context.conditions, name)) return undefined;
  if (context.conditionValues.has(name)) return context.conditionValues.get(name);
  const result = guarded(`condition:${name}`, context, undefined, () =>
    truth(context.conditions[name], context),
  );
  context.conditionValues.set(name, result);
  return result;
}

function truth(raw: unknown, context: CfnContext): boolean | undefined {
  if (isRecord(raw) && Object.keys(raw).length === 1 && raw.Condition !== undefined)
    return evaluateCondition(raw.Condition, context);
  const resolved = resolve(raw, context);
  if (typeof resolved === 'boolean') return resolved;
  return resolved === 'true' || resolved === 'false' ? resolved === 'true' : undefined;
}

/** CloudFormation compares the values as strings: `!Equals [!Ref Count, 1]` holds for a default of "1". */
function equals(argument: unknown, context: CfnContext): boolean | undefined {
  if (!Array.isArray(argument) || argument.length !== 2) return undefined;
  const [a, b] = argument.map((item) => value(item, context));
  if (a === undefined || b === undefined || containsUnknown(a) || containsUnknown(b)) return undefined;
  const text = (item: Value) => (typeof item === 'object' ? JSON.stringify(item) : String(item));
  return text(a) === text(b);
}

function combine(argument: unknown, context: CfnContext, all: boolean): boolean | undefined {
  if (!Array.isArray(argument) || argument.length === 0) return undefined;
  const results = argument.map((item) => truth(item, context));
  if (results.includes(!all)) return !all;
  return results.every((result) => result === all) ? all : undefined;
}

function not(argument: unknown, context: CfnContext): boolean | undefined {
  if (!Array.isArray(argument) || argument.length !== 1) return undefined;
  const result = truth(argument[0], context);
  return result === undefined ? undefined : !result;
}

const known = (result: boolean | undefined): Value => (result === undefined ? expression() : result);

const HANDLERS: Record<string, Handler> = {
  Ref: ref,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::FindInMap': findInMap,
  'Fn::Base64': base64,
  'Fn::If': fnIf,
  'Fn::Length': length,
  'Fn::ToJsonString': toJsonString,
  'Fn::Equals': (argument, context) => known(equals(argument, context)),
  'Fn::And': (argument, context) => known(combine(argument, context, true)),
  'Fn::Or': (argument, context) => known(combine(argument, context, false)),
  'Fn::Not': (argument, context) => known(not(argument, context)),
};
