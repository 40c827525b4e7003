import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
import { fiveWeeks, SEED_URL, seedDays } from './seed';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase } from '../harness/browser.mjs';

const STORE = '小雨的旗舰店';

/**
 * The popup's first screen once StorePulse has read a shop and no target is set for this month: what
 * StorePulse gives, and the month's target in one field, saved through the worker, in real Chromium.
 */
describe.each([
  ['zh-CN', '店脉能帮你做什么', '销售目标（¥）'],
  ['en', 'What StorePulse does for you', 'Sales target for'],
])('the first run in %s', (locale, title, label) => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [SEED_URL]: 'review/sycm-day.template.html' });
    browser = await launch(server.port, locale);
    // Three closed days read off 生意参谋's home page.
    await seedDays(browser, server, STORE, fiveWeeks().slice(-3));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for the month’s target of the shop read, refuses a bad amount and saves a good one', async () => {
    const popup = await openPopup(browser);
    const panel = popup.getByTestId('first-run');
    await panel.waitFor({ timeout: 20_000 });
    expect(await panel.locator('h2').innerText()).toBe(title);
    expect(await panel.locator('li').count()).toBe(3);
    expect(await panel.innerText()).toContain(STORE);
    expect(await panel.locator('label').innerText()).toContain(label);
    expect(await panel.locator('input').count()).toBe(1);
    // Nothing of the panel wider than the popup or cut short.
    const cut = await panel
      .locator('h2, li, label > span, button, p')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    expect((await panel.boundingBox())!.width).toBeLessThanOrEqual(400);
    await popup.screenshot({ path: join(SCREENSHOTS, `first-run-${locale}.png`) });

    await panel.getByTestId('first-amount').fill('0');
    await panel.locator('.first-save').click();
    await panel.locator('[role=alert]').waitFor();
    expect(await readDatabase(browser.serviceWorker, 'targets')).toEqual([]);

    await panel.getByTestId('first-amount').fill('450,000');
    await panel.locator('.first-save').click();
    await panel.waitFor({ state: 'detached', timeout: 15_000 });
    const month = (await popup.locator('.popup-today').innerText()).slice(0, 7);
    const targets = (await readDatabase(browser.serviceWorker, 'targets')) as Array<Record<string, unknown>>;
    expect(targets).toEqual([
      expect.objectContaining({ site: 'sycm', store: STORE, month, amount: 450000, currency: 'CNY', split: 'even' }),
    ]);
    await popup.screenshot({ path: join(SCREENSHOTS, `first-run-saved-${locale}.png`) });
    await popup.close();
  }, 90_000);
});
