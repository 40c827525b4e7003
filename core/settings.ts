import { repairAdsLinks, repairPromptLater, repairRoiFloors, type AdsLink, type PromptLater } from './ads-links';
import { FIXES } from './fixes';
import { LOCALES, type Locale } from './i18n';
import { repairEventDays, type EventDay } from './event-days';
import { repairPaceChecks, type PaceChecks } from './pace-checks';
import { parseShopKey } from './keys';
import type { MetricId } from './metrics';
import {
  BREAKDOWN_KINDS,
  conditionProblem,
  DEFAULT_QUIET_HOURS,
  FIX_FOR_METRIC,
  isWellOrdered,
  MAX_CUSTOM_RULES,
  PROFILE_IDS,
  PROFILES,
  REVIEW_ALERTS,
  type BreakdownKind,
  type Comparison,
  type Condition,
  type CustomRule,
  type FixId,
  type ProfileId,
  type QuietHours,
  type ReviewAlertChoices,
  type RuleChoices,
  type RuleOverride,
  type Severity,
} from './rules';

/**
 * The operator's settings: language, rule lines per platform profile, and per-shop choices. Stored in
 * browser.storage.local under `settings` with a schema version. A settings object that is broken
 * (hand-edited, from a newer or older version, half-written) is repaired field by field: each field
 * that does not validate falls back to its default and leaves a note; the others are kept.
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export interface ShopSettings {
  profile?: ProfileId;
  /** Many returning visitors: the warn lines move to 50% bounce / 4.0 pages per visit. */
  returningHeavy?: boolean;
  /** Shops to watch (two leaders, two of the same size); their numbers are read off the competition page. */
  peers?: Peer[];
}

export interface Peer {
  name: string;
  /** An https link to the peer's shop. */
  url: string;
  /** Names a 竞店 page prints for this peer, linked by the operator (core/peers.ts). */
  aliases?: string[];
}

export const MAX_PEERS = 5;
export const MAX_PEER_ALIASES = 5;

export interface Settings extends RuleChoices {
  version: typeof SETTINGS_VERSION;
  language: 'auto' | Locale;
  /** Changes to a profile's default lines, by profile and rule id. */
  rules: Partial<Record<ProfileId, Record<string, RuleOverride>>>;
  /** By `site|store`. */
  shops: Record<string, ShopSettings>;
  /** The operator's own rules, in the order they were added. */
  customRules: CustomRule[];
  quietHours: QuietHours;
  /** Decision times of today's pace; absent: the defaults (off, 14:00 and 20:00, 10%). */
  paceChecks?: PaceChecks;
  /** Event days the operator marked (大促); absent: none. */
  eventDays?: EventDay[];
  /** The review's own alerts, as far as the operator changed them (`reviewAlertChoices` fills the rest). */
  reviewAlerts?: Partial<ReviewAlertChoices>;
  /** Ads accounts the operator linked to a shop (core/ads-links.ts); absent: none, names still match. */
  adsLinks?: AdsLink[];
  /** The operator's ROI floors per profile; absent: `ROI_FLOORS`. */
  roiFloors?: Partial<Record<ProfileId, number>>;
  /** The popup's link prompt put off ("not now"); absent: it asks about every unlinked account. */
  adsPromptLater?: PromptLater;
}

/** The review's alerts as the operator chose them, the defaults for what they did not touch. */
export function reviewAlertChoices(settings: Pick<Settings, 'reviewAlerts'>): ReviewAlertChoices {
  return { ...REVIEW_ALERTS, ...settings.reviewAlerts };
}

/** The least fall the factor alert can be set to, and the most (1% … 90%); days 1 … 7. */
export const MIN_DROP_RANGE = [0.01, 0.9] as const;
export const REVIEW_DAYS_RANGE = [1, 7] as const;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  language: 'auto',
  rules: {},
  shops: {},
  customRules: [],
  quietHours: DEFAULT_QUIET_HOURS,
};

