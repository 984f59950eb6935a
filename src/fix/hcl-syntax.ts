import type { Value } from '../model/value.js';

/**
 * Just enough of HCL's native syntax (hashicorp/hcl `hclsyntax/spec.md`) to patch a value where it is written: the
 * blocks and attributes of a file, each with its offsets, and each attribute's expression as a tree of literals
 * (strings without interpolation, numbers, `true`, `false`, `null`, tuples, objects) whose every node keeps its
 * offsets. Anything else (a variable, a reference, a function call, a template, a heredoc, an operator) is kept
 * as one `expression` node saying what it is, and is never evaluated: a patch only replaces literal text.
 *
 * The scanner follows strings, templates, heredocs and comments, so brackets inside them never count. Code comes
 * from repositories, so nesting is bounded, and a file that does not parse is one error naming its line.
 */
export type NotLiteral =
  | 'variable'
  | 'local'
  | 'reference'
  | 'function'
  | 'template'
  | 'heredoc'
  | 'expression';

export type HclValue =
  | { kind: 'literal'; start: number; end: number; value: Value }
  | { kind: 'tuple'; start: number; end: number; items: HclValue[] }
  | { kind: 'object'; start: number; end: number; entries: HclEntry[] }
  | { kind: 'expression'; start: number; end: number; why: NotLiteral };

export interface HclEntry {
  key: string;
  start: number;
  value: HclValue;
}

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  start: number;
  value: HclValue;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  start: number;
  body: HclBody;
}

