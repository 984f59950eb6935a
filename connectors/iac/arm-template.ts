import type { Diagnostic } from '../../src/model/report.js';
import { isPlainObject, unknown, type Value } from '../../src/model/value.js';
import { profileApiVersion } from './arm-api-profiles.js';
import { createTemplateScope, evaluateValue } from './arm-expressions.js';
import {
  type ArmWalk,
  collect,
  get,
  type Instance,
  type JsonObject,
  report,
  resourceNodes,
} from './arm-instances.js';
import { parseJsonWithComments } from './arm-json.js';
import {
  type CanonicalResource,
  type ChildDocument,
  childDocumentProperty,
  isMapped,
  mapTemplateResource,
  type TemplateResource,
  withChildDocuments,
} from './arm-map.js';
import { addInlineChildren, type Placed } from './arm-nested.js';
import { type WaiverReader, waiverReader } from './code-waivers.js';
import { admit, detach, LimitExceeded, type SourceBudget, sourceBudget } from './limits.js';
import type { CodeResource, ParsedFile } from './types.js';

/*
 * ARM deployment templates (JSON, with `//` and block comments allowed) -> canonical code resources.
 *
 * Parameters take their defaultValue, variables and expressions are evaluated where static (arm-expressions.ts),
 * resource copy loops with a static count expand into one resource per copy (`<type>/<name>[i]`), and nested child
 * resources get the full type (`Microsoft.Sql/servers/databases`) and name (`server/db`), as do the children a
 * parent declares inline (subnets, security rules: arm-nested.ts). A resource whose
 * condition is statically false is not deployed and not read, nor is an `existing` reference. Nested deployments
 * (Microsoft.Resources/deployments) are not followed; like every type without a mapping, they are counted in one
 * info diagnostic.
 */

const MAX_LISTED_TYPES = 10;

/** Reads one JSON file. Anything that is not an ARM template yields nothing; bad JSON yields one error. */
export function parseArmTemplate(
  text: string,
  file: string,
  budget: SourceBudget = sourceBudget(),
): ParsedFile {
  try {
    return readTemplate(text, file, budget);
  } catch (error) {
    const kind = error instanceof Error ? error.name : 'error';
    const message = `cannot read the ARM template (${kind})`;
    return { resources: [], diagnostics: [{ level: 'error', code: 'iac.parse', message, source: file }] };
  }
}

function readTemplate(text: string, file: string, budget: SourceBudget): ParsedFile {
  const parsed = parseJsonWithComments(text);
  if (!parsed.ok) {
    const { line, column, problem } = parsed.error;
    const message = `malformed JSON at column ${column}: ${problem}`;
    const diagnostic: Diagnostic = { level: 'error', code: 'iac.parse', message, source: `${file}:${line}` };
    return { resources: [], diagnostics: [diagnostic] };
  }
  const root = parsed.document.value;
  if (!isPlainObject(root) || !isArmTemplate(root)) return { resources: [], diagnostics: [] };
  const walk: ArmWalk = {
    file,
    spans: parsed.document.spans,
    diagnostics: [],
    instances: [],
    budget,
    reported: new Set(),
    apiProfile: get(root, 'apiProfile'),
  };
  const scope = createTemplateScope(get(root, 'parameters'), get(root, 'variables'));
  collect(get(root, 'resources'), undefined, scope, walk, 1);
  return { resources: toCodeResources(walk, waiverReader(text, file)), diagnostics: walk.diagnostics };
}

/** A `$schema` naming a deployment template, or resources that look like ARM resources. */
function isArmTemplate(root: JsonObject): boolean {
  const schema = get(root, '$schema');
  if (typeof schema === 'string' && /deploymentTemplate/i.test(schema)) return true;
  return resourceNodes(get(root, 'resources')).some(
    (node) => typeof get(node, 'type') === 'string' && typeof get(node, 'apiVersion') === 'string',
  );
}

