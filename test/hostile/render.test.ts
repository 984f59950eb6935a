import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS, type ReportFormat } from '../../src/report/formats.js';
import { tempDir } from '../helpers/cli.js';
import { type HostileResult, runHostile } from '../helpers/hostile.js';
import { one, snapshot, state } from '../helpers/state.js';
import { forbiddenXmlCharacters } from '../helpers/xml.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.js';

/**
 * The regression corpus for untrusted text: hostile values planted in a state, a snapshot and a config (resource
 * ids, tag keys and values, attribute values, list elements, waiver reasons, a file name), run through the real CLI
 * into every format. Each output must parse, and render every value inertly: no markup, mention, reference,
 * autolink or HTML comment in Markdown, no element or handler in HTML, no control sequence on the terminal, only
 * XML 1.0 characters in JUnit, lossless JSON.
 */
const CORPUS: Readonly<Record<string, string>> = {
  html: '<img src=x onerror=alert(1)><script>alert(2)</script>',
  stateMarker: '<!-- driftwarden:state {"findings":{}} -->',
  commentEnd: 'end --> and --!> then <!-- open',
  mention: '@alice and @org/team',
  issueRef: 'fixes #12, GH-34 and octo/repo#56',
  autolink: 'https://evil.example/x www.evil.example mailto:a@b.example',
  emphasis: '*bold* _it_ ~~gone~~ [link](https://e.example) ![i](https://e.example/p.png)',
  backticks: '``` `code` ```` `',
  pipes: 'a|b\\|c||d',
  newlines: 'one\ntwo\r\nthree\rfour',
  ansi: '\u001b[31mred\u001b[0m\u001b[2J\u001b[H',
  osc8: '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u001b]0;title\u001b\\',
  controls: 'c0\u0000\u0001\u0008\u000b\u007f c1\u0085\u009b31m\u009d8;;x\u009c',
  surrogate: 'lone\ud800high and \udc00low',
  cdata: ']]> <![CDATA[x]]> &amp; &#64;x',
  math: '$x^2$ and $$y$$',
  big: `big${'B'.repeat(100_000)}`,
};
const PROTOTYPE_KEYS = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];
const FORMATS = REPORT_FORMATS;
type Format = ReportFormat;

const ADMIN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});
const values = Object.values(CORPUS);
const short = Object.entries(CORPUS).filter(([name]) => name !== 'big');

function tags(side: 'declared' | 'live'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(CORPUS))
    out[`v_${name}`] = side === 'declared' ? 'declared' : value;
  for (const [name, value] of short) out[value] = `${side}-${name}`;
  return out;
}

/** Keys named like Object.prototype members; the declared side has `toString`, which the live side lacks. */
function labels(side: 'declared' | 'live'): Record<string, string> {
  const keys = side === 'declared' ? PROTOTYPE_KEYS : PROTOTYPE_KEYS.filter((key) => key !== 'toString');
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, `${side}-${key}`]))));
}

function corpusFiles(): Record<string, string> {
  const declared = state([
    one('aws_s3_bucket', 'hostile', {
      id: 'hostile-bucket',
      bucket: 'hostile-bucket',
      tags: tags('declared'),
      labels: labels('declared'),
      // Without `__proto__`, the diff walks this map key by key and meets `toString` on one side only.
      settings: { toString: 'declared-toString', constructor: 'same', env: 'declared' },
      grants: ['a', 'b', 'c'],
    }),
    ...short.map(([name, value]) =>
      one('aws_iam_policy', `p_${name}`, {
        id: `arn:aws:iam::111122223333:policy/${value}`,
        arn: `arn:aws:iam::111122223333:policy/${value}`,
        name: value,
        policy: ADMIN,
      }),
    ),
  ]);
  const live = snapshot(
    [
      {
        type: 'aws_s3_bucket',
        id: 'hostile-bucket',
        attributes: {
          bucket: 'hostile-bucket',
          tags: tags('live'),
          labels: labels('live'),
          settings: { constructor: 'same', env: 'live' },
          grants: ['a', CORPUS.html ?? '', 'c'],
        },
      },
      ...values.map((value) => ({ type: 'aws_s3_bucket', id: value, attributes: { bucket: value } })),
    ],
    ['aws_s3_bucket'],
  );
  const reason = short.map(([, value]) => value).join(' ');
  const config = {
    version: 1,
    state: ['main.tfstate'],
    live: ['snapshot:live.json'],
    failOn: 'none',
    waivers: [{ rule: 'DW-AWS-IAM-*', resource: 'aws_iam_policy.*policy/@alice*', reason }],
  };
  return {
    'main.tfstate': declared,
    [BROKEN]: '{',
    'live.json': live,
    'driftwarden.yml': JSON.stringify(config, null, 2),
  };
}

/** A state that cannot be read, named so that its error line carries markup, a mention and an escape sequence. */
const BROKEN = 'broken <svg onload=alert`1`> @alice #1 \u001b]0;pwned\u0007.tfstate';

const outputs = new Map<Format, HostileResult>();
const failed = new Map<Format, HostileResult>();

