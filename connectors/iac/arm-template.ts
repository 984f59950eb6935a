import type { Diagnostic } from '../../src/model/report.js';
import { isPlainObject, type Value } from '../../src/model/value.js';
import { parseInlineWaivers } from '../../src/policy/waivers.js';
import {
  type ArmScope,
  createTemplateScope,
  evaluateValue,
  staticCount,
  unknownValue,
  withResourceLoop,
} from './arm-expressions.js';
import { parseJsonWithComments, type Span } from './arm-json.js';
import {
  type CanonicalResource,
  isMapped,
  isTransparentDataEncryption,
  mapTemplateResource,
  type TemplateResource,
  transparentDataEncryptionOf,
} from './arm-map.js';
import type { CodeResource, ParsedFile } from './types.js';

/*
 * ARM deployment templates (JSON, with `//` and block comments allowed) -> canonical code resources.
 *
 * Parameters take their defaultValue, variables and expressions are evaluated where static (arm-expressions.ts),
 * resource copy loops with a static count expand into one resource per copy (`<type>/<name>[i]`), and nested child
 * resources get the full type (`Microsoft.Sql/servers/databases`) and name (`server/db`). A resource whose
 * condition is statically false is not deployed and not read, nor is an `existing` reference. Nested deployments
 * (Microsoft.Resources/deployments) are not followed; like every type without a mapping, they are counted in one
 * info diagnostic.
 */

type JsonObject = { [key: string]: Value };

/** One deployed copy of a resource declaration. */
interface Instance {
  armType: string;
  node: JsonObject;
  span: Span;
  scope: ArmScope;
  /** The name as written, evaluated: `db`, or `server/db` for a top-level child. */
  ownName: Value;
  /** With the parents' names: `server/db`. */
  fullName: Value;
  /** The full name, or the raw text of the parts that are not static. */
  display: string;
  /** `[i]` for a copy, `[*]` for all copies of a loop whose count is not static. */
  suffix: string;
}

type Parent = Pick<Instance, 'armType' | 'fullName' | 'display' | 'suffix'>;

interface Walk {
  file: string;
  spans: WeakMap<object, Span>;
  diagnostics: Diagnostic[];
  instances: Instance[];
}

interface Copy {
  scope: ArmScope;
  suffix: string;
}

const MAX_LISTED_TYPES = 10;

/** Reads one JSON file. Anything that is not an ARM template yields nothing; bad JSON yields one error. */
export function parseArmTemplate(text: string, file: string): ParsedFile {
  try {
    return readTemplate(text, file);
  } catch (error) {
    const kind = error instanceof Error ? error.name : 'error';
    const message = `cannot read the ARM template (${kind})`;
    return { resources: [], diagnostics: [{ level: 'error', code: 'iac.parse', message, source: file }] };
  }
}

function readTemplate(text: string, file: string): ParsedFile {
  const parsed = parseJsonWithComments(text);
  if (!parsed.ok) {
    const { line, column, problem } = parsed.error;
    const message = `malformed JSON at column ${column}: ${problem}`;
    const diagnostic: Diagnostic = { level: 'error', code: 'iac.parse', message, source: `${file}:${line}` };
    return { resources: [], diagnostics: [diagnostic] };
  }
  const root = parsed.document.value;
  if (!isPlainObject(root) || !isArmTemplate(root)) return { resources: [], diagnostics: [] };
  const walk: Walk = { file, spans: parsed.document.spans, diagnostics: [], instances: [] };
  const scope = createTemplateScope(get(root, 'parameters'), get(root, 'variables'));
  collect(get(root, 'resources'), undefined, scope, walk);
  return { resources: toCodeResources(walk, text), diagnostics: walk.diagnostics };
}

/** A `$schema` naming a deployment template, or resources that look like ARM resources. */
function isArmTemplate(root: JsonObject): boolean {
  const schema = get(root, '$schema');
  if (typeof schema === 'string' && /deploymentTemplate/i.test(schema)) return true;
  return resourceNodes(get(root, 'resources')).some(
    (node) => typeof get(node, 'type') === 'string' && typeof get(node, 'apiVersion') === 'string',
  );
}

/** A property; ARM property names are case-insensitive. */
function get(object: JsonObject, key: string): Value | undefined {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  const name = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return name === undefined ? undefined : object[name];
}

/** The resources array, or the symbolic-name object of languageVersion 2.0. */
function resourceNodes(list: Value | undefined): JsonObject[] {
  const nodes = Array.isArray(list) ? list : isPlainObject(list) ? Object.values(list) : [];
  return nodes.filter(isPlainObject);
}

function collect(list: Value | undefined, parent: Parent | undefined, scope: ArmScope, walk: Walk): void {
  for (const node of resourceNodes(list)) {
    const type = get(node, 'type');
    if (get(node, 'existing') === true || typeof type !== 'string') continue;
    const armType = parent && !type.includes('/') ? `${parent.armType}/${type}` : type;
    for (const copy of copiesOf(node, armType, scope, walk)) {
      const condition = get(node, 'condition');
      if (condition !== undefined && evaluateValue(condition, copy.scope) === false) continue;
      const instance = instanceOf(node, armType, copy, parent, walk);
      walk.instances.push(instance);
      collect(get(node, 'resources'), instance, copy.scope, walk);
    }
  }
}

