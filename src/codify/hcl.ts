/*
 * HCL text from untrusted values (cloud ids, names, tags). A quoted HCL string is a template: `${` and `%{` open an
 * interpolation or a directive, so a live value holding them would run as code in the user's configuration. The
 * HCL native syntax spec (hashicorp/hcl hclsyntax/spec.md, "Template Literals" and "Quoted Templates") gives the
 * escapes used here: `$${` and `%%{` for the literal sequences, `\\`, `\"`, `\n`, `\r`, `\t` and `\uNNNN` for the
 * rest. test/codify checks the round trip through OpenTofu itself.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Whether HCL can hold the text exactly: a lone surrogate is no Unicode text, and no escape writes one. */
export function representable(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * A quoted HCL string whose value is exactly `text` (check `representable` first). `angles`: `<` and `>` as `\u003c`
 * and `\u003e`, for HCL shown in Markdown, where the raw text may hold no HTML comment opener or closer.
 */
export function hclString(text: string, angles = false): string {
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    // A function, not a replacement string: in one, `$$` would mean a single `$`.
    .replace(/([$%])\{/g, (_match, sign: string) => `${sign}${sign}{`)
    .replace(
      CONTROL,
      (char) => SIMPLE_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return `"${angles ? escaped.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e') : escaped}"`;
}

/** Text for a `#` comment: one line, with control characters shown as U+FFFD. */
export function commentText(text: string): string {
  return text.replace(/\r\n|[\n\r\u2028\u2029]/g, ' ').replace(CONTROL, '\ufffd');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Whether `name` is an HCL identifier, usable as an attribute name or a resource name (ASCII only here). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}
