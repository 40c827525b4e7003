import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error plain ES module with JSDoc types
import { FIXTURES_ROOT } from '../harness/server.mjs';
import { inClosedShadow, launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
import { ALERT_STRINGS } from '../../core/strings/alerts';
import type { Locale } from '../../core/i18n';
// @ts-expect-error plain ES module with JSDoc types
import { buildPreview, launchChromium } from '../harness/preview.mjs';

/**
 * Layout in real Chromium at 100%, in every language: a badge's pill holds all of its text (on a card,
 * on a table's 合计 row, in a narrow cell, and the grey note on a number that cannot be read), its
 * whole advice opens on hover, click and keyboard focus inside the window and above the page; the
 * popup's tables, shop lines and chart axes show one number of decimals per column; no shop or
 * platform name is broken across lines in the popup or the options page.
 */

const HOME = 'https://sycm.taobao.com/portal/home.htm';
const TABLE = 'https://sycm.taobao.com/flow/monitor/source.htm';
const NARROW = 'https://sycm.taobao.com/flow/monitor/narrow.htm';
/** The same page with its card moved by a transform (component libraries animate cards so). */
const MOVED = 'https://sycm.taobao.com/flow/monitor/moved.htm';
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

/** The middle of each pill on the page, where the operator points at it. */
async function pillCentres(page: Page): Promise<Array<{ x: number; y: number }>> {
  return (
    await inClosedShadow<{ x: number; y: number }>(
      page,
      'storepulse-badge',
      '.pill',
      `function () {
        const r = this.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`,
    )
  ).flat();
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

/**
 * Columns whose numbers do not share one number of decimals: each table's body columns, the n-th
 * number of every shop line, and a chart's y axis. Numbers are grouped by what follows them ("%",
 * "个百分点", "pp"), so a rate's change in points is compared with other points only.
 */
function mixedDecimals(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const columns = new Map<string, string[]>();
    const add = (key: string, el: Element) => {
      const text = (el.textContent ?? '').trim();
      const m = /\d[\d,]*(?:\.(\d+))?\s*(%|个百分点|個百分點|pp|[万萬KkMm])?/.exec(text);
      if (!m || /^\d{4}-\d{2}/.test(text)) return;
      const k = `${key} [${m[2] ?? ''}]`;
      columns.set(k, [...(columns.get(k) ?? []), `${m[1]?.length ?? 0}:${text}`]);
    };
    document.querySelectorAll('table').forEach((table, t) => {
      for (const row of table.querySelectorAll('tbody tr'))
        [...(row as HTMLTableRowElement).cells].forEach((cell, i) => add(`${table.className || 'table'}#${t} column ${i}`, cell));
    });
    for (const line of document.querySelectorAll('.shops-line'))
      line.querySelectorAll('.shops-num').forEach((n, i) => add(`shop lines, number ${i}`, n));
    document.querySelectorAll('svg.chart').forEach((chart, c) => {
      for (const tick of chart.querySelectorAll('.chart-tick text')) add(`chart#${c} axis`, tick);
    });
    return [...columns]
      .filter(([, cells]) => new Set(cells.map((c) => c.split(':')[0])).size > 1)
      .map(([key, cells]) => `${key}: ${cells.map((c) => c.slice(c.indexOf(':') + 1)).join(' | ')}`);
  });
}

const RED = 'rgb(179, 38, 30)';
const GREEN = 'rgb(19, 115, 51)';

/** Changes coloured against the operator's convention: in Chinese a rise red and a fall green, in English the other way. */
async function wrongColours(page: Page, locale: Locale): Promise<string[]> {
  const rise = locale === 'en' ? GREEN : RED;
  const fall = locale === 'en' ? RED : GREEN;
  const checked = await page.evaluate(
    ([rise, fall]) =>
      [...document.querySelectorAll('.change-up, .change-down, td.review-up, td.review-down')].map((el) => {
        const want = /-up/.test(el.className) ? rise : fall;
        const got = getComputedStyle(el).color;
        return want === got ? '' : `${el.className} "${el.textContent}" is ${got}, not ${want}`;
      }),
    [rise, fall] as const,
  );
  // Every tab of the sample shows coloured changes: the review's factors, the trend's week and month, the months' growth.
  expect(checked.length).toBeGreaterThan(0);
  return checked.filter(Boolean);
}

