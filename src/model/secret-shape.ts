import { Buffer } from 'node:buffer';
import { type SecretKind, secretKindOf } from './secret-patterns.js';
import type { Value } from './value.js';

/**
 * What a secret looked like when it was masked: a credential's kind (secret-patterns.ts `SECRET_KINDS`), or
 * `opaque-literal`, a literal that reads like a password or key and no reference or placeholder, which says
 * something only beside a name that says it is a secret (`DB_PASSWORD`). The secrets rules judge this, never the
 * value: no rule, not even one a user compiles with --policies, can print what it never receives.
 */
export type SecretShape = SecretKind | 'opaque-literal';

const MIN_LENGTH = 8;
const MAX_LENGTH = 4096;

/**
 * Where a value names a secret kept elsewhere rather than holding one: an SSM parameter path, an ARN, a Key Vault
 * or CloudFormation dynamic reference, an interpolation, a plain URL.
 */
const REFERENCE_PREFIXES = ['/', 'arn:', '@microsoft.keyvault(', '{{resolve:', 'http://', 'https://', 'ssm:'];

/** Values that stand for a secret not yet chosen: not secret, whatever their name (compared lower-case). */
const PLACEHOLDERS = new Set([
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'replaceme',
  'replace-me',
  'replace_me',
  'placeholder',
  'password',
  'secret',
  'example',
  'dummy',
  'redacted',
  'undefined',
  'notset',
  'not-set',
]);

/** References resolved by the platform at run time, whose parameters read like `SecretUri=...`: never a secret. */
const RESOLVED_REFERENCES = ['@microsoft.keyvault(', '{{resolve:'];

export function secretShapeOf(value: Value): SecretShape | undefined {
  if (typeof value !== 'string') return undefined;
  const start = value.trimStart().slice(0, 32).toLowerCase();
  if (RESOLVED_REFERENCES.some((prefix) => start.startsWith(prefix))) return undefined;
  return (
    secretKindOf(value) ?? base64SecretKind(value) ?? (isOpaqueLiteral(value) ? 'opaque-literal' : undefined)
  );
}

/** User data is often base64 (a launch template's, `user_data_base64`): what it decodes to is judged too. */
const MAX_BASE64 = 64 * 1024;
/** Linear: the class excludes `=`, so the run and the padding never compete for a character. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function base64SecretKind(text: string): SecretKind | undefined {
  if (text.length < 16 || text.length > MAX_BASE64) return undefined;
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  return secretKindOf(decoded);
}

/**
 * 8 to 4096 characters without whitespace, neither a reference nor a placeholder, mixing at least three of lower
 * case, upper case, digits and symbols (`Pl4nted-Passw0rd`, a UUID, a base64 key): `true`, `12345678`, `info`,
 * `postgres` and `changeme` are not secrets. A linear scan: no regex runs on the value.
 */
export function isOpaqueLiteral(text: string): boolean {
  if (text.length < MIN_LENGTH || text.length > MAX_LENGTH) return false;
  const lower = text.toLowerCase();
  if (REFERENCE_PREFIXES.some((prefix) => lower.startsWith(prefix)) || lower.includes('${')) return false;
  if (PLACEHOLDERS.has(lower) || isRepeated(lower) || (lower.startsWith('<') && lower.endsWith('>')))
    return false;
  let classes = 0;
  let seen = 0;
  for (const char of text) {
    const bit = classOf(char);
    if (bit === 0) return false;
    if ((seen & bit) === 0) classes++;
    seen |= bit;
  }
  return classes >= 3;
}

/** 1 lower, 2 upper, 4 digit, 8 symbol; 0 for whitespace. */
function classOf(char: string): number {
  if (char >= 'a' && char <= 'z') return 1;
  if (char >= 'A' && char <= 'Z') return 2;
  if (char >= '0' && char <= '9') return 4;
  return char.trim() === '' ? 0 : 8;
}

/** `xxxxxxxx`, `********`: one character repeated. */
function isRepeated(text: string): boolean {
  for (const char of text) if (char !== text[0]) return false;
  return true;
}
