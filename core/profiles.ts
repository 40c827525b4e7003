import type { ThresholdRule } from './rules';
import { DEFAULT_RULES } from './rules';

/**
 * Platform profiles: the lines an alert is judged by depend on how the platform defines its metrics
 * (guide §6), so each platform gets its own defaults. Every number here is a default the operator can
 * change in the options page.
 *
 * - taobao: the guide's Taobao lines (跳失率 70/60, 人均浏览量 2.5/3.5); used by the Chinese back offices.
 * - ga4: bounce = 1 − engagement rate, typically 25–35% for e-commerce, so the lines sit lower;
 *   e-commerce pages per session run 3–5.
 * - shopify: conversion is per session; about 1.4% is average and 2–3% good.
 * - amazon: Unit Session Percentage; 15% good and 20% excellent on one practitioner's scale, and the
 *   reports lag a day and are revised.
 *
 * `returningHeavy` holds the warn lines for shops with many returning visitors (guide §1.4: bounce
 * under 50%, depth over 4.0); the critical lines stay.
 */

export type ProfileId = 'taobao' | 'ga4' | 'shopify' | 'amazon';
export const PROFILE_IDS: readonly ProfileId[] = ['taobao', 'ga4', 'shopify', 'amazon'];

export interface Profile {
  id: ProfileId;
  rules: readonly ThresholdRule[];
  returningHeavy: Readonly<Record<string, number>>;
}

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  taobao: {
    id: 'taobao',
    rules: DEFAULT_RULES,
    returningHeavy: { 'bounce-high': 0.5, 'depth-low': 4.0 },
  },
  ga4: {
    id: 'ga4',
    rules: [
      { id: 'bounce-high', metric: 'bounceRate', direction: 'above', warn: 0.4, critical: 0.55, fix: 'bounceHigh' },
      { id: 'depth-low', metric: 'pagesPerVisit', direction: 'below', warn: 3.0, critical: 2.0, fix: 'depthLow' },
    ],
    returningHeavy: { 'bounce-high': 0.3, 'depth-low': 4.0 },
  },
  shopify: {
    id: 'shopify',
    rules: [
      { id: 'conversion-low', metric: 'conversionRate', direction: 'below', warn: 0.02, critical: 0.014, fix: 'conversionLow' },
    ],
    returningHeavy: {},
  },
  amazon: {
    id: 'amazon',
    rules: [
      { id: 'conversion-low', metric: 'conversionRate', direction: 'below', warn: 0.15, critical: 0.1, fix: 'conversionLow' },
    ],
    returningHeavy: {},
  },
};

/** Which profile a site's shops start with. */
export const SITE_PROFILE: Readonly<Record<string, ProfileId>> = {
  sycm: 'taobao',
  jd: 'taobao',
  douyin: 'taobao',
  pdd: 'taobao',
  shopee: 'taobao',
  shopify: 'shopify',
  amazon: 'amazon',
  ga4: 'ga4',
};

export function profileForSite(site: string): ProfileId {
  return SITE_PROFILE[site] ?? 'taobao';
}
