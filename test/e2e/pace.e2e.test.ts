import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askAsExtension,
  clickInShadow,
  closedShadow,
  eventually,
  launch,
  openPopup,
  SCREENSHOTS,
  startServer,
  type Browser,
  type FixtureServer,
} from './support';
// @ts-expect-error plain ES module with JSDoc types
import { dayPage } from '../harness/days.mjs';
import { chinaDate, chinaTime, readAt as readBoardAt, setDailyTarget, setClock as setWorkerClock } from './realtime';

/**
 * Today's pace end to end: a 生意参谋 real-time board served at its real address at several times of
 * one day (the worker's clock set to each), read by the content script, its curve kept by the worker;
 * the pace badge beside the sales number and the popup's projection follow the day, and name visitors
 * and 手淘搜索 when they lag.
 */

const STORE = '小雨的旗舰店';
/** A past same weekday's share of its day by the times it was read (a slot keeps its last reading; the close is read at 23:55). */
const SHAPE: Array<[number, number, number]> = [
  [7, 55, 0.15],
  [9, 55, 0.25],
  [11, 55, 0.4],
  [13, 55, 0.5],
  [17, 55, 0.7],
  [23, 55, 1],
];

/** A board at a share of a normal day (4,000 visitors: 2,000 search, 1,200 直通车, 800 推荐; 2.5%; ¥120), search scaled by `search`. */
function board(date: string, share: number, search = 1) {
  const sources: [number, number, number] = [
    Math.round(2000 * share * search),
    Math.round(1200 * share),
    Math.round(800 * share),
  ];
  return dayPage(STORE, {
    date,
    visitors: sources[0] + sources[1] + sources[2],
    conversion: 0.025,
    aov: 120,
    bounce: 0.55,
    depth: 3.2,
    sources,
  });
}