export interface Repaired {
  settings: Settings;
  /** One line per field that was repaired, for the options page. Empty when nothing was wrong. */
  notes: string[];
  /** The version an older object was migrated from; it is written back in the new shape. */
  migratedFrom?: number;
}

/**
 * Numbered migrations: MIGRATIONS[n] turns a version-n object into version n+1 (index 0 is unused:
 * version 1 is the first shipped schema). A shipped step is never edited; each has a fixture test.
 */
const MIGRATIONS: Array<((old: Record<string, unknown>) => Record<string, unknown>) | undefined> = [
  undefined,
  // 1 → 2: custom rules start empty and quiet hours off; shops gain room for peers. Fields already
  // there (an object whose version was lost) are kept for repair to judge rather than overwritten.
  (old) => ({ customRules: [], quietHours: { ...DEFAULT_QUIET_HOURS }, ...old, version: 2 }),
];

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
  let version = typeof obj.version === 'number' && Number.isInteger(obj.version) && obj.version >= 1 ? obj.version : 1;
  if (obj.version === undefined) notes.push('version: missing; read as version 1');
  if (version > SETTINGS_VERSION)
    notes.push(`version: ${version} is newer than this StorePulse (${SETTINGS_VERSION}); known fields kept`);
  const migratedFrom = version < SETTINGS_VERSION ? version : undefined;
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
        if (!isObject(shop) || !parseShopKey(key)) {
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
        if (shop.peers !== undefined) {
          const peers = repairPeers(shop.peers, `shops.${key}.peers`, notes);
          if (peers.length) kept.peers = peers;
        }
        settings.shops[key] = kept;
      }
    }
  }

  if (obj.customRules !== undefined) {
    if (!Array.isArray(obj.customRules)) notes.push('customRules: not a list; no custom rules');
    else settings.customRules = repairCustomRules(obj.customRules, notes);
  }
  if (obj.quietHours !== undefined) settings.quietHours = repairQuietHours(obj.quietHours, notes);
  if (obj.paceChecks !== undefined) settings.paceChecks = repairPaceChecks(obj.paceChecks, notes);
  if (obj.eventDays !== undefined) settings.eventDays = repairEventDays(obj.eventDays, notes);
  if (obj.reviewAlerts !== undefined) {
    const kept = repairReviewAlerts(obj.reviewAlerts, notes);
    if (kept) settings.reviewAlerts = kept;
  }
  if (obj.adsLinks !== undefined) settings.adsLinks = repairAdsLinks(obj.adsLinks, notes);
  if (obj.roiFloors !== undefined) settings.roiFloors = repairRoiFloors(obj.roiFloors, PROFILE_IDS, notes);
  if (obj.adsPromptLater !== undefined) {
    const later = repairPromptLater(obj.adsPromptLater, notes);
    if (later) settings.adsPromptLater = later;
  }
  return { settings, notes, ...(migratedFrom !== undefined ? { migratedFrom } : {}) };
}

/** A peer's link must be an https address; the name is what the operator calls it. */
export function peerProblem(peer: { name?: unknown; url?: unknown }): 'name' | 'url' | null {
  if (typeof peer.name !== 'string' || !peer.name.trim() || peer.name.length > 80) return 'name';
  if (typeof peer.url !== 'string') return 'url';
  try {
    const u = new URL(peer.url);
    return u.protocol === 'https:' && u.hostname.includes('.') && !u.username && !u.password ? null : 'url';
  } catch {
    return 'url';
  }
}

