import { parseNumber, type ParsedNumber } from '../parse';
import type { Breakdown } from '../types';
import { isShown } from './walk';

/**
 * Reads one column of a table whose header cell carries a metric label: each data row's cell in that
 * column, with the row's key (first text column) as a breakdown, and total rows (合计, Total) as the
 * store's own value. Works for <table> and ARIA grids, and for tables whose header and body are split
 * into two <table>s (fixed-header tables do that).
 */

export interface ColumnCell {
  element: Element;
  parsed: ParsedNumber;
  raw: string;
  /** Absent for a total row: the store's own value. */
  breakdown?: Breakdown;
}

const TOTAL_KEY = /^(合计|總計|总计|合計|汇总|匯總|全部|全店|整体|整體|total|totals|grand total|all|overall|summary)$/i;
const ROW_SELECTOR = 'tr,[role="row"]';
const CELL_SELECTOR = 'th,td,[role="columnheader"],[role="rowheader"],[role="cell"],[role="gridcell"]';
const MAX_ROWS = 500;

export function readTableColumn(header: Element, _label: Element): ColumnCell[] {
  const headerRow = header.closest(ROW_SELECTOR);
  if (!headerRow) return [];
  const headerCells = cellsOf(headerRow);
  const column = columnIndex(headerCells, header);
  if (column < 0) return [];
  const rows = dataRows(headerRow);
  if (rows.length === 0) return [];
  const keyColumn = findKeyColumn(rows, column);
  const dimension = keyColumn >= 0 ? cellText(cellAt(headerCells, keyColumn)) : '';
  const out: ColumnCell[] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    const cell = cellAt(cells, column);
    if (!cell) continue;
    const raw = cellText(cell);
    const parsed = parseNumber(raw);
    if (!parsed || !isShown(row)) continue;
    const key = keyColumn >= 0 ? cellText(cellAt(cells, keyColumn)) : '';
    if (!key || TOTAL_KEY.test(key.replace(/\s+/g, ' '))) {
      // With no key column, only a single data row can be the store's own value.
      if (!key && rows.length > 1) continue;
      out.push({ element: cell, parsed, raw });
    } else {
      out.push({ element: cell, parsed, raw, breakdown: { dimension: dimension || 'row', key: key.slice(0, 80) } });
    }
  }
  return out;
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (const child of Array.from(row.children)) {
    if (child.matches(CELL_SELECTOR)) cells.push(child);
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
  return (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The rows after the header row in its table, or in the body table that follows a split header. */
function dataRows(headerRow: Element): Element[] {
  const table = headerRow.closest('table,[role="table"],[role="grid"],[role="treegrid"]');
  if (!table) return [];
  const rows = Array.from(table.querySelectorAll(ROW_SELECTOR)).filter((r) => r !== headerRow && !isHeaderRow(r));
  if (rows.length > 0) return rows.slice(0, MAX_ROWS);
  // Split header/body: look at tables following this one within a few ancestors.
  let scope: Element | null = table.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    const tables = Array.from(scope.querySelectorAll('table,[role="table"],[role="grid"]'));
    const after = tables.filter((t) => t !== table && table.compareDocumentPosition(t) & 4 /* FOLLOWING */ && !t.contains(table));
    for (const t of after) {
      const bodyRows = Array.from(t.querySelectorAll(ROW_SELECTOR)).filter((r) => !isHeaderRow(r));
      if (bodyRows.length > 0) return bodyRows.slice(0, MAX_ROWS);
    }
  }
  return [];
}

function isHeaderRow(row: Element): boolean {
  const cells = cellsOf(row);
  return cells.length > 0 && cells.every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader');
}

/** The first column, other than the metric's, whose cells are mostly text: the row key. */
function findKeyColumn(rows: Element[], metricColumn: number): number {
  const sample = rows.slice(0, 5).map(cellsOf);
  const width = Math.max(0, ...sample.map((cells) => cells.length));
  for (let col = 0; col < width; col++) {
    if (col === metricColumn) continue;
    let text = 0;
    for (const cells of sample) {
      const t = cellText(cellAt(cells, col));
      if (t && !parseNumber(t)) text++;
    }
    if (text * 2 > sample.length) return col;
  }
  return -1;
}
