// Store screenshots (1280×800) from the bundled sample pages, through the real path: five weeks of a
// 生意参谋 shop read off pages served at their real URL, a monthly target set in the popup, then the
// badges on the 生意参谋 home, the popup's review and trends over that page, and the options page.
// `npm start -- --store` writes them to docs/store/<locale>/.

import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, readDays } from './browser.mjs';
import { dayPage, fiveWeeks } from './days.mjs';
import { FIXTURES_ROOT, startFixtureServer } from './server.mjs';

const HOME = 'https://sycm.taobao.com/portal/home.htm';
/** Where the days are read: a 生意参谋 page other than the home, which lists numbers the day pages do not show. */
const DAY = 'https://sycm.taobao.com/portal/shop-day.htm';
const STORE = '小雨的旗舰店';
const SIZE = { width: 1280, height: 800 };
/** The popup as the toolbar shows it: 400 px wide, as tall as fits on the shot. */
const POPUP = { width: 400, height: 760 };

/**
 * @param {{ extensionPath: string, locale: string, outDir: string, log?: (line: string) => void }} options
 * @returns {Promise<string[]>} the files written
 */
export async function storeShots({ extensionPath, locale, outDir, log = () => {} }) {
  await mkdir(outDir, { recursive: true });
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ extensionPath, port: server.port, locale });
  const written = [];
  try {
    const { context, extensionId, serviceWorker } = browser;
    const page = await context.newPage();
    await page.setViewportSize(SIZE);
    const days = fiveWeeks();
    for (const d of days) {
      server.serve(DAY, dayPage(STORE, d));
      await page.goto(DAY);
      for (let i = 0; i < 100; i++) {
        const daily = /** @type {Array<{ id: string }>} */ (await readDays(serviceWorker));
        if (daily.some((r) => r.id === `sycm|${STORE}|sales||${d.date}`)) break;
        if (i === 99) throw new Error(`the day ${d.date} was not stored`);
        await page.waitForTimeout(100);
      }
    }
    log(`  ${days.length} days read`);

    const popup = await context.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const card = popup.locator('.review-day-card').first();
    await card.locator('button.popup-primary').click();
    const form = popup.getByTestId('target-form');
    await form.locator('input[type="month"]').fill(days.at(-1).date.slice(0, 7));
    await form.locator('input[name="amount"]').fill('400000');
    await form.locator('button[type="submit"]').click();
    await popup.getByTestId('main-factor').waitFor();
    await popup.waitForTimeout(300);
    const review = await popup.screenshot();
    await popup.getByRole('tab').nth(1).click();
    await popup.locator('svg[role="img"]').first().waitFor();
    await popup.waitForTimeout(300);
    const trends = await popup.screenshot();

    // The home page: its numbers are warned about (跳失率 72.31%, 人均浏览量 2.10).
    server.serve(HOME, readFileSync(join(FIXTURES_ROOT, 'sycm/home.html'), 'utf8'));
    await page.goto(HOME);
    const badge = page.locator('storepulse-badge[data-metric="bounceRate"]');
    await badge.waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(500);
    const backdrop = await page.screenshot();
    // The badge's root is closed: click where its pill is drawn (the host's top left), as the operator would.
    const box = await badge.boundingBox();
    if (!box) throw new Error('the bounce-rate badge is not rendered');
    await page.mouse.click(box.x + 6, box.y + 6);
    await page.locator('storepulse-badge[data-metric="bounceRate"][data-open]').waitFor();
    const save = async (/** @type {string} */ name, /** @type {import('playwright-core').Page} */ p) => {
      const path = join(outDir, name);
      await p.screenshot({ path });
      written.push(path);
    };
    await save('1-badges.png', page);

    // The popup as it opens from the toolbar, over the page it was opened on.
    const stage = await context.newPage();
    await stage.setViewportSize(SIZE);
    for (const [name, shot] of /** @type {const} */ ([
      ['2-review.png', review],
      ['3-trends.png', trends],
    ])) {
      await stage.setContent(
        '<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">' +
          `<img src="data:image/png;base64,${backdrop.toString('base64')}" style="position:absolute;inset:0;filter:brightness(.6)">` +
          `<img src="data:image/png;base64,${shot.toString('base64')}" style="position:absolute;right:40px;top:20px;` +
          'border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.45)"></body>',
      );
      await save(name, stage);
    }

    const options = await context.newPage();
    await options.setViewportSize(SIZE);
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator(`tr[data-shop="sycm|${STORE}"]`).waitFor();
    await options.waitForTimeout(300);
    await save('4-options.png', options);
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}
