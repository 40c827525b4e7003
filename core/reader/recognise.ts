import type { MetricId } from '../metrics';
import { hasDigit, parseNumber, type ParsedNumber } from '../parse';
import type { Breakdown, ObservedValue } from '../types';
import { valueKey } from '../keys';
import type { PageMemo } from './memo';
import { isComparisonCue, LabelMatcher, type LabelHint } from './labels';
import { elementOf, isContent, precedingText, runToEnd, scanSteps, type PageScan } from './scan';
import { phrasesIn, phraseValue, sentenceOf } from './sentence';
import { acrossRow, pairedValue, readTableColumnSteps, type ColumnCell, type TableCache } from './table';
import { FontGuard } from './fonts';
import { acceptValue, BLANK, choose, fontSizeOf, UNSETTLED, scanValues, type Candidate, type Item } from './values';
import { closestAcross, deepText, isShown, locatorOf, parentElementAcrossShadow } from './walk';

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
  /** How many levels above its label the value was found: a card's own number is close by. */
  depth: number;
}

export interface RecogniseOptions {
  /** The page's text pass, when the caller already made it (adapters share one across readers). */
  scan?: PageScan;
  /** Reads digits as drawn where a page font relabels them; counts the numbers it cannot read. */
  fonts?: FontGuard;
  matcher?: LabelMatcher;
  /** Currency for money values printed without a marker (sycm prints 支付金额 as a bare number). */
  defaultCurrency?: string;
  adapter?: string;
  /** The page's own day (its period's last): dates printed without a year are read as the latest not after it. */
  anchor?: string;
  /** Filled with the metrics whose label is on the page but whose number could not be told apart: nothing is stored for them. */
  unsettled?: Set<MetricId>;
  /** A page session's memo: whether the page has table headers at all is asked once, not per label. */
  memo?: PageMemo;
}

interface LabelHit {
  /** null: a look-alike's label, kept so that no neighbouring label takes its number. */
  metric: MetricId | null;
  text: string;
  hint?: LabelHint;
  node: Text;
  element: Element;
  /** Set when label and value share one text node ("跳失率：72.31%"). */
  inline?: ParsedNumber;
  /** A quantity phrase of a longer text ("1,234 visits, 567 unique visitors"; "Sales and traffic"). */
  phrase?: true;
}

type OwnHit = LabelHit & { metric: MetricId };

/** A table's column header: a label in one reads the column's cells. */
const HEADER = 'th,[role="columnheader"]';
/** Labels inside these are navigation and form controls, not captions of a number. (Tabs and buttons can be metric tiles.) */
const CONTROL_SELECTOR = 'a[href],nav,select,option,[role="menuitem"],[role="navigation"],[role="option"],[role="link"]';
const MAX_CLIMB = 6;
const MAX_CONTAINER_ELEMENTS = 800;
/** Cards are read for at most this many label occurrences of one metric; the most prominent wins. */
const MAX_HITS_PER_METRIC = 4;
/** Words that look like a label but have no value beside them (prose, menus) stop costing after this many. */
const MAX_MISSES_PER_METRIC = 40;
const INLINE_PAIR = /^(.{1,24}?)\s*[:：]?\s*([-+−↑↓▲▼]?\s*(?:[A-Za-z]{0,3}[$¥￥€£₱฿₫]|RM|Rp|NT\$)?\s*[\d０-９][^:：]{0,24})$/u;

/** A currency mark ending a label's text, its number in the next element. */
const CURRENCY_END = /\s*(?:[A-Z]{1,2}\$|RM|Rp|[$¥￥€£₱฿₫₩₹])$/u;
/** Marks before a label's first word in its text: the end of the previous number or phrase. */
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;

let defaultMatcher: LabelMatcher | undefined;

export function recognise(root: ParentNode = document, options: RecogniseOptions = {}): Found[] {
  return runToEnd(recogniseSteps(root, options));
}

/** Label hits whose card, column or sentence is read before a resumable read may pause. */
const STEP_HITS = 1;
/** Label candidates matched against the vocabulary before a resumable read may pause. */
const STEP_CANDIDATES = 32;

/**
 * The same read as `recognise`, resumable: it pauses between label candidates and between label hits,
 * so a caller can give the page the main thread (core/content/slices.ts). Each hit's work is the same
 * whether or not the read paused before it: run to the end on a page that did not change meanwhile, it
 * finds exactly what `recognise` finds.
 */
