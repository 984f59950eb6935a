import { LIMITS } from './limits.js';

/**
 * One pass over HCL source, before the parser sees it: how deeply it nests, and where its blocks are.
 *
 * The HCL parser (Go, compiled to WebAssembly) recurses once per nested bracket, block, template, unary operator,
 * conditional and splat, on the JavaScript stack; past a few thousand levels it overflows, and after an overflow
 * the Go runtime is left broken, so that the next file kills the process. The depth counted here is never less
 * than the parser's: brackets, blocks and templates (quoted strings, heredocs, interpolations and `%{if}`/`%{for}`
 * directives), plus the unary, conditional and splat operators of one expression. Strings, heredocs and comments
 * are followed, so that brackets in them are not counted and closing brackets in them cannot hide real ones.
 *
 * hcl2json gives no positions, so the blocks' lines come from here too: `resource "type" "name" {`
 * (`type.name`), `data` (`data.type.name`), `module` (`module.name`), `variable` (`variable.name`), the attributes
 * of `locals` (`local.name`) and top-level attributes (`attribute.name`, for tfvars).
 */
export interface HclOutline {
  /** The line where the nesting first passes LIMITS.nesting; the rest of the file is not outlined. */
  tooDeep?: number;
  /** About how many tokens the parser will make of the file (names, numbers, strings, operators, line breaks). */
  tokens: number;
  blocks: Map<string, { line: number; endLine: number }>;
}

type Kind = 'brace' | 'bracket' | 'paren' | 'string' | 'heredoc' | 'interp' | 'directive';

interface Frame {
  kind: Kind;
  /** Unary, conditional and splat operators of the current expression in this frame. */
  chain: number;
  /** A heredoc's closing marker. */
  marker?: string;
  /** An interpolation opened by `%{`: whether it opens or closes a directive. */
  directive?: 'open' | 'close';
  /** A top-level block's key, and where it starts. */
  block?: { key: string; line: number };
  /** The first line of a `locals` block's attribute being read. */
  locals?: boolean;
}

