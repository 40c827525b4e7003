import { METRICS, normalizeLabel } from '../metrics';
import { SHOP_QUALIFIERS } from './labels';
import { MAX_LINE } from './sentence';
import { frameDocument, isPlaced, MAX_NESTING } from './walk';

/**
 * The one pass over a page's text that every read starts with. It must stay within a small multiple
 * of a bare TreeWalker pass, so per text node it does only a length check and two table look-ups on
 * character codes; everything else (label matching, visibility, layout) runs later on the few
 * candidates this pass keeps.
 *
 * Candidates:
 * - labels: texts that start or end like a metric label (vocabulary first/last characters), up to a
 *   line of numbers long (sentence.ts MAX_LINE); dates and shops only up to MAX_TEXT;
 * - dates: texts that may name the period (a digit, a caption or a relative phrase at the start);
 * - shops: texts that end like a shop name (…店, …Store, …Shop).
 *
 * Open shadow roots and same-origin frames are walked too, after the tree that holds them.
 */

export interface PageScan {
  labels: Text[];
  dates: Text[];
  shops: Text[];
  roots: Array<Document | ShadowRoot>;
}

const MAX_TEXT = 80;

const LABEL_FIRST = new Uint8Array(65536);
const LABEL_LAST = new Uint8Array(65536);
const DATE_FIRST = new Uint8Array(65536);
const SHOP_LAST = new Uint8Array(65536);

const mark = (table: Uint8Array, chars: string) => {
  for (const ch of chars) {
    table[ch.charCodeAt(0)] = 1;
    table[ch.toLowerCase().charCodeAt(0)] = 1;
    table[ch.toUpperCase().charCodeAt(0)] = 1;
  }
};

/** Lets texts that start or end like these labels be label candidates (a site's own words: "Expense", "展示次数"). */
export function markLabelChars(labels: Iterable<string>): void {
  for (const label of labels) {
    const folded = normalizeLabel(label, true);
    if (!label || !folded) continue;
    mark(LABEL_FIRST, label[0]! + folded[0]!);
    mark(LABEL_LAST, label[label.length - 1]! + folded[folded.length - 1]!);
  }
}
for (const m of METRICS) for (const list of Object.values(m.labels)) markLabelChars(list);
// A qualifier that keeps a label the shop's ("整体消耗 ¥…", "今日访客数 …") starts a label, and a line of numbers.
mark(LABEL_FIRST, SHOP_QUALIFIERS.map((q) => q[0]!).join(''));
// Decorations printed after a label: "跳失率(%)", "访客数：", "Sessions ⓘ", "Revenue*", "visits," in a sentence.
mark(LABEL_LAST, ')）:：?？*ⓘ,，;；');
// Full-width Latin letters fold to ASCII labels under NFKC.
for (let c = 0xff21; c <= 0xff5a; c++) LABEL_FIRST[c] = LABEL_LAST[c] = 1;

mark(DATE_FIRST, '0123456789０１２３４５６７８９');
// 统计时间 / 數據時間 / 数据更新至 / 更新时间 / 实时 / 今日 / 昨日 / 最近7天 / 近30天 / 过去 / 日期 / 时间
mark(DATE_FIRST, '统統数數更实實即今昨最近过過日时時');
// Last 7 days / Today / Yesterday / Past / Period / Real-time / Date range / Updated / As of + month names,
// capitalised as dashboards print them (lower-case first letters would admit most English text).
for (const ch of 'LTYPRDUAJFMSOND') DATE_FIRST[ch.charCodeAt(0)] = 1;

mark(SHOP_LAST, '店铺舖鋪館馆pe');

const PERIOD_WORDS = new Set([
  'las',
  'tod',
  'yes',
  'pas',
  'per',
  'rea',
  'dat',
  'upd',
  'as ',
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]);

