import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/model/location.js';
import { type Report, reportSchema, type Violation } from '../../src/model/report.js';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { CSP, renderHtml } from '../../src/report/html.js';
import { topTypes } from '../../src/report/html-charts.js';
import { scriptValue, type TableData, tableData } from '../../src/report/html-data.js';
import { html, raw } from '../../src/report/html-escape.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.js';

const XSS = '<script>alert(1)</script>';

function violation(
  severity: Report['violations'][number]['severity'],
  ruleId: string,
  key: string,
  extra: Partial<Report['violations'][number]> = {},
): Report['violations'][number] {
  const [type = '', id = ''] = key.split('.');
  return {
    ruleId,
    title: `Rule ${ruleId}`,
    severity,
    category: 'encryption',
    key,
    type,
    id,
    origin: 'declared',
    message: `${key} breaks ${ruleId}`,
    ...extra,
  };
}

/** A string of the HTML report's data, as its script reads it: a string, or the strings of its parts. */
function decode(strings: TableData['strings'], index: number): string {
  const entry = strings[index];
  if (entry === undefined) throw new Error(`no string ${index}`);
  return typeof entry === 'string' ? entry : entry.map((part) => decode(strings, part)).join('');
}

function rule(id: string, remediation: string): CatalogueRule {
  return {
    id,
    title: 'Public ACL',
    description: 'A bucket ACL that grants public read.',
    severity: 'high',
    category: 'network',
    resourceTypes: ['aws_s3_bucket'],
    controls: [],
    remediation,
    equivalents: { checkov: [], trivy: [] },
    relatedResources: [],
    entrypoint: 'x/deny',
    file: 'x.rego',
  };
}

/** A report with every drift kind, every severity, a waiver, a failed and a partial source, and hostile text. */
function sampleReport(): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'driftwarden', version: '0.1.0' },
    scan: {
      startedAt: '2025-06-01T12:00:00.000Z',
      durationMs: 4213,
      complete: false,
      sources: [
        {
          connector: 'terraform-state',
          side: 'declared',
          location: 'envs/prod/terraform.tfstate',
          resources: 14,
          status: 'ok',
        },
        {
          connector: 'terraform-state',
          side: 'declared',
          location: 'envs/legacy.tfstate',
          resources: 0,
          status: 'failed',
          error: 'Unexpected end of JSON input',
        },
        {
          connector: 'aws-config',
          side: 'live',
          location: 'aws-config:eu-west-1',
          resources: 17,
          status: 'partial',
          problems: ['AccessDenied listing aws_iam_role'],
          stats: { httpRequests: 42 },
        },
      ],
      diagnostics: [
        {
          level: 'warning',
          code: 'state.legacy-format',
          message: 'legacy state format',
          source: 'envs/prod/terraform.tfstate',
        },
      ],
      policies: { rules: 12, failed: [{ ruleId: 'net.sg-egress', error: 'rule timed out' }] },
    },
    summary: {
      declared: 14,
      live: 17,
      managed: 12,
      unmanaged: 3,
      missing: 2,
      changed: 3,
      notCompared: 1,
      ignored: 1,
      waived: 1,
      coverage: 12 / 17,
      unknown: 0,
      violations: { critical: 1, high: 2, medium: 1, low: 1 },
    },
    drift: [
      {
        kind: 'changed',
        key: 'aws_s3_bucket.logs',
        type: 'aws_s3_bucket',
        id: 'logs',
        provider: 'aws',
        account: '123456789012',
        address: 'aws_s3_bucket.logs',
        location: { file: 'envs/prod/terraform.tfstate' },
        changes: [
          { path: 'acl', declared: 'private', live: 'public-read' },
          { path: 'tags.owner', declared: XSS, live: null },
          { path: 'versioning', declared: { enabled: true }, live: { enabled: false } },
        ],
      },
      {
        kind: 'changed',
        key: 'aws_db_instance.main',
        type: 'aws_db_instance',
        id: 'main',
        provider: 'aws',
        address: 'aws_db_instance.main',
        changes: [{ path: 'password', declared: '(sensitive)', live: '(sensitive)' }],
      },
      {
        kind: 'changed',
        key: 'aws_security_group.web',
        type: 'aws_security_group',
        id: 'sg-0abc',
        provider: 'aws',
        address: 'module.web.aws_security_group.this',
        changes: [{ path: 'ingress[0].cidr_blocks', declared: ['10.0.0.0/8'], live: ['0.0.0.0/0'] }],
      },
      {
        kind: 'missing',
        key: 'aws_s3_bucket.archive',
        type: 'aws_s3_bucket',
        id: 'archive',
        provider: 'aws',
        address: 'aws_s3_bucket.archive',
        changes: [],
      },
      {
        kind: 'missing',
        key: 'aws_iam_role.ci',
        type: 'aws_iam_role',
        id: 'ci',
        provider: 'aws',
        address: 'aws_iam_role.ci',
        changes: [],
      },
      {
        kind: 'unmanaged',
        key: 'aws_s3_bucket.handmade',
        type: 'aws_s3_bucket',
        id: 'handmade',
        provider: 'aws',
        location: { uri: 'aws-config:eu-west-1' },
        changes: [],
      },
      {
        kind: 'unmanaged',
        key: 'aws_iam_user.bob',
        type: 'aws_iam_user',
        id: 'bob',
        provider: 'aws',
        location: { uri: 'aws-config:eu-west-1' },
        changes: [],
      },
      {
        kind: 'unmanaged',
        key: 'aws_sns_topic.alerts',
        type: 'aws_sns_topic',
        id: 'alerts',
        provider: 'aws',
        location: { uri: 'aws-config:eu-west-1' },
        changes: [],
      },
    ],
    violations: [
      violation('critical', 'iam.admin-star', 'aws_iam_policy.admin', {
        category: 'iam',
        path: 'policy.Statement[0]',
        message: 'Allows "*" on "*"',
      }),
      violation('high', 's3.public-acl', 'aws_s3_bucket.logs', {
        category: 'network',
        origin: 'live',
        path: 'acl',
        location: { uri: 'aws-config:eu-west-1' },
      }),
      violation('high', 'net.open-ingress', 'aws_security_group.web', {
        category: 'network',
        path: 'ingress[0]',
        message: `Ingress from 0.0.0.0/0 ${XSS}`,
      }),
      violation('medium', 's3.encryption', 'aws_s3_bucket.archive', {
        location: { file: 'main.tf', line: 12 },
      }),
      violation('low', 'tags.owner', 'aws_sns_topic.alerts', { category: 'secrets', origin: 'live' }),
    ],
    waived: [
      {
        ...violation('medium', 's3.encryption', 'aws_s3_bucket.legacy'),
        waiver: {
          reason: 'Legacy bucket, retired in Q3',
          source: 'config waivers[0]',
          expires: '2025-09-30',
        },
      },
    ],
  };
}

