import { MAX_EVENT_DAYS, MAX_EVENT_NAME } from '@/core/event-days';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/core/settings';
import {
  fieldsOf,
  itemBytes,
  pullSync,
  pushSync,
  settingsFromFields,
  startSync,
  STATUS_KEY,
  SYNC_QUOTA,
  type SyncArea,
} from '@/core/settings-sync';
import { saveSettings } from '@/core/settings-store';
import type { CustomRule } from '@/core/rules';
import { syncStorage } from './support/sync';

const RULE: CustomRule = {
  id: 'r1',
  name: '转化率比上周同日降 20%',
  enabled: true,
  metric: 'conversionRate',
  comparison: 'dropVsBaseline',
  value: 0.2,
  severity: 'warn',
  scope: 'all',
  notify: false,
  fix: 'conversionLow',
};
const SHOP = 'sycm|小雨的旗舰店';

/** Two of the operator's browsers (each its own storage.local) sharing one storage.sync. */
function twoBrowsers() {
  const sync = syncStorage();
  const laptop = { local: fakeBrowser.storage.local as unknown as SyncArea };
  const shop = { local: syncStorage() as SyncArea };
  const save = async (who: { local: SyncArea }, change: (s: Settings) => Settings, at: number) => {
    vi.setSystemTime(at);
    const current =
      ((await who.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined) ?? structuredClone(DEFAULT_SETTINGS);
    await saveSettings(change(structuredClone(current)), who.local as never, null);
  };
  const settingsOf = async (who: { local: SyncArea }) => (await who.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
  return { sync, laptop, shop, save, settingsOf };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('settings split into sync items', () => {
  it('cuts the settings into one item per field and puts them back together unchanged', () => {
    const settings: Settings = {
      ...structuredClone(DEFAULT_SETTINGS),
      language: 'zh-TW',
      rules: { taobao: { 'bounce-high': { critical: 0.75 } } },
      shops: { [SHOP]: { returningHeavy: true, peers: [{ name: '大牌旗舰店', url: 'https://daipai.tmall.com/' }] } },
      customRules: [RULE, { ...RULE, id: 'r2', name: 'second' }],
    };
    const fields = fieldsOf(settings);
    expect(Object.keys(fields).sort()).toEqual(
      ['language', 'quietHours', 'ruleOrder', 'rules.taobao', `shop.${SHOP}`, 'rule.r1', 'rule.r2'].sort(),
    );
    expect(settingsFromFields(fields)).toEqual(settings);
    // A full set of settings stays far under the per-item quota in every item.
    for (const [f, v] of Object.entries(fields)) expect(itemBytes(`sp.${f}`, v)).toBeLessThan(SYNC_QUOTA.itemBytes / 4);
  });
});

describe('two browsers of one operator', () => {
  it('carries the optional fields (pace check times, review alerts) only when set, and keeps them through a pull', async () => {
    const { sync, laptop, shop, save, settingsOf } = twoBrowsers();
    await save(shop, (s) => ({ ...s, paceChecks: { enabled: true, times: ['14:00'], margin: 0.2 } }), 1_000);
    expect(Object.keys(fieldsOf(await settingsOf(shop)))).toContain('paceChecks');
    expect(Object.keys(fieldsOf(DEFAULT_SETTINGS))).not.toContain('paceChecks');
    // The laptop changes another field; the shop computer takes it in and keeps its own check times.
    await save(laptop, (s) => ({ ...s, language: 'en', reviewAlerts: { minDrop: 0.15 } }), 2_000);
    await pushSync(laptop.local, sync, 2_000);
    await pullSync(shop.local, sync);
    expect(await settingsOf(shop)).toMatchObject({
      language: 'en',
      reviewAlerts: { minDrop: 0.15 },
      paceChecks: { enabled: true, times: ['14:00'], margin: 0.2 },
    });
  });

  it('carries the marked event days to the other browser', async () => {
    const { sync, laptop, shop, save, settingsOf } = twoBrowsers();
    const eventDays = [{ date: '2026-11-11', name: '双11', lastYear: '2025-11-11' }];
    await save(laptop, (s) => ({ ...s, eventDays }), 1_000);
    expect(Object.keys(fieldsOf(DEFAULT_SETTINGS))).not.toContain('eventDays');
    expect((await pushSync(laptop.local, sync, 1_000)).written).toContain('eventDays');
    await pullSync(shop.local, sync);
    expect((await settingsOf(shop)).eventDays).toEqual(eventDays);
    // The most event days allowed, each with the longest name, fit one sync item.
    const most = Array.from({ length: MAX_EVENT_DAYS }, (_, i) => ({
      date: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
      name: '店'.repeat(MAX_EVENT_NAME),
      lastYear: '2026-01-01',
    }));
    expect(itemBytes('sp.eventDays', most)).toBeLessThan(SYNC_QUOTA.itemBytes);
  });

  it('sends only the fields that changed, and the other browser takes them in', async () => {
    vi.useFakeTimers();
    const { sync, laptop, shop, save, settingsOf } = twoBrowsers();
    await save(laptop, (s) => ({ ...s, language: 'en', customRules: [RULE] }), 1_000);
    const status = await pushSync(laptop.local, sync, 1_000);
    expect(status.problems).toEqual([]);
    expect(status.written.sort()).toEqual(['language', 'rule.r1', 'ruleOrder']);
    expect(Object.keys(sync.data).sort()).toEqual(['sp.language', 'sp.rule.r1', 'sp.ruleOrder']);
    expect(await pullSync(shop.local, sync)).toMatchObject({ taken: expect.arrayContaining(['language', 'rule.r1']) });
    expect(await settingsOf(shop)).toMatchObject({ language: 'en', customRules: [RULE] });
    // Nothing changed since: nothing is written again.
    const sets = sync.sets;
    await pushSync(laptop.local, sync, 2_000);
    expect(sync.sets).toBe(sets);
  });

  it('merges field by field: each browser’s change to a different field is kept, the newer wins on the same field', async () => {
    vi.useFakeTimers();
    const { sync, laptop, shop, save, settingsOf } = twoBrowsers();
    await save(laptop, (s) => ({ ...s, language: 'en', rules: { taobao: { 'bounce-high': { critical: 0.8 } } } }), 1_000);
    await save(
      shop,
      (s) => ({ ...s, shops: { [SHOP]: { profile: 'ga4' } }, rules: { taobao: { 'bounce-high': { critical: 0.75 } } } }),
      2_000,
    );
    await pushSync(laptop.local, sync, 3_000);
    await pushSync(shop.local, sync, 3_000);
    await pullSync(laptop.local, sync);
    await pullSync(shop.local, sync);
    const expected = {
      language: 'en',
      shops: { [SHOP]: { profile: 'ga4' } },
      rules: { taobao: { 'bounce-high': { critical: 0.75 } } },
    };
    expect(await settingsOf(laptop)).toMatchObject(expected);
    expect(await settingsOf(shop)).toMatchObject(expected);
  });

  it('a rule deleted on one browser is deleted on the other, not brought back', async () => {
    vi.useFakeTimers();
    const { sync, laptop, shop, save, settingsOf } = twoBrowsers();
    await save(laptop, (s) => ({ ...s, customRules: [RULE, { ...RULE, id: 'r2' }] }), 1_000);
    await pushSync(laptop.local, sync, 1_000);
    await pullSync(shop.local, sync);
    await save(shop, (s) => ({ ...s, customRules: s.customRules.filter((r) => r.id !== 'r1') }), 2_000);
    await pushSync(shop.local, sync, 2_000);
    expect(sync.data['sp.rule.r1']).toMatchObject({ deleted: true });
    await pullSync(laptop.local, sync);
    expect((await settingsOf(laptop)).customRules.map((r) => r.id)).toEqual(['r2']);
    // The laptop's next push does not resend r1.
    await pushSync(laptop.local, sync, 3_000);
    expect(sync.data['sp.rule.r1']).toMatchObject({ deleted: true });
  });

  it('keeps an item a newer version wrote: this version uses what it knows and never writes over it', async () => {
    vi.useFakeTimers();
    const { sync, laptop, save, settingsOf } = twoBrowsers();
    const newer = { v: 9, at: 5_000, data: { profile: 'shopify', returningHeavy: true, futureField: { x: 1 } } };
    sync.data[`sp.shop.${SHOP}`] = newer;
    await pullSync(laptop.local, sync);
    expect((await settingsOf(laptop)).shops[SHOP]).toEqual({ profile: 'shopify', returningHeavy: true });
    // The operator changes that shop here later: the newer version's item stays as it was, and the status says why.
    await save(laptop, (s) => ({ ...s, shops: { [SHOP]: { profile: 'taobao' } } }), 6_000);
    const status = await pushSync(laptop.local, sync, 6_000);
    expect(sync.data[`sp.shop.${SHOP}`]).toEqual(newer);
    expect(status.problems).toEqual([{ code: 'newerKept', field: `shop.${SHOP}`, version: 9 }]);
  });

  it('settings from before sync: the field sync already has wins, the field it lacks is sent', async () => {
    const { sync, laptop, settingsOf } = twoBrowsers();
    sync.data['sp.language'] = { v: 2, at: 10, data: 'zh-TW' };
    await laptop.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, language: 'en', customRules: [RULE] } });
    await startSync(laptop.local, sync, 100);
    expect((await settingsOf(laptop)).language).toBe('zh-TW');
    expect(sync.data['sp.rule.r1']).toMatchObject({ data: RULE });
  });
});

