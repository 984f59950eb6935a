import { containsUnknown, isPlainObject, isUnknown, unknown, type Value } from '../../src/model/value.js';
import { type Expr, parseExpression } from './arm-expression-parser.js';
import {
  COLLECTION_FUNCTIONS,
  canonicalJson,
  checkJoined,
  type PureFunction,
  strict as strictPure,
} from './arm-functions.js';
import { checkLength, checkSize, LIMITS, LimitExceeded, setOwn, valueSize } from './limits.js';

/*
 * ARM template expressions (`"[concat(parameters('prefix'), 'logs')]"`), evaluated where they are static. What
 * depends on the deployment (resourceGroup(), subscription(), reference(), resourceId(), uniqueString(), ...) and
 * any function not listed in FUNCTIONS becomes `{"__unknown": true, "reason": "expression"}`.
 */

/** Parameter and variable definitions of one template, and the values resolved so far (names case-insensitive). */
interface TemplateValues {
  parameters: Map<string, Value>;
  variables: Map<string, Value>;
  /** Variables defined by a variable copy loop: their definition is `{copy: [loop]}`. */
  copies: Set<string>;
  resolved: Map<string, Value>;
  resolving: Set<string>;
}

export interface ArmScope {
  readonly template: TemplateValues;
  /** Copy loop indexes by lower-cased loop name; undefined when the count is not static. */
  readonly loops: ReadonlyMap<string, number | undefined>;
  /** The resource's own copy loop, which `copyIndex()` without a name refers to. */
  readonly resourceLoop?: string;
}

type ArmFunction = (args: Value[], scope: ArmScope) => Value;

const n = (value: number) => value.toLocaleString('en');

/** How deep the evaluation is: values, expressions, and the variables and parameters they read. */
let depth = 0;

function nested<T>(run: () => T): T {
  if (depth >= LIMITS.nesting)
    throw new LimitExceeded(
      `nested deeper than ${LIMITS.nesting} levels (values, expressions and the variables they read)`,
    );
  depth++;
  try {
    return run();
  } finally {
    depth--;
  }
}

export function unknownValue(): Value {
  return unknown('expression');
}

export function createTemplateScope(parameters: Value | undefined, variables: Value | undefined): ArmScope {
  const template: TemplateValues = {
    parameters: new Map(),
    variables: new Map(),
    copies: new Set(),
    resolved: new Map(),
    resolving: new Set(),
  };
  for (const [name, definition] of entries(parameters))
    template.parameters.set(name.toLowerCase(), definition);
  for (const [name, definition] of entries(variables)) {
    if (name.toLowerCase() === 'copy' && Array.isArray(definition)) {
      // Variable iteration: each entry defines the variable `name` as the list of its copies.
      for (const entry of definition) {
        const loopName = isPlainObject(entry) ? entry.name : undefined;
        if (typeof loopName !== 'string') continue;
        template.variables.set(loopName.toLowerCase(), { copy: [entry] });
        template.copies.add(loopName.toLowerCase());
      }
    } else {
      template.variables.set(name.toLowerCase(), definition);
    }
  }
  return { template, loops: new Map() };
}

/** The scope of one copy of a resource: `index` undefined when the count is not static. */
export function withResourceLoop(scope: ArmScope, name: string, index: number | undefined): ArmScope {
  const loops = new Map(scope.loops);
  loops.set(name.toLowerCase(), index);
  return { template: scope.template, loops, resourceLoop: name.toLowerCase() };
}

/**
 * Evaluates every expression in a JSON value: strings, and inside arrays and objects (with property copy loops).
 * Throws LimitExceeded past the nesting or value size limits (see limits.ts), checked as the value is built.
 */
export function evaluateValue(value: Value, scope: ArmScope): Value {
  if (typeof value === 'string') return evaluateString(value, scope);
  if (Array.isArray(value))
    return nested(() => {
      const sized = sizedBuilder('an array');
      return value.map((item) => sized(evaluateValue(item, scope)));
    });
  if (!isPlainObject(value)) return value;
  return nested(() => {
    const sized = sizedBuilder('an object');
    const out: { [key: string]: Value } = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.toLowerCase() === 'copy' && Array.isArray(item)) {
        for (const loop of item) expandPropertyLoop(loop, scope, out, sized);
      } else {
        setOwn(out, key, sized(evaluateValue(item, scope), key.length));
      }
    }
    return out;
  });
}

