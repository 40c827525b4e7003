import {
  buildLabelIndex,
  SHOP_METRICS,
  NEVER_LABELS,
  normalizeLabel,
  type MetricDef,
  type MetricId,
  type Vocabulary,
} from '../metrics';

/**
 * Recognises metric labels in short texts. Exact vocabulary matches first; then a label with a short
 * qualifier in front ("全店访客数", "Total sessions"), unless the qualifier marks someone else's number
 * (peer, industry, average, previous period, target), which is a comparison, not the shop's own value.
 * Look-alikes (the never-map list, a site's own null entries, qualified comparisons) match with
 * `metric: null`: they are labels of some other number, so no neighbouring label takes theirs.
 */

/** Qualifiers that turn a metric label into a comparison or a benchmark. */
const FOREIGN_QUALIFIER =
  /同行|行业|竞|平均|均值|较|上周|上月|上期|前一|昨日|同期|环比|同比|目标|目標|预测|优秀|peer|industry|avg|average|benchmark|previous|prior|last|target|goal|forecast|top/i;

/** Qualifiers that keep a label the shop's own figure: "全店访客数", "Total sessions", "Store visitors". */
export const SHOP_QUALIFIERS: readonly string[] = [
  '全店',
  '店铺',
  '店舖',
  '本店',
  '全站',
  '整体',
  '整體',
  '总',
  '總',
  '累计',
  '累計',
  '今日',
  '今天',
  '实时',
  '實時',
  'total',
  'all',
  'overall',
  'store',
  'shop',
  'onlinestore',
];
const SHOP_QUALIFIER = new RegExp(`^(?:|${SHOP_QUALIFIERS.join('|')})$`);

/** Longest label text worth looking at; metric labels are short. */
export const MAX_LABEL_LENGTH = 32;

export interface LabelMatch {
  /** null: a label of a number that is none of ours (Gross sales, 加购人数, 同行平均访客数). */
  metric: MetricId | null;
  /** The label as printed (trimmed). */
  text: string;
  /** The unit the label names, so its value may be printed bare: "跳失率(%)" over "72.31", "访客数(万)" over "4.86". */
  hint?: LabelHint;
}

export interface LabelHint {
  percent?: true;
  /** Multiply a bare number by this: (万) 10⁴, (亿) 10⁸, (千)/(K) 10³, (M) 10⁶. */
  scale?: number;
  /** A bare number is a duration in this many seconds per unit: (秒) 1, (分钟)/(min) 60, (小时)/(h) 3600. */
  seconds?: number;
  /** A bare number is money in this currency: (元) CNY, (USD); "$" is the dollar of the page's market. */
  currency?: string;
}

/** The unit in brackets at the end of a label, or a trailing "%": "跳失率(%)", "成交金额(万元)", "Sales (USD)". */
const UNIT_IN_LABEL = /(?:[(（]\s*([^()（）]{1,6}?)\s*[)）]|([%％]))\s*[:：]?$/u;
const SCALES: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, w: 1e4, 亿: 1e8, 億: 1e8, 千: 1e3, k: 1e3, m: 1e6 };
/** Time units in a label, as seconds per unit: (秒) (s) (sec), (分钟) (分) (min), (小时) (h) (hours). */
const SECONDS_UNIT = /^(?:(秒|s|secs?|seconds)|(分|分钟|分鐘|mins?|minutes)|(小时|小時|h|hours))$/;
const MONEY: Readonly<Record<string, string>> = { 元: 'CNY', '¥': 'CNY', rmb: 'CNY', $: '$', us$: 'USD' };
const ISO = /^(?:usd|cny|twd|hkd|sgd|myr|eur|gbp|php|thb|vnd|idr|brl|aud|cad|jpy|krw|inr|mxn|nzd)$/;
/** A count word after the magnitude says nothing more: (万人), (万次), (万件). */
const COUNT_WORD = /^[人次件单單笔筆个個]$/u;

/** What the label's unit says about a bare value beside it; a value that prints its own unit wins (see acceptValue). */
export function hintOf(label: string): LabelHint | undefined {
  const m = UNIT_IN_LABEL.exec(label);
  if (!m) return undefined;
  let unit = (m[2] ?? m[1]!).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (unit === '%') return { percent: true };
  const time = SECONDS_UNIT.exec(unit);
  if (time) return { seconds: time[1] ? 1 : time[2] ? 60 : 3600 };
  const hint: LabelHint = {};
  // A magnitude first: (万), (万元), (万人); (K) and (M) only alone.
  const scale = SCALES[unit[0]!];
  if (scale && (unit.length === 1 || !/^[a-z]/.test(unit))) {
    hint.scale = scale;
    unit = unit.slice(1);
  }
  const currency = MONEY[unit] ?? (ISO.test(unit) ? unit.toUpperCase() : undefined);
  if (currency) hint.currency = currency;
  // (PC), (APP), (7天): a qualifier, not a unit.
  else if (unit && !COUNT_WORD.test(unit)) return undefined;
  return hint;
}

