import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askAsExtension,
  launch,
  openPopup,
  SCREENSHOTS,
  startServer,
  toolbarBadgeText,
  type Browser,
  type FixtureServer,
} from './support';
import { fiveWeeks, SEED_URL, seedDays } from './seed';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase, readDays } from '../harness/browser.mjs';

const STORE = '小雨的旗舰店';

describe('history through the real ingestion path', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [SEED_URL]: 'review/sycm-day.template.html' });
    browser = await launch(server.port, 'zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps one daily value per metric and day, and each traffic source apart', async () => {
    const days = fiveWeeks().slice(-3);
    await seedDays(browser, server, STORE, days);
    const daily = (await readDays(browser.serviceWorker)) as Array<{
      metric: string;
      date: string;
      value: number;
      part: string;
    }>;
    const last = days.at(-1)!;
    const of = (metric: string, part = '') =>
      daily.find((d) => d.metric === metric && d.date === last.date && d.part === part)?.value;
    expect(of('visitors')).toBe(last.visitors);
    expect(of('conversionRate')).toBeCloseTo(0.025, 6);
    expect(of('avgOrderValue')).toBe(120);
    expect(of('sales')).toBeCloseTo(last.visitors * 0.025 * 120, 2);
    expect(of('visitors', '流量来源=手淘搜索')).toBe(last.sources[0]);
    expect(new Set(daily.map((d) => d.date))).toEqual(new Set(days.map((d) => d.date)));
  }, 120_000);
});

describe('the daily review in the popup, from five weeks read off real pages', () => {
  let server: FixtureServer;
  let browser: Browser;
  const days = fiveWeeks();
  const yesterday = days.at(-1)!;

  beforeAll(async () => {
    server = await startServer({ [SEED_URL]: 'review/sycm-day.template.html' });
    browser = await launch(server.port, 'zh-CN');
    await seedDays(browser, server, STORE, days);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-full.png`), fullPage: true });
  };

  it('sets a monthly target in the popup and names visitors and 手淘搜索 as what fell', async () => {
    const popup = await openPopup(browser);
    const card = popup.locator('.review-day-card').first();
    await card.waitFor();
    await card.locator('button.popup-primary').click();
    const form = popup.getByTestId('target-form');
    await form.locator('input[type="month"]').fill(yesterday.date.slice(0, 7));
    // A daily target well above what a normal day sells: yesterday missed it.
    await form.locator('input[name="amount"]').fill('400000');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('未达目标');
    const text = await card.innerText();
    expect(await popup.getByTestId('main-factor').innerText()).toContain('访客数');
    expect(text).toContain('手淘搜索');
    expect(await popup.getByTestId('pacing').innerText()).toMatch(/落后|落後|behind/);
    await shot(popup, 'review-zh-CN');

    // The target was stored by the background, split evenly.
    const targets = (await readDatabase(browser.serviceWorker, 'targets')) as Array<{ amount: number; split: string }>;
    expect(targets).toEqual([expect.objectContaining({ amount: 400000, split: 'even' })]);
    await popup.close();
  }, 60_000);

  it('draws the trend of sales with its target line, and the month’s numbers', async () => {
    const popup = await openPopup(browser);
    await popup.locator('#tab-trends').click();
    const chart = popup.locator('svg.chart');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toBeTruthy();
    await shot(popup, 'trends-zh-CN');
    await popup.locator('#tab-month').click();
    await expect.poll(() => popup.locator('table').count()).toBeGreaterThan(0);
    expect(await popup.locator('main').innerText()).toContain(yesterday.date.slice(0, 7));
    await shot(popup, 'month-zh-CN');
    await popup.close();
  }, 60_000);

  it('acknowledges an alert from the inbox: the toolbar count drops and the history says so', async () => {
    const popup = await openPopup(browser);
    const before = Number((await toolbarBadgeText(browser)) || 0);
    expect(before).toBeGreaterThan(0);
    const ack = popup.locator('li.inbox-alert button.ack').first();
    await ack.waitFor();
    await ack.click();
    await expect.poll(async () => Number((await toolbarBadgeText(browser)) || 0)).toBe(before - 1);
    const acknowledged = (
      (await readDatabase(browser.serviceWorker, 'alerts')) as Array<{ status: string; history?: Array<{ event: string }> }>
    ).filter((a) => a.status === 'acknowledged');
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]!.history!.map((h) => h.event)).toEqual(['opened', 'acknowledged']);
    await popup.close();
  }, 60_000);

  it('reads in English too', async () => {
    const { settings } = await askAsExtension<{ settings: object }>(browser, 'settings');
    expect(await askAsExtension(browser, 'saveSettings', { settings: { ...settings, language: 'en' } })).toEqual({ ok: true });
    const popup = await openPopup(browser);
    await popup.getByTestId('decomposition').waitFor();
    expect(await popup.getByTestId('main-factor').innerText()).toMatch(/Visitors/i);
    await shot(popup, 'review-en');
    await popup.locator('#tab-trends').click();
    await popup.locator('svg.chart').waitFor();
    await shot(popup, 'trends-en');
    await popup.locator('#tab-month').click();
    await shot(popup, 'month-en');
    await popup.close();
  }, 60_000);
});
