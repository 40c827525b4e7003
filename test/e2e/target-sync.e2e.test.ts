import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetId } from '../../core/keys';
import { targetKey } from '../../core/target-sync';
import { askFrom, ENGINES, sessionFor, type Tab } from './engines';
import { SCREENSHOTS } from './support';

interface SyncArea {
  set(v: object): Promise<void>;
  get(k: null): Promise<Record<string, unknown>>;
  remove(k: string | string[]): Promise<void>;
  getBytesInUse(k: null): Promise<number>;
}

const SITE = 'sycm';
const month = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** storage.sync as a StorePulse page sees it, in either browser. */
const syncOf = (tab: Tab) =>
  tab.evaluate(() => {
    type Ext = { storage: { sync: SyncArea } };
    const g = globalThis as unknown as { browser?: Ext; chrome: Ext };
    return (g.browser ?? g.chrome).storage.sync.get(null);
  }, undefined);

const syncDo = (tab: Tab, op: 'set' | 'remove', arg: unknown) =>
  tab.evaluate(
    ({ op, arg }) => {
      type Ext = { storage: { sync: SyncArea } };
      const g = globalThis as unknown as { browser?: Ext; chrome: Ext };
      const sync = (g.browser ?? g.chrome).storage.sync;
      return op === 'set' ? sync.set(arg as object) : sync.remove(arg as string);
    },
    { op, arg },
  );

describe.each(ENGINES)('monthly targets through the browser’s own sync, in %s', (engine) => {
  const session = sessionFor(engine, {}, 'zh-CN');
  let options: Tab;

  /** Sets a sycm shop's target for this month as the popup does. */
  const setTarget = (store: string, amount: number) =>
    askFrom(options, 'setTarget', { site: SITE, store, month: month(), amount, currency: 'CNY', split: 'even' });
  const targets = () => session().readDatabase<{ store: string; amount: number; updatedAt: number }>('targets');

  it('sends a target set here as its own sync item', async () => {
    options = await session().openExtension('/options.html', { width: 900, height: 900 });
    await options.waitFor('[data-testid="sync-status"]');
    if (engine === 'firefox') {
      // Firefox cannot close sync to content scripts: nothing is sent until the operator opts in.
      await setTarget('先前设的店', 1000);
      await new Promise((r) => setTimeout(r, 3000));
      expect(Object.keys(await syncOf(options)).filter((k) => k.startsWith('spt.'))).toEqual([]);
      expect(await askFrom(options, 'chooseSync', { optIn: true })).toMatchObject({ mode: { optedIn: true, follows: true } });
      // Opting in sends what was set before.
      await expect
        .poll(
          async () =>
            Object.values(await syncOf(options)).some((i) => (i as { t?: { store?: string } }).t?.store === '先前设的店'),
          {
            timeout: 15_000,
          },
        )
        .toBe(true);
    }
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
    await syncDo(options, 'set', {
      [key]: {
        v: 1,
        at,
        t: { site: 'jd', store, month: month(), amount: 88000, currency: 'CNY', split: 'even', spendRatioCeiling: 0.1 },
      },
    });
    const stored = async () => (await targets()).find((t) => t.store === store);
    await expect.poll(stored, { timeout: 15_000 }).toMatchObject({ amount: 88000, updatedAt: at, spendRatioCeiling: 0.1 });
    await syncDo(options, 'set', { [key]: { v: 1, at: at + 1, deleted: true, t: { site: 'jd', store, month: month() } } });
    await expect.poll(stored, { timeout: 15_000 }).toBeUndefined();
  }, 60_000);

  it('says on the options page when the browser refused a target write, and keeps the target here', async () => {
    // Another extension's data fills storage.sync until not 20 more bytes fit in its 102,400 (each
    // browser counts an item's bytes its own way, so the pad is the longest the browser takes).
    const used = await options.evaluate(async () => {
      type Ext = { storage: { sync: SyncArea } };
      const g = globalThis as unknown as { browser?: Ext; chrome: Ext };
      const sync = (g.browser ?? g.chrome).storage.sync;
      for (let i = 0; i < 12; i++) await sync.set({ [`other${i}`]: 'x'.repeat(8000) });
      let [fits, refused] = [0, 8000];
      while (refused - fits > 1) {
        const n = Math.floor((fits + refused) / 2);
        try {
          await sync.set({ pad: 'x'.repeat(n) });
          fits = n;
        } catch {
          refused = n;
        }
      }
      await sync.set({ pad: 'x'.repeat(Math.max(0, fits - 20)) });
      return sync.getBytesInUse(null);
    }, undefined);
    expect(used).toBeGreaterThan(102_300);
    const store = '小雨的旗舰店二店';
    await setTarget(store, 120000);
    const refused = '[data-testid="sync-status"] [data-code=targets-refused]';
    await options.waitFor(refused, 15_000);
    const text = await options.text(refused);
    expect(text).toContain('拒绝同步你的月目标');
    // Named as the space being full (Chromium says which quota; Firefox only that one was hit), with the
    // browser's own words.
    expect(text).toMatch(engine === 'chromium' ? /同步空间（100 KB）已满/ : /同步空间已满（最多 100 KB、512 项）/);
    expect(text).toMatch(/quota/i);
    expect(text).not.toMatch(/[.。]。/);
    await options.screenshot(join(SCREENSHOTS, `target-sync-refused-zh-CN-${engine}.png`), true);
    expect((await targets()).find((t) => t.store === store)?.amount).toBe(120000);
    expect((await syncOf(options))[targetKey(targetId(SITE, store, month()))]).toBeUndefined();

    // Room again: the next push sends it.
    await syncDo(options, 'remove', 'pad');
    await setTarget(store, 125000);
    await expect
      .poll(async () => (await syncOf(options))[targetKey(targetId(SITE, store, month()))], { timeout: 15_000 })
      .toMatchObject({ t: { amount: 125000 } });
    await expect.poll(() => options.count(refused), { timeout: 15_000 }).toBe(0);
    await options.close();
  }, 60_000);
});
