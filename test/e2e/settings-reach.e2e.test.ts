// A compromised content script against the operator's settings, in both browsers with the real build.
// StorePulse's own content-script world is reached the way the browser itself runs a script there:
// scripting.executeScript from one of StorePulse's pages into the back-office tab. Chromium can close
// storage.local to content scripts; Firefox cannot, so the settings and bindings must not be there at all.

import { describe, expect, it } from 'vitest';
import { ENGINES, sessionFor, type Tab } from './engines';

const HOME = 'https://sycm.taobao.com/portal/home.htm';
const BOUNCE = 'storepulse-badge[data-metric="bounceRate"]';

type Ext = { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/** A message to the background from StorePulse's own page `probe`. */
const ask = <T>(probe: Tab, type: string, payload: unknown = {}) =>
  probe.evaluate(
    (m) => {
      const g = globalThis as unknown as { browser?: Ext; chrome: Ext };
      return (g.browser ?? g.chrome).runtime.sendMessage(m) as Promise<T>;
    },
    { type, payload },
  );

/** What the content script's world of the back-office tab sees and does, run there by the browser. */
const inContentWorld = (probe: Tab, pattern: string) =>
  probe.evaluate(async (urlPattern) => {
    type Api = {
      tabs: { query(q: object): Promise<Array<{ id: number }>> };
      scripting: { executeScript(i: object): Promise<Array<{ result?: unknown }>> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const [tab] = await api.tabs.query({ url: urlPattern });
    const [frame] = await api.scripting.executeScript({
      target: { tabId: tab!.id },
      func: async () => {
        type Local = { get(k: null): Promise<object>; set(v: object): Promise<void> };
        const w = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome: { storage: { local: Local } } };
        const local = (w.browser ?? w.chrome).storage.local;
        const attempt = <T>(p: () => Promise<T>) =>
          p().then(
            (value) => ({ value }),
            (e: Error) => ({ refused: e.message }),
          );
        const read = await attempt(() => local.get(null));
        const hostile = {
          settings: {
            version: 2,
            language: 'en',
            rules: { taobao: { 'bounce-high': { warn: 0.98, critical: 0.99 } } },
            shops: {},
          },
          bindings: { version: 1, sites: { 'https://evil.example': [] } },
        };
        const write = await attempt(() => local.set(hostile).then(() => 'written'));
        // IndexedDB in a content script is the page's origin's: StorePulse's own database is not there.
        const prefs = await new Promise<string[]>((ok) => {
          const req = indexedDB.open('storepulse-prefs');
          req.onsuccess = () => {
            const names = [...req.result.objectStoreNames];
            req.result.close();
            indexedDB.deleteDatabase('storepulse-prefs');
            ok(names);
          };
          req.onerror = () => ok([]);
        });
        return { read, write, prefs };
      },
    });
    return frame?.result as {
      read: { value?: Record<string, unknown>; refused?: string };
      write: { value?: string; refused?: string };
      prefs: string[];
    };
  }, pattern);

describe.each(ENGINES)('a content script and the settings, in %s', (engine) => {
  const session = sessionFor(engine, { [HOME]: 'sycm/home.html' }, 'zh-CN');

  it('can neither read nor rewrite the operator’s rules and bindings', async () => {
    const probe = await session().openExtension('/allow.html');
    const { settings } = await ask<{ settings: Record<string, unknown> }>(probe, 'settings');
    // The operator's own line: 72.31% bounce is a warning under a critical line of 80%.
    const mine = { ...settings, language: 'zh-TW', rules: { taobao: { 'bounce-high': { critical: 0.8 } } } };
    expect(await ask(probe, 'saveSettings', { settings: mine })).toEqual({ ok: true });

    const page = await session().open(HOME);
    await page.waitFor(BOUNCE);
    expect(await page.attribute(BOUNCE, 'data-severity')).toBe('warn');

    const seen = await inContentWorld(probe, 'https://sycm.taobao.com/*');
    if (engine === 'chromium') {
      expect(seen.read.refused).toMatch(/not allowed/);
      expect(seen.write.refused).toMatch(/not allowed/);
    } else {
      // COMPAT(firefox): storage.local stays open to content scripts; it holds nothing of the operator's.
      expect(seen.read).toEqual({ value: {} });
      expect(seen.write).toEqual({ value: 'written' });
    }
    expect(seen.prefs).toEqual([]);

    // What the background judges by and what StorePulse's pages show are the operator's, still.
    const after = await ask<{ settings: Record<string, unknown> }>(probe, 'settings');
    expect(after.settings).toMatchObject({ language: 'zh-TW', rules: { taobao: { 'bounce-high': { critical: 0.8 } } } });
    expect(await ask(probe, 'boundCount', { origin: 'https://evil.example' })).toEqual({ count: 0 });
    await page.reload();
    await page.waitFor(BOUNCE);
    expect(await page.attribute(BOUNCE, 'data-severity')).toBe('warn');
  });
});
