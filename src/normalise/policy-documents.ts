import type { PathSegment } from '../model/path.js';
import { recordOrder, type SourceOrder } from '../model/source-order.js';
import {
  escapeMarkers,
  isPlainObject,
  isSensitive,
  isUnknown,
  setOwnValue,
  type Value,
} from '../model/value.js';
import { canonicalJson, sortCanonical } from '../util/canonical-json.js';
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
    const order: SourceOrder = new Map();
    const path: PathSegment[] = [];
    for (const key of Object.keys(resource.attributes)) {
      path.push(key);
      resource.attributes[key] = normaliseValue(resource.attributes[key] ?? null, path, order);
      path.pop();
    }
    if (order.size > 0) resource.sourceOrder = order;
  },
};

const LIST_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);
const PRINCIPAL_KEYS = new Set(['Principal', 'NotPrincipal']);

/** `path` is where `value` is, kept as one stack for the whole walk (pushed and popped, never copied). */
function normaliseValue(value: Value, path: PathSegment[], order: SourceOrder): Value {
  if (typeof value === 'string') return parsePolicyString(value, path, order) ?? value;
  if (Array.isArray(value)) {
    // Copied only when an element changes: almost no list holds a policy document.
    let copy: Value[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = value[index] ?? null;
      path.push(index);
      const normalised = normaliseValue(item, path, order);
      path.pop();
      if (normalised !== item) {
        copy ??= value.slice();
        copy[index] = normalised;
      }
    }
    return copy ?? value;
  }
  if (isPlainObject(value) && !isUnknown(value) && !isSensitive(value)) {
    if (isPolicyDocument(value)) return canonicalPolicy(value, path, order);
    for (const key of Object.keys(value)) {
      path.push(key);
      value[key] = normaliseValue(value[key] ?? null, path, order);
      path.pop();
    }
  }
  return value;
}

function parsePolicyString(text: string, path: PathSegment[], order: SourceOrder): Value | undefined {
  const start = text.trimStart();
  if (!start.startsWith('{') || !text.includes('Statement')) return undefined;
  // A document nested deeper than any input may be stays a string: every later walk over it would recurse.
  if (jsonNestingExcessOffset(text) >= 0) return undefined;
  try {
    // The text is the source's data: a `{"__unknown": true}` written in it is not driftwarden's marker, and must
    // not make a statement unknown and so hide it from the rules.
    const parsed = escapeMarkers(JSON.parse(text) as Value);
    return isPlainObject(parsed) && isPolicyDocument(parsed)
      ? canonicalPolicy(parsed, path, order)
      : undefined;
  } catch {
    return undefined;
  }
}

function isPolicyDocument(value: { [key: string]: Value }): boolean {
  return Object.hasOwn(value, 'Statement');
}

/**
 * The canonical document. Given where it is (`path`), it records the source index of each sorted statement in
 * `order`, so that a finding on `Statement[1]` names the statement as the source wrote it.
 */
export function canonicalPolicy(
  document: { [key: string]: Value },
  path?: readonly PathSegment[],
  order?: SourceOrder,
): Value {
  const raw = document.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  if (!path || !order) return { ...document, Statement: sortCanonical(statements.map(canonicalStatement)) };
  const sorted = statements
    .map((statement, index) => {
      const value = canonicalStatement(statement);
      return { value, index, text: canonicalJson(value) };
    })
    .sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : x.index - y.index));
  if (Array.isArray(raw))
    recordOrder(
      order,
      [...path, 'Statement'],
      sorted.map((entry) => entry.index),
    );
  return { ...document, Statement: sorted.map((entry) => entry.value) };
}

/** An unknown or masked part stays as it is: its marker is not a statement, principal or condition to sort. */
function isMarker(value: Value): boolean {
  return isUnknown(value) || isSensitive(value);
}

function canonicalStatement(statement: Value): Value {
  if (!isPlainObject(statement) || isMarker(statement)) return statement;
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
  if (!isPlainObject(value) || isMarker(value)) return value;
  const out: { [key: string]: Value } = {};
  for (const [kind, principals] of Object.entries(value)) setOwnValue(out, kind, asSortedList(principals));
  return out;
}

function canonicalCondition(value: Value): Value {
  if (!isPlainObject(value) || isMarker(value)) return value;
  const out: { [key: string]: Value } = {};
  for (const [operator, clauses] of Object.entries(value)) {
    if (!isPlainObject(clauses) || isMarker(clauses)) {
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
