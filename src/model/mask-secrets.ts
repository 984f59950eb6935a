import { createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json.js';
import { formatPath, type PathSegment, parsePath } from './path.js';
import type { Resource } from './resource.js';
import {
  ANY,
  type CompiledSetting,
  containsSecret,
  isAwsAccessKeyId,
  isAwsSecretKeyShaped,
  isSecretAttributeName,
  sensitiveSettingsOf,
} from './secret-patterns.js';
import { secretShapeOf } from './secret-shape.js';
import { resourceType } from './types/index.js';
import {
  isPlainObject,
  isSensitive,
  isUnknown,
  type SensitiveValue,
  setOwnValue,
  type Value,
} from './value.js';

export { isSecretAttributeName } from './secret-patterns.js';

/**
 * Secrets are masked the moment a resource enters the engine, before any pass, diff, policy or renderer sees it.
 * A masked value keeps a digest keyed with a random per-process key, so a changed secret still shows as a change
 * (rendered "(sensitive)") while nothing of the secret can leave the process.
 *
 * Every walk here reads own properties only and assigns with `setOwnValue`: attribute keys come from untrusted
 * JSON, and a key such as `__proto__` or `constructor` must be an attribute like any other.
 */
const PROCESS_KEY = randomBytes(32);

/**
 * The digest is of the canonical JSON, so that an object's key order does not make a secret look changed. The shape
 * is what the value looks like (an AWS access key id, a private key ...), for the secrets rules to judge; renderers
 * print every mask as "(sensitive)" whatever it holds.
 */
export function maskValue(value: Value): SensitiveValue {
  const digest = createHmac('sha256', PROCESS_KEY)
    .update(canonicalJson(value))
    .digest('base64url')
    .slice(0, 22);
  const shape = secretShapeOf(value);
  return shape ? { __sensitive: digest, shape } : { __sensitive: digest };
}

/**
 * Masks, in place: the resource's sensitive paths; the attributes its type module names sensitive (whatever
 * they are called: `site_credential`, `custom_domain_verification_id`); every attribute whose name says it is a
 * secret; the values of
 * its type's settings maps (environment variables, app settings); and every string shaped like a credential,
 * whatever its name. Each masked path is added to `sensitivePaths`, so the live twin is masked there too.
 */
export function maskSecrets(resource: Resource): void {
  const paths = new Set(resource.sensitivePaths);
  for (const path of resource.sensitivePaths) {
    maskPath(resource.attributes, parsePath(path), undefined, false);
  }
  for (const name of resourceType(resource.type)?.sensitive ?? []) {
    const value = Object.hasOwn(resource.attributes, name) ? resource.attributes[name] : undefined;
    if (value === undefined || value === null) continue;
    maskPath(resource.attributes, [name], undefined, false);
    paths.add(formatPath([name]));
  }
  const walk: Walk = { paths, path: [] };
  visitMembers(resource.attributes, startOf(sensitiveSettingsOf(resource.type)), walk);
  resource.sensitivePaths = [...paths].sort();
}

/**
 * Masks a live resource at its declared twin's sensitive paths, as the cloud does not say which of its values
 * Terraform holds as secrets. By meaning, not by index, since the live side may differ in order, length or shape:
 * - a list with a sensitive index has the rest of the path masked in **every** live element, wherever the secret
 *   moved and however many elements were added; only an element equal to one of the declared list's elements that
 *   hold no secret is left as is (its content is shown on the declared side anyway). Without `declared`, every
 *   element is masked;
 * - where the live shape differs from the path (an object where a list was declared, a scalar where an object
 *   was), the whole live value at that point is masked.
 */
export function maskPaths(
  attributes: Resource['attributes'],
  paths: readonly string[],
  declared?: Resource['attributes'],
): void {
  for (const path of paths) maskPath(attributes, parsePath(path), declared, true);
}

type Holder = { [key: string]: Value } | Value[];

function maskPath(
  attributes: Resource['attributes'],
  segments: PathSegment[],
  declared: Resource['attributes'] | undefined,
  everyElement: boolean,
): void {
  const [head, ...rest] = segments;
  if (typeof head !== 'string') return;
  maskAt(attributes, head, rest, ownMember(declared, head), everyElement);
}

function maskAt(
  holder: Holder,
  key: PathSegment,
  rest: readonly PathSegment[],
  declared: Value | undefined,
  everyElement: boolean,
): void {
  const value = ownMember(holder, key);
  if (value === undefined || value === null || isUnknown(value) || isSensitive(value)) return;
  const [head, ...tail] = rest;
  const shapeFits =
    head === undefined || (typeof head === 'number' ? Array.isArray(value) : isPlainObject(value));
  if (head === undefined || !shapeFits) {
    setMember(holder, key, maskIfPresent(value));
    return;
  }
  if (Array.isArray(value) && typeof head === 'number') {
    if (!everyElement) {
      if (head < value.length) maskAt(value, head, tail, ownMember(declared, head), false);
      return;
    }
    const declaredList = Array.isArray(declared) ? declared : [];
    const shown = new Set(declaredList.filter((item) => !containsSensitive(item)).map(canonicalJson));
    for (let index = 0; index < value.length; index++) {
      if (shown.size > 0 && shown.has(canonicalJson(value[index] ?? null))) continue;
      maskAt(value, index, tail, declaredList[head], true);
    }
    return;
  }
  if (isPlainObject(value) && Object.hasOwn(value, head)) {
    maskAt(value, head, tail, ownMember(declared, head), everyElement);
  }
}

function ownMember(holder: Value | undefined, key: PathSegment): Value | undefined {
  if (typeof key === 'number') return Array.isArray(holder) ? holder[key] : undefined;
  return isPlainObject(holder) && Object.hasOwn(holder, key) ? holder[key] : undefined;
}

function setMember(holder: Holder, key: PathSegment, value: Value): void {
  if (Array.isArray(holder)) holder[key as number] = value;
  else setOwnValue(holder, String(key), value);
}

function containsSensitive(value: Value | undefined): boolean {
  if (isSensitive(value)) return true;
  if (Array.isArray(value)) return value.some(containsSensitive);
  if (isPlainObject(value)) return Object.keys(value).some((key) => containsSensitive(value[key]));
  return false;
}

function maskIfPresent(value: Value): Value {
  if (value === null || value === '' || isUnknown(value) || isSensitive(value)) return value;
  return maskValue(value);
}

// --- The ingestion walk -------------------------------------------------------------------------------------------

/** One shared path stack for the whole walk: this runs on every value of every resource. */
interface Walk {
  paths: Set<string>;
  path: PathSegment[];
}

/** A settings pattern and how many of its segments the path has matched so far. */
interface Progress {
  setting: CompiledSetting;
  at: number;
}

const NONE: readonly Progress[] = [];
const starts = new WeakMap<readonly CompiledSetting[], readonly Progress[]>();

/** Progress is immutable, so the starting point of a list of settings is built once. */
function startOf(settings: readonly CompiledSetting[]): readonly Progress[] {
  let start = starts.get(settings);
  if (!start) {
    start = settings.map((setting) => ({ setting, at: 0 }));
    starts.set(settings, start);
  }
  return start;
}

function visit(value: Value, settings: readonly Progress[], walk: Walk): Value {
  if (typeof value === 'string') return containsSecret(value) ? masked(value, walk) : value;
  if (Array.isArray(value)) {
    const beside = value.some(isAwsAccessKeyId);
    for (let index = 0; index < value.length; index++) {
      walk.path.push(index);
      value[index] = visitMember(value[index] ?? null, index, false, beside, settings, walk);
      walk.path.pop();
    }
  } else if (isPlainObject(value) && !isUnknown(value) && !isSensitive(value)) {
    visitMembers(value, settings, walk);
  }
  return value;
}

function visitMembers(object: { [key: string]: Value }, settings: readonly Progress[], walk: Walk): void {
  const keys = Object.keys(object);
  const beside = keys.some((key) => isAwsAccessKeyId(object[key]));
  for (const key of keys) {
    walk.path.push(key);
    const value = object[key] ?? null;
    const next = visitMember(value, key, isSecretAttributeName(key), beside, settings, walk);
    if (next !== value) setOwnValue(object, key, next);
    walk.path.pop();
  }
}

/** `besideAccessKey`: a sibling is an AWS access key id, so a value shaped like a secret key is one. */
function visitMember(
  value: Value,
  key: PathSegment,
  secretName: boolean,
  besideAccessKey: boolean,
  settings: readonly Progress[],
  walk: Walk,
): Value {
  if (secretName || (besideAccessKey && isAwsSecretKeyShaped(value))) return masked(value, walk);
  const next = settings.length === 0 ? NONE : advance(settings, key);
  if (next === NONE) return visit(value, NONE, walk);
  let inside: readonly Progress[] | undefined;
  for (const progress of next) {
    if (progress.at < progress.setting.segments.length) continue;
    if (!progress.setting.inside) return masked(value, walk);
    inside = startOf(progress.setting.inside);
  }
  const open = next.filter((progress) => progress.at < progress.setting.segments.length);
  if (!inside) return visit(value, open, walk);
  return visit(parseDocument(value) ?? masked(value, walk), [...open, ...inside], walk);
}

/** The settings still matching after one more key: NONE, without allocating, on the common path. */
function advance(settings: readonly Progress[], key: PathSegment): readonly Progress[] {
  let name: string | undefined;
  let next: Progress[] | undefined;
  for (const { setting, at } of settings) {
    const segment = setting.segments[at];
    if (segment !== ANY) {
      if (typeof key !== 'string' || key.length !== segment?.length) continue;
      name ??= key.toLowerCase();
      if (segment !== name) continue;
    }
    next ??= [];
    next.push({ setting, at: at + 1 });
  }
  return next ?? NONE;
}

/**
 * A JSON document held in a string (ECS container definitions) is parsed, so that its secrets are masked one by
 * one and a change elsewhere in it still shows. Undefined when the string is not JSON: it is then masked whole.
 */
function parseDocument(value: Value): Value | undefined {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return value;
  try {
    return JSON.parse(value) as Value;
  } catch {
    return undefined;
  }
}

function masked(value: Value, walk: Walk): Value {
  const result = maskIfPresent(value);
  if (result !== value) walk.paths.add(formatPath(walk.path));
  return result;
}
