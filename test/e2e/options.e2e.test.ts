import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';

const HOME = 'https://sycm.taobao.com/portal/home.htm';

describe.each([['zh-CN'], ['en']])('the options page in %s', (locale) => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    browser = await launch(server.port, locale);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('moves the bounce-rate line and the badge on the page follows', async () => {
    const page = await browser.context.newPage();
    await page.goto(HOME);
    const bounce = page.locator('storepulse-badge[data-metric="bounceRate"]');
    await bounce.waitFor({ state: 'attached', timeout: 20_000 });
    expect(await bounce.getAttribute('data-severity')).toBe('critical');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const critical = options.getByTestId('rule-taobao-bounce-high-critical');
    await critical.waitFor();
    expect(await critical.inputValue()).toBe('70');
    // A line past the warning line is refused, with the reason, and nothing is saved.
    await critical.fill('50');
    await expect.poll(() => options.locator('[role=alert]').count()).toBeGreaterThan(0);
    await critical.fill('75');
    await expect.poll(() => options.getByTestId('status').innerText()).not.toBe('');
    await expect.poll(() => options.locator('tr.invalid').count()).toBe(0);
    // The shop just read is listed, with its profile and the returning-visitors switch.
    await options.locator('tr[data-shop="sycm|小雨的旗舰店"]').waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, `options-${locale}.png`), fullPage: true });

    await page.reload();
    await page.locator('storepulse-badge[data-metric="bounceRate"]').waitFor({ state: 'attached', timeout: 20_000 });
    await expect
      .poll(() => page.locator('storepulse-badge[data-metric="bounceRate"]').getAttribute('data-severity'))
      .toBe('warn');

    // Switching the rule off takes the badge away.
    await options.getByTestId('rule-taobao-bounce-high-enabled').uncheck();
    await page.waitForTimeout(300);
    await page.reload();
    await page.locator('storepulse-badge[data-metric="pagesPerVisit"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(1000);
    expect(await page.locator('storepulse-badge[data-metric="bounceRate"]').count()).toBe(0);
    await options.close();
    await page.close();
  });
});
