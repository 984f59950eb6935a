import { escapeMarkers, isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { jsonNestingExcessOffset } from '../../src/util/depth.js';
import { evaluate, type Scope } from './hcl-expr.js';
import { isPolicyDocument, jsonencode } from './hcl-functions.js';
import { LIMITS, setOwn } from './limits.js';

type Json = { [key: string]: Value };

const UNKNOWN = unknown('expression');

/**
 * data "aws_iam_policy_document", rendered as the AWS provider renders it (internal/service/iam/
 * policy_document_data_source.go and iam_policy_model.go in hashicorp/terraform-provider-aws): the statements of
 * `source_policy_documents`, then its own `statement` blocks (the static ones, then those `dynamic "statement"`
 * makes), then those of `override_policy_documents`, each statement with a Sid replacing an earlier one with the
 * same Sid. Its JSON text when every part is known; otherwise the document with its unknown parts as typed leaves,
 * as `jsonencode` keeps them: a statement, a list element or a condition value that is not known is unknown, the
 * rest is known. A document whose statements cannot be told at all (an unknown `dynamic` for_each) keeps the
 * known ones and one unknown statement for the rest.
 */
export function renderPolicyDocument(body: Record<string, unknown>, scope: Scope): Value {
  const { dynamic, ...rest } = body;
  const own = evaluate(rest, scope);
  if (!isPlainObject(own) || isUnknown(own)) return UNKNOWN;
  const produced = dynamic === undefined ? {} : evaluate({ dynamic }, scope);
  const blocks = [
    ...blockList(own.statement),
    ...blockList(isPlainObject(produced) ? produced.statement : undefined),
  ];
  const versions: Value[] = [own.version ?? '2012-10-17'];
  let statements: Value[] = [];
  const mergeAll = (documents: Value | undefined) => {
    for (const doc of documentList(documents)) {
      if (isUnknown(doc)) {
        statements = mergeStatements(statements, [UNKNOWN]);
        continue;
      }
      versions.push(doc.Version ?? '');
      const raw = doc.Statement;
      statements = mergeStatements(statements, Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
    }
  };
  mergeAll(own.source_policy_documents);
  statements = mergeStatements(statements, blocks.map(statement));
  mergeAll(own.override_policy_documents);
  const document: Json = { Version: latest(versions), Statement: statements };
  if (typeof own.policy_id === 'string' || isUnknown(own.policy_id)) document.Id = own.policy_id;
  return jsonencode(document);
}

/** Blocks as hcl2json and `dynamic` give them: a list; an unknown list is one unknown block standing for all. */
function blockList(value: Value | undefined): Value[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  return isUnknown(value) ? [UNKNOWN] : [value];
}

/** `source_policy_documents`/`override_policy_documents`: JSON texts, documents with unknown parts, unknowns. */
function documentList(value: Value | undefined): (Json | typeof UNKNOWN)[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [UNKNOWN];
  const out: (Json | typeof UNKNOWN)[] = [];
  for (const item of value) {
    if (item === null) continue;
    if (isPolicyDocument(item)) out.push(item);
    else if (typeof item === 'string') out.push(parseDocument(item));
    else out.push(UNKNOWN);
  }
  return out;
}

/** A document the code wrote as text; one that is not a JSON object, or nests too deeply, is unknown. */
function parseDocument(text: string): Json | typeof UNKNOWN {
  if (jsonNestingExcessOffset(text, LIMITS.nesting) >= 0) return UNKNOWN;
  try {
    const parsed = escapeMarkers(JSON.parse(text) as Value);
    return isPlainObject(parsed) ? parsed : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/**
 * IAMPolicyDoc.Merge: a statement with a Sid replaces the earlier one with that Sid, any other is appended. An
 * unknown statement, or one whose Sid is unknown, may replace any statement with a Sid of the earlier documents
 * (not of its own: the provider refuses a document whose own Sids repeat): those become unknown, and it is
 * appended.
 */
function mergeStatements(into: Value[], added: Value[]): Value[] {
  const out = [...into];
  const mine = new Set<number>();
  for (const next of added) {
    const sid = isPlainObject(next) && !isUnknown(next) ? (next.Sid ?? '') : UNKNOWN;
    if (typeof sid !== 'string')
      for (const [i, existing] of into.entries())
        if (!mine.has(i) && sidOf(existing) !== '') out[i] = UNKNOWN;
    const at =
      typeof sid === 'string' && sid !== '' ? out.findIndex((existing) => sidOf(existing) === sid) : -1;
    if (at >= 0) out[at] = next;
    mine.add(at >= 0 ? at : out.push(next) - 1);
  }
  return out;
}

function sidOf(statement: Value): Value {
  if (!isPlainObject(statement) || isUnknown(statement)) return '';
  return statement.Sid ?? '';
}

/** The provider keeps the latest Version of the merged documents (they compare as text). */
function latest(versions: Value[]): Value {
  const known = versions.filter((v): v is string => typeof v === 'string');
  return known.length < versions.length ? UNKNOWN : (known.sort().at(-1) ?? UNKNOWN);
}

const LISTS = [
  ['actions', 'Action', false],
  ['not_actions', 'NotAction', false],
  ['resources', 'Resource', true],
  ['not_resources', 'NotResource', true],
] as const;

/** One `statement` block. Empty lists are left out, as the provider leaves them out. */
function statement(block: Value): Value {
  if (!isPlainObject(block) || isUnknown(block)) return UNKNOWN;
  const out: Json = {};
  if (block.sid !== undefined && block.sid !== null && block.sid !== '') out.Sid = block.sid;
  out.Effect = block.effect ?? 'Allow';
  for (const [from, to, variables] of LISTS) {
    const value = block[from];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    out[to] = variables ? policyVariables(value) : value;
  }
  for (const [from, to] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const principals = blockList(block[from]);
    if (principals.length > 0) out[to] = principal(principals);
  }
  const conditions = blockList(block.condition);
  if (conditions.length > 0) out.Condition = condition(conditions);
  return out;
}

/** `&{aws:username}` is written for `${aws:username}`, which Terraform would interpolate. */
function policyVariables(value: Value): Value {
  if (typeof value === 'string') return value.replaceAll('&{', '${');
  return Array.isArray(value) ? value.map(policyVariables) : value;
}

/** Identifiers of one type together; one principal of type AWS or `*` that is only `*` is `"*"`. */
function principal(blocks: Value[]): Value {
  const out: Json = {};
  for (const block of blocks) {
    if (!isPlainObject(block) || typeof block.type !== 'string') return UNKNOWN;
    const identifiers = policyVariables(block.identifiers ?? null);
    const before = Object.hasOwn(out, block.type) ? out[block.type] : undefined;
    setOwn(out, block.type, before === undefined ? identifiers : [...asList(before), ...asList(identifiers)]);
  }
  const [only, ...others] = blocks;
  if (others.length === 0 && isPlainObject(only) && (only.type === 'AWS' || only.type === '*')) {
    const identifiers = asList(out[String(only.type)] ?? null);
    if (identifiers.length === 1 && identifiers[0] === '*') return '*';
  }
  return out;
}

/**
 * `condition` blocks by test and variable. A test that is not known makes the whole Condition unknown; a
 * variable that is not known makes its test's clauses unknown; values not known stay unknown values.
 */
function condition(blocks: Value[]): Value {
  const out: Json = {};
  for (const block of blocks) {
    if (!isPlainObject(block) || typeof block.test !== 'string') return UNKNOWN;
    const before = Object.hasOwn(out, block.test) ? out[block.test] : {};
    if (isUnknown(before) || !isPlainObject(before)) continue;
    if (typeof block.variable !== 'string') {
      setOwn(out, block.test, UNKNOWN);
      continue;
    }
    const values = policyVariables(block.values ?? null);
    const earlier = Object.hasOwn(before, block.variable) ? before[block.variable] : undefined;
    // The provider writes a single value over an earlier one and appends a list of several to it.
    const merged =
      earlier === undefined || !Array.isArray(values) || values.length < 2
        ? values
        : [...asList(earlier), ...values];
    setOwn(before, block.variable, merged);
    setOwn(out, block.test, before);
  }
  return out;
}

function asList(value: Value): Value[] {
  return Array.isArray(value) ? value : [value];
}