export function* recogniseSteps(root: ParentNode = document, options: RecogniseOptions = {}): Generator<void, Found[]> {
  const matcher = options.matcher ?? (defaultMatcher ??= new LabelMatcher());
  const scan = options.scan ?? (yield* scanSteps(root as Document | Element));
  const fonts = options.fonts ?? new FontGuard((root as Node).ownerDocument ?? (root as Document));
  const hits = yield* collectLabels(scan.labels, matcher);
  const hitNodes = new Set(hits.map((h) => h.node));
  const labelTexts = new Map<Text, string[]>();
  for (const h of hits) labelTexts.set(h.node, [...(labelTexts.get(h.node) ?? []), h.text]);
  const state: HitState = {
    options,
    matcher,
    fonts,
    hitNodes,
    labelTexts,
    found: [],
    cardsPerMetric: new Map(),
    missesPerMetric: new Map(),
    tables: new Map(),
    scans: new Map(),
    // No header cell in any tree read: no label needs the climb to look for one.
    headers: !options.memo || scan.roots.some((r) => options.memo!.query(r, HEADER).length > 0),
  };
  const own = hits.filter((h): h is OwnHit => !!h.metric);
  for (let from = 0; from < own.length;) {
    if (from > 0) yield;
    const read = readHits(own, from, Math.min(own.length, from + STEP_HITS), state);
    // A table column pauses between its rows; the hits after its header wait for it.
    if (read.column) yield* read.column;
    from = read.next;
  }
  yield;
  return pickOnePerSeries(state.found);
}

/** What the label hits of one read share as they are read. */
interface HitState {
  options: RecogniseOptions;
  matcher: LabelMatcher;
  fonts: FontGuard;
  hitNodes: Set<Text>;
  labelTexts: Map<Text, string[]>;
  found: Found[];
  cardsPerMetric: Map<MetricId, number>;
  missesPerMetric: Map<MetricId, number>;
  tables: TableCache;
  /** Labels of one card or list share their containers: each container is scanned once per read. */
  scans: Map<Element, { items: Item[]; unreadable: boolean }>;
  /** Whether the page may have table header cells. */
  headers: boolean;
}

/**
 * Reads hits[from, to): each one's number in its card, table column or sentence (a plain loop: the hot
 * part stays out of the generator). It stops after a table header's hit: `column` reads that column,
 * resumably, and `next` is the hit after it.
 */
function readHits(
  hits: readonly OwnHit[],
  from: number,
  to: number,
  state: HitState,
): { next: number; column?: Generator<void, void> } {
  const { options, matcher, fonts, hitNodes, labelTexts, found, cardsPerMetric, missesPerMetric, scans, headers } = state;
  for (let k = from; k < to; k++) {
    const hit = hits[k]!;
    const metric = hit.metric;
    const header = headers ? closestAcross(hit.element, HEADER) : null;
    if (!header && (cardsPerMetric.get(metric) ?? 0) >= MAX_HITS_PER_METRIC) continue;
    if (!header && (missesPerMetric.get(metric) ?? 0) >= MAX_MISSES_PER_METRIC) continue;
    if (!isLabelInPlace(hit, matcher)) continue;
    if (hit.inline) {
      const value = acceptValue(metric, hit.inline, options.defaultCurrency, hit.hint);
      if (value) {
        found.push(make(hit, hit.element, hit.node.data.trim(), value, false, options));
        cardsPerMetric.set(metric, (cardsPerMetric.get(metric) ?? 0) + 1);
      }
      continue;
    }
    const pair = header ? pairedValue(header, metric, options.defaultCurrency, hit.hint, fonts) : undefined;
    if (pair)
      found.push(
        make(hit, pair.element, pair.raw, acceptValue(metric, pair.parsed, options.defaultCurrency, hit.hint)!, false, options),
      );
    if (pair !== undefined) continue;
    if (header) return { next: k + 1, column: readColumn(hit, header, state) };
    // A row across a header of days or periods (a header row is of header cells: none on the page, no such row).
    const across = headers ? acrossRow(hit.element, metric, options.defaultCurrency, hit.hint, fonts, options.anchor) : undefined;
    if (across) {
      foundInTable(hit, across, state);
      continue;
    }
    const sentence = sentenceOf(hit, labelTexts);
    if (sentence) {
      // A line of prose: the number of the label's own phrase, or none (never a neighbour's).
      const phrase = phraseValue(sentence);
      const value = phrase && acceptValue(metric, phrase.parsed, options.defaultCurrency, hit.hint);
      if (phrase && value) found.push(make(hit, phrase.element, phrase.raw, value, false, options));
      continue;
    }
    // A phrase of a text that is no line of numbers ("Sales and traffic", a heading) is no card's label.
    if (hit.phrase) continue;
    const candidate = findValue(hit, hitNodes, fonts, scans, options.defaultCurrency, options.unsettled);
    if (!candidate) missesPerMetric.set(metric, (missesPerMetric.get(metric) ?? 0) + 1);
    if (candidate) {
      cardsPerMetric.set(metric, (cardsPerMetric.get(metric) ?? 0) + 1);
      const value = acceptValue(metric, candidate.parsed, options.defaultCurrency, hit.hint)!;
      found.push(make(hit, candidate.element, candidate.raw, value, false, options, undefined, undefined, candidate.depth));
    }
  }
  return { next: to };
}

