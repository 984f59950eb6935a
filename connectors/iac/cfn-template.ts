import {
  type CollectionTag,
  type Document,
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
import { indentQuotedContinuations } from './cfn-quoted.js';
import { LIMITS } from './limits.js';
import { position, strictJsonError } from './strict-json.js';
import { wellFormedValue } from './well-formed.js';
import { yamlProblem } from './yaml-messages.js';

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
  /** The text read: the file's, or with quoted scalars' continuation lines indented (see cfn-quoted.ts). */
  text: string;
}

// --- YAML short-form tags -----------------------------------------------------------------------------------------

/**
 * Every short form CloudFormation defines: the intrinsic functions, the AWS::LanguageExtensions functions (Length,
 * ToJsonString, ForEach), and the functions of the Rules section (Contains, EachMemberEquals, EachMemberIn, RefAll,
 * ValueOf, ValueOfAll). cfn-lint reads any `!Name` tag as `Fn::Name` (src/cfnlint/decode/cfn_yaml.py,
 * multi_constructor); these are the names the CloudFormation template reference documents.
 */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'ForEach',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'RefAll',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
  'ValueOf',
  'ValueOfAll',
];
const CONDITION_FUNCTIONS = ['And', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals', 'Not', 'Or'];

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

function parse(text: string): { document: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  // Keys are checked for uniqueness below, in one pass: the reader's own check compares each key with every
  // other key of its mapping, which makes a template of many resources take quadratic time.
  const document = parseDocument(text, {
    customTags: CFN_TAGS,
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: false,
  });
  return { document, lines };
}

function isCutQuote(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' && /^Missing closing ['"]quote/.test(error.message);
}

/**
 * The template, or why it cannot be read; null for a file with no Resources section that is not a template at all
 * (a macro's test event, a configuration file naming a resource type).
 */
export function readTemplate(text: string, file: string): Template | Diagnostic | null {
  const format = !/\.ya?ml$/i.test(file) && /^\s*[{[]/.test(text) ? 'JSON' : 'YAML';
  const jsonError = format === 'JSON' ? strictJsonError(text) : undefined;
  if (jsonError) {
    const { line, column } = position(text, jsonError.offset);
    return parseError(file, line, `invalid JSON at line ${line}, column ${column}: ${jsonError.problem}`);
  }
  let read = text;
  let { document, lines } = parse(text);
  let error = document.errors[0];
  const mended = error && isCutQuote(error) ? indentQuotedContinuations(text) : undefined;
  if (mended !== undefined) {
    const again = parse(mended);
    if (again.document.errors.length === 0) {
      ({ document, lines } = again);
      error = undefined;
      read = mended;
    }
  }
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
  const structure = checkStructure(contents, lines);
  if (structure?.problem === 'deep')
    return parseError(
      file,
      structure.line,
      `nested deeper than ${LIMITS.nesting} levels at line ${structure.line}`,
    );
  if (structure) {
    const { line, column } = structure;
    return parseError(
      file,
      line,
      `invalid ${format} at line ${line}, column ${column}: Map keys must be unique`,
    );
  }
  if (!isMap(contents)) {
    const line = lineOf(contents, lines);
    const problem = contents ? `is not a mapping (line ${line})` : 'is empty (line 1)';
    return parseError(file, line, `the template ${problem}`);
  }
  const section = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources');
  if (!section) return noResources(contents, file);
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
  return { root: isRecord(clean) ? clean : {}, resources: section.value, lines, warnings, text: read };
}

/** The sections a template may have besides Resources (the template anatomy of the CloudFormation User Guide). */
const TEMPLATE_SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Transform',
  'Parameters',
  'Mappings',
  'Conditions',
  'Rules',
  'Outputs',
]);

/**
 * A template without Resources declares nothing to check: said in an info line, as the file is read in full. A
 * file with none of a template's sections is not a template (a macro's test event names resource types in its
 * fragment): skipped without a word, like any other JSON or YAML file.
 */
function noResources(contents: YAMLMap, file: string): Diagnostic | null {
  const template = contents.items.some(
    (pair) => isScalar(pair.key) && TEMPLATE_SECTIONS.has(String(pair.key.value)),
  );
  if (!template) return null;
  const message =
    'the template has no Resources section: it declares no resources, so there is nothing to check';
  return { level: 'info', code: 'iac.no-resources', message, source: file };
}

/**
 * A node nested deeper than the limit, or a key repeated in its mapping (CloudFormation refuses both), found in one
 * pass without recursion.
 */
function checkStructure(
  contents: unknown,
  lines: LineCounter,
): { problem: 'deep' | 'duplicate'; line: number; column: number } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: contents, depth: 1 }];
  const at = (problem: 'deep' | 'duplicate', node: unknown) => {
    const { line, col } = isNode(node) && node.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    return { problem, line, column: col };
  };
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (depth > LIMITS.nesting) return at('deep', node);
    if (!isCollection(node)) continue;
    const keys = new Set<unknown>();
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        stack.push({ node: item, depth: depth + 1 });
        continue;
      }
      if (isScalar(item.key)) {
        if (keys.has(item.key.value)) return at('duplicate', item.key);
        keys.add(item.key.value);
      }
      stack.push({ node: item.key, depth: depth + 1 });
      stack.push({ node: item.value, depth: depth + 1 });
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
