import type { MetricId } from '../metrics';
import type { FixId, ReturningDecision, ReturningMix, Severity, ThresholdRule } from '../rules';
import type { Breakdown, ObservedValue, Period } from '../types';
import type { WorstPart } from './parts';

/**
 * The shapes of the daily review, the trends and the monthly review: what the background computes from
 * the history it keeps and the popup draws. Dates are the shop's calendar days.
 */

/** YYYY-MM-DD. */
export type IsoDate = string;
/** YYYY-MM. */
export type IsoMonth = string;

/** One closed day of one series: the last value read for that day. */
export interface DailyPoint {
  date: IsoDate;
  value: number;
}

/** How a monthly target is split into daily targets. */
export type SplitMode = 'even' | 'weekday' | 'plan';

export interface MonthTarget {
  site: string;
  store: string;
  month: IsoMonth;
  /** The month's sales target in major units of `currency`. */
  amount: number;
  currency?: string;
  split: SplitMode;
  /** `weekday`: relative weights Monday … Sunday (7 numbers ≥ 0, not all 0). */
  weekdayWeights?: number[];
  /** `plan`: the amount planned for each day; days left out plan nothing. */
  plan?: Record<IsoDate, number>;
  /** The month's 费比 ceiling (spend ÷ sales, 0.15 = 15%); absent: none. */
  spendRatioCeiling?: number;
}

export type TargetProblemCode =
  | 'badMonth'
  | 'amountNotPositive'
  | 'weightsMissing'
  | 'weightsNotSeven'
  | 'weightNegative'
  | 'weightsAllZero'
  | 'planMissing'
  | 'planDateInvalid'
  | 'planDateOutsideMonth'
  | 'planAmountNegative'
  | 'planTotalDiffers';

/** Why a target cannot be used: a code the UI translates, and a plain reason for logs and tests. */
export interface TargetProblem {
  code: TargetProblemCode;
  reason: string;
  /** The plan date or weekday index concerned, when there is one. */
  at?: string;
}

/** The three factors of sales: visitors × conversion × average order value. */
export type Factor = 'visitors' | 'conversionRate' | 'avgOrderValue';

export interface FactorShare {
  factor: Factor;
  current: number;
  baseline: number;
  /** current ÷ baseline − 1. */
  change: number;
  /** ln(current ÷ baseline) ÷ ln(sales ÷ baseline sales): this factor's part of the change; parts add up to 1. */
  share: number;
  /** The factor's part of the change in money: share × (sales − baseline sales), in the sales' currency. */
  amount: number;
}

export interface Decomposition {
  /** sales ÷ baseline sales − 1. */
  salesChange: number;
  factors: FactorShare[];
  /** The factor that explains most of a fall; null when sales did not fall. */
  main: Factor | null;
  /** The fix for the main factor (core/fixes.ts). */
  fix: FixId | null;
  /** When per-source visitors were read: the source that lost the most visitors against its baseline. */
  fallingSource?: { key: string; current: number; baseline: number; change: number };
}

export interface MonthPacing {
  month: IsoMonth;
  target: number;
  /** Sales of the month's closed days read so far. */
  actual: number;
  /** What the daily targets add up to for the same days. */
  planToDate: number;
  /** actual ÷ planToDate − 1: −0.12 reads "12% behind plan". Null when the closed days plan nothing. */
  pace: number | null;
  /** actual ÷ target. */
  completion: number;
  daysWithData: number;
  daysElapsed: number;
}

export interface DayReview {
  site: string;
  store: string;
  currency?: string;
  /** The day reviewed: the latest closed day with sales read (normally yesterday). */
  date: IsoDate;
  sales: number | null;
  target: number | null;
  /** sales ÷ target. */
  completion: number | null;
  status: 'met' | 'missed' | 'noTarget' | 'noData';
  /** Sales on the same weekday in past weeks (median), and how many weeks it stands on. */
  baseline: number | null;
  baselineWeeks: number;
  /** sales ÷ baseline − 1. */
  change: number | null;
  /** The gap held on the last days too, not one noisy day. */
  sustained: boolean;
  decomposition: Decomposition | null;
  month: MonthPacing | null;
  /** Set when the month has a target that cannot be split: the review then runs as without one. */
  targetProblems?: TargetProblem[];
  /** The promotion side of the day, when a linked ads account's spend was read for it. */
  spend?: SpendDay;
  /** Visitors from paid and free sources against the same weekday, when sources were read. */
  sourceMix?: SourceMix;
}

