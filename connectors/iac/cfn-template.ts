import {
  type CollectionTag,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  type ScalarTag,
  visit,
  type YAMLError,
  YAMLMap,
} from 'yaml';
import type { Diagnostic } from '../../src/model/report.js';
import { isRecord } from './cfn-intrinsics.js';
import { LIMITS } from './limits.js';
import { wellFormedValue } from './well-formed.js';

/**
 * Reading a CloudFormation template, YAML or JSON, into its root object and the Resources node (for positions).
 * Every problem is a diagnostic at file:line in words of our own: the YAML reader's messages quote the text (a
 * tag, an escape, the line itself), and the text may hold secrets.
 */
export interface Template {
  root: Record<string, unknown>;
  /** The Resources map node, for the position of each resource. */
  resources: YAMLMap;
  lines: LineCounter;
  warnings: Diagnostic[];
}

// --- YAML short-form tags -----------------------------------------------------------------------------------------

const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
];
const CONDITION_FUNCTIONS = ['And', 'Equals', 'Not', 'Or'];

function longForm(key: string, node: unknown): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), node));
  return map;
}

function tagsFor(name: string, scalar: boolean): (ScalarTag | CollectionTag)[] {
  const key = `Fn::${name}`;
  const collections: CollectionTag[] = (['seq', 'map'] as const).map((collection) => ({
    tag: `!${name}`,
    collection,
    resolve: (node) => longForm(key, node),
  }));
  return scalar ? [{ tag: `!${name}`, resolve: (text) => ({ [key]: text }) }, ...collections] : collections;
}

/** `!GetAtt Resource.Attribute`: the attribute itself may contain dots (`Endpoint.Address`). */
function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** Custom tags for the `yaml` package: each short form becomes its long form (`!Ref x` -> `{Ref: x}`). */
export const CFN_TAGS: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (text) => ({ Ref: text }) },
  { tag: '!Condition', resolve: (text) => ({ Condition: text }) },
  { tag: '!GetAtt', resolve: (text) => ({ 'Fn::GetAtt': splitGetAtt(text) }) },
  ...tagsFor('GetAtt', false),
  ...FUNCTIONS.flatMap((name) => tagsFor(name, true)),
  ...CONDITION_FUNCTIONS.flatMap((name) => tagsFor(name, false)),
];

// --- Reading the template -----------------------------------------------------------------------------------------

export function parseError(file: string, line: number, message: string): Diagnostic {
  return { level: 'error', code: 'iac.parse', message, source: `${file}:${line}` };
}

export function lineOf(node: unknown, lines: LineCounter): number {
  return isNode(node) && node.range ? lines.linePos(node.range[0]).line : 1;
}

/** What each of the YAML reader's error codes means, in words that quote nothing. */
const YAML_PROBLEMS: Record<string, string> = {
  ALIAS_PROPS: 'an alias cannot have a tag or an anchor',
  BAD_ALIAS: 'an alias names no anchor defined before it',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its collection',
  BAD_DIRECTIVE: 'an invalid directive',
  BAD_DQ_ESCAPE: 'an invalid escape in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection used as a key',
  BLOCK_IN_FLOW: 'a block collection inside a flow collection',
  DUPLICATE_KEY: 'a key appears twice in one mapping',
  IMPOSSIBLE: 'unreadable input',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a closing character is missing',
  MULTILINE_IMPLICIT_KEY: 'a key spans lines',
  MULTIPLE_ANCHORS: 'more than one anchor on a node',
  MULTIPLE_DOCS: 'more than one document',
  MULTIPLE_TAGS: 'more than one tag on a node',
  NON_STRING_KEY: 'a key that is not a string',
  TAB_AS_INDENT: 'a tab used for indentation',
  TAG_RESOLVE_FAILED: 'a tag this reader does not know',
  UNEXPECTED_TOKEN: 'unexpected content',
};

/** The YAML reader's messages that quote nothing: fixed phrases, or phrases naming only a kind of collection. */
const CONSTANT_MESSAGES = new RegExp(
  `^(?:${[
    'All (?:mapping|sequence) items must start at the same column',
    'Flow (?:map|sequence) in block collection must be sufficiently indented and end with a [}\\]]',
    'Tabs are not allowed as indentation',
    'Map keys must be unique',
    'Source contains multiple documents; please use YAML\\.parseAllDocuments\\(\\)',
    'Block collections are not allowed within flow collections',
    'Implicit (?:map )?keys (?:need to|of flow sequence pairs need to) (?:be on a single line|be followed by map values)',
    'Missing (?:closing [\'"]quote|, (?:or : )?between flow (?:map|sequence) items|space after : in flow (?:map|sequence))',
    'Unexpected , in flow (?:map|sequence)',
    'Unexpected empty item in flow (?:map|sequence)',
    'Sequence item without - indicator',
    'Nested mappings are not allowed in compact mappings',
    'A block sequence may not be used as an implicit map key',
    'A node can have at most one (?:anchor|tag)',
    'An alias node must not specify any properties',
    'Comments must be separated from other tokens by white space characters',
    'Tags and anchors must be separated from the next token by white space',
    'Block scalar values in collections must be indented',
    'Flow end indicator should be more indented than parent',
  ].join('|')})$`,
);

