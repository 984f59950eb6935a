import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { type DynamicScope, expandDynamic, isDynamic } from './hcl-dynamic.js';
import { callFunction } from './hcl-functions.js';
import { BINARY_LEVELS, binary, negate, not } from './hcl-operators.js';
import { matchingBrace, renderTemplate } from './hcl-template.js';
import { checkSize, LIMITS, LimitExceeded, setOwn } from './limits.js';
import { wellFormed } from './well-formed.js';

export { hasUnknown } from './hcl-functions.js';

/**
 * A small evaluator for the HCL expressions hcl2json leaves as `${...}` strings: literals, lists, objects,
 * string templates, references to variables, locals, each/count and (for S3 sub-resources) buckets, and the
 * functions infrastructure code uses to build documents (jsonencode, merge, concat, ...). Anything it cannot know
 * statically is an explicit unknown; an unknown never raises a violation and never counts as drift.
 */
export interface Scope extends DynamicScope {
  var: Record<string, Value>;
  local: Record<string, Value>;
  /** Locals evaluated on first use, in whatever order they refer to each other; takes precedence over `local`. */
  localOf?: (name: string) => Value | undefined;
  each?: { key: Value; value: Value };
  count?: { index: number };
  /** `aws_s3_bucket.data` -> its address, for sub-resources that name their bucket. */
  resourceAddress?: (type: string, name: string) => string | undefined;
  /** `data.aws_iam_policy_document.x.json` -> the rendered document. */
  data?: (type: string, name: string, attribute: string) => Value | undefined;
}

const UNKNOWN = unknown('expression');

/** How deep the evaluation is: values, expressions and the templates inside them. */
let depth = 0;

function nested<T>(run: () => T): T {
  if (depth >= LIMITS.nesting) throw new LimitExceeded(`nested deeper than ${LIMITS.nesting} levels`);
  depth++;
  try {
    return run();
  } finally {
    depth--;
  }
}

/**
 * Evaluates a value as hcl2json produced it: strings may hold `${...}` expressions. Throws LimitExceeded when the
 * value nests too deeply or grows past the value size limit (see limits.ts); the reader reports it at the block.
 */
export function evaluate(value: unknown, scope: Scope): Value {
  if (typeof value === 'string') return evaluateString(value, scope);
  if (Array.isArray(value))
    return nested(() =>
      checkSize(
        value.map((item) => evaluate(item, scope)),
        'a list',
      ),
    );
  if (isPlainObject(value))
    return nested(() => {
      const out: Record<string, Value> = {};
      const dynamic = Object.hasOwn(value, 'dynamic') && isDynamic(value.dynamic) ? value.dynamic : undefined;
      for (const [key, item] of Object.entries(value))
        if (dynamic === undefined || key !== 'dynamic') setOwn(out, key, evaluate(item, scope));
      if (dynamic !== undefined) expandDynamic(out, dynamic, scope, evaluate);
      return checkSize(out, 'an object');
    });
  return (value ?? null) as Value;
}

function evaluateString(text: string, scope: Scope): Value {
  const whole = /^\$\{([\s\S]*)\}$/.exec(text);
  if (whole?.[1] !== undefined && balanced(whole[1])) return parseExpression(whole[1], scope);
  if (!text.includes('${') && !text.includes('%{')) return text;
  return renderTemplate(text, scope, parseExpression);
}

function parseExpression(source: string, scope: Scope): Value {
  try {
    return nested(() => {
      const parser = new Parser(source, scope);
      const value = parser.expression();
      parser.skipSpace();
      return parser.done() ? value : UNKNOWN;
    });
  } catch (error) {
    // What is beyond this evaluator (operators, for expressions) is unknown; a limit is a problem to report.
    if (error instanceof LimitExceeded) throw error;
    return UNKNOWN;
  }
}

