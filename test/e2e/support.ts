import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
// @ts-expect-error plain ES module with JSDoc types
import { launchWithExtension, readDatabase } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { startFixtureServer } from '../harness/server.mjs';

export const EXTENSION_PATH = resolve(process.env.STOREPULSE_EXTENSION ?? '.output/chrome-mv3');
export const SCREENSHOTS = resolve('artifacts/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export interface FixtureServer {
  port: number;
  route(realUrl: string, fixture: string): void;
  /** Serves `html` (a page a test made) at a real URL, ahead of any fixture routed there. */
  serve(realUrl: string, html: string): void;
  close(): Promise<void>;
}

export interface Browser {
  context: import('playwright-core').BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export const startServer = (routes: Record<string, string>): Promise<FixtureServer> => startFixtureServer({ routes });

export const launch = (port: number, locale = 'en'): Promise<Browser> =>
  launchWithExtension({ extensionPath: EXTENSION_PATH, port, locale });

export interface StoredReading {
  metric: string;
  value: number;
  currency?: string;
  store: string;
  site: string;
  period: { kind: string; start: string; end: string };
  observedAt: number;
  breakdown?: { dimension: string; key: string };
  peer?: string;
  url: string;
  source: { reader: string; locator: string; label: string; raw: string };
}

export const readings = (b: Browser): Promise<StoredReading[]> => readDatabase(b.serviceWorker, 'readings');
export const alerts = (b: Browser): Promise<Array<{ metric: string; status: string; severity: string }>> =>
  readDatabase(b.serviceWorker, 'alerts');

/** Polls until `check` returns a truthy value (the extension reads after the page settles). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function openPopup(b: Browser): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  return page;
}

export async function toolbarBadgeText(b: Browser): Promise<string> {
  return b.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText(
      {},
    ),
  );
}
