import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES, sessionAndServerFor } from './engines';
import { SCREENSHOTS } from './support';
import { fiveWeeks, SEED_URL, seedDaysIn } from './seed';

const STORE = '小雨的旗舰店';
const PANEL = '[data-testid="first-run"]';

/**
 * The popup's first screen once StorePulse has read a shop and no target is set for this month: what
 * StorePulse gives, and the month's target in one field, saved through the worker, in each browser.
 */
describe.each(
  ENGINES.flatMap(
    (engine) =>
      [
        [engine, 'zh-CN', '店脉能帮你做什么', '销售目标（¥）'],
        [engine, 'en', 'What StorePulse does for you', 'Sales target for'],
      ] as const,
  ),
)('the first run in %s, %s', (engine, locale, title, label) => {
  const { session, server } = sessionAndServerFor(engine, { [SEED_URL]: 'review/sycm-day.template.html' }, locale);

  it('asks for the month’s target of the shop read, refuses a bad amount and saves a good one', async () => {
    // Three closed days read off 生意参谋's home page.
    await seedDaysIn(session(), server(), { store: STORE, days: fiveWeeks().slice(-3) });
    const popup = await session().openExtension('/popup.html');
    try {
      await popup.waitFor(PANEL, 20_000);
      expect(await popup.text(`${PANEL} h2`)).toBe(title);
      expect(await popup.count(`${PANEL} li`)).toBe(3);
      expect(await popup.text(PANEL)).toContain(STORE);
      expect(await popup.text(`${PANEL} label`)).toContain(label);
      expect(await popup.count(`${PANEL} input`)).toBe(1);
      // Nothing of the panel wider than the popup or cut short.
      const layout = await popup.evaluate((sel) => {
        const panel = document.querySelector(sel)!;
        const cut = [...panel.querySelectorAll('h2, li, label > span, button, p')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.textContent);
        return { cut, width: panel.getBoundingClientRect().width };
      }, PANEL);
      expect(layout.cut).toEqual([]);
      expect(layout.width).toBeLessThanOrEqual(400);
      await popup.screenshot(join(SCREENSHOTS, `first-run-${locale}-${engine}.png`));

      await popup.fill('[data-testid="first-amount"]', '0');
      await popup.click('.first-save');
      await popup.waitFor(`${PANEL} [role=alert]`);
      expect(await session().readDatabase('targets')).toEqual([]);

      await popup.fill('[data-testid="first-amount"]', '450,000');
      await popup.click('.first-save');
      await expect.poll(() => popup.count(PANEL), { timeout: 15_000 }).toBe(0);
      const month = (await popup.text('.popup-today')).slice(0, 7);
      expect(await session().readDatabase('targets')).toEqual([
        expect.objectContaining({ site: 'sycm', store: STORE, month, amount: 450000, currency: 'CNY', split: 'even' }),
      ]);
      await popup.screenshot(join(SCREENSHOTS, `first-run-saved-${locale}-${engine}.png`));
    } finally {
      await popup.close();
    }
  }, 300_000);
});