/** Page quality for one week: bounce against 70/60/50%, depth against 2.5/3.5/4.0 (`weeklyQuality`, trends.ts). */
export type QualityLevel = 'fail' | 'pass' | 'good' | 'excellent';

export interface WeeklyQuality {
  /** Monday of the week. */
  week: IsoDate;
  bounceRate: number | null;
  pagesPerVisit: number | null;
  bounceLevel: QualityLevel | null;
  depthLevel: QualityLevel | null;
}

export interface TrendView {
  site: string;
  store: string;
  metric: MetricId;
  currency?: string;
  days: 7 | 30 | 90;
  /** Closed days in the window, oldest first; days without a reading are left out. */
  points: DailyPoint[];
  /** The rule's lines for this shop and metric, when it has one. */
  band?: { direction: 'above' | 'below'; warn: number; critical: number };
  /** Daily targets (sales only). */
  target?: DailyPoint[];
  /**
   * Last 7 days against the 7 before, and last 30 against the 30 before (sums for counts and money, means for rates
   * weighted by visitors or buyers where read,
   * ratios and AOV; `aggregation()` in trends.ts); for a rate, the difference of the two rates (points), else the
   * relative change. Null when either window has fewer than half its days read.
   */
  weekOverWeek: number | null;
  monthOverMonth: number | null;
  /** Peers' lines: the operator's listed peers by their listed name, then printed names matching none (`listed: false`). */
  peers?: Array<{ peer: string; points: DailyPoint[]; listed?: boolean }>;
  /** Sales only, with linked ads accounts: their spend and ROI on the same dates. */
  spend?: SpendTrend;
}

export interface MonthRow {
  month: IsoMonth;
  target: number | null;
  actual: number;
  completion: number | null;
  /** Sales of the same month a year before, when read. */
  lastYear: number | null;
  growth: number | null;
  /** Missed its target; null without a target. */
  missed: boolean | null;
  daysWithData: number;
  /** Σ spend of the month's closed days (null: none read), 费比 and ROI as ratios of sums; the month's 费比 ceiling. */
  spend?: number | null;
  spendRatio?: number | null;
  roi?: number | null;
  spendRatioCeiling?: number | null;
}

export interface ShopOverview {
  site: string;
  store: string;
  currency?: string;
  day: DayReview;
  quality: WeeklyQuality[];
  /** The last 12 months, newest first. */
  months: MonthRow[];
  /** Metrics with daily history, for the trends tab's picker. */
  metrics: MetricId[];
  target: MonthTarget | null;
  /** The shop's returning share over the last four weeks, from its history. */
  returningMix?: ReturningMix;
  /** Whether the returning-heavy lines apply and why: the operator's switch, else the mix (set when answering). */
  returning?: ReturningDecision & { lines: Array<Pick<ThresholdRule, 'metric' | 'direction' | 'warn'>> };
}

/**
 * What an alert of the review (a target missed, a factor down against its same-weekday baseline) says
 * beyond its number: the closed days the gap held on, the change, and the traffic source that fell.
 */
export interface ReviewAlertDetail {
  range: { start: IsoDate; end: IsoDate };
  /** value ÷ threshold − 1 on the last day. */
  change: number;
  fellSource?: { key: string; current: number; baseline: number; change: number };
  /** A spend alert (core/review/spend-alerts.ts): the numbers its sentence names. */
  spend?: SpendAlertDetail;
}

export interface SpendAlertDetail {
  cause: 'leakingPage' | 'spendRatio' | 'roiFloor';
  /** The day's spend, and (leaking page) its same-weekday median. */
  spend: number;
  baseline?: number;
  adSales?: number;
  sales?: number;
  /** Leaking page: the day's page numbers and the paid source that grew (or the ads back office). */
  bounceRate?: number;
  pagesPerVisit?: number;
  source?: string;
  /** 费比 and its ceiling; ROI and its floor. */
  ratio?: number;
  ceiling?: number;
  roi?: number;
  floor?: number;
}

