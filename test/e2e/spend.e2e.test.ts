import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askAsExtension,
  eventually,
  launch,
  openPopup,
  SCREENSHOTS,
  startServer,
  type Browser,
  type FixtureServer,
} from './support';
import { fiveWeeks, SEED_URL, seedDays, type SeedDay } from './seed';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase, readDays } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { adsDayPage, ALIMAMA_SEED_URL } from '../harness/ads-days.mjs';

const STORE = '小雨的旗舰店';

/**
 * Spend end to end: the last 15 days of a 阿里妈妈 万相台 account named as the shop, and five weeks of the
 * shop's 生意参谋 pages, each read off its real page by the content scripts. Yesterday spend rose to
 * ¥900 against ¥600 on past same weekdays, paid visitors (直通车) rose and bounce reached 74%: the review shows
 * spend, ROI and 费比, the critical leaking-page alert names both owners, and the month table has the spend
 * columns — in Chinese, then in English.
 */
describe('spend in the review', () => {
  let server: FixtureServer;
  let browser: Browser;
  const days: SeedDay[] = fiveWeeks().map((d, i, all) =>
    i === all.length - 1
      ? { ...d, bounce: 0.74, visitors: d.visitors + 600, sources: [d.sources[0], d.sources[1] + 600, d.sources[2]] }
      : { ...d, sources: [...d.sources] as SeedDay['sources'] },
  );
  const yesterday = days.at(-1)!;
  const adsDays = days.slice(-15).map((d, i, all) => {
    const last = i === all.length - 1;
    const spend = last ? 900 : 600;
    const adSales = last ? 1200 : 1800;
    return {
      date: d.date,
      spend,
      adSales,
      clicks: 400,
      impressions: 20_000,
      plans: [
        { name: '计划-爆款拉新', spend: spend * 0.6, adSales: adSales * 0.6, clicks: 240 },
        { name: '计划-老客召回', spend: spend * 0.4, adSales: adSales * 0.4, clicks: 160 },
      ],
    };
  });

  beforeAll(async () => {
    server = await startServer({ [SEED_URL]: 'review/sycm-day.template.html' });
    browser = await launch(server.port, 'zh-CN');
    const page = await browser.context.newPage();
    for (const d of adsDays) {
      server.serve(ALIMAMA_SEED_URL, adsDayPage(STORE, d));
      await page.goto(ALIMAMA_SEED_URL);
      await eventually(async () => {
        const daily = (await readDays(browser.serviceWorker)) as Array<{ id: string }>;
        return daily.some((r) => r.id === `alimama|${STORE}|adSpend||${d.date}`);
      }, `the ads day ${d.date} stored`);
    }
    await page.close();
    await seedDays(browser, server, STORE, days);
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stores the account’s spend, never a plan’s as the account’s', async () => {
    const daily = (await readDays(browser.serviceWorker)) as Array<{ id: string; value: number }>;
    expect(daily.find((r) => r.id === `alimama|${STORE}|adSpend||${yesterday.date}`)?.value).toBe(900);
    expect(daily.filter((r) => r.id.startsWith(`alimama|${STORE}|adSpend||`)).map((r) => r.value)).not.toContain(540);
  });

  it('shows spend, ROI and 费比 on the day, and fires the leaking-page alert with both owners (zh-CN)', async () => {
    const alerts = (await readDatabase(browser.serviceWorker, 'alerts')) as Array<{
      id: string;
      status: string;
      severity: string;
    }>;
    expect(alerts.find((a) => a.id.includes('rule:review-leakingPage'))).toMatchObject({ status: 'open', severity: 'critical' });
    const popup = await openPopup(browser);
    const line = popup.getByTestId('spend-day').first();
    await line.waitFor();
    const sales = yesterday.visitors * yesterday.conversion * yesterday.aov;
    const text = await line.innerText();
    expect(text).toContain('花费 ¥900.00 · 投产比 1.33');
    expect(text).toContain(`费比 ${((900 / sales) * 100).toFixed(1)}%`);
    expect(text).toContain(`付费占比 ${((1200 / sales) * 100).toFixed(1)}%`);
    const leak = popup.locator('.inbox-alert[data-alert*="rule:review-leakingPage"]');
    await leak.waitFor();
    const alert = await leak.innerText();
    expect(alert).toContain('付费流量进了漏水的页面：先修页面，再加推广');
    expect(alert).toContain('跳失率 74.00%');
    expect(alert).toContain('付费来源：直通车');
    expect(alert).toContain('美工 · 主责');
    expect(alert).toContain('推广 · 协助');
    await popup.screenshot({ path: join(SCREENSHOTS, 'spend-popup-zh-CN.png'), fullPage: true });
    await popup.getByRole('tab', { name: '月报' }).click();
    const head = popup.locator('.month-months thead');
    await head.waitFor();
    expect(await head.innerText()).toMatch(/花费\s+费比\s+投产比/);
    await popup.screenshot({ path: join(SCREENSHOTS, 'spend-month-zh-CN.png'), fullPage: true });
    await popup.close();
  }, 90_000);

  it('says the same in English', async () => {
    const { settings } = await askAsExtension<{ settings: Record<string, unknown> }>(browser, 'settings');
    await askAsExtension(browser, 'saveSettings', { settings: { ...settings, language: 'en' } });
    const popup = await openPopup(browser);
    const line = popup.getByTestId('spend-day').first();
    await line.waitFor();
    expect(await line.innerText()).toContain('Spend ¥900.00 · ROI 1.33 · expense ratio');
    const leak = popup.locator('.inbox-alert[data-alert*="rule:review-leakingPage"]');
    const alert = await leak.innerText();
    expect(alert).toContain('Paid traffic is going into a leaking page: fix the page first, then add promotion.');
    expect(alert).toContain('paid source: 直通车');
    expect(alert).toMatch(/Design · (lead|main)/i);
    expect(alert).toMatch(/Promotion · /);
    await popup.screenshot({ path: join(SCREENSHOTS, 'spend-popup-en.png'), fullPage: true });
    await popup.getByRole('tab', { name: 'Month' }).click();
    const head = popup.locator('.month-months thead');
    await head.waitFor();
    expect(await head.innerText()).toMatch(/Spend\s+Exp. ratio\s+ROI/);
    await popup.screenshot({ path: join(SCREENSHOTS, 'spend-month-en.png'), fullPage: true });
    await popup.close();
  }, 90_000);

  it('lists the account in the options page as matched by name (both languages)', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const { settings } = await askAsExtension<{ settings: Record<string, unknown> }>(browser, 'settings');
      await askAsExtension(browser, 'saveSettings', { settings: { ...settings, language } });
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const row = page.locator('.spend-links-table tr').first();
      await row.waitFor();
      expect(await row.locator('.spend-how').innerText()).toBe(language === 'en' ? 'matched by name' : '按名称匹配');
      await page.locator('.spend-rules').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `spend-options-${language}.png`), fullPage: true });
      await page.close();
    }
  }, 90_000);
});
