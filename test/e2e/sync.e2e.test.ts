import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAsExtension, fillSync, launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';

interface ChromeStorage {
  chrome: {
    storage: {
      sync: {
        set(v: object): Promise<void>;
        get(k: null): Promise<Record<string, unknown>>;
        getBytesInUse(k: null): Promise<number>;
        remove(k: string): Promise<void>;
      };
    };
  };
}

describe('settings through the browser’s own sync, in Chromium', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({});
    browser = await launch(server.port, 'zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says when the browser refused a sync write and why, keeps the setting here, and sends it once there is room', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const status = options.getByTestId('sync-status');
    await status.waitFor();
    expect(await fillSync(options, 10)).toBe(102390);

    // A change the sync space has no room for: Chromium refuses the write with its own quota message.
    await options.getByTestId('language').selectOption('zh-CN');
    const alert = status.locator('[role=alert]');
    await alert.waitFor({ timeout: 15_000 });
    const text = await alert.innerText();
    expect(text).toContain('浏览器');
    expect(text).toContain('同步空间（100 KB）已满');
    expect(text).toMatch(/quota ?bytes quota exceeded/i);
    await status.scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'sync-refused-zh-CN.png'), fullPage: true });
    const kept = await askAsExtension<{ settings: { language: string } }>(browser, 'settings');
    expect(kept.settings).toMatchObject({ language: 'zh-CN' });

    // Room again: the next change goes out, with the one refused before.
    await options.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.sync.remove('pad'));
    await options.getByTestId('language').selectOption('en');
    await expect.poll(() => status.locator('.sync-ok').count(), { timeout: 15_000 }).toBe(1);
    expect(await status.innerText()).toContain('Sent to sync at');
    const synced = await options.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.sync.get(null));
    expect(synced['sp.language']).toMatchObject({ v: 2, data: 'en' });
    await options.screenshot({ path: join(SCREENSHOTS, 'sync-ok-en.png'), fullPage: true });
    await options.close();
  }, 60_000);

  it('takes in a change another computer made: a field written to sync shows on the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sync-status').waitFor();
    await options.evaluate(() =>
      (globalThis as unknown as ChromeStorage).chrome.storage.sync.set({
        'sp.language': { v: 2, at: Date.now() + 60_000, data: 'zh-TW' },
      }),
    );
    // The worker hears the sync change and merges it into this computer's settings.
    await expect
      .poll(async () => (await askAsExtension<{ settings: { language: string } }>(browser, 'settings')).settings.language, {
        timeout: 10_000,
      })
      .toBe('zh-TW');
    await options.reload();
    await expect.poll(() => options.locator('h1').innerText()).toMatch(/設定|設置|StorePulse|店脈/);
    expect(await options.getByTestId('language').inputValue()).toBe('zh-TW');
    await options.close();
  }, 60_000);
});
