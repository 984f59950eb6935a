import type { Value } from '../../src/model/value.js';
import { LIMITS } from './limits.js';
import { wellFormed } from './well-formed.js';

/*
 * A small JSON reader for ARM templates. It differs from JSON.parse in three ways: it skips `//` and `/* *\/`
 * comments outside strings, it takes raw line breaks (and other control characters) inside strings, as the
 * deployment engine does, and it records the 1-based first and last line of every object and array, so that a
 * resource can point at its opening brace and inline waivers can be read.
 */

export interface Span {
  line: number;
  endLine: number;
}

export interface JsonDocument {
  value: Value;
  /** The span of each object and array of `value`, by identity. */
  spans: WeakMap<object, Span>;
}

export interface JsonFailure {
  line: number;
  column: number;
  /** What is wrong, never a quote of the text. */
  problem: string;
}

export type JsonResult = { ok: true; document: JsonDocument } | { ok: false; error: JsonFailure };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: readonly (readonly [string, Value])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

interface Reader {
  text: string;
  pos: number;
  depth: number;
  lineStarts: number[];
  spans: WeakMap<object, Span>;
}

export function parseJsonWithComments(text: string): JsonResult {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  const reader: Reader = {
    text,
    pos: text.charCodeAt(0) === 0xfeff ? 1 : 0,
    depth: 0,
    lineStarts,
    spans: new WeakMap(),
  };
  try {
    const value = readValue(reader);
    skipTrivia(reader);
    if (reader.pos < text.length)
      throw new SyntaxProblem(reader.pos, 'unexpected content after the JSON value');
    return { ok: true, document: { value, spans: reader.spans } };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const line = lineOf(reader, error.offset);
    const column = error.offset - (lineStarts[line - 1] ?? 0) + 1;
    return { ok: false, error: { line, column, problem: error.problem } };
  }
}

function lineOf(reader: Reader, offset: number): number {
  let low = 0;
  let high = reader.lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((reader.lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function skipTrivia(reader: Reader): void {
  const { text } = reader;
  while (reader.pos < text.length) {
    const char = text[reader.pos];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      reader.pos++;
    } else if (text.startsWith('//', reader.pos)) {
      const end = text.indexOf('\n', reader.pos);
      reader.pos = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', reader.pos)) {
      const end = text.indexOf('*/', reader.pos + 2);
      if (end < 0) throw new SyntaxProblem(reader.pos, 'unterminated comment');
      reader.pos = end + 2;
    } else {
      return;
    }
  }
}

function readValue(reader: Reader): Value {
  skipTrivia(reader);
  const char = reader.text[reader.pos];
  if (char === undefined) throw new SyntaxProblem(reader.pos, 'unexpected end of input');
  if (char === '{' || char === '[') return readContainer(reader, char);
  if (char === '"') return readString(reader);
  if (char === '-' || (char >= '0' && char <= '9')) return readNumber(reader);
  for (const [word, value] of LITERALS) {
    if (reader.text.startsWith(word, reader.pos)) {
      reader.pos += word.length;
      return value;
    }
  }
  throw new SyntaxProblem(reader.pos, 'expected a value');
}

function readContainer(reader: Reader, open: '{' | '['): Value {
  const start = reader.pos;
  if (++reader.depth > LIMITS.nesting)
    throw new SyntaxProblem(start, `nested deeper than ${LIMITS.nesting} levels`);
  reader.pos++;
  const value = open === '{' ? readMembers(reader) : readElements(reader);
  reader.depth--;
  reader.spans.set(value, { line: lineOf(reader, start), endLine: lineOf(reader, reader.pos - 1) });
  return value;
}

function readMembers(reader: Reader): { [key: string]: Value } {
  const object: { [key: string]: Value } = {};
  skipTrivia(reader);
  if (reader.text[reader.pos] === '}') {
    reader.pos++;
    return object;
  }
  for (;;) {
    skipTrivia(reader);
    if (reader.text[reader.pos] !== '"') throw new SyntaxProblem(reader.pos, 'expected a property name');
    const key = readString(reader);
    skipTrivia(reader);
    if (reader.text[reader.pos] !== ':') throw new SyntaxProblem(reader.pos, "expected ':'");
    reader.pos++;
    // defineProperty, not assignment: a key named __proto__ must stay a plain property.
    Object.defineProperty(object, key, {
      value: readValue(reader),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (endOfList(reader, '}')) return object;
  }
}

function readElements(reader: Reader): Value[] {
  const array: Value[] = [];
  skipTrivia(reader);
  if (reader.text[reader.pos] === ']') {
    reader.pos++;
    return array;
  }
  for (;;) {
    array.push(readValue(reader));
    if (endOfList(reader, ']')) return array;
  }
}

/** After a member or element: true at the closing bracket, false after a comma. */
function endOfList(reader: Reader, close: '}' | ']'): boolean {
  skipTrivia(reader);
  const char = reader.text[reader.pos];
  reader.pos++;
  if (char === close) return true;
  if (char === ',') return false;
  throw new SyntaxProblem(
    reader.pos - 1,
    char === undefined ? 'unexpected end of input' : `expected ',' or '${close}'`,
  );
}

function readString(reader: Reader): string {
  const { text } = reader;
  const start = reader.pos;
  let raw = false;
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) {
      if (text.charCodeAt(index + 1) < 0x20) throw new SyntaxProblem(index, 'invalid escape in a string');
      index++;
    } else if (code < 0x20) raw = true;
    else if (code === 0x22) {
      reader.pos = index + 1;
      const literal = text.slice(start, index + 1);
      try {
        return wellFormed(JSON.parse(raw ? escapeControls(literal) : literal) as string);
      } catch {
        throw new SyntaxProblem(start, 'invalid escape in a string');
      }
    }
  }
  throw new SyntaxProblem(start, 'unterminated string');
}

/**
 * Raw line breaks, tabs and other control characters in a string, as JSON escapes. ARM reads templates with
 * Json.NET, which takes them as they are: multi-line strings (a deployment script's body) are valid templates
 * (learn.microsoft.com, "Understand the structure and syntax of ARM templates", Multi-line strings).
 */
function escapeControls(literal: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is escaped.
  return literal.replace(/[\x00-\x1f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readNumber(reader: Reader): number {
  NUMBER.lastIndex = reader.pos;
  const match = NUMBER.exec(reader.text);
  if (!match) throw new SyntaxProblem(reader.pos, 'invalid number');
  reader.pos += match[0].length;
  return Number(match[0]);
}
