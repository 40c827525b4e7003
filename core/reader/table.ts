import type { MetricId } from '../metrics';
import { parseNumber, type ParsedNumber } from '../parse';
import type { Breakdown, Period } from '../types';
import type { FontGuard } from './fonts';
import type { LabelHint } from './labels';
import { isPeriodWord, isSelected, monthDay, parseDay } from './period';
import { acceptValue, isPlaceholder, valueIn } from './values';
import { deepText, isShown, walkText } from './walk';

/**
 * Reads one column of a table whose header cell carries a metric label: each data row's cell in that
 * column, with the row's name (first line of its first text column) as a breakdown, and total rows
 * (合计, Total) as the store's own value.
 *
 * Which total rows are the shop's depends on what the rows are. Traffic sources and channels: the
 * platform prints its own shop total there. Items: never — unique counts (visitors, buyers) do not
 * add up over items (one visitor who saw two items is one shop visitor), an order holds several items,
 * a rate of the total row is computed over those sums, and even sales and units add up to the shop's
 * only when every item is listed, which a ranked, paged table does not promise. Days: a table whose
 * rows are days is history — each dated row is the shop's value of that day, never a breakdown of a
 * dimension called 日期; its total and average rows (合计, 日均, Total, Average) are aggregates of the
 * range that the page's own cards print for the range, and are not stored. Works for <table> and ARIA grids, and for tables whose header
 * and body are two <table>s (fixed-header tables do that). Everything a column needs from its table
 * (rows, key column, visibility) is worked out once per table and read, not once per column.
 */

export interface ColumnCell {
  element: Element;
  parsed: ParsedNumber;
  raw: string;
  /** Absent for a total row: the store's own value. */
  breakdown?: Breakdown;
  /** A dated row's day, or the days a total row of a table of days covers. */
  period?: Period;
  locator: string;
}

export const TOTAL_KEY =
  /^(合计|總計|总计|合計|汇总|匯總|全部|全店|整体|整體|total|totals|grand total|all|overall|summary|sum)$/i;
/** Rows of averages over the other rows: never the shop's value of anything (an average of daily rates is no range rate). */
export const AVERAGE_KEY = /^(日均|平均|均值|平均值|avg\.?|average|daily average|mean)$/i;
/**
 * A row key column that names items (商品, 宝贝, Product, ASIN, SKU) or ads (计划, 单元, 关键词, Campaign,
 * Ad group, Keyword, 广告, Ad name): parts whose total row is not promised to be the whole (a paged or filtered list).
 */
const ITEM_DIMENSION =
  /商品|宝贝|寶貝|货品|貨品|单品|單品|item|product|asin|sku|listing|计划|計劃|单元|單元|关键词|關鍵字|关键字|广告|廣告|campaign|ad group|keyword|\bads?\b/i;

const ROW_SELECTOR = 'tr,[role="row"]';
const CELL_ROLES = new Set(['columnheader', 'rowheader', 'cell', 'gridcell']);
/**
 * Rows read per table. Back-office tables are ranked (top sources, top items) and paged at 10–50
 * rows; the top hundred is what an operator looks at, and every row costs on every re-read.
 */