function mayNamePeriod(d: string, first: number, i: number, j: number): boolean {
  if (first > 0x7f) return true; // CJK captions and phrases, filtered by the table
  // Capitalised: a period phrase ("Last 7 days", "Nov 19 – 25"), or a caption with a year in it ("Totals for 11/18/2026 – …").
  if (first >= 0x41) return PERIOD_WORDS.has(d.substr(i, 3).toLowerCase()) || (j - i >= 9 && /\d{4}/.test(d));
  // Digits: a date, or a relative span such as "7天" / "30日" / "7 days".
  const last = d.charCodeAt(j);
  return (
    looksLikeDate(d, i, j) || (j - i < 10 && (last === 0x5929 /* 天 */ || last === 0x65e5 /* 日 */ || last === 0x73)) /* s */
  );
}

const digitAt = (d: string, k: number) => {
  const c = d.charCodeAt(k);
  return c >= 0x30 && c <= 0x39;
};
const sepAt = (d: string, k: number) => {
  const c = d.charCodeAt(k);
  return c === 0x2d || c === 0x2f || c === 0x2e;
};

/** "11/24/2026", "24-11-2026": one or two digits, a separator, one or two digits, a separator, a year. */
function looksLikeNumericDate(d: string, i: number): boolean {
  let k = i;
  for (let part = 0; part < 2; part++) {
    if (!digitAt(d, k)) return false;
    k += digitAt(d, k + 1) ? 2 : 1;
    if (!sepAt(d, k)) return false;
    k++;
  }
  return digitAt(d, k) && digitAt(d, k + 1) && digitAt(d, k + 2) && digitAt(d, k + 3);
}

