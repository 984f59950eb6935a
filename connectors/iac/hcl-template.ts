import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { checkLength, LimitExceeded, setOwn } from './limits.js';

/** Iterations of the `%{ for }` directives of one template, nested loops together. */
export const TEMPLATE_ITERATIONS = 1_000_000;

/** What a template needs of the scope: the names its `for` directives bind. */
interface TemplateScope {
  names?: Record<string, Value>;
}

type Node =
  | string
  | { kind: 'interp'; source: string }
  | { kind: 'if'; source: string; then: Node[]; else: Node[] }
  | { kind: 'for'; key?: string; value: string; source: string; body: Node[] };

type Token =
  | { kind: 'text'; text: string }
  | {
      kind: 'interp' | 'if' | 'for' | 'else' | 'endif' | 'endfor';
      source: string;
      strip: [boolean, boolean];
    };

const UNKNOWN = unknown('expression');
const FOR = /^([A-Za-z_][A-Za-z0-9_-]*)(?:\s*,\s*([A-Za-z_][A-Za-z0-9_-]*))?\s+in\s+([\s\S]+)$/;

/**
 * A string template: literal text, `${ ... }` interpolations and the `%{ if }`/`%{ else }`/`%{ endif }` and
 * `%{ for k, v in ... }`/`%{ endfor }` directives, with `~` strip markers and the `$${`/`%%{` escapes
 * (https://developer.hashicorp.com/terraform/language/expressions/strings). A part whose inputs are not known
 * makes the whole string unknown, as does a template this reader cannot follow.
 */
export function renderTemplate<S extends TemplateScope>(
  text: string,
  scope: S,
  expression: (source: string, scope: S) => Value,
): Value {
  const tokens = tokenize(text);
  if (tokens === undefined) return UNKNOWN;
  const nodes = tree(tokens, { at: 0 }, []);
  if (nodes === undefined) return UNKNOWN;
  const out = { text: '', loops: 0 };
  return render(nodes, scope, expression, out) ? out.text : UNKNOWN;
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let literal = '';
  let i = 0;
  const special = /\$\$\{|%%\{|[$%]\{/g;
  for (;;) {
    special.lastIndex = i;
    const match = special.exec(text);
    if (match === null) {
      literal += text.slice(i);
      break;
    }
    const start = match.index;
    literal += text.slice(i, start);
    if (match[0].length === 3) {
      literal += match[0].slice(1);
      i = start + 3;
      continue;
    }
    const end = matchingBrace(text, start + 1);
    if (end === -1) return undefined;
    let inner = text.slice(start + 2, end);
    const strip: [boolean, boolean] = [inner.startsWith('~'), inner.endsWith('~') && inner.length > 1];
    inner = inner.slice(strip[0] ? 1 : 0, strip[1] ? -1 : undefined).trim();
    if (literal) tokens.push({ kind: 'text', text: literal });
    literal = '';
    tokens.push(text[start] === '$' ? { kind: 'interp', source: inner, strip } : directive(inner, strip));
    i = end + 1;
  }
  if (literal) tokens.push({ kind: 'text', text: literal });
  for (const [n, token] of tokens.entries()) {
    if (token.kind === 'text') continue;
    const before = tokens[n - 1];
    const after = tokens[n + 1];
    if (token.strip[0] && before?.kind === 'text') before.text = before.text.trimEnd();
    if (token.strip[1] && after?.kind === 'text') after.text = after.text.trimStart();
  }
  return tokens;
}

function directive(inner: string, strip: [boolean, boolean]): Token {
  const [, keyword = '', rest = ''] = /^([a-z]+)\b\s*([\s\S]*)$/.exec(inner) ?? [];
  if (keyword === 'if' || keyword === 'for') return { kind: keyword, source: rest, strip };
  if (keyword === 'else' || keyword === 'endif' || keyword === 'endfor')
    return { kind: keyword, source: '', strip };
  // An unknown directive: an interpolation that cannot be evaluated, so the template is unknown.
  return { kind: 'interp', source: '%', strip };
}

/** The nodes up to one of `until` (which is left at `position.at`); undefined when the directives do not nest. */
function tree(tokens: Token[], position: { at: number }, until: string[]): Node[] | undefined {
  const nodes: Node[] = [];
  while (position.at < tokens.length) {
    const token = tokens[position.at] as Token;
    if (until.includes(token.kind)) return nodes;
    position.at++;
    if (token.kind === 'text') nodes.push(token.text);
    else if (token.kind === 'interp') nodes.push({ kind: 'interp', source: token.source });
    else if (token.kind === 'if') {
      const then = tree(tokens, position, ['else', 'endif']);
      if (then === undefined) return undefined;
      let otherwise: Node[] | undefined = [];
      if (tokens[position.at]?.kind === 'else') {
        position.at++;
        otherwise = tree(tokens, position, ['endif']);
      }
      if (otherwise === undefined || tokens[position.at++]?.kind !== 'endif') return undefined;
      nodes.push({ kind: 'if', source: token.source, then, else: otherwise });
    } else if (token.kind === 'for') {
      const match = FOR.exec(token.source);
      const body = tree(tokens, position, ['endfor']);
      if (!match || body === undefined || tokens[position.at++]?.kind !== 'endfor') return undefined;
      const [, first = '', second, source = ''] = match;
      nodes.push(
        second
          ? { kind: 'for', key: first, value: second, source, body }
          : { kind: 'for', value: first, source, body },
      );
    } else return undefined;
  }
  return until.length === 0 ? nodes : undefined;
}

function render<S extends TemplateScope>(
  nodes: Node[],
  scope: S,
  expression: (source: string, scope: S) => Value,
  out: { text: string; loops: number },
): boolean {
  for (const node of nodes) {
    if (typeof node === 'string') out.text += node;
    else if (node.kind === 'interp') {
      const part = expression(node.source, scope);
      if (typeof part !== 'string' && typeof part !== 'number' && typeof part !== 'boolean') return false;
      out.text += String(part);
    } else if (node.kind === 'if') {
      const condition = expression(node.source, scope);
      if (typeof condition !== 'boolean') return false;
      if (!render(condition ? node.then : node.else, scope, expression, out)) return false;
    } else {
      const collection = expression(node.source, scope);
      const pairs = Array.isArray(collection)
        ? collection.map((value, index) => [index, value] as const)
        : isPlainObject(collection) && collection.__unknown !== true
          ? Object.keys(collection)
              .sort()
              .map((key) => [key, collection[key] as Value] as const)
          : undefined;
      if (pairs === undefined) return false;
      for (const [key, value] of pairs) {
        if (++out.loops > TEMPLATE_ITERATIONS)
          throw new LimitExceeded(
            `a template loops more than ${TEMPLATE_ITERATIONS.toLocaleString('en')} times`,
          );
        const names: Record<string, Value> = { ...scope.names };
        if (node.key !== undefined) setOwn(names, node.key, key);
        setOwn(names, node.value, value);
        if (!render(node.body, { ...scope, names }, expression, out)) return false;
      }
    }
    checkLength(out.text, 'a string template');
  }
  return true;
}

/** The `}` closing the `{` at `open`, past nested braces and quoted strings; -1 when there is none. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
