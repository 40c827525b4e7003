/**
 * Decision times: when the day's pace is checked against the daily target and, if it misses by more
 * than the margin, the operator is told once (core/background/pace-checks.ts runs them). A setting
 * of its own, optional in the stored settings: absent means these defaults.
 */
export interface PaceChecks {
  /** Off until the operator turns it on (notifications are an optional permission). */
  enabled: boolean;
  /** HH:MM on the platform's clock, e.g. 14:00 and 20:00. */
  times: string[];
  /** How far below the daily target the projection must be to notify (0.1: more than 10% short). */
  margin: number;
}

export const DEFAULT_PACE_CHECKS: PaceChecks = { enabled: false, times: ['14:00', '20:00'], margin: 0.1 };
export const MAX_CHECK_TIMES = 6;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClock = (s: string): boolean => CLOCK.test(s);
export const clockMinute = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Repairs a stored `paceChecks` field by field, as the settings are (a note per repaired field). */
export function repairPaceChecks(raw: unknown, notes: string[]): PaceChecks {
  const checks: PaceChecks = { ...DEFAULT_PACE_CHECKS, times: [...DEFAULT_PACE_CHECKS.times] };
  if (!isObject(raw)) {
    notes.push('paceChecks: not an object; off, 14:00 and 20:00, 10%');
    return checks;
  }
  if (typeof raw.enabled === 'boolean') checks.enabled = raw.enabled;
  else if (raw.enabled !== undefined) notes.push('paceChecks.enabled: not true or false; off');
  if (
    Array.isArray(raw.times) &&
    raw.times.length <= MAX_CHECK_TIMES &&
    raw.times.every((t) => typeof t === 'string' && isClock(t))
  )
    checks.times = [...new Set(raw.times as string[])].sort();
  else if (raw.times !== undefined)
    notes.push(`paceChecks.times: ${JSON.stringify(raw.times)} is not a list of HH:MM; 14:00 and 20:00 used`);
  if (typeof raw.margin === 'number' && Number.isFinite(raw.margin) && raw.margin >= 0 && raw.margin < 1)
    checks.margin = raw.margin;
  else if (raw.margin !== undefined)
    notes.push(`paceChecks.margin: ${JSON.stringify(raw.margin)} is not a fraction from 0 to 1; 10% used`);
  return checks;
}