export const MAX_ROWS = 100;
/** Marks printed before a row name: expand toggles, bullets, rank arrows. */
const KEY_MARKS = /^(?:[\s+\-−•·▸▶►›»>*#]|\d{1,3}[.、]\s)*(?=\S)/u;

interface TableInfo {
  headerCells: Element[];
  rows: Array<{ cells: Element[]; key: string; day: string | null }>;
  /** The rows are days: history, not breakdowns. */
  days: boolean;
  keyColumn: number;
  dimension: string;
}

/** One read's worth of table layouts, keyed by header row. */
export type TableCache = Map<Element, TableInfo | null>;

/** Rows a column read looks at before a resumable read may pause (a row's cells cost visibility checks and parsing). */
const STEP_ROWS = 8;

/**
 * Resumable (a generator that pauses with `yield`, see core/content/slices.ts): it pauses every STEP_ROWS
 * rows while it works out the table's rows and while it reads the column, so a column of a hundred rows
 * is no long task on a slow machine. Each row's work is the same whether or not the read paused before
 * it: run to the end on a page that did not change meanwhile, it finds what a read in one go finds.
 */
export function* readTableColumnSteps(
  header: Element,
  metric: MetricId,
  defaultCurrency: string | undefined,
  cache: TableCache,
  hint: LabelHint = {},
  fonts?: FontGuard,
  anchor?: string,
): Generator<void, ColumnCell[]> {
  const headerRow = header.closest(ROW_SELECTOR);
  if (!headerRow) return [];
  let info = cache.get(headerRow);
  if (info === undefined) {
    info = yield* describeTable(headerRow, anchor);
    cache.set(headerRow, info);
  }
  if (!info) return [];
  const column = columnIndex(info.headerCells, header);
  if (column < 0 || column === info.keyColumn) return [];
  const columnName = shownText(cellAt(info.headerCells, column));
  const out: ColumnCell[] = [];
  const single = info.rows.length === 1;
  const days = info.days;
  for (let k = 0; k < info.rows.length; k++) {
    if (k > 0 && k % STEP_ROWS === 0) yield;
    const row = info.rows[k]!;
    const cell = cellAt(row.cells, column);
    if (!cell) continue;
    const value = cellValue(cell, metric, defaultCurrency, hint, fonts);
    if (!value) continue;
    const locator = `table › ${row.key ? `row “${row.key}”` : 'row'} › column “${columnName}”`;
    const found = { element: value.element, parsed: value.parsed, raw: value.raw, locator };
    if (days) {
      if (row.day) out.push({ ...found, period: { kind: 'day', start: row.day, end: row.day } });
    } else if (!row.key || TOTAL_KEY.test(row.key)) {
      // With no key column, only a single data row can be the store's own value.
      if ((!row.key && !single) || ITEM_DIMENSION.test(info.dimension)) continue;
      out.push(found);
    } else if (!AVERAGE_KEY.test(row.key)) {
      out.push({ ...found, breakdown: { dimension: info.dimension || 'row', key: row.key } });
    }
  }
  return out;
}

/**
 * A row of label cells each followed by its value cell (antd's bordered Descriptions: th, td, th, td;
 * a key-value table's th scope="row" then td): the value cell of the label's cell, or null when it
 * shows no number of the metric. Undefined when the label's cell is no such row's — a header over a
 * column, or a row header of a matrix (th then several values, or a table with a header row), whose
 * numbers are read down their columns or not at all.
 */
export function pairedValue(
  labelCell: Element,
  metric: MetricId,
  defaultCurrency: string | undefined,
  hint: LabelHint = {},
  fonts?: FontGuard,
): { element: Element; parsed: ParsedNumber; raw: string } | null | undefined {
  const row = labelCell.closest(ROW_SELECTOR);
  const table = row?.closest('table,[role="table"],[role="grid"]');
  if (!row || !table || row.parentElement?.tagName === 'THEAD') return undefined;
  const cells = cellsOf(row);
  const at = cells.indexOf(labelCell);
  if (at < 0 || at % 2 === 1 || cells.length % 2 === 1) return undefined;
  const isLabel = (c: Element) => c.tagName === 'TH' || c.getAttribute('role') === 'rowheader';
  if (!cells.every((c, i) => isLabel(c) === (i % 2 === 0))) return undefined;
  const rows =
    table.tagName === 'TABLE' ? Array.from((table as HTMLTableElement).rows) : Array.from(table.querySelectorAll(ROW_SELECTOR));
  if (table.querySelector('thead') || rows.some(isHeaderRow)) return undefined;
  return cellValue(cells[at + 1]!, metric, defaultCurrency, hint, fonts);
}

/**
 * A label in a row's cell of a table whose header names days or periods over the row's other cells
 * (metrics as rows, "11-20 | 11-21 | 日均" or "今日 | 昨日 | 近7天" as columns): each day's cell as that day's
 * number, a period's cell only when its column is the selected one, any other column (an average, an
 * unselected period) nothing. Undefined when the header names fewer than two days or periods: the row
 * is read as before.
 */
export function acrossRow(
  label: Element,
  metric: MetricId,
  currency: string | undefined,
  hint: LabelHint = {},
  fonts?: FontGuard,
  anchor?: string,
): ColumnCell[] | undefined {
  const cell = label.closest('td,th');
  const row = cell?.parentElement;
  const head = (row?.closest('table') as HTMLTableElement | null)?.rows[0];
  if (!cell || !head || head === row || !isHeaderRow(head)) return undefined;
  const heads = cellsOf(head);
  const cells = cellsOf(row!);
  const at = cells.indexOf(cell) + 1;
  const columns = cells.slice(at).map((c, i) => {
    const h = heads[at + i];
    const name = shownText(h);
    return { c, h, name, day: dayOf(name, anchor), period: isPeriodWord(name) };
  });
  if (columns.filter((k) => k.day || k.period).length < 2) return undefined;
  const out: ColumnCell[] = [];
  for (const { c, h, name, day, period } of columns) {
    const value = (day || (period && (isSelected(c) || (h && isSelected(h))))) && cellValue(c, metric, currency, hint, fonts);
    if (value)
      out.push({
        ...value,
        locator: `table › row › column “${name}”`,
        ...(day ? { period: { kind: 'day', start: day, end: day } } : {}),
      });
  }
  return out;
}

/** The day a short text names, a year-less date read as the latest not after `anchor`. */
const dayOf = (text: string, anchor?: string) =>
  text.length <= 24 ? (parseDay(text) ?? (anchor ? monthDay(text, anchor) : null)) : null;

/** Whether the rows are days: most keys are dates. */
function isDays(rows: ReadonlyArray<{ day: string | null }>): boolean {
  const dated = rows.filter((r) => r.day).length;
  return dated >= 2 && dated * 2 >= rows.length;
}

/** A plain cell is parsed directly; a cell with a comparison line under its number is read like a card. */
function cellValue(
  cell: Element,
  metric: MetricId,
  currency: string | undefined,
  hint: LabelHint,
  fonts: FontGuard | undefined,
): { element: Element; parsed: ParsedNumber; raw: string } | null {
  const shown = fonts ? fonts.shown(cell) : deepText(cell);
  if (shown !== null && shown.length > 200) return null;
  if (shown === null) return null;
  const raw = collapse(shown);
  const parsed = parseNumber(raw);
  if (parsed) return acceptValue(metric, parsed, currency, hint) ? { element: cell, parsed, raw } : null;
  return valueIn(cell, metric, currency, hint, fonts);
}

function* describeTable(headerRow: Element, anchor?: string): Generator<void, TableInfo | null> {
  if (inShortWindow(headerRow)) return null;
  const headerCells = cellsOf(headerRow);
  const candidates = dataRows(headerRow);
  const rowEls: Element[] = [];
  for (let k = 0; k < candidates.length; k++) {
    if (k > 0 && k % STEP_ROWS === 0) yield;
    if (isShown(candidates[k]!)) rowEls.push(candidates[k]!);
  }
  if (rowEls.length === 0) return null;
  yield;
  const cells = rowEls.map(cellsOf);
  const keyColumn = findKeyColumn(cells);
  const rows: TableInfo['rows'] = [];
  for (let k = 0; k < cells.length; k++) {
    if (k % STEP_ROWS === 0) yield;
    const c = cells[k]!;
    const key = keyColumn >= 0 ? rowKey(cellAt(c, keyColumn)) : '';
    rows.push({ cells: c, key, day: dayOf(key, anchor) });
  }
  const dimension = keyColumn >= 0 ? shownText(cellAt(headerCells, keyColumn)) : '';
  return { headerCells, rows, keyColumn, dimension, days: isDays(rows) };
}

/**
 * A span of minutes or hours named just before a table ("Users in last 30 minutes", "过去30分钟", "近1小时访客"):
 * its rows count that span, not the page's day or range, so none of them is stored.
 */
const SHORT_WINDOW =
  /\b(?:last|past)\s+\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?)\b|(?:过去|過去|近|最近)\s*\d{1,3}\s*(?:分钟|分鐘|小时|小時)|\bper minute\b|每分钟|每分鐘/i;

/** Whether the table's caption, or the few texts printed before it in its card, name a span of minutes or hours. */
function inShortWindow(headerRow: Element): boolean {
  const table = headerRow.closest('table,[role="table"],[role="grid"]');
  if (!table) return false;
  const caption = table.querySelector(':scope > caption')?.textContent ?? '';
  if (SHORT_WINDOW.test(caption)) return true;
  let el: Element | null = table;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    let sibling = el.previousElementSibling;
    for (let n = 0; sibling && n < 4; n++, sibling = sibling.previousElementSibling) {
      const text = sibling.textContent ?? '';
      if (text.length <= 160 && SHORT_WINDOW.test(text)) return true;
    }
  }
  return false;
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  const children = row.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const tag = child.tagName;
    if (tag === 'TD' || tag === 'TH' || CELL_ROLES.has(child.getAttribute('role') ?? '')) cells.push(child);
  }
  return cells;
}

