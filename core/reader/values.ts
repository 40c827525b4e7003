import { metricDef, type MetricId, type MetricUnit } from '../metrics';
import { hasDigit, parseNumber, type ParsedNumber } from '../parse';
import { isComparisonCue } from './labels';
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
}

const MAX_VALUE_TEXT = 40;
const EMPTY: ReadonlySet<Text> = new Set();

export type Item = Text | Candidate;

/** The labels and number candidates of a container, in document order. */
export function scanValues(container: Element, hitNodes: ReadonlySet<Text> = EMPTY): Item[] {
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
    if (trimmed.length > MAX_VALUE_TEXT || !hasDigit(trimmed)) {
      if (!(lastElement && lastElement.contains(node))) previousText = trimmed;
      return;
    }
    if (lastElement && lastElement.contains(node)) return;
    const value = valueElement(node, container);
    if (!value) {
      previousText = trimmed;
      return;
    }
    lastElement = value.element;
    items.push({
      text: node,
      element: value.element,
      parsed: value.parsed,
      raw: value.raw,
      comparison: value.parsed.signed || (previousText !== '' && isComparisonCue(previousText)),
    });
    previousText = trimmed;
  });
  return items;
}

/**
 * The largest element around a text node whose whole text is one number: "72.31<sup>%</sup>" and
 * "<span>¥</span><span>12,345</span><span>.67</span>" read as one value.
 */
function valueElement(node: Text, container: Element): { element: Element; parsed: ParsedNumber; raw: string } | null {
  const element: Element | null = node.parentElement;
  if (!element) return null;
  let raw = node.data.trim();
  let parsed = parseNumber(raw);
  let best: { element: Element; parsed: ParsedNumber; raw: string } | null = parsed ? { element, parsed, raw } : null;
  for (let cur: Element | null = element; cur && cur !== container; cur = cur.parentElement) {
    const text = (cur.textContent ?? '').trim();
    if (text.length > MAX_VALUE_TEXT) break;
    const p = text === raw && parsed ? parsed : parseNumber(text);
    if (!p) {
      if (best) break;
      continue;
    }
    best = { element: cur, parsed: p, raw: text };
    raw = text;
    parsed = p;
  }
  return best;
}

export function choose(
  items: Item[],
  ours: number,
  metric: MetricId,
  defaultCurrency?: string,
  percentLabel = false,
): Candidate | null {
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
  const usable = (it: Item | undefined): it is Candidate =>
    !!it &&
    'parsed' in it &&
    !it.comparison &&
    acceptValue(metric, it.parsed, defaultCurrency, percentLabel) !== null &&
    isShown(it.element);

  const after = items.slice(ours + 1, nextLabel).filter(usable);
  const before = items.slice(prevLabel + 1, ours).filter(usable);
  const othersLabels = prevLabel >= 0 || nextLabel < items.length;
  let pool: Candidate[];
  if (!othersLabels) {
    pool = [...after, ...before];
  } else {
    // Pair by the list's own order: if the first item of the container is a label, values follow labels.
    const firstIsLabel = isLabel(items.find((it) => isLabel(it) || ('parsed' in it && !it.comparison)));
    pool = firstIsLabel ? (after.length ? after : []) : before.length ? before : [];
    if (pool.length === 0 && !firstIsLabel && after.length && nextLabel === items.length) pool = after;
  }
  if (pool.length === 0) return null;
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
export function acceptValue(
  metric: MetricId,
  parsed: ParsedNumber,
  defaultCurrency?: string,
  percentLabel = false,
): { value: number; currency?: string } | null {
  const unit: MetricUnit = metricDef(metric).unit;
  if (percentLabel && unit === 'rate' && parsed.kind === 'plain') {
    // The label carries the "%": "跳失率(%)" over a bare "72.31".
    parsed = { ...parsed, kind: 'percent', value: Math.round(parsed.value * 1e10) / 1e12 };
  }
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
export function valueIn(container: Element, metric: MetricId, defaultCurrency?: string, percentLabel = false): Candidate | null {
  const items = scanValues(container) as Candidate[];
  const usable = items.filter((c) => !c.comparison && acceptValue(metric, c.parsed, defaultCurrency, percentLabel) !== null);
  if (usable.length <= 1) return usable[0] ?? null;
  let best = usable[0]!;
  for (const c of usable.slice(1)) if (fontSizeOf(c.element) > fontSizeOf(best.element) + 0.5) best = c;
  return best;
}
