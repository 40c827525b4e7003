import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { eventually, launch, openPopup, readings, SCREENSHOTS, startServer } from './support';

/**
 * Badges and notes where pages are hardest: inside web components' shadow roots (Amazon), inside a
 * same-origin frame (a 生意参谋 tool), and beside numbers drawn by a scrambling font (拼多多).
 */

async function open(routes: Record<string, string>, url: string, locale = 'zh-CN') {
  const server = await startServer(routes);
  const browser = await launch(server.port, locale);
  const page = await browser.context.newPage();
  await page.goto(url);
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

describe('hard pages, end to end', () => {
  it('warns inside an Amazon report rendered in shadow roots', async () => {
    const url = 'https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx';
    const t = await open({ [url]: 'amazon/business-report.html' }, url, 'en');
    try {
      const badge = t.page.locator('storepulse-badge[data-metric="conversionRate"]');
      await badge.waitFor({ state: 'attached', timeout: 20_000 });
      expect(await badge.getAttribute('data-severity')).toBe('warn');
      // The badge lives in the shadow tree of the component that shows the number.
      expect(await badge.evaluate((el) => el.getRootNode() instanceof ShadowRoot)).toBe(true);
      expect(await badge.evaluate((el) => el.parentElement?.textContent?.trim())).toBe('12.56%');
      const stored = await eventually(async () => {
        const r = await readings(t.browser);
        return r.some((x) => x.metric === 'conversionRate' && !x.breakdown) ? r : null;
      }, 'Amazon readings');
      expect(stored.find((r) => r.metric === 'sales' && !r.breakdown)).toMatchObject({
        value: 18942.37,
        currency: 'USD',
        store: 'Harbor & Pine',
      });
      await t.page.screenshot({ path: join(SCREENSHOTS, 'amazon-shadow-badge-en.png') });
    } finally {
      await t.close();
    }
  });

  it('warns inside a same-origin frame of 生意参谋', async () => {
    const host = 'https://sycm.taobao.com/portal/shop/board.htm';
    const t = await open(
      { [host]: 'sycm/iframe-host.html', 'https://sycm.taobao.com/portal/frame/core.htm': 'sycm/iframe-inner.html' },
      host,
    );
    try {
      const frame = t.page.frameLocator('iframe').first();
      const badge = frame.locator('storepulse-badge[data-metric="pagesPerVisit"]');
      await badge.waitFor({ state: 'attached', timeout: 20_000 });
      expect(await badge.getAttribute('data-severity')).toBe('warn');
      const stored = await readings(t.browser);
      expect(stored.find((r) => r.metric === 'pagesPerVisit')).toMatchObject({ value: 3.1, url: host });
      await t.page.screenshot({ path: join(SCREENSHOTS, 'sycm-frame-badge-zh-CN.png') });
    } finally {
      await t.close();
    }
  });

  it('stores no number a scrambling font draws differently, and says so on the page and in the popup', async () => {
    const url = 'https://mms.pinduoduo.com/sycm/stores_data/operation';
    const t = await open({ [url]: 'pdd/operation.html' }, url);
    try {
      const notes = t.page.locator('storepulse-badge[data-metric="unreadable"]');
      await expect.poll(() => notes.count(), { timeout: 20_000 }).toBe(3);
      expect(await notes.first().getAttribute('data-severity')).toBe('info');
      const stored = await eventually(async () => {
        const r = await readings(t.browser);
        return r.length >= 4 ? r : null;
      }, 'PDD readings');
      // The plain numbers are read; the three scrambled ones (支付金额, 客单价, 支付订单数) are not.
      expect(stored.map((r) => r.metric).sort()).toEqual(['conversionRate', 'pageViews', 'paidBuyers', 'visitors']);
      const popup = await openPopup(t.browser);
      await expect
        .poll(async () => {
          await popup.reload();
          return popup.getByTestId('page-status').count();
        })
        .toBe(1);
      expect(await popup.getByTestId('page-status').innerText()).toContain('3');
      await t.page.screenshot({ path: join(SCREENSHOTS, 'pdd-unreadable-zh-CN.png') });
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-unreadable-zh-CN.png'), fullPage: true });
    } finally {
      await t.close();
    }
  });
});
