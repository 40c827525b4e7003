import { metricDef, type MetricId, type MetricUnit } from '../metrics';
import { hasDigit, parseNumber, type ParsedNumber } from '../parse';
import { FontGuard, hasPrivateUse } from './fonts';
import { isComparisonCue, type LabelHint } from './labels';
import { isPeriodWord, isSelected } from './period';
import { isShown, walkText } from './walk';

/**
 * Number candidates inside a container (a card, a list, a table cell) and the choice among them of
 * the one the operator reads as the value: whole numbers only ("72.31<sup>%</sup>" is one value),
 * comparisons ("较前一日 +3.2%") and hidden copies excluded, the most prominent first.
 */

export interface Candidate {
  text: Text;
  element: Element;
  parsed: ParsedNumber;
  raw: string;
  comparison: boolean;
  /** Printed right after a period's name ("今日 1,234", "近7天 8,765"): that period's number. */
  periodic?: true;
  /** A placeholder where a number goes ("--", "—", "N/A"): the card has no value now, and takes no other. */
  blank?: true;
}

/** What pages print where a number is not available. */
const PLACEHOLDER = /^(?:-{1,3}|—|–|n\/a|na|null|暂无|暫無|无数据|無數據|no data)$/i;
/** Whether a cell's or card's whole text is a placeholder where a number goes. */
export const isPlaceholder = (text: string): boolean => PLACEHOLDER.test(text);
const NOTHING: ParsedNumber = { value: NaN, kind: 'plain', signed: false, decimals: 0 };

const MAX_VALUE_TEXT = 40;
/** Separators printed between a caption and its number. */
const SEPARATOR = /^[:：|｜·/]$/;
/** A footnote's mark as printed in a superscript: "1", "[2]", "(3)". */
const FOOTNOTE_MARK = /^[[(（]?\d{1,2}[\])）]?$/;

function visible(node: Text): boolean {
  const parent = node.parentElement;
  return !parent || isShown(parent);
}
const EMPTY: ReadonlySet<Text> = new Set();

export type Item = Text | Candidate;

/** The labels and number candidates of a container, in document order. */
export function scanValues(container: Element, hitNodes: ReadonlySet<Text> = EMPTY, fonts?: FontGuard): Item[] {
  const items: Item[] = [];
  let lastElement: Element | null = null;
  let previousText = '';
  walkText(container, (node) => {
    if (hitNodes.has(node)) {
      items.push(node);
      previousText = '';
      return;
    }
    const data = node.data;
    const trimmed = data.trim();
    if (trimmed.length === 0) return;
    if (PLACEHOLDER.test(trimmed) && node.parentElement && !(lastElement && lastElement.contains(node))) {
      items.push({ text: node, element: node.parentElement, parsed: NOTHING, raw: trimmed, comparison: false, blank: true });
      previousText = trimmed;
      return;
    }
    // "Prior day: <span>65.66%</span>": a separator between a caption and its number does not hide the caption.
    if (SEPARATOR.test(trimmed)) return;
    if (trimmed.length > MAX_VALUE_TEXT || (!hasDigit(trimmed) && !hasPrivateUse(trimmed))) {
      // A hidden tooltip between a label and its number is no caption of the number.
      if (!(lastElement && lastElement.contains(node)) && (!isComparisonCue(trimmed) || visible(node))) previousText = trimmed;
      return;
    }
    if (lastElement && lastElement.contains(node)) return;
    // "访客数<sup>1</sup>": a footnote's mark right after a label's words is no number of it ("<sup>90</sup><sup>人</sup>" is one).
    const sup = node.parentElement?.tagName === 'SUP' ? node.parentElement.previousSibling?.textContent?.trim() : '';
    if (sup && FOOTNOTE_MARK.test(trimmed) && /\p{L}$/u.test(sup)) return;
    const value = valueElement(node, container, fonts);
    if (!value) {
      // "?<span hidden>较上周 12.5%</span>" in a label's tooltip is no caption of the number after it either.
      if (!isComparisonCue(trimmed) || visible(node)) previousText = trimmed;
      return;
    }
    lastElement = value.element;
    items.push({
      text: node,
      element: value.element,
      parsed: value.parsed,
      raw: value.raw,
      comparison: value.parsed.signed || (previousText !== '' && isComparisonCue(previousText)),
      ...(previousText && isPeriodWord(previousText) ? { periodic: true as const } : {}),
    });
    previousText = trimmed;
  });
  return items;
}