function repairPeers(raw: unknown, path: string, notes: string[]): Peer[] {
  if (!Array.isArray(raw)) {
    notes.push(`${path}: not a list; no peers`);
    return [];
  }
  const peers: Peer[] = [];
  for (const [i, p] of raw.entries()) {
    const problem = isObject(p) ? peerProblem(p) : 'name';
    if (problem) {
      notes.push(`${path}[${i}]: ${problem === 'url' ? 'link is not an https address' : 'not a named peer'}; dropped`);
      continue;
    }
    if (peers.length === MAX_PEERS) {
      notes.push(`${path}[${i}]: more than ${MAX_PEERS} peers; dropped`);
      continue;
    }
    const { name, url, aliases } = p as { name: string; url: string; aliases?: unknown };
    const peer: Peer = { name: name.trim(), url };
    if (aliases !== undefined) {
      const kept = Array.isArray(aliases)
        ? [...new Set(aliases.filter((a): a is string => typeof a === 'string' && !!a.trim() && a.length <= 80))]
        : [];
      if (!Array.isArray(aliases) || kept.length < aliases.length || kept.length > MAX_PEER_ALIASES)
        notes.push(`${path}[${i}].aliases: entries that are not names dropped`);
      if (kept.length) peer.aliases = kept.slice(0, MAX_PEER_ALIASES).map((a) => a.trim());
    }
    peers.push(peer);
  }
  return peers;
}

const SEVERITIES: readonly Severity[] = ['warn', 'critical'];

function repairCondition(raw: Record<string, unknown>, path: string, notes: string[]): Condition | null {
  const problem = conditionProblem(raw as Partial<Condition>);
  if (problem) {
    const what = {
      metric: `metric ${JSON.stringify(raw.metric)} is not a known metric`,
      comparison: `comparison ${JSON.stringify(raw.comparison)} is not known`,
      value: `value ${JSON.stringify(raw.value)} is out of range`,
      targetMetric: 'only sales have a daily target',
    }[problem];
    notes.push(`${path}: ${what}`);
    return null;
  }
  return { metric: raw.metric as MetricId, comparison: raw.comparison as Comparison, value: raw.value as number };
}

/**
 * Each rule is kept or dropped on its own. A rule whose condition cannot be read is dropped (a rule
 * that means something else than the operator wrote is worse than none); a broken optional field
 * (second condition, scope, breakdown, notify) falls back to its default and the rule is kept,
 * switched off when the fallback would widen what it watches.
 */
function repairCustomRules(raw: unknown[], notes: string[]): CustomRule[] {
  const rules: CustomRule[] = [];
  const ids = new Set<string>();
  for (const [i, r] of raw.entries()) {
    const path = `customRules[${i}]`;
    if (!isObject(r)) {
      notes.push(`${path}: not a rule; dropped`);
      continue;
    }
    if (typeof r.id !== 'string' || !r.id || ids.has(r.id)) {
      notes.push(`${path}: missing or repeated id; dropped`);
      continue;
    }
    if (rules.length === MAX_CUSTOM_RULES) {
      notes.push(`${path}: more than ${MAX_CUSTOM_RULES} rules; dropped`);
      continue;
    }
    const condition = repairCondition(r, `${path} (${r.id})`, notes);
    if (!condition) {
      notes[notes.length - 1] += '; rule dropped';
      continue;
    }
    const rule: CustomRule = {
      id: r.id,
      name: typeof r.name === 'string' ? r.name.slice(0, 80) : '',
      enabled: true,
      ...condition,
      severity: 'warn',
      scope: 'all',
      notify: false,
      fix: FIX_FOR_METRIC[condition.metric] ?? 'conversionLow',
    };
    if (typeof r.name !== 'string') notes.push(`${path}.name: not text; left empty`);
    if (r.enabled !== undefined) {
      if (typeof r.enabled === 'boolean') rule.enabled = r.enabled;
      else notes.push(`${path}.enabled: not true or false; kept on`);
    }
    if (SEVERITIES.includes(r.severity as Severity)) rule.severity = r.severity as Severity;
    else notes.push(`${path}.severity: ${JSON.stringify(r.severity)} is not warn or critical; warn used`);
    if (r.fix !== undefined) {
      if (typeof r.fix === 'string' && r.fix in FIXES) rule.fix = r.fix as FixId;
      else notes.push(`${path}.fix: ${JSON.stringify(r.fix)} is not a known fix; ${rule.fix} used`);
    }
    if (r.and !== undefined) {
      const and = isObject(r.and) ? repairCondition(r.and, `${path}.and`, notes) : null;
      if (!isObject(r.and)) notes.push(`${path}.and: not a condition`);
      if (and) rule.and = and;
      else {
        // Without its second condition the rule would fire more often than the operator asked.
        rule.enabled = false;
        notes[notes.length - 1] += '; second condition removed and the rule switched off';
      }
    }
    if (r.scope !== 'all') {
      // A shop list that cannot be read narrows to the shops that can, never widens to all shops.
      const list = Array.isArray(r.scope) ? r.scope : [];
      const keys = [...new Set(list.filter((k): k is string => typeof k === 'string' && !!parseShopKey(k)))];
      rule.scope = keys;
      if (!Array.isArray(r.scope)) notes.push(`${path}.scope: not "all" or a list of shops; no shop until one is chosen`);
      else if (keys.length < list.length) notes.push(`${path}.scope: entries that are not site|store dropped`);
    }
    if (r.breakdown !== undefined) {
      if (BREAKDOWN_KINDS.includes(r.breakdown as BreakdownKind)) rule.breakdown = r.breakdown as BreakdownKind;
      else {
        rule.enabled = false;
        notes.push(`${path}.breakdown: ${JSON.stringify(r.breakdown)} is not source or item; the rule switched off`);
      }
    }
    if (r.notify !== undefined) {
      if (typeof r.notify === 'boolean') rule.notify = r.notify;
      else notes.push(`${path}.notify: not true or false; off`);
    }
    ids.add(rule.id);
    rules.push(rule);
  }
  return rules;
}