function toCodeResources(walk: ArmWalk, waivers: WaiverReader): CodeResource[] {
  const resources: CodeResource[] = [];
  const skipped = new Map<string, number>();
  const skip = (instance: Instance) =>
    skipped.set(instance.armType, (skipped.get(instance.armType) ?? 0) + 1);
  const children = childDocuments(walk, skip);
  const declared = new Set(walk.instances.map((instance) => addressOf(instance).toLowerCase()));
  const add = (mapped: CanonicalResource, at: Placed, node: object): boolean => {
    const problem = admit(walk.budget, mapped.attributes);
    if (problem !== undefined) {
      if (problem) report(walk, node, 'iac.limit', problem);
      return false;
    }
    resources.push(codeResource(mapped, at, walk.file, waivers));
    return true;
  };
  for (const instance of walk.instances) {
    if (childDocumentProperty(instance.armType, instance.ownName) !== undefined) continue;
    const key = parentKey(instance.armType, instance.fullName);
    const own = key === undefined ? undefined : children.get(key);
    const resource = isMapped(instance.armType)
      ? withChildDocuments(templateResource(instance, walk), own?.documents ?? [])
      : undefined;
    const mapped = resource && mapTemplateResource(resource);
    if (!resource || !mapped) {
      skip(instance);
      continue;
    }
    if (key !== undefined) children.delete(key);
    if (!add(mapped, { address: addressOf(instance), span: instance.span }, instance.node)) break;
    if (!addInlineChildren(resource, instance, walk, declared, add)) break;
  }
  for (const { instances } of children.values()) for (const child of instances) skip(child);
  if (skipped.size > 0) walk.diagnostics.push(skippedDiagnostic(skipped, walk.file));
  return resources;
}

function addressOf(instance: Instance): string {
  return `${instance.armType}/${instance.display}${instance.suffix}`;
}

interface Children {
  instances: Instance[];
  documents: ChildDocument[];
}

/**
 * The child resources whose settings ARM's shape holds on the parent (transparent data encryption on a database, a
 * site's config/web), by parent: `server/db/current` belongs to `server/db`. One whose parent's name is not static
 * belongs to none, and is skipped.
 */
function childDocuments(walk: ArmWalk, skip: (instance: Instance) => void): Map<string, Children> {
  const byParent = new Map<string, Children>();
  for (const instance of walk.instances) {
    const property = childDocumentProperty(instance.armType, instance.ownName);
    if (property === undefined) continue;
    const name = instance.fullName;
    const slash = typeof name === 'string' ? name.lastIndexOf('/') : -1;
    const parentType = instance.armType.slice(0, instance.armType.lastIndexOf('/'));
    const key = slash > 0 ? parentKey(parentType, String(name).slice(0, slash)) : undefined;
    if (key === undefined) {
      skip(instance);
      continue;
    }
    const entry = byParent.get(key) ?? { instances: [], documents: [] };
    entry.instances.push(instance);
    entry.documents.push({ property, properties: templateResource(instance, walk).properties });
    byParent.set(key, entry);
  }
  return byParent;
}

function parentKey(armType: string, fullName: Value): string | undefined {
  return typeof fullName === 'string' ? `${armType}|${fullName}`.toLowerCase() : undefined;
}

/** The template's values of one resource, evaluated; past a limit, a value is unknown and the limit reported. */
function templateResource(instance: Instance, walk: ArmWalk): TemplateResource {
  const evaluate = (key: string): Value | undefined => {
    const value = get(instance.node, key);
    if (value === undefined) return undefined;
    try {
      return evaluateValue(value, instance.scope);
    } catch (error) {
      if (!(error instanceof LimitExceeded)) throw error;
      report(
        walk,
        instance.node,
        'iac.limit',
        `${key} of ${instance.armType}: ${error.message}; read as unknown`,
      );
      return unknown('expression');
    }
  };
  const name = instance.ownName;
  return {
    armType: instance.armType,
    apiVersion: evaluate('apiVersion') ?? profileApiVersion(walk.apiProfile, instance.armType),
    name: typeof name === 'string' ? name.slice(name.lastIndexOf('/') + 1) : name,
    location: evaluate('location'),
    kind: evaluate('kind'),
    tags: evaluate('tags'),
    sku: evaluate('sku'),
    identity: evaluate('identity'),
    properties: evaluate('properties'),
    scope: evaluate('scope'),
  };
}

function codeResource(
  mapped: CanonicalResource,
  { address, span, waiverSpan = span }: Placed,
  file: string,
  readWaivers: WaiverReader,
): CodeResource {
  const { line, endLine } = span;
  const waivers = readWaivers(waiverSpan.line, waiverSpan.endLine);
  return {
    type: mapped.type,
    address,
    attributes: detach(mapped.attributes),
    file,
    line,
    endLine,
    ...(waivers.length > 0 ? { waivers } : {}),
  };
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
