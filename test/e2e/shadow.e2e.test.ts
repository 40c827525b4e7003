import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  alerts,
  eventually,
  launch,
  openPopup,
  readings,
  SCREENSHOTS,
  startServer,
  toolbarBadgeText,
  type StoredReading,
} from './support';

/**
 * Pages whose numbers live in the composed tree and arrive late, end to end in Chromium with the
 * built extension: components the page defines after load, labels in nested component roots, slots,
 * and pages nested deeper than any walk goes.
 */

const fixture = (path: string) => ({
  path,
  expected: JSON.parse(readFileSync(resolve('test/fixtures', path.replace(/\.html$/, '.expected.json')), 'utf8')) as {
    url: string;
    store: string;
    period: StoredReading['period'];
    readings: Array<{ metric: string; value: number; currency?: string; breakdown?: { dimension: string; key: string } }>;
  },
});

async function open(url: string, page: { route?: string; html?: string }, locale = 'en') {
  const server = await startServer(page.route ? { [url]: page.route } : {});
  if (page.html) server.serve(url, page.html);
  const browser = await launch(server.port, locale);
  const tab = await browser.context.newPage();
  const warnings: string[] = [];
  tab.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  tab.on('pageerror', (e) => warnings.push(String(e)));
  await tab.goto(url);
  return {
    browser,
    page: tab,
    warnings,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The shop's own readings, one per metric, latest first. */
const own = (stored: StoredReading[]) =>
  Object.fromEntries(
    [...stored]
      .filter((r) => !r.breakdown && !r.peer)
      .sort((a, b) => a.observedAt - b.observedAt)
      .map((r) => [r.metric, { value: r.value, ...(r.currency ? { currency: r.currency } : {}) }]),
  );

describe('composed trees and late components, end to end', () => {
  it('reads and badges a Seller Central page whose components are defined after load, labels in nested roots', async () => {
    const f = fixture('amazon/late-components.html');
    const t = await open(f.expected.url, { route: f.path });
    try {
      const badge = t.page.locator('storepulse-badge[data-metric="conversionRate"]');
      await badge.waitFor({ state: 'attached', timeout: 20_000 });
      expect(await badge.getAttribute('data-severity')).toBe('critical');
      // Placed inside the card's own root, at the number it judges.
      expect(await badge.evaluate((el) => el.getRootNode() instanceof ShadowRoot)).toBe(true);
      expect(await badge.evaluate((el) => el.parentElement?.closest('.value')?.textContent?.trim())).toBe('8.40%');

      const want = Object.fromEntries(
        f.expected.readings.map((r) => [r.metric, { value: r.value, ...(r.currency ? { currency: r.currency } : {}) }]),
      );
      const stored = await eventually(async () => {
        const r = await readings(t.browser);
        return Object.keys(own(r)).length >= Object.keys(want).length ? r : null;
      }, 'the dashboard readings');
      expect(own(stored)).toEqual(want);
      for (const r of stored) {
        expect(r.period).toEqual(f.expected.period);
        expect(r.store).toBe(f.expected.store);
      }
      // The stale light-DOM copy beside the slotted number is never read.
      expect(stored.some((r) => r.value === 12000)).toBe(false);
      expect((await alerts(t.browser)).find((a) => a.metric === 'conversionRate')).toMatchObject({
        status: 'open',
        severity: 'critical',
      });
      await t.page.screenshot({ path: join(SCREENSHOTS, 'amazon-late-components-en.png') });
    } finally {
      await t.close();
    }
  });

  it('reads a page nested thousands of elements and shadow roots deep, down to its limits, without failing', async () => {
    const url = 'https://sycm.taobao.com/portal/home.htm';
    // Built with DOM calls (the HTML parser flattens deep nesting). Chromium's own layout crashes on
    // a rendered tree a few thousand deep, so the ten-thousand-deep parts are in the page but not laid
    // out (content-visibility: hidden): every walk still meets them.
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>生意参谋</title></head><body>
      <header>小雨的旗舰店</header><div>统计时间 2026-11-25</div>
      <div class="card"><span>跳失率</span><b>72.31%</b></div>
      <div id="deep"></div><div id="roots"></div>
      <div id="deep-hidden" style="content-visibility:hidden"></div><div id="roots-hidden" style="content-visibility:hidden"></div>
      <script>
        const nest = (id, elements, roots, inner) => {
          let el = document.getElementById(id);
          for (let i = 0; i < elements; i++) el = el.appendChild(document.createElement('div'));
          for (let i = 0; i < roots; i++) el = el.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
          el.appendChild(document.createElement('div')).innerHTML = inner;
        };
        nest('deep', 1500, 0, '<span>访客数</span><b>3,482</b>');
        nest('roots', 0, 12, '<span>人均浏览量</span><b>1.90</b>');
        nest('deep-hidden', 10000, 0, '<span>支付买家数</span><b>286</b>');
        nest('roots-hidden', 0, 10000, '<span>客单价</span><b>86.40</b>');
        // Rendered, but nested past the walks' limit: skipped.
        const past = document.body.appendChild(document.createElement('div'));
        past.id = 'past';
        nest('past', 0, 40, '<span>支付件数</span><b>512</b>');
      </script></body></html>`;
    const t = await open(url, { html }, 'zh-CN');
    try {
      // Playwright's own locators recurse per shadow root and overflow on this page: ask the DOM directly.
      const badge = await eventually(
        () => t.page.evaluate(() => document.querySelector('.card storepulse-badge')?.getAttribute('data-metric')),
        'the bounce badge',
      );
      expect(badge).toBe('bounceRate');
      const stored = await eventually(async () => {
        const r = await readings(t.browser);
        return ['bounceRate', 'visitors', 'pagesPerVisit'].every((m) => r.some((x) => x.metric === m)) ? r : null;
      }, 'the readable cards');
      expect(own(stored)).toEqual({ bounceRate: { value: 0.7231 }, visitors: { value: 3482 }, pagesPerVisit: { value: 1.9 } });
      for (const r of stored) {
        expect(r.store).toBe('小雨的旗舰店');
        expect(r.period).toEqual({ kind: 'day', start: '2026-11-25', end: '2026-11-25' });
      }
      expect(t.warnings.filter((w) => w.includes('StorePulse'))).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('stores a 生意参谋 page whose table header carries an over-long tooltip, and badges its 72% bounce rate', async () => {
    const f = fixture('sycm/long-tooltip.html');
    const t = await open(f.expected.url, { route: f.path }, 'zh-CN');
    try {
      const badge = t.page.locator('storepulse-badge[data-metric="bounceRate"]').first();
      await badge.waitFor({ state: 'attached', timeout: 20_000 });
      expect(await badge.getAttribute('data-severity')).toBe('critical');
      expect(await badge.evaluate((el) => el.parentElement?.textContent?.trim())).toBe('72.00%');
      const key = (r: { metric: string; breakdown?: { key: string } }) => `${r.metric}|${r.breakdown?.key ?? ''}`;
      const stored = await eventually(async () => {
        const r = await readings(t.browser);
        return new Set(r.map(key)).size >= f.expected.readings.length ? r : null;
      }, 'every reading of the page');
      const latest = new Map([...stored].sort((a, b) => a.observedAt - b.observedAt).map((r) => [key(r), r]));
      for (const want of f.expected.readings) {
        const got = latest.get(key(want));
        expect(got?.value, key(want)).toBe(want.value);
        expect(got?.period).toEqual(f.expected.period);
        expect(got?.store).toBe(f.expected.store);
        // The header's name, with as much of its tooltip as the limit allows.
        if (want.breakdown) expect(got?.breakdown?.dimension.startsWith('流量来源')).toBe(true);
      }
      expect(latest.size).toBe(f.expected.readings.length);
      expect(Math.max(...stored.map((r) => r.breakdown?.dimension.length ?? 0))).toBeLessThanOrEqual(80);
      expect((await alerts(t.browser)).find((a) => a.metric === 'bounceRate')).toMatchObject({
        status: 'open',
        severity: 'critical',
      });
      expect(await toolbarBadgeText(t.browser)).not.toBe('');
      await t.page.screenshot({ path: join(SCREENSHOTS, 'sycm-long-tooltip-zh-CN.png') });
      // Nothing refused: the popup names no page as failing.
      const popup = await openPopup(t.browser);
      await popup.locator('text=跳失率').first().waitFor({ timeout: 10_000 });
      expect(await popup.locator('[data-testid="page-status"]').count()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
