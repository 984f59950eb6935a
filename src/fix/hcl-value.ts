import { hclString, isIdentifier, representable } from '../codify/hcl.js';
import { isPlainObject, SENSITIVE_PLACEHOLDER, type Value } from '../model/value.js';

/**
 * A live value written as an HCL literal, or why it cannot be. Cloud values are untrusted: a string is escaped so
 * that it stays one string with no interpolation or directive (`"`, `\`, line breaks and control characters as
 * escapes, `${` as `$${` and `%{` as `%%{`: `hclString` of src/codify/hcl.ts, shared with codify). A secret
 * never reaches code: a masked value (`(sensitive)`, or a marker) anywhere inside makes the value unwritable.
 */
export type RenderResult = { ok: true; text: string } | { ok: false; why: 'secret' | 'text' };

const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'endif', 'endfor', 'else']);

export function renderHcl(value: Value): RenderResult {
  if (value === null) return { ok: true, text: 'null' };
  if (typeof value === 'boolean') return { ok: true, text: String(value) };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { ok: true, text: String(value) } : { ok: false, why: 'text' };
  if (typeof value === 'string') return renderString(value);
  if (Array.isArray(value)) return join(value.map(renderHcl), (parts) => `[${parts.join(', ')}]`);
  if (!isPlainObject(value) || '__sensitive' in value || '__unknown' in value)
    return { ok: false, why: 'secret' };
  const keys = Object.keys(value);
  const parts: RenderResult[] = keys.map((key) => {
    const name = renderKey(key);
    const rendered = renderHcl(value[key] ?? null);
    if (!name.ok) return name;
    return rendered.ok ? { ok: true, text: `${name.text} = ${rendered.text}` } : rendered;
  });
  return join(parts, (texts) => (texts.length === 0 ? '{}' : `{ ${texts.join(', ')} }`));
}

/** An object key: bare where it is an identifier that is no keyword, else a quoted string. */
export function renderKey(key: string): RenderResult {
  return isIdentifier(key) && !KEYWORDS.has(key) ? { ok: true, text: key } : renderString(key);
}

export function renderString(text: string): RenderResult {
  if (text === SENSITIVE_PLACEHOLDER) return { ok: false, why: 'secret' };
  if (!representable(text)) return { ok: false, why: 'text' };
  return { ok: true, text: hclString(text) };
}

function join(parts: RenderResult[], wrap: (texts: string[]) => string): RenderResult {
  const texts: string[] = [];
  for (const part of parts) {
    if (!part.ok) return part;
    texts.push(part.text);
  }
  return { ok: true, text: wrap(texts) };
}

/** JSON equality, objects regardless of key order: whether the code reads what the state says was applied. */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return false;
}
