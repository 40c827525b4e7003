import type { MetricId } from '../metrics';
import type { Breakdown } from '../types';

/**
 * What the options page and the report reader (a worker) say to each other, and the preview it shows.
 * A leaf: it imports no reader, so the options page's own bundle stays small.
 */

/** Platforms whose report files are recognised; the order of the preview's choice. */
export const REPORT_SITES = ['sycm', 'jd', 'douyin', 'pdd', 'shopee', 'shopify', 'amazon', 'ga4'] as const;

export type ColumnRole = 'date' | 'breakdown' | 'metric' | 'ignore';

/** A file refused before any table was looked for, by kind. */
export type RefusalKind = 'xls' | 'unknown' | 'empty' | 'encoding' | 'workbook' | 'noTable';

export type RefusalReason =
  | 'total'
  | 'noDate'
  | 'weekOrMonth'
  | 'dateOrder'
  | 'future'
  | 'badNumber'
  | 'negative'
  | 'wrongUnit'
  | 'unitUnclear'
  | 'duplicate'
  | 'noValues';

export interface Refusal {
  /** 1-based row of the sheet, as a spreadsheet numbers it. */
  row: number;
  reason: RefusalReason;
  /** The column concerned, for a cell's refusal. */
  column?: string;
  /** The text refused, as printed. */
  text?: string;
}

export interface PlannedValue {
  metric: MetricId;
  value: number;
  currency?: string;
}

export interface PlannedDay {
  row: number;
  date: string;
  breakdown?: Breakdown;
  values: PlannedValue[];
}

export interface PreviewColumn {
  index: number;
  header: string;
  role: ColumnRole;
  metric?: MetricId;
  unmapped?: 'lookalike' | 'unknown' | 'taken';
}

export interface Preview {
  file: string;
  encoding?: string;
  sheets: string[];
  sheet: number;
  site?: string;
  store?: string;
  titlePeriod?: { start: string; end: string };
  period?: { start: string; end: string };
  columns: PreviewColumn[];
  /** The first rows as they will be stored. */
  first: PlannedDay[];
  /** Days (rows) and values that will be stored. */
  dayCount: number;
  valueCount: number;
  refusals: Refusal[];
  refusalCount: number;
  /** Cells with no number (blank, `-`). */
  empty: number;
}

export type SheetRequest =
  | { type: 'read'; bytes: ArrayBuffer; name: string; latest: string }
  | { type: 'sheet'; sheet: number }
  | { type: 'site'; site: string }
  | { type: 'map'; index: number; role: ColumnRole; metric?: MetricId }
  | { type: 'csv'; site: string; store: string; preferFile: boolean; now: number };

export type SheetReply =
  { type: 'preview'; preview: Preview } | { type: 'refused'; kind: RefusalKind; detail: string } | { type: 'csv'; text: string };
