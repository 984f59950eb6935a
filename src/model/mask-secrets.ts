import { createHmac, randomBytes } from 'node:crypto';
import { formatPath, type PathSegment, parsePath } from './path.js';
import type { Resource } from './resource.js';
import { isPlainObject, isSensitive, isUnknown, type SensitiveValue, type Value } from './value.js';

/**
 * Secrets are masked the moment a resource enters the engine, before any pass, diff, policy or renderer sees it.
 * A masked value keeps a digest keyed with a random per-process key, so a changed secret still shows as a change
 * (rendered "(sensitive)") while nothing of the secret can leave the process.
 */
const PROCESS_KEY = randomBytes(32);

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'passphrase',
  'credential',
  'credentials',
]);
const SECRET_PAIRS = [
  'private_key',
  'access_key',
  'secret_key',
  'api_key',
  'account_key',
  'shared_key',
  'connection_string',
  'sas_url',
  'sas_token',
  'auth_key',
  'master_key',
];
/** Suffixes that name metadata about a secret rather than the secret itself. */
const METADATA_SUFFIXES = [
  'arn',
  'spec',
  'usage',
  'source',
  'state',
  'arns',
  'id',
  'ids',
  'name',
  'names',
  'enabled',
  'type',
  'length',
  'required',
  'version',
  'count',
  'days',
  'prevention',
  'age',
  'policy',
  'rotation',
  'expiration',
  'ttl',
  'duration',
];

const nameCache = new Map<string, boolean>();

/** Attribute names repeat across an estate, so answers are cached: this runs on every key of every resource. */
export function isSecretAttributeName(name: string): boolean {
  let answer = nameCache.get(name);
  if (answer === undefined) {
    answer = classifyName(name);
    if (nameCache.size < 100_000) nameCache.set(name, answer);
  }
  return answer;
}

function classifyName(name: string): boolean {
  const lower = name.toLowerCase().replaceAll('-', '_');
  const words = lower.split('_');
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && METADATA_SUFFIXES.includes(last)) return false;
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  return SECRET_PAIRS.some(
    (pair) =>
      lower === pair ||
      lower.endsWith(`_${pair}`) ||
      lower.startsWith(`${pair}_`) ||
      lower.includes(`_${pair}_`),
  );
}

export function maskValue(value: Value): SensitiveValue {
  const digest = createHmac('sha256', PROCESS_KEY)
    .update(JSON.stringify(value))
    .digest('base64url')
    .slice(0, 22);
  return { __sensitive: digest };
}

/** Masks the resource's sensitive paths and every attribute whose name says it is a secret. In place. */
export function maskSecrets(resource: Resource): void {
  const paths = new Set(resource.sensitivePaths);
  for (const path of resource.sensitivePaths) maskAtPath(resource.attributes, parsePath(path));
  for (const key of Object.keys(resource.attributes)) {
    resource.attributes[key] = maskByName(
      resource.attributes[key] ?? null,
      [key],
      paths,
      isSecretAttributeName(key),
    );
  }
  resource.sensitivePaths = [...paths].sort();
}

/**
 * Masks the given paths of attributes in place: a live resource is masked at its declared twin's sensitive paths,
 * as the cloud does not say which of its values Terraform holds as secrets.
 */
export function maskPaths(attributes: Resource['attributes'], paths: readonly string[]): void {
  for (const path of paths) maskAtPath(attributes, parsePath(path));
}

function maskAtPath(container: Value | undefined, segments: PathSegment[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || container === null || container === undefined) return;
  if (typeof head === 'number') {
    if (!Array.isArray(container) || head >= container.length) return;
    if (rest.length === 0) container[head] = maskIfPresent(container[head] ?? null);
    else maskAtPath(container[head], rest);
    return;
  }
  if (!isPlainObject(container) || !(head in container)) return;
  if (rest.length === 0) container[head] = maskIfPresent(container[head] ?? null);
  else maskAtPath(container[head], rest);
}

function maskIfPresent(value: Value): Value {
  if (value === null || value === '' || isUnknown(value) || isSensitive(value)) return value;
  return maskValue(value);
}

/** Walks the value with one shared path stack: this runs on every attribute of every resource. */
function maskByName(value: Value, path: PathSegment[], paths: Set<string>, secret: boolean): Value {
  if (secret) {
    const masked = maskIfPresent(value);
    if (masked !== value) paths.add(formatPath(path));
    return masked;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      value[index] = maskByName(value[index] ?? null, path, paths, false);
      path.pop();
    }
  } else if (isPlainObject(value) && !isUnknown(value) && !isSensitive(value)) {
    for (const key of Object.keys(value)) {
      path.push(key);
      value[key] = maskByName(value[key] ?? null, path, paths, isSecretAttributeName(key));
      path.pop();
    }
  }
  return value;
}