describe('renderHtml', () => {
  const report = sampleReport();
  const page = renderHtml(report);

  it('takes a report that the schema accepts', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it('escapes every value: a script in a change or a message never appears raw', () => {
    expect(page).not.toContain(XSS);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.match(/<\/script/gi)).toHaveLength(1);
    const data = page.slice(page.indexOf('})(JSON.parse(\'{"strings"'), page.indexOf('</script>'));
    expect(data).not.toContain('<');
    expect(data).toContain('\\u003cscript>alert(1)\\u003c/');
  });

  it('writes the data as JavaScript that gives it back exactly, with no `<` and nothing that ends its string', () => {
    const value = { strings: ["it's", 'a\\b', '"q"', '</script><!--', 'line\u2028sep\u2029', '\n\t'] };
    const script = scriptValue(value);
    expect(script).not.toMatch(/<|\u2028|\u2029/);
    expect(new Function(`return ${script}`)()).toEqual(value);
  });

  it('keeps every cell of the finding tables in its data, exactly', () => {
    const data = tableData(report, new Set(['s3.public-acl']));
    const cell = (index: number) => decode(data.strings, index);
    expect(data.violations.map((row) => row.slice(0, 9).map((c) => cell(c as number)))).toEqual(
      report.violations.map((v) => [
        v.severity,
        v.ruleId,
        v.title,
        v.origin,
        v.key,
        formatLocation(v.location),
        v.path ?? '',
        v.message,
        '',
      ]),
    );
    expect(data.violations.map((row) => row[9])).toEqual([0, 1, 0, 0, 0]);
    const [first] = data.drift;
    expect(first?.slice(0, 7).map((c) => cell(c as number))).toEqual([
      'changed',
      'aws_s3_bucket',
      'logs',
      '123456789012',
      'aws_s3_bucket.logs',
      'envs/prod/terraform.tfstate',
      '',
    ]);
    expect(
      ((first?.[7] ?? []) as number[][]).map(([p, d, l, absent]) => [
        cell(p ?? 0),
        cell(d ?? 0),
        cell(l ?? 0),
        absent,
      ]),
    ).toEqual([
      ['acl', '"private"', '"public-read"', 0],
      ['tags.owner', JSON.stringify(XSS), '(absent)', 2],
      ['versioning', '{"enabled":true}', '{"enabled":false}', 0],
    ]);
    expect(data.waived.map((row) => row.map((c) => cell(c as number)))).toEqual([
      [
        'medium',
        's3.encryption',
        'Rule s3.encryption',
        'declared',
        'aws_s3_bucket.legacy',
        'Legacy bucket, retired in Q3',
        'config waivers[0]',
        '2025-09-30',
      ],
    ]);
  });

  it('stores a string once, long ones by their shared prefixes, the most used with the shortest indices', () => {
    const arn = (n: number) => `arn:aws:iam::123456789012:role/service-role/app-${n}`;
    const many: Report = {
      ...report,
      waived: [],
      drift: [],
      violations: Array.from({ length: 50 }, (_, n) =>
        violation('high', 'iam.star', `aws_iam_role.${arn(n)}`, { message: 'allows every action' }),
      ),
    };
    const data = tableData(many, new Set());
    const keys = data.violations.map((row) => decode(data.strings, row[4] as number));
    expect(keys).toEqual(many.violations.map((v) => v.key));
    const prefix = 'aws_iam_role.arn:aws:iam::123456789012:role/service-role/';
    const entries = data.strings.map((_, index) => decode(data.strings, index));
    expect(entries.filter((entry) => entry === prefix)).toHaveLength(1);
    expect(entries.filter((entry) => entry === 'allows every action')).toHaveLength(1);
    expect(JSON.stringify(data.strings).length).toBeLessThan(keys.join('').length / 2);
    expect(data.violations.every((row) => (row[0] as number) < 10 && (row[1] as number) < 10)).toBe(true);
  });

  it('shows how to fix each violated rule once, from the catalogue, escaped', () => {
    const rules = [
      rule('s3.public-acl', 'resource "aws_s3_bucket_acl" "logs" {\n  acl = "private" # <not public>\n}\n'),
    ];
    const out = renderHtml(report, rules);
    expect(out).toContain('<section class="panel fixes table-panel" id="fixes">');
    expect(out).toContain('How to fix (1 rule)');
    expect(out).toContain(
      '<details id="fix-s3.public-acl"><summary><code>s3.public-acl</code> Public ACL <span class="sub">1 violation</span></summary>',
    );
    expect(out).toContain(
      '<pre><code>resource &quot;aws_s3_bucket_acl&quot; &quot;logs&quot; {\n  acl = &quot;private&quot; # &lt;not public&gt;\n}</code></pre>',
    );
    expect(out.match(/<details id="fix-/g)).toHaveLength(1);
    expect(page).not.toContain('id="fixes"');
    // Without rules to say how, the Fix column is hidden rather than empty.
    expect(page).toContain(
      '<section class="panel table-panel" id="violations" data-table="violations" data-no-fix>',
    );
    expect(out).toContain('<section class="panel table-panel" id="violations" data-table="violations">');
  });

  it('references nothing on the network', () => {
    expect(page).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
    );
  });

  it('has the verdict, the INCOMPLETE banner, the summary, the charts and the filters', () => {
    expect(page).toContain('Drift found in 8 resources');
    expect(page).toContain('5 policy violations (1 waived)');
    expect(page).toContain('INCOMPLETE');
    expect(page).toContain('envs/legacy.tfstate: Unexpected end of JSON input');
    expect(page).toContain('AccessDenied listing aws_iam_role');
    expect(page).toContain('<code>net.sg-egress</code>: rule timed out');
    expect(page).toContain('70.6%');
    expect(page.match(/<svg\b/g)).toHaveLength(3);
    expect(page).toContain('id="drift-filter"');
    expect(page).toContain('id="drift-kind"');
    expect(page).toContain('id="violations-filter"');
    expect(page).toContain('id="violations-severity"');
  });

  it('is deterministic and has no time in it but the scan start', () => {
    expect(renderHtml(sampleReport())).toBe(page);
    const timestamps = page.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g) ?? [];
    expect(new Set(timestamps)).toEqual(new Set(['2025-06-01T12:00']));
  });

  it('renders a clean report without a banner or empty tables breaking', () => {
    const clean: Report = { ...sampleReport(), drift: [], violations: [], waived: [] };
    clean.scan = { ...clean.scan, complete: true, sources: [], policies: { rules: 12, failed: [] } };
    clean.summary = {
      ...clean.summary,
      changed: 0,
      missing: 0,
      unmanaged: 0,
      waived: 0,
      violations: { critical: 0, high: 0, medium: 0, low: 0 },
    };
    const out = renderHtml(clean);
    expect(out).toContain('No drift found');
    expect(out).toContain('No policy violations');
    expect(out).not.toContain('id="incomplete"');
    expect(out).toContain('No findings.');
  });

  it('html`` escapes interpolations unless they are SafeHtml', () => {
    expect(html`<b>${'<i>'}</b>${raw('<br>')}${['&', html`<u>${"'"}</u>`]}${null}${false}${3}`.markup).toBe(
      '<b>&lt;i&gt;</b><br>&amp;<u>&#39;</u>3',
    );
  });

  it('charts the ten types with most findings, ties by name', () => {
    const counts = Array.from({ length: 12 }, (_, i) => ({
      type: `t${String(i).padStart(2, '0')}`,
      drift: i % 3,
      violations: 1,
    }));
    const top = topTypes(counts);
    expect(top).toHaveLength(10);
    expect(top.map((t) => t.type).slice(0, 4)).toEqual(['t02', 't05', 't08', 't11']);
  });
});

