import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase } from '../harness/browser.mjs';
import { targetId } from '../../core/keys';
import { targetKey } from '../../core/target-sync';
import { askAsExtension, fillSync, launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';

interface ChromeSync {
  chrome: {
    storage: {
      sync: {
        set(v: object): Promise<void>;
        get(k: null): Promise<Record<string, unknown>>;
        remove(k: string | string[]): Promise<void>;
      };
    };
  };
}

const SITE = 'sycm';
const month = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Sets a sycm shop's target for this month as the popup does. */
const setTarget = (store: string, amount: number) =>
  askAsExtension(browser, 'setTarget', { site: SITE, store, month: month(), amount, currency: 'CNY', split: 'even' });

const syncOf = (page: Page) => page.evaluate(() => (globalThis as unknown as ChromeSync).chrome.storage.sync.get(null));

let browser: Browser;

describe('monthly targets through the browser’s own sync, in Chromium', () => {
  let server: FixtureServer;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({});
    browser = await launch(server.port, 'zh-CN');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sync-status').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a target set here as its own sync item', async () => {
    const store = '小雨的旗舰店';
    await setTarget(store, 300000);
    const key = targetKey(targetId(SITE, store, month()));
    await expect
      .poll(async () => (await syncOf(options))[key], { timeout: 15_000 })
      .toMatchObject({
        v: 1,
        t: { site: SITE, store, month: month(), amount: 300000, currency: 'CNY', split: 'even' },
      });
    // The settings' items are apart: nothing of the target under the settings' prefix.
    expect(Object.keys(await syncOf(options)).filter((k) => k.startsWith('sp.'))).not.toContain(key);
  }, 60_000);

  it('takes in a target another computer sent, and deletes one another computer deleted', async () => {
    const store = '小雨京东自营店';
    const key = targetKey(targetId('jd', store, month()));
    const at = Date.now() + 60_000;
    await options.evaluate(({ key, item }) => (globalThis as unknown as ChromeSync).chrome.storage.sync.set({ [key]: item }), {
      key,
      item: {
        v: 1,
        at,
        t: { site: 'jd', store, month: month(), amount: 88000, currency: 'CNY', split: 'even', spendRatioCeiling: 0.1 },
      },
    });
    const stored = async () =>
      (
        (await readDatabase(browser.serviceWorker, 'targets')) as Array<{ store: string; amount: number; updatedAt: number }>
      ).find((t) => t.store === store);
    await expect.poll(stored, { timeout: 15_000 }).toMatchObject({ amount: 88000, updatedAt: at, spendRatioCeiling: 0.1 });
    await options.evaluate(({ key, item }) => (globalThis as unknown as ChromeSync).chrome.storage.sync.set({ [key]: item }), {
      key,
      item: { v: 1, at: at + 1, deleted: true, t: { site: 'jd', store, month: month() } },
    });
    await expect.poll(stored, { timeout: 15_000 }).toBeUndefined();
  }, 60_000);

  it('says on the options page when the browser refused a target write, and keeps the target here', async () => {
    const status = options.getByTestId('sync-status');
    // Another extension's data fills storage.sync to 10 bytes short of its 102,400.
    const used = await fillSync(options, 10);
    expect(used).toBe(102390);
    const store = '小雨的旗舰店二店';
    await setTarget(store, 120000);
    const refused = status.locator('[data-code=targets-refused]');
    await refused.waitFor({ timeout: 15_000 });
    const text = await refused.innerText();
    expect(text).toContain('拒绝同步你的月目标');
    expect(text).toContain('同步空间（100 KB）已满');
    expect(text).toMatch(/quota ?bytes quota exceeded/i);
    await status.scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'target-sync-refused-zh-CN.png'), fullPage: true });
    const here = (await readDatabase(browser.serviceWorker, 'targets')) as Array<{ store: string; amount: number }>;
    expect(here.find((t) => t.store === store)?.amount).toBe(120000);
    expect((await syncOf(options))[targetKey(targetId(SITE, store, month()))]).toBeUndefined();

    // Room again: the next push sends it.
    await options.evaluate(() => (globalThis as unknown as ChromeSync).chrome.storage.sync.remove('pad'));
    await setTarget(store, 125000);
    await expect
      .poll(async () => (await syncOf(options))[targetKey(targetId(SITE, store, month()))], { timeout: 15_000 })
      .toMatchObject({ t: { amount: 125000 } });
    await expect.poll(() => status.locator('[data-code=targets-refused]').count(), { timeout: 15_000 }).toBe(0);
  }, 60_000);
});
