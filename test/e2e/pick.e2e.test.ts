import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { launchWithExtension } from '../harness/browser.mjs';
import {
  askAsExtension,
  clickInShadow,
  EXTENSION_PATH,
  eventually,
  inClosedShadow,
  launch,
  openPopup,
  readings,
  SCREENSHOTS,
  shadowPart,
  startServer,
  type Browser,
  type FixtureServer,
} from './support';

/**
 * "Read this page" and the element picker on a site StorePulse has no adapter for, served at a
 * real-looking address (https://dash.example-shop.com/).
 *
 * About permissions: in a real browser the operator clicks the toolbar icon, which gives the extension
 * activeTab — host access to that tab's origin until it navigates — and the popup's buttons use it.
 * Automation cannot click the browser's toolbar, and Chromium has no switch that answers the
 * permission prompt of "Read … on every visit". So this test loads a copy of the built extension whose
 * manifest lists exactly the dashboard's origin as a host permission: the same access activeTab or the
 * operator's "allow" gives, for the same one origin. Everything else is the production path: the
 * popup's buttons, the background's executeScript into the tab, the tab URL the browser reports, the
 * picker in the page, the binding in storage, the content script registered for the allowed origin.
 */

const DASH = 'https://dash.example-shop.com/';
const PICKER = 'storepulse-picker';
let extensionCopy = '';

beforeAll(async () => {
  extensionCopy = await mkdtemp(join(tmpdir(), 'storepulse-granted-'));
  await cp(EXTENSION_PATH, extensionCopy, { recursive: true });
  const manifestPath = join(extensionCopy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`${DASH}*`);
  await writeFile(manifestPath, JSON.stringify(manifest));
});

afterAll(async () => {
  if (extensionCopy) await rm(extensionCopy, { recursive: true, force: true });
});

