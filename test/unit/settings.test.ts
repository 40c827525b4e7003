import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import {
  effectiveRules,
  evaluate,
  inQuietHours,
  isWellOrdered,
  PROFILE_IDS,
  PROFILES,
  profileForSite,
  SITE_PROFILE,
} from '@/core/rules';
import { DEFAULT_SETTINGS, repairSettings, SETTINGS_VERSION, type Settings } from '@/core/settings';
import { loadSettings, saveSettings, type StorageArea } from '@/core/settings-store';
import { FIXES } from '@/core/fixes';
import { ALERT_STRINGS as MESSAGES } from '@/core/strings/alerts';
import { SHOP_SITES } from '@/core/sites/shops';

const area = () => fakeBrowser.storage.local as unknown as StorageArea;

describe('platform profiles', () => {
  it('gives every profile well-ordered rules with a fix, and every site a profile', () => {
    for (const id of PROFILE_IDS) {
      const p = PROFILES[id];
      expect(p.rules.length).toBeGreaterThan(0);
      for (const r of p.rules) {
        expect(isWellOrdered(r), `${id} ${r.id}`).toBe(true);
        for (const table of Object.values(MESSAGES)) expect(table[FIXES[r.fix].summary].length, r.id).toBeGreaterThan(0);
      }
      for (const [ruleId, warn] of Object.entries(p.returningHeavy)) {
        const rule = p.rules.find((r) => r.id === ruleId)!;
        expect(isWellOrdered({ ...rule, warn })).toBe(true);
      }
    }
    // Every shop back office starts with a profile of shop rules (an ads page prints no shop metric).
    for (const site of SHOP_SITES) expect(SITE_PROFILE[site.id], site.id).toBeDefined();
  });

  it('judges the same bounce rate by the platform that printed it', () => {
    const taobao = effectiveRules(DEFAULT_SETTINGS, 'sycm', 'a');
    const ga4 = effectiveRules(DEFAULT_SETTINGS, 'ga4', 'a');
    expect(evaluate('bounceRate', 0.45, taobao)).toBeNull();
    expect(evaluate('bounceRate', 0.45, ga4)?.severity).toBe('warn');
    expect(profileForSite('shopify')).toBe('shopify');
    expect(evaluate('conversionRate', 0.012, effectiveRules(DEFAULT_SETTINGS, 'shopify', 's'))?.severity).toBe('critical');
    expect(evaluate('conversionRate', 0.12, effectiveRules(DEFAULT_SETTINGS, 'amazon', 's'))?.severity).toBe('warn');
  });
});

describe('effective rules', () => {
  it('applies the operator’s lines, switches a rule off, and moves warn lines for a returning-heavy shop', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      rules: { taobao: { 'bounce-high': { critical: 0.75 }, 'depth-low': { enabled: false } } },
      shops: { 'sycm|老店': { returningHeavy: true } },
    };
    const rules = effectiveRules(settings, 'sycm', '新店');
    expect(rules).toHaveLength(1);
    expect(evaluate('bounceRate', 0.7231, rules)?.severity).toBe('warn');
    expect(evaluate('bounceRate', 0.76, rules)?.severity).toBe('critical');
    expect(evaluate('pagesPerVisit', 1, rules)).toBeNull();

    const heavy = effectiveRules({ ...settings, rules: {} }, 'sycm', '老店');
    expect(evaluate('bounceRate', 0.55, heavy)?.severity).toBe('warn');
    expect(evaluate('pagesPerVisit', 3.8, heavy)?.severity).toBe('warn');
    expect(evaluate('bounceRate', 0.55, effectiveRules(DEFAULT_SETTINGS, 'sycm', '老店'))).toBeNull();
  });

  it('lets a shop use another profile', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, shops: { 'sycm|a': { profile: 'ga4' } } };
    expect(evaluate('bounceRate', 0.45, effectiveRules(settings, 'sycm', 'a'))?.severity).toBe('warn');
  });
});

