/**
 * Every composite id StorePulse builds from page text, built and read back here and nowhere else: the
 * shop key, a reading's series, a daily value's id and part, an alert's id (a platform line's and a
 * custom rule's), a monthly target's id, and the key a page's values are told apart by.
 *
 * Parts are joined with `|`. Page text may contain `|`, `=`, `:` and `\`, so inside a part a `\` or a
 * `|` is written with a `\` before it; a row's dimension escapes `=` and `:` the same way (its key,
 * the last thing in a row, is kept as printed, as is the store in a shop key). Text without those
 * characters reads exactly as it always has (`sycm|小雨的旗舰店`, `流量来源=手淘搜索`); database ids
 * stored before the escaping existed are rewritten once by the upgrade to version 4 (core/db.ts).
 *
 * This module imports nothing but types: content scripts use it too.
 */

import type { Breakdown as Row } from './types';

const SEPARATOR = '|';
const PEER = 'peer:';
const RULE = 'rule:';

/** `\` before every character of `special` (and before `\` itself). */
function escape(text: string, special: string): string {
  // Most parts hold none of them: the text as it is, without building it again a character at a time
  // (a page session makes the keys of hundreds of values a read).
  let plain = !text.includes('\\');
  for (let i = 0; plain && i < special.length; i++) plain = !text.includes(special[i]!);
  if (plain) return text;
  let out = '';
  for (const c of text) out += c === '\\' || special.includes(c) ? `\\${c}` : c;
  return out;
}

/**
 * Splits at each unescaped `separator` and takes the escapes off. With a `limit`, the last part is the
 * rest of the text as it stands (a row's key is not escaped).
 */
function split(text: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) part += text[++i];
    else if (c === separator) {
      parts.push(part);
      part = '';
      if (parts.length === limit - 1) return [...parts, text.slice(i + 1)];
    } else part += c;
  }
  parts.push(part);
  return parts;
}

/** Joins parts into one id; `splitKey` gives them back exactly, whatever text they hold. */
export function joinKey(parts: readonly string[]): string {
  return parts.map((p) => escape(p, SEPARATOR)).join(SEPARATOR);
}

export function splitKey(key: string): string[] {
  return split(key, SEPARATOR);
}

/** A row's name inside series, daily and alert ids: `dimension=key`. */
export function rowKey(row: Row): string {
  return `${escape(row.dimension, '=:')}=${row.key}`;
}

export function parseRowKey(text: string): Row | null {
  const [dimension, key] = split(text, '=', 2);
  return key === undefined ? null : { dimension: dimension!, key };
}

/** Whether two optional rows are the same row (both absent counts as the same: the shop's total). */
export function sameRow(a: Row | undefined, b: Row | undefined): boolean {
  return a?.dimension === b?.dimension && a?.key === b?.key;
}

/**
 * The shop a setting or a rule's scope names: `site|store`. The store, the last part, stays as printed
 * (the site is escaped, and a site id never holds a `|` anyway), so the keys settings were saved under
 * read the same whatever the shop's name.
 */
export function shopKey(site: string, store: string): string {
  return `${escape(site, SEPARATOR)}${SEPARATOR}${store}`;
}

export function parseShopKey(key: string): { site: string; store: string } | null {
  const [site, store] = split(key, SEPARATOR, 2);
  return store === undefined ? null : { site: site!, store };
}

/**
 * What part of the shop a daily value is: '' for the shop's own total, `dimension=key` for a row,
 * `peer:name` for a peer's number (a row's dimension never holds an unescaped `:`, so the two cannot meet).
 */
export function partOf(r: { breakdown?: Row | undefined; peer?: string | undefined }): string {
  if (r.peer) return `${PEER}${r.peer}`;
  if (r.breakdown) return rowKey(r.breakdown);
  return '';
}

export type Part = { kind: 'total' } | { kind: 'peer'; peer: string } | { kind: 'row'; row: Row };

export function parsePart(part: string): Part | null {
  if (part === '') return { kind: 'total' };
  if (part.startsWith(PEER)) return { kind: 'peer', peer: part.slice(PEER.length) };
  const row = parseRowKey(part);
  return row ? { kind: 'row', row } : null;
}

export const isPeerPart = (part: string): boolean => part.startsWith(PEER);

/** A number's identity within one page: its metric, row and peer (a page's two reads are matched by it). */
export function valueKey(o: {
  metric: string;
  breakdown?: Row | undefined;
  peer?: string | undefined;
  period?: { start: string; end: string } | undefined;
}): string {
  const parts = [o.metric, o.breakdown ? rowKey(o.breakdown) : '', o.peer ?? ''];
  // A dated row of a table of days is a value of its own day, apart from the same metric of another day.
  if (o.period) parts.push(`${o.period.start}..${o.period.end}`);
  return joinKey(parts);
}

