import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { buildPreview, launchChromium, openShopLines, overflowing } from '../harness/preview.mjs';

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
    // Every shop's line folded out, so its card and alerts are checked too.
    await openShopLines(page);

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
    // One line per shop: no summary wraps onto a second row.
    const rows = await lines.locator('summary.shops-row').evaluateAll((els) =>
      els.map((e) => {
        const name = e.querySelector('.shops-name')!;
        return {
          store: name.textContent,
          height: e.getBoundingClientRect().height,
          line: parseFloat(getComputedStyle(name).lineHeight),
        };
      }),
    );
    for (const r of rows) expect(r.height, `${r.store}`).toBeLessThan(2 * r.line + 12);
    // Nothing folded out yet: no card, no alert, the first screen is the lines.
    expect(await page.locator('.review-day-card, li.inbox-alert').count()).toBe(0);
    expect(await overflowing(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);
    const height = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height);
    console.log(`first screen, ${n} shops, ${locale}: popup content ${Math.round(height)} px tall`);
    await page.screenshot({ path: join(SCREENSHOTS, `first-screen-${n}-${locale}.png`), fullPage: true });

    // The worst shop folded out: its card and its alerts, each alert's steps folded away.
    await lines.locator('summary').first().click();
    const first = lines.locator('details.shops-line').first();
    await first.locator('.review-day-card').waitFor();
    expect(await first.locator('li.inbox-alert').count()).toBeGreaterThan(0);
    expect(await first.locator('details.inbox-steps[open]').count()).toBe(0);
    expect(await overflowing(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `first-screen-${n}-${locale}-open.png`), fullPage: true });
    await page.close();
  });
});

describe.each(['zh-CN', 'zh-TW', 'en'])('the daily report image in %s', (locale) => {
  const png = async (page: Page, key: 'image' | 'saved') => {
    const handle = await page.waitForFunction(
      (k) => (window as unknown as { __calls: Array<Record<string, string>> }).__calls.find((c) => c[k]),
      key,
    );
    return (await handle.jsonValue()) as { image: string; saved?: string };
  };

  it('draws the report as a PNG on the clipboard, readable at full size and at a 360 px chat preview', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 600 }, locale });
    await page.goto(`${url}?locale=${locale}&shops=4`);
    await page.locator('button.report-image').click();
    const { image } = await png(page, 'image');
    const bytes = Buffer.from(image.split(',')[1]!, 'base64');
    const file = join(SCREENSHOTS, `daily-report-${locale}.png`);
    await writeFile(file, bytes);
    // The PNG's own size from its header: 720 px wide (360 px at a chat preview's half size).
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(720);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(1000);
    // Shown at 360 px: the picture at half size, as a chat preview shows it, for a person to look at.
    const small = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await small.setContent(`<body style="margin:0"><img src="${image}" style="width:360px;display:block"></body>`);
    await small.screenshot({ path: join(SCREENSHOTS, `daily-report-${locale}-360.png`), fullPage: true });
    await small.close();
    expect(await page.locator('.report-status').innerText()).toMatch(/copied|已复制|已複製/);
    await page.close();
  });

  it('saves the PNG as a file, and says so, where the browser refuses images on the clipboard', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 600 }, locale });
    await page.goto(`${url}?locale=${locale}&shops=2&clipboard=refuse`);
    await page.locator('button.report-image').click();
    const { saved, image } = await png(page, 'saved');
    expect(saved).toMatch(/^storepulse-\d{4}-\d{2}-\d{2}\.png$/);
    expect(image.startsWith('data:image/png;base64,')).toBe(true);
    expect(await page.locator('.report-status').innerText()).toContain(saved);
    expect(await clipped(page)).toEqual([]);
    await page.close();
  });
});
