import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, FixtureServer } from './support';
import { eventually } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDays } from '../harness/browser.mjs';

/**
 * Days of history put in through the real path: a 生意参谋 page per day, served at its real URL and
 * read by the extension's content script, reported to the worker and stored by it.
 */

export const SEED_URL = 'https://sycm.taobao.com/portal/home.htm';
const TEMPLATE = readFileSync(resolve('test/fixtures/review/sycm-day.template.html'), 'utf8');

export interface SeedDay {
  date: string;
  visitors: number;
  conversion: number;
  aov: number;
  bounce: number;
  depth: number;
  /** Visitors by source: 手淘搜索, 直通车, 手淘推荐. */
  sources: [number, number, number];
}

const fmt = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function dayPage(store: string, d: SeedDay): string {
  const sales = d.visitors * d.conversion * d.aov;
  const values: Record<string, string> = {
    store,
    date: d.date,
    sales: fmt(sales, 2),
    salesCmp: '1.20%',
    visitors: fmt(d.visitors, 0),
    conversion: `${fmt(d.conversion * 100, 2)}%`,
    aov: fmt(d.aov, 2),
    buyers: fmt(Math.round(d.visitors * d.conversion), 0),
    bounce: `${fmt(d.bounce * 100, 2)}%`,
    depth: fmt(d.depth, 2),
    search: fmt(d.sources[0], 0),
    paid: fmt(d.sources[1], 0),
    recommend: fmt(d.sources[2], 0),
  };
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

/** Local calendar date `offset` days from today (the extension reviews in the browser's time zone). */
export function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Opens one page per day and waits until the worker has stored that day's sales. */
export async function seedDays(browser: Browser, server: FixtureServer, store: string, days: SeedDay[]): Promise<void> {
  const page = await browser.context.newPage();
  try {
    for (const d of days) {
      server.serve(SEED_URL, dayPage(store, d));
      await page.goto(SEED_URL);
      await eventually(async () => {
        const daily = (await readDays(browser.serviceWorker)) as Array<{ id: string }>;
        return daily.some((r) => r.id === `sycm|${store}|sales||${d.date}`);
      }, `the day ${d.date} stored`);
    }
  } finally {
    await page.close();
  }
}