/** Column position counting colspans, so a header lines up with its body cells. */
function columnIndex(cells: Element[], target: Element): number {
  let index = 0;
  for (const cell of cells) {
    if (cell === target || cell.contains(target)) return index;
    index += span(cell);
  }
  return -1;
}

function span(cell: Element): number {
  const n = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function cellAt(cells: Element[], column: number): Element | undefined {
  let index = 0;
  for (const cell of cells) {
    if (index === column) return cell;
    index += span(cell);
    if (index > column) return undefined;
  }
  return undefined;
}

function cellText(cell: Element | undefined): string {
  return cell ? collapse(deepText(cell)) : '';
}

/**
 * A header's or row key's text as the operator sees it: a hidden tooltip or help text in the cell
 * (a column's definition, an item's full title) is no part of the name.
 */
function shownText(cell: Element | undefined): string {
  if (!cell) return '';
  let out = '';
  let last: Element | null = null;
  let shown = true;
  walkText(cell, (n) => {
    const parent = n.parentElement;
    if (!n.data.trim() || !parent) return;
    if (parent !== last) {
      last = parent;
      shown = parent === cell || isShown(parent);
    }
    if (shown) out += n.data;
  });
  return collapse(out);
}

function collapse(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** A row's name is the first line of its key cell (an item's title, not the ID line under it). */
function rowKey(cell: Element | undefined): string {
  if (!cell) return '';
  let key = '';
  walkText(cell, (n) => {
    if (key) return;
    const text = n.data.replace(/\s+/g, ' ').trim().replace(KEY_MARKS, '');
    if (text.length < 1 || /^[+\-−•·▸▶►›»>*]+$/u.test(text)) return;
    // A hidden tooltip before the name ("ⓘ" help, a screen-reader copy) is not the row's name.
    const parent = n.parentElement;
    if (parent && parent !== cell && !isShown(parent)) return;
    key = text.slice(0, 80);
  });
  return key;
}

/** The rows after the header row in its table, or in the body table that follows a split header. */
function dataRows(headerRow: Element): Element[] {
  const table = headerRow.closest('table,[role="table"],[role="grid"],[role="treegrid"]');
  if (!table) return [];
  const rows = bodyRows(table, headerRow);
  if (rows.length > 0) return rows;
  // Split header/body: look at tables following this one within a few ancestors.
  let scope: Element | null = table.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    for (const t of Array.from(scope.querySelectorAll('table,[role="table"],[role="grid"]'))) {
      if (t === table || !(table.compareDocumentPosition(t) & 4) /* FOLLOWING */ || t.contains(table)) continue;
      const found = bodyRows(t, headerRow);
      if (found.length > 0) return found;
    }
  }
  return [];
}