/** Shop and platform names whose letters sit on more than one line ("生意参/谋"), measured by their line boxes. */
function brokenNames(page: Page, locale: Locale): Promise<string[]> {
  const sites = Object.entries(ALERT_STRINGS[locale])
    .filter(([k]) => k.startsWith('site_'))
    .map(([, v]) => v);
  return page.evaluate((sites) => {
    const shops = [...document.querySelectorAll('[data-store], [data-shop]')].map(
      (e) => e.getAttribute('data-store') ?? e.getAttribute('data-shop')!.split('|').slice(1).join('|'),
    );
    const names = [...new Set([...sites, ...shops])].filter((n) => n.length > 1);
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      for (const name of names) {
        for (let i = n.data.indexOf(name); i >= 0; i = n.data.indexOf(name, i + 1)) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + name.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          if (rects.length < 2) continue;
          const tops = rects.map((r) => r.top);
          const height = Math.min(...rects.map((r) => r.height));
          if (Math.max(...tops) - Math.min(...tops) > height / 2) out.push(`${name} in "${n.data.trim().slice(0, 40)}"`);
        }
      }
    }
    return out;
  }, sites);
}

describe.each(LOCALES)('badge layout in real Chromium, %s', (locale) => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html', [TABLE]: 'sycm/table.html', [PDD]: 'pdd/operation.html' });
    server.serve(NARROW, narrowTable());
    server.serve(MOVED, narrowTable().replace('</head>', '<style>.oui-card-3kX9q{transform:translate(12px,8px)}</style></head>'));
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

  it('the options page breaks no shop or platform name and says "saved" in the language it switched to', async () => {
    const page = await browser.context.newPage();
    try {
      // Shops to list: the 生意参谋 home and the 拼多多 board read once (the longest platform name in English).
      for (const url of [HOME, PDD]) {
        const shop = await browser.context.newPage();
        await shop.goto(url);
        await shop.locator('storepulse-badge').first().waitFor({ state: 'attached', timeout: 20_000 });
        await shop.close();
      }
      for (const width of [1280, 800, 560]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
        await page.getByTestId('language').waitFor();
        await page.waitForTimeout(300);
        expect(await brokenNames(page, locale), `options at ${width}px`).toEqual([]);
        if (width === 560) await page.screenshot({ path: join(SCREENSHOTS, `layout-options-560-${locale}.png`), fullPage: true });
      }
      const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
      await page.getByTestId('language').selectOption(other);
      await expect.poll(() => page.getByTestId('status').innerText()).toBe(other === 'en' ? 'Saved' : '已保存');
      await page.getByTestId('language').selectOption(locale);
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
      const [pill] = await pillCentres(page);
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
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.move(5, 795);
      await expect.poll(async () => (await panels(page)).some((p) => p.shown)).toBe(false);

      // A card that is transformed and clips what overflows it (common in component libraries): the
      // pill sits beside its number and the advice is placed against the window, whole, not cut by the card.
      await page.goto(MOVED);
      await page.locator('storepulse-badge').first().waitFor({ state: 'attached', timeout: 20_000 });
      await page.waitForTimeout(300);
      const [moved] = await pillCentres(page);
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [moved!.x, moved!.y] as const)).toBe(
        'STOREPULSE-BADGE',
      );
      await page.mouse.click(moved!.x, moved!.y);
      await expect.poll(async () => (await panels(page))[0]!.shown).toBe(true);
      await panelReadable(page, 0);
      const box = (await panels(page))[0]!.box;
      // Beside its pill: just below it, or just above it when the window has no room below.
      expect(Math.min(Math.abs(box.top - moved!.y), Math.abs(box.bottom - moved!.y))).toBeLessThan(20);
      await page.screenshot({ path: join(SCREENSHOTS, `layout-transformed-${locale}.png`) });
    } finally {
      await page.close();
    }
  });
});

describe.each(LOCALES)('the popup on sample data, %s', (locale) => {
  let chromium: import('playwright-core').Browser;
  let url: string;
  beforeAll(async () => {
    url = await buildPreview(join(SCREENSHOTS, '..', 'preview-layout'));
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('shows one number of decimals per column and breaks no shop or platform name, on every tab', async () => {
    const page = await chromium.newPage({ viewport: { width: 400, height: 600 }, locale });
    try {
      await page.goto(`${url}?locale=${locale}&shops=10`);
      await page.getByTestId('shop-lines').waitFor();
      for (const [tab, ready] of [
        [0, '.review-day-card'],
        [1, 'svg.chart'],
        [2, 'table.month-months'],
      ] as const) {
        await page.getByRole('tab').nth(tab).click();
        // The first screen's shop lines folded out, so every card's numbers are measured too.
        if (tab === 0)
          await page.evaluate(() => {
            for (const line of document.querySelectorAll<HTMLDetailsElement>('details.shops-line')) line.open = true;
          });
        await page.locator(ready).first().waitFor();
        expect(await mixedDecimals(page), `tab ${tab}`).toEqual([]);
        expect(await brokenNames(page, locale), `tab ${tab}`).toEqual([]);
        expect(await wrongColours(page, locale), `tab ${tab}`).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `layout-popup-${tab}-${locale}.png`), fullPage: true });
      }
    } finally {
      await page.close();
    }
  });
});
