import type { Database } from '../db';
import type { EventDay } from '../event-days';
import { translator, type Locale } from '../i18n';
import { wallClock } from '../intraday-curves';
import { paceText } from '../pace-text';
import { clockMinute, DEFAULT_PACE_CHECKS, type PaceChecks } from '../pace-checks';
import { inQuietHours, type QuietHours } from '../rules';
import { PACE_NOTICE_SCREEN } from '../strings/pace';
import type { Notice } from './notices';
import { allPaces } from './pace';

/**
 * Decision times: an alarm wakes the worker every few minutes; a check time that has come (on the
 * shop's platform clock) is looked at once per shop and day, and a projection short of the daily target
 * by more than the margin makes one notification naming the gap and the lever.
 */

export const PACE_ALARM = 'storepulse-pace-check';
export const CHECK_EVERY_MINUTES = 5;
/** A check is due from its time until this much later: a computer that slept does not announce a stale check hours on. */
export const CHECK_WINDOW_MINUTES = 30;
/** The projection must stand on a reading this recent at the check time: a board closed in the morning says nothing of 20:00. */
export const FRESH_MINUTES = 60;

/** Which check times have been looked at (kept across worker restarts): `site|store|date|HH:MM`. */
export interface CheckLog {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
}

export function memoryCheckLog(): CheckLog {
  const seen = new Set<string>();
  return { has: async (k) => seen.has(k), add: async (k) => void seen.add(k) };
}

/** The check times due at `minute` of the day. */
export function dueTimes(times: readonly string[], minute: number): string[] {
  return times.filter((t) => minute >= clockMinute(t) && minute < clockMinute(t) + CHECK_WINDOW_MINUTES);
}

/**
 * Runs the checks due now; returns the notifications to show. Each due check time of a shop's day is
 * looked at once, whatever it finds (on track, short, quiet hours), so it never notifies twice.
 */
export async function runPaceChecks(
  db: Database,
  now: number,
  settings: { paceChecks?: PaceChecks; quietHours: QuietHours; eventDays?: readonly EventDay[] },
  log: CheckLog,
  locale: Locale,
): Promise<Notice[]> {
  const checks = settings.paceChecks ?? DEFAULT_PACE_CHECKS;
  if (!checks.enabled || !checks.times.length) return [];
  const t = translator(locale, PACE_NOTICE_SCREEN);
  const notices: Notice[] = [];
  for (const view of await allPaces(db, now, settings.eventDays)) {
    const clock = wallClock(now, view.timeZone);
    if (clock.date !== view.date) continue;
    for (const time of dueTimes(checks.times, clock.minute)) {
      const key = [view.site, view.store, view.date, time].join('|');
      if (await log.has(key)) continue;
      await log.add(key);
      const p = view.projection;
      if (inQuietHours(settings.quietHours, now) || p.minute < clockMinute(time) - FRESH_MINUTES) continue;
      if (p.target === null || p.gap === null || -p.gap <= checks.margin * p.target) continue;
      const text = paceText(view, t, locale);
      const lever = text.lever ? ` ${text.lever.text} · ${text.lever.owner} · ${text.lever.fix}` : '';
      notices.push({
        id: `pace|${key}`,
        title: t('pace_noticeTitle', { store: view.store }),
        message: `${text.headline}${lever}`,
      });
    }
  }
  return notices;
}