/**
 * The largest element around a text node whose whole text is one number: "72.31<sup>%</sup>" and
 * "<span>¥</span><span>12,345</span><span>.67</span>" read as one value.
 */
/** Unit marks printed in their own element beside a number. */
const UNIT_TOKEN =
  /^(?:[¥￥$€£₱฿₫₩₹%％]|[万萬亿億千KkMBwW]|万元|萬元|元|人|次|件|笔|筆|单|單|个|個|位|秒|s|[A-Z]{3}|(?:NT|HK|US|S|A|C|R|CN|JP)\$|RM|Rp)$/u;

/** The number inside `parent` read together with the unit marks in the siblings right around it. */
/** The decimals of a number printed in their own element: "23,539<small>.12</small>", "317.594<sup>,29</sup>", "172<b>.16秒</b>". */
const FRACTION = /^[.．,，][\d０-９]{1,3}\s*(?:[%％¥$€£元万萬秒s]|[A-Z]{3})?$/u;
/** A number whose decimals sit beside it but do not read with it: no reading rather than half a number. */
const BROKEN = 'broken';

function unitRun(
  parent: Element,
  inner: Node,
  shown: (el: Element) => string | null,
): { parsed: ParsedNumber; raw: string } | typeof BROKEN | null {
  let child: Node = inner;
  while (child.parentNode && child.parentNode !== parent) child = child.parentNode;
  if (child.parentNode !== parent) return null;
  const textOf = (n: Node) => ((n.nodeType === 1 ? shown(n as Element) : n.textContent) ?? '').trim();
  let raw = textOf(child);
  let changed = false;
  for (let k = child.previousSibling; k; k = k.previousSibling) {
    const t = textOf(k);
    if (!t) continue;
    if (!UNIT_TOKEN.test(t)) break;
    raw = t + raw;
    changed = true;
  }
  let fraction = false;
  for (let k = child.nextSibling; k; k = k.nextSibling) {
    const t = textOf(k);
    if (!t) continue;
    const decimals: boolean = !fraction && FRACTION.test(t);
    if (!decimals && !UNIT_TOKEN.test(t)) break;
    fraction ||= decimals;
    raw += t;
    changed = true;
  }
  const parsed = changed ? parseNumber(raw) : null;
  return parsed ? { parsed, raw } : fraction ? BROKEN : null;
}

function valueElement(
  node: Text,
  container: Element,
  fonts?: FontGuard,
): { element: Element; parsed: ParsedNumber; raw: string } | null {
  const element: Element | null = node.parentElement;
  if (!element) return null;
  // What the operator sees, which a scrambling font can make differ from the DOM's text.
  const shown = (el: Element) => (fonts ? fonts.shown(el) : el.textContent);
  let raw = element.childNodes.length === 1 ? (shown(element) ?? '').trim() : node.data.trim();
  if (element.childNodes.length !== 1 && fonts && fonts.shown(element) === null) return null;
  let parsed = parseNumber(raw);
  let best: { element: Element; parsed: ParsedNumber; raw: string } | null = parsed ? { element, parsed, raw } : null;
  if (best && element === container) {
    // "<td>80.65<span>万</span></td>": the number is a bare text beside its unit marks.
    const withUnits = unitRun(container, node, shown);
    if (withUnits === BROKEN) return null;
    if (withUnits) best = { element, parsed: withUnits.parsed, raw: withUnits.raw };
  }
  /** The number with the unit marks and decimals printed in their own elements beside it in `cur`. */
  const besideIn = (cur: Element): boolean => {
    if (!best) return true;
    const withUnits = unitRun(cur, best.element === cur ? node : best.element, shown);
    if (withUnits === BROKEN) return false;
    if (withUnits) best = { element: best.element, parsed: withUnits.parsed, raw: withUnits.raw };
    return true;
  };
  for (let cur: Element | null = element; cur && cur !== container; cur = cur.parentElement) {
    // A value is a short text (an odometer may spread it over a span per digit); a longer one is a
    // card or a row, and its text is no number — but the number's own decimals and unit may sit
    // beside it there ("<span>57</span><b>.76</b><div>vs previous day …</div>").
    if ((cur.textContent?.length ?? 0) > MAX_VALUE_TEXT * 2) {
      if (!besideIn(cur)) return null;
      break;
    }
    const full = shown(cur);
    if (full === null) return null;
    const text = full.trim();
    if (text.length > MAX_VALUE_TEXT) {
      if (!besideIn(cur)) return null;
      break;
    }
    const p = text === raw && parsed ? parsed : parseNumber(text);
    if (!p) {
      if (best) {
        // "¥ | 80.65 | 万 | 环比 +4.87%": the number with the unit marks beside it, without the comparison.
        if (!besideIn(cur)) return null;
        break;
      }
      continue;
    }
    best = { element: cur, parsed: p, raw: text };
    raw = text;
    parsed = p;
    if (cur.parentElement === container) {
      // The number fills its whole element up to the container (a table cell): units may sit beside it.
      const withUnits = unitRun(container, cur, shown);
      if (withUnits === BROKEN) return null;
      if (withUnits) best = { element: cur, parsed: withUnits.parsed, raw: withUnits.raw };
    }
  }
  return best;
}

