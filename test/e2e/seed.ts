import type { Browser, FixtureServer } from './support';
import { eventually } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDays } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { dayPage as makeDayPage, fiveWeeks as makeFiveWeeks } from '../harness/days.mjs';

/**
 * Days of history put in through the real path: a 生意参谋 page per day, served at its real URL and
 * read by the extension's content script, reported to the worker and stored by it.
 */

export const SEED_URL = 'https://sycm.taobao.com/portal/home.htm';

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

export const dayPage: (store: string, d: SeedDay) => string = makeDayPage;
/** Five weeks up to yesterday in which search traffic fell on the last two days, conversion and order value steady. */
export const fiveWeeks: () => SeedDay[] = makeFiveWeeks;

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
