/**
 * `npm run bench:html`: the HTML report at 25,000 findings (BENCH_FINDINGS) against one of 100 in the same run:
 * how long it takes to render and how big it is, then in headless Chromium its first contentful paint, when its
 * first page of rows is in the document (DOMContentLoaded: the script runs as the body ends), the load event, and
 * how long turning a page and filtering every row take (the script's own work, synchronous). Medians of BENCH_RUNS page loads, each in a new context.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { CatalogueRule } from '../../src/policy/catalogue.js';
import { renderHtml } from '../../src/report/html.js';
import { packageRoot } from '../../src/util/package-info.js';
import { CHROMIUM, launchChromium } from './chromium.js';
import { largeReport } from './large-report.js';

const findings = Number(process.env.BENCH_FINDINGS ?? 25_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

interface PageTimes {
  firstContentfulPaint: number;
  rowsShown: number;
  load: number;
  filterAll: number;
  nextPage: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function pageTimes(browser: Browser, url: string): Promise<PageTimes> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const times = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const timed = (act: () => void) => {
      const started = performance.now();
      act();
      return performance.now() - started;
    };
    const input = document.querySelector<HTMLInputElement>('#violations-filter');
    const next = document.querySelector<HTMLButtonElement>('#violations button.next');
    return {
      firstContentfulPaint: paint?.startTime ?? Number.NaN,
      rowsShown: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
      nextPage: next && !next.disabled ? timed(() => next.click()) : Number.NaN,
      filterAll: timed(() => {
        if (!input) return;
        input.value = 'aws_';
        input.dispatchEvent(new Event('input'));
      }),
    };
  });
  await context.close();
  return times;
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${CHROMIUM}`,
  );
  const rules = (
    JSON.parse(readFileSync(join(packageRoot(), 'policies/dist/catalogue.json'), 'utf8')) as {
      rules: CatalogueRule[];
    }
  ).rules;
  const dir = mkdtempSync(join(tmpdir(), 'driftwarden-bench-html-'));
  const browser = await launchChromium();
  console.log(`chromium ${browser.version()}, ${runs} runs of each page after one warm-up load`);
  try {
    const rows: string[] = [];
    const results: Record<string, PageTimes> = {};
    for (const size of [100, findings]) {
      const report = largeReport(size, rules);
      const renders: number[] = [];
      let markup = '';
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        markup = renderHtml(report, rules);
        renders.push(performance.now() - started);
      }
      const file = join(dir, `report-${size}.html`);
      writeFileSync(file, markup);
      await pageTimes(browser, pathToFileURL(file).href); // warm-up: the first page load compiles the browser's code
      const loads: PageTimes[] = [];
      for (let run = 0; run < runs; run++) loads.push(await pageTimes(browser, pathToFileURL(file).href));
      const pick = (key: keyof PageTimes) => median(loads.map((l) => l[key]));
      const times: PageTimes = {
        firstContentfulPaint: pick('firstContentfulPaint'),
        rowsShown: pick('rowsShown'),
        load: pick('load'),
        filterAll: pick('filterAll'),
        nextPage: pick('nextPage'),
      };
      results[size] = times;
      const ms = (value: number) => (Number.isNaN(value) ? 'one page' : `${Math.round(value)} ms`);
      rows.push(
        `| ${size.toLocaleString('en')} | ${(Buffer.byteLength(markup) / 2 ** 20).toFixed(2)} MiB | ${ms(median(renders))} | ${ms(times.firstContentfulPaint)} | ${ms(times.rowsShown)} | ${ms(times.load)} | ${ms(times.filterAll)} | ${ms(times.nextPage)} |`,
      );
    }
    console.log(`\nmedians of ${runs} runs\n`);
    console.log(
      '| findings | file | render | first contentful paint | first page of rows | load | filter every row | next page |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
    const small = results[100];
    const large = results[findings];
    if (small && large)
      console.log(
        `\nfirst contentful paint at ${findings.toLocaleString('en')} findings: ${(large.firstContentfulPaint / small.firstContentfulPaint).toFixed(2)}x that at 100 (target: under 1 s)`,
      );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