/** A header hit's column, every row a value with its row's name (or its day, or the shop's total). */
function* readColumn(hit: OwnHit, header: Element, state: HitState): Generator<void, void> {
  const { options, fonts, tables } = state;
  const cells = yield* readTableColumnSteps(header, hit.metric, options.defaultCurrency, tables, hit.hint, fonts, options.anchor);
  foundInTable(hit, cells, state);
}

/** A table's cells read for a hit, each a value of its own row's name, day or period. */
function foundInTable(hit: OwnHit, cells: readonly ColumnCell[], { options, found }: HitState): void {
  for (const cell of cells) {
    const value = acceptValue(hit.metric, cell.parsed, options.defaultCurrency, hit.hint)!;
    const f = make(hit, cell.element, cell.raw, value, true, options, cell.breakdown, cell.locator);
    if (cell.period) f.observed.period = cell.period;
    found.push(f);
  }
}

function make(
  hit: OwnHit,
  element: Element,
  raw: string,
  value: { value: number; currency?: string },
  fromTable: boolean,
  options: RecogniseOptions,
  breakdown?: Breakdown,
  locator?: string,
  depth = 0,
): Found {
  const observed: ObservedValue = {
    metric: hit.metric,
    value: value.value,
    source: {
      reader: 'generic',
      ...(options.adapter ? { adapter: options.adapter } : {}),
      locator: locator ?? locatorOf(element),
      label: clip(hit.text),
      raw: clip(raw),
    },
  };
  if (value.currency) observed.currency = value.currency;
  if (breakdown) observed.breakdown = breakdown;
  // Only cards compete on prominence; table cells are told apart by their row.
  return { observed, element, labelElement: hit.element, fromTable, fontSize: fromTable ? 0 : fontSizeOf(element), depth };
}

function clip(text: string): string {
  const t = /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** The label candidates of the text pass whose text is a metric label (cheap: text only, no layout). */
function firstDigitAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return i;
  }
  return -1;
}

/** Whether the number a text ends in goes on in the text right after it ("1" then ".60", "37,740" then ".74元"). */
function runsOn(node: Text): boolean {
  const last = node.data.charCodeAt(node.data.length - 1);
  if (!((last >= 0x30 && last <= 0x39) || (last >= 0xff10 && last <= 0xff19))) return false;
  let at: Node = node;
  for (let up = 0; !at.nextSibling && at.parentNode && up < 3; up++) at = at.parentNode;
  return /^[\d０-９.．%％万萬亿億]/.test(leadingText(at.nextSibling));
}

/**
 * The start of a node's `textContent` without building it: its first non-empty text. A label's next
 * sibling may be a table of thousands of cells, whose whole text cost 30–90 ms at 4× slowed CPU a read.
 */
function leadingText(node: Node | null): string {
  if (!node) return '';
  if (node.nodeType !== 1 && node.nodeType !== 11) return node.textContent ?? '';
  // Most elements start with their text: down the first children before a walk.
  let first = node.firstChild;
  while (first && first.nodeType === 1) first = first.firstChild;
  if (first && first.nodeType === 3 && (first as Text).data) return (first as Text).data;
  const w = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* SHOW_TEXT */);
  for (let t = w.nextNode(); t; t = w.nextNode()) if ((t as Text).data) return (t as Text).data;
  return '';
}

function* collectLabels(candidates: readonly Text[], matcher: LabelMatcher): Generator<void, LabelHit[]> {
  const hits: LabelHit[] = [];
  for (let from = 0; from < candidates.length; from += STEP_CANDIDATES) {
    if (from > 0) yield;
    collectSome(candidates, from, Math.min(candidates.length, from + STEP_CANDIDATES), matcher, hits);
  }
  return hits;
}

/** What one text gave as label hits, for the text and the element it had then. */
interface Matched {
  data: string;
  parent: Node | null;
  /** Whether its last number went on in the next element; null when its hits do not depend on that. */
  cut: boolean | null;
  element: Element;
  hits: LabelHit[];
}

