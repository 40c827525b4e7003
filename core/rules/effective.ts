import { shopKey } from '../keys';
import { PROFILES, SITE_PROFILE } from './defaults';
import { isWellOrdered } from './threshold';
import type { ProfileId, RuleChoices, ThresholdRule } from './types';

/** The lines one shop's numbers are judged by: its platform's defaults with the operator's changes. */

export function profileForSite(site: string): ProfileId {
  return SITE_PROFILE[site] ?? 'taobao';
}

export function profileOf(choices: RuleChoices, site: string, store: string): ProfileId {
  return choices.shops[shopKey(site, store)]?.profile ?? profileForSite(site);
}

/**
 * The rules a shop's numbers are judged by: its profile's lines, the operator's changes, its customer mix
 * (the operator's switch, else `autoHeavy`: what the shop's own returning share decided, rules/returning.ts).
 */
export function effectiveRules(choices: RuleChoices, site: string, store: string, autoHeavy = false): ThresholdRule[] {
  const profileId = profileOf(choices, site, store);
  const profile = PROFILES[profileId];
  const overrides = choices.rules[profileId] ?? {};
  const returningHeavy = choices.shops[shopKey(site, store)]?.returningHeavy ?? autoHeavy;
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

/** The shop's rules that have a returning-visitor line, as they apply with `heavy` decided. */
export function returningLines(choices: RuleChoices, site: string, store: string, heavy: boolean): ThresholdRule[] {
  const profile = PROFILES[profileOf(choices, site, store)];
  return effectiveRules(choices, site, store, heavy).filter((r) => profile.returningHeavy[r.id] !== undefined);
}
