import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { createService } from '@/core/background/service';
import { loadBindings } from '@/core/bindings-store';
import { LEGACY_KEYS, loadSettings, prefsArea, settingsStore, type LegacyArea, type StorageArea } from '@/core/settings-store';
import { SETTINGS_VERSION } from '@/core/settings';
import { day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';
import { EXT, EXT_ORIGIN, pageSender, POPUP } from './support/senders';

/**
 * Settings and bindings out of every content script's reach: moved once from storage.local (which a
 * content script can write in Firefox) into StorePulse's own database, and never read from there again.
 */

let n = 0;
const dbName = () => `storepulse-prefs-test-${++n}`;
const local = () => fakeBrowser.storage.local as unknown as LegacyArea;

/** storage.local as a StorePulse of before kept it: version 1 settings, a backup and notes, bindings. */
const OLD = {
  settings: {
    version: 1,
    language: 'zh-TW',
    rules: { taobao: { 'bounce-high': { critical: 0.8 } } },
    shops: { 'sycm|小雨的旗舰店': { returningHeavy: true } },
  },
  settingsBackup: { version: 1, language: 'klingon' },
  settingsNotes: ['language: not a known language; auto used'],
  bindings: {
    version: 1,
    sites: {
      'https://dash.example-shop.com': [
        {
          metric: 'visits',
          label: 'Sessions',
          labelFirst: true,
          path: ['div:1', 'b:0'],
          raw: '1,204',
          savedAt: 1_700_000_000_000,
        },
      ],
    },
  },
  bindingsBackup: { version: 1, sites: 'broken' },
  bindingsNotes: ['bindings: sites: not an object; none kept'],
};

/** What a content script (Firefox lets it) writes into storage.local: the rules turned off, a binding of its own. */
const HOSTILE = {
  settings: { version: 2, language: 'en', rules: { taobao: { 'bounce-high': { critical: 0.999, warn: 0.99 } } }, shops: {} },
  bindings: {
    version: 1,
    sites: { 'https://evil.example': [{ metric: 'sales', label: 'x', labelFirst: true, path: [], raw: '1', savedAt: 1 }] },
  },
};

describe('settings and bindings in the prefs database', () => {
  it('moves what storage.local held, without loss, and clears it there', async () => {
    await local().set(structuredClone(OLD));
    const area = prefsArea(local(), dbName());
    const loaded = await loadSettings(area);
    // Version 1 is migrated as before: every field the operator set is there.
    expect(loaded.settings).toMatchObject({
      version: SETTINGS_VERSION,
      language: 'zh-TW',
      rules: { taobao: { 'bounce-high': { critical: 0.8 } } },
      shops: { 'sycm|小雨的旗舰店': { returningHeavy: true } },
    });
    expect((await loadBindings(area)).bindings).toEqual(OLD.bindings);
    // The backups and notes moved too; the version-1 object is the backup of its own migration.
    const moved = await area.get(['settingsBackup', 'bindingsBackup', 'bindingsNotes']);
    expect(moved.settingsBackup).toEqual(OLD.settings);
    expect(moved.bindingsBackup).toEqual(OLD.bindingsBackup);
    expect(moved.bindingsNotes).toEqual(OLD.bindingsNotes);
    expect(await local().get(LEGACY_KEYS)).toEqual({});
  });

  it('never reads storage.local again: what a content script writes there changes no rule and no binding', async () => {
    const name = dbName();
    await local().set(structuredClone(OLD));
    await loadSettings(prefsArea(local(), name));
    await local().set(structuredClone(HOSTILE));
    // A new worker (the old one stopped) opens the area again.
    const again = prefsArea(local(), name);
    expect((await loadSettings(again)).settings).toMatchObject({
      language: 'zh-TW',
      rules: { taobao: { 'bounce-high': { critical: 0.8 } } },
    });
    expect((await loadBindings(again)).bindings).toEqual(OLD.bindings);
    expect(await local().get(LEGACY_KEYS)).toEqual({});
  });

  it('a worker stopped after the move but before clearing storage.local keeps the moved copy', async () => {
    const name = dbName();
    await local().set(structuredClone(OLD));
    let removals = 0;
    const stopsBeforeClearing: LegacyArea = {
      get: (keys) => local().get(keys),
      set: (items) => local().set(items),
      remove: async () => {
        removals++;
        throw new Error('the worker stopped');
      },
    };
    expect((await loadSettings(prefsArea(stopsBeforeClearing, name))).settings.language).toBe('zh-TW');
    expect(removals).toBe(1);
    // Still in storage.local, and changed there meanwhile: the next worker keeps the moved copy and clears.
    await local().set(structuredClone(HOSTILE));
    const next = prefsArea(local(), name);
    expect((await loadSettings(next)).settings.language).toBe('zh-TW');
    expect((await loadBindings(next)).bindings).toEqual(OLD.bindings);
    expect(await local().get(LEGACY_KEYS)).toEqual({});
  });

  it('starts from defaults when there was nothing to move, and two areas opening at once move once', async () => {
    const name = dbName();
    await local().set({ settings: OLD.settings });
    const [a, b] = [prefsArea(local(), name), prefsArea(local(), name)];
    const [sa, sb] = await Promise.all([loadSettings(a), loadSettings(b)]);
    expect(sa.settings.language).toBe('zh-TW');
    expect(sb.settings.language).toBe('zh-TW');
    expect((await loadSettings(prefsArea(undefined, dbName()))).settings.language).toBe('auto');
  });
});

/** A storage area that counts reads. */
function counted(): StorageArea & { reads: () => number } {
  const data = new Map<string, unknown>();
  let reads = 0;
  return {
    reads: () => reads,
    async get(keys) {
      reads++;
      const out: Record<string, unknown> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}

describe('the background’s settings', () => {
  it('reads the area once, however many reports judge by it; a save is what later loads see', async () => {
    const area = counted();
    await area.set({
      settings: { ...OLD.settings, version: 2, customRules: [], quietHours: { enabled: false, start: '22:00', end: '08:00' } },
    });
    const store = settingsStore(area);
    const db = await freshDb('storepulse-settings-cache');
    const service = createService({
      extensionId: EXT,
      extensionOrigin: EXT_ORIGIN,
      openDb: async () => db,
      now: () => noonOf('2026-11-26'),
      loadSettings: async () => (await store.load()).settings,
      settingsStore: store,
    });
    for (const value of [0.75, 0.76, 0.77])
      expect(
        await service.handle(
          { type: 'report', payload: report([obs('bounceRate', value)], day('2026-11-25')) },
          pageSender(7, SYCM_URL),
        ),
      ).toMatchObject({ evaluations: [{ severity: 'warn' }] });
    expect(area.reads()).toBe(1);
    const { settings } = (await service.handle({ type: 'settings', payload: {} }, POPUP)) as { settings: typeof OLD.settings };
    const stricter = { ...settings, rules: { taobao: { 'bounce-high': { critical: 0.7 } } } };
    expect(await service.handle({ type: 'saveSettings', payload: { settings: stricter } }, POPUP)).toEqual({ ok: true });
    expect(
      await service.handle(
        { type: 'report', payload: report([obs('bounceRate', 0.78)], day('2026-11-25')) },
        pageSender(7, SYCM_URL),
      ),
    ).toMatchObject({ evaluations: [{ severity: 'critical' }] });
    // One more read, by the save itself (which fields changed, for sync); none by the report after it.
    expect(area.reads()).toBe(2);
    expect((await area.get('settings')).settings).toMatchObject({ rules: { taobao: { 'bounce-high': { critical: 0.7 } } } });
  });

  it('refuses settings that need repair, says why, and keeps what was there', async () => {
    const area = counted();
    const store = settingsStore(area);
    const service = createService({
      extensionId: EXT,
      extensionOrigin: EXT_ORIGIN,
      openDb: () => freshDb('x'),
      settingsStore: store,
    });
    const before = await service.handle({ type: 'settings', payload: {} }, POPUP);
    const bad = {
      ...(before as { settings: object }).settings,
      rules: { taobao: { 'bounce-high': { warn: 0.9, critical: 0.5 } } },
    };
    expect(await service.handle({ type: 'saveSettings', payload: { settings: bad } }, POPUP)).toEqual({
      error: expect.stringMatching(/^invalid saveSettings: .*past critical/),
    });
    expect(await service.handle({ type: 'saveSettings', payload: {} }, POPUP)).toHaveProperty('error');
    expect(await service.handle({ type: 'settings', payload: {} }, POPUP)).toEqual(before);
    expect((await area.get('settings')).settings).toBeUndefined();
  });

  it('does not keep a load that failed', async () => {
    let fail = true;
    const store = settingsStore({
      get: async () => {
        if (fail) throw new Error('disk gone');
        return { settings: { version: 2, language: 'en' } };
      },
      set: async () => undefined,
    });
    await expect(store.load()).rejects.toThrow(/disk gone/);
    fail = false;
    expect((await store.load()).settings.language).toBe('en');
  });
});
