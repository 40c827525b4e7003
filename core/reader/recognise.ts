import { metricDef, type MetricId, type MetricUnit } from '../metrics';
import { hasDigit, parseNumber, type ParsedNumber } from '../parse';
import type { Breakdown, ObservedValue } from '../types';
import { isComparisonCue, LabelMatcher } from './labels';
import { readTableColumn } from './table';
import { isShown, locatorOf, parentElementAcrossShadow, walkText, type WalkOptions } from './walk';

/**
 * The generic label → value recogniser. It finds metric labels from the catalogue anywhere on the page
 * and, for each, the number the operator reads as that metric's value: in the same card (above, below,
 * beside or inside the label), in the same table column, or right after the label in a flat list.
 * Comparison numbers (较前一日, vs last week, peer averages), tooltips, hidden copies and chart text
 * are not values.
 */

export interface Found {
  observed: ObservedValue;
  /** The element that shows the value; badges anchor to it. */
  element: Element;
  /** The element that shows the label. */
  labelElement: Element;
  /** True when read from a table column rather than a card or list. */
  fromTable: boolean;
  fontSize: number;
}

export interface RecogniseOptions extends WalkOptions {
  matcher?: LabelMatcher;
  /** Currency for money values printed without a marker (sycm prints 支付金额 as a bare number). */
  defaultCurrency?: string;
  adapter?: string;
}

interface LabelHit {
  metric: MetricId;
  text: string;
  node: Text;
  element: Element;
  /** Set when label and value share one text node ("跳失率：72.31%"). */
  inline?: ParsedNumber;
}

interface Candidate {
  text: Text;
  element: Element;
  parsed: ParsedNumber;
  raw: string;
  comparison: boolean;
}

const CONTROL_SELECTOR =
  'a[href],button,nav,select,option,[role="tab"],[role="menuitem"],[role="navigation"],[role="option"],[role="button"],[role="link"]';
const MAX_CLIMB = 6;
const MAX_CONTAINER_ELEMENTS = 800;
const MAX_VALUE_TEXT = 40;
const INLINE_PAIR = /^(.{1,24}?)\s*[:：]?\s*([-+−↑↓▲▼]?\s*(?:[A-Za-z]{0,3}[$¥￥€£₱฿₫]|RM|Rp|NT\$)?\s*[\d０-９][^:：]{0,24})$/u;

let defaultMatcher: LabelMatcher | undefined;

export function recognise(root: ParentNode = document, options: RecogniseOptions = {}): Found[] {
  const matcher = options.matcher ?? (defaultMatcher ??= new LabelMatcher());
  const hits = collectLabels(root, matcher, options);
  const hitNodes = new Set(hits.map((h) => h.node));
  const found: Found[] = [];
  for (const hit of hits) {
    if (hit.inline) {
      const value = acceptValue(hit.metric, hit.inline, options.defaultCurrency);
      if (value) found.push(make(hit, hit.element, hit.inline, hit.node.data.trim(), value, false, options));
      continue;
    }
    const header = hit.element.closest('th,[role="columnheader"]');
    if (header) {
      for (const cell of readTableColumn(header, hit.element)) {
        const value = acceptValue(hit.metric, cell.parsed, options.defaultCurrency);
        if (!value) continue;
        found.push(make(hit, cell.element, cell.parsed, cell.raw, value, true, options, cell.breakdown));
      }
      continue;
    }
    const candidate = findValue(hit, hitNodes, options.defaultCurrency);
    if (candidate) {
      const value = acceptValue(hit.metric, candidate.parsed, options.defaultCurrency)!;
      found.push(make(hit, candidate.element, candidate.parsed, candidate.raw, value, false, options));
    }
  }
  return pickOnePerSeries(found);
}

