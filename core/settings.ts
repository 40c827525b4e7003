import { LOCALES, type Locale } from './i18n';
import { PROFILE_IDS, PROFILES, profileForSite, type ProfileId } from './profiles';
import { isWellOrdered, type ThresholdRule } from './rules';

/**
 * The operator's settings: language, rule lines per platform profile, and per-shop choices. Stored in
 * browser.storage.local under `settings` with a schema version. A settings object that is broken
 * (hand-edited, from a newer or older version, half-written) is repaired field by field: each field
 * that does not validate falls back to its default and leaves a note; the others are kept.
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export interface RuleOverride {
  warn?: number;
  critical?: number;
  enabled?: boolean;
}

export interface ShopSettings {
  profile?: ProfileId;
  /** Many returning visitors: the warn lines move to 50% bounce / 4.0 pages per visit. */
  returningHeavy?: boolean;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  language: 'auto' | Locale;
  /** Changes to a profile's default lines, by profile and rule id. */
  rules: Partial<Record<ProfileId, Record<string, RuleOverride>>>;
  /** By `site|store`. */
  shops: Record<string, ShopSettings>;
}

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, language: 'auto', rules: {}, shops: {} };

export interface Repaired {
  settings: Settings;
  /** One line per field that was repaired, for the options page. Empty when nothing was wrong. */
  notes: string[];
}

/**
 * Numbered migrations: MIGRATIONS[n] turns a version-n object into version n+1. Version 1 is the first
 * shipped schema, so the chain is empty; a future version adds its step here with a fixture test.
 */
const MIGRATIONS: Array<(old: Record<string, unknown>) => Record<string, unknown>> = [];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e6;

export function repairSettings(raw: unknown): Repaired {
  const notes: string[] = [];
  if (raw === undefined || raw === null) return { settings: structuredClone(DEFAULT_SETTINGS), notes };
  if (!isObject(raw)) {
    notes.push('settings: not an object; defaults used');
    return { settings: structuredClone(DEFAULT_SETTINGS), notes };
  }
  let obj: Record<string, unknown> = raw;
  let version = typeof obj.version === 'number' && Number.isInteger(obj.version) ? obj.version : SETTINGS_VERSION;
  if (obj.version === undefined) notes.push('version: missing; read as version 1');
  if (version > SETTINGS_VERSION)
    notes.push(`version: ${version} is newer than this StorePulse (${SETTINGS_VERSION}); known fields kept`);
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) {
      notes.push(`version: no migration from ${version}; known fields kept`);
      break;
    }
    obj = step(obj);
    version++;
  }

  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  if (obj.language !== undefined) {
    if (obj.language === 'auto' || LOCALES.includes(obj.language as Locale))
      settings.language = obj.language as Settings['language'];
    else notes.push(`language: ${JSON.stringify(obj.language)} is not a language; following the browser`);
  }

  if (obj.rules !== undefined) {
    if (!isObject(obj.rules)) notes.push('rules: not an object; profile defaults used');
    else {
      for (const [profile, overrides] of Object.entries(obj.rules)) {
        if (!PROFILE_IDS.includes(profile as ProfileId)) {
          notes.push(`rules.${profile}: unknown profile; dropped`);
          continue;
        }
        if (!isObject(overrides)) {
          notes.push(`rules.${profile}: not an object; defaults used`);
          continue;
        }
        const known = PROFILES[profile as ProfileId].rules;
        const kept: Record<string, RuleOverride> = {};
        for (const [ruleId, o] of Object.entries(overrides)) {
          const rule = known.find((r) => r.id === ruleId);
          if (!rule || !isObject(o)) {
            notes.push(`rules.${profile}.${ruleId}: unknown rule or not an object; dropped`);
            continue;
          }
          const override: RuleOverride = {};
          for (const field of ['warn', 'critical'] as const) {
            if (o[field] === undefined) continue;
            if (isRate(o[field])) override[field] = o[field];
            else
              notes.push(
                `rules.${profile}.${ruleId}.${field}: ${JSON.stringify(o[field])} is not a number; default ${rule[field]} used`,
              );
          }
          if (o.enabled !== undefined) {
            if (typeof o.enabled === 'boolean') override.enabled = o.enabled;
            else notes.push(`rules.${profile}.${ruleId}.enabled: not true or false; kept on`);
          }
          const merged = { ...rule, ...override };
          if (!isWellOrdered(merged)) {
            notes.push(
              `rules.${profile}.${ruleId}: warn ${merged.warn} is past critical ${merged.critical}; lines reset to ${rule.warn} / ${rule.critical}`,
            );
            delete override.warn;
            delete override.critical;
          }
          if (Object.keys(override).length) kept[ruleId] = override;
        }
        if (Object.keys(kept).length) settings.rules[profile as ProfileId] = kept;
      }
    }
  }

  if (obj.shops !== undefined) {
    if (!isObject(obj.shops)) notes.push('shops: not an object; no per-shop choices');
    else {
      for (const [key, shop] of Object.entries(obj.shops)) {
        if (!isObject(shop) || !key.includes('|')) {
          notes.push(`shops.${key}: not a shop entry; dropped`);
          continue;
        }
        const kept: ShopSettings = {};
        if (shop.profile !== undefined) {
          if (PROFILE_IDS.includes(shop.profile as ProfileId)) kept.profile = shop.profile as ProfileId;
          else notes.push(`shops.${key}.profile: ${JSON.stringify(shop.profile)} is not a profile; the site's default used`);
        }
        if (shop.returningHeavy !== undefined) {
          if (typeof shop.returningHeavy === 'boolean') kept.returningHeavy = shop.returningHeavy;
          else notes.push(`shops.${key}.returningHeavy: not true or false; off`);
        }
        settings.shops[key] = kept;
      }
    }
  }
  return { settings, notes };
}

export function shopKey(site: string, store: string): string {
  return `${site}|${store}`;
}

export function profileOf(settings: Settings, site: string, store: string): ProfileId {
  return settings.shops[shopKey(site, store)]?.profile ?? profileForSite(site);
}

/** The rules a shop's numbers are judged by: its profile's lines, the operator's changes, its customer mix. */
export function effectiveRules(settings: Settings, site: string, store: string): ThresholdRule[] {
  const profileId = profileOf(settings, site, store);
  const profile = PROFILES[profileId];
  const overrides = settings.rules[profileId] ?? {};
  const returningHeavy = settings.shops[shopKey(site, store)]?.returningHeavy === true;
  const rules: ThresholdRule[] = [];
  for (const base of profile.rules) {
    const o = overrides[base.id] ?? {};
    if (o.enabled === false) continue;
    const rule: ThresholdRule = { ...base, warn: o.warn ?? base.warn, critical: o.critical ?? base.critical };
    const heavyWarn = profile.returningHeavy[base.id];
    if (returningHeavy && heavyWarn !== undefined && o.warn === undefined) rule.warn = heavyWarn;
    rules.push(isWellOrdered(rule) ? rule : { ...rule, warn: rule.critical });
  }
  return rules;
}