/** The reader's own message when it is a fixed phrase; else what its error code means. Never a quote. */
function yamlProblem(error: YAMLError): string {
  if (error.code === 'RESOURCE_EXHAUSTION') return `nested deeper than ${LIMITS.nesting} levels`;
  const first = (error.message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '');
  if (CONSTANT_MESSAGES.test(first)) return first;
  return YAML_PROBLEMS[error.code] ?? 'syntax error';
}

export function readTemplate(text: string, file: string): Template | Diagnostic {
  const format = !/\.ya?ml$/i.test(file) && /^\s*[{[]/.test(text) ? 'JSON' : 'YAML';
  const jsonError = format === 'JSON' ? strictJsonError(text) : undefined;
  if (jsonError) {
    const { line, column } = position(text, jsonError.offset);
    return parseError(file, line, `invalid JSON at line ${line}, column ${column}: ${jsonError.problem}`);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { customTags: CFN_TAGS, lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    const column = lines.linePos(error.pos[0]).col;
    if (error.code === 'RESOURCE_EXHAUSTION')
      return parseError(file, line, `nested deeper than ${LIMITS.nesting} levels at line ${line}`);
    return parseError(
      file,
      line,
      `invalid ${format} at line ${line}, column ${column}: ${yamlProblem(error)}`,
    );
  }
  const contents = document.contents;
  const deep = tooDeep(contents, lines);
  if (deep !== undefined)
    return parseError(file, deep, `nested deeper than ${LIMITS.nesting} levels at line ${deep}`);
  if (!isMap(contents)) {
    const line = lineOf(contents, lines);
    const problem = contents ? `is not a mapping (line ${line})` : 'is empty (line 1)';
    return parseError(file, line, `the template ${problem}`);
  }
  const section = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources');
  if (!section) return parseError(file, 1, 'the template has no Resources section (line 1)');
  const line = lineOf(section.key, lines);
  if (!isMap(section.value)) return parseError(file, line, `Resources at line ${line} is not a mapping`);
  let root: unknown;
  try {
    root = document.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch {
    // The only thing toJS refuses here: aliases that expand past maxAliasCount (an alias bomb).
    const at = firstAlias(document.contents, lines);
    return parseError(
      file,
      at,
      `YAML aliases expand past ${LIMITS.yamlAliases} references (line ${at}); not read`,
    );
  }
  const warnings = document.warnings.map((warning): Diagnostic => {
    const at = lines.linePos(warning.pos[0]).line;
    const message = `${format} warning at line ${at}: ${yamlProblem(warning)}`;
    return { level: 'warning', code: 'iac.parse', message, source: `${file}:${at}` };
  });
  // Lone surrogates (`"\ud800"`) have no UTF-8 form, and would make the policy engine reject a whole batch.
  const clean = wellFormedValue(root);
  return { root: isRecord(clean) ? clean : {}, resources: section.value, lines, warnings };
}

/** The line of the first node nested deeper than the limit, walking without recursion. */
function tooDeep(contents: unknown, lines: LineCounter): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (depth > LIMITS.nesting) return lineOf(node, lines);
    if (isCollection(node))
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          stack.push({ node: item.key, depth: depth + 1 });
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
  }
  return undefined;
}

function firstAlias(contents: unknown, lines: LineCounter): number {
  let line = 1;
  visit(contents as Parameters<typeof visit>[0], {
    Alias(_, node) {
      line = lineOf(node, lines);
      return visit.BREAK;
    },
  });
  return line;
}

// --- Strict JSON -------------------------------------------------------------------------------------------------

const JSON_TOKEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters.
  /[ \t\n\r]*(?:([{[])|([}\]])|(,)|(:)|("(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null))/y;

/**
 * The first JSON syntax error, or undefined. CloudFormation reads a JSON template strictly, where YAML would take
 * trailing commas and comments; and JSON.parse's messages vary between Node versions, some without a position
 * and some quoting the text. Nesting deeper than the limit is an error too, before the YAML reader recurses.
 */
function strictJsonError(text: string): { offset: number; problem: string } | undefined {
  const stack: string[] = [];
  let state = 'value';
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const problemAt = (offset: number) => ({
    offset,
    problem: offset >= text.length ? 'unexpected end of input' : 'unexpected character',
  });
  for (;;) {
    JSON_TOKEN.lastIndex = at;
    const token = JSON_TOKEN.exec(text);
    if (!token) {
      while (/[ \t\n\r]/.test(text[at] ?? '')) at++;
      return state === 'end' && at >= text.length ? undefined : problemAt(at);
    }
    const [, open, close, comma, colon, scalar] = token;
    const start = JSON_TOKEN.lastIndex - (open ?? close ?? comma ?? colon ?? scalar ?? '').length;
    at = JSON_TOKEN.lastIndex;
    const value = state === 'value' || state === 'value|close';
    if (open && value) {
      stack.push(open === '{' ? '}' : ']');
      if (stack.length > LIMITS.nesting)
        return { offset: start, problem: `nested deeper than ${LIMITS.nesting} levels` };
      state = open === '{' ? 'key|close' : 'value|close';
    } else if (scalar && value) state = stack.length > 0 ? 'next' : 'end';
    else if (scalar?.startsWith('"') && state.startsWith('key')) state = 'colon';
    else if (colon && state === 'colon') state = 'value';
    else if (comma && state === 'next') state = stack.at(-1) === '}' ? 'key' : 'value';
    else if (close && close === stack.at(-1) && (state === 'next' || state.endsWith('|close'))) {
      stack.pop();
      state = stack.length > 0 ? 'next' : 'end';
    } else return problemAt(start);
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
