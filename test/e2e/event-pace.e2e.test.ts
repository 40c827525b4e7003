import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAsExtension, launch, openPopup, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { dayPage } from '../harness/days.mjs';
import { chinaDate, readAt as readBoardAt, setDailyTarget } from './realtime';

/**
 * Today's pace on an event day the operator marked, end to end: last year's same event day read through
 * the real path with the worker's clock set a year back, then today's board; the popup's projection
 * follows last year's event day, not ordinary weekdays, and says so.
 */

const STORE = '小雨的旗舰店';
/** Last year's event day: front-loaded, its share of the day by the times it was read (the close at 23:55). */
const LAST_YEAR_SHAPE: Array<[number, number, number]> = [
  [0, 55, 0.2],
  [1, 55, 0.3],
  [9, 55, 0.45],
  [13, 55, 0.6],
  [19, 55, 0.8],
  [23, 55, 1],
];

/** The same calendar day a year back (29 February to the 28th), as the worker reads it. */
const yearBack = (date: string) => `${Number(date.slice(0, 4)) - 1}-${date.slice(5) === '02-29' ? '02-28' : date.slice(5)}`;

/** A board at a share of a ¥12,000 day (4,000 visitors, 2.5%, ¥120). */
const board = (date: string, share: number) =>
  dayPage(STORE, {
    date,
    visitors: Math.round(4000 * share),
    conversion: 0.025,
    aov: 120,
    bounce: 0.55,
    depth: 3.2,
    sources: [Math.round(2000 * share), Math.round(1200 * share), Math.round(800 * share)],
  });

describe('today’s pace on a marked event day', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;
  const today = chinaDate(0);
  const lastYear = yearBack(today);

  const readAt = (date: string, hh: number, mm: number, html: string) =>
    readBoardAt({ browser, server, page }, date, hh, mm, html);

  const saveSettings = async (change: object) => {
    const { settings } = await askAsExtension<{ settings: object }>(browser, 'settings');
    expect(await askAsExtension(browser, 'saveSettings', { settings: { ...settings, ...change } })).toEqual({ ok: true });
  };

  beforeAll(async () => {
    server = await startServer({});
    browser = await launch(server.port, 'zh-CN');
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const [hh, mm, share] of LAST_YEAR_SHAPE) await readAt(lastYear, hh, mm, board(lastYear, share));
    await saveSettings({ language: 'zh-CN', eventDays: [{ date: today, name: '双11' }] });
    await setDailyTarget(browser, today, 12_000);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('projects at last year’s event-day pace in the popup, in Chinese and in English', async () => {
    // 14:00: ¥6,000 so far; last year's 双11 had 60% of its day by then → ¥10,000, ¥2,000 short of ¥12,000.
    await readAt(today, 14, 0, board(today, 0.5));
    let popup = await openPopup(browser);
    let shop = popup.getByTestId('pace-shop').first();
    await expect
      .poll(() => shop.innerText(), { timeout: 10_000 })
      .toContain('按当前节奏预计 ¥10,000（日目标 ¥12,000，差 ¥2,000）');
    const zh = await shop.innerText();
    expect(zh).toContain(`按去年双11同时段的节奏：去年 ${lastYear} 到这个时刻已完成全天的 60%`);
    expect(zh).toContain('只依据去年双11这一天');
    await popup.screenshot({ path: join(SCREENSHOTS, 'pace-event-popup-zh-CN.png') });
    await popup.close();

    await saveSettings({ language: 'en' });
    popup = await openPopup(browser);
    shop = popup.getByTestId('pace-shop').first();
    await expect.poll(() => shop.innerText(), { timeout: 10_000 }).toContain('At this pace ¥10,000, ¥2,000 short of ¥12,000');
    expect(await shop.innerText()).toContain(`At last year’s 双11 pace: by this time on ${lastYear} it had 60% of its day`);
    await popup.screenshot({ path: join(SCREENSHOTS, 'pace-event-popup-en.png') });
    await popup.close();
  }, 120_000);

  it('the options page lists the marked day, adds one and refuses a date already marked', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1280, height: 800 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const panel = options.getByTestId('event-days');
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain(`${today} 双11`);
    const later = chinaDate(30);
    await options.getByTestId('events-date').fill(later);
    await options.getByTestId('events-name').fill('店庆');
    await options.getByTestId('events-lastYear').fill(yearBack(later));
    await options.getByTestId('events-add').click();
    await expect.poll(() => options.getByTestId('events-day').count()).toBe(2);
    await options.getByTestId('events-date').fill(today);
    await options.getByTestId('events-name').fill('again');
    await options.getByTestId('events-add').click();
    await expect.poll(() => panel.locator('[role=alert]').innerText()).toBe(`${today} is already marked`);
    expect(await options.getByTestId('events-name').inputValue()).toBe('again');
    const { settings } = await askAsExtension<{ settings: { eventDays?: unknown[] } }>(browser, 'settings');
    expect(settings.eventDays).toEqual([
      { date: today, name: '双11' },
      { date: later, name: '店庆', lastYear: yearBack(later) },
    ]);
    await panel.screenshot({ path: join(SCREENSHOTS, 'pace-event-options-en.png') });
    await options.close();
  }, 60_000);
});
