import type { QuietHours } from './types';

/** Whether `now` falls in the quiet window (from inclusive, to exclusive; a window may cross midnight). */
export function inQuietHours(quiet: QuietHours, now: number): boolean {
  if (!quiet.enabled || quiet.from === quiet.to) return false;
  const d = new Date(now);
  const minute = d.getHours() * 60 + d.getMinutes();
  const [from, to] = [quiet.from, quiet.to].map((hm) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3)));
  return from! < to! ? minute >= from! && minute < to! : minute >= from! || minute < to!;
}