function repairReviewAlerts(raw: unknown, notes: string[]): Partial<ReviewAlertChoices> | undefined {
  if (!isObject(raw)) {
    notes.push('reviewAlerts: not an object; the review alerts are on with their defaults');
    return undefined;
  }
  const kept: Partial<ReviewAlertChoices> = {};
  for (const field of ['targetMiss', 'factorDrop', 'leakingPage', 'spendRatio', 'roiFloor'] as const) {
    if (typeof raw[field] === 'boolean') kept[field] = raw[field];
    else if (raw[field] !== undefined) notes.push(`reviewAlerts.${field}: not true or false; on`);
  }
  const inRange = (v: unknown, [lo, hi]: readonly [number, number]) => typeof v === 'number' && v >= lo && v <= hi;
  if (inRange(raw.minDrop, MIN_DROP_RANGE)) kept.minDrop = raw.minDrop as number;
  else if (raw.minDrop !== undefined)
    notes.push(`reviewAlerts.minDrop: ${JSON.stringify(raw.minDrop)} is not between 1% and 90%; ${REVIEW_ALERTS.minDrop} used`);
  if (inRange(raw.days, REVIEW_DAYS_RANGE) && Number.isInteger(raw.days)) kept.days = raw.days as number;
  else if (raw.days !== undefined)
    notes.push(
      `reviewAlerts.days: ${JSON.stringify(raw.days)} is not a whole number of days from 1 to 7; ${REVIEW_ALERTS.days} used`,
    );
  return Object.keys(kept).length ? kept : undefined;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function repairQuietHours(raw: unknown, notes: string[]): QuietHours {
  const quiet = { ...DEFAULT_QUIET_HOURS };
  if (!isObject(raw)) {
    notes.push('quietHours: not an object; off, 22:00–08:00');
    return quiet;
  }
  if (typeof raw.enabled === 'boolean') quiet.enabled = raw.enabled;
  else if (raw.enabled !== undefined) notes.push('quietHours.enabled: not true or false; off');
  for (const field of ['from', 'to'] as const) {
    if (typeof raw[field] === 'string' && CLOCK.test(raw[field])) quiet[field] = raw[field];
    else if (raw[field] !== undefined)
      notes.push(`quietHours.${field}: ${JSON.stringify(raw[field])} is not HH:MM; ${quiet[field]} used`);
  }
  return quiet;
}
