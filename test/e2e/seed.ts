import type { Session } from './engines';
import type { Browser, FixtureServer } from './support';
import { eventually } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { daysOfMonths, readDays } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { dayPage as makeDayPage, fiveWeeks as makeFiveWeeks } from '../harness/days.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { adsDayPage, ALIMAMA_SEED_URL } from '../harness/ads-days.mjs';

/**
 * Days of history put in through the real path: a 生意参谋 page per day (or a 阿里妈妈 report per day of
 * an ads account), served at its real URL and read by the extension's content script, reported to the
 * worker and stored by it.
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

/** One day of an ads account (test/harness/ads-days.mjs): spend and ad sales in CNY, its plans as parts. */
export interface AdsDay {
  date: string;
  spend: number;
  adSales: number;
  clicks: number;
  impressions: number;
  plans: Array<{ name: string; spend: number; adSales: number; clicks: number }>;
}

export const dayPage: (store: string, d: SeedDay) => string = makeDayPage;
/** Five weeks up to yesterday in which search traffic fell on the last two days, conversion and order value steady. */
export const fiveWeeks: () => SeedDay[] = makeFiveWeeks;

export interface StoredDay {
  id: string;
  value: number;
}

/** Every day the history keeps (`site|store|metric|part|date`), in either browser. */
export const storedDays = async (session: Session): Promise<StoredDay[]> => daysOfMonths(await session.readDatabase('days'));

/** A tab to open the pages in, and the history's days so far. */
interface Reading {
  goto(url: string): Promise<unknown>;
  days(): Promise<StoredDay[]>;
}

/** Serves each page at `url` in turn, opens it, and waits until the worker has stored the day it names. */
async function readInTurn(
  reading: Reading,
  server: FixtureServer,
  url: string,
  pages: ReadonlyArray<{ html: string; id: string }>,
): Promise<void> {
  for (const p of pages) {
    server.serve(url, p.html);
    await reading.goto(url);
    await eventually(async () => (await reading.days()).some((r) => r.id === p.id), `${p.id} stored`);
  }
}

const shopPages = (store: string, days: readonly SeedDay[]) =>
  days.map((d) => ({ html: dayPage(store, d), id: `sycm|${store}|sales||${d.date}` }));

const adsPages = (account: string, days: readonly AdsDay[]) =>
  days.map((d) => ({ html: adsDayPage(account, d) as string, id: `alimama|${account}|adSpend||${d.date}` }));

/** Opens one page per day and waits until the worker has stored that day's sales. */
export async function seedDays(browser: Browser, server: FixtureServer, store: string, days: SeedDay[]): Promise<void> {
  const page = await browser.context.newPage();
  try {
    const reading = { goto: (u: string) => page.goto(u), days: () => readDays(browser.serviceWorker) as Promise<StoredDay[]> };
    await readInTurn(reading, server, SEED_URL, shopPages(store, days));
  } finally {
    await page.close();
  }
}

/**
 * In either browser: the shop's 生意参谋 days, then (when given) an ads account's 阿里妈妈 days, each page
 * read in one tab and stored before the next is served.
 */
export async function seedDaysIn(
  session: Session,
  server: FixtureServer,
  shop: { store: string; days: readonly SeedDay[] },
  ads?: { account: string; days: readonly AdsDay[] },
): Promise<void> {
  if (ads) await seedAdsDaysIn(session, server, ads.account, ads.days);
  await inTab(session, server, SEED_URL, shopPages(shop.store, shop.days));
}

/** In either browser: an ads account's 阿里妈妈 days, read off their real page one by one. */
export const seedAdsDaysIn = (session: Session, server: FixtureServer, account: string, days: readonly AdsDay[]) =>
  inTab(session, server, ALIMAMA_SEED_URL, adsPages(account, days));

async function inTab(session: Session, server: FixtureServer, url: string, pages: ReadonlyArray<{ html: string; id: string }>) {
  const tab = await session.open('about:blank');
  try {
    await readInTurn({ goto: (u: string) => tab.goto(u), days: () => storedDays(session) }, server, url, pages);
  } finally {
    await tab.close();
  }
}