export interface HclBody {
  items: (HclAttribute | HclBlock)[];
  /** The offset of the closing brace (the end of the text for a file). */
  close: number;
}

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_NESTING = 100;
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const DIGITS = /[0-9]+/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function parseHcl(text: string): HclBody {
  return new Parser(text).file();
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

class Parser {
  private i = 0;
  /** Templates inside interpolations inside templates: each level is a call of `string`. */
  private templates = 0;

  constructor(private readonly s: string) {}

  file(): HclBody {
    return this.body(false, 0);
  }

  private fail(message: string, at = this.i): never {
    throw new HclSyntaxError(message, at);
  }

  private body(closing: boolean, depth: number): HclBody {
    if (depth > MAX_NESTING) this.fail(`blocks nested deeper than ${MAX_NESTING}`);
    const items: HclBody['items'] = [];
    for (;;) {
      this.space(true);
      if (this.i >= this.s.length) {
        if (closing) this.fail('a block is not closed');
        return { items, close: this.s.length };
      }
      if (this.s[this.i] === '}') {
        if (!closing) this.fail('a "}" closes nothing');
        return { items, close: this.i };
      }
      const start = this.i;
      const name = this.ident() ?? this.fail('expected an attribute or a block');
      this.space(false);
      if (this.s[this.i] === '=' && this.s[this.i + 1] !== '=') {
        this.i++;
        items.push({ kind: 'attribute', name, start, value: this.value('attribute', depth) });
        continue;
      }
      const labels: string[] = [];
      while (this.s[this.i] !== '{') {
        const label = this.s[this.i] === '"' ? this.string().value : this.ident();
        if (typeof label !== 'string') this.fail('expected a block label or "{"');
        labels.push(label);
        this.space(false);
      }
      this.i++;
      const body = this.body(true, depth + 1);
      this.i = body.close + 1;
      items.push({ kind: 'block', type: name, labels, start, body });
    }
  }

  /** Blanks and comments; line breaks too when `lines`. */
  private space(lines: boolean): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (lines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        const end = s.indexOf('\n', this.i);
        this.i = end < 0 ? s.length : end;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('a comment is not closed');
        this.i = end + 2;
      } else return;
    }
  }

  private ident(): string | undefined {
    IDENT.lastIndex = this.i;
    const match = IDENT.exec(this.s);
    if (!match) return undefined;
    this.i = IDENT.lastIndex;
    return match[0];
  }

  /** One expression, up to what ends it in its context. */
  private value(context: 'attribute' | 'item' | 'entry', depth: number): HclValue {
    if (depth > MAX_NESTING) this.fail(`values nested deeper than ${MAX_NESTING}`);
    this.space(context !== 'attribute');
    const start = this.i;
    const term = this.term(depth);
    this.space(false);
    if (this.ends(context)) return term;
    this.skipExpression(context);
    return { kind: 'expression', start, end: this.i, why: 'expression' };
  }

  private ends(context: 'attribute' | 'item' | 'entry'): boolean {
    const c = this.s[this.i];
    if (c === undefined || c === '\n') return true;
    if (context === 'attribute') return c === '}';
    if (context === 'item') return c === ',' || c === ']';
    return c === ',' || c === '}';
  }

  private term(depth: number): HclValue {
    const s = this.s;
    const start = this.i;
    const c = s[this.i];
    if (c === '"') {
      const { value } = this.string();
      return value === undefined
        ? { kind: 'expression', start, end: this.i, why: 'template' }
        : { kind: 'literal', start, end: this.i, value };
    }
    if (c === '<' && s[this.i + 1] === '<') {
      this.heredoc();
      return { kind: 'expression', start, end: this.i, why: 'heredoc' };
    }
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(s);
    if (number) {
      this.i = NUMBER.lastIndex;
      return { kind: 'literal', start, end: this.i, value: Number(number[0]) };
    }
    if (c === '[' || c === '{') return this.collection(c, depth);
    if (c === '(') {
      this.skipNested();
      return { kind: 'expression', start, end: this.i, why: 'expression' };
    }
    if (c === '-' || c === '!') {
      this.i++;
      return { kind: 'expression', start, end: this.i, why: 'expression' };
    }
    const name = this.ident();
    if (name === undefined) this.fail('expected a value');
    if (name === 'true' || name === 'false')
      return { kind: 'literal', start, end: this.i, value: name === 'true' };
    if (name === 'null') return { kind: 'literal', start, end: this.i, value: null };
    this.space(false);
    if (s[this.i] === '(') {
      this.skipNested();
      return { kind: 'expression', start, end: this.i, why: 'function' };
    }
    this.traversal();
    const why = name === 'var' ? 'variable' : name === 'local' ? 'local' : 'reference';
    return { kind: 'expression', start, end: this.i, why };
  }

  /** `.name`, `[index]`, `.*` and `[*]` after a name. */
  private traversal(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === '.') {
        this.i++;
        if (this.s[this.i] === '*') this.i++;
        else if (this.ident() === undefined) {
          DIGITS.lastIndex = this.i;
          if (!DIGITS.test(this.s)) this.fail('expected a name after "."');
          this.i = DIGITS.lastIndex;
        }
      } else if (c === '[') this.skipNested();
      else return;
    }
  }

  private collection(open: '[' | '{', depth: number): HclValue {
    const start = this.i;
    this.i++;
    this.space(true);
    IDENT.lastIndex = this.i;
    if (IDENT.exec(this.s)?.[0] === 'for') {
      this.i = start;
      this.skipNested();
      return { kind: 'expression', start, end: this.i, why: 'expression' };
    }
    const close = CLOSER[open];
    const items: HclValue[] = [];
    const entries: HclEntry[] = [];
    let literal = true;
    for (;;) {
      this.space(true);
      if (this.s[this.i] === close) break;
      if (this.i >= this.s.length) this.fail(`a "${open}" is not closed`, start);
      if (open === '[') items.push(this.value('item', depth + 1));
      else {
        const entry = this.entry(depth);
        if (entry) entries.push(entry);
        else literal = false;
      }
      this.space(true);
      if (this.s[this.i] === ',') this.i++;
    }
    this.i++;
    if (!literal) return { kind: 'expression', start, end: this.i, why: 'expression' };
    return open === '['
      ? { kind: 'tuple', start, end: this.i, items }
      : { kind: 'object', start, end: this.i, entries };
  }

  /** An object's `key = value`; undefined when the key is an expression (the object is then not literal). */
  private entry(depth: number): HclEntry | undefined {
    const start = this.i;
    let key: string | undefined;
    if (this.s[this.i] === '"') key = this.string().value;
    else {
      key = this.ident();
      if (key !== undefined && this.s[this.i] === '.') key = undefined;
    }
    if (key === undefined) {
      this.skipExpression('key');
    }
    this.space(false);
    const c = this.s[this.i];
    if (c !== '=' && c !== ':') this.fail('expected "=" or ":" after an object key');
    this.i++;
    const value = this.value('entry', depth + 1);
    return key === undefined ? undefined : { key, start, value };
  }

  /** A quoted string: its value, or undefined when it interpolates (a template). */
  private string(): { value: string | undefined } {
    const s = this.s;
    const start = this.i;
    this.i++;
    let out = '';
    let template = false;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '\n') this.fail('a string is not closed', start);
      if (c === '"') {
        this.i++;
        return { value: template ? undefined : out };
      }
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
        out += `${c}{`;
        this.i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === '{') {
        template = true;
        if (++this.templates > MAX_NESTING) this.fail(`templates nested deeper than ${MAX_NESTING}`);
        this.i++;
        this.skipNested();
        this.templates--;
        continue;
      }
      out += c;
      this.i++;
    }
  }

  private escape(): string {
    const s = this.s;
    const c = s[this.i + 1] ?? '';
    const simple = ESCAPES[c];
    if (simple !== undefined) {
      this.i += 2;
      return simple;
    }
    const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = s.slice(this.i + 2, this.i + 2 + digits);
    if (digits === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== digits) this.fail('an invalid escape');
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.fail('an invalid escape');
    this.i += 2 + digits;
    return String.fromCodePoint(code);
  }

  private heredoc(): void {
    HEREDOC.lastIndex = this.i;
    const match = HEREDOC.exec(this.s);
    if (!match) this.fail('a heredoc without a marker');
    const marker = match[1] as string;
    let at = HEREDOC.lastIndex;
    for (;;) {
      const end = this.s.indexOf('\n', at);
      const line = this.s.slice(at, end < 0 ? this.s.length : end);
      if (line.trim() === marker) {
        this.i = at + line.length;
        return;
      }
      if (end < 0) this.fail(`a heredoc is not closed by ${marker}`);
      at = end + 1;
    }
  }

  /** From an opening bracket to its closer, following strings, heredocs and comments. */
  private skipNested(): void {
    const stack: string[] = [];
    const start = this.i;
    do {
      if (stack.length > MAX_NESTING) this.fail(`brackets nested deeper than ${MAX_NESTING}`);
      const c = this.s[this.i];
      if (c === undefined) this.fail(`a "${this.s[start]}" is not closed`, start);
      if (c === '"') this.string();
      else if (c === '<' && this.s[this.i + 1] === '<' && HEREDOC.test(this.heredocProbe())) this.heredoc();
      else if (c === '#' || (c === '/' && (this.s[this.i + 1] === '/' || this.s[this.i + 1] === '*')))
        this.space(false);
      else {
        const closer = CLOSER[c];
        if (closer !== undefined) stack.push(closer);
        else if (c === stack[stack.length - 1]) stack.pop();
        else if (c === ')' || c === ']' || c === '}') this.fail(`an unexpected "${c}"`);
        this.i++;
      }
    } while (stack.length > 0);
  }

  private heredocProbe(): string {
    HEREDOC.lastIndex = 0;
    return this.s.slice(this.i, this.i + 260);
  }

  /** The rest of an expression that is not a literal, up to what ends it in its context. */
  private skipExpression(context: 'attribute' | 'item' | 'entry' | 'key'): void {
    for (;;) {
      this.space(false);
      const c = this.s[this.i];
      if (context === 'key' ? c === '=' || c === ':' || c === undefined : this.ends(context)) return;
      if (c === '"') this.string();
      else if (c === '<' && this.s[this.i + 1] === '<' && HEREDOC.test(this.heredocProbe())) this.heredoc();
      else if (c === '(' || c === '[' || c === '{') this.skipNested();
      else if (c === ')' || c === ']' || c === '}') this.fail(`an unexpected "${c}"`);
      else this.i++;
    }
  }
}
