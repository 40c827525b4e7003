import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error plain ES module with JSDoc types
import { FIXTURES_ROOT } from '../harness/server.mjs';
import { inClosedShadow, launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';

/**
 * Layout in real Chromium at 100%, in every language: a badge's pill holds all of its text (on a card,
 * on a table's 合计 row, in a narrow cell, and the grey note on a number that cannot be read), its
 * whole advice opens on hover, click and keyboard focus inside the window and above the page.
 */

const HOME = 'https://sycm.taobao.com/portal/home.htm';
const TABLE = 'https://sycm.taobao.com/flow/monitor/source.htm';
const NARROW = 'https://sycm.taobao.com/flow/monitor/narrow.htm';
const PDD = 'https://mms.pinduoduo.com/sycm/stores_data/operation';

/** The source table squeezed into a column a few hundred pixels wide, its numbers in tight cells. */
const narrowTable = (): string =>
  readFileSync(join(FIXTURES_ROOT, 'sycm/table.html'), 'utf8').replace(
    '</head>',
    '<style>.oui-table-6pR{width:430px!important}.oui-table-6pR td{padding:6px 4px!important}.oui-card-3kX9q{overflow:hidden}</style></head>',
  );

interface PillCheck {
  text: string;
  /** Children with text that are shown but stick out of the pill, or are cut (ellipsis). */
  outside: string[];
  clipped: string[];
}

const CHECK_PILL = `function () {
  const pill = this.getBoundingClientRect();
  const out = { text: this.textContent, outside: [], clipped: [] };
  for (const el of this.children) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < pill.left - 0.5 || r.right > pill.right + 0.5 || r.top < pill.top - 0.5 || r.bottom > pill.bottom + 0.5)
      out.outside.push(el.className + ':' + el.textContent);
    if (el.scrollWidth > el.clientWidth) out.clipped.push(el.className + ':' + el.textContent);
  }
  return out;
}`;

const PANEL_STATE = `function () {
  const r = this.getBoundingClientRect();
  return { shown: r.width > 0 && r.height > 0, text: this.innerText, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
}`;

interface PanelState {
  shown: boolean;
  text: string;
  box: { left: number; top: number; right: number; bottom: number };
}

async function pills(page: Page): Promise<PillCheck[]> {
  return (await inClosedShadow<PillCheck>(page, 'storepulse-badge', '.pill', CHECK_PILL)).flat();
}

async function panels(page: Page): Promise<PanelState[]> {
  return (await inClosedShadow<PanelState>(page, 'storepulse-badge', '.panel', PANEL_STATE)).flat();
}

/** The panel is shown whole: inside the window, and what the page shows at its corners is the badge. */
async function panelReadable(page: Page, index: number): Promise<void> {
  const panel = (await panels(page))[index]!;
  expect(panel.shown).toBe(true);
  const view = page.viewportSize()!;
  expect(panel.box.left).toBeGreaterThanOrEqual(0);
  expect(panel.box.top).toBeGreaterThanOrEqual(0);
  expect(panel.box.right).toBeLessThanOrEqual(view.width);
  expect(panel.box.bottom).toBeLessThanOrEqual(view.height);
  const corners = [
    [panel.box.left + 3, panel.box.top + 3],
    [panel.box.right - 3, panel.box.bottom - 3],
  ] as const;
  for (const [x, y] of corners) {
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [x, y] as const);
    expect(hit).toBe('STOREPULSE-BADGE');
  }
}

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

describe.each(LOCALES)('badge layout in real Chromium, %s', (locale) => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html', [TABLE]: 'sycm/table.html', [PDD]: 'pdd/operation.html' });
    server.serve(NARROW, narrowTable());
    browser = await launch(server.port, locale);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cases = [
    ['card', HOME, 2],
    ['total-row', TABLE, 1],
    ['narrow-cell', NARROW, 1],
    ['note', PDD, 3],
  ] as const;

  it.each(cases)('a pill holds its whole label: %s', async (name, url, atLeast) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      await expect.poll(() => page.locator('storepulse-badge').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(atLeast);
      // Placement follows the page's settling; measure once it stands still.
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SCREENSHOTS, `layout-${name}-${locale}.png`) });
      const found = await pills(page);
      expect(found.length).toBeGreaterThanOrEqual(atLeast);
      for (const pill of found) {
        expect(pill.outside, `stuck out of the pill "${pill.text}"`).toEqual([]);
        expect(pill.clipped, `cut in the pill "${pill.text}"`).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it('the whole advice opens on hover, on keyboard focus and on click, inside the window', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(NARROW);
      const host = page.locator('storepulse-badge').first();
      await host.waitFor({ state: 'attached', timeout: 20_000 });
      await page.waitForTimeout(500);
      const [pill] = (
        await inClosedShadow<{ x: number; y: number }>(
          page,
          'storepulse-badge',
          '.pill',
          `function () {
        const r = this.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`,
        )
      )[0]!;
      await page.mouse.move(pill!.x, pill!.y);
      await expect.poll(async () => (await panels(page))[0]!.shown).toBe(true);
      await panelReadable(page, 0);
      await page.screenshot({ path: join(SCREENSHOTS, `layout-hover-${locale}.png`) });
      await page.mouse.move(5, 795);
      await expect.poll(async () => (await panels(page))[0]!.shown).toBe(false);

      await page.mouse.click(pill!.x, pill!.y);
      await page.mouse.move(5, 795);
      await page.waitForTimeout(300);
      await panelReadable(page, 0);
      await page.mouse.click(pill!.x, pill!.y);
      await expect.poll(async () => (await panels(page))[0]!.shown).toBe(false);

      // Keyboard: Tab from the page reaches the badge and shows its advice.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let shown = false;
      for (let i = 0; i < 60 && !shown; i++) {
        await page.keyboard.press('Tab');
        shown = (await panels(page)).some((p) => p.shown);
      }
      expect(shown).toBe(true);
    } finally {
      await page.close();
    }
  });
});