function make(
  hit: LabelHit,
  element: Element,
  parsed: ParsedNumber,
  raw: string,
  value: { value: number; currency?: string },
  fromTable: boolean,
  options: RecogniseOptions,
  breakdown?: Breakdown,
): Found {
  const observed: ObservedValue = {
    metric: hit.metric,
    value: value.value,
    source: {
      reader: 'generic',
      ...(options.adapter ? { adapter: options.adapter } : {}),
      locator: locatorOf(element),
      label: clip(hit.text),
      raw: clip(raw),
    },
  };
  if (value.currency) observed.currency = value.currency;
  if (breakdown) observed.breakdown = breakdown;
  void parsed;
  return { observed, element, labelElement: hit.element, fromTable, fontSize: fontSizeOf(element) };
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** One pass over the page's text: every visible label, with comparison qualifiers ruled out. */
function collectLabels(root: ParentNode, matcher: LabelMatcher, options: WalkOptions): LabelHit[] {
  const hits: LabelHit[] = [];
  let previous: Text | null = null;
  walkText(
    root as Node,
    (node) => {
      const data = node.data;
      if (data.length > 64) {
        previous = node;
        return;
      }
      const trimmed = data.trim();
      if (trimmed.length === 0) return;
      const prev = previous;
      previous = node;
      if (!matcher.mayBeLabel(trimmed)) return;
      const element = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host;
      if (!element) return;
      let match = matcher.match(trimmed);
      let inline: ParsedNumber | undefined;
      if (!match && hasDigit(trimmed)) {
        const pair = INLINE_PAIR.exec(trimmed);
        if (pair) {
          match = matcher.match(pair[1]!);
          const parsed = match ? parseNumber(pair[2]!) : null;
          if (parsed && !parsed.signed) inline = parsed;
          else match = null;
        }
      }
      if (!match) return;
      if (element.closest(CONTROL_SELECTOR)) return;
      if (prev && isComparisonCue(prev.data.trim()) && near(prev, element)) return;
      if (!isShown(element)) return;
      hits.push({ metric: match.metric, text: match.text, node, element, ...(inline ? { inline } : {}) });
    },
    options,
  );
  return hits;
}

/**
 * A qualifier ("同行平均", "Industry avg") counts for a label only when it is a few words without
 * numbers sitting right beside the label, in the same small group; a comparison line of the card
 * before ("vs. 40.1% last week") is not a qualifier of the next card's label.
 */
function near(qualifier: Text, labelElement: Element): boolean {
  const text = qualifier.data.trim();
  if (text.length > 12 || hasDigit(text)) return false;
  let group: Element | null = labelElement.parentElement;
  if (group && group.childElementCount === 1 && group.firstElementChild === labelElement) group = group.parentElement;
  return !!group && group.contains(qualifier);
}

/**
 * Climbs from the label to ever larger containers until one holds a number that can be this
 * metric's value. Where a container holds several labels (a flat list), a value belongs to the
 * label it is paired with by the list's own order (label-then-value or value-then-label).
 */
function findValue(hit: LabelHit, hitNodes: Set<Text>, defaultCurrency?: string): Candidate | null {
  let container: Element | null = hit.element;
  for (let depth = 0; container && depth <= MAX_CLIMB; depth++) {
    if (container.tagName === 'BODY' || container.tagName === 'HTML') return null;
    if (depth > 0 && container.getElementsByTagName('*').length > MAX_CONTAINER_ELEMENTS) return null;
    const items = scan(container, hitNodes);
    const ours = items.findIndex((it) => it === hit.node);
    if (ours >= 0) {
      const chosen = choose(items, ours, hit.metric, defaultCurrency);
      if (chosen) return chosen;
    }
    container = parentElementAcrossShadow(container);
  }
  return null;
}

type Item = Text | Candidate;

/** The labels and number candidates of a container, in document order. */
function scan(container: Element, hitNodes: Set<Text>): Item[] {
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

function choose(items: Item[], ours: number, metric: MetricId, defaultCurrency?: string): Candidate | null {
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
    !!it && 'parsed' in it && !it.comparison && acceptValue(metric, it.parsed, defaultCurrency) !== null && isShown(it.element);

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
function fontSizeOf(el: Element): number {
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
): { value: number; currency?: string } | null {
  const unit: MetricUnit = metricDef(metric).unit;
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

/** One value per metric and breakdown: cards before table totals, then the most prominent, then the first. */
function pickOnePerSeries(found: Found[]): Found[] {
  const best = new Map<string, Found>();
  for (const f of found) {
    const key = `${f.observed.metric}|${f.observed.breakdown?.dimension ?? ''}|${f.observed.breakdown?.key ?? ''}`;
    const current = best.get(key);
    if (!current || better(f, current)) best.set(key, f);
  }
  return [...best.values()];
}

function better(a: Found, b: Found): boolean {
  if (a.fromTable !== b.fromTable) return !a.fromTable;
  return a.fontSize > b.fontSize + 0.5;
}
