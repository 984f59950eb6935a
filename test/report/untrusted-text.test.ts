import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import type { Value } from '../../src/model/value.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ANSI_STYLE } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { forbiddenXmlCharacters } from '../helpers/xml.js';
import { sampleReport } from './sample-report.js';

/**
 * Free text (messages, reasons, errors, diagnostics) and values the CLI corpus cannot plant through built-in rules,
 * put straight into a report and through every renderer.
 */
const EVIL =
  '<img src=x onerror=alert(1)> @alice #12 https://evil.example *x* `y` |z| <!-- driftwarden:state {} -->';
const ANSI = '\u001b[31mred\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u009b2J\u0000\r\nnext';
const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const ANY_ESCAPE = /\u001b[^m]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const OWN_SGR = /^\u001b\[(1|2|22|31|32|33|36|39)m$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const SGR = /\u001b\[\d+m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What the diff hands over today for a key named like a prototype member that one side lacks. */
const PROTOTYPE_FUNCTION = Object.prototype.toString as unknown as Value;

function hostileReport(): Report {
  const base = sampleReport();
  return sampleReport({
    scan: {
      ...base.scan,
      complete: false,
      sources: [
        ...base.scan.sources,
        {
          connector: 'terraform-state',
          side: 'declared',
          location: `states/${EVIL}.tfstate`,
          resources: 0,
          status: 'failed',
          error: `${EVIL} ${ANSI} token ${SECRET}`,
        },
        {
          connector: 'aws-config',
          side: 'live',
          location: 'aws-config:eu-west-1',
          resources: 1,
          status: 'partial',
          problems: [`${ANSI} ${EVIL}`],
        },
      ],
      diagnostics: [{ level: 'warning', code: 'x.y', message: `${EVIL} ${ANSI} ${SECRET}`, source: ANSI }],
      policies: { rules: 3, failed: [{ ruleId: 'DW-X', error: `${EVIL} ${SECRET}` }] },
    },
    drift: [
      {
        kind: 'changed',
        key: `aws_s3_bucket.${EVIL}`,
        type: 'aws_s3_bucket',
        id: `${EVIL}${ANSI}`,
        provider: 'aws',
        location: { file: `states/${ANSI}.tfstate` },
        changes: [
          { path: 'tags.toString', declared: EVIL, live: PROTOTYPE_FUNCTION },
          { path: `tags.${ANSI}`, declared: ANSI, live: JSON.parse('{"constructor":"x","__proto__":null}') },
          { path: 'list[1]', declared: 'b', live: null },
          { path: 'list[1]', declared: null, live: `${EVIL}` },
        ],
      },
    ],
    violations: [
      {
        ...base.violations[0]!,
        key: `aws_iam_policy.${EVIL}`,
        id: EVIL,
        message: `${EVIL} ${ANSI} with ${SECRET}`,
        path: `policy.${EVIL}`,
        location: { file: `main.tf${ANSI}`, line: 3 },
      },
    ],
    waived: [
      {
        ...base.violations[1]!,
        key: `aws_s3_bucket.${ANSI}`,
        waiver: { reason: `${EVIL} ${ANSI} ${SECRET}`, source: `config ${EVIL}` },
      },
    ],
  });
}

describe('every renderer on untrusted free text and values', () => {
  it('markdown: values in code spans, free text escaped, secrets redacted, no HTML comment', () => {
    const md = renderMarkdown(hostileReport());
    expect(md).not.toContain('<!--');
    expect(md).not.toMatch(/--!?>/);
    expect(md).not.toContain(SECRET);
    expect(md).not.toMatch(CONTROL);
    const message = md.split('\n').find((line) => line.startsWith('| critical |')) ?? '';
    const code = (text: string) =>
      `\`\`${text} @alice #12 https://evil.example *x* \`y\` \\|z\\| <\u200b!-- driftwarden:state {} -\u200b->\`\``;
    expect(message).toBe(
      `| critical | \`DW-AWS-IAM-001\` | live | ${code('aws_iam_policy.<img src=x onerror=alert(1)>')} | ` +
        '&lt;img src\\=x onerror\\=alert\\(1\\)&gt; @&#8203;alice \\#&#8203;12 https:&#8203;//evil\\.example \\*x\\* \\`y\\` \\|z\\| ' +
        '&lt;\\!\\-\\- driftwarden:state \\{\\} \\-\\-&gt; ' +
        '\ufffd\\[31mred\ufffd\\]8;;https:&#8203;//evil\\.example\ufffdlink\ufffd\\]8;;\ufffd\ufffd2J\ufffd next with \\(redacted\\) ' +
        `(${code('policy.<img src=x onerror=alert(1)>')}) |`,
    );
    // The list element shows as one change; the prototype function reads as absent.
    expect(md).toContain(
      '`list[1]`: `"b"` → ``"<img src=x onerror=alert(1)> @alice #12 https://evil.example *x* `y` \\|z\\| <\u200b!-- …``',
    );
    expect(md).toContain('`tags.toString`: ');
    expect(md).toContain('→ `(absent)`');
    expect(md).toContain('`{"constructor":"x","__proto__":null}`');
  });

  it('table: only its own colours reach the terminal, free text redacted, columns aligned', () => {
    const out = renderTable(hostileReport(), ANSI_STYLE);
    const escapes = out.match(ANY_ESCAPE) ?? [];
    expect(
      escapes.every((e) => OWN_SGR.test(e)),
      escapes.join(' '),
    ).toBe(true);
    const bare = out.replace(SGR, '');
    expect(bare).not.toMatch(CONTROL);
    expect(bare).not.toContain(SECRET);
    expect(bare).not.toContain('\ud800');
    const lines = bare.split('\n');
    const header = lines.find((line) => line.includes('ADDRESS / LOCATION')) ?? '';
    const row = lines[lines.indexOf(header) + 1] ?? '';
    expect([...row].slice([...header].indexOf('A', header.indexOf('ADDRESS'))).join('')).toMatch(/^states\//);
    expect(bare).toContain(
      '~ list[1]: "b" -> "<img src=x onerror=alert(1)> @alice #12 https://evil.exa...\n',
    );
    expect(bare).toContain(
      '~ tags.toString: "<img src=x onerror=alert(1)> @alice #12 https://evil.exa... -> (absent)',
    );
    expect(bare).toContain('-> {"constructor":"x","__proto__":null}');
  });

  it('json: parses, keeps its schema when a value is not JSON, and escapes controls and lone surrogates', () => {
    const report = hostileReport();
    report.drift[0]!.changes.push({ path: 'lone', declared: 'a\ud800b', live: '\u0000\u001b' });
    const text = renderJson(report);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('"a\\ud800b"');
    expect(text).toContain('"\\u0000\\u001b"');
    const parsed = JSON.parse(text);
    expect(parsed.drift[0].changes[0]).toEqual({ path: 'tags.toString', declared: EVIL, live: null });
    expect(parsed.drift[0].changes.at(-1)).toEqual({
      path: 'lone',
      declared: 'a\ud800b',
      live: '\u0000\u001b',
    });
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../src/model/schemas/report.schema.json'), 'utf8'),
    );
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('junit: only characters XML 1.0 allows, no CDATA end, attributes that survive normalisation', () => {
    const report = hostileReport();
    report.violations[0]!.message =
      `]]> \u0000\u0001\u000b\u000c\u001f\ufffe\uffff lone\ud800 \udc00 tab\there\r\nnew ${SECRET}`;
    const xml = renderJunit(report);
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain(SECRET);
    expect(forbiddenXmlCharacters(xml)).toEqual([]);
    expect(xml).toContain(
      'message="]]&gt; \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd lone\ufffd \ufffd tab&#9;here&#13;&#10;new (redacted)"',
    );
    for (const attribute of xml.match(/="[^"]*"/g) ?? []) expect(attribute).not.toMatch(/[<\n\r\t]/);
  });

  it('html: every table and chart label escaped, free text redacted, nothing that loads or runs', () => {
    const report = hostileReport();
    report.drift[0]!.type = `aws_${EVIL}`;
    report.violations[0]!.type = `aws_${EVIL}`;
    report.violations[0]!.title = EVIL;
    const page = renderHtml(report);
    expect(page).not.toMatch(/<img|<[^>]*\sonerror=/i);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<!--/g)).toBeNull();
    expect(page).not.toContain(SECRET);
    const escaped = '&lt;img src=x onerror=alert(1)&gt;';
    for (const id of ['incomplete', 'sources', 'diagnostics']) {
      const section = new RegExp(`<section[^>]*id="${id}"[\\s\\S]*?</section>`).exec(page)?.[0] ?? '';
      expect(section, id).toContain(escaped);
    }
    // The finding tables are data for the script, which puts every value in a text node: no `<` reaches it.
    const data = page.slice(page.indexOf('})(JSON.parse(\'{"strings"'), page.lastIndexOf('</script>'));
    expect(data.length).toBeGreaterThan(0);
    expect(data).not.toContain('<');
    expect(data).toContain('\\u003cimg ');
    const typeChart = /<figcaption>Findings by resource type[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    expect(typeChart).toContain(
      '<title>aws_&lt;img src=x onerror=alert(1)&gt; @alice #12 https://evil.example *x* `y` |z| &lt;!-- driftwarden:state {} --&gt;: 1 drift, 1 violations</title>',
    );
    expect(typeChart).toContain('>aws_&lt;img src=x onerror=al…</text>');
  });
});
