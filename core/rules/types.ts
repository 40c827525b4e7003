import type { MetricId } from '../metrics';

/**
 * The shapes of rules: a platform's threshold lines, the operator's own rules, and the choices the
 * operator made about them. The defaults are data in `defaults.ts`; judging is in `threshold.ts` and
 * `custom.ts`.
 */

export type Severity = 'warn' | 'critical';
export type FixId =
  | 'bounceHigh'
  | 'depthLow'
  | 'conversionLow'
  | 'visitorsFell'
  | 'aovFell'
  | 'salesBelowTarget'
  | 'returningThin'
  | 'leakingPage'
  | 'spendRatioHigh'
  | 'roiLow';

/**
 * A line a metric is judged by:
 * - `above`: critical when value ≥ critical; warn when value ≥ warn.
 * - `below`: critical when value < critical; warn when value ≤ warn.
 */
export interface ThresholdRule {
  id: string;
  metric: MetricId;
  direction: 'above' | 'below';
  warn: number;
  critical: number;
  fix: FixId;
}

export interface Verdict {
  rule: ThresholdRule;
  severity: Severity;
  /** The line the value crossed. */
  threshold: number;
}

export type ProfileId = 'taobao' | 'ga4' | 'shopify' | 'amazon';

/** A platform's lines, and the warn lines for a shop with many returning visitors (by rule id). */
export interface Profile {
  id: ProfileId;
  rules: readonly ThresholdRule[];
  returningHeavy: Readonly<Record<string, number>>;
}

/** The operator's change to one of a profile's lines. */
export interface RuleOverride {
  warn?: number;
  critical?: number;
  enabled?: boolean;
}

/** What the operator chose about the lines: changes per profile, and per shop (`site|store`) its profile and mix. */
export interface RuleChoices {
  rules: Partial<Record<ProfileId, Record<string, RuleOverride>>>;
  shops: Record<string, { profile?: ProfileId; returningHeavy?: boolean }>;
}

/**
 * How a custom rule compares (`value` is in the metric's own unit for above/below, a fraction otherwise):
 * - `above`: fires when value ≥ the line; `below`: fires when value < the line.
 * - `dropVsBaseline` / `riseVsBaseline`: the change against the same weekday's baseline is at least
 *   `value` (0.2 = 20%) down / up.
 * - `belowTarget`: sales under `value` × the day's target (1 = the whole target).
 */
export type Comparison = 'above' | 'below' | 'dropVsBaseline' | 'riseVsBaseline' | 'belowTarget';
export const COMPARISONS: readonly Comparison[] = ['above', 'below', 'dropVsBaseline', 'riseVsBaseline', 'belowTarget'];

/** Rows of a table a rule can watch instead of the shop's totals. */
export type BreakdownKind = 'source' | 'item';
export const BREAKDOWN_KINDS: readonly BreakdownKind[] = ['source', 'item'];

export interface Condition {
  metric: MetricId;
  comparison: Comparison;
  value: number;
}

export interface CustomRule extends Condition {
  id: string;
  name: string;
  enabled: boolean;
  severity: Severity;
  /** A second condition that must hold too (AND), on the same shop or the same breakdown row. */
  and?: Condition;
  /** `all` shops, or a list of `site|store` keys. */
  scope: 'all' | string[];
  /** Watch the rows of a table (e.g. each traffic source) instead of the shop's totals. */
  breakdown?: BreakdownKind;
  /** Raise a browser notification for a critical alert (once per alert, never in quiet hours). */
  notify: boolean;
  fix: FixId;
}

export type TemplateId = 'bounceHigh' | 'depthLow' | 'salesBelowTarget' | 'conversionDown' | 'visitorsDownBySource';

/** What a template or the blank rule fills in; the form adds the id, name, shops and switches. */
export type RuleStart = Omit<CustomRule, 'id' | 'name' | 'scope' | 'notify' | 'enabled'>;

/** Notifications wait while the operator is off: a window of local clock times, which may cross midnight. */
export interface QuietHours {
  enabled: boolean;
  /** HH:MM, local time. */
  from: string;
  to: string;
}

/**
 * The review's own alerts, on by default: sales under the day's target, and a factor of sales
 * (visitors, conversion, order value) down against the median of the same weekday over the last 4
 * weeks — each only once it held for `days` consecutive closed days.
 */
export interface ReviewAlertChoices {
  targetMiss: boolean;
  factorDrop: boolean;
  /** Page quality past its critical line while paid spend is up against the same weekday (critical). */
  leakingPage: boolean;
  /** 费比 (spend ÷ sales) above the month's ceiling. */
  spendRatio: boolean;
  /** ROI (ad sales ÷ spend) under the profile's floor. */
  roiFloor: boolean;
  /** The least fall against the baseline that counts (0.1 = 10%). */
  minDrop: number;
  /** Consecutive closed days the gap must hold. */
  days: number;
}
