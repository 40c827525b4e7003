import type { MetricId } from './metrics';

/**
 * Languages and the one translator. The strings live by screen in core/strings/ (badge, popup,
 * options, picker; and the shared metric names, alert texts, form and site-access messages), each
 * module with zh-CN, zh-TW and en side by side; a bundle imports only the modules its screen shows.
 * Placeholders are {name}; values are inserted as text, never as HTML.
 */

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

/** Follows the browser's language: Traditional for zh-TW/HK/MO/Hant, Simplified for other Chinese. */
export function pickLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  for (const raw of languages) {
    const lang = raw.toLowerCase();
    if (/^zh-(tw|hk|mo)|^zh-hant/.test(lang)) return 'zh-TW';
    if (lang.startsWith('zh')) return 'zh-CN';
    if (lang.startsWith('en')) return 'en';
  }
  return 'en';
}

/**
 * The language a stored settings object chooses, read without the settings module (the content script
 * needs only this); anything unreadable follows the browser, as the settings repair would.
 */
export function languageOf(settings: unknown): 'auto' | Locale {
  const language = (settings as { language?: unknown } | null)?.language;
  return LOCALES.includes(language as Locale) ? (language as Locale) : 'auto';
}

/** The operator's choice in the options page, or the browser's language for 'auto'. */
export function localeFor(choice: 'auto' | Locale, languages?: readonly string[]): Locale {
  return choice === 'auto' ? pickLocale(languages) : choice;
}

/** One module's strings: a complete table per language. */
export type Strings<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

type KeyOf<S> = S extends Strings<infer K> ? K : never;

/** The translator of a screen: its string modules, in the operator's language, English where one lacks a key. */
export function translator<S extends readonly Strings<string>[]>(locale: Locale, modules: S): Translate<KeyOf<S[number]>> {
  return translatorOf(stringTable(locale, modules));
}

/** A screen's strings in one language (English where one lacks a key), as one flat table. */
export function stringTable(locale: Locale, modules: readonly Strings<string>[]): Record<string, string> {
  return Object.assign({}, ...modules.map((m) => m.en), ...modules.map((m) => m[locale]));
}

/** The translator over a flat table of one language's strings (a key it lacks is shown as the key). */
export function translatorOf<K extends string>(table: Readonly<Record<string, string>>): Translate<K> {
  return (key, params) => {
    const template = table[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** A metric's name; `t` is a translator holding the metric names (core/strings/metrics.ts). */
export function metricName(t: Translate<`metric_${MetricId}`>, metric: MetricId): string {
  return t(`metric_${metric}`);
}
