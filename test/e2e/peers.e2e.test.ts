import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, openPopup, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDays } from '../harness/browser.mjs';

const COMPETITION = 'https://sycm.taobao.com/mc/ci/shop/analysis';
const SHOP = 'sycm|小雨的旗舰店';

/** Days before today on China's calendar: inside every trends window whatever the runner's time zone. */
function daysAgo(n: number): string {
  const china = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(china) - n * 86_400_000).toISOString().slice(0, 10);
}
const page = (day: string) => readFileSync('test/fixtures/sycm/competition.html', 'utf8').replaceAll('2026-11-25', day);

describe('a 竞店 page feeds a listed peer’s line in the trends', () => {
  let server: FixtureServer;
  let browser: Browser;
  const days = [daysAgo(3), daysAgo(2)];

  beforeAll(async () => {
    server = await startServer({});
    browser = await launch(server.port, 'zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the 竞店 column, links its printed name to a listed peer, and draws that peer beside the shop', async () => {
    const tab = await browser.context.newPage();
    for (const day of days) {
      server.serve(COMPETITION, page(day));
      await tab.goto(COMPETITION);
      await eventually(async () => {
        const stored = (await readDays(browser.serviceWorker)) as Array<{ metric: string; part: string; date: string }>;
        return stored.some((d) => d.metric === 'visitors' && d.part.includes('森屿家居旗舰店') && d.date === day);
      }, `the peer’s visitors of ${day} stored`);
    }
    await tab.close();

    // The operator lists the peer under a name of their own and links the name the page prints.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const peers = options.locator(`[data-peers="${SHOP}"]`);
    await peers.waitFor();
    await peers.locator('.peers-peer-add input').first().fill('Senyu Home');
    await peers.locator('.peers-peer-add input[type="url"]').fill('https://senyu.tmall.com/');
    await peers.locator('.peers-peer-add button[type="submit"]').click();
    const alias = peers.locator('.peers-alias-add');
    await alias.waitFor();
    // A name of punctuation only is refused with the reason, and nothing is linked.
    await alias.locator('input').fill(' ·· ');
    await alias.locator('button').click();
    await expect.poll(() => alias.locator('[role=alert]').innerText()).toContain('竞店页面');
    await alias.locator('input').fill('森屿家居旗舰店');
    await alias.locator('button').click();
    await expect.poll(() => peers.locator('.peers-alias').innerText()).toContain('森屿家居旗舰店');
    await expect.poll(() => options.getByTestId('status').innerText()).not.toBe('');
    // The shop's lines: one day of returning visitors read, too few to decide, so the usual lines apply.
    expect(await options.locator(`tr[data-shop="${SHOP}"] [data-testid="returning-note"]`).getAttribute('data-reason')).toBe(
      'autoTooFew',
    );
    await options.locator(`tr[data-shop="${SHOP}"]`).screenshot({ path: join(SCREENSHOTS, 'peer-options-zh-CN.png') });
    await options.close();

    for (const locale of ['zh-CN', 'en'] as const) {
      if (locale === 'en') {
        const o = await browser.context.newPage();
        await o.goto(`chrome-extension://${browser.extensionId}/options.html`);
        await o.getByTestId('language').selectOption('en');
        await expect.poll(() => o.getByTestId('status').innerText()).not.toBe('');
        await o.close();
      }
      const popup = await openPopup(browser);
      await popup.locator('#tab-trends').click();
      await popup.locator('.trend-pickers select').nth(1).selectOption('visitors');
      const row = popup.locator('[data-testid="peer-latest"] tr[data-peer="Senyu Home"]');
      await row.waitFor();
      expect(await row.getAttribute('class')).toContain('peerl-listed');
      expect(await row.innerText()).toContain('5,210');
      expect(await popup.locator('[data-testid="peer-latest"] tr.peerl-own').innerText()).toContain('3,482');
      expect(await popup.locator('.trend-legend .trend-key.peer').allInnerTexts()).toEqual(['Senyu Home']);
      // The peer's line is drawn: the chart holds a series beside the shop's.
      expect(await popup.locator('svg.chart .chart-line.peer').count()).toBeGreaterThan(0);
      await popup.screenshot({ path: join(SCREENSHOTS, `peer-trends-${locale}.png`), fullPage: true });
      await popup.close();
    }
  }, 120_000);
});
