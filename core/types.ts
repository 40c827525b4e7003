import type { MetricId } from './metrics';

/** What a page showed, in one line: a day, a closed range, or today's real-time numbers. */
export interface Period {
  kind: 'day' | 'range' | 'realtime' | 'unknown';
  /** ISO dates (YYYY-MM-DD) in the shop's calendar. For `day`/`realtime` start === end. */
  start: string;
  end: string;
}

/** A reading of part of the store: a traffic source, an item, an ASIN. */
export interface Breakdown {
  dimension: string;
  key: string;
}

/** Where a value was found, so the operator can ask "where did this number come from?". */
export interface Source {
  /** `binding`: a number the operator picked and bound to a metric on a site without an adapter. */
  reader: 'adapter' | 'generic' | 'binding';
  adapter?: string;
  /** A short, human-readable path to the value element (tag names and indices, no page text). */
  locator: string;
  /** The label as printed on the page (plain text, clipped). */
  label: string;
  /** The value as printed on the page (plain text, clipped). */
  raw: string;
}

/** One number as it comes out of the reader, before it is stored. */
export interface ObservedValue {
  metric: MetricId;
  value: number;
  currency?: string;
  breakdown?: Breakdown;
  peer?: string;
  source: Source;
}