/**
 * Per matcher, each text's hits: a later read of a page looks again only at the texts that changed (or
 * moved to another element). What a text gives depends on its text, its element and the matcher alone.
 */
const matchedTexts = new WeakMap<LabelMatcher, WeakMap<Text, Matched>>();

/** The label hits of candidates[from, to) (a plain loop: the hot part stays out of the generator). */
function collectSome(candidates: readonly Text[], from: number, to: number, matcher: LabelMatcher, hits: LabelHit[]): void {
  let seen = matchedTexts.get(matcher);
  if (!seen) matchedTexts.set(matcher, (seen = new WeakMap()));
  for (let k = from; k < to; k++) {
    const node = candidates[k]!;
    let matched = seen.get(node);
    // The same text under the same parent node belongs to the same element (elementOf). Whether its last
    // number goes on in the next element belongs to the key too (a sibling can change), where the text's
    // hits depend on it: looking costs a climb to the next element, which for thousands of item names
    // ending in a number was 40% of a 60k-element page's later read.
    if (
      !matched ||
      matched.data !== node.data ||
      matched.parent !== node.parentNode ||
      (matched.cut !== null && matched.cut !== runsOn(node))
    ) {
      const element = elementOf(node);
      if (!element) continue;
      let cut: boolean | null = null;
      const hits = hitsOf(node, element, matcher, () => (cut ??= runsOn(node)));
      matched = { data: node.data, parent: node.parentNode, cut, element, hits };
      seen.set(node, matched);
    }
    for (const h of matched.hits) hits.push(h);
  }
}

/**
 * The label hits of one text: the whole text a label, a label and its number, or labelled phrases of a
 * line. `runs` (whether the text's last number goes on in the next element) is asked only where the
 * answer changes the hits.
 */
function hitsOf(node: Text, element: Element, matcher: LabelMatcher, runs: () => boolean): LabelHit[] {
  const trimmed = node.data.trim();
  // "Total<br>purchasers", "New<br>users": a label wrapped by a line break is read whole, its first line included.
  const wrapped = node.previousSibling?.nodeName === 'BR' ? node.previousSibling.previousSibling : null;
  const first = wrapped?.nodeType === 3 ? wrapped.textContent!.trim() : '';
  const whole = first && first.length <= 16 && !hasDigit(first) ? matcher.match(`${first} ${trimmed}`) : null;
  let match = whole ? { ...whole, text: trimmed } : matcher.match(trimmed);
  let inline: ParsedNumber | undefined;
  // "成交金额：¥<b>52,951.35</b>": the number's currency printed at the end of its label's text.
  const mark = match ? null : CURRENCY_END.exec(trimmed);
  if (mark) {
    const label = matcher.match(trimmed.slice(0, mark.index));
    const money = parseNumber(`${mark[0].trim()}0`);
    if (label && money) match = { ...label, hint: { ...label.hint, currency: money.bareDollar ? '$' : money.currency! } };
  }
  // "ROI：1<em>.60</em>", "37,740<sup>.74元</sup>": the text's last number goes on in the next element, so it is not that number.
  if (!match) {
    // "跳失率：72.31%": a label, a separator, then the number. The label part is checked first
    // (memoised), so long item names with digits cost one scan for the first digit, not a regex.
    const digit = firstDigitAt(trimmed);
    if (digit > 0 && digit <= 26) {
      const head = matcher.match(trimmed.slice(0, digit).replace(/[\s:：$¥￥€£₱฿₫+\-−↑↓▲▼]*(?:NT|HK|US|RM|Rp|R)?$/u, ''));
      const pair = head ? INLINE_PAIR.exec(trimmed) : null;
      // The label is the text before the first digit, never a longer run ("点击率：5.4%，点击数：24,808" is no pair).
      const parsed = pair && pair[1]!.length <= digit ? parseNumber(pair[2]!) : null;
      if (head && parsed && !parsed.signed && !runs()) {
        match = head;
        inline = parsed;
      }
    }
  }
  if (!match) {
    // "1,234 visits, 567 unique visitors" in one text: a hit per phrase, with the phrase's own number if it has one.
    const hits: LabelHit[] = [];
    const phrases = phrasesIn(trimmed);
    phrases.forEach(({ words, raw }, k) => {
      const phrase = matcher.match(words);
      // A number cut at the text's end is read in its line (sentence.ts), where it is whole.
      const whole = !(phrase && raw && k === phrases.length - 1 && runs());
      const parsed = raw && whole ? parseNumber(raw) : null;
      if (phrase && (parsed || !raw || !whole))
        hits.push({ metric: phrase.metric, text: words, node, element, phrase: true, ...(parsed ? { inline: parsed } : {}) });
    });
    return hits;
  }
  return [
    {
      metric: match.metric,
      // "%，頁面瀏覽數：" after "<span>60.27</span>": the label starts at its first word; what is before it belongs to the line.
      text: match.text.replace(LEADING_MARKS, ''),
      node,
      element,
      ...(inline ? { inline } : {}),
      ...(match.hint ? { hint: match.hint } : {}),
    },
  ];
}