async function start(
  locale: string,
): Promise<{ server: FixtureServer; browser: Browser; dash: Page; popup: Page; close(): Promise<void> }> {
  const server = await startServer({ [DASH]: 'other/dashboard.html' });
  const browser = (await launchWithExtension({ extensionPath: extensionCopy, port: server.port, locale })) as Browser;
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  const dash = await browser.context.newPage();
  await dash.goto(DASH);
  return {
    server,
    browser,
    dash,
    popup,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The popup opened in a tab behind the dashboard, so the dashboard is the window's active tab, as when the icon is clicked on it. */
async function openPopupOn(t: { browser: Browser; dash: Page; popup: Page }) {
  await t.dash.bringToFront();
  await t.popup.goto(`chrome-extension://${t.browser.extensionId}/popup.html`);
  await t.popup.getByTestId('page-tools').waitFor();
}

describe.each(['zh-CN', 'zh-TW', 'en'])('a page without an adapter (%s)', (locale) => {
  it('reads the page on request and stores its numbers as the site “other” under its host', async () => {
    const t = await start(locale);
    try {
      await openPopupOn(t);
      expect(await t.popup.getByTestId('page-tools').textContent()).toContain('dash.example-shop.com');
      await t.popup.getByTestId('read-page').click();
      const result = t.popup.getByTestId('read-result');
      await result.waitFor();
      expect(await result.locator('[data-metric]').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(
        expect.arrayContaining(['visits', 'bounceRate', 'conversionRate', 'sales']),
      );
      const stored = await readings(t.browser);
      expect(stored.find((r) => r.metric === 'bounceRate')).toMatchObject({
        value: 0.412,
        site: 'other',
        store: 'dash.example-shop.com',
        url: DASH,
      });
      expect(stored.find((r) => r.metric === 'visits')).toMatchObject({ value: 12480, source: { reader: 'generic' } });
      await t.popup.screenshot({ path: join(SCREENSHOTS, `read-page-${locale}.png`), fullPage: true });
    } finally {
      await t.close();
    }
  });

  it('binds a picked number to a metric and reads it again after a reload and a redesign', async () => {
    const t = await start(locale);
    try {
      await openPopupOn(t);
      await t.popup.getByTestId('pick').click();
      // The popup closes itself so the operator can click on the page.
      await eventually(async () => t.popup.isClosed(), 'the popup to close');
      const picker = t.dash.locator('storepulse-picker');
      await picker.waitFor({ state: 'attached' });

      const value = t.dash.locator('.card-value', { hasText: '23.5%' });
      const before = await value.boundingBox();
      await value.hover();
      // The highlight frames the number and moves nothing on the page.
      const frame = (await shadowPart(t.dash, PICKER, '.box')).box;
      expect(await value.boundingBox()).toEqual(before);
      expect(frame.x).toBeLessThanOrEqual(before!.x);
      expect(frame.x + frame.width).toBeGreaterThanOrEqual(before!.x + before!.width);
      await t.dash.screenshot({ path: join(SCREENSHOTS, `picker-hover-${locale}.png`) });

      await value.click();
      const panel = await shadowPart(t.dash, PICKER, '[data-part="panel"]');
      expect(panel.text).toContain('Loyalty rate');
      // The operator's choice in the list (a change event: the list is inside the closed root).
      await inClosedShadow(
        t.dash,
        PICKER,
        'select',
        `function () { this.value = 'returningVisitorShare'; this.dispatchEvent(new Event('change')); }`,
      );
      await t.dash.screenshot({ path: join(SCREENSHOTS, `picker-chooser-${locale}.png`) });
      await clickInShadow(t.dash, PICKER, 'button.primary');
      await shadowPart(t.dash, PICKER, '.msg:not(.error)');
      // Right after saving, the chooser frames StorePulse's own page that asks for this site's permission;
      // this copy of the extension holds it already, so the frame says the site is read on every visit.
      const allow = await eventually(async () => t.dash.frames().find((f) => f.url().includes('allow.html')), 'allow.html');
      await expect.poll(() => allow.locator('p').textContent(), { timeout: 10_000 }).toContain('dash.example-shop.com');
      expect(await allow.locator('button').count()).toBe(0);
      await t.dash.screenshot({ path: join(SCREENSHOTS, `picker-saved-${locale}.png`) });
      // Saved where the background keeps it: the popup's page tools count it.
      expect(await askAsExtension(t.browser, 'boundCount', { origin: 'https://dash.example-shop.com' })).toEqual({ count: 1 });
      // Esc closes the picker; nothing of it stays on the page.
      await t.dash.keyboard.press('Escape');
      expect(await picker.count()).toBe(0);

      // A later visit: the site's reader was registered when the binding was saved (the origin is allowed).
      await t.dash.reload();
      const bound = await eventually(async () => {
        const r = await readings(t.browser);
        return r.find((x) => x.metric === 'returningVisitorShare');
      }, 'the bound number after a reload');
      expect(bound).toMatchObject({
        value: 0.235,
        site: 'other',
        store: 'dash.example-shop.com',
        source: { reader: 'binding', label: 'Loyalty rate' },
      });

      // The site is redesigned: wrappers, new class names, cards in another order, a new value.
      t.server.route(DASH, 'other/dashboard-v2.html');
      await t.dash.reload();
      const redesigned = await eventually(async () => {
        const r = await readings(t.browser);
        return r.find((x) => x.metric === 'returningVisitorShare' && x.value === 0.241);
      }, 'the bound number on the redesigned page');
      expect(redesigned.source.raw).toBe('24.1%');
      // Only the bound number is read on every visit; the generic guesses wait for "read this page".
      expect((await readings(t.browser)).filter((r) => r.site === 'other').map((r) => r.metric)).toEqual([
        'returningVisitorShare',
        'returningVisitorShare',
      ]);

      const popup = await t.browser.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await openPopupOn({ browser: t.browser, dash: t.dash, popup });
      expect(await popup.getByTestId('bound').textContent()).toContain('dash.example-shop.com');
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-bound-${locale}.png`), fullPage: true });
    } finally {
      await t.close();
    }
  });
});

describe('a supported page missing a number its adapter expects', () => {
  it('names the number in the popup instead of going quiet', async () => {
    // A 生意参谋 home redesign in English that no longer shows 支付买家数 (paid buyers).
    const home = 'https://sycm.taobao.com/portal/home.htm';
    const server = await startServer({ [home]: 'sycm-redesign/english-ui.html' });
    const browser = await launch(server.port, 'zh-CN');
    try {
      const page = await browser.context.newPage();
      await page.goto(home);
      await eventually(async () => (await readings(browser)).some((r) => r.metric === 'bounceRate'), 'the home page’s readings');
      const popup = await openPopup(browser);
      const notice = popup.getByTestId('page-status');
      await notice.waitFor();
      expect(await notice.textContent()).toBe('生意参谋（/portal/home.htm）：页面上没有读到支付买家数，页面可能改版了。');
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-missing-metric-zh-CN.png'), fullPage: true });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
