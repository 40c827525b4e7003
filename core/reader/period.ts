import type { Period } from '../types';
import { elementOf, isContent, precedingText, runToEnd, scanPage, type PageScan } from './scan';
import { closestAcross, isShown } from './walk';

/**
 * Which period the page shows: a closed day ("统计时间 2026-11-25"), a range ("2026-11-19 ~ 2026-11-25",
 * "Last 7 days"), or today's real-time numbers ("实时", "更新时间 14:32"). Scored candidates from the
 * visible text and the date pickers' inputs; an explicit caption beats a bare date, a selected tab
 * beats an unselected one.
 *
 * The page's own dates win: a selected relative label (昨天, 近7天, Yesterday, Last 7 days) only
 * chooses among the dates the page prints. Only when it prints none is the label counted from the
 * moment the page showed its numbers, on the platform's calendar (China time for the Chinese back
 * offices: a page loaded at 23:50 and read at 00:10 still means the day before it was loaded), and
 * the period is marked `inferred`. A page that names no period at all is `unknown`, never today.
 */

export interface PeriodOptions {
  /** The platform's time zone (IANA name); the computer's when absent. */
  timeZone?: string;
  /** When the page showed the numbers it shows (loaded, or navigated in-page); the read time when absent. */
  shownAt?: Date;
  /**
   * A tree's inputs (its date pickers' values are read from them), when the caller keeps the list between
   * reads (a page session's memo: a query over a big page is tens of milliseconds at 4× slowed CPU).
   */
  inputs?: (root: Document | ShadowRoot) => ArrayLike<HTMLInputElement>;
}

