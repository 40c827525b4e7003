import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROFILE_IDS, PROFILES, profileForSite, SITE_PROFILE } from '@/core/profiles';
import { evaluate, isWellOrdered } from '@/core/rules';
import { DEFAULT_SETTINGS, effectiveRules, repairSettings, SETTINGS_VERSION, type Settings } from '@/core/settings';
import { loadSettings, saveSettings, type StorageArea } from '@/core/settings-store';
import { FIXES } from '@/core/fixes';
import { SITES } from '@/core/sites';

const area = () => fakeBrowser.storage.local as unknown as StorageArea;

describe('platform profiles', () => {
  it('gives every profile well-ordered rules with a fix, and every site a profile', () => {
    for (const id of PROFILE_IDS) {
      const p = PROFILES[id];
      expect(p.rules.length).toBeGreaterThan(0);
      for (const r of p.rules) {
        expect(isWellOrdered(r), `${id} ${r.id}`).toBe(true);
        expect(FIXES[r.fix]).toBeDefined();
      }
      for (const [ruleId, warn] of Object.entries(p.returningHeavy)) {
        const rule = p.rules.find((r) => r.id === ruleId)!;
        expect(isWellOrdered({ ...rule, warn })).toBe(true);
      }
    }
    for (const site of SITES) expect(SITE_PROFILE[site.id], site.id).toBeDefined();
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