const CLOSERS: Record<string, Kind> = { '}': 'brace', ']': 'bracket', ')': 'paren' };
const OPENERS: Record<string, Kind> = { '{': 'brace', '[': 'bracket', '(': 'paren' };
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SPACES = /[ \t\r]+/y;
const STRING_SPECIAL = /[\n\\"$%]/g;
const HEREDOC_SPECIAL = /[\n$%]/g;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
const DIRECTIVE = /%\{~?[ \t\r\n]*(if|for|endif|endfor)\b/y;

export function outlineHcl(text: string): HclOutline {
  return new Outliner(text).run();
}

class Outliner {
  private i = 0;
  private line = 1;
  private depth = 0;
  private readonly stack: Frame[] = [];
  private readonly root: Frame = { kind: 'brace', chain: 0 };
  private readonly outline: HclOutline = { blocks: new Map(), tokens: 0 };
  /** Identifiers and plain quoted labels seen on the current top-level line, for block headers. */
  private header: { words: string[]; line: number } = { words: [], line: 1 };
  /** A top-level quoted string being read: where its text starts, and whether it is plain (a label). */
  private label: { start: number; plain: boolean } | undefined;
  private lineHasToken = false;

  constructor(private readonly s: string) {}

  run(): HclOutline {
    while (this.i < this.s.length && this.outline.tooDeep === undefined) {
      const top = this.stack[this.stack.length - 1];
      if (top && (top.kind === 'string' || top.kind === 'heredoc' || top.kind === 'directive'))
        this.template();
      else this.code(top ?? this.root);
    }
    return this.outline;
  }

  private push(kind: Kind, more?: Pick<Frame, 'marker' | 'directive'>): void {
    const frame: Frame = { kind, chain: 0 };
    if (more) Object.assign(frame, more);
    this.stack.push(frame);
    this.deeper(1);
  }

  private pop(): Frame | undefined {
    const frame = this.stack.pop();
    if (!frame) return undefined;
    this.depth -= 1 + frame.chain;
    if (frame.block && !this.outline.blocks.has(frame.block.key))
      this.outline.blocks.set(frame.block.key, { line: frame.block.line, endLine: this.line });
    return frame;
  }

  private deeper(by: number): void {
    this.depth += by;
    if (this.depth > LIMITS.nesting && this.outline.tooDeep === undefined) this.outline.tooDeep = this.line;
  }

  private endExpression(frame: Frame): void {
    this.depth -= frame.chain;
    frame.chain = 0;
  }

  private newline(frame: Frame): void {
    this.line++;
    this.i++;
    this.lineHasToken = false;
    if (frame.kind === 'brace') this.endExpression(frame);
    if (this.stack.length === 0) this.header = { words: [], line: this.line };
  }

  /** Code: blocks, attributes, expressions. */
  private code(frame: Frame): void {
    if (this.trivia(frame)) return;
    const s = this.s;
    const c = s[this.i] as string;
    this.outline.tokens++;
    const first = !this.lineHasToken;
    this.lineHasToken = true;
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = this.i;
      NUMBER.exec(s);
      this.i = Math.max(NUMBER.lastIndex, this.i + 1);
    } else if (c === '"') {
      this.i++;
      if (this.stack.length === 0) this.label = { start: this.i, plain: true };
      this.push('string');
    } else if (c === '<' && s[this.i + 1] === '<') this.heredoc(frame);
    else if (c === '[' && s[this.i + 1] === '*' && s[this.i + 2] === ']') {
      // A splat: the parser recurses once per splat of a chain, as for a unary operator.
      this.i += 3;
      this.chained(frame);
    } else if (OPENERS[c]) {
      this.i++;
      this.open(OPENERS[c]);
    } else if (CLOSERS[c]) {
      this.i++;
      this.close(c, frame);
    } else if (/[A-Za-z_]/.test(c)) this.word(frame, first);
    else {
      if (c === ',') this.endExpression(frame);
      else if (isChainOperator(c, s[this.i - 1])) this.chained(frame);
      this.i++;
    }
  }

  /** Line breaks, comments and blanks: true when one was consumed. */
  private trivia(frame: Frame): boolean {
    const s = this.s;
    const c = s[this.i] as string;
    if (c === ' ' || c === '\t' || c === '\r') {
      SPACES.lastIndex = this.i;
      SPACES.exec(s);
      this.i = SPACES.lastIndex;
    } else if (c === '\n') {
      this.outline.tokens++;
      this.newline(frame);
    } else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
      this.outline.tokens++;
      const end = s.indexOf('\n', this.i);
      this.i = end < 0 ? s.length : end;
    } else if (c === '/' && s[this.i + 1] === '*') {
      this.outline.tokens++;
      this.blockComment();
    } else return false;
    return true;
  }

  /** A unary, conditional or splat operator: one more level for the parser, until the expression ends. */
  private chained(frame: Frame): void {
    frame.chain++;
    this.deeper(1);
  }

  private blockComment(): void {
    const end = this.s.indexOf('*/', this.i + 2);
    const stop = end < 0 ? this.s.length : end + 2;
    for (let at = this.s.indexOf('\n', this.i); at >= 0 && at < stop; at = this.s.indexOf('\n', at + 1))
      this.line++;
    this.i = stop;
  }

  private heredoc(frame: Frame): void {
    HEREDOC.lastIndex = this.i;
    const match = HEREDOC.exec(this.s);
    if (!match) {
      frame.chain++;
      this.deeper(1);
      this.i += 2;
      return;
    }
    this.i = HEREDOC.lastIndex;
    this.line++;
    this.push('heredoc', { marker: match[1] as string });
    this.heredocEnd();
  }

  private open(kind: Kind): void {
    const header = this.header.words;
    const atTop = this.stack.length === 0;
    this.push(kind);
    const frame = this.stack[this.stack.length - 1] as Frame;
    if (atTop && kind === 'brace') {
      const key = blockKey(header);
      if (key) frame.block = { key, line: this.header.line };
      if (header.length === 1 && header[0] === 'locals') frame.locals = true;
    }
    if (this.stack.length === 1) this.header = { words: [], line: this.line };
  }

  private close(c: string, frame: Frame): void {
    // A closer of the wrong kind is a syntax error the parser reports; it must not lower the count.
    if (frame === this.root) return;
    if (c === '}' && frame.kind === 'interp') {
      this.pop();
      const template = this.stack[this.stack.length - 1];
      if (frame.directive === 'open') this.push('directive');
      else if (frame.directive === 'close' && template?.kind === 'directive') this.pop();
      return;
    }
    if (CLOSERS[c] === frame.kind) this.pop();
  }

  private word(frame: Frame, first: boolean): void {
    IDENT.lastIndex = this.i;
    const word = IDENT.exec(this.s)?.[0] ?? '';
    this.i = IDENT.lastIndex;
    if (this.stack.length === 0) {
      this.addWord(word);
      if (first && this.followedByEquals()) this.setBlock(`attribute.${word}`, this.line);
    } else if (frame.locals && first && this.stack.length === 1 && this.followedByEquals()) {
      this.setBlock(`local.${word}`, this.line);
    }
  }

  private addWord(word: string): void {
    this.header.words.push(word);
    if (this.header.words.length === 1) this.header.line = this.line;
  }

  private followedByEquals(): boolean {
    let at = this.i;
    while (this.s[at] === ' ' || this.s[at] === '\t') at++;
    return this.s[at] === '=' && this.s[at + 1] !== '=';
  }

  private setBlock(key: string, line: number): void {
    if (!this.outline.blocks.has(key)) this.outline.blocks.set(key, { line, endLine: line });
  }

  /** Inside a quoted string, a heredoc or a directive: literal text, with interpolations. */
  private template(): void {
    const s = this.s;
    const inHeredoc = this.templateKind() === 'heredoc';
    // Literal text up to the next character that can matter, in one step.
    const special = inHeredoc ? HEREDOC_SPECIAL : STRING_SPECIAL;
    special.lastIndex = this.i;
    const next = special.exec(s);
    if (!next) {
      this.i = s.length;
      return;
    }
    this.i = next.index;
    const c = s[this.i] as string;
    if (c === '\n') {
      if (!inHeredoc) {
        // A quoted string ends at the end of its line, as the HCL scanner ends it.
        this.closeTemplate('string');
        return;
      }
      this.line++;
      this.i++;
      this.outline.tokens++;
      this.heredocEnd();
      return;
    }
    if (!inHeredoc && c === '\\') {
      this.i += s[this.i + 1] === '\n' ? 1 : 2;
      return;
    }
    if (!inHeredoc && c === '"') {
      const label = this.stack.length === 1 ? this.label : undefined;
      if (label?.plain) this.addWord(this.s.slice(label.start, this.i));
      this.label = undefined;
      this.i++;
      this.closeTemplate('string');
      return;
    }
    if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
      this.i += 3;
      return;
    }
    if ((c === '$' || c === '%') && s[this.i + 1] === '{' && this.label) this.label.plain = false;
    if (c === '$' && s[this.i + 1] === '{') {
      this.outline.tokens += 2;
      this.i += 2;
      this.push('interp');
      return;
    }
    if (c === '%' && s[this.i + 1] === '{') {
      this.outline.tokens += 2;
      DIRECTIVE.lastIndex = this.i;
      const keyword = DIRECTIVE.exec(s)?.[1];
      this.i += 2;
      const directive = keyword === 'if' || keyword === 'for' ? 'open' : keyword ? 'close' : undefined;
      this.push('interp', directive ? { directive } : undefined);
      return;
    }
    this.i++;
  }

  /** Whether the innermost template is a quoted string or a heredoc (directives take their template's kind). */
  private templateKind(): 'string' | 'heredoc' {
    for (let n = this.stack.length - 1; n >= 0; n--) {
      const kind = (this.stack[n] as Frame).kind;
      if (kind === 'string' || kind === 'heredoc') return kind;
    }
    return 'string';
  }

  private closeTemplate(kind: 'string' | 'heredoc'): void {
    while (this.stack.length > 0) {
      const frame = this.pop() as Frame;
      if (frame.kind === kind) return;
    }
  }

  /** At the start of a heredoc line: the closing marker, alone on its line (indented or not). */
  private heredocEnd(): void {
    const frame = [...this.stack].reverse().find((f) => f.kind === 'heredoc');
    if (!frame?.marker) return;
    const end = this.s.indexOf('\n', this.i);
    const line = this.s.slice(this.i, end < 0 ? this.s.length : end).trim();
    if (line !== frame.marker) return;
    this.i = end < 0 ? this.s.length : end;
    this.closeTemplate('heredoc');
  }
}

/** `!`, `?`, `*`, and a `-` that is not inside a name or number (HCL names may hold dashes). */
function isChainOperator(c: string, before: string | undefined): boolean {
  if (c === '!' || c === '?' || c === '*') return true;
  return c === '-' && !/[A-Za-z0-9_.]/.test(before ?? '');
}

function blockKey(words: string[]): string | undefined {
  const [kind, first, second] = words;
  if (words.length === 3 && (kind === 'resource' || kind === 'data'))
    return kind === 'data' ? `data.${first}.${second}` : `${first}.${second}`;
  if (words.length === 2 && (kind === 'module' || kind === 'variable')) return `${kind}.${first}`;
  return undefined;
}