describe('today’s pace on a real-time board', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;
  const today = chinaDate(0);

  const setClock = (at: number) => setWorkerClock(browser, at);
  const readAt = (date: string, hh: number, mm: number, html: string) =>
    readBoardAt({ browser, server, page }, date, hh, mm, html);

  beforeAll(async () => {
    server = await startServer({});
    browser = await launch(server.port, 'zh-CN');
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    // Three past same weekdays through the real path, each read six times through its day.
    for (const weeks of [3, 2, 1]) {
      const date = chinaDate(-7 * weeks);
      for (const [hh, mm, share] of SHAPE) await readAt(date, hh, mm, board(date, share));
    }
    // The day's target: ¥12,000 a day, the month split evenly (set as the popup sets it).
    await setDailyTarget(browser, today, 12_000);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const paceBadge = async () => {
    const [parts] = await closedShadow(page, 'storepulse-badge[data-metric="pace"]', '.wrap');
    return parts?.[0];
  };

  it('projects the close beside the sales number and in the popup, and follows the day', async () => {
    // 10:00, a normal morning: ¥3,000 of the usual 25% → ¥12,000, on target.
    await readAt(today, 10, 0, board(today, 0.25));
    const morning = await eventually(async () => (await paceBadge())?.text ?? null, 'the pace badge at 10:00');
    expect(morning).toContain('按当前节奏预计 ¥12,000（日目标 ¥12,000，超 ¥0）');
    const host = page.locator('storepulse-badge[data-metric="pace"]');
    expect(await host.getAttribute('data-severity')).toBe('info');
    // Beside the 支付金额 number, inside its own element, which still reads as it did.
    expect(await host.evaluate((h) => h.parentElement!.textContent)).toBe('¥3,000.00');

    let popup = await openPopup(browser);
    await expect
      .poll(() => popup.getByTestId('pace-headline').first().innerText(), { timeout: 10_000 })
      .toBe('按当前节奏预计 ¥12,000（日目标 ¥12,000，超 ¥0）');
    await popup.close();

    // 14:00: search traffic at half its usual → ¥4,500 of the usual 50% → ¥9,000, ¥3,000 short; visitors and 手淘搜索 named.
    await readAt(today, 14, 0, board(today, 0.5, 0.5));
    const afternoon = await eventually(async () => {
      const text = (await paceBadge())?.text ?? '';
      return text.includes('¥9,000') ? text : null;
    }, 'the pace badge at 14:00');
    expect(afternoon).toContain('按当前节奏预计 ¥9,000（日目标 ¥12,000，差 ¥3,000）');
    expect(await host.getAttribute('data-severity')).toBe('warn');
    expect(afternoon).toContain('该推 访客数');
    expect(afternoon).toContain('手淘搜索');
    expect(afternoon).toContain('负责：推广');
    // A badge never covers the number: the pill starts after the number's text ends.
    const numberRight = await host.evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h.parentElement!);
      range.setEndBefore(h);
      const rects = range.getClientRects();
      return rects[rects.length - 1]!.right;
    });
    const [pill] = (await closedShadow(page, 'storepulse-badge[data-metric="pace"]', '.pill'))[0]!;
    expect(pill!.box.x).toBeGreaterThanOrEqual(numberRight);
    await page.screenshot({ path: join(SCREENSHOTS, 'pace-board-zh-CN.png') });
    await clickInShadow(page, 'storepulse-badge[data-metric="pace"]', '.pill');
    await expect.poll(() => host.getAttribute('data-open')).toBe('');
    await page.screenshot({ path: join(SCREENSHOTS, 'pace-board-open-zh-CN.png') });
    await clickInShadow(page, 'storepulse-badge[data-metric="pace"]', '.pill');

    popup = await openPopup(browser);
    const shop = popup.getByTestId('pace-shop').first();
    await expect.poll(() => shop.innerText(), { timeout: 10_000 }).toContain('差 ¥3,000');
    const text = await shop.innerText();
    expect(text).toContain('依据过去 3 个同星期几的同一时刻');
    expect(text).toContain('该推 访客数');
    expect(text).toContain('手淘搜索');
    await popup.screenshot({ path: join(SCREENSHOTS, 'pace-popup-zh-CN.png') });
    await popup.close();
  }, 120_000);

  it('announces a day short of its target once at a check time, from the alarm', async () => {
    // The notifications permission is optional and its prompt cannot be answered under automation: the
    // worker's notification centre is replaced by a recorder, and the permission reported as granted.
    await browser.serviceWorker.evaluate(async () => {
      type Api = {
        permissions: { contains(p: object, done?: (granted: boolean) => void): Promise<boolean> };
        notifications?: { create(id: string, o: object, done?: (id: string) => void): Promise<string> };
      };
      const g = globalThis as unknown as {
        chrome: Api;
        browser?: Api;
        shown: Array<{ id: string; title: string; message: string }>;
      };
      g.shown = [];
      // Both namespaces, in both styles: Chromium's own `browser` (promises) where it has one, else the
      // polyfill's wrapping of `chrome` (callbacks).
      for (const api of [g.chrome, g.browser]) {
        if (!api) continue;
        api.permissions.contains = (_p, done) => {
          done?.(true);
          return Promise.resolve(true);
        };
        api.notifications = {
          create: (id, o, done) => {
            g.shown.push({ id, ...(o as { title: string; message: string }) });
            done?.(id);
            return Promise.resolve(id);
          },
        };
      }
    });
    const { settings } = await askAsExtension<{ settings: object }>(browser, 'settings');
    expect(
      await askAsExtension(browser, 'saveSettings', {
        settings: { ...settings, language: 'zh-CN', paceChecks: { enabled: true, times: ['14:00', '20:00'], margin: 0.1 } },
      }),
    ).toEqual({ ok: true });
    await setClock(chinaTime(today, 14, 3));
    // Two ticks of the alarm at 14:03 and 14:08: one notification.
    for (const minute of [3, 8]) {
      await setClock(chinaTime(today, 14, minute));
      await browser.serviceWorker.evaluate(async () => {
        const c = (
          globalThis as unknown as {
            chrome: { alarms: { create(n: string, o: object): Promise<void>; onAlarm: { hasListeners(): boolean } } };
          }
        ).chrome;
        await c.alarms.create('storepulse-pace-check', {
          when: (Date as unknown as { realNow(): number }).realNow() + 50,
          periodInMinutes: 5,
        });
      });
      await new Promise((r) => setTimeout(r, 1500));
    }
    const shown = (await browser.serviceWorker.evaluate(() => (globalThis as unknown as { shown: unknown[] }).shown)) as Array<{
      title: string;
      message: string;
    }>;
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('今天可能完不成目标 · 小雨的旗舰店');
    expect(shown[0]!.message).toContain('按当前节奏预计 ¥9,000（日目标 ¥12,000，差 ¥3,000）');
    expect(shown[0]!.message).toContain('该推 访客数');
  }, 60_000);

  it('says it in English too', async () => {
    const { settings } = await askAsExtension<{ settings: object }>(browser, 'settings');
    expect(await askAsExtension(browser, 'saveSettings', { settings: { ...settings, language: 'en' } })).toEqual({ ok: true });
    await page.reload();
    const text = await eventually(async () => {
      const t = (await paceBadge())?.text ?? '';
      return t.includes('At this pace') ? t : null;
    }, 'the English pace badge');
    expect(text).toContain('At this pace ¥9,000, ¥3,000 short of ¥12,000');
    await page.screenshot({ path: join(SCREENSHOTS, 'pace-board-en.png') });
    const popup = await openPopup(browser);
    const shop = popup.getByTestId('pace-shop').first();
    await expect.poll(() => shop.innerText(), { timeout: 10_000 }).toContain('At this pace ¥9,000, ¥3,000 short of ¥12,000');
    expect(await shop.innerText()).toContain('Push Visitors');
    await popup.screenshot({ path: join(SCREENSHOTS, 'pace-popup-en.png') });
    await popup.close();
  }, 60_000);
});