/** Counts the parts of a value being built, and stops it as soon as it passes the value size limit. */
function sizedBuilder(what: string): (part: Value, extra?: number) => Value {
  let size = 2;
  return (part, extra = 0) => {
    size += valueSize(part) + extra + 1;
    if (size > LIMITS.valueSize)
      throw new LimitExceeded(`${what} expands past ${n(LIMITS.valueSize)} bytes as JSON`);
    return part;
  };
}

/** A copy count that is a whole number (of any size: the caller holds it to the limits), or undefined. */
export function staticCount(value: Value | undefined, scope: ArmScope): number | undefined {
  const count = value === undefined ? undefined : evaluateValue(value, scope);
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
  return count;
}

function expandPropertyLoop(
  loop: Value,
  scope: ArmScope,
  out: { [key: string]: Value },
  sized: (part: Value, extra?: number) => Value,
): void {
  if (!isPlainObject(loop) || typeof loop.name !== 'string') return;
  const name = loop.name;
  const count = staticCount(loop.count, scope);
  if (count === undefined || loop.input === undefined) {
    setOwn(out, name, unknownValue());
    return;
  }
  if (count > LIMITS.armCopyCount)
    throw new LimitExceeded(
      `the copy loop ${name} asks for ${n(count)} copies, more than ${LIMITS.armCopyCount} (ARM's limit)`,
    );
  const items: Value[] = [];
  for (let index = 0; index < count; index++) {
    const loops = new Map(scope.loops);
    loops.set(name.toLowerCase(), index);
    items.push(sized(evaluateValue(loop.input, { ...scope, loops })));
  }
  setOwn(out, name, items);
}

function evaluateString(text: string, scope: ArmScope): Value {
  if (text.startsWith('[[')) return text.slice(1);
  if (!text.startsWith('[') || !text.endsWith(']') || text.length < 2) return text;
  const expr = parseExpression(text.slice(1, -1));
  return expr ? evaluate(expr, scope) : unknownValue();
}

function entries(value: Value | undefined): [string, Value][] {
  return isPlainObject(value) ? Object.entries(value) : [];
}

// Evaluation.

function evaluate(expr: Expr, scope: ArmScope): Value {
  if (expr.kind === 'literal') return expr.value;
  return nested(() => {
    if (expr.kind === 'member') return member(evaluate(expr.target, scope), evaluate(expr.key, scope));
    const fn = FUNCTIONS.get(expr.name);
    if (!fn) return unknownValue();
    const args = expr.args.map((arg) => evaluate(arg, scope));
    return fn(args, scope);
  });
}

function member(target: Value, key: Value): Value {
  if (Array.isArray(target) && typeof key === 'number') return target[key] ?? unknownValue();
  if (!isPlainObject(target) || isUnknown(target) || typeof key !== 'string') return unknownValue();
  if (Object.hasOwn(target, key)) return target[key] ?? null;
  const lower = key.toLowerCase();
  const found = Object.keys(target).find((name) => name.toLowerCase() === lower);
  return found === undefined ? unknownValue() : (target[found] ?? null);
}

function resolve(kind: 'parameters' | 'variables', name: Value, scope: ArmScope): Value {
  if (typeof name !== 'string') return unknownValue();
  const { template } = scope;
  const definition = template[kind].get(name.toLowerCase());
  const id = `${kind}:${name.toLowerCase()}`;
  const cached = template.resolved.get(id);
  // Shared, not copied: values are never changed in place here, and each resource's attributes are detached.
  if (cached !== undefined) return cached;
  if (definition === undefined || template.resolving.has(id)) return unknownValue();
  template.resolving.add(id);
  const base: ArmScope = { template, loops: new Map() };
  let value: Value;
  try {
    if (kind === 'variables') {
      const evaluated = evaluateValue(definition, base);
      value = template.copies.has(name.toLowerCase()) ? member(evaluated, name) : evaluated;
    } else {
      // A secure parameter's default is a secret written in the template: never read, so it cannot reach a report.
      const type = isPlainObject(definition) && typeof definition.type === 'string' ? definition.type : '';
      const secure = /^secure(string|object)$/i.test(type);
      const fallback = isPlainObject(definition) && !secure ? definition.defaultValue : undefined;
      value = fallback === undefined ? unknownValue() : evaluateValue(fallback, base);
    }
  } finally {
    template.resolving.delete(id);
  }
  template.resolved.set(id, checkSize(value, `${kind}('${name}')`));
  return value;
}

