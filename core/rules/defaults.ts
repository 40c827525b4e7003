import type { MetricId } from '../metrics';
import type {
  BreakdownKind,
  FixId,
  Profile,
  ProfileId,
  QuietHours,
  ReviewAlertChoices,
  RuleStart,
  TemplateId,
  ThresholdRule,
} from './types';

/**
 * Every default StorePulse judges by, as data: the platforms' lines, which platform a site's shops
 * start with, the starter templates and the blank rule of "Your own rules", the fix a metric's rule
 * points to, the column headers that name a table's rows, and the quiet hours. Every number here is a
 * default the operator can change in the options page (README, "Rules and platform profiles").
 */

/**
 * The Taobao operator's rules of thumb, used by the Chinese back offices: 跳失率 ≥ 70% critical,
 * 60–70% warn, < 60% good; 人均浏览量 < 2.5 critical, 2.5–3.5 warn, > 3.5 good.
 */
export const DEFAULT_RULES: readonly ThresholdRule[] = [
  { id: 'bounce-high', metric: 'bounceRate', direction: 'above', warn: 0.6, critical: 0.7, fix: 'bounceHigh' },
  { id: 'depth-low', metric: 'pagesPerVisit', direction: 'below', warn: 3.5, critical: 2.5, fix: 'depthLow' },
];

export const PROFILE_IDS: readonly ProfileId[] = ['taobao', 'ga4', 'shopify', 'amazon'];

/**
 * The lines depend on how each platform defines its metrics, so each platform has its own:
 * - taobao: the lines above.
 * - ga4: bounce = 1 − engagement rate, typically 25–35% for e-commerce, so the lines sit lower;
 *   e-commerce pages per session run 3–5.
 * - shopify: conversion is per session; about 1.4% is average and 2–3% good.
 * - amazon: Unit Session Percentage; 15% good and 20% excellent on one practitioner's scale, and the
 *   reports lag a day and are revised.
 *
 * `returningHeavy` holds the warn lines for shops with many returning visitors (on Taobao bounce under
 * 50% and depth over 4.0 are good there); the critical lines stay.
 */
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

/**
 * Starter templates for "Your own rules": the Taobao lines as rules, sales under the day's target,
 * conversion down 20% against the same weekday, visitors down 30% by traffic source. Values are what
 * the form starts with.
 */
export const TEMPLATES: Readonly<Record<TemplateId, RuleStart>> = {
  bounceHigh: { metric: 'bounceRate', comparison: 'above', value: 0.7, severity: 'critical', fix: 'bounceHigh' },
  depthLow: { metric: 'pagesPerVisit', comparison: 'below', value: 2.5, severity: 'critical', fix: 'depthLow' },
  salesBelowTarget: { metric: 'sales', comparison: 'belowTarget', value: 1, severity: 'warn', fix: 'salesBelowTarget' },
  conversionDown: { metric: 'conversionRate', comparison: 'dropVsBaseline', value: 0.2, severity: 'warn', fix: 'conversionLow' },
  visitorsDownBySource: {
    metric: 'visitors',
    comparison: 'dropVsBaseline',
    value: 0.3,
    severity: 'warn',
    breakdown: 'source',
    fix: 'visitorsFell',
  },
};
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

/** What "+ New rule" opens with. */
export const BLANK_RULE: RuleStart = {
  metric: 'bounceRate',
  comparison: 'above',
  value: 0.7,
  severity: 'warn',
  fix: 'bounceHigh',
};

/**
 * The fix a rule on a metric points to when its stored one is unreadable: the role that owns that
 * number (core/fixes.ts).
 */
export const FIX_FOR_METRIC: Partial<Record<MetricId, FixId>> = {
  bounceRate: 'bounceHigh',
  pagesPerVisit: 'depthLow',
  conversionRate: 'conversionLow',
  visitors: 'visitorsFell',
  visits: 'visitorsFell',
  avgOrderValue: 'aovFell',
  sales: 'salesBelowTarget',
  returningVisitorShare: 'returningThin',
  returningVisitors: 'returningThin',
};

/** Column headers of the back offices' tables, by what their rows are (case-folded on comparison). */
export const BREAKDOWN_DIMENSIONS: Readonly<Record<BreakdownKind, readonly string[]>> = {
  source: ['流量来源', '流量來源', '来源', '來源', '流量渠道', 'traffic source', 'source', 'session default channel group'],
  item: ['商品', '商品名称', '商品名稱', '(child) asin', '(parent) asin', 'product', 'product title'],
};

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: false, from: '22:00', to: '08:00' };

/**
 * A shop is returning-heavy when returning visitors (老访客) make up at least this share of its visitors
 * over the last four weeks, with at least `RETURNING_MIN_DAYS` of those 28 days read. The operator's
 * switch overrides it either way.
 */
export const RETURNING_HEAVY_SHARE = 0.4;
export const RETURNING_WINDOW_DAYS = 28;
export const RETURNING_MIN_DAYS = 14;

/** The review's alerts: all on, 2 consecutive closed days, a factor down 10% or more. */
export const REVIEW_ALERTS: ReviewAlertChoices = {
  targetMiss: true,
  factorDrop: true,
  leakingPage: true,
  spendRatio: true,
  roiFloor: true,
  minDrop: 0.1,
  days: 2,
};
