import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, launchIn, type Session } from './engines';
import { launch, openPopup, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDays } from '../harness/browser.mjs';
import { writeReports } from '../harness/reports.mjs';

/** Yesterday on this computer's calendar: the samples end there, so the popup's review has a year behind it. */
function yesterday(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Chooses a report file in the options page and waits for its preview. */
async function preview(page: Page, path: string, name: string) {
  const section = page.locator('section.sheet');
  await section
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: await readFile(path) });
  const view = section.locator('.sheet-preview');
  await view.waitFor({ timeout: 30_000 });
  return { section, view };
}

/** Points on the 90-day trend's line of the shop's own numbers. */
async function trendPoints(popup: Page): Promise<{ label: string; points: number }> {
  await popup.locator('#tab-trends').click();
  await popup.locator('.trend-range button').nth(2).click();
  const line = popup.locator('svg.chart polyline[data-series="main"]');
  await line.waitFor();
  await expect.poll(async () => (await popup.locator('svg.chart').getAttribute('aria-label')) ?? '').toMatch(/90/);
  const points = ((await line.getAttribute('points')) ?? '').trim().split(/\s+/).length;
  return { label: (await popup.locator('svg.chart').getAttribute('aria-label')) ?? '', points };
}

/** A browser in `locale` with the sample reports made to end yesterday, for one describe block. */
function withReports(locale: string) {
  const env = {} as { server: FixtureServer; browser: Browser; dir: string; files: Record<string, string> };
  beforeAll(async () => {
    env.dir = await mkdtemp(join(tmpdir(), 'storepulse-reports-'));
    env.files = await writeReports(env.dir, yesterday());
    env.server = await startServer({});
    env.browser = await launch(env.server.port, locale);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    await rm(env.dir, { recursive: true, force: true });
  });
  return env;
}

/** Opens the options page at a size that shows the preview whole. */
async function optionsPage(browser: Browser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return options;
}

describe('a year of 生意参谋 history from its own report file, through the preview, into the popup', () => {
  const env = withReports('zh-CN');

  it('previews the workbook, stores nothing until confirmed, then stores it once', async () => {
    const { browser, files } = env;
    const options = await optionsPage(browser);
    const { section, view } = await preview(options, files.sycm!, '生意参谋-店铺整体日报.xlsx');
    expect(await view.locator('select.sheet-site').inputValue()).toBe('sycm');
    expect(await view.locator('input.sheet-store').inputValue()).toBe('山茶小铺');
    const text = await view.innerText();
    expect(text).toContain('365 行');
    expect(text).toContain('第 373 行：合计或平均行，不是某一天 “合计”');
    expect(text).toContain('易混指标，店脉从不把它存为指标');
    expect(text).toContain('4 个单元格为空或为“-”');
    await view.scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'sheets-preview-zh-CN.png'), fullPage: true });
    expect((await readDays(browser.serviceWorker)) as unknown[]).toHaveLength(0);

    // The operator ignores a column: the preview follows (客单价 is "-" on two closed days: 363 values fewer).
    await view.locator('select[aria-label="客单价"]').selectOption('ignore');
    await expect.poll(() => view.locator('.sheet-confirm').innerText()).toContain('导入 2918 个数值');
    await view.locator('select[aria-label="客单价"]').selectOption('metric:avgOrderValue');
    await expect.poll(() => view.locator('.sheet-confirm').innerText()).toContain('导入 3281 个数值');
    await view.locator('.sheet-confirm').click();
    await expect.poll(() => section.locator('.sheet-done').innerText(), { timeout: 60_000 }).toContain('已导入 3281 个数值');
    const stored = (await readDays(browser.serviceWorker)) as Array<{ store: string; site: string }>;
    expect(stored).toHaveLength(3281);
    expect(new Set(stored.map((d) => `${d.site}/${d.store}`))).toEqual(new Set(['sycm/山茶小铺']));

    // The same file again changes nothing.
    const again = await preview(options, files.sycm!, '生意参谋-店铺整体日报.xlsx');
    await again.view.locator('.sheet-confirm').click();
    await expect
      .poll(() => section.locator('.sheet-done').innerText(), { timeout: 60_000 })
      .toContain('已导入 0 个数值；3281 个');
    expect(await readDays(browser.serviceWorker)).toEqual(stored);
    await options.close();
  }, 180_000);

  it('refuses a legacy .xls with what to do instead', async () => {
    const { browser, files } = env;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section.sheet');
    await section.locator('input[type="file"]').setInputFiles(files.xls!);
    await expect.poll(() => section.locator('.sheet-error').innerText()).toContain('另存为”Excel 工作簿（.xlsx）或 CSV');
    await options.close();
  }, 60_000);

  it('shows a same-weekday baseline in the review and a 90-day trend', async () => {
    const popup = await openPopup(env.browser);
    const card = popup.locator('.review-day-card').first();
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.innerText()).toContain('山茶小铺');
    expect(await card.locator('.review-baseline').count()).toBeGreaterThan(0);
    expect(await card.innerText()).not.toContain('历史还不够');
    await popup.screenshot({ path: join(SCREENSHOTS, 'sheets-popup-review-zh-CN.png') });
    const trend = await trendPoints(popup);
    expect(trend.label).toContain('近 90 天');
    expect(trend.points).toBeGreaterThanOrEqual(89);
    await popup.screenshot({ path: join(SCREENSHOTS, 'sheets-popup-trends-zh-CN.png') });

    // A target for the imported year's last month: the month tab shows its completion from the file's days.
    await popup.locator('#tab-review').click();
    await card.locator('button.popup-primary').click();
    const form = popup.getByTestId('target-form');
    const month = yesterday().slice(0, 7);
    await form.locator('input[type="month"]').fill(month);
    await form.locator('input[name="amount"]').fill('300000');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toMatch(/达成目标|未达目标/);
    await popup.locator('#tab-month').click();
    const row = popup.locator('table.month-months tr', { hasText: month }).first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\d+(\.\d+)?%/);
    await popup.screenshot({ path: join(SCREENSHOTS, 'sheets-popup-month-zh-CN.png') });
    await popup.close();
  }, 60_000);
});

