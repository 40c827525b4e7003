import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, languageOf, localeFor, pickLocale, translator, type Strings } from '@/core/i18n';
import { formatValue } from '@/core/format';
import { METRIC_IDS } from '@/core/metrics';
import { ADVICE_STRINGS } from '@/core/strings/advice';
import { ALERT_STRINGS } from '@/core/strings/alerts';
import { BADGE_STRINGS } from '@/core/strings/badge';
import { FIRST_RUN_STRINGS } from '@/core/strings/first-run';
import { FORM_STRINGS } from '@/core/strings/forms';
import { GLANCE_STRINGS } from '@/core/strings/glance';
import { INBOX_RULE_STRINGS } from '@/core/strings/inbox-rule';
import { LINES_STRINGS } from '@/core/strings/lines';
import { METRIC_STRINGS } from '@/core/strings/metrics';
import { OPTIONS_STRINGS } from '@/core/strings/options';
import { PACE_STRINGS } from '@/core/strings/pace';
import { PEER_STRINGS } from '@/core/strings/peers';
import { PLAN_STRINGS } from '@/core/strings/plan';
import { PICKER_STRINGS } from '@/core/strings/picker';
import { POPUP_SCREEN, POPUP_STRINGS } from '@/core/strings/popup';
import { REPORT_STRINGS } from '@/core/strings/report';
import { REPORT_IMAGE_STRINGS } from '@/core/strings/report-image';
import { REVIEW_ALERTS_STRINGS } from '@/core/strings/review-alerts';
import { SHEET_STRINGS } from '@/core/strings/sheets';
import { SITE_ACCESS_STRINGS } from '@/core/strings/site-access';
import { SPEND_STRINGS } from '@/core/strings/spend';
import { SYNC_STRINGS } from '@/core/strings/sync';
import { TARGET_SYNC_STRINGS } from '@/core/strings/target-sync';
import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import zhTW from '@/public/_locales/zh_TW/messages.json';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every string module in core/strings/, by file name. */
const MODULES: Record<string, Strings<string>> = {
  advice: ADVICE_STRINGS,
  alerts: ALERT_STRINGS,
  badge: BADGE_STRINGS,
  'first-run': FIRST_RUN_STRINGS,
  forms: FORM_STRINGS,
  glance: GLANCE_STRINGS,
  'inbox-rule': INBOX_RULE_STRINGS,
  lines: LINES_STRINGS,
  metrics: METRIC_STRINGS,
  options: OPTIONS_STRINGS,
  pace: PACE_STRINGS,
  peers: PEER_STRINGS,
  plan: PLAN_STRINGS,
  picker: PICKER_STRINGS,
  popup: POPUP_STRINGS,
  report: REPORT_STRINGS,
  'report-image': REPORT_IMAGE_STRINGS,
  'review-alerts': REVIEW_ALERTS_STRINGS,
  sheets: SHEET_STRINGS,
  'site-access': SITE_ACCESS_STRINGS,
  spend: SPEND_STRINGS,
  sync: SYNC_STRINGS,
  'target-sync': TARGET_SYNC_STRINGS,
};