/** "2026-11-25", "2026/11/25", "2026年11月25日": four digits and a separator, not any number. */
function looksLikeDate(d: string, i: number, j: number): boolean {
  if (j - i < 7) return false;
  if (looksLikeNumericDate(d, i)) return true;
  for (let k = i; k < i + 4; k++) {
    const c = d.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  const sep = d.charCodeAt(i + 4);
  return sep === 0x2d || sep === 0x2f || sep === 0x2e || sep === 0x5e74; /* 年 */
}

/** Separators a text may start with before its words, in a line of numbers cut by elements. */
const LEAD = new Uint8Array(65536);
for (const ch of ' ,，;；、|·') LEAD[ch.charCodeAt(0)] = 1;
const SPACE = new Uint8Array(65536);
for (let c = 0; c <= 32; c++) SPACE[c] = 1;
for (const c of [0xa0, 0x3000, 0x200b, 0xfeff]) SPACE[c] = 1;
/** "（较前一日 -3%），跳失率：55%" after an element: a comparison in brackets, then the line's next label. */
const OPEN = new Uint8Array(65536);
for (const ch of '(（') OPEN[ch.charCodeAt(0)] = 1;
function labelAfterBracket(d: string, from: number): boolean {
  let close = d.indexOf('）', from);
  const ascii = d.indexOf(')', from);
  if (close < 0 || (ascii >= 0 && ascii < close)) close = ascii;
  if (close < 0) return false;
  let at = close + 1;
  while (at < d.length && (LEAD[d.charCodeAt(at)] || SPACE[d.charCodeAt(at)])) at++;
  return at > close + 1 && at < d.length && LABEL_FIRST[d.charCodeAt(at)] === 1;
}

export interface ScanOptions {
  /**
   * The open shadow hosts of the page when the caller keeps track of them (see ShadowHosts). Finding
   * them costs a pass over every element, as much as the text pass itself; a page session finds them
   * once and then only among added nodes.
   */
  hosts?: Iterable<Element>;
  /** Text nodes a resumable scan looks at before each pause (STEP_TEXTS). */
  step?: number;
  /** A page session's memo of earlier passes (PageMemo in memo.ts): only the subtrees that changed since are walked. */
  memo?: TextMemo;
}

/** What a pass asks of a memo of earlier passes: a tree's candidates, walking again only what changed. */
export interface TextMemo {
  texts(start: Node, step: number): Generator<void, TextCandidates>;
}

export function scanPage(root: Document | ShadowRoot | Element, options: ScanOptions = {}): PageScan {
  return runToEnd(scanSteps(root, options));
}

/** Resumable work (a generator that pauses with `yield`) run to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Text nodes a scan step looks at before it pauses (a resumable scan checks its deadline this often). */
const STEP_TEXTS = 256;

/**
 * The same pass as `scanPage`, resumable: it pauses after every STEP_TEXTS text nodes, so a caller can
 * give the page the main thread between steps (see core/content/slices.ts). Run to the end on a page
 * that did not change meanwhile, it finds exactly what `scanPage` finds — `scanPage` is this pass run
 * without pausing.
 */
export function* scanSteps(root: Document | ShadowRoot | Element, options: ScanOptions = {}): Generator<void, PageScan> {
  const scan: PageScan = { labels: [], dates: [], shops: [], roots: [] };
  const step = options.step ?? STEP_TEXTS;
  const memo = options.memo;
  if (options.hosts) {
    yield* scanRoot(root, scan, 0, false, step, memo);
    for (const host of options.hosts) {
      const shadow = host.isConnected ? host.shadowRoot : null;
      if (shadow) yield* scanRoot(shadow, scan, 1, false, step, memo);
    }
  } else {
    yield* scanRoot(root, scan, 0, true, step, memo);
  }
  return scan;
}

/**
 * Every open shadow host under `root`, including hosts inside shadow roots, down to MAX_NESTING.
 * With `waiting`, also the custom elements not yet defined: they may attach a shadow root when the
 * page defines them, which changes nothing in the document a MutationObserver could see.
 */
export function findShadowHosts(
  root: Document | ShadowRoot | Element,
  into: Set<Element> = new Set(),
  depth = 0,
  waiting?: Set<Element>,
): Set<Element> {
  return runToEnd(shadowHostSteps(root, into, depth, waiting));
}

/** Elements a resumable search for shadow hosts looks at before it pauses. */
const STEP_ELEMENTS = 256;

/**
 * The same search as `findShadowHosts`, resumable: it pauses after every STEP_ELEMENTS elements, so a
 * search over a big page does not make a long task.
 */
export function* shadowHostSteps(
  root: Document | ShadowRoot | Element,
  into: Set<Element> = new Set(),
  depth = 0,
  waiting?: Set<Element>,
): Generator<void, Set<Element>> {
  if (depth > MAX_NESTING) return into;
  const start: Node = root.nodeType === 9 ? ((root as Document).body ?? root) : root;
  if (start.nodeType === 1 && (start as Element).shadowRoot) into.add(start as Element);
  // ShadowRoot has no getElementsByTagName; documents and elements have the faster live collection.
  const all =
    'getElementsByTagName' in start ? (start as Element).getElementsByTagName('*') : (start as ShadowRoot).querySelectorAll('*');
  // Only custom elements can be undefined (test DOMs without `:defined` match every element). Looked at
  // in the same loop: a query of its own over the page was one piece of 50 ms at 4× slowed CPU.
  const undefinedHere = (el: Element) => el.localName.includes('-') && el.matches(':not(:defined)');
  if (waiting && start.nodeType === 1 && undefinedHere(start as Element)) waiting.add(start as Element);
  for (let k = 0; k < all.length; k++) {
    if (k % STEP_ELEMENTS === STEP_ELEMENTS - 1) yield;
    const el = all[k]!;
    if (waiting && undefinedHere(el)) waiting.add(el);
    const shadow = el.shadowRoot;
    if (shadow && el.localName !== 'storepulse-badge') {
      into.add(el);
      yield* shadowHostSteps(shadow, into, depth + 1, waiting);
    }
  }
  return into;
}

/** The candidates of one tree (no shadow roots, no frames): what the text pass keeps of its texts. */
export interface TextCandidates {
  labels: Text[];
  dates: Text[];
  shops: Text[];
}

const append = (into: Text[], from: readonly Text[]) => {
  for (let k = 0; k < from.length; k++) into.push(from[k]!);
};

/**
 * The texts under `start` (itself, if it is a text) that the text pass keeps, in document order, pausing
 * after every `step` texts. Shadow roots and frames are not entered.
 */
export function* textSteps(start: Node, step: number = STEP_TEXTS, into?: TextCandidates): Generator<void, TextCandidates> {
  const out = into ?? { labels: [], dates: [], shops: [] };
  if (start.nodeType === 3) {
    keep(start as Text, out);
    return out;
  }
  const walker = (start.ownerDocument ?? (start as Document)).createTreeWalker(start, 4 /* SHOW_TEXT */);
  let count = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (++count === step) {
      count = 0;
      yield;
    }
    keep(node, out);
  }
  return out;
}

