import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
import { dayPage, fiveWeeks, SEED_URL, seedDays, type SeedDay } from './seed';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase } from '../harness/browser.mjs';

const CONVERSION_SHOP = '转化下滑的小店';
const AOV_SHOP = '客单下滑的小店';

/** Five weeks with steady traffic, in which `change` alters the last two days. */
function weeks(change: (d: SeedDay) => SeedDay): SeedDay[] {
  const days = fiveWeeks();
  // Search traffic as on the weeks before: only the factor under test moves.
  const steady = days.map((d, i) => (i >= days.length - 2 ? { ...d, ...restoreSearch(d, days[i - 7]!) } : d));
  return steady.map((d, i) => (i >= days.length - 2 ? change(d) : d));
}
const restoreSearch = (d: SeedDay, weekBefore: SeedDay): Pick<SeedDay, 'visitors' | 'sources'> => ({
  visitors: weekBefore.visitors,
  sources: weekBefore.sources,
});

/**
 * The review's conversion and order-value alerts end to end: five weeks read off real 生意参谋 pages
 * for two shops, one whose conversion fell on the last two closed days and one whose order value did.
 * Each alert fires once, names its factor, its fix and its owners under its own shop's line in the popup,
 * and resolves when yesterday, read again, shows the factor back.
 */
describe('the review’s conversion and order-value alerts in the popup', () => {
  let server: FixtureServer;
  let browser: Browser;
  const conversionDays = weeks((d) => ({ ...d, conversion: 0.018 }));
  const aovDays = weeks((d) => ({ ...d, aov: 90 }));

  beforeAll(async () => {
    server = await startServer({ [SEED_URL]: 'review/sycm-day.template.html' });
    browser = await launch(server.port, 'zh-CN');
    await seedDays(browser, server, CONVERSION_SHOP, conversionDays);
    await seedDays(browser, server, AOV_SHOP, aovDays);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const reviewAlerts = async () =>
    (
      (await readDatabase(browser.serviceWorker, 'alerts')) as Array<{
        id: string;
        status: string;
        metric: string;
        store: string;
      }>
    ).filter((a) => a.id.includes('rule:review-'));

  it('raises one alert per shop for the factor that fell, and no other', async () => {
    const open = (await reviewAlerts()).filter((a) => a.status === 'open').map((a) => [a.store, a.metric]);
    expect(open.sort()).toEqual(
      [
        [AOV_SHOP, 'avgOrderValue'],
        [CONVERSION_SHOP, 'conversionRate'],
      ].sort(),
    );
  });

  it('shows each alert under its shop’s line, naming the factor, the fix and its owners', async () => {
    const popup = await openPopup(browser);
    const lines = popup.getByTestId('shop-lines');
    await lines.waitFor();
    // Nothing is folded out yet; each line counts its shop's open alerts (one of them the review's).
    const pending: Record<string, string> = {};
    for (const store of [CONVERSION_SHOP, AOV_SHOP])
      pending[store] = await lines.locator(`details.shops-line[data-store="${store}"] .shops-pending`).innerText();
    expect(await popup.locator('.review-day-card, li.inbox-alert').count()).toBe(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'review-alerts-factors-lines-zh-CN.png'), fullPage: true });

    const conversion = lines.locator(`details.shops-line[data-store="${CONVERSION_SHOP}"]`);
    await conversion.locator('summary').click();
    const c = conversion.locator('.inbox-alert[data-alert*="rule:review-conversionRate"]');
    await c.waitFor();
    const ct = await c.innerText();
    expect(ct).toContain('转化率较近4周同日中位数');
    expect(ct).toContain('已连续 2 天');
    expect(ct).toContain('美工 · 主责');
    expect(ct).toContain('客服 · 协助');
    expect(await c.locator('details.inbox-steps').getAttribute('open')).toBeNull();

    const aov = lines.locator(`details.shops-line[data-store="${AOV_SHOP}"]`);
    await aov.locator('summary').click();
    const a = aov.locator('.inbox-alert[data-alert*="rule:review-avgOrderValue"]');
    await a.waitFor();
    const at = await a.innerText();
    expect(at).toContain('客单价较近4周同日中位数');
    expect(at).toContain('已连续 2 天');
    expect(at).toContain('商品运营 · 主责');
    expect(at).toContain('客服 · 协助');
    // Each line holds as many alerts as it counted, its own shop's only.
    for (const [store, line] of [
      [CONVERSION_SHOP, conversion],
      [AOV_SHOP, aov],
    ] as const) {
      expect(Number(pending[store])).toBeGreaterThanOrEqual(1);
      expect(String(await line.locator('li.inbox-alert').count())).toBe(pending[store]);
    }
    expect(await conversion.locator('.inbox-alert[data-alert*="rule:review-avgOrderValue"]').count()).toBe(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'review-alerts-factors-open-zh-CN.png'), fullPage: true });
    await popup.close();
  }, 60_000);

  it('copies the daily report as a PNG to the system clipboard from the popup', async () => {
    const popup = await openPopup(browser);
    await popup.locator('button.report-image').click();
    await expect.poll(() => popup.locator('.report-status').innerText(), { timeout: 20_000 }).toContain('日报图片已复制');
    // Pasted into a page, as into a chat's input box: the clipboard holds a PNG 720 px wide.
    const chat = await browser.context.newPage();
    await chat.setContent('<div contenteditable="true" id="box" style="width:400px;height:200px"></div>');
    await chat.evaluate(() => {
      const w = window as unknown as { pasted: Promise<{ type: string; width: number }> };
      w.pasted = new Promise((resolve) =>
        document.getElementById('box')!.addEventListener('paste', (e) => {
          const file = [...(e.clipboardData?.items ?? [])].find((i) => i.type === 'image/png')?.getAsFile();
          if (file) void createImageBitmap(file).then((b) => resolve({ type: file.type, width: b.width }));
          else resolve({ type: [...(e.clipboardData?.types ?? [])].join(','), width: 0 });
        }),
      );
    });
    await chat.locator('#box').click();
    await chat.keyboard.press('Control+V');
    const pasted = await chat.evaluate(() => (window as unknown as { pasted: Promise<{ type: string; width: number }> }).pasted);
    expect(pasted).toEqual({ type: 'image/png', width: 720 });
    await chat.close();
    await popup.close();
  }, 60_000);

  it('resolves each alert when yesterday, read again, shows its factor back', async () => {
    const page = await browser.context.newPage();
    for (const [store, days] of [
      [CONVERSION_SHOP, conversionDays],
      [AOV_SHOP, aovDays],
    ] as const) {
      server.serve(SEED_URL, dayPage(store, { ...days.at(-1)!, conversion: 0.025, aov: 120 }));
      await page.goto(SEED_URL);
      await expect
        .poll(async () => (await reviewAlerts()).find((a) => a.store === store)?.status, { timeout: 20_000 })
        .toBe('resolved');
    }
    await page.close();
  }, 60_000);
});