/** The label's own number is a placeholder: no reading, and no looking further out for another. */
export const BLANK = 'blank';
/** Which number is the label's cannot be told (labels side by side over values that do not line up). */
export const UNSETTLED = 'unsettled';

export function choose(
  items: Item[],
  ours: number,
  metric: MetricId,
  defaultCurrency?: string,
  hint: LabelHint = {},
): Candidate | typeof BLANK | typeof UNSETTLED | null {
  const isLabel = (it: Item | undefined): it is Text => !!it && !('parsed' in it);
  // The segment of the list that belongs to our label.
  let prevLabel = -1;
  for (let i = ours - 1; i >= 0; i--)
    if (isLabel(items[i])) {
      prevLabel = i;
      break;
    }
  let nextLabel = items.length;
  for (let i = ours + 1; i < items.length; i++)
    if (isLabel(items[i])) {
      nextLabel = i;
      break;
    }
  // A grid printed as a row of labels and a row of values: the i-th label owns the i-th value.
  const slot = gridSlot(items, ours, isLabel);
  if (slot !== undefined) {
    if (slot === null) return UNSETTLED;
    if ('blank' in slot) return BLANK;
    return acceptValue(metric, slot.parsed, defaultCurrency, hint) !== null && isShown(slot.element) ? slot : null;
  }
  const usable = (it: Item | undefined): it is Candidate =>
    !!it &&
    'parsed' in it &&
    !it.comparison &&
    acceptValue(metric, it.parsed, defaultCurrency, hint) !== null &&
    isShown(it.element);

  // "今日 1,234 · 昨日 1,100 · 近7天 8,765" under one label: the selected period's number, or none.
  const periods = items.slice(prevLabel + 1, nextLabel).filter((it): it is Candidate => 'periodic' in it);
  if (periods.length >= 2) {
    const chosen = periods.filter((c) => isSelected(c.element));
    return chosen.length === 1 && usable({ ...chosen[0]!, comparison: false }) ? chosen[0]! : UNSETTLED;
  }
  const after = items.slice(ours + 1, nextLabel).filter(usable);
  const before = items.slice(prevLabel + 1, ours).filter(usable);
  const othersLabels = prevLabel >= 0 || nextLabel < items.length;
  const blank = (from: number, to: number) => items.slice(from, to).some((it) => 'blank' in it);
  let pool: Candidate[];
  let blanked: boolean;
  if (!othersLabels) {
    pool = [...after, ...before];
    blanked = blank(0, items.length);
  } else {
    // Pair by the list's own order: if the first item of the container is a label, values follow labels.
    const firstIsLabel = isLabel(items.find((it) => isLabel(it) || ('parsed' in it && !it.comparison)));
    pool = firstIsLabel ? (after.length ? after : []) : before.length ? before : [];
    blanked = firstIsLabel ? blank(ours + 1, nextLabel) : blank(prevLabel + 1, ours);
    if (pool.length === 0 && !firstIsLabel && after.length && nextLabel === items.length) pool = after;
  }
  if (pool.length === 0) return blanked ? BLANK : null;
  if (pool.length === 1) return pool[0]!;
  // The number the operator reads as "the value" is the biggest one; ties go to the nearest after the label.
  let best = pool[0]!;
  let bestSize = fontSizeOf(best.element);
  for (const c of pool.slice(1)) {
    const size = fontSizeOf(c.element);
    if (size > bestSize + 0.5) {
      best = c;
      bestSize = size;
    }
  }
  return best;
}