describe('settings repair', () => {
  it('reads nothing as the defaults, without notes', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notes: [] });
  });

  it('keeps every valid field of a broken object and notes each repaired one', () => {
    const { settings, notes } = repairSettings({
      version: 1,
      language: 'klingon',
      rules: {
        taobao: { 'bounce-high': { critical: 0.8, warn: 'sixty' }, 'made-up': { warn: 1 } },
        ga4: { 'bounce-high': { warn: 0.9, critical: 0.5 } },
        nowhere: {},
      },
      shops: { 'sycm|小雨的旗舰店': { returningHeavy: true, profile: 'ebay' }, nonsense: 3 },
    });
    expect(settings.language).toBe('auto');
    expect(settings.rules).toEqual({ taobao: { 'bounce-high': { critical: 0.8 } } });
    expect(settings.shops).toEqual({ 'sycm|小雨的旗舰店': { returningHeavy: true } });
    expect(notes.join('\n')).toMatch(/language/);
    expect(notes.join('\n')).toMatch(/rules\.taobao\.bounce-high\.warn/);
    expect(notes.join('\n')).toMatch(/rules\.taobao\.made-up/);
    expect(notes.join('\n')).toMatch(/rules\.ga4\.bounce-high: warn 0\.9 is past critical 0\.5/);
    expect(notes.join('\n')).toMatch(/rules\.nowhere/);
    expect(notes.join('\n')).toMatch(/shops\.sycm\|小雨的旗舰店\.profile/);
    expect(notes.join('\n')).toMatch(/shops\.nonsense/);
  });

  it('reads an object without a version as version 1 and keeps a newer version’s known fields', () => {
    expect(repairSettings({ language: 'en' })).toMatchObject({ settings: { language: 'en', version: SETTINGS_VERSION } });
    const newer = repairSettings({ version: 9, language: 'zh-TW', somethingNew: true });
    expect(newer.settings.language).toBe('zh-TW');
    expect(newer.notes.join()).toMatch(/newer/);
  });

  it('stores the repaired object with a backup of the original and the notes', async () => {
    await area().set({ settings: { version: 1, language: 'xx', shops: { 'sycm|a': { returningHeavy: true } } } });
    const loaded = await loadSettings(area());
    expect(loaded.settings.shops).toEqual({ 'sycm|a': { returningHeavy: true } });
    expect(loaded.notes).toHaveLength(1);
    const stored = await area().get(['settings', 'settingsBackup', 'settingsNotes']);
    expect(stored.settingsBackup).toMatchObject({ language: 'xx' });
    expect(stored.settings).toEqual(loaded.settings);
    // The notes stay visible until the operator saves again.
    expect((await loadSettings(area())).notes).toHaveLength(1);
    await saveSettings(loaded.settings, area());
    expect((await loadSettings(area())).notes).toEqual([]);
  });

  it('refuses to save settings that would not read back', async () => {
    const bad = { ...DEFAULT_SETTINGS, rules: { taobao: { 'bounce-high': { warn: 0.9, critical: 0.5 } } } };
    await expect(saveSettings(bad, area())).rejects.toThrow(/past critical/);
    expect((await area().get('settings')).settings).toBeUndefined();
  });
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/settings/${name}`, 'utf8'));

describe('settings migrations', () => {
  it('migrates a saved version-1 object to version 2, keeping every choice', () => {
    const v1 = fixture('v1.json');
    const { settings, notes, migratedFrom } = repairSettings(v1);
    expect(notes).toEqual([]);
    expect(migratedFrom).toBe(1);
    expect(settings).toEqual({
      version: 2,
      language: 'zh-CN',
      rules: {
        taobao: { 'bounce-high': { critical: 0.75 }, 'depth-low': { enabled: false } },
        shopify: { 'conversion-low': { warn: 0.025 } },
      },
      shops: { 'sycm|小雨的旗舰店': { returningHeavy: true }, 'shopify|Rainy Day Goods': { profile: 'shopify' } },
      customRules: [],
      quietHours: { enabled: false, from: '22:00', to: '08:00' },
    });
    // The migrated object is itself a clean version-2 object: it reads back unchanged, with no migration.
    expect(repairSettings(JSON.parse(JSON.stringify(settings)))).toEqual({ settings, notes: [] });
  });

  it('writes the migrated object back with a backup of the old one', async () => {
    await area().set({ settings: fixture('v1.json') });
    const loaded = await loadSettings(area());
    expect(loaded.notes).toEqual([]);
    const stored = await area().get(['settings', 'settingsBackup']);
    expect(stored.settings).toMatchObject({ version: 2, customRules: [] });
    expect(stored.settingsBackup).toMatchObject({ version: 1, language: 'zh-CN' });
  });
});

const goodRule = {
  id: 'conv-down',
  name: '转化率比上周同日降 20%',
  enabled: true,
  metric: 'conversionRate',
  comparison: 'dropVsBaseline',
  value: 0.2,
  severity: 'warn',
  and: { metric: 'visitors', comparison: 'above', value: 1000 },
  scope: ['sycm|小雨的旗舰店'],
  breakdown: 'source',
  notify: true,
  fix: 'conversionLow',
};

describe('custom rules, quiet hours and peers in settings', () => {
  it('keeps sound custom rules as they are', () => {
    const { settings, notes } = repairSettings({ ...DEFAULT_SETTINGS, customRules: [goodRule] });
    expect(notes).toEqual([]);
    expect(settings.customRules).toEqual([goodRule]);
  });

  it('repairs each rule field by field, and drops only a rule whose condition cannot be read', () => {
    const { settings, notes } = repairSettings({
      ...DEFAULT_SETTINGS,
      customRules: [
        { ...goodRule, id: 'a', severity: 'panic', notify: 'yes', fix: 'pray' },
        { ...goodRule, id: 'b', and: { metric: 'visitors', comparison: 'above', value: 'lots' } },
        { ...goodRule, id: 'c', scope: ['sycm|小雨的旗舰店', 42] },
        { ...goodRule, id: 'd', scope: 'some' },
        { ...goodRule, id: 'e', metric: 'happiness' },
        { ...goodRule, id: 'f', comparison: 'belowTarget' },
        { ...goodRule, id: 'a' },
        'not a rule',
      ],
    });
    const byId = Object.fromEntries(settings.customRules.map((r) => [r.id, r]));
    expect(Object.keys(byId)).toEqual(['a', 'b', 'c', 'd']);
    expect(byId.a).toMatchObject({ severity: 'warn', notify: false, fix: 'conversionLow', enabled: true, value: 0.2 });
    // Without its second condition the rule would fire more often than asked: kept, but switched off.
    expect(byId.b!.and).toBeUndefined();
    expect(byId.b!.enabled).toBe(false);
    expect(byId.c!.scope).toEqual(['sycm|小雨的旗舰店']);
    // A scope that cannot be read narrows to no shop, never widens to all.
    expect(byId.d!.scope).toEqual([]);
    const text = notes.join('\n');
    for (const pattern of [
      /customRules\[0\]\.severity/,
      /customRules\[0\]\.notify/,
      /customRules\[0\]\.fix/,
      /customRules\[1\]\.and: value "lots".*switched off/,
      /customRules\[2\]\.scope/,
      /customRules\[3\]\.scope/,
      /customRules\[4\] \(e\): metric "happiness".*rule dropped/,
      /customRules\[5\] \(f\): only sales have a daily target; rule dropped/,
      /customRules\[6\]: missing or repeated id/,
      /customRules\[7\]: not a rule/,
    ])
      expect(text).toMatch(pattern);
    expect(repairSettings({ ...DEFAULT_SETTINGS, customRules: 'all of them' }).notes).toEqual([
      'customRules: not a list; no custom rules',
    ]);
  });

  it('keeps https peers, up to five per shop, and notes the others', () => {
    const peers = [
      { name: '大牌旗舰店', url: 'https://daipai.tmall.com/' },
      { name: '同款小店', url: 'http://tongkuan.taobao.com/' },
      { name: '', url: 'https://x.taobao.com/' },
      { name: 'Script', url: 'javascript:alert(1)' },
      ...['b', 'c', 'd', 'e', 'f'].map((n) => ({ name: n, url: `https://${n}.taobao.com/` })),
    ];
    const { settings, notes } = repairSettings({ ...DEFAULT_SETTINGS, shops: { 'sycm|小雨的旗舰店': { peers } } });
    expect(settings.shops['sycm|小雨的旗舰店']!.peers!.map((p) => p.name)).toEqual(['大牌旗舰店', 'b', 'c', 'd', 'e']);
    expect(notes).toEqual([
      'shops.sycm|小雨的旗舰店.peers[1]: link is not an https address; dropped',
      'shops.sycm|小雨的旗舰店.peers[2]: not a named peer; dropped',
      'shops.sycm|小雨的旗舰店.peers[3]: link is not an https address; dropped',
      'shops.sycm|小雨的旗舰店.peers[8]: more than 5 peers; dropped',
    ]);
  });

  it('repairs quiet hours and tells whether a moment falls in them, across midnight', () => {
    const { settings, notes } = repairSettings({
      ...DEFAULT_SETTINGS,
      quietHours: { enabled: true, from: '25:00', to: '07:30' },
    });
    expect(settings.quietHours).toEqual({ enabled: true, from: '22:00', to: '07:30' });
    expect(notes).toEqual(['quietHours.from: "25:00" is not HH:MM; 22:00 used']);
    const at = (h: number, m = 0) => new Date(2026, 10, 26, h, m).getTime();
    const night = { enabled: true, from: '22:00', to: '08:00' };
    expect(inQuietHours(night, at(23))).toBe(true);
    expect(inQuietHours(night, at(22))).toBe(true);
    expect(inQuietHours(night, at(3))).toBe(true);
    expect(inQuietHours(night, at(7, 59))).toBe(true);
    expect(inQuietHours(night, at(8))).toBe(false);
    expect(inQuietHours(night, at(12))).toBe(false);
    expect(inQuietHours({ ...night, enabled: false }, at(23))).toBe(false);
    const lunch = { enabled: true, from: '12:00', to: '13:30' };
    expect(inQuietHours(lunch, at(12, 45))).toBe(true);
    expect(inQuietHours(lunch, at(13, 30))).toBe(false);
    expect(inQuietHours(lunch, at(23))).toBe(false);
  });

  it('refuses to save a rule it would have to repair, and keeps what was stored', async () => {
    await saveSettings(DEFAULT_SETTINGS, area());
    const bad = { ...DEFAULT_SETTINGS, customRules: [{ ...goodRule, value: -5 }] } as unknown as Settings;
    await expect(saveSettings(bad, area())).rejects.toThrow(/out of range/);
    expect((await area().get('settings')).settings).toEqual(DEFAULT_SETTINGS);
  });
});