const FOOTNOTE_AFTER = /\s*[†‡§\u2460-\u2473]+$/u;

export class LabelMatcher {
  private readonly index: Map<string, MetricId | null>;
  private readonly firstChars: Set<string>;
  /** Vocabulary keys by their last character, longest first, for the qualified-label search. */
  private readonly keysByLastChar = new Map<string, string[]>();
  /** Page texts repeat (table headers, list items): remember what each text matched. */
  private readonly memo = new Map<string, LabelMatch | null>();
  /** normalized key → the label folded with its spaces kept, for word-boundary checks. */
  private readonly spacedForms = new Map<string, string>();

  constructor(metrics: readonly MetricDef[] = SHOP_METRICS, site: Vocabulary = {}) {
    this.index = buildLabelIndex(metrics, site);
    for (const m of metrics) {
      for (const list of Object.values(m.labels)) {
        for (const label of list) this.spacedForms.set(normalizeLabel(label), normalizeLabel(label, true));
      }
    }
    for (const label of [...NEVER_LABELS, ...Object.keys(site)])
      this.spacedForms.set(normalizeLabel(label), normalizeLabel(label, true));
    for (const key of [...this.index.keys()].sort((a, b) => b.length - a.length)) {
      const last = key[key.length - 1]!;
      const list = this.keysByLastChar.get(last);
      if (list) list.push(key);
      else this.keysByLastChar.set(last, [key]);
    }
    this.firstChars = new Set();
    for (const key of this.index.keys()) this.firstChars.add(key[0]!);
  }

  /**
   * Cheap pre-filter for the hot path: can this trimmed text possibly be a label? Looks at every
   * character a qualified label could start a vocabulary word at, without allocating.
   */
  mayBeLabel(trimmed: string): boolean {
    if (trimmed.length === 0 || trimmed.length > MAX_LABEL_LENGTH) return false;
    const limit = Math.min(trimmed.length, 6);
    for (let i = 0; i < limit; i++) {
      const c = trimmed[i]!;
      if (this.firstChars.has(c) || this.firstChars.has(c.toLowerCase())) return true;
      // Full-width Latin letters fold to ASCII under NFKC.
      if (c >= '\uff21' && c <= '\uff5a') return true;
    }
    return false;
  }

  match(text: string): LabelMatch | null {
    // A footnote's mark after a label ("访客数 ①", "Sessions†") is no word of it.
    const trimmed = text.trim().replace(FOOTNOTE_AFTER, '');
    const known = this.memo.get(trimmed);
    if (known !== undefined) return known;
    let result = this.matchUncached(trimmed);
    const hint = result ? hintOf(trimmed) : undefined;
    if (result && hint) result = { ...result, hint };
    if (this.memo.size > 5000) this.memo.clear();
    this.memo.set(trimmed, result);
    return result;
  }

  private matchUncached(trimmed: string): LabelMatch | null {
    if (!this.mayBeLabel(trimmed)) return null;
    const key = normalizeLabel(trimmed);
    if (key.length === 0) return null;
    const exact = this.index.get(key);
    if (exact !== undefined) return { metric: exact, text: trimmed };
    for (const candidate of this.keysByLastChar.get(key[key.length - 1]!) ?? []) {
      if (candidate.length < 2 || !key.endsWith(candidate)) continue;
      const qualifier = key.slice(0, key.length - candidate.length);
      // Only words that name the whole shop qualify a label; any other (新, 直播间, Cancelled, New) names a part or another number.
      const words = qualifier.replace(/[^\p{L}\p{N}]+/gu, '');
      const foreign = FOREIGN_QUALIFIER.test(qualifier) || !SHOP_QUALIFIER.test(words);
      if (/^[a-z]/.test(candidate)) {
        // Latin labels need a word boundary before them: "Total sessions", "整体ROI", not "previews".
        const spaced = normalizeLabel(trimmed, true);
        const word = this.spacedForms.get(candidate)!;
        const before = spaced.slice(0, spaced.length - word.length);
        if (!spaced.endsWith(word) || !/(?:\s|[^\p{Script=Latin}\p{N}])$/u.test(before) || qualifier.length > 14) return null;
      } else if (qualifier.length > 4) {
        return null;
      }
      return { metric: foreign ? null : this.index.get(candidate)!, text: trimmed };
    }
    return null;
  }
}

/** Texts printed in front of a number that make it a comparison, a benchmark or a target, not a level. */
export const COMPARISON_CUE =
  /较|較|环比|環比|同比|同期|上周|上週|上月|上期|上一|前一|昨日|前日|同行|行业|行業|竞店|競店|平均|均值|优秀|優秀|目标|目標|预测|預測|vs\.?|versus|compared|previous|prior|last (?:day|week|month|year|period)|peer|industry|average|benchmark|target|goal|forecast|top peers?|from/i;

/** A cue is a short caption ("较前一日", "同行同层平均", "vs. previous day"), not a sentence that happens to say 平均. */
export function isComparisonCue(text: string): boolean {
  return text.length <= 28 && COMPARISON_CUE.test(text);
}
