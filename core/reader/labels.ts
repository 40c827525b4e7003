import { buildLabelIndex, METRICS, normalizeLabel, type MetricDef, type MetricId } from '../metrics';

/**
 * Recognises metric labels in short texts. Exact vocabulary matches first; then a label with a short
 * qualifier in front ("全店访客数", "Total sessions"), unless the qualifier marks someone else's number
 * (peer, industry, average, previous period), which is a comparison, not the shop's own value.
 */

/** Qualifiers that turn a metric label into a comparison or a benchmark. */
const FOREIGN_QUALIFIER =
  /同行|行业|竞|平均|均值|较|上周|上月|上期|前一|昨日|同期|环比|同比|目标|预测|优秀|peer|industry|avg|average|benchmark|previous|prior|last|target|forecast|top/i;

/** Longest label text worth looking at; metric labels are short. */
export const MAX_LABEL_LENGTH = 32;

export interface LabelMatch {
  metric: MetricId;
  /** The label as printed (trimmed). */
  text: string;
  /** The unit the label names, so its value may be printed bare: "跳失率(%)" over "72.31", "访客数(万)" over "4.86". */
  hint?: LabelHint;
}

export interface LabelHint {
  percent?: true;
  /** Multiply a bare number by this: (万) 10⁴, (亿) 10⁸, (千)/(K) 10³, (M) 10⁶. */
  scale?: number;
}

const PERCENT_IN_LABEL = /[(（]\s*[%％]\s*[)）]|[%％]\s*[:：]?$/;
const SCALE_IN_LABEL = /[(（（]\s*(万|萬|w|W|亿|億|千|K|k|M)\s*(?:元|人|次|件|单|單)?\s*[)）]\s*[:：]?$/;
const SCALES: Readonly<Record<string, number>> = {
  万: 1e4,
  萬: 1e4,
  w: 1e4,
  W: 1e4,
  亿: 1e8,
  億: 1e8,
  千: 1e3,
  K: 1e3,
  k: 1e3,
  M: 1e6,
};

function hintOf(label: string): LabelHint | undefined {
  if (PERCENT_IN_LABEL.test(label)) return { percent: true };
  const scale = SCALE_IN_LABEL.exec(label)?.[1];
  return scale ? { scale: SCALES[scale]! } : undefined;
}

export class LabelMatcher {
  private readonly index: Map<string, MetricId>;
  private readonly firstChars: Set<string>;
  /** Vocabulary keys by their last character, longest first, for the qualified-label search. */
  private readonly keysByLastChar = new Map<string, string[]>();
  /** Page texts repeat (table headers, list items): remember what each text matched. */
  private readonly memo = new Map<string, LabelMatch | null>();
  /** normalized key → the label folded with its spaces kept, for word-boundary checks. */
  private readonly spacedForms = new Map<string, string>();

  constructor(metrics: readonly MetricDef[] = METRICS, extra: Readonly<Record<string, MetricId>> = {}) {
    this.index = buildLabelIndex(metrics);
    for (const [label, id] of Object.entries(extra)) this.index.set(normalizeLabel(label), id);
    for (const m of metrics) {
      for (const list of Object.values(m.labels)) {
        for (const label of list) this.spacedForms.set(normalizeLabel(label), normalizeLabel(label, true));
      }
    }
    for (const label of Object.keys(extra)) this.spacedForms.set(normalizeLabel(label), normalizeLabel(label, true));
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
    const trimmed = text.trim();
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
    if (exact) return { metric: exact, text: trimmed };
    for (const candidate of this.keysByLastChar.get(key[key.length - 1]!) ?? []) {
      if (candidate.length < 2 || !key.endsWith(candidate)) continue;
      const qualifier = key.slice(0, key.length - candidate.length);
      if (FOREIGN_QUALIFIER.test(qualifier)) return null;
      if (/^[a-z]/.test(candidate)) {
        // Latin labels need a word boundary before them: "Total sessions", not "previews".
        const spaced = normalizeLabel(trimmed, true);
        const word = this.spacedForms.get(candidate)!;
        if (!spaced.endsWith(' ' + word) || qualifier.length > 14) return null;
      } else if (qualifier.length > 4) {
        return null;
      }
      return { metric: this.index.get(candidate)!, text: trimmed };
    }
    return null;
  }
}

/** Texts printed in front of a number that make it a comparison, a benchmark or a target, not a level. */
export const COMPARISON_CUE =
  /较|环比|同比|同期|上周|上月|上期|前一|昨日|前日|同行|行业|竞店|平均|均值|优秀|目标|预测|vs\.?|versus|compared|previous|prior|last (?:day|week|month|year|period)|peer|industry|average|benchmark|target|forecast|from/i;

/** A cue is a short caption ("较前一日", "同行同层平均", "vs. previous day"), not a sentence that happens to say 平均. */
export function isComparisonCue(text: string): boolean {
  return text.length <= 28 && COMPARISON_CUE.test(text);
}
