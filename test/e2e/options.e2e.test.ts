import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { alerts, launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';

const HOME = 'https://sycm.taobao.com/portal/home.htm';

describe.each([['zh-CN'], ['zh-TW'], ['en']])('the options page in %s', (locale) => {
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
    await expect.poll(() => options.locator('tr.options-invalid').count()).toBe(0);
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

  it('adds a custom rule through the form and the badge on the page follows it', async () => {
    const page = await browser.context.newPage();
    await page.goto(HOME);
    await page.locator('storepulse-badge[data-metric="pagesPerVisit"]').waitFor({ state: 'attached', timeout: 20_000 });
    // No platform line judges conversion: without a rule of the operator's, it has no badge.
    expect(await page.locator('storepulse-badge[data-metric="conversionRate"]').count()).toBe(0);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('rules-empty').waitFor();

    // A template fills the form: conversion down 20% against the same weekday, typed as a percent.
    await options.locator('[data-template="conversionDown"]').click();
    expect(await options.locator('#rule-comparison').inputValue()).toBe('dropVsBaseline');
    expect(await options.locator('#rule-value').inputValue()).toBe('20');
    await options.locator('#rule-second').check();
    await options.locator('#rule-second-metric').selectOption('visitors');
    await options.locator('#rule-second-value').fill('1000');
    await options.locator('.rules-rule-form').screenshot({ path: join(SCREENSHOTS, `options-rule-form-${locale}.png`) });
    await options.getByRole('button', { name: locale === 'en' ? 'Cancel' : '取消' }).click();

    // Bad input is refused field by field, with the reason, and nothing is saved.
    await options.getByTestId('rule-new').click();
    await options.locator('#rule-value').fill('abc');
    await options.getByTestId('rule-save').click();
    await expect.poll(() => options.locator('.rules-rule-form [role=alert]').count()).toBe(2);
    expect(await options.locator('#rule-name').getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('#rule-value').getAttribute('aria-invalid')).toBe('true');
    expect(await options.getByTestId('rules-empty').count()).toBe(1);
    await options.screenshot({ path: join(SCREENSHOTS, `options-rule-errors-${locale}.png`), fullPage: true });

    // Conversion under 3% is critical: the page shows 2.87%.
    await options.locator('#rule-name').fill(locale === 'en' ? 'Conversion under 3%' : '转化率低于 3%');
    await options.locator('#rule-metric').selectOption('conversionRate');
    await options.locator('#rule-comparison').selectOption('below');
    await options.locator('#rule-value').fill('3');
    await options.locator('#rule-severity').selectOption('critical');
    await options.locator('#rule-fix').selectOption('conversionLow');
    await options.getByTestId('rule-save').click();
    await options.locator('.rules-custom-rules li').waitFor();
    await expect.poll(() => options.getByTestId('status').innerText()).not.toBe('');
    expect(await options.locator('.rules-rule-form').count()).toBe(0);
    await options.screenshot({ path: join(SCREENSHOTS, `options-rules-${locale}.png`), fullPage: true });

    await page.reload();
    const conversion = page.locator('storepulse-badge[data-metric="conversionRate"]');
    await conversion.waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => conversion.getAttribute('data-severity')).toBe('critical');
    await expect
      .poll(async () => (await alerts(browser)).filter((a) => a.metric === 'conversionRate' && a.status === 'open').length)
      .toBe(1);

    // Switched off in the list, the rule's badge goes.
    await options.locator('.rules-custom-rules li input[type=checkbox]').uncheck();
    await page.waitForTimeout(300);
    await page.reload();
    await page.locator('storepulse-badge[data-metric="pagesPerVisit"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(1000);
    expect(await page.locator('storepulse-badge[data-metric="conversionRate"]').count()).toBe(0);
    await expect
      .poll(async () => (await alerts(browser)).filter((a) => a.metric === 'conversionRate' && a.status === 'open').length)
      .toBe(0);
    await options.close();
    await page.close();
  });
});