describe('the same in English on the Shopify sample', () => {
  const env = withReports('en');

  it('asks for the shop the file does not name, imports a year, and the popup reviews and trends it', async () => {
    const { browser, files } = env;
    const options = await optionsPage(browser);
    const { section, view } = await preview(options, files.shopify!, 'shopify-sales-over-time.csv');
    expect(await view.locator('select.sheet-site').inputValue()).toBe('shopify');
    const text = await view.innerText();
    expect(text).toContain('Type the shop’s name.');
    expect(text).toContain('a totals or average row, never a day “Total”');
    expect(await view.locator('.sheet-confirm').isDisabled()).toBe(true);
    await view.locator('input.sheet-store').fill('Maple Goods');
    await options.screenshot({ path: join(SCREENSHOTS, 'sheets-preview-en.png'), fullPage: true });
    await view.locator('.sheet-confirm').click();
    await expect.poll(() => section.locator('.sheet-done').innerText(), { timeout: 60_000 }).toContain('1823 values imported');
    await options.close();

    const popup = await openPopup(browser);
    const card = popup.locator('.review-day-card').first();
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.innerText()).toContain('Maple Goods');
    expect(await card.locator('.review-baseline').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'sheets-popup-review-en.png') });
    const trend = await trendPoints(popup);
    expect(trend.label).toContain('last 90 days');
    expect(trend.points).toBeGreaterThanOrEqual(89);
    await popup.screenshot({ path: join(SCREENSHOTS, 'sheets-popup-trends-en.png') });
    await popup.close();
  }, 180_000);
});

describe.runIf(ENGINES.includes('firefox'))('a report in Firefox', () => {
  let server: FixtureServer;
  let session: Session;
  let dir: string;
  let files: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storepulse-reports-'));
    files = await writeReports(dir, yesterday());
    server = await startServer({});
    session = await launchIn('firefox', server.port, 'zh-CN');
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the GB18030 京东商智 CSV in the report reader’s worker and imports it after the preview', async () => {
    const options = await session.openExtension('/options.html', { width: 1000, height: 900 });
    await options.upload('section.sheet input[type="file"]', {
      name: '京东商智-经营概况.csv',
      mimeType: 'text/csv',
      content: await readFile(files.jd!),
    });
    await options.waitFor('section.sheet .sheet-preview', 60_000);
    expect(await options.text('section.sheet .sheet-preview')).toContain('京造好物自营店');
    await options.click('section.sheet .sheet-confirm');
    await options.waitFor('section.sheet .sheet-done', 60_000);
    expect(await options.text('section.sheet .sheet-done')).toContain('已导入 2918 个数值');
    expect(await session.readDatabase('days')).not.toHaveLength(0);
    await options.close();
  }, 180_000);
});
