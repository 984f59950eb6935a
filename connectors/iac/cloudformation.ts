import { isNode, type LineCounter, type Pair } from 'yaml';
import type { Diagnostic } from '../../src/model/report.js';
import type { Value } from '../../src/model/value.js';
import { type Declared, expandResources } from './cfn-foreach.js';
import {
  type CfnContext,
  createContext,
  evaluateCondition,
  isRecord,
  NO_VALUE,
  resolve,
} from './cfn-intrinsics.js';
import { mapCfnResource, nameParentByLogicalId } from './cfn-map.js';
import { lineOf, parseError, readTemplate, type Template } from './cfn-template.js';
import { type WaiverReader, waiverReader } from './code-waivers.js';
import { admit, detach, LIMITS, LimitExceeded, type SourceBudget, setOwn, sourceBudget } from './limits.js';
import type { CodeResource, ParsedFile } from './types.js';

/**
 * CloudFormation templates, YAML (with the short-form intrinsic tags) or JSON, read with the `yaml` package (JSON
 * is YAML 1.2). Each modelled resource becomes a CodeResource in Terraform's vocabulary (see cfn-map.ts), with the
 * intrinsic functions resolved against the parameter defaults (see cfn-intrinsics.ts), at the line of its logical
 * id. Bad input never throws: it is one `iac.parse` error diagnostic and no resources.
 */
export function parseCloudFormation(
  text: string,
  file: string,
  budget: SourceBudget = sourceBudget(),
): ParsedFile {
  // JSON files are read up to a larger bound, for ARM (see limits.ts); a CloudFormation template is held to its own.
  if (text.length > LIMITS.fileBytes || Buffer.byteLength(text, 'utf8') > LIMITS.fileBytes) {
    const message = `larger than ${LIMITS.fileBytes / 1024 / 1024} MiB, the bound for a CloudFormation template; skipped`;
    return { resources: [], diagnostics: [{ level: 'warning', code: 'iac.skipped', message, source: file }] };
  }
  try {
    const template = readTemplate(text, file);
    if (template === null) return { resources: [], diagnostics: [] };
    if ('level' in template) return { resources: [], diagnostics: [template] };
    const read = template.text;
    return readResources(template, { text: read, textLines: read.split(/\r?\n/), file, budget });
  } catch (error) {
    // Anything unforeseen: named by its kind only, as a message could quote the file.
    const kind = error instanceof Error ? error.name : 'error';
    return { resources: [], diagnostics: [parseError(file, 1, `the template could not be read (${kind})`)] };
  }
}

/** Resources refused for a limit that are named one by one; the rest are counted. */
const MAX_LISTED = 10;

// --- Resources ----------------------------------------------------------------------------------------------------

type Outcome =
  | { kind: 'resource'; resource: CodeResource }
  | { kind: 'warning'; diagnostic: Diagnostic }
  | { kind: 'unmodelled'; type: string }
  | { kind: 'inactive'; id: string }
  | { kind: 'dropped' };

function readResources(template: Template, source: Source): ParsedFile {
  const { file } = source;
  const { declared, diagnostics: loops } = expandResources(template, file);
  const expanded: Record<string, Value> = Object.create(null);
  for (const { id, definition } of declared) if (id !== undefined) setOwn(expanded, id, definition as Value);
  const context = createContext({ ...template.root, Resources: expanded });
  const out: ParsedFile = { resources: [], diagnostics: [...template.warnings, ...loops] };
  const unmodelled = new Map<string, number>();
  const inactive: string[] = [];
  const waivers = waiverReader(source.text, file);
  let limited = 0;
  for (const resource of declared) {
    if (source.budget.spent) break;
    const outcome = readResource(resource, template, context, source, waivers);
    if (outcome.kind === 'resource') out.resources.push(outcome.resource);
    else if (outcome.kind === 'warning' && outcome.diagnostic.code === 'iac.limit' && ++limited > MAX_LISTED)
      continue;
    else if (outcome.kind === 'warning') out.diagnostics.push(outcome.diagnostic);
    else if (outcome.kind === 'unmodelled')
      unmodelled.set(outcome.type, (unmodelled.get(outcome.type) ?? 0) + 1);
    else if (outcome.kind === 'inactive') inactive.push(outcome.id);
  }
  if (limited > MAX_LISTED) {
    const message = `${limited - MAX_LISTED} more resources not read, past the limits named above`;
    out.diagnostics.push({ level: 'warning', code: 'iac.limit', message, source: file });
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
  budget: SourceBudget;
}

function warning(code: string, message: string, source: string): Outcome {
  return { kind: 'warning', diagnostic: { level: 'warning', code, message, source } };
}

function readResource(
  { id, definition, pair }: Declared,
  template: Template,
  context: CfnContext,
  source: Source,
  waivers: WaiverReader,
): Outcome {
  const { file } = source;
  const line = lineOf(pair.key, template.lines);
  const at = `${file}:${line}`;
  if (id === undefined || !isRecord(definition) || typeof definition.Type !== 'string' || !definition.Type)
    return warning('iac.no-type', `resource ${id ?? '(unnamed)'} at line ${line} has no Type; skipped`, at);
  try {
    // A resource whose condition is false with the defaults is not created.
    if (definition.Condition !== undefined && evaluateCondition(definition.Condition, context) === false)
      return { kind: 'inactive', id };
    const properties = resolve(definition.Properties ?? {}, context);
    const mapped = mapCfnResource(definition.Type, properties === NO_VALUE ? {} : properties);
    if (!mapped) return { kind: 'unmodelled', type: definition.Type };
    nameParentByLogicalId(mapped.type, mapped.attributes, definition.Properties, context.resources);
    const problem = admit(source.budget, mapped.attributes);
    if (problem === '') return { kind: 'dropped' };
    if (problem !== undefined) return warning('iac.limit', problem, at);
    const endLine = endLineOf(pair, template.lines, source, line);
    const resource: CodeResource = {
      ...mapped,
      attributes: detach(mapped.attributes),
      address: id,
      file,
      line,
      endLine,
      waivers: waivers(line, endLine),
    };
    return { kind: 'resource', resource };
  } catch (error) {
    if (!(error instanceof LimitExceeded)) throw error;
    return warning('iac.limit', `resource ${id} at line ${line}: ${error.message}; not read`, at);
  }
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
