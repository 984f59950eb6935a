import { isPlainObject, isSensitive, isUnknown, setOwnValue, type Value } from '../model/value.js';
import { sortCanonical } from '../util/canonical-json.js';
import { jsonNestingExcessOffset } from '../util/depth.js';
import type { NormalisePass } from './pass.js';

/**
 * IAM-style policy documents (IAM, S3 bucket, KMS key, SNS and SQS policies) are compared parsed and canonical:
 * a JSON string becomes an object, `Statement` is always a list, Action / Resource / Principal values and condition
 * values are sorted lists (a single string and a one-element list mean the same to AWS), and key order is
 * irrelevant. Policies then read the same structure whatever the source.
 */
export const policyDocumentsPass: NormalisePass = {
  name: 'policy-documents',
  apply(resource) {
    for (const key of Object.keys(resource.attributes)) {
      resource.attributes[key] = normaliseValue(resource.attributes[key] ?? null);
    }
  },
};

const LIST_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);
const PRINCIPAL_KEYS = new Set(['Principal', 'NotPrincipal']);

function normaliseValue(value: Value): Value {
  if (typeof value === 'string') return parsePolicyString(value) ?? value;
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (isPlainObject(value) && !isUnknown(value) && !isSensitive(value)) {
    if (isPolicyDocument(value)) return canonicalPolicy(value);
    for (const key of Object.keys(value)) value[key] = normaliseValue(value[key] ?? null);
  }
  return value;
}

function parsePolicyString(text: string): Value | undefined {
  const start = text.trimStart();
  if (!start.startsWith('{') || !text.includes('Statement')) return undefined;
  // A document nested deeper than any input may be stays a string: every later walk over it would recurse.
  if (jsonNestingExcessOffset(text) >= 0) return undefined;
  try {
    const parsed = JSON.parse(text) as Value;
    return isPlainObject(parsed) && isPolicyDocument(parsed) ? canonicalPolicy(parsed) : undefined;
  } catch {
    return undefined;
  }
}

function isPolicyDocument(value: { [key: string]: Value }): boolean {
  return Object.hasOwn(value, 'Statement');
}

export function canonicalPolicy(document: { [key: string]: Value }): Value {
  const raw = document.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return { ...document, Statement: sortCanonical(statements.map(canonicalStatement)) };
}

function canonicalStatement(statement: Value): Value {
  if (!isPlainObject(statement)) return statement;
  const out: { [key: string]: Value } = {};
  for (const [key, value] of Object.entries(statement)) {
    if (LIST_KEYS.has(key)) out[key] = asSortedList(value);
    else if (PRINCIPAL_KEYS.has(key)) out[key] = canonicalPrincipal(value);
    else if (key === 'Condition') out[key] = canonicalCondition(value);
    else setOwnValue(out, key, value);
  }
  return out;
}

function asSortedList(value: Value): Value {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return value;
  const unique = new Map(value.map((item) => [JSON.stringify(item), item]));
  return sortCanonical([...unique.values()]);
}

/** Condition values are strings to IAM: `true` and `"true"`, `3600` and `"3600"` mean the same. */
function asConditionList(value: Value): Value {
  const scalarToString = (item: Value): Value =>
    typeof item === 'boolean' || typeof item === 'number' ? String(item) : item;
  return asSortedList(Array.isArray(value) ? value.map(scalarToString) : scalarToString(value));
}

function canonicalPrincipal(value: Value): Value {
  if (!isPlainObject(value)) return value;
  const out: { [key: string]: Value } = {};
  for (const [kind, principals] of Object.entries(value)) setOwnValue(out, kind, asSortedList(principals));
  return out;
}

function canonicalCondition(value: Value): Value {
  if (!isPlainObject(value)) return value;
  const out: { [key: string]: Value } = {};
  for (const [operator, clauses] of Object.entries(value)) {
    if (!isPlainObject(clauses)) {
      setOwnValue(out, operator, clauses);
      continue;
    }
    const normalised: { [key: string]: Value } = {};
    for (const [conditionKey, conditionValue] of Object.entries(clauses)) {
      setOwnValue(normalised, conditionKey, asConditionList(conditionValue));
    }
    setOwnValue(out, operator, normalised);
  }
  return out;
}