const hasChromium = existsSync(CHROMIUM) || process.env.DRIFTWARDEN_REQUIRE_CHROMIUM === '1';
const SCREENSHOT = join(import.meta.dirname, '__screenshots__', 'report.png');

if (!hasChromium) {
  console.warn(
    `NOTICE: skipping the HTML report browser test: ${CHROMIUM} is missing (apt-get install -y chromium), ` +
      'set DRIFTWARDEN_REQUIRE_CHROMIUM=1 to make this a failure',
  );
}

describe.runIf(hasChromium)('renderHtml in headless Chromium', () => {
  type Browser = import('playwright-core').BrowserContext;
  let context: Browser;
  let dir: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    dir = mkdtempSync(join(tmpdir(), 'driftwarden-html-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1360, height: 900 },
      deviceScaleFactor: 1,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the report without errors, filters the violations and takes a screenshot', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(sampleReport(), [rule('s3.public-acl', 'acl = "private"\n')]));
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });

    await expect.poll(() => page.locator('#summary').isVisible()).toBe(true);
    expect(await page.locator('#drift table').isVisible()).toBe(true);
    expect(await page.locator('#violations table').isVisible()).toBe(true);
    expect(await page.locator('#incomplete').isVisible()).toBe(true);
    expect(await page.locator('svg.chart').count()).toBe(3);
    expect(await page.locator('#violations .pager').isVisible()).toBe(false);

    mkdirSync(join(import.meta.dirname, '__screenshots__'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true, type: 'png' });
    expect(statSync(SCREENSHOT).size).toBeLessThan(1_000_000);

    const visible = () => page.locator('#violations tbody tr[data-facet]:visible').count();
    expect(await visible()).toBe(5);
    await page.locator('#violations-filter').fill('s3.');
    expect(await visible()).toBe(2);
    expect(await page.locator('#violations .count').textContent()).toBe('2 of 5 shown');
    await page.locator('#violations-severity').selectOption('high');
    expect(await visible()).toBe(1);
    await page.locator('#violations-filter').fill('no such rule');
    expect(await visible()).toBe(0);
    expect(await page.locator('#violations tr.no-match').isVisible()).toBe(true);

    await page.locator('#drift-kind').selectOption('unmanaged');
    expect(await page.locator('#drift tbody tr[data-facet]:visible').count()).toBe(3);

    await page.locator('#drift-kind').selectOption('changed');
    const logs = page.locator('#drift tbody tr', { hasText: 'aws_s3_bucket.logs' });
    expect(await logs.locator('.declared').allTextContents()).toEqual([
      '"private"',
      JSON.stringify(XSS),
      '{"enabled":true}',
    ]);
    expect(await logs.locator('.live').allTextContents()).toEqual(['"public-read"', '{"enabled":false}']);
    expect(await logs.locator('.absent').allTextContents()).toEqual(['(absent)']);
    expect(await logs.locator('li').nth(1).textContent()).toBe(
      `tags.owner: ${JSON.stringify(XSS)} -> (absent)`,
    );
    expect(await page.locator('#waived tbody tr').first().textContent()).toContain(
      'Legacy bucket, retired in Q3',
    );
    const web = page.locator('#drift tbody tr', { hasText: 'sg-0abc' });
    expect(await web.locator('td.loc code').innerHTML()).toBe(
      'module.<wbr>web.<wbr>aws_<wbr>security_<wbr>group.<wbr>this',
    );
    expect(await web.locator('.declared').innerHTML()).toBe('["10.0.0.0/8"]');

    await page.locator('#violations-filter').fill('');
    await page.locator('#violations-severity').selectOption('');
    expect(await page.locator('#violations button.fix').count()).toBe(1);
    expect(await page.locator('#fix-s3\\.public-acl').getAttribute('open')).toBeNull();
    await page.locator('#violations button.fix').click();
    expect(await page.locator('#fix-s3\\.public-acl').getAttribute('open')).toBe('');
    expect(await page.locator('#fix-s3\\.public-acl pre').isVisible()).toBe(true);

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  }, 60_000);

  it('shows who changed it even when that text is the most used string (index 0 of the data)', async () => {
    const base = sampleReport();
    const changedBy = {
      status: 'unknown',
      reason: 'budget',
      detail: 'the look-up limit was reached',
    } as const;
    const kinds = ['changed', 'missing', 'unmanaged'] as const;
    // Every other cell of a row differs from row to row, so that the one text they share is used most.
    const drift = Array.from({ length: 12 }, (_, i) => ({
      kind: kinds[i % 3] as (typeof kinds)[number],
      key: `aws_t${i}.r${i}`,
      type: `aws_t${i}`,
      id: `r${i}`,
      provider: 'aws',
      account: `10000000000${i}`,
      address: `aws_t${i}.r${i}`,
      location: { file: `f${i}.tf`, line: i + 1 },
      status: i % 2 === 0 ? ('new' as const) : ('unchanged' as const),
      changes: [],
      changedBy,
    }));
    const report = { ...base, drift, violations: [], waived: [] } as Report;
    const data = tableData(report, new Set());
    const text = decode(data.strings, data.drift[0]?.[8] as number);
    expect(data.drift.map((row) => row[8])).toEqual(drift.map(() => 0));
    const file = join(dir, 'changed-by.html');
    writeFileSync(file, renderHtml(report, []));
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const shown = await page
      .locator('#drift tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.textContent));
    expect(shown).toHaveLength(12);
    for (const row of shown) expect(row).toContain(text);
  }, 60_000);

  it('filters by the text of the cells, not by the flags among them', async () => {
    // The fix column holds 1 or 0, not a string index: a row with a fix must not match the string at index 1.
    const report = sampleReport();
    const cells = (v: Violation) =>
      [
        v.severity,
        v.ruleId,
        v.title,
        v.origin,
        v.key,
        formatLocation(v.location),
        v.path ?? '',
        v.message,
      ].join('\n');
    const candidates = report.violations.map((v) => {
      const query = decode(tableData(report, new Set([v.ruleId])).strings, 1);
      return {
        rule: v.ruleId,
        query,
        holding: report.violations.filter((w) => cells(w).toLowerCase().includes(query.toLowerCase())).length,
      };
    });
    const chosen = candidates.find(
      (c) => !cells(report.violations.find((v) => v.ruleId === c.rule) as Violation).includes(c.query),
    );
    if (!chosen)
      throw new Error('every violation holds the most used string: the sample cannot show the flag');
    const file = join(dir, 'flags.html');
    writeFileSync(file, renderHtml(report, [rule(chosen.rule, 'x = 1\n')]));
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.locator('#violations-filter').fill(chosen.query);
    expect(await page.locator('#violations .count').textContent()).toBe(`${chosen.holding} of 5 shown`);
  }, 60_000);
});
