import {
  type CollectionTag,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  type ScalarTag,
  YAMLMap,
} from 'yaml';
import type { Diagnostic } from '../../src/model/report.js';
import { parseInlineWaivers } from '../../src/policy/waivers.js';
import {
  type CfnContext,
  createContext,
  evaluateCondition,
  isRecord,
  NO_VALUE,
  resolve,
} from './cfn-intrinsics.js';
import { mapCfnResource } from './cfn-map.js';
import type { CodeResource, ParsedFile } from './types.js';

/**
 * CloudFormation templates, YAML (with the short-form intrinsic tags) or JSON, read with the `yaml` package (JSON
 * is YAML 1.2). Each modelled resource becomes a CodeResource in Terraform's vocabulary (see cfn-map.ts), with the
 * intrinsic functions resolved against the parameter defaults (see cfn-intrinsics.ts), at the line of its logical
 * id. Bad input never throws: it is one `iac.parse` error diagnostic and no resources.
 */
export function parseCloudFormation(text: string, file: string): ParsedFile {
  try {
    const template = readTemplate(text, file);
    if ('level' in template) return { resources: [], diagnostics: [template] };
    return readResources(template, text, file);
  } catch (error) {
    // A resource-exhaustion guard of the YAML reader (too many aliases), or anything unforeseen.
    const problem = error instanceof Error ? headline(error.message) : 'unreadable input';
    return {
      resources: [],
      diagnostics: [parseError(file, 1, `the template could not be read (line 1): ${problem}`)],
    };
  }
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

interface Template {
  root: Record<string, unknown>;
  /** The Resources map node, for the position of each resource. */
  resources: YAMLMap;
  lines: LineCounter;
  warnings: Diagnostic[];
}

function parseError(file: string, line: number, message: string): Diagnostic {
  return { level: 'error', code: 'iac.parse', message, source: `${file}:${line}` };
}

/** The first line of a parser message, without its position suffix: later lines quote the file. */
function headline(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/:$/, '') || 'syntax error';
}

function lineOf(node: unknown, lines: LineCounter): number {
  return isNode(node) && node.range ? lines.linePos(node.range[0]).line : 1;
}

