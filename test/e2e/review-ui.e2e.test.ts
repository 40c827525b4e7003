import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { buildPreview, launchChromium, overflowing } from '../harness/preview.mjs';

/**
 * The popup's review, trends and monthly review on sample data in real Chromium at popup size, in
 * all three languages: nothing wider than the popup, no label cut short, the chart at its own pixel
 * size, and how long the first render takes.
 */

let browser: Browser;
let url: string;
beforeAll(async () => {
  url = await buildPreview(join(SCREENSHOTS, '..', 'preview-e2e'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Buttons, tabs, table cells and labels whose text does not fit their box (clipped CJK, cut words). */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, [role="tab"], th, td, label > span, legend, .review-pill, .trend-level, h2, h3',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`),
  );
}

describe.each(['zh-CN', 'zh-TW', 'en'])('the review UI in %s', (locale) => {
  it('fits the popup on every tab, keeps every label whole and draws the chart crisply', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 600 }, locale });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}?locale=${locale}`);
    await page.locator('.review-day-card').first().waitFor();

    const check = async (name: string) => {
      expect(await overflowing(page), `${name}: wider than the popup`).toEqual([]);
      expect(await clipped(page), `${name}: clipped`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `review-ui-${name}-${locale}.png`), fullPage: true });
    };
    await check('review');

    await page.getByRole('tab').nth(1).click();
    const chart = page.locator('svg.chart');
    await chart.waitFor();
    const box = (await chart.boundingBox())!;
    // One viewBox unit is one CSS pixel: text and lines are never scaled.
    const viewBox = (await chart.getAttribute('viewBox'))!.split(' ').map(Number);
    expect(box.width).toBe(viewBox[2]);
    expect(box.height).toBe(viewBox[3]);
    // Axis labels sit inside the chart and do not overlap each other.
    const labels = await chart.locator('text').evaluateAll((nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    expect(labels.length).toBeGreaterThan(5);
    for (const [i, a] of labels.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(a.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
      for (const b of labels.slice(i + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap).toBe(false);
      }
    }
    await check('trends');

    await page.getByRole('tab').nth(2).click();
    await page.locator('table.month-months').first().waitFor();
    await check('month');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['zh-CN', 'en'])('the first screen in %s', (locale) => {
  it.each([4, 10])('lists %i shops one line each, the worst first, no name or number cut short', async (n) => {
    const page = await browser.newPage({ viewport: { width: 400, height: 600 }, locale });
    await page.goto(`${url}?locale=${locale}&shops=${n}`);
    const lines = page.getByTestId('shop-lines');
    await lines.waitFor();
    expect(await lines.locator('.shops-line').count()).toBe(n);
    const statuses = await lines.locator('.shops-line').evaluateAll((els) => els.map((e) => e.classList.contains('missed')));
    // Missed days first.
    expect(statuses).toEqual([...statuses].sort((a, b) => Number(b) - Number(a)));
    const cut = await lines
      .locator('span')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `first-screen-${n}-${locale}.png`) });
    await page.close();
  });
});