/** An alert as the popup shows it. */
export interface AlertView {
  id: string;
  site: string;
  store: string;
  metric: MetricId;
  severity: Severity;
  value: number;
  currency?: string;
  threshold: number;
  direction: 'above' | 'below';
  fix: FixId;
  period: Period;
  status: 'open' | 'resolved' | 'dismissed' | 'acknowledged';
  firstSeen: number;
  lastSeen: number;
  source: ObservedValue['source'];
  /** A custom rule's alert: the operator's name for the rule (may be empty), and the table row it watched. */
  ruleName?: string;
  row?: Breakdown;
  /** The traffic source or item worst against the shop's own value, read on the same page and period. */
  part?: WorstPart;
  /** Set on the review's own alerts. */
  review?: ReviewAlertDetail;
}

export type AlertEvent = 'opened' | 'worse' | 'better' | 'acknowledged' | 'snoozed' | 'reopened' | 'resolved';

export interface AlertHistoryEntry {
  at: number;
  event: AlertEvent;
  value?: number;
  severity?: Severity;
}

export interface ReviewState {
  /** The operator's today, YYYY-MM-DD. */
  today: IsoDate;
  shops: ShopOverview[];
  /** Only what the Review tab shows first (no months, page quality or trend metrics): ask again for the rest. */
  partial?: boolean;
  /** Every alert not resolved: open, acknowledged and snoozed, most severe first. */
  inbox: Array<AlertView & { history: AlertHistoryEntry[]; snoozedUntil?: number; acknowledgedAt?: number }>;
  /** The ads accounts read and the shop each one's spend counts for (null: not linked yet). */
  ads?: Array<{ site: string; account: string; shop: { site: string; store: string; by: 'operator' | 'name' } | null }>;
}

/** Today's pace (core/review/pace.ts): where the day closes at the rate so far. */
export type PaceBasis = 'weekday' | 'lastYear' | 'default';

export interface PaceProjection {
  /** The platform's wall-clock minute of the latest reading. */
  minute: number;
  sales: number;
  /** The share of the day usually reached by now (median), and its spread. */
  share: number;
  expected: number;
  low: number;
  high: number;
  basis: PaceBasis;
  /** Past days the shape stands on (0 for the default). */
  days: number;
  /** Not from this shop's own days: the default shape. */
  estimate: boolean;
  /** A marked day (event, or set apart by a per-day plan): the weekday shape was not used. */
  marked: boolean;
  /** An event day the operator marked: its name and last year's same event day (its curve used when basis is `lastYear`). */
  event?: { name: string; lastYear: IsoDate };
  target: number | null;
  /** expected − target (negative: short). */
  gap: number | null;
}

export interface PaceLever {
  /** The factor lagging most against the same weekday at this time. */
  factor: Factor;
  fix: FixId;
  /** This factor's change against the same time on past same weekdays (−0.2: 20% below). */
  change: number;
  /** The factor today so far and its median at the same minute of past same weekdays (a rate as a fraction). */
  current: number;
  baseline: number;
  /** Past days the comparison stands on. */
  days: number;
  /** The traffic source that lost the most visitors by this time, when the board shows sources. */
  source?: NonNullable<Decomposition['fallingSource']>;
}

/** One shop's pace today, for the popup, the badge and a check-time notification. */
export interface PaceView {
  site: string;
  store: string;
  /** The platform's calendar day. */
  date: IsoDate;
  /** The platform's time zone (IANA) the day and its minutes are counted in; absent: the computer's. */
  timeZone?: string;
  currency?: string;
  projection: PaceProjection;
  lever: PaceLever | null;
}

/** The promotion side of a shop's day and trend (core/review/spend.ts). */
export interface SpendDay {
  date: IsoDate;
  spend: number;
  adSales: number | null;
  /** ad sales ÷ spend. */
  roi: number | null;
  /** spend ÷ the shop's sales (费比). */
  spendRatio: number | null;
  /** ad sales ÷ the shop's sales. */
  paidShare: number | null;
  /** Spend on the same weekday in past weeks (median). */
  baseline: number | null;
  /** spend ÷ baseline − 1. */
  change: number | null;
}

export interface SourceMove {
  current: number;
  baseline: number;
  change: number;
}

/** Visitors from paid and from free sources on `date` against their same-weekday medians, and which moved more. */
export interface SourceMix {
  paid: SourceMove | null;
  free: SourceMove | null;
  /** The side whose visitors changed more (in visitors, either way); null when one side is not known. */
  moved: 'paid' | 'free' | null;
}

/** Spend and ROI beside the sales line (the trends tab), on the window's dates; ROI over 7 and 30 days as ratios of sums. */
export interface SpendTrend {
  spend: DailyPoint[];
  roi: DailyPoint[];
  roi7: number | null;
  roi30: number | null;
}
