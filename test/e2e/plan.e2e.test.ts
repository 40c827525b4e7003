import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askAsExtension,
  eventually,
  launch,
  openPopup,
  readings,
  SCREENSHOTS,
  startServer,
  type Browser,
  type FixtureServer,
} from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase } from '../harness/browser.mjs';

const HOME = 'https://sycm.taobao.com/portal/home.htm';

describe('the per-day plan in the target form', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    browser = await launch(server.port, 'zh-CN');
    const page = await browser.context.newPage();
    await page.goto(HOME);
    await eventually(async () => (await readings(browser)).length > 0, 'the home page read');
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const targets = async () => (await readDatabase(browser.serviceWorker, 'targets')) as Array<Record<string, unknown>>;

  it('refuses a bad day and a bad paste with the reason, keeps what was typed, then saves a plan with the rest spread', async () => {
    const popup = await openPopup(browser);
    const card = popup.locator('.review-day-card').first();
    await card.waitFor();
    await card.locator('button.popup-primary').click();
    const form = popup.getByTestId('target-form');
    const month = await form.locator('input[type="month"]').inputValue();
    await form.locator('input[name="amount"]').fill('300000');
    await form.locator('input[type="radio"][value="plan"]').check();
    const plan = popup.getByTestId('plan-days');
    await plan.locator('input[data-day="11"]').fill('10万');
    await plan.locator('input[data-day="12"]').fill('50,000');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => plan.locator('.plan-errors').innerText()).toContain('11 日');
    expect(await plan.locator('input[data-day="11"]').getAttribute('aria-invalid')).toBe('true');
    expect(await targets()).toEqual([]);
    // What was typed is all still there.
    expect(await plan.locator('input[data-day="11"]').inputValue()).toBe('10万');
    expect(await plan.locator('input[data-day="12"]').inputValue()).toBe('50,000');

    // A pasted column with a line that is not an amount fills nothing and names the line.
    await plan.locator('summary').click();
    await plan.locator('textarea').fill('1000\n两千\n3000');
    await plan.getByTestId('plan-fill').click();
    await expect.poll(() => plan.locator('.plan-paste [role=alert]').innerText()).toContain('第 2 行');
    expect(await plan.locator('input[data-day="1"]').inputValue()).toBe('');
    // Lines of day and amount fill those days.
    await plan.locator('textarea').fill(`11\t100000\n${month}-20\t20000`);
    await plan.getByTestId('plan-fill').click();
    await expect.poll(() => plan.locator('input[data-day="11"]').inputValue()).toBe('100000');
    expect(await plan.locator('input[data-day="20"]').inputValue()).toBe('20000');
    expect(await plan.getByTestId('plan-summary').innerText()).toContain('170,000');
    await popup.screenshot({ path: join(SCREENSHOTS, 'plan-form-zh-CN.png'), fullPage: true });

    await form.locator('button[type="submit"]').click();
    await expect.poll(async () => (await targets()).length).toBe(1);
    const [saved] = (await targets()) as Array<{ split: string; amount: number; plan: Record<string, number> }>;
    expect(saved!.split).toBe('plan');
    expect(saved!.amount).toBe(300000);
    expect(saved!.plan[`${month}-11`]).toBe(100000);
    expect(saved!.plan[`${month}-12`]).toBe(50000);
    const days = Object.keys(saved!.plan).length;
    expect(saved!.plan[`${month}-01`]).toBeCloseTo(130000 / (days - 3), 6);
    expect(Object.values(saved!.plan).reduce((a, b) => a + b, 0)).toBeCloseTo(300000, 4);
    await expect.poll(() => card.innerText()).toContain('逐日计划');
    await popup.close();
  }, 60_000);

  it('says in English when every day is set and the days miss the month’s target', async () => {
    const before = await targets();
    const { settings } = await askAsExtension<{ settings: object }>(browser, 'settings');
    expect(await askAsExtension(browser, 'saveSettings', { settings: { ...settings, language: 'en' } })).toEqual({ ok: true });
    const popup = await openPopup(browser);
    const card = popup.locator('.review-day-card').first();
    await card.waitFor();
    // The saved plan opens as it was: the form on the day plan.
    await card.locator('.review-target-line button').click();
    const form = popup.getByTestId('target-form');
    const plan = popup.getByTestId('plan-days');
    await plan.waitFor();
    expect(await plan.locator('input[data-day="11"]').inputValue()).toBe('100000');
    const count = await plan.locator('input[data-day]').count();
    await plan.locator('summary').click();
    await plan.locator('textarea').fill(Array.from({ length: count }, () => '1000').join('\n'));
    await plan.getByTestId('plan-fill').click();
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => plan.locator('.plan-errors').innerText()).toContain('Every day is set');
    await popup.screenshot({ path: join(SCREENSHOTS, 'plan-form-en.png'), fullPage: true });
    // Nothing was saved: the stored plan is the one before.
    expect(await targets()).toEqual(before);
    await popup.close();
  }, 60_000);
});