/** One series of readings over time: `site|store|metric|periodKey|row|peer`. */
export function seriesKey(
  site: string,
  store: string,
  o: { metric: string; breakdown?: Row | undefined; peer?: string | undefined },
  periodKey: string,
): string {
  return joinKey([site, store, o.metric, periodKey, o.breakdown ? rowKey(o.breakdown) : '', o.peer ?? '']);
}

/** One value per series and calendar day: `site|store|metric|part|date`. */
export function dailyId(site: string, store: string, metric: string, part: string, date: string): string {
  return joinKey([site, store, metric, part, date]);
}

export interface DailyIdParts {
  site: string;
  store: string;
  metric: string;
  part: string;
  date: string;
}

export function parseDailyId(id: string): DailyIdParts | null {
  const p = splitKey(id);
  if (p.length !== 5) return null;
  const [site, store, metric, part, date] = p as [string, string, string, string, string];
  return { site, store, metric, part, date };
}

/** A platform line's alert: one per number the operator looks at, `site|store|metric|periodKey`. */
export function alertKey(site: string, store: string, metric: string, periodKey: string): string {
  return joinKey([site, store, metric, periodKey]);
}

/**
 * The review's alert of one shop and cause (`target`, or a factor of sales), one per shop and cause
 * whatever the day: `site|store|metric|review|rule:review-<cause>`.
 */
export function reviewAlertKey(site: string, store: string, metric: string, cause: string): string {
  return customAlertKey(site, store, metric, REVIEW_PERIOD, undefined, reviewRuleId(cause));
}

/** The rule id of the review's alert of a cause. */
export const reviewRuleId = (cause: string): string => `review-${cause}`;
const REVIEW_PERIOD = 'review';

/**
 * A custom rule's alert sits beside the platform's alert of the same number, one per row:
 * `site|store|metric|periodKey[|row]|rule:<id>`.
 */
export function customAlertKey(
  site: string,
  store: string,
  metric: string,
  periodKey: string,
  row: Row | undefined,
  ruleId: string,
): string {
  return joinKey([site, store, metric, periodKey, ...(row ? [rowKey(row)] : []), `${RULE}${ruleId}`]);
}

/**
 * The range of ids of every custom rule's alert on one number (and row): ids from `from` up to `to`.
 * No other alert's id falls in it.
 */
export function customAlertRange(
  site: string,
  store: string,
  metric: string,
  periodKey: string,
  row: Row | undefined,
): { from: string; to: string } {
  const from = customAlertKey(site, store, metric, periodKey, row, '');
  return { from, to: `${from}\uffff` };
}

export interface AlertIdParts {
  site: string;
  store: string;
  metric: string;
  periodKey: string;
  row?: Row;
  /** Set for a custom rule's alert. */
  ruleId?: string;
}

export function parseAlertKey(id: string): AlertIdParts | null {
  const p = splitKey(id);
  if (p.length < 4 || p.length > 6) return null;
  const [site, store, metric, periodKey] = p as [string, string, string, string];
  const parts: AlertIdParts = { site, store, metric, periodKey };
  if (p.length === 4) return parts;
  const last = p.at(-1)!;
  if (!last.startsWith(RULE)) return null;
  parts.ruleId = last.slice(RULE.length);
  if (p.length === 6) {
    const row = parseRowKey(p[4]!);
    if (!row) return null;
    parts.row = row;
  }
  return parts;
}

/** One number the inbox shows once whatever its period: `site|store|metric|ruleId|row`. */
export function watchedNumberKey(a: { site: string; store: string; metric: string; ruleId: string; breakdown?: Row }): string {
  return joinKey([a.site, a.store, a.metric, a.ruleId, a.breakdown ? rowKey(a.breakdown) : '']);
}

/** A month's sales target: `site|store|YYYY-MM`. */
export function targetId(site: string, store: string, month: string): string {
  return joinKey([site, store, month]);
}

export function parseTargetId(id: string): { site: string; store: string; month: string } | null {
  const p = splitKey(id);
  return p.length === 3 ? { site: p[0]!, store: p[1]!, month: p[2]! } : null;
}

/**
 * Ids as built before database version 4: parts joined with a bare `|`, a row as `dimension=key` as
 * printed. Only to recognise them in files exported then; nothing is stored under them.
 */
export const legacyIds = {
  part: (r: { breakdown?: Row | undefined; peer?: string | undefined }): string =>
    r.peer ? `${PEER}${r.peer}` : r.breakdown ? `${r.breakdown.dimension}=${r.breakdown.key}` : '',
  daily: (site: string, store: string, metric: string, part: string, date: string): string =>
    [site, store, metric, part, date].join(SEPARATOR),
  alert: (site: string, store: string, metric: string, periodKey: string): string =>
    [site, store, metric, periodKey].join(SEPARATOR),
  target: (site: string, store: string, month: string): string => [site, store, month].join(SEPARATOR),
};
