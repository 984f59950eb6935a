import type { Value } from '../../src/model/value.js';

/*
 * The syntax of ARM template expressions, the text between the outer brackets of `"[...]"`:
 *   expression := primary ('.' name | '[' expression ']')*
 *   primary    := 'string' | number | name '(' (expression (',' expression)*)? ')'
 * Strings are single-quoted, with '' for a quote. Function names are case-insensitive (kept lower-cased here).
 */

export type Expr =
  | { kind: 'literal'; value: Value }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'member'; target: Expr; key: Expr };

type Token = { kind: 'literal'; value: string | number } | { kind: 'name' | 'punct'; text: string };

const TOKEN = /\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([(),.[\]]))/y;

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(source);
    if (!match) return undefined;
    if (match[1] !== undefined) tokens.push({ kind: 'literal', value: match[1].replaceAll("''", "'") });
    else if (match[2] !== undefined) tokens.push({ kind: 'literal', value: Number(match[2]) });
    else if (match[3] !== undefined) tokens.push({ kind: 'name', text: match[3] });
    else tokens.push({ kind: 'punct', text: match[4] ?? '' });
  }
  return tokens;
}

/** The syntax tree, or undefined when the text is not an expression this reader understands. */
export function parseExpression(source: string): Expr | undefined {
  const tokens = tokenize(source);
  if (!tokens) return undefined;
  const state = { tokens, pos: 0, depth: 0 };
  const expr = parsePostfix(state);
  return expr && state.pos === tokens.length ? expr : undefined;
}

interface ParseState {
  tokens: Token[];
  pos: number;
  /** Nesting of the expression being read: deeper than MAX_DEPTH is given up on rather than overflowing the stack. */
  depth: number;
}

const MAX_DEPTH = 64;

function isPunct(state: ParseState, text: string): boolean {
  const token = state.tokens[state.pos];
  return token?.kind === 'punct' && token.text === text;
}

function parsePostfix(state: ParseState): Expr | undefined {
  if (state.depth >= MAX_DEPTH) return undefined;
  state.depth++;
  const expr = parseMembers(state, parsePrimary(state));
  state.depth--;
  return expr;
}

function parseMembers(state: ParseState, target: Expr | undefined): Expr | undefined {
  let expr = target;
  while (expr) {
    if (isPunct(state, '.')) {
      const token = state.tokens[state.pos + 1];
      if (token?.kind !== 'name') return undefined;
      state.pos += 2;
      expr = { kind: 'member', target: expr, key: { kind: 'literal', value: token.text } };
    } else if (isPunct(state, '[')) {
      state.pos++;
      const key = parsePostfix(state);
      if (!key || !isPunct(state, ']')) return undefined;
      state.pos++;
      expr = { kind: 'member', target: expr, key };
    } else {
      return expr;
    }
  }
  return undefined;
}

function parsePrimary(state: ParseState): Expr | undefined {
  const token = state.tokens[state.pos++];
  if (token?.kind === 'literal') return { kind: 'literal', value: token.value };
  if (token?.kind !== 'name' || !isPunct(state, '(')) return undefined;
  state.pos++;
  const args: Expr[] = [];
  while (!isPunct(state, ')')) {
    if (args.length > 0) {
      if (!isPunct(state, ',')) return undefined;
      state.pos++;
    }
    const arg = parsePostfix(state);
    if (!arg) return undefined;
    args.push(arg);
  }
  state.pos++;
  return { kind: 'call', name: token.text.toLowerCase(), args };
}