/**
 * The value a label owns when the container prints its labels in one run and its values in the next
 * (or values first): the same count on both sides, paired by position. Null when labels stand side by
 * side over a number of values that does not line up; undefined when the label stands alone.
 */
function gridSlot(items: Item[], ours: number, isLabel: (it: Item | undefined) => it is Text): Candidate | null | undefined {
  // A label that shares its element with the number after it ("Goal <span>1,444</span>") is a pair of its own, no column of a row.
  const inLine = (i: number): boolean => {
    const next = items[i + 1];
    const el = (items[i] as Text).parentElement;
    return !!el && !!next && 'parsed' in next && el.contains(next.element);
  };
  if (inLine(ours)) return undefined;
  let a = ours;
  let b = ours;
  while (isLabel(items[a - 1]) && !inLine(a - 1)) a--;
  while (isLabel(items[b + 1]) && !inLine(b + 1)) b++;
  const n = b - a + 1;
  if (n < 2) return undefined;
  const run = (from: number, step: number) => {
    const out: Candidate[] = [];
    for (let i = from; i >= 0 && i < items.length && !isLabel(items[i]); i += step) {
      const it = items[i] as Candidate;
      if (!it.comparison) out.push(it);
    }
    return step > 0 ? out : out.reverse();
  };
  const after = run(b + 1, 1);
  if (after.length === n) return after[ours - a];
  const before = run(a - 1, -1);
  if (before.length === n) return before[ours - a];
  // Labels side by side with a number of values that does not line up (a label the vocabulary does
  // not know, a look-alike, a placeholder among them): the grid's own cells may still pair them.
  if (!after.length && !before.length) return undefined;
  return cellSlot(items, items[ours] as Text) ?? null;
}

/** How far above a label its grid's cell list is looked for. */
const MAX_GRID_CLIMB = 4;

/**
 * A flat grid whose cells are all its labels, then all its values (or values first): 2k sibling cells,
 * one half holding no number and the other exactly one number (or a placeholder) per cell. The label
 * in cell i owns the value in cell i ± k, whatever the words of the other labels are. Undefined when
 * the label sits in no such grid.
 */
function cellSlot(items: Item[], label: Text): Candidate | undefined {
  let cell: Element | null = label.parentElement;
  for (let climb = 0; cell && climb < MAX_GRID_CLIMB; climb++, cell = cell.parentElement) {
    const grid = cell.parentElement;
    if (!grid) return undefined;
    const cells = grid.children;
    const k = cells.length / 2;
    if (!Number.isInteger(k) || k < 2) continue;
    const at = Array.prototype.indexOf.call(cells, cell) as number;
    const labelsFirst = at < k;
    const numbers = (el: Element) => {
      const inside: Candidate[] = [];
      for (const it of items) if ('parsed' in it && !it.comparison && el.contains(it.element)) inside.push(it);
      return inside;
    };
    let fits = true;
    let owned: Candidate | undefined;
    for (let i = 0; i < k && fits; i++) {
      const labelCell = cells[labelsFirst ? i : k + i]!;
      const valueCell = cells[labelsFirst ? k + i : i]!;
      const found = numbers(valueCell);
      fits =
        numbers(labelCell).length === 0 && found.length === 1 && !items.some((it) => !('parsed' in it) && valueCell.contains(it));
      if (fits && labelCell === cell) owned = found[0];
    }
    if (fits) return owned;
  }
  return undefined;
}

/** The largest type inside a value element ("72.31" is big, its "%" small). */
export function fontSizeOf(el: Element): number {
  const view = el.ownerDocument.defaultView;
  if (!view) return 0;
  let max = 0;
  const consider = (e: Element) => {
    const size = parseFloat(view.getComputedStyle(e).fontSize);
    if (Number.isFinite(size) && size > max) max = size;
  };
  consider(el);
  const inner = el.children;
  for (let i = 0; i < inner.length && i < 8; i++) consider(inner[i]!);
  return max;
}

