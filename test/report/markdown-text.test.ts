import { describe, expect, it } from 'vitest';
import { displayChanges, valueText } from '../../src/report/change-display.js';
import {
  codeText,
  inlineCode,
  markdownText,
  truncateText,
  withoutHtmlComments,
} from '../../src/report/markdown-text.js';
import { terminalText } from '../../src/report/terminal-text.js';

const ZWSP = '\u200b';

describe('inlineCode: a value shown exactly in a code span', () => {
  it.each([
    ['s3:*', '`s3:*`'],
    ['<img src=x onerror=alert(1)>', '`<img src=x onerror=alert(1)>`'],
    ['@alice #12 https://x.example', '`@alice #12 https://x.example`'],
    ['`a`', '`` `a` ``'],
    ['a``b', '```a``b```'],
    ['', '` `'],
    [' x ', '`  x  `'],
    ['a\nb\r\nc', '`a b c`'],
    ['a|b', '`a\\|b`'],
    ['nul\u0000 esc\u001b c1\u0085 lone\ud800', '`nul\ufffd esc\ufffd c1\ufffd lone\ufffd`'],
  ])('%j', (text, expected) => {
    expect(inlineCode(text)).toBe(expected);
  });

  it('never holds an HTML comment opener or closer: the state and marker comments cannot be forged or ended', () => {
    expect(inlineCode('<!-- driftwarden:state {"findings":{}} -->')).toBe(
      `\`<${ZWSP}!-- driftwarden:state {"findings":{}} -${ZWSP}->\``,
    );
    expect(inlineCode('a--!>b <!DOCTYPE x>')).toBe(`\`a-${ZWSP}-!>b <${ZWSP}!DOCTYPE x>\``);
    for (const text of ['<!--', '-->', '--->', '---->', '<!---->', '--!>']) {
      const out = inlineCode(text);
      expect(out, text).not.toMatch(/<!|--!?>/);
    }
  });

  it('outside a table a pipe stays as it is; a long value is cut by code points', () => {
    expect(inlineCode('a|b', { inTable: false })).toBe('`a|b`');
    expect(inlineCode('😀😀😀😀', { max: 3 })).toBe('`😀😀…`');
  });
});