/** Unknown when any argument is unknown, or ARM would give no value; otherwise `fn`. */
function strict(arity: [number, number], fn: PureFunction): ArmFunction {
  return pure(strictPure(arity, fn));
}

function pure(fn: PureFunction): ArmFunction {
  return (args) => fn(args) ?? unknownValue();
}

function formatArgument(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return undefined;
}

function format([template, ...args]: Value[]): Value | undefined {
  if (typeof template !== 'string') return undefined;
  let failed = false;
  let length = template.length;
  const out = template.replace(/\{\{|\}\}|\{(\d+)\}|\{[^}]*\}?/g, (token, index: string | undefined) => {
    if (token === '{{') return '{';
    if (token === '}}') return '}';
    const text = index === undefined ? undefined : formatArgument(args[Number(index)]);
    if (text === undefined) failed = true;
    length += text?.length ?? 0;
    checkLength(length, 'format()');
    return text ?? '';
  });
  return failed ? undefined : out;
}

function concat(args: Value[]): Value | undefined {
  if (args.length > 0 && args.every(Array.isArray)) {
    checkJoined(args, 'concat()');
    return args.flat();
  }
  if (!args.every((arg) => typeof arg === 'string' || typeof arg === 'number')) return undefined;
  checkLength(
    args.reduce<number>((sum, arg) => sum + String(arg).length, 0),
    'concat()',
  );
  return args.join('');
}

function logical(fn: 'every' | 'some'): ArmFunction {
  const decisive = fn === 'some';
  return (args) => {
    if (args.length < 2) return unknownValue();
    if (args.some((arg) => arg === decisive)) return decisive;
    return args.every((arg) => arg === !decisive) ? !decisive : unknownValue();
  };
}

function copyIndex(args: Value[], scope: ArmScope): Value {
  const [first, second] = args;
  const named = typeof first === 'string';
  const loop = named ? first.toLowerCase() : scope.resourceLoop;
  const offset = named ? (second ?? 0) : (first ?? 0);
  const index = loop === undefined ? undefined : scope.loops.get(loop);
  if (index === undefined || typeof offset !== 'number' || args.length > 2) return unknownValue();
  return index + offset;
}

function equals(args: Value[]): Value {
  if (args.length !== 2 || args.some(containsUnknown)) return unknownValue();
  return canonicalJson(args[0] ?? null) === canonicalJson(args[1] ?? null);
}

function ifThenElse([condition, whenTrue, whenFalse, ...rest]: Value[]): Value {
  if (rest.length > 0 || whenTrue === undefined || whenFalse === undefined) return unknownValue();
  return condition === true ? whenTrue : condition === false ? whenFalse : unknownValue();
}

function lookupFunction(kind: 'parameters' | 'variables'): ArmFunction {
  return (args, scope) => (args.length === 1 ? resolve(kind, args[0] ?? null, scope) : unknownValue());
}

const FUNCTIONS: ReadonlyMap<string, ArmFunction> = new Map<string, ArmFunction>([
  ['parameters', lookupFunction('parameters')],
  ['variables', lookupFunction('variables')],
  ['concat', strict([1, Infinity], concat)],
  ['format', strict([1, Infinity], format)],
  ['tolower', strict([1, 1], ([s]) => (typeof s === 'string' ? s.toLowerCase() : undefined))],
  ['toupper', strict([1, 1], ([s]) => (typeof s === 'string' ? s.toUpperCase() : undefined))],
  ['true', strict([0, 0], () => true)],
  ['false', strict([0, 0], () => false)],
  ['not', strict([1, 1], ([b]) => (typeof b === 'boolean' ? !b : undefined))],
  ['equals', equals],
  ['if', ifThenElse],
  ['and', logical('every')],
  ['or', logical('some')],
  ['copyindex', copyIndex],
  ...[...COLLECTION_FUNCTIONS].map(([name, fn]): [string, ArmFunction] => [name, pure(fn)]),
]);
