import type { ObservedValue } from './types';

/**
 * How long each piece of page text in a report may be. The background's validation (core/schemas.ts)
 * refuses a reading whose text is longer; the reader cuts page text to these lengths before it reports
 * (core/sites/define.ts), so a long tooltip in a table header or a long page title costs the end of a
 * text, never a reading. Both sides import this module, so they cannot drift apart.
 */
export const LIMITS = {
  site: 40,
  store: 120,
  dimension: 80,
  key: 120,
  peer: 120,
  adapter: 40,
  locator: 600,
  label: 120,
  raw: 120,
  /** Readings in one report. */
  readings: 2000,
} as const;

/** `text` cut to at most `max` characters, the last of them "…"; never half of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max - 1;
  const high = text.charCodeAt(end - 1);
  return `${text.slice(0, high >= 0xd800 && high <= 0xdbff ? end - 1 : end)}…`;
}

/** A reading with every page text in it cut to the limits (the adapter's id is ours, never page text). */
export function fitObserved(o: ObservedValue): ObservedValue {
  const s = o.source;
  const fitted: ObservedValue = {
    ...o,
    source: { ...s, locator: clip(s.locator, LIMITS.locator), label: clip(s.label, LIMITS.label), raw: clip(s.raw, LIMITS.raw) },
  };
  if (o.breakdown)
    fitted.breakdown = { dimension: clip(o.breakdown.dimension, LIMITS.dimension), key: clip(o.breakdown.key, LIMITS.key) };
  if (o.peer) fitted.peer = clip(o.peer, LIMITS.peer);
  return fitted;
}