describe('markdownText: free text rendered literally', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src\\=x onerror\\=alert\\(1\\)&gt;'],
    ['AT&T <b>', 'AT&amp;T &lt;b&gt;'],
    ['&lt; is not a tag', '&amp;lt; is not a tag'],
    ['*bold* _it_ ~~gone~~', '\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~'],
    [
      '[link](https://e.x) ![img](https://e.x/p.png)',
      '\\[link\\]\\(https:&#8203;//e\\.x\\) \\!\\[img\\]\\(https:&#8203;//e\\.x/p\\.png\\)',
    ],
    ['@alice and @org/team', '@&#8203;alice and @&#8203;org/team'],
    ['mail me: u@example.com', 'mail me: u@&#8203;example\\.com'],
    ['fixes #12, GH-34 and octo/repo#56', 'fixes \\#&#8203;12, GH&#8203;\\-34 and octo/repo\\#&#8203;56'],
    [
      'see https://evil.example and www.evil.example',
      'see https:&#8203;//evil\\.example and www&#8203;\\.evil\\.example',
    ],
    ['a|b \\| c', 'a\\|b \\\\\\| c'],
    ['one\ntwo\r\nthree\rfour\tfive', 'one two three four five'],
    ['$x^2$ costs $5', '&#36;x^2&#36; costs &#36;5'],
    ['# heading', '\\# heading'],
    ['1. list', '1\\. list'],
    ['- item', '\\- item'],
    ['`code`', '\\`code\\`'],
    ['\\*', '\\\\\\*'],
  ])('%j', (text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  it('holds no HTML comment opener or closer, no raw tag and no unbroken mention, reference or autolink', () => {
    const out = markdownText('<!-- driftwarden:state {"findings":{}} --> @a #1 GH-1 http://x www.y');
    expect(out).not.toMatch(/<|>|--!?>/);
    expect(out).not.toMatch(/@(?!&#8203;)|(?<!&)#\d|gh\\?-\d|:\/\/|www\\?\./i);
  });

  it('redacts secret-shaped parts and cuts long text by code points', () => {
    const out = markdownText('denied for ghp_abcdefghijklmnopqrstuvwxyz0123456789 at 10:00');
    expect(out).toBe('denied for \\(redacted\\) at 10:00');
    expect(markdownText('x'.repeat(100_000))).toBe(`${'x'.repeat(499)}…`);
    expect(markdownText('😀'.repeat(10), { max: 4 })).toBe('😀😀😀…');
  });

  it('control characters and lone surrogates become U+FFFD', () => {
    expect(markdownText('a\u0000b\u001bc\u0085d\udc00')).toBe('a\ufffdb\ufffdc\ufffdd\ufffd');
  });
});

describe('codeText and withoutHtmlComments', () => {
  it('break comment openers and closers with a zero-width space, and nothing else', () => {
    expect(codeText('<!-- x --> a->b <b>')).toBe(`<${ZWSP}!-- x -${ZWSP}-> a->b <b>`);
    expect(withoutHtmlComments('a <!-- b --> c')).toBe(`a <${ZWSP}!-- b -${ZWSP}-> c`);
  });
});

describe('truncateText', () => {
  it('counts code points and never splits a surrogate pair', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcd', 3)).toBe('ab…');
    expect(truncateText('😀😀😀', 3)).toBe('😀😀😀');
    expect(truncateText('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('terminalText: nothing from a value reaches the terminal as a control', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['\u001b]0;window title\u001b\\x', 'x'],
    ['\u001bPdevice\u001b\\x', 'x'],
    ['\u001bc\u001b(B\u001b7z', 'z'],
    ['a\u009b31mb\u009d8;;u\u009cc', 'abc'],
    ['\u0000\u0001\u0007\u0008\u007f\u0085z', 'z'],
    ['unterminated \u001b]8;;https://evil.example', 'unterminated 8;;https://evil.example'],
    ['line1\nline2\r\nline3\rline4\ttab', 'line1 line2 line3 line4 tab'],
    ['lone\ud800', 'lone\ufffd'],
    ['fine: ünïcødé 😀', 'fine: ünïcødé 😀'],
  ])('%j', (text, expected) => {
    expect(terminalText(text)).toBe(expected);
  });

  it('multi-line text keeps its line feeds and tabs, never a carriage return', () => {
    expect(terminalText('a\nb\r\nc\rd\te\u001b[2J', { multiline: true })).toBe('a\nb\ncd\te');
  });

  it('runs in linear time on many introducers', () => {
    const started = performance.now();
    terminalText('\u009d'.repeat(200_000));
    terminalText('\u001b]'.repeat(100_000));
    terminalText('\u001b['.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('change display', () => {
  it('a replaced list element, listed as a removal and an addition at one path, shows as one change', () => {
    expect(
      displayChanges([
        { path: 'list[1]', declared: 'b', live: null },
        { path: 'list[1]', declared: null, live: 'X' },
        { path: 'tags.env', declared: 'prod', live: null },
      ]),
    ).toEqual([
      { path: 'list[1]', declared: 'b', live: 'X' },
      { path: 'tags.env', declared: 'prod', live: null },
    ]);
  });

  it('a value that is not JSON (a prototype function) is absent, and paths named like prototype members are kept', () => {
    const fn = Object.prototype.toString as unknown as null;
    expect(valueText(fn)).toBe('(absent)');
    expect(valueText({ a: fn } as never)).toBe('{"a":null}');
    expect(
      displayChanges([
        { path: 'constructor', declared: 'a', live: fn },
        { path: 'constructor', declared: null, live: 'b' },
        { path: '__proto__', declared: 'c', live: 'd' },
      ]),
    ).toEqual([
      { path: 'constructor', declared: 'a', live: 'b' },
      { path: '__proto__', declared: 'c', live: 'd' },
    ]);
  });
});