describe('sync quotas', () => {
  it('does not send an item over the per-item quota and says which and how big; the rest goes', async () => {
    vi.useFakeTimers();
    const { sync, laptop, save } = twoBrowsers();
    const wide: CustomRule = { ...RULE, id: 'wide', scope: Array.from({ length: 400 }, (_, i) => `sycm|店铺${i}号旗舰店`) };
    await save(laptop, (s) => ({ ...s, language: 'en', customRules: [wide] }), 1_000);
    const status = await pushSync(laptop.local, sync, 1_000);
    expect(status.problems).toEqual([{ code: 'itemTooLarge', field: 'rule.wide', bytes: expect.any(Number) }]);
    expect((status.problems[0] as { bytes: number }).bytes).toBeGreaterThan(SYNC_QUOTA.itemBytes);
    expect(sync.data['sp.language']).toMatchObject({ data: 'en' });
    expect(sync.data['sp.rule.wide']).toBeUndefined();
    expect((await laptop.local.get(STATUS_KEY))[STATUS_KEY]).toEqual(status);
  });

  it('reports the browser’s refusal when the total quota is full, and keeps the local settings', async () => {
    vi.useFakeTimers();
    const { sync, laptop, save, settingsOf } = twoBrowsers();
    sync.data.other = 'x'.repeat(SYNC_QUOTA.totalBytes - 100);
    await save(laptop, (s) => ({ ...s, customRules: [RULE] }), 1_000);
    const status = await pushSync(laptop.local, sync, 1_000);
    expect(status.problems).toEqual([{ code: 'refused', message: 'QUOTA_BYTES quota exceeded' }]);
    expect((await settingsOf(laptop)).customRules).toEqual([RULE]);
    // Once there is room, the next push sends it.
    delete sync.data.other;
    expect((await pushSync(laptop.local, sync, 2_000)).written).toContain('rule.r1');
  });

  it('debounces a burst of saves into one write, and holds back near the write-rate quota', async () => {
    vi.useFakeTimers();
    const sync = syncStorage();
    for (let i = 0; i < 30; i++)
      await saveSettings(
        { ...structuredClone(DEFAULT_SETTINGS), quietHours: { enabled: i % 2 === 0, from: '22:00', to: '08:00' } },
        fakeBrowser.storage.local as never,
        sync,
      );
    expect(sync.sets).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sync.sets).toBe(1);
    // 100 writes in the last minute: the next is held back with the reason, not sent into a refusal.
    const local = fakeBrowser.storage.local as unknown as SyncArea;
    await local.set({ syncWrites: Array.from({ length: 100 }, (_, i) => 50_000 + i) });
    await saveSettings({ ...structuredClone(DEFAULT_SETTINGS), language: 'en' }, local as never, null);
    const status = await pushSync(local, sync, 60_000);
    expect(status.problems).toEqual([{ code: 'rateLimited', writes: 100 }]);
    expect(sync.sets).toBe(1);
  });
});
