import { isScalar, type Pair } from 'yaml';
import type { Diagnostic } from '../../src/model/report.js';
import type { Value } from '../../src/model/value.js';
import { createContext, isRecord, resolve } from './cfn-intrinsics.js';
import { lineOf, type Template } from './cfn-template.js';
import { LIMITS, LimitExceeded, setOwn, valueSize } from './limits.js';
import { wellFormed } from './well-formed.js';

/** One resource as the template declares it, or as an `Fn::ForEach` loop makes it; `pair` places it in the file. */
export interface Declared {
  id: string | undefined;
  definition: unknown;
  pair: Pair;
}

const LOOP = 'Fn::ForEach::';

/**
 * The Resources section with its `Fn::ForEach` loops (the AWS::LanguageExtensions transform) expanded, as
 * CloudFormation expands them before it reads the template: for each member of the collection (a list, or a Ref to
 * a CommaDelimitedList parameter's default), the fragment is copied with `${Identifier}` replaced by the member,
 * `&{Identifier}` by the member without its non-alphanumeric characters, and `Ref: Identifier` by the member; a
 * loop in the fragment is expanded in turn. A loop whose collection is not known from the template makes unknown
 * resources: named in a warning, not checked. Each resource a loop makes is at the loop's lines.
 *
 * The transform's behaviour: the CloudFormation Template Reference, `Fn::ForEach`
 * (intrinsic-function-reference-foreach.html), and its examples.
 */
export function expandResources(
  template: Template,
  file: string,
): { declared: Declared[]; diagnostics: Diagnostic[] } {
  const context = createContext(template.root);
  const declared: Declared[] = [];
  const diagnostics: Diagnostic[] = [];
  const resources = template.root.Resources;
  const seen = new Set<string>();
  for (const pair of template.resources.items) {
    const id = isScalar(pair.key) ? wellFormed(String(pair.key.value)) : undefined;
    const definition =
      id !== undefined && isRecord(resources) && Object.hasOwn(resources, id) ? resources[id] : undefined;
    if (!id?.startsWith(LOOP)) {
      if (id !== undefined) seen.add(id);
      declared.push({ id, definition, pair });
      continue;
    }
    const line = lineOf(pair.key, template.lines);
    const warn = (problem: string) =>
      diagnostics.push({
        level: 'warning',
        code: 'iac.cfn-foreach',
        message: `${id} at line ${line} (the AWS::LanguageExtensions transform): ${problem}`,
        source: `${file}:${line}`,
      });
    const state: Expansion = { made: [], unknown: [], copied: 0 };
    try {
      expand(id, definition, context, state);
    } catch (error) {
      if (!(error instanceof LimitExceeded)) throw error;
      warn(`${error.message}; the resources it makes are not checked`);
      continue;
    }
    for (const loop of state.unknown)
      warn(
        `${loop === id ? 'its collection' : `the collection of ${loop}`} is not known from the template; the resources it makes are not checked`,
      );
    for (const made of state.made) {
      if (seen.has(made.id)) {
        warn(`makes ${made.id}, a logical id already declared; not read again`);
        continue;
      }
      seen.add(made.id);
      declared.push({ id: made.id, definition: made.definition, pair });
    }
  }
  return { declared, diagnostics };
}

interface Expansion {
  made: { id: string; definition: unknown }[];
  /** Loops whose collection is not static. */
  unknown: string[];
  /** Size of the fragments copied so far, about their length as JSON. */
  copied: number;
}

function expand(
  name: string,
  loop: unknown,
  context: ReturnType<typeof createContext>,
  state: Expansion,
): void {
  if (!Array.isArray(loop) || loop.length !== 3 || typeof loop[0] !== 'string' || !isRecord(loop[2]))
    throw new LimitExceeded('not a loop of an identifier, a collection and a fragment');
  const [identifier, collection, fragment] = loop as [string, unknown, Record<string, unknown>];
  const members = resolve(collection, context);
  if (!Array.isArray(members) || !members.every((m) => typeof m === 'string' || typeof m === 'number')) {
    state.unknown.push(name);
    return;
  }
  const size = valueSize(fragment as Value, LIMITS.totalValueSize);
  for (const member of members.map(String)) {
    state.copied += size;
    if (state.copied > LIMITS.totalValueSize)
      throw new LimitExceeded(`its copies pass ${LIMITS.totalValueSize.toLocaleString('en')} bytes as JSON`);
    const copy = substitute(fragment, identifier, member);
    if (!isRecord(copy)) continue;
    for (const [key, definition] of Object.entries(copy)) {
      if (key.startsWith(LOOP)) {
        expand(key, definition, context, state);
        continue;
      }
      if (state.made.length >= LIMITS.instances)
        throw new LimitExceeded(`it makes more than ${LIMITS.instances.toLocaleString('en')} resources`);
      state.made.push({ id: key, definition });
    }
  }
}

/** The fragment with the identifier replaced by the member, in keys and strings and as `Ref: Identifier`. */
function substitute(raw: unknown, identifier: string, member: string): unknown {
  const alphanumeric = member.replace(/[^A-Za-z0-9]/g, '');
  const text = (value: string) =>
    value.split(`\${${identifier}}`).join(member).split(`&{${identifier}}`).join(alphanumeric);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref' && value.Ref === identifier) return member;
    const out: Record<string, Value> = {};
    for (const key of keys) setOwn(out, text(key), walk(value[key]) as Value);
    return out;
  };
  return walk(raw);
}