/** Whether a parsed number can be this metric's value, and the value as stored. */
/** Dollars: a bare "$" on a page of a dollar market is that market's dollar, not necessarily USD. */
const DOLLARS = new Set(['USD', 'TWD', 'SGD', 'HKD', 'AUD', 'CAD', 'NZD', 'MXN']);
/** Markets whose pages group thousands with dots (their decimal mark is a comma). */
const DOT_GROUPS = /^(?:IDR|VND|BRL)$/;

export function acceptValue(
  metric: MetricId,
  parsed: ParsedNumber,
  defaultCurrency?: string,
  hint: LabelHint = {},
): { value: number; currency?: string } | null {
  const unit: MetricUnit = metricDef(metric).unit;
  if (hint.percent && unit === 'rate' && parsed.kind === 'plain') {
    // The label carries the "%": "跳失率(%)" over a bare "72.31".
    parsed = { ...parsed, kind: 'percent', value: Math.round(parsed.value * 1e10) / 1e12 };
  }
  if (
    hint.scale &&
    !parsed.scaled &&
    (parsed.kind === 'plain' || parsed.kind === 'money') &&
    unit !== 'rate' &&
    unit !== 'ratio'
  ) {
    // The label carries the magnitude: "访客数(万)" over "4.86".
    parsed = { ...parsed, value: Math.round(parsed.value * hint.scale * 100) / 100, scaled: true };
  }
  if (hint.seconds && unit === 'duration' && parsed.kind === 'plain') {
    // The label carries the time unit: "平均停留时长(秒)" over "85.34", "(分钟)" over "3.5".
    parsed = { ...parsed, kind: 'duration', value: Math.round(parsed.value * hint.seconds * 100) / 100 };
  }
  if (hint.currency && unit === 'money' && parsed.kind === 'plain') {
    // The label carries the currency: "成交金额(元)", "Sales (USD)", "Revenue ($)" over a bare number.
    parsed =
      hint.currency === '$'
        ? { ...parsed, kind: 'money', currency: 'USD', bareDollar: true }
        : { ...parsed, kind: 'money', currency: hint.currency };
  }
  if (parsed.bareDollar && defaultCurrency && DOLLARS.has(defaultCurrency)) parsed = { ...parsed, currency: defaultCurrency };
  if (
    (unit === 'count' || unit === 'money') &&
    DOT_GROUPS.test(parsed.currency ?? defaultCurrency ?? '') &&
    parsed.decimals === 3 &&
    parsed.value >= 1 &&
    !parsed.scaled
  )
    // "Rp197.949", "12.345" visitors on a market that groups with dots: one group of thousands, not three decimals.
    parsed = { ...parsed, value: Math.round(parsed.value * 1000), decimals: 0 };
  const v = parsed.value;
  if (!Number.isFinite(v) || parsed.signed) return null;
  switch (unit) {
    case 'rate':
      return parsed.kind === 'percent' && v >= 0 && v <= 1 ? { value: v } : null;
    case 'ratio':
      return parsed.kind === 'plain' && v >= 0 && v < 1000 ? { value: v } : null;
    case 'count':
      return parsed.kind === 'plain' && v >= 0 && Number.isInteger(v) ? { value: v } : null;
    case 'duration':
      return parsed.kind === 'duration' && v >= 0 ? { value: v } : null;
    case 'money': {
      if (v < 0 || (parsed.kind !== 'money' && parsed.kind !== 'plain')) return null;
      const currency = parsed.currency ?? defaultCurrency;
      return currency ? { value: v, currency } : { value: v };
    }
  }
}

/** The value of one metric inside a container that holds no label (a table cell). */
export function valueIn(
  container: Element,
  metric: MetricId,
  defaultCurrency?: string,
  hint: LabelHint = {},
  fonts?: FontGuard,
): Candidate | null {
  const items = scanValues(container, EMPTY, fonts) as Candidate[];
  const usable = items.filter((c) => !c.comparison && acceptValue(metric, c.parsed, defaultCurrency, hint) !== null);
  if (usable.length <= 1) return usable[0] ?? null;
  let best = usable[0]!;
  for (const c of usable.slice(1)) if (fontSizeOf(c.element) > fontSizeOf(best.element) + 0.5) best = c;
  return best;
}
