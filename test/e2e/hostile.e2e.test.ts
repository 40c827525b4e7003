import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  closedShadow,
  eventually,
  launch,
  openPopup,
  readings,
  SCREENSHOTS,
  startServer,
  type Browser,
  type FixtureServer,
} from './support';

const URL = 'https://sycm.taobao.com/portal/workbench.htm';
const SHOP = '小雨的旗舰店<img src=x onerror="window.__pwned=1">';

describe('a hostile page: markup in labels, script-looking text, 51,000 noise nodes', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [URL]: 'sycm/hostile.html' });
    browser = await launch(server.port, 'zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('executes nothing from page text, still reads the real cards, and the page keeps working', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(URL);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(50_000);
    await page.locator('storepulse-badge[data-metric="bounceRate"]').waitFor({ state: 'attached', timeout: 30_000 });

    const stored = await eventually(async () => {
      const r = await readings(browser);
      return r.some((x) => x.metric === 'bounceRate') ? r : null;
    }, 'readings from the hostile page');
    expect(stored.find((r) => r.metric === 'bounceRate')?.value).toBe(0.7231);
    // The shop's odd name is kept as the text it is.
    expect(new Set(stored.map((r) => r.store))).toEqual(new Set([SHOP]));

    // Nothing ran: no page text became markup, in the page or in our badge.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const badgeMarkup = (await closedShadow(page, 'storepulse-badge', 'img,script')).map((found) => found.length);
    expect(badgeMarkup.length).toBeGreaterThan(0);
    expect(badgeMarkup.every((n) => n === 0)).toBe(true);

    // The page still works: its own script state and its button.
    expect(await page.evaluate(() => (window as unknown as { __pageOk?: boolean }).__pageOk)).toBe(true);
    const before = Number(await page.locator('[data-testid=counter-value]').innerText());
    await page.locator('[data-testid=counter-button]').click();
    await expect.poll(async () => Number(await page.locator('[data-testid=counter-value]').innerText())).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sycm-hostile-zh-CN.png') });
    await page.close();
  });

  it('shows the shop name in the popup as text, never as markup', async () => {
    const popup = await openPopup(browser);
    // The shop's line on the first screen names it, as text.
    await popup.locator('.shops-line .shops-name').first().waitFor();
    expect(await popup.locator('.shops-line .shops-name').first().innerText()).toContain('<img src=x');
    expect(await popup.locator('main img, main script').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await popup.close();
  });
});
