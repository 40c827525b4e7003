import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  alerts,
  eventually,
  inContentScript,
  launch,
  readings,
  startServer,
  toolbarBadgeText,
  type Browser,
  type FixtureServer,
} from './support';

/**
 * What a hostile back-office page can do to StorePulse, in Chromium with the real build: its scripts
 * cannot drive the badges, and even StorePulse's own content-script world (what a compromised content
 * script could do) gets nothing but its page's messages and no storage.
 */

const HOME = 'https://sycm.taobao.com/portal/home.htm';

describe('trust boundaries in a real browser', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    browser = await launch(server.port, 'zh-CN');
    page = await browser.context.newPage();
    await page.goto(HOME);
    await page.locator('storepulse-badge[data-metric="pagesPerVisit"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('storepulse-badge[data-metric="bounceRate"]').waitFor({ state: 'attached', timeout: 20_000 });
    await eventually(async () => (await toolbarBadgeText(browser)) === '2', 'two open alerts');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a page script’s synthetic clicks open and dismiss nothing', async () => {
    // page.evaluate runs in the page's main world, as the page's own scripts do.
    const seen = await page.evaluate(async () => {
      const hosts = [...document.querySelectorAll('storepulse-badge')] as HTMLElement[];
      const roots = hosts.map((h) => h.shadowRoot);
      for (const host of hosts) {
        const r = host.getBoundingClientRect();
        host.click();
        for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'])
          for (let dy = 0; dy < 200; dy += 8) {
            const target = document.elementFromPoint(r.left + 10, r.top + 8 + dy) ?? host;
            target.dispatchEvent(
              new MouseEvent(type, { bubbles: true, composed: true, clientX: r.left + 10, clientY: r.top + 8 + dy }),
            );
          }
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        // Straight at the buttons, where the root lets a page reach them.
        for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) (button as HTMLElement).click();
        for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) (button as HTMLElement).click();
      }
      await new Promise((r) => setTimeout(r, 1500));
      return {
        roots: roots.map((r) => r === null),
        open: hosts.map((h) => h.hasAttribute('data-open')),
        left: document.querySelectorAll('storepulse-badge').length,
      };
    });
    expect((await alerts(browser)).map((a) => a.status).sort()).toEqual(['open', 'open']);
    expect(await toolbarBadgeText(browser)).toBe('2');
    expect(seen.left).toBe(2);
    expect(seen.open).toEqual([false, false]);
    expect(seen.roots).toEqual([true, true]);
  });

  it('the content script’s own world may not export, import, change or list anything, nor touch storage', async () => {
    const before = { readings: (await readings(browser)).length, alerts: await alerts(browser) };
    const ask = (type: string, payload: unknown) =>
      inContentScript<{ error?: string }>(browser, page, `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`);
    const alertId = await browser.serviceWorker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('storepulse');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const ids = await new Promise<IDBValidKey[]>((ok) => {
        const req = db.transaction('alerts').objectStore('alerts').getAllKeys();
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return String(ids[0]);
    });
    const privileged: Array<[string, unknown]> = [
      ['shops', {}],
      ['review', {}],
      ['popupState', {}],
      ['setTarget', { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 1, currency: 'CNY', split: 'even' }],
      ['alertAction', { alertId, action: 'acknowledge' }],
      ['trend', { site: 'sycm', store: '小雨的旗舰店', metric: 'visitors', days: 7 }],
      ['readPage', { tabId: 1 }],
      ['pickOnPage', { tabId: 1 }],
      ['settings', {}],
      ['saveSettings', { settings: { version: 2, language: 'en', rules: {}, shops: {}, customRules: [] } }],
      ['boundCount', { origin: 'https://dash.example-shop.com' }],
      ['syncStatus', {}],
      // Opting in to sync where a content script could write it: the operator's choice alone.
      ['chooseSync', { optIn: true }],
    ];
    for (const [type, payload] of privileged) expect((await ask(type, payload)).error, type).toMatch(/refused/);
    // Export and import go over the transfer port, which the background closes unheard for a content script.
    const overPort = (requests: unknown[]) =>
      inContentScript<{ closed: boolean; replies: string[] }>(
        browser,
        page,
        `new Promise((ok) => {
          const port = chrome.runtime.connect({ name: 'storepulse-transfer' });
          const replies = [];
          port.onMessage.addListener((m) => replies.push(m.type));
          port.onDisconnect.addListener(() => setTimeout(() => ok({ closed: true, replies }), 200));
          for (const r of ${JSON.stringify(requests)}) port.postMessage(r);
          setTimeout(() => ok({ closed: false, replies }), 10000);
        })`,
      );
    expect(await overPort([{ type: 'export', format: 'json' }])).toEqual({ closed: true, replies: [] });
    expect(await overPort([{ type: 'export', format: 'csv' }])).toEqual({ closed: true, replies: [] });
    const file = JSON.stringify({ format: 'storepulse-export', version: 1, exportedAt: new Date().toISOString(), daily: [] });
    expect(await overPort([{ type: 'import', size: file.length }, { type: 'chunk', text: file }, { type: 'end' }])).toEqual({
      closed: true,
      replies: [],
    });
    // What its page needs still works.
    const setup = (await ask('pageSetup', {})) as {
      language?: string;
      locale?: string;
      strings?: Record<string, string>;
      bindings?: unknown[];
    };
    expect([setup.language, setup.bindings]).toEqual(['auto', []]);
    // The badge's strings, in the one language the page's badges speak.
    expect(['zh-CN', 'zh-TW', 'en']).toContain(setup.locale);
    expect(setup.strings?.badge_open).toBeTruthy();
    // storage.local is closed to content scripts (the settings and bindings are not even there: settings-reach.e2e).
    for (const op of ['get(null)', 'set({ settings: { language: "en" } })', 'remove("settings")'])
      expect(
        await inContentScript<string>(browser, page, `chrome.storage.local.${op}.then(() => 'allowed', (e) => e.message)`),
        op,
      ).toMatch(/not allowed/);
    expect((await readings(browser)).length).toBe(before.readings);
    expect(await alerts(browser)).toEqual(before.alerts);
  });
});
