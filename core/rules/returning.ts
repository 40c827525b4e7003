import { RETURNING_HEAVY_SHARE, RETURNING_MIN_DAYS } from './defaults';

/**
 * Whether a shop counts as returning-heavy (its warn lines move to the returning-heavy ones), decided
 * from its own returning share over the last four weeks unless the operator set the switch.
 */

/** A day's value (the shape of review/types.ts's DailyPoint, which imports from here). */
interface DayValue {
  date: string;
  value: number;
}

/** The shop's returning share over the window, and how many days it stands on. */
export interface ReturningMix {
  /** Returning visitors ÷ visitors over the days read (null with no day read). */
  share: number | null;
  days: number;
}

/**
 * The window's share, weighted by each day's visitors: Σ returning ÷ Σ visitors. A day gives its
 * returning visitors from 老访客数, or from 老访客占比 × visitors; a day with a share but no visitors
 * counts with weight 1 only when no day of the window has visitors (then the shares are averaged).
 */
export function returningMix(
  share: readonly DayValue[],
  returning: readonly DayValue[],
  visitors: readonly DayValue[],
): ReturningMix {
  const v = new Map(visitors.filter((p) => p.value > 0).map((p) => [p.date, p.value]));
  const r = new Map(returning.filter((p) => p.value >= 0).map((p) => [p.date, p.value]));
  const s = new Map(share.filter((p) => p.value >= 0 && p.value <= 1).map((p) => [p.date, p.value]));
  let num = 0;
  let den = 0;
  let days = 0;
  for (const [date, visits] of v) {
    const back = r.has(date) ? r.get(date)! : s.has(date) ? s.get(date)! * visits : null;
    if (back === null || back > visits) continue;
    num += back;
    den += visits;
    days++;
  }
  if (days > 0) return { share: num / den, days };
  const shares = [...s.values()];
  return shares.length
    ? { share: shares.reduce((a, b) => a + b, 0) / shares.length, days: shares.length }
    : { share: null, days: 0 };
}

export type ReturningReason = 'on' | 'off' | 'autoHeavy' | 'autoLight' | 'autoTooFew';

export interface ReturningDecision extends ReturningMix {
  heavy: boolean;
  reason: ReturningReason;
}

/** The switch wins when set; otherwise the mix decides, and too few days read decide "not heavy". */
export function decideReturning(setting: boolean | undefined, mix: ReturningMix): ReturningDecision {
  if (setting !== undefined) return { ...mix, heavy: setting, reason: setting ? 'on' : 'off' };
  if (mix.share === null || mix.days < RETURNING_MIN_DAYS) return { ...mix, heavy: false, reason: 'autoTooFew' };
  const heavy = mix.share >= RETURNING_HEAVY_SHARE;
  return { ...mix, heavy, reason: heavy ? 'autoHeavy' : 'autoLight' };
}
