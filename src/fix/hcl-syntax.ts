import type { Value } from '../model/value.js';
import { CLOSER, type Context, HclScanner, IDENT, MAX_NESTING, NUMBER } from './hcl-scan.js';

export { HclSyntaxError } from './hcl-scan.js';

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

export function parseHcl(text: string): HclBody {
  return new Parser(text).file();
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

class Parser extends HclScanner {
  file(): HclBody {
    // A byte order mark is not code; it stays in the text, and so in the patched file.
    if (this.s.startsWith('\ufeff')) this.i = 1;
    return this.body(false, 0);
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

  /** One expression, up to what ends it in its context. */
  private value(context: Context, depth: number): HclValue {
    if (depth > MAX_NESTING) this.fail(`values nested deeper than ${MAX_NESTING}`);
    this.space(context !== 'attribute');
    const start = this.i;
    const term = this.term(depth);
    this.space(false);
    if (this.ends(context)) return term;
    this.skipExpression(context);
    return { kind: 'expression', start, end: this.i, why: 'expression' };
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
}
