import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncBoundScripts, type ScriptingApi } from '@/core/background/bound-scripts';
import { createService, type Sender, type ServiceDeps } from '@/core/background/service';
import { EMPTY_BINDINGS, type Binding, type Bindings, withBinding } from '@/core/bindings';
import { loadBindings, saveBinding } from '@/core/bindings-store';
import { openDatabase } from '@/core/db';
import type { StorageArea } from '@/core/settings-store';
import { EXT, EXT_ORIGIN, pageSender, POPUP } from './support/senders';

/** "Read this page", picked numbers and the sites read on every visit, through the background's handlers. */

const DASH = 'https://dash.example-shop.com/reports/overview?session=secret';
const NOON = new Date(2026, 10, 26, 12, 0, 0).getTime();
let n = 0;

const observed = (metric: string, value: number) => ({
  metric,
  value,
  source: { reader: 'generic', locator: 'div > b', label: metric, raw: String(value) },
});
const pageRead = (list: unknown[]) => ({
  period: { kind: 'day', start: '2026-11-25', end: '2026-11-25' },
  observed: list,
  unreadable: 0,
});
const picked: Omit<Binding, 'savedAt'> = {
  metric: 'visits',
  label: 'Sessions',
  labelFirst: true,
  path: ['div:1', 'b:1'],
  raw: '12,480',
};

function service(over: Partial<ServiceDeps> & { tabs?: Record<number, string> } = {}) {
  let bindings: Bindings = EMPTY_BINDINGS;
  const injected: number[] = [];
  const db = openDatabase(`storepulse-tools-${++n}`);
  const tabs = over.tabs ?? { 3: DASH };
  const s = createService({
    extensionId: EXT,
    extensionOrigin: EXT_ORIGIN,
    openDb: () => db,
    now: () => NOON,
    tabUrl: async (id) => tabs[id],
    injectReader: async () => pageRead([observed('visits', 12480), observed('bounceRate', 0.412)]),
    injectPicker: async (id) => void injected.push(id),
    bindings: {
      load: async () => bindings,
      save: async (origin, b) => void (bindings = withBinding(bindings, origin, b)),
    },
    ...over,
  });
  return { s, db, injected, bindings: () => bindings };
}

describe('read this page', () => {
  it('stores what the page showed as site "other", the host as the shop, the URL from the browser’s tab', async () => {
    const { s, db } = service();
    const reply = await s.handle({ type: 'readPage', payload: { tabId: 3 } }, POPUP);
    expect(reply).toMatchObject({ host: 'dash.example-shop.com', site: 'other', supported: false, stored: 2 });
    const readings = await (await db).getAll('readings');
    expect(readings.map((r) => [r.site, r.store, r.metric, r.value, r.url])).toEqual([
      ['other', 'dash.example-shop.com', 'visits', 12480, 'https://dash.example-shop.com/reports/overview'],
      ['other', 'dash.example-shop.com', 'bounceRate', 0.412, 'https://dash.example-shop.com/reports/overview'],
    ]);
  });

  it('says when the page has no numbers, and stores nothing', async () => {
    const { s, db } = service({ injectReader: async () => pageRead([]) });
    expect(await s.handle({ type: 'readPage', payload: { tabId: 3 } }, POPUP)).toMatchObject({ observed: [], stored: 0 });
    expect(await (await db).count('readings')).toBe(0);
  });

  it('rejects what a page could have forged into the reader’s result, and stores nothing', async () => {
    for (const bad of [
      pageRead([observed('visits', Number.NaN)]),
      pageRead([observed('profit', 1)]),
      { ...pageRead([]), period: { kind: 'day', start: '2026-11-26', end: '2026-11-01' } },
      '<img src=x onerror=alert(1)>',
      undefined,
    ]) {
      const { s, db } = service({ injectReader: async () => bad });
      const reply = (await s.handle({ type: 'readPage', payload: { tabId: 3 } }, POPUP)) as { error?: string };
      expect(reply.error, JSON.stringify(bad)).toMatch(/page reader returned something unexpected/);
      expect(await (await db).count('readings')).toBe(0);
    }
  });

  it('takes requests only from StorePulse’s own pages, and never injects into a back office it already reads', async () => {
    const { s } = service({ tabs: { 3: DASH, 4: 'https://sycm.taobao.com/portal/home.htm' } });
    const fromPage = pageSender(3, DASH);
    expect(await s.handle({ type: 'readPage', payload: { tabId: 3 } }, fromPage)).toEqual({
      error: 'readPage refused: only StorePulse’s own pages may ask this',
    });
    const popupInTab = { id: EXT, url: `${EXT_ORIGIN}popup.html`, tab: { id: 9, url: `${EXT_ORIGIN}popup.html` } };
    expect(await s.handle({ type: 'readPage', payload: { tabId: 3 } }, popupInTab)).toMatchObject({ stored: 2 });
    expect(await s.handle({ type: 'readPage', payload: { tabId: 4 } }, POPUP)).toMatchObject({ supported: true, stored: 0 });
    expect(await s.handle({ type: 'readPage', payload: { tabId: 99 } }, POPUP)).toEqual({
      error: 'StorePulse may not read this tab (open the popup from the page itself)',
    });
    expect(await s.handle({ type: 'readPage', payload: { tabId: -1 } }, POPUP)).toMatchObject({ error: /invalid readPage/ });
  });
});