function readTemplate(text: string, file: string): Template | Diagnostic {
  const format = !/\.ya?ml$/i.test(file) && /^\s*[{[]/.test(text) ? 'JSON' : 'YAML';
  const jsonError = format === 'JSON' ? jsonErrorOffset(text) : -1;
  if (jsonError >= 0) {
    const { line, column } = position(text, jsonError);
    const problem = jsonError >= text.length ? 'unexpected end of input' : 'unexpected character';
    return parseError(file, line, `invalid JSON at line ${line}, column ${column}: ${problem}`);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { customTags: CFN_TAGS, lineCounter: lines, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
    return parseError(
      file,
      line,
      `invalid ${format} at line ${line}, column ${col}: ${headline(error.message)}`,
    );
  }
  const contents = document.contents;
  if (!isMap(contents)) {
    const line = lineOf(contents, lines);
    const problem = contents ? `is not a mapping (line ${line})` : 'is empty (line 1)';
    return parseError(file, line, `the template ${problem}`);
  }
  const section = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources');
  if (!section) return parseError(file, 1, 'the template has no Resources section (line 1)');
  const line = lineOf(section.key, lines);
  if (!isMap(section.value)) return parseError(file, line, `Resources at line ${line} is not a mapping`);
  const root: unknown = document.toJS();
  const warnings = document.warnings.map((warning): Diagnostic => {
    const at = warning.linePos?.[0]?.line ?? 1;
    const message = `${format} warning at line ${at}: ${headline(warning.message)}`;
    return { level: 'warning', code: 'iac.parse', message, source: `${file}:${at}` };
  });
  return { root: isRecord(root) ? root : {}, resources: section.value, lines, warnings };
}

// --- Strict JSON -------------------------------------------------------------------------------------------------

const JSON_TOKEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters.
  /[ \t\n\r]*(?:([{[])|([}\]])|(,)|(:)|("(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null))/y;

/**
 * The offset of the first JSON syntax error, or -1. CloudFormation reads a JSON template strictly, where YAML would
 * take trailing commas and comments; and JSON.parse's messages vary between Node versions, some without a position
 * and some quoting the text.
 */
function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let state = 'value';
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    JSON_TOKEN.lastIndex = at;
    const token = JSON_TOKEN.exec(text);
    if (!token) {
      while (/[ \t\n\r]/.test(text[at] ?? '')) at++;
      return state === 'end' && at >= text.length ? -1 : at;
    }
    const [, open, close, comma, colon, scalar] = token;
    const start = JSON_TOKEN.lastIndex - (open ?? close ?? comma ?? colon ?? scalar ?? '').length;
    at = JSON_TOKEN.lastIndex;
    const value = state === 'value' || state === 'value|close';
    if (open && value) {
      stack.push(open === '{' ? '}' : ']');
      state = open === '{' ? 'key|close' : 'value|close';
    } else if (scalar && value) state = stack.length > 0 ? 'next' : 'end';
    else if (scalar?.startsWith('"') && state.startsWith('key')) state = 'colon';
    else if (colon && state === 'colon') state = 'value';
    else if (comma && state === 'next') state = stack.at(-1) === '}' ? 'key' : 'value';
    else if (close && close === stack.at(-1) && (state === 'next' || state.endsWith('|close'))) {
      stack.pop();
      state = stack.length > 0 ? 'next' : 'end';
    } else return start;
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

// --- Resources ----------------------------------------------------------------------------------------------------

type Outcome =
  | { kind: 'resource'; resource: CodeResource }
  | { kind: 'warning'; diagnostic: Diagnostic }
  | { kind: 'unmodelled'; type: string }
  | { kind: 'inactive'; id: string };

function readResources(template: Template, text: string, file: string): ParsedFile {
  const context = createContext(template.root);
  const textLines = text.split(/\r?\n/);
  const out: ParsedFile = { resources: [], diagnostics: [...template.warnings] };
  const unmodelled = new Map<string, number>();
  const inactive: string[] = [];
  for (const pair of template.resources.items) {
    const outcome = readResource(pair, template, context, { text, textLines, file });
    if (outcome.kind === 'resource') out.resources.push(outcome.resource);
    else if (outcome.kind === 'warning') out.diagnostics.push(outcome.diagnostic);
    else if (outcome.kind === 'unmodelled')
      unmodelled.set(outcome.type, (unmodelled.get(outcome.type) ?? 0) + 1);
    else inactive.push(outcome.id);
  }
  const count = [...unmodelled.values()].reduce((sum, n) => sum + n, 0);
  if (count > 0) {
    const types = [...unmodelled].map(([type, n]) => `${type} (${n})`).join(', ');
    const message = `${count} resource${count === 1 ? '' : 's'} of types driftwarden does not model: ${types}`;
    out.diagnostics.push({ level: 'info', code: 'iac.unmodelled-types', message, source: file });
  }
  if (inactive.length > 0) {
    const message = `not created with the parameter defaults, their Condition being false: ${inactive.join(', ')}`;
    out.diagnostics.push({ level: 'info', code: 'iac.condition-false', message, source: file });
  }
  return out;
}

interface Source {
  text: string;
  textLines: string[];
  file: string;
}

function readResource(pair: Pair, template: Template, context: CfnContext, source: Source): Outcome {
  const { file, text } = source;
  const line = lineOf(pair.key, template.lines);
  const id = isScalar(pair.key) ? String(pair.key.value) : undefined;
  const resources = template.root.Resources;
  const definition = id !== undefined && isRecord(resources) ? resources[id] : undefined;
  if (id === undefined || !isRecord(definition) || typeof definition.Type !== 'string' || !definition.Type) {
    const message = `resource ${id ?? '(unnamed)'} at line ${line} has no Type; skipped`;
    return {
      kind: 'warning',
      diagnostic: { level: 'warning', code: 'iac.no-type', message, source: `${file}:${line}` },
    };
  }
  // A resource whose condition is false with the defaults is not created.
  if (definition.Condition !== undefined && evaluateCondition(definition.Condition, context) === false)
    return { kind: 'inactive', id };
  const properties = resolve(definition.Properties ?? {}, context);
  const mapped = mapCfnResource(definition.Type, properties === NO_VALUE ? {} : properties);
  if (!mapped) return { kind: 'unmodelled', type: definition.Type };
  const endLine = endLineOf(pair, template.lines, source, line);
  const waivers = parseInlineWaivers(text, file, line, endLine);
  const resource: CodeResource = { ...mapped, address: id, file, line, endLine, waivers };
  return { kind: 'resource', resource };
}

/**
 * The last line of a resource: the end of its value, less trailing blank lines and the comments at or left of the
 * logical id's indentation, which introduce the next resource (its waiver comments among them).
 */
function endLineOf(pair: Pair, lines: LineCounter, { text, textLines }: Source, line: number): number {
  const range = isNode(pair.value) ? pair.value.range : undefined;
  const keyRange = isNode(pair.key) ? pair.key.range : undefined;
  if (!range || !keyRange) return line;
  let end = range[2];
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  let last = Math.max(line, lines.linePos(Math.max(end - 1, 0)).line);
  const indent = lines.linePos(keyRange[0]).col - 1;
  const introducesNext = (source: string) => {
    const comment = /^(\s*)#/.exec(source);
    return source.trim() === '' || (comment !== null && (comment[1] ?? '').length <= indent);
  };
  while (last > line && introducesNext(textLines[last - 1] ?? '')) last--;
  return last;
}
