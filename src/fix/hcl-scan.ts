/**
 * The lexical half of the HCL reader (hcl-syntax.ts): blanks and comments, names, quoted strings with their
 * escapes and templates, heredocs, and skipping what is not a literal (nested brackets, the rest of an
 * expression), following strings, templates, heredocs and comments so that brackets inside them never count.
 * Every kind of nesting is bounded.
 */
export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export const MAX_NESTING = 100;
export const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const DIGITS = /[0-9]+/y;
export const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
export const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export type Context = 'attribute' | 'item' | 'entry';

export class HclScanner {
  protected i = 0;

  /** Templates inside interpolations inside templates: each level is a call of `string`. */
  protected templates = 0;

  constructor(protected readonly s: string) {}

  protected fail(message: string, at = this.i): never {
    throw new HclSyntaxError(message, at);
  }

  /** Blanks and comments; line breaks too when `lines`. */
  protected space(lines: boolean): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (lines && c === '\n')) this.i++;
      else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        const end = s.indexOf('\n', this.i);
        this.i = end < 0 ? s.length : end;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('a comment is not closed');
        this.i = end + 2;
      } else return;
    }
  }

  protected ident(): string | undefined {
    IDENT.lastIndex = this.i;
    const match = IDENT.exec(this.s);
    if (!match) return undefined;
    this.i = IDENT.lastIndex;
    return match[0];
  }

  protected ends(context: Context): boolean {
    const c = this.s[this.i];
    if (c === undefined || c === '\n') return true;
    if (context === 'attribute') return c === '}';
    if (context === 'item') return c === ',' || c === ']';
    return c === ',' || c === '}';
  }

  /** `.name`, `[index]`, `.*` and `[*]` after a name. */
  protected traversal(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === '.') {
        this.i++;
        if (this.s[this.i] === '*') this.i++;
        else if (this.ident() === undefined) {
          DIGITS.lastIndex = this.i;
          if (!DIGITS.test(this.s)) this.fail('expected a name after "."');
          this.i = DIGITS.lastIndex;
        }
      } else if (c === '[') this.skipNested();
      else return;
    }
  }

  /** A quoted string: its value, or undefined when it interpolates (a template). */
  protected string(): { value: string | undefined } {
    const s = this.s;
    const start = this.i;
    this.i++;
    let out = '';
    let template = false;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '\n') this.fail('a string is not closed', start);
      if (c === '"') {
        this.i++;
        return { value: template ? undefined : out };
      }
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
        out += `${c}{`;
        this.i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === '{') {
        template = true;
        if (++this.templates > MAX_NESTING) this.fail(`templates nested deeper than ${MAX_NESTING}`);
        this.i++;
        this.skipNested();
        this.templates--;
        continue;
      }
      out += c;
      this.i++;
    }
  }

  protected escape(): string {
    const s = this.s;
    const c = s[this.i + 1] ?? '';
    const simple = ESCAPES[c];
    if (simple !== undefined) {
      this.i += 2;
      return simple;
    }
    const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = s.slice(this.i + 2, this.i + 2 + digits);
    if (digits === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== digits) this.fail('an invalid escape');
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.fail('an invalid escape');
    this.i += 2 + digits;
    return String.fromCodePoint(code);
  }

  protected heredoc(): void {
    HEREDOC.lastIndex = this.i;
    const match = HEREDOC.exec(this.s);
    if (!match) this.fail('a heredoc without a marker');
    const marker = match[1] as string;
    let at = HEREDOC.lastIndex;
    for (;;) {
      const end = this.s.indexOf('\n', at);
      const line = this.s.slice(at, end < 0 ? this.s.length : end);
      if (line.trim() === marker) {
        this.i = at + line.length;
        return;
      }
      if (end < 0) this.fail(`a heredoc is not closed by ${marker}`);
      at = end + 1;
    }
  }

  /** From an opening bracket to its closer, following strings, heredocs and comments. */
  protected skipNested(): void {
    const stack: string[] = [];
    const start = this.i;
    do {
      if (stack.length > MAX_NESTING) this.fail(`brackets nested deeper than ${MAX_NESTING}`);
      const c = this.s[this.i];
      if (c === undefined) this.fail(`a "${this.s[start]}" is not closed`, start);
      if (c === '"') this.string();
      else if (c === '<' && this.s[this.i + 1] === '<' && HEREDOC.test(this.heredocProbe())) this.heredoc();
      else if (c === '#' || (c === '/' && (this.s[this.i + 1] === '/' || this.s[this.i + 1] === '*')))
        this.space(false);
      else {
        const closer = CLOSER[c];
        if (closer !== undefined) stack.push(closer);
        else if (c === stack[stack.length - 1]) stack.pop();
        else if (c === ')' || c === ']' || c === '}') this.fail(`an unexpected "${c}"`);
        this.i++;
      }
    } while (stack.length > 0);
  }

  protected heredocProbe(): string {
    HEREDOC.lastIndex = 0;
    return this.s.slice(this.i, this.i + 260);
  }

  /** The rest of an expression that is not a literal, up to what ends it in its context. */
  protected skipExpression(context: Context | 'key'): void {
    for (;;) {
      this.space(false);
      const c = this.s[this.i];
      if (context === 'key' ? c === '=' || c === ':' || c === undefined : this.ends(context)) return;
      if (c === '"') this.string();
      else if (c === '<' && this.s[this.i + 1] === '<' && HEREDOC.test(this.heredocProbe())) this.heredoc();
      else if (c === '(' || c === '[' || c === '{') this.skipNested();
      else if (c === ')' || c === ']' || c === '}') this.fail(`an unexpected "${c}"`);
      else this.i++;
    }
  }
}