describe('picked numbers', () => {
  it('starts the picker only on https pages without an adapter', async () => {
    const { s, injected } = service({
      tabs: { 3: DASH, 4: 'https://sycm.taobao.com/portal/home.htm', 5: 'http://plain.example/' },
    });
    expect(await s.handle({ type: 'pickOnPage', payload: { tabId: 3 } }, POPUP)).toEqual({ ok: true });
    expect((await s.handle({ type: 'pickOnPage', payload: { tabId: 4 } }, POPUP)) as object).toHaveProperty('error');
    expect((await s.handle({ type: 'pickOnPage', payload: { tabId: 5 } }, POPUP)) as object).toHaveProperty('error');
    expect(injected).toEqual([3]);
  });

  it('saves a binding for the sending tab’s origin, and then accepts that site’s reports as "other"', async () => {
    const { s, bindings, db } = service();
    const tab: Sender = pageSender(3, DASH);
    const report = {
      site: 'other',
      store: 'Anything the page says',
      period: pageRead([]).period,
      observed: [observed('visits', 100)],
    };
    // Before anything is bound there, the site is nobody's.
    expect(await s.handle({ type: 'report', payload: report }, tab)).toEqual({ error: 'this tab is not a other page' });
    expect(await s.handle({ type: 'saveBinding', payload: picked }, tab)).toEqual({
      ok: true,
      origin: 'https://dash.example-shop.com',
    });
    expect(bindings().sites['https://dash.example-shop.com']).toEqual([{ ...picked, savedAt: NOON }]);
    expect(await s.handle({ type: 'report', payload: report }, tab)).toMatchObject({ stored: 1 });
    // The shop is the host, whatever the message claimed.
    expect((await (await db).getAll('readings'))[0]).toMatchObject({ store: 'dash.example-shop.com', site: 'other' });
  });

  it('refuses a malformed binding and one from a page StorePulse reads by itself', async () => {
    const { s, bindings } = service();
    const tab: Sender = pageSender(3, DASH);
    for (const bad of [
      { ...picked, metric: 'profit' },
      { ...picked, path: ['div:1', '<b>'] },
      { ...picked, extra: 1 },
      { ...picked, label: 'x'.repeat(500) },
    ])
      expect(((await s.handle({ type: 'saveBinding', payload: bad }, tab)) as { error: string }).error).toMatch(
        /invalid saveBinding/,
      );
    const sycm: Sender = pageSender(4, 'https://sycm.taobao.com/portal/home.htm');
    expect((await s.handle({ type: 'saveBinding', payload: picked }, sycm)) as object).toHaveProperty('error');
    expect((await s.handle({ type: 'saveBinding', payload: picked }, POPUP)) as object).toHaveProperty('error');
    expect(bindings()).toEqual(EMPTY_BINDINGS);
  });
});

describe('bindings in storage', () => {
  const area = () => fakeBrowser.storage.local as unknown as StorageArea;
  beforeEach(() => fakeBrowser.reset());

  it('repairs a broken object, keeps the original as a backup and says what it dropped', async () => {
    const original = { version: 1, sites: { 'https://a.example': [{ ...picked, savedAt: 1 }, { nope: true }] } };
    await area().set({ bindings: original });
    const { bindings, notes } = await loadBindings(area());
    expect(bindings.sites['https://a.example']).toHaveLength(1);
    expect(notes).toEqual(['sites.https://a.example[1]: metric undefined is unknown; dropped']);
    expect(await area().get(['bindingsBackup', 'bindings'])).toEqual({ bindingsBackup: original, bindings });
  });

  it('saves one binding per metric and site', async () => {
    await saveBinding('https://a.example', { ...picked, savedAt: 1 }, area());
    await saveBinding('https://a.example', { ...picked, label: 'Visits', savedAt: 2 }, area());
    expect((await loadBindings(area())).bindings.sites['https://a.example']).toEqual([
      { ...picked, label: 'Visits', savedAt: 2 },
    ]);
  });
});

describe('sites read on every visit', () => {
  function fakeScripting(ids: string[] = []) {
    const registered = new Set(ids);
    const api: ScriptingApi = {
      getRegisteredContentScripts: async () => [...registered].map((id) => ({ id })),
      registerContentScripts: async (scripts) => void scripts.forEach((s) => registered.add(s.id)),
      unregisterContentScripts: async ({ ids }) => void ids.forEach((id) => registered.delete(id)),
    };
    return { api, registered };
  }
  const b = { ...picked, savedAt: 1 };
  const bindings = withBinding(withBinding(EMPTY_BINDINGS, 'https://a.example', b), 'https://b.example', b);

  it('registers a reader only where the operator allowed the site, and drops it when the permission goes', async () => {
    const { api, registered } = fakeScripting(['bound:https://gone.example', 'other-script']);
    const allowed = new Set(['https://a.example/*']);
    expect(await syncBoundScripts(bindings, async (p) => allowed.has(p), api)).toEqual(['https://a.example']);
    expect([...registered].sort()).toEqual(['bound:https://a.example', 'other-script']);
    allowed.clear();
    expect(await syncBoundScripts(bindings, async (p) => allowed.has(p), api)).toEqual([]);
    expect([...registered]).toEqual(['other-script']);
  });
});
