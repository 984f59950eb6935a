import type { Browser } from 'playwright-core';

/** The Chromium the HTML report's tests and `npm run bench:html` drive (apt-get install -y chromium). */
export const CHROMIUM = process.env.DRIFTWARDEN_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags for every test and benchmark: headless, and nothing in the background that reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Headless Chromium with nothing in the background that would reach the network or skew a measurement. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