describe('translations', () => {
  it('lists every module of core/strings/ here', () => {
    const files = readdirSync('core/strings').map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(MODULES).sort());
  });

  it.each(Object.keys(MODULES))('has every %s string in every language, non-empty, with the same placeholders', (name) => {
    const tables = MODULES[name]!;
    const keys = Object.keys(tables.en);
    expect(keys.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      const table = tables[locale] as Record<string, string>;
      expect(Object.keys(table).sort(), locale).toEqual([...keys].sort());
      for (const key of keys) {
        expect(table[key]!.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(placeholders(table[key]!), `${locale} ${key}`).toEqual(placeholders(tables.en[key]!));
      }
    }
  });

  it('keeps each key in one module, so no screen can shadow another’s string', () => {
    const seen = new Map<string, string>();
    for (const [name, tables] of Object.entries(MODULES))
      for (const key of Object.keys(tables.en)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
  });

  it('follows the language chosen in the options page', () => {
    expect(localeFor('auto', ['zh-TW'])).toBe('zh-TW');
    expect(localeFor('en', ['zh-TW'])).toBe('en');
  });

  it('names every metric in every language', () => {
    for (const locale of LOCALES) {
      const t = translator(locale, [METRIC_STRINGS]);
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
    const t = translator('zh-CN', POPUP_SCREEN);
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

/** The modules an entrypoint's bundle runs: its import graph, following value imports only. */
function bundled(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const imports = source.matchAll(/^(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?'([^']+)'/gm);
    for (const [, typeOnly, names, spec] of imports) {
      const specifiers = names
        ?.trim()
        .match(/^\{([^}]*)\}$/)?.[1]
        ?.split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      if (typeOnly || specifiers?.every((n) => n.startsWith('type '))) continue;
      if (!spec!.startsWith('.') && !spec!.startsWith('@/')) continue;
      const base = spec!.startsWith('@/') ? resolve(spec!.slice(2)) : resolve(dirname(file), spec!);
      const found = ['.ts', '.tsx', '/index.ts', '']
        .map((ext) => base + ext)
        .find((f) => {
          try {
            return readFileSync(f) && !f.endsWith('/');
          } catch {
            return false;
          }
        });
      if (found && /\.tsx?$/.test(found)) visit(found);
    }
  };
  visit(resolve(entry));
  return new Set([...seen].map((f) => relative(resolve('.'), f)));
}

const stringsIn = (entry: string) =>
  [...bundled(entry)]
    .filter((f) => f.startsWith('core/strings/'))
    .map((f) => f.slice('core/strings/'.length, -'.ts'.length))
    .sort();

describe('strings by screen', () => {
  // Shared: metric names, alert texts, form and site-access messages. A screen's own module is
  // bundled by that screen only.
  it.each([
    // The badge's metric names and alert texts come from the background, in the page's one language;
    // its own words come with its code, injected on a page's first badge (core/content/badge-kit.ts).
    ...readdirSync('entrypoints')
      .filter((f) => f.endsWith('.content.ts'))
      .map((f) => [`entrypoints/${f}`, []] as [string, string[]]),
    ['entrypoints/bound.ts', []],
    ['entrypoints/badges.ts', ['badge']],
    ['entrypoints/picker.ts', ['metrics', 'picker']],
    ['entrypoints/allow/main.ts', ['site-access']],
    // The popup's first module only asks the worker; the popup's code (app.tsx) loads behind it.
    ['entrypoints/popup/main.tsx', []],
    [
      'entrypoints/popup/app.tsx',
      [
        'advice',
        'alerts',
        'first-run',
        'forms',
        'glance',
        'inbox-rule',
        'lines',
        'metrics',
        'pace',
        'peers',
        'plan',
        'popup',
        'report',
        'report-image',
        'site-access',
        'spend',
      ],
    ],
    [
      'entrypoints/options/main.tsx',
      [
        'alerts',
        'forms',
        'lines',
        'metrics',
        'options',
        'pace',
        'peers',
        'review-alerts',
        'sheets',
        'spend',
        'sync',
        'target-sync',
      ],
    ],
    ['entrypoints/sheet-reader.ts', []],
    // It sends each page the badge's strings in that page's language.
    ['entrypoints/background.ts', ['alerts', 'badge', 'metrics', 'pace']],
    ['entrypoints/reader.ts', []],
  ])('%s carries only the strings it shows', (entry, modules) => {
    expect(stringsIn(entry)).toEqual(modules);
  });

  it('follows imports through the files a bundle runs, and not type-only ones', () => {
    const options = bundled('entrypoints/options/main.tsx');
    expect(options).toContain('components/CustomRules.tsx');
    // util.ts names the popup's key type: a type-only import, so no popup strings in the options page.
    expect(options).toContain('components/util.ts');
    expect(readFileSync('components/util.ts', 'utf8')).toContain("import type { PopupKey } from '@/core/strings/popup'");
  });

  it('keeps the settings repair out of the picker and bound scripts, which only need the language', () => {
    for (const entry of ['entrypoints/picker.ts', 'entrypoints/bound.ts', 'entrypoints/allow/main.ts']) {
      const source = readFileSync(entry, 'utf8');
      expect(source, entry).not.toMatch(/repairSettings|loadSettings/);
    }
  });
});