beforeAll(async () => {
  const cwd = tempDir(corpusFiles());
  const run = (args: string[]) => runHostile(args, { cwd, timeoutMs: 60_000 });
  for (const format of FORMATS) {
    outputs.set(format, await run(['scan', '--config', 'driftwarden.yml', '--format', format]));
  }
  for (const format of ['table', 'markdown'] as const) {
    const args = ['scan', '--state', BROKEN, '--state', 'main.tfstate', '--live', 'snapshot:live.json'];
    failed.set(format, await run([...args, '--fail-on', 'none', '--format', format]));
  }
}, 240_000);

/** The output of a run that must end well: 0 (fail-on none), or 3 for the run with the broken state. */
function output(format: Format, from = outputs): string {
  const result = from.get(format);
  if (!result) throw new Error(`no ${format} output`);
  expect(result.timedOut, `${format} timed out`).toBe(false);
  const expected = from === failed ? 3 : 0;
  expect(result.code, `${format}: ${result.stderr.slice(0, 2000)}`).toBe(expected);
  return result.stdout;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('the hostile corpus through every format', () => {
  it('has at least 15 hostile values and prototype-named keys', () => {
    expect(Object.keys(CORPUS).length).toBeGreaterThanOrEqual(15);
    expect(PROTOTYPE_KEYS).toContain('__proto__');
  });

  it('table: no control character or sequence from a value reaches the terminal; lines stay bounded', () => {
    const out = output('table');
    expect(out).not.toMatch(TERMINAL_CONTROL);
    expect(out).not.toMatch(LONE_SURROGATE);
    expect(out).toContain('~ grants[1]: "b" -> "<img src=x onerror=alert(1)><script>alert(2)</script>"');
    expect(out).toContain('  unmanaged  aws_s3_bucket  red  ');
    expect(out).toContain('  unmanaged  aws_s3_bucket  click  ');
    expect(out).toContain(
      '~ tags["\\u001b[31mred\\u001b[0m\\u001b[2J\\u001b[H"]: "declared-ansi" -> "live-ansi"',
    );
    expect(out).toContain('~ settings.toString: "declared-toString" -> (absent)');
    expect(out).toMatch(/~ labels/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThan(2_000);
    const failure = output('table', failed);
    expect(failure).not.toMatch(TERMINAL_CONTROL);
    expect(failure).toContain(
      'FAILED  declared terraform-state  broken <svg onload=alert`1`> @alice #1 .tfstate: invalid JSON',
    );
  });

  it('json: parses, validates against its schema and holds every value exactly', () => {
    const report = JSON.parse(output('json'));
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../src/model/schemas/report.schema.json'), 'utf8'),
    );
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const ids = new Set(report.drift.map((d: { id: string }) => d.id));
    for (const value of values) expect(ids.has(value), JSON.stringify(value.slice(0, 40))).toBe(true);
    const bucket = report.drift.find((d: { id: string }) => d.id === 'hostile-bucket');
    const change = (path: string) => bucket.changes.find((c: { path: string }) => c.path === path);
    for (const [name, value] of Object.entries(CORPUS))
      expect(change(`tags.v_${name}`)).toEqual({ path: `tags.v_${name}`, declared: 'declared', live: value });
    // A key one side lacks is absent there, whatever the diff reads through the prototype.
    expect(change('settings.toString')).toEqual({
      path: 'settings.toString',
      declared: 'declared-toString',
      live: null,
    });
    const labels = bucket.changes.filter((c: { path: string }) => c.path.startsWith('labels'));
    expect(labels.length).toBeGreaterThan(0);
    expect(report.violations.length + report.waived.length).toBeGreaterThan(0);
  });

  it('sarif: parses, and its raw text holds no control character JSON requires escaped, nor a lone surrogate', () => {
    const text = output('sarif');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).not.toMatch(LONE_SURROGATE);
    const sarif = JSON.parse(text);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('markdown: every table row keeps its cells; outside code spans nothing is markup, a mention, a reference or an autolink', () => {
    const md = output('markdown');
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).not.toContain('<!--');
    expect(md).not.toMatch(/--!?>/);
    expect(md).not.toMatch(LONE_SURROGATE);
    const problems = markdownProblems(md);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(md).toContain('| unmanaged | `aws_s3_bucket.@alice and @org/team` |');
    expect(md).toContain('`grants[1]`: `"b"` → `"<img src=x onerror=alert(1)><script>alert(2)</script>"`');
    expect(md).toContain('`labels');
    expect(md).toContain('`settings.toString`: `"declared-toString"` → `(absent)`');
    const failure = output('markdown', failed);
    expect(failure).toContain(
      '> **Incomplete:** ``broken <svg onload=alert`1`> @alice #1 \ufffd]0;pwned\ufffd.tfstate`` (failed)',
    );
    expect(markdownProblems(failure)).toEqual([]);
  });

  it('junit: only XML 1.0 characters, no CDATA end, balanced elements', () => {
    const xml = output('junit');
    expect(forbiddenXmlCharacters(xml)).toEqual([]);
    expect(xml).not.toContain(']]>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const open = xml.match(/<testsuite /g)?.length ?? 0;
    expect(xml.match(/<\/testsuite>/g)?.length).toBe(open);
    for (const attribute of xml.match(/="[^"]*"/g) ?? []) expect(attribute).not.toMatch(/[<\n\r\t]/);
  });

  it('html: no element, handler or comment from a value; the values are text', () => {
    const page = output('html');
    expect(page).not.toMatch(/<img|<[^>]*\son\w+=|<!--/i);
    expect(page.match(/<script/g)).toHaveLength(1);
    // The finding tables are data for the script, which puts every value in a text node (the browser test below
    // reads them back as text): no `<` of a value reaches the page.
    const data = page.slice(page.indexOf('})(JSON.parse(\'{"strings"'), page.lastIndexOf('</script>'));
    expect(data.length).toBeGreaterThan(0);
    expect(data).not.toContain('<');
    expect(data).toContain('\\u003cscript>');
  });
});

describe.runIf(existsSync(CHROMIUM) || process.env.DRIFTWARDEN_REQUIRE_CHROMIUM === '1')(
  'the HTML and JUnit outputs in a real parser (headless Chromium)',
  () => {
    type Browser = import('playwright-core').Browser;
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      dir = mkdtempSync(join(tmpdir(), 'driftwarden-hostile-'));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_ARGS],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('JUnit is well-formed XML; the HTML has no element, attribute or script from a value', async () => {
      const page = await browser.newPage();
      const xmlError = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      }, output('junit'));
      expect(xmlError).toBeNull();

      const file = join(dir, 'report.html');
      writeFileSync(file, output('html'));
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      const found = await page.evaluate(() => ({
        images: document.querySelectorAll('img, iframe, object, embed, a[href]').length,
        scripts: document.querySelectorAll('script').length,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => a.name.startsWith('on'))
            .map((a) => `${el.tagName}.${a.name}`),
        ),
        text: document.body.textContent ?? '',
      }));
      expect(found.images).toBe(0);
      expect(found.scripts).toBe(1);
      expect(found.handlers).toEqual([]);
      expect(found.text).toContain('<img src=x onerror=alert(1)><script>alert(2)</script>');
      expect(found.text).toContain('<!-- driftwarden:state {"findings":{}} -->');
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([`file://${file}`]);
    }, 60_000);
  },
);