class Parser {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly scope: Scope,
  ) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  skipSpace(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (/\s/.test(c)) this.i++;
      else if (c === '#' || (c === '/' && this.s[this.i + 1] === '/'))
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else break;
    }
  }

  expression(): Value {
    const value = this.conditional();
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t' || this.s[this.i] === '\r') this.i++;
    // A newline ends an item in an object or list; what is beyond this evaluator (for expressions, splats) makes
    // the result unknown.
    if (!this.done() && !/[,\]})=:\n#]/.test(this.s[this.i] as string)) throw new Error('operator');
    return value;
  }

  /** `condition ? a : b`: an unknown or non-boolean condition makes the result unknown. */
  private conditional(): Value {
    const condition = this.binary(0);
    if (this.operatorAt(['?']) === undefined) return condition;
    this.i++;
    return nested(() => {
      const yes = this.conditional();
      if (this.operatorAt([':']) === undefined) throw new Error('conditional');
      this.i++;
      const no = this.conditional();
      return typeof condition === 'boolean' ? (condition ? yes : no) : UNKNOWN;
    });
  }

  /** Operators of one precedence level, left to right; a long chain is a loop, not a recursion. */
  private binary(level: number): Value {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const operator = this.operatorAt(operators);
      if (operator === undefined) return left;
      this.i += operator.length;
      left = binary(operator, left, this.binary(level + 1));
    }
  }

  private unary(): Value {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === '!' || (c === '-' && !/[0-9]/.test(this.s[this.i + 1] ?? ''))) {
      this.i++;
      return nested(() => (c === '!' ? not(this.unary()) : negate(this.unary())));
    }
    return this.primary();
  }

  /**
   * The operator of `operators` that comes next, past blanks and line breaks (an operator cannot start an item of
   * a list or object, so looking past a line break never joins two items); the position is left on it.
   */
  private operatorAt(operators: readonly string[]): string | undefined {
    let at = this.i;
    while (at < this.s.length && /\s/.test(this.s[at] as string)) at++;
    const rest = this.s.slice(at, at + 2);
    if (rest.startsWith('//') || rest.startsWith('/*')) return undefined;
    // The longer operators are listed first: `<=` before `<`.
    const operator = operators.find((op) => this.s.startsWith(op, at));
    if (operator === undefined) return undefined;
    this.i = at;
    return operator;
  }

  private primary(): Value {
    return nested(() => this.term());
  }

  private term(): Value {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === '[') return this.list();
    if (c === '{') return this.object();
    if (c === '(') return this.parenthesised();
    if (c !== undefined && /[-0-9]/.test(c)) return this.number();
    const name = this.identifier();
    this.skipSpace();
    if (this.s[this.i] === '(') return this.call(name);
    return this.reference(name);
  }

  private parenthesised(): Value {
    this.i++;
    const value = this.conditional();
    this.skipSpace();
    if (this.s[this.i] !== ')') throw new Error('parenthesis');
    this.i++;
    return value;
  }

  private string(): Value {
    let raw = '';
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') {
      if (this.s[this.i] === '\\') {
        raw += this.s.slice(this.i, this.i + 2);
        this.i += 2;
        continue;
      }
      if (this.s.startsWith('${', this.i)) {
        const end = matchingBrace(this.s, this.i + 1);
        raw += this.s.slice(this.i, end + 1);
        this.i = end + 1;
        continue;
      }
      raw += this.s[this.i++];
    }
    this.i++;
    const unescaped = JSON.parse(
      `"${raw.replace(/\$\{[^}]*\}/g, (m) => m.replaceAll('"', '\\"'))}"`,
    ) as string;
    return evaluateString(wellFormed(unescaped), this.scope);
  }

  private list(): Value {
    this.i++;
    const items: Value[] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === ']') {
        this.i++;
        return checkSize(items, 'a list');
      }
      items.push(this.expression());
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
    }
  }

  private object(): Value {
    this.i++;
    const out: Record<string, Value> = {};
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === '}') {
        this.i++;
        return checkSize(out, 'an object');
      }
      const key = this.s[this.i] === '"' ? this.string() : this.identifier();
      this.skipSpace();
      if (this.s[this.i] !== '=' && this.s[this.i] !== ':') throw new Error('object key');
      this.i++;
      setOwn(out, String(key), this.expression());
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
    }
  }

  private number(): Value {
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!match) throw new Error('number');
    this.i += match[0].length;
    return Number(match[0]);
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.s.slice(this.i));
    if (!match) throw new Error(`identifier at ${this.i}`);
    this.i += match[0].length;
    return match[0];
  }

  private call(name: string): Value {
    this.i++;
    const args: Value[] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === ')') {
        this.i++;
        return callFunction(name, args);
      }
      args.push(this.expression());
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
    }
  }

  private reference(head: string): Value {
    const path: string[] = [head];
    while (this.s[this.i] === '.' || this.s[this.i] === '[') {
      if (this.s[this.i] === '.') {
        this.i++;
        path.push(/^\d+$/.test(this.s.slice(this.i, this.i + 1)) ? String(this.number()) : this.identifier());
      } else {
        this.i++;
        const index = this.expression();
        this.skipSpace();
        this.i++;
        path.push(String(index));
      }
    }
    if (head === 'true' || head === 'false') return head === 'true';
    if (head === 'null') return null;
    return resolveReference(path, this.scope);
  }
}

function resolveReference(path: string[], scope: Scope): Value {
  const [head, second, third, fourth] = path;
  // A null is a value (`var.x == null`); only what is not there is unknown.
  const dig = (value: Value | undefined, rest: string[]): Value => {
    const found = rest.reduce<Value | undefined>((v, key) => own(v, key), value);
    return found === undefined ? UNKNOWN : found;
  };
  // Names an iterator binds (`rule.value` in a dynamic block, `%{ for x in ... }`) hide nothing Terraform knows.
  if (head !== undefined && scope.names && Object.hasOwn(scope.names, head))
    return dig(scope.names[head], path.slice(1));
  if (head === 'var' && second) return dig(own(scope.var, second), path.slice(2));
  if (head === 'local' && second)
    return dig(scope.localOf ? scope.localOf(second) : own(scope.local, second), path.slice(2));
  if (head === 'each' && scope.each && (second === 'key' || second === 'value'))
    return dig(scope.each[second], path.slice(2));
  if (head === 'count' && second === 'index' && scope.count) return scope.count.index;
  if (head === 'data' && second && third && fourth) return scope.data?.(second, third, fourth) ?? UNKNOWN;
  if (head === 'aws_s3_bucket' && second) {
    // A sub-resource names its bucket by reference; the reference resolves to the bucket's address, which is its id
    // in code, so folding finds it. `aws_s3_bucket.x.id`, or `aws_s3_bucket.x["key"].id` with count/for_each.
    const address = scope.resourceAddress?.(head, second);
    if (address && (third === 'id' || third === 'bucket') && fourth === undefined) return address;
    if (address && third !== undefined && (fourth === 'id' || fourth === 'bucket'))
      return `${address}[${/^\d+$/.test(third) ? third : JSON.stringify(third)}]`;
  }
  return UNKNOWN;
}

/** A member or element, never one inherited (`var.constructor` is not Object). */
function own(value: Value | undefined, key: string): Value | undefined {
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  return isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function balanced(inner: string): boolean {
  return matchingBrace(`{${inner}}`, 0) === inner.length + 1;
}