function copiesOf(node: JsonObject, armType: string, scope: ArmScope, walk: Walk): Copy[] {
  const copy = get(node, 'copy');
  if (!isPlainObject(copy)) return [{ scope, suffix: '' }];
  const name = get(copy, 'name');
  const loop = typeof name === 'string' ? name : '';
  const count = staticCount(get(copy, 'count'), scope);
  if (count === undefined) {
    const source = `${walk.file}:${walk.spans.get(node)?.line ?? 1}`;
    walk.diagnostics.push({
      level: 'warning',
      code: 'iac.arm-copy-count',
      message: `${source}: the copy count of ${armType} is not static; read as one resource whose per-copy values are unknown`,
      source,
    });
    return [{ scope: withResourceLoop(scope, loop, undefined), suffix: '[*]' }];
  }
  return Array.from({ length: count }, (_, index) => ({
    scope: withResourceLoop(scope, loop, index),
    suffix: `[${index}]`,
  }));
}

function instanceOf(
  node: JsonObject,
  armType: string,
  copy: Copy,
  parent: Parent | undefined,
  walk: Walk,
): Instance {
  const raw = get(node, 'name');
  const ownName = raw === undefined ? unknownValue() : evaluateValue(raw, copy.scope);
  const ownText = typeof ownName === 'string' ? ownName : typeof raw === 'string' ? raw : '';
  const span = walk.spans.get(node) ?? { line: 1, endLine: 1 };
  const instance = {
    armType,
    node,
    span,
    scope: copy.scope,
    ownName,
    suffix: (parent?.suffix ?? '') + copy.suffix,
  };
  if (!parent || ownText.includes('/')) return { ...instance, fullName: ownName, display: ownText };
  const known = typeof ownName === 'string' && typeof parent.fullName === 'string';
  return {
    ...instance,
    fullName: known ? `${parent.fullName}/${ownName}` : unknownValue(),
    display: `${parent.display}/${ownText}`,
  };
}

function toCodeResources(walk: Walk, text: string): CodeResource[] {
  const resources: CodeResource[] = [];
  const databases = new Map<string, CodeResource>();
  const skipped = new Map<string, number>();
  const encryption: Instance[] = [];
  for (const instance of walk.instances) {
    if (isTransparentDataEncryption(instance.armType)) {
      encryption.push(instance);
      continue;
    }
    const mapped = isMapped(instance.armType) ? mapTemplateResource(templateResource(instance)) : undefined;
    if (!mapped) {
      skipped.set(instance.armType, (skipped.get(instance.armType) ?? 0) + 1);
      continue;
    }
    const resource = codeResource(instance, mapped, walk.file, text);
    resources.push(resource);
    if (mapped.type === 'azurerm_mssql_database' && typeof instance.fullName === 'string') {
      databases.set(instance.fullName.toLowerCase(), resource);
    }
  }
  for (const instance of encryption) {
    if (!foldEncryption(instance, databases)) {
      skipped.set(instance.armType, (skipped.get(instance.armType) ?? 0) + 1);
    }
  }
  if (skipped.size > 0) walk.diagnostics.push(skippedDiagnostic(skipped, walk.file));
  return resources;
}

/** The template's values of one resource, evaluated. */
function templateResource(instance: Instance): TemplateResource {
  const evaluate = (key: string): Value | undefined => {
    const value = get(instance.node, key);
    return value === undefined ? undefined : evaluateValue(value, instance.scope);
  };
  const name = instance.ownName;
  return {
    armType: instance.armType,
    name: typeof name === 'string' ? name.slice(name.lastIndexOf('/') + 1) : name,
    location: evaluate('location'),
    kind: evaluate('kind'),
    tags: evaluate('tags'),
    sku: evaluate('sku'),
    properties: evaluate('properties'),
    scope: evaluate('scope'),
  };
}

function codeResource(
  instance: Instance,
  mapped: CanonicalResource,
  file: string,
  text: string,
): CodeResource {
  const { line, endLine } = instance.span;
  const waivers = parseInlineWaivers(text, file, line, endLine);
  return {
    type: mapped.type,
    address: `${instance.armType}/${instance.display}${instance.suffix}`,
    attributes: mapped.attributes,
    file,
    line,
    endLine,
    ...(waivers.length > 0 ? { waivers } : {}),
  };
}

/**
 * Transparent data encryption is a child resource in ARM and an attribute of azurerm_mssql_database: the child's
 * state goes onto the database it belongs to (`server/db/current` -> `server/db`). False when there is none.
 */
function foldEncryption(instance: Instance, databases: ReadonlyMap<string, CodeResource>): boolean {
  const name = instance.fullName;
  const slash = typeof name === 'string' ? name.lastIndexOf('/') : -1;
  if (typeof name !== 'string' || slash <= 0) return false;
  const database = databases.get(name.slice(0, slash).toLowerCase());
  if (!database) return false;
  database.attributes.transparent_data_encryption_enabled = transparentDataEncryptionOf(
    templateResource(instance),
  );
  return true;
}

function skippedDiagnostic(skipped: ReadonlyMap<string, number>, file: string): Diagnostic {
  const total = [...skipped.values()].reduce((sum, count) => sum + count, 0);
  const types = [...skipped]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => `${type} (${count})`);
  const listed = types.slice(0, MAX_LISTED_TYPES).join(', ');
  const more = types.length > MAX_LISTED_TYPES ? ` and ${types.length - MAX_LISTED_TYPES} more types` : '';
  return {
    level: 'info',
    code: 'iac.arm-unmapped',
    message: `${total} resource${total === 1 ? '' : 's'} of types driftwarden does not map skipped: ${listed}${more}`,
    source: file,
  };
}
