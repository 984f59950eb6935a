import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { renderHtml } from '../../src/report/html.js';
import { packageRoot } from '../../src/util/package-info.js';
import { CHROMIUM, launchChromium } from '../scripts/chromium.js';
import { largeReport } from '../scripts/large-report.js';

/**
 * The HTML report at 25,000 findings (test/scripts/large-report.ts, the same report `npm run bench:html` times):
 * its size, its pages and filters, where its lines break and its dark mode, in headless Chromium. Structure and
 * size only: how fast it paints is the benchmark's to measure.
 */
const hasChromium = existsSync(CHROMIUM) || process.env.DRIFTWARDEN_REQUIRE_CHROMIUM === '1';
if (!hasChromium) {
  console.warn(
    `NOTICE: skipping the 25,000-finding HTML report browser test: ${CHROMIUM} is missing (apt-get install -y ` +
      'chromium), set DRIFTWARDEN_REQUIRE_CHROMIUM=1 to make this a failure',
  );
}

describe.runIf(hasChromium)('the HTML report at 25,000 findings, in headless Chromium', () => {
  const rules = catalogueRules();
  const file = join(mkdtempSync(join(tmpdir(), 'driftwarden-html-large-')), 'report.html');
  const report = largeReport(25_000, rules);
  const markup = renderHtml(report, rules);
  writeFileSync(file, markup);
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });

  async function open(options: { width: number; colorScheme: 'light' | 'dark' }) {
    const page = await browser.newPage({
      viewport: { width: options.width, height: 900 },
      colorScheme: options.colorScheme,
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems };
  }

  it('is under 3 MB and holds every finding once, as data', () => {
    expect(report.violations.length + report.drift.length).toBe(25_000);
    expect(Buffer.byteLength(markup)).toBeLessThan(3 * 1024 * 1024);
    expect(markup.match(/<tr\b/g)?.length ?? 0).toBeLessThan(20);
  });

  it('lays out a page of rows, pages through all of them and filters across every page', async () => {
    const { page, problems } = await open({ width: 1360, colorScheme: 'light' });
    const rows = page.locator('#violations tbody tr[data-facet]');
    expect(await rows.count()).toBe(100);
    expect(await page.locator('tbody tr').count()).toBeLessThan(400);
    expect(await page.locator('#violations .count').textContent()).toBe('20000 of 20000 shown');
    expect(await page.locator('#violations .page-of').textContent()).toBe('Page 1 of 200 (rows 1-100)');
    expect(await page.locator('#violations .pager').isVisible()).toBe(true);
    expect(await page.locator('#violations button.prev').isDisabled()).toBe(true);
    const firstKey = await rows.first().locator('td').nth(3).locator('code').textContent();
    expect(firstKey).toBe(report.violations[0]?.key);

    await page.locator('#violations button.next').click();
    expect(await page.locator('#violations .page-of').textContent()).toBe('Page 2 of 200 (rows 101-200)');
    expect(await rows.first().locator('td').nth(3).locator('code').textContent()).toBe(
      report.violations[100]?.key,
    );

    await page.locator('#violations select.page-size').selectOption('500');
    expect(await rows.count()).toBe(500);
    expect(await page.locator('#violations .page-of').textContent()).toBe('Page 2 of 40 (rows 501-1000)');

    const last = report.violations.at(-1);
    await page.locator('#violations-filter').fill(last?.key ?? '');
    expect(await rows.count()).toBe(1);
    expect(await page.locator('#violations .count').textContent()).toBe('1 of 20000 shown');
    await page.locator('#violations-filter').fill('');
    await page.locator('#violations-severity').selectOption('critical');
    const critical = report.violations.filter((v) => v.severity === 'critical').length;
    expect(await page.locator('#violations .count').textContent()).toBe(`${critical} of 20000 shown`);
    expect(await page.locator('#violations tbody tr[data-facet]:not([data-facet="critical"])').count()).toBe(
      0,
    );

    expect(await page.locator('#drift tbody tr[data-facet]').count()).toBe(100);
    expect(await page.locator('#drift .count').textContent()).toBe('5000 of 5000 shown');
    expect(await page.locator('#fixes details').count()).toBe(
      new Set(report.violations.map((v) => v.ruleId)).size,
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it('wraps cells at spaces and separators only, never inside a word, on a narrow window', async () => {
    const { page, problems } = await open({ width: 720, colorScheme: 'light' });
    await page.locator('#violations select.page-size').selectOption('250');
    expect(await brokenWords(page)).toEqual({ broken: [], wrapped: expect.any(Number) });
    expect((await brokenWords(page)).wrapped).toBeGreaterThan(100);
    // The check sees a word cut in two: with the style that allowed it, it finds them.
    await page.addStyleTag({ content: 'td,td *{overflow-wrap:anywhere!important}' });
    await page.setViewportSize({ width: 360, height: 900 });
    expect((await brokenWords(page)).broken.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it('follows the system into dark mode, with readable text in both', async () => {
    for (const [colorScheme, background] of [
      ['light', 'rgb(243, 244, 246)'],
      ['dark', 'rgb(13, 17, 23)'],
    ] as const) {
      const { page, problems } = await open({ width: 1360, colorScheme });
      const colours = await page.evaluate(() => {
        const style = (selector: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element) : undefined;
        };
        const cell = style('#violations tbody td');
        return {
          body: style('body')?.backgroundColor,
          card: style('#violations')?.backgroundColor,
          text: cell?.color,
          muted: style('#violations tbody .sub')?.color,
          chart: style('svg.chart text')?.fill,
          cardBackground: style('.card')?.backgroundColor,
          severities: ['critical', 'high', 'medium', 'low'].map(
            (severity) => style(`.accent-${severity} .value`)?.color ?? '',
          ),
        };
      });
      expect(colours.body, colorScheme).toBe(background);
      // The counts are 26px bold: large text, for which WCAG asks 3:1.
      for (const colour of colours.severities)
        expect(
          contrast(colour, colours.cardBackground ?? ''),
          `${colorScheme} ${colour}`,
        ).toBeGreaterThanOrEqual(3);
      for (const part of ['text', 'muted', 'chart'] as const) {
        expect(
          contrast(colours[part] ?? '', colours.card ?? ''),
          `${colorScheme} ${part}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
      expect(problems).toEqual([]);
    }
  }, 60_000);
});

/** The rules of the built bundle, as a scan gives them to the renderers. */
function catalogueRules(): CatalogueRule[] {
  return JSON.parse(readFileSync(join(packageRoot(), 'policies/dist/catalogue.json'), 'utf8')).rules;
}

/**
 * Words of the violations table laid out on more than one line. The script splits cell text into text nodes at
 * its break opportunities, so a word (a run without spaces) of one text node that spans two lines was cut inside.
 */
function brokenWords(page: import('playwright-core').Page): Promise<{ broken: string[]; wrapped: number }> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const lines = (range: Range) =>
      new Set(
        Array.from(range.getClientRects())
          .filter((rect) => rect.width > 0)
          .map((rect) => Math.round(rect.top)),
      ).size;
    const body = document.querySelector('#violations tbody');
    if (!body) return { broken: ['no table'], wrapped: 0 };
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lines(range) > 1) broken.push(match[0]);
      }
    }
    let wrapped = 0;
    for (const cell of Array.from(body.querySelectorAll('td code, td span, td .sub'))) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      if (lines(range) > 1) wrapped++;
    }
    return { broken, wrapped };
  });
}

/** WCAG 2 contrast ratio of two computed `rgb(...)` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (colour: string) => {
    const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