/**
 * What GitHub would render as something other than the text of a table row, found the way its parser reads the
 * row: cells split at every `|` that no backslash precedes (cmark-gfm's table scanner), `\|` unescaped, then code
 * spans matched by backtick runs of equal length (CommonMark). Outside code spans, every Markdown punctuation
 * character that could start markup must be backslash-escaped, `<` may only open this renderer's `<br>`, and `@`,
 * `#<digit>`, `GH-<digit>`, `://` and `www.` must be broken by a zero-width space; inside, no HTML comment opener
 * or closer, control character or lone surrogate.
 */
function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  let columns = 0;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = splitRow(line);
    if (columns === 0) columns = cells.length;
    else if (cells.length !== columns)
      problems.push(`row with ${cells.length} cells, not ${columns}: ${line.slice(0, 200)}`);
    for (const cell of cells) problems.push(...cellProblems(cell.replaceAll('\\|', '|')));
  }
  return problems;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < line.length; i++) {
    const char = line[i];
    if (char === '|' && line[i - 1] !== '\\') {
      cells.push(current);
      current = '';
    } else current += char;
  }
  return cells;
}

function cellProblems(cell: string): string[] {
  const problems: string[] = [];
  let outside = '';
  let i = 0;
  while (i < cell.length) {
    if (cell[i] === '\\' && i + 1 < cell.length && /[!-/:-@[-`{-~]/.test(cell[i + 1] ?? '')) {
      outside += `\\${cell[i + 1]}`;
      i += 2;
      continue;
    }
    if (cell[i] !== '`') {
      outside += cell[i];
      i++;
      continue;
    }
    const run = /^`+/.exec(cell.slice(i))?.[0] ?? '`';
    const close = findRun(cell, i + run.length, run.length);
    if (close < 0) {
      problems.push(`unclosed code span: ${cell.slice(i, i + 80)}`);
      outside += run;
      i += run.length;
      continue;
    }
    const content = cell.slice(i + run.length, close);
    if (/<!|--!?>/.test(content)) problems.push(`HTML comment in a code span: ${content.slice(0, 80)}`);
    if (TERMINAL_CONTROL.test(content) || LONE_SURROGATE.test(content))
      problems.push(`control character in a code span: ${JSON.stringify(content.slice(0, 80))}`);
    i = close + run.length;
  }
  const unescaped = outside.replace(/\\[!-/:-@[-`{-~]/g, '').replaceAll('<br>', '');
  if (/[*_[\]~`<>$]/.test(unescaped)) problems.push(`markup outside code spans: ${outside.slice(0, 120)}`);
  const decoded = outside.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (/@(?!&#8203;)|(?<!&)#\d|gh-\d|:\/\/|www\./i.test(decoded))
    problems.push(`mention, reference or autolink outside code spans: ${decoded.slice(0, 120)}`);
  return problems;
}

/** The index of the next backtick run of exactly `length`, or -1. */
function findRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}