/**
 * A qualifier ("同行平均", "Industry avg") counts for a label only when it is a few words without
 * numbers sitting right beside the label, in the same small group; a comparison line of the card
 * before ("vs. 40.1% last week") is not a qualifier of the next card's label.
 */
/** Whether a label occurrence is a visible label of the shop's own number, not a control or a qualified comparison. */
function isLabelInPlace(hit: LabelHit, matcher: LabelMatcher): boolean {
  if (!isContent(hit.node) || closestAcross(hit.element, CONTROL_SELECTOR)) return false;
  const before = precedingText(hit.node);
  // The label before ours in a row of labels ("平均访问深度", "Average order value") is a neighbour, not a qualifier.
  if (before && isComparisonCue(before) && !matcher.match(before)?.metric && near(before, hit.node, hit.element)) return false;
  return isShown(hit.element);
}

function near(qualifier: string, label: Text, labelElement: Element): boolean {
  if (qualifier.length > 12 || hasDigit(qualifier)) return false;
  let group = parentElementAcrossShadow(labelElement);
  // A wrapper of the label alone (or a component rendering only it) is not yet its group.
  const alone = group?.shadowRoot
    ? deepText(group).trim() === label.data.trim()
    : group?.childElementCount === 1 && group.firstElementChild === labelElement;
  if (group && alone) group = parentElementAcrossShadow(group);
  if (!group) return false;
  // The qualifier text must sit in the same group as the label, before it.
  const text = deepText(group);
  const at = text.indexOf(label.data.trim());
  return at > 0 && text.lastIndexOf(qualifier, at) >= 0;
}

/**
 * Climbs from the label to ever larger containers until one holds a number that can be this
 * metric's value. Where a container holds several labels (a flat list), a value belongs to the
 * label it is paired with by the list's own order (label-then-value or value-then-label).
 */
function findValue(
  hit: OwnHit,
  hitNodes: Set<Text>,
  fonts: FontGuard,
  scans: Map<Element, { items: Item[]; unreadable: boolean }>,
  defaultCurrency?: string,
  unsettled?: Set<MetricId>,
): (Candidate & { depth: number }) | null {
  let container: Element | null = hit.element;
  for (let depth = 0; container && depth <= MAX_CLIMB; depth++) {
    if (container.tagName === 'BODY' || container.tagName === 'HTML') return null;
    if (depth > 0 && container.getElementsByTagName('*').length > MAX_CONTAINER_ELEMENTS) return null;
    let scanned = scans.get(container);
    if (!scanned) {
      const missesBefore = fonts.misses;
      scanned = { items: scanValues(container, hitNodes, fonts), unreadable: fonts.misses > missesBefore };
      scans.set(container, scanned);
    }
    // The card's number is drawn by a font that cannot be read with certainty: no reading, and no
    // climbing on to some other number further out.
    if (scanned.unreadable) return null;
    const items = scanned.items;
    const ours = items.findIndex((it) => it === hit.node);
    if (ours >= 0) {
      const chosen = choose(items, ours, hit.metric, defaultCurrency, hit.hint);
      if (chosen === BLANK) return null;
      if (chosen === UNSETTLED) {
        unsettled?.add(hit.metric);
        return null;
      }
      if (chosen) return { ...chosen, depth };
    }
    container = parentElementAcrossShadow(container);
  }
  return null;
}

/** One value per metric, breakdown and day: cards before table totals, then the closest to its label, then the most prominent, then the first. */
function pickOnePerSeries(found: Found[]): Found[] {
  const best = new Map<string, Found>();
  for (const f of found) {
    const key = valueKey({ metric: f.observed.metric, breakdown: f.observed.breakdown, period: f.observed.period });
    const current = best.get(key);
    if (!current || better(f, current)) best.set(key, f);
  }
  return [...best.values()];
}

function better(a: Found, b: Found): boolean {
  if (a.fromTable !== b.fromTable) return !a.fromTable;
  // A label with its number right beside it beats one whose number was found far out.
  if (Math.abs(a.depth - b.depth) >= 2) return a.depth < b.depth;
  return a.fontSize > b.fontSize + 0.5;
}