const YMD = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MDY = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s*(\d{4}))?`;
const RANGE_SEP = String.raw`\s*(?:~|～|至|到|–|—|-|to)\s*`;

/** 11/24/2026 (US) or 24-11-2026 / 24.11.2026 (day first); told apart by the separator when both parts are ≤ 12. */
const NUM_DMY = String.raw`(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})`;
const ANY_DATE = new RegExp(`${YMD}|${NUM_DMY}|${MDY}`, 'gi');
const RANGE_BETWEEN = new RegExp(`^${RANGE_SEP}$`, 'i');
const RANGE_MDY = new RegExp(`${MDY}${RANGE_SEP}(?:${MDY}|(\\d{1,2}),?\\s*(\\d{4}))`, 'i');
const CAPTION =
  /统计时间|統計時間|统计日期|統計日期|数据时间|數據時間|数据日期|數據日期|日期范围|日期範圍|date range|reporting period|statistics date|period|^(?:date|日期)(?:\s|[:：]|$)/i;
/** Table cells: a date there is its row's or column's (a table of days), not the page's period. */
const CELL = 'td,th,[role="cell"],[role="gridcell"],[role="rowheader"],[role="columnheader"]';
const COMPARED = /对比|對比|比较|比較|较|較|上周|上週|上期|同期|环比|同比|compare|compared|previous|prior|vs\.?\s/i;
const UPDATED = /更新时间|更新時間|更新于|last updated|updated at|as of/i;
const REALTIME = /^(实时|實時|即时|即時|今日|今天|today|real-?time|live)(?:概况|概況|数据|數據)?$/i;
const YESTERDAY = /^(昨日|昨天|1天|yesterday)$/i;
const LAST_N = /^(?:最近|近|过去|過去|last|past)\s*(\d{1,3})\s*(?:天|日|days?)$/i;
const SELECTED = /(^|[-_\s])(active|selected|current|checked|on)($|[-_\s])/i;

const MAX_DATE_TEXTS = 400;
const MAX_INPUTS = 40;

interface Scored {
  period: Period;
  score: number;
}

export function detectPeriod(
  root: ParentNode = document,
  now: Date = new Date(),
  scan?: PageScan,
  options: PeriodOptions = {},
): Period {
  return runToEnd(detectPeriodSteps(root, now, scan, options));
}

/** Date texts, or date pickers' inputs, looked at before a resumable detection pauses. */
const STEP_DATES = 8;

/**
 * The same detection as `detectPeriod`, resumable: it pauses every STEP_DATES date texts and inputs (each
 * may cost a visibility check), so a caller can give the page the main thread (core/content/slices.ts).
 * Run to the end on a page that did not change meanwhile, it finds what `detectPeriod` finds.
 */
export function* detectPeriodSteps(
  root: ParentNode = document,
  now: Date = new Date(),
  scan?: PageScan,
  options: PeriodOptions = {},
): Generator<void, Period> {
  const today = dayIn(now, options.timeZone);
  let best: Scored = { period: { kind: 'unknown', start: today, end: today }, score: 0 };
  const offer = (period: Period | null, score: number) => {
    if (period && score > best.score) best = { period, score };
  };
  /** Dates the page prints, by how sure it is they name the page's period. */
  const printed: Scored[] = [];
  const print = (period: Period | null, score: number) => {
    if (period) printed.push({ period, score });
  };
  let relative: Period | null = null;
  const { dates, roots } = scan ?? scanPage(root as Document | Element);
  // Pages name their period once, near the top; a page full of dated prose is not read to the end.
  for (let k = 0; k < dates.length && k < MAX_DATE_TEXTS; k++) {
    if (k > 0 && k % STEP_DATES === 0) yield;
    const node = dates[k]!;
    const text = node.data.trim();
    const el = elementOf(node);
    let dated = false;
    if (/\d{4}/.test(text) || /[a-z]{3}\.?\s+\d/i.test(text)) {
      let range = parseRange(text);
      const day = range ? null : parseDay(text);
      let around = '';
      if (day) {
        // A range split over elements ("2026-11-19" "至" "2026-11-25") reads as one in its parent.
        around = el?.parentElement?.textContent ?? '';
        if (around.length <= 60) range = parseRange(around.replace(/\s+/g, ' '));
      }
      dated = !!(range || day);
      // A date in a table's cell names its row (a table of days), whatever text came before it in the
      // table (a header, a column's hidden tooltip); only a caption in the cell itself names the page's period.
      const inCell = dated && el && !CAPTION.test(text) && closestAcross(el, CELL);
      if (dated && el && !inCell && isContent(node) && isShown(el)) {
        // A caption in the same text ("统计时间 2026-11-25") or just before it ("统计时间" | "2026-11-25").
        const before = CAPTION.test(text) || UPDATED.test(text) ? '' : precedingText(node, 2);
        const captioned = CAPTION.test(text) || CAPTION.test(before);
        const updated = UPDATED.test(text) || UPDATED.test(before);
        // "Compare to: Nov 12–18", "上周同期 2026-11-12 ~ 2026-11-18" name another period.
        // The parent's text counts only when it is the range's own short line, not a section that also holds a comparison.
        const compared = COMPARED.test(text) || COMPARED.test(before) || (around.length <= 60 && COMPARED.test(around));
        if (range) print(range, captioned ? 10 : compared ? 3 : 8);
        else if (updated) offer({ kind: 'realtime', start: day!, end: day! }, 9);
        else print({ kind: 'day', start: day!, end: day! }, captioned ? 10 : compared ? 1 : 2);
      }
    }
    if (!dated) {
      const found = relativePeriod(text, options.shownAt ?? now, options.timeZone);
      if (found && el && isSelected(el) && isContent(node) && isShown(el)) {
        if (found.kind === 'realtime') offer({ ...found, start: today, end: today }, 8);
        else relative ??= found;
      }
    }
  }
  yield* pickerDates(roots, print, options.inputs);
  // A bare date counts as printed for the selected label when it is the only one the page shows.
  const bare = new Set(printed.filter((p) => p.score < 3).map((p) => p.period.start));
  const sure = printed.filter((p) => p.score >= 3 || bare.size === 1);
  if (relative) {
    // The selected label chooses among the printed dates of its shape; the clock only when none is printed.
    const rel: Period = relative;
    const shaped = sure
      .filter((p) => p.period.kind === rel.kind)
      .sort((a, b) => b.score - a.score || Number(same(b.period, rel)) - Number(same(a.period, rel)));
    offer(shaped[0] ? shaped[0].period : sure.length ? null : { ...rel, inferred: true }, shaped[0] ? 11 : 7);
  }
  for (const p of printed) offer(p.period, p.score);
  return best.period;
}

const same = (a: Period, b: Period) => a.start === b.start && a.end === b.end;

/**
 * Date pickers show the chosen period in their inputs' values, which are no text nodes: one input
 * holding a range, or a start and an end input one after the other (each may sit in its own
 * component's shadow root). A lone day input counts below a printed range: a picker of one day
 * beside a printed week is not the page's period.
 */
function* pickerDates(
  roots: ReadonlyArray<Document | ShadowRoot>,
  print: (p: Period | null, score: number) => void,
  query: (root: Document | ShadowRoot) => ArrayLike<HTMLInputElement> = (root) => root.querySelectorAll('input'),
): Generator<void, void> {
  let pending: string | null = null;
  const flush = () => pending && print({ kind: 'day', start: pending, end: pending }, 6);
  let seen = 0;
  for (const root of roots) {
    yield;
    const inputs = query(root);
    for (let i = 0; i < inputs.length && seen < MAX_INPUTS; i++) {
      if (i > 0 && i % STEP_DATES === 0) yield;
      const input = inputs[i]!;
      const value = input.value.trim();
      if (!value || !/\d/.test(value) || input.type === 'hidden' || !isShown(input)) continue;
      seen++;
      // "对比 2026-11-11 ~ 2026-11-17": another period, printed for comparison in the picker's own words.
      const own = `${input.placeholder} ${input.getAttribute('aria-label') ?? ''} ${input.parentElement?.textContent ?? ''}`;
      if (COMPARED.test(own.slice(0, 80))) continue;
      const range = parseRange(value);
      const day = range ? null : parseDay(value);
      if (day && pending && pending < day) {
        print({ kind: 'range', start: pending, end: day }, 9);
        pending = null;
        continue;
      }
      flush();
      pending = day;
      print(range, 9);
    }
  }
  flush();
}

function numericDate(a: string, sep: string, b: string, year: string): string | null {
  const x = Number(a);
  const y = Number(b);
  const dayFirst = x > 12 || (y <= 12 && sep !== '/');
  return dayFirst ? ymdToIso(year, b, a) : ymdToIso(year, a, b);
}

/** Every full date in a text, in order, whatever its form: "Oct 5, 2026 – 2026-10-11" holds two. */
function datesIn(text: string): Array<{ iso: string; at: number; end: number }> {
  const out: Array<{ iso: string; at: number; end: number }> = [];
  for (const m of text.matchAll(ANY_DATE)) {
    const iso = m[1]
      ? ymdToIso(m[1], m[2]!, m[3]!)
      : m[4]
        ? numericDate(m[4], m[5]!, m[6]!, m[7]!)
        : m[10]
          ? ymdToIso(m[10], String(MONTHS.indexOf(m[8]!.toLowerCase()) + 1), m[9]!)
          : null;
    if (iso) out.push({ iso, at: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

function parseRange(text: string): Period | null {
  const [from, to] = datesIn(text);
  if (from && to && RANGE_BETWEEN.test(text.slice(from.end, to.at)) && from.iso <= to.iso) {
    return from.iso === to.iso ? { kind: 'day', start: from.iso, end: to.iso } : { kind: 'range', start: from.iso, end: to.iso };
  }
  // "Nov 19 – 25, 2026", "Oct 27 – Nov 25, 2026": one year for both ends.
  const mdy = RANGE_MDY.exec(text);
  if (mdy) {
    const endYear = mdy[6] ?? mdy[8];
    const startYear = mdy[3] ?? endYear;
    if (!startYear || !endYear) return null;
    const start = ymdToIso(startYear, String(MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1), mdy[2]!);
    const endMonth = mdy[4] ? MONTHS.indexOf(mdy[4].toLowerCase()) + 1 : MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1;
    const end = ymdToIso(endYear, String(endMonth), mdy[5] ?? mdy[7]!);
    if (start && end) return start === end ? { kind: 'day', start, end } : { kind: 'range', start, end };
  }
  return null;
}

const MONTH_DAY =
  /^(?:(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}))(?![\d/.-])/i;

/**
 * A date printed without its year ("11-24", "11月24日", "Nov 24", a row of a table of days): the
 * latest such day not after `anchor` (the page's own day), so a table of late December read in
 * January stays in December.
 */
export function monthDay(text: string, anchor: string): string | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const month = m[1] ?? String(MONTHS.indexOf(m[3]!.toLowerCase()) + 1);
  const year = Number(anchor.slice(0, 4));
  const day = ymdToIso(String(year), month, m[2] ?? m[4]!);
  return day && day > anchor ? ymdToIso(String(year - 1), month, m[2] ?? m[4]!) : day;
}

/** The first full date a short text names ("2026-11-24", "11/24/2026", "Nov 24, 2026"), ISO; null when none. */
export function parseDay(text: string): string | null {
  return datesIn(text)[0]?.iso ?? null;
}

function relativePeriod(text: string, shownAt: Date, timeZone?: string): Period | null {
  const today = dayIn(shownAt, timeZone);
  if (REALTIME.test(text)) return { kind: 'realtime', start: today, end: today };
  if (YESTERDAY.test(text)) {
    const y = addDays(today, -1);
    return { kind: 'day', start: y, end: y };
  }
  const last = LAST_N.exec(text);
  if (last) {
    const n = Number(last[1]);
    if (n >= 1 && n <= 366) return { kind: n === 1 ? 'day' : 'range', start: addDays(today, -n), end: addDays(today, -1) };
  }
  return null;
}

/** A period's own name ("今日", "近7天", "Yesterday"), as a selector button or a column or caption prints it. */
export const isPeriodWord = (text: string): boolean => {
  const t = text.replace(/[:：]$/, '').trim();
  return REALTIME.test(t) || YESTERDAY.test(t) || LAST_N.test(t);
};

/** Selected tabs are marked by ARIA or by a class such as "active"; hashed class names still carry the word. */
export function isSelected(el: Element): boolean {
  for (let cur: Element | null = el, i = 0; cur && i < 3; cur = cur.parentElement, i++) {
    if (cur.getAttribute('aria-selected') === 'true' || cur.getAttribute('aria-checked') === 'true') return true;
    if (cur.getAttribute('aria-current') && cur.getAttribute('aria-current') !== 'false') return true;
    const cls = typeof cur.className === 'string' ? cur.className : '';
    if (cls && cls.split(/\s+/).some((c) => SELECTED.test(c) || /(Active|Selected|Current)/.test(c))) return true;
  }
  return false;
}

function ymdToIso(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${y.padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The calendar day of a moment in a time zone (the computer's when none is given). */
export function dayIn(date: Date, timeZone?: string): string {
  return timeZone ? dayFormat(timeZone).format(date) : isoDate(date);
}

/**
 * One formatter per time zone: making an Intl.DateTimeFormat costs far more than formatting with it, and
 * a read asks for the day once per date-like text (hundreds on a large table).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** An ISO day moved by whole days, on the calendar (no time zone or daylight saving involved). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 864e5).toISOString().slice(0, 10);
}

export function periodKey(p: Period): string {
  return `${p.kind}:${p.start}..${p.end}`;
}