/** Up to MAX_ROWS rows of a table that are not header rows; HTML tables use their own row list. */
function bodyRows(table: Element, headerRow: Element): Element[] {
  const all = table.tagName === 'TABLE' ? (table as HTMLTableElement).rows : table.querySelectorAll(ROW_SELECTOR);
  const out: Element[] = [];
  for (let i = 0; i < all.length && out.length < MAX_ROWS; i++) {
    const row = all[i]!;
    if (row === headerRow || row.parentElement?.tagName === 'THEAD' || isHeaderRow(row)) continue;
    out.push(row);
  }
  return out;
}

function isHeaderRow(row: Element): boolean {
  const cells = cellsOf(row);
  return cells.length > 0 && cells.every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader');
}

/** The first column whose cells are mostly text, not numbers: the row key. A placeholder ("--", "N/A") is a missing number, not a name. */
function findKeyColumn(rows: Element[][]): number {
  const sample = rows.slice(0, 5);
  const width = Math.max(0, ...sample.map((cells) => cells.length));
  for (let col = 0; col < width; col++) {
    let text = 0;
    for (const cells of sample) {
      const t = cellText(cellAt(cells, col));
      if (t && !parseNumber(t) && !isPlaceholder(t)) text++;
    }
    if (text * 2 > sample.length) return col;
  }
  return -1;
}
