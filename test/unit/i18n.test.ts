import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES, languageOf, localeFor, pickLocale, translator } from '@/core/i18n';
import { UI_MESSAGES, uiTranslator } from '@/core/i18n-ui';
import { formatValue } from '@/core/format';
import { METRIC_IDS } from '@/core/metrics';
import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import zhTW from '@/public/_locales/zh_TW/messages.json';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it.each([
    ['badge and metric strings', MESSAGES],
    ['popup and options strings', UI_MESSAGES],
  ] as const)('has every one of the %s in every language, non-empty, with the same placeholders', (_name, tables) => {
    const en = tables.en as Record<string, string>;
    const keys = Object.keys(en);
    for (const locale of LOCALES) {
      const table = tables[locale] as Record<string, string>;
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(table[key]!.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(placeholders(table[key]!), `${locale} ${key}`).toEqual(placeholders(en[key]!));
      }
    }
  });

  it('never lets a page string shadow a badge string', () => {
    const overlap = Object.keys(UI_MESSAGES.en).filter((k) => k in MESSAGES.en);
    expect(overlap).toEqual([]);
  });

  it('follows the language chosen in the options page', () => {
    expect(localeFor('auto', ['zh-TW'])).toBe('zh-TW');
    expect(localeFor('en', ['zh-TW'])).toBe('en');
  });

  it('names every metric in every language', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const id of METRIC_IDS) expect(t(`metric_${id}` as never)).not.toBe(`metric_${id}`);
    }
  });

  it('keeps the manifest strings in all three languages', () => {
    for (const table of [en, zhCN, zhTW]) {
      expect(Object.keys(table).sort()).toEqual(['extDescription', 'extName']);
    }
  });

  it('follows the browser language', () => {
    expect(pickLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(['zh'])).toBe('zh-CN');
    expect(pickLocale(['zh-TW'])).toBe('zh-TW');
    expect(pickLocale(['zh-HK'])).toBe('zh-TW');
    expect(pickLocale(['zh-Hant-TW'])).toBe('zh-TW');
    expect(pickLocale(['en-GB'])).toBe('en');
    expect(pickLocale(['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(pickLocale([])).toBe('en');
  });

  it('inserts values as given', () => {
    const t = uiTranslator('zh-CN');
    expect(t('popup_alerts', { count: 3 })).toBe('3 条待处理提醒');
    expect(t('metric_bounceRate')).toBe('跳失率');
    expect(t('popup_source', { label: '<b>跳失率</b>', reader: 'x' })).toContain('<b>跳失率</b>');
  });

  it('formats values for the operator', () => {
    expect(formatValue('bounceRate', 0.7231, 'zh-CN')).toBe('72.31%');
    expect(formatValue('bounceRate', 0.7, 'en')).toBe('70%');
    expect(formatValue('pagesPerVisit', 2.1, 'en')).toBe('2.10');
    expect(formatValue('visitors', 12345, 'en')).toBe('12,345');
    expect(formatValue('sales', 12345.67, 'zh-CN', 'CNY')).toBe('¥12,345.67');
    expect(formatValue('avgVisitDuration', 83, 'en')).toBe('1m 23s');
    expect(formatValue('avgVisitDuration', 83, 'zh-CN')).toBe('1分23秒');
  });
});

describe('the language a stored settings object chooses', () => {
  it('reads a known language and follows the browser for anything else', () => {
    expect(languageOf({ language: 'zh-TW' })).toBe('zh-TW');
    expect(languageOf({ language: 'auto' })).toBe('auto');
    for (const bad of [undefined, null, 'en', { language: 'fr' }, { language: 42 }, []]) expect(languageOf(bad)).toBe('auto');
  });
});
