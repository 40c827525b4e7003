import type { Page } from 'playwright-core';
import { eventually, openPopup, type Browser, type FixtureServer } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase } from '../harness/browser.mjs';

/** A 生意参谋 real-time board served at its real address, read at moments of a day of China's clock. */

export const REALTIME_URL = 'https://sycm.taobao.com/portal/realtime.htm';

export const chinaDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));
export const chinaTime = (date: string, hh: number, mm: number) =>
  Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);

/** Sets the worker's clock (its Date.now) to a moment; `Date.realNow` keeps the real one. */
export const setClock = (browser: Browser, at: number) =>
  browser.serviceWorker.evaluate((t) => {
    const real = (Date as unknown as { realNow?: () => number }).realNow ?? Date.now.bind(Date);
    (Date as unknown as { realNow?: () => number }).realNow = real;
    Date.now = () => t;
  }, at);

/** Serves the board as it is at hh:mm of `date` and waits for the worker to file it in the day's curve. */
export async function readAt(
  { browser, server, page }: { browser: Browser; server: FixtureServer; page: Page },
  date: string,
  hh: number,
  mm: number,
  html: string,
) {
  await setClock(browser, chinaTime(date, hh, mm));
  server.serve(REALTIME_URL, html);
  await page.goto(REALTIME_URL);
  const slot = Math.floor((hh * 60 + mm) / 10);
  await eventually(async () => {
    const curves = (await readDatabase(browser.serviceWorker, 'curves')) as Array<{
      metric: string;
      date: string;
      part: string;
      values: unknown[];
    }>;
    return curves.some((c) => c.metric === 'sales' && c.part === '' && c.date === date && c.values[slot] != null);
  }, `${date} ${hh}:${mm} filed`);
}

/** The month of `date` with `perDay` a day, split evenly, set as the popup sets it. */
export async function setDailyTarget(browser: Browser, date: string, perDay: number) {
  const popup = await openPopup(browser);
  const days = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
  await popup.evaluate(
    ([month, amount]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(
        {
          type: 'setTarget',
          payload: { site: 'sycm', store: '小雨的旗舰店', month, amount, currency: 'CNY', split: 'even' },
        },
      ),
    [date.slice(0, 7), perDay * days] as const,
  );
  await popup.close();
}