/** Files one text under the candidate lists it may belong to: a length check and table look-ups on two characters. */
function keep(node: Text, out: TextCandidates): void {
  const d = node.data;
  const len = d.length;
  if (len === 0 || len > MAX_LINE) return;
  let i = 0;
  while (i < len && SPACE[d.charCodeAt(i)]) i++;
  if (i === len) return;
  let j = len - 1;
  while (j > i && SPACE[d.charCodeAt(j)]) j--;
  const first = d.charCodeAt(i);
  const last = d.charCodeAt(j);
  // A line of numbers may go on after an element with its separator first: "，跳失率：49.08%".
  let k = i;
  while (k < j && LEAD[d.charCodeAt(k)]) k++;
  if (LABEL_FIRST[d.charCodeAt(k)] || LABEL_LAST[last] || (OPEN[d.charCodeAt(k)] && labelAfterBracket(d, k)))
    out.labels.push(node);
  // Past a label's or a date's length, a text can still be a line of numbers ("访客数 38,145，浏览量 …").
  if (len > MAX_TEXT) return;
  if (DATE_FIRST[first] && mayNamePeriod(d, first, i, j)) out.dates.push(node);
  if (SHOP_LAST[last]) out.shops.push(node);
}

function* scanRoot(
  root: Document | ShadowRoot | Element,
  scan: PageScan,
  depth: number,
  findHosts: boolean,
  step: number,
  memo?: TextMemo,
): Generator<void, void> {
  if (root.nodeType === 9 || root.nodeType === 11) scan.roots.push(root as Document | ShadowRoot);
  const start: Node = root.nodeType === 9 ? ((root as Document).body ?? root) : root;
  // A page session's memo keeps each tree's candidates and walks again only the subtrees that changed.
  const own = memo ? yield* memo.texts(start, step) : yield* textSteps(start, step);
  append(scan.labels, own.labels);
  append(scan.dates, own.dates);
  append(scan.shops, own.shops);
  if (depth > MAX_NESTING) return;
  if (findHosts) {
    for (const host of yield* shadowHostSteps(root)) {
      if (host !== root) yield* scanRoot(host.shadowRoot!, scan, depth + 1, false, step, memo);
    }
  }
  const frames =
    'getElementsByTagName' in start
      ? (start as Element).getElementsByTagName('iframe')
      : (start as ShadowRoot).querySelectorAll('iframe');
  for (let k = 0; k < frames.length; k++) {
    const inner = frameDocument(frames[k]!);
    if (inner?.body) yield* scanRoot(inner, scan, depth + 1, true, step);
  }
}

/** Text inside these never carries a metric the operator reads: code, styles, charts, form controls. */
export const NOT_CONTENT = 'script,style,noscript,template,textarea,select,option,svg,canvas,storepulse-badge';

/** The element a text node belongs to, across a shadow root boundary. */
export function elementOf(node: Text): Element | null {
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

export function isContent(node: Text): boolean {
  const parent = elementOf(node);
  return !!parent && !parent.closest(NOT_CONTENT) && isPlaced(node);
}

/**
 * The nearest non-blank text before `node`, within a few steps: in its own tree, then before the
 * host of its shadow root (a label rendered by a component reads after the host's neighbours).
 */
export function precedingText(node: Text, steps = 4): string {
  let from: Node = node;
  let left = steps;
  for (let hops = 0; hops <= MAX_NESTING; hops++) {
    const root = from.getRootNode();
    const walker = node.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
    walker.currentNode = from;
    for (let prev = walker.previousNode() as Text | null; prev && left > 0; prev = walker.previousNode() as Text | null, left--) {
      const t = prev.data.trim();
      if (t) return t;
    }
    if (left === 0 || root.nodeType !== 11) return '';
    from = (root as ShadowRoot).host;
  }
  return '';
}
