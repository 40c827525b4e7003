import { describe, expect, it } from 'vitest';
import { createService, memoryReviewCache } from '@/core/background/service';
import { memoryCheckLog } from '@/core/background/pace-checks';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';
import { toImportCsv } from '@/core/sheets/to-import';
import type { PlannedDay } from '@/core/sheets/types';
import type { ReviewState } from '@/core/review/types';
import { freshDb, noonOf } from './support/db';
import { importOver } from './support/port';
import { POPUP } from './support/senders';

/**
 * The review's alerts judged again without a page being read: after a spreadsheet import (the days
 * arrive through the import port, as components/SheetImport.tsx sends them) and on the alarm's first
 * tick of a new day, when the day before has closed.
 */

const TODAY = '2026-11-27';
const STORE = '小雨的旗舰店';
const shift = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Sheet days from `from` to `to`; visitors halve on the dates in `low` (conversion and order value steady). */
function sheetDays(from: string, to: string, low: ReadonlySet<string>): PlannedDay[] {
  const days: PlannedDay[] = [];
  for (let date = from, row = 1; date <= to; date = shift(date, 1), row++) {
    const visitors = low.has(date) ? 1500 : 3000;
    days.push({
      row,
      date,
      values: [
        { metric: 'visitors', value: visitors },
        { metric: 'conversionRate', value: 0.025 },
        { metric: 'avgOrderValue', value: 120, currency: 'CNY' },
        { metric: 'sales', value: visitors * 3, currency: 'CNY' },
      ],
    } as PlannedDay);
  }
  return days;
}

async function service(name: string, settings: Settings = DEFAULT_SETTINGS) {
  const db = await freshDb(name);
  let clock = noonOf(TODAY);
  const s = createService({
    extensionId: POPUP.id!,
    openDb: async () => db,
    now: () => clock,
    reviewCache: memoryReviewCache(),
    loadSettings: async () => settings,
    checkLog: memoryCheckLog(),
  });
  const reviewAlerts = async () =>
    ((await s.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState).inbox.filter((a) => a.id.includes('rule:review-'));
  const importDays = async (days: PlannedDay[], preferFile = false) => {
    const csv = toImportCsv(days, { site: 'sycm', store: STORE, preferFile, now: clock });
    const { report, error } = await importOver(s, POPUP, csv);
    expect(error).toBeUndefined();
    return report!;
  };
  return { s, reviewAlerts, importDays, setClock: (t: number) => void (clock = t) };
}

describe('review alerts after a spreadsheet import', () => {
  const from = shift(TODAY, -35);
  const yesterday = shift(TODAY, -1);
  const lastTwo = new Set([shift(TODAY, -2), yesterday]);

  it('raises the visitors alert the imported days call for, with no page read', async () => {
    const { reviewAlerts, importDays } = await service('storepulse-rejudge-import');
    const report = await importDays(sheetDays(from, yesterday, lastTwo));
    expect(report.rejectedCount).toBe(0);
    const alerts = await reviewAlerts();
    expect(alerts.map((a) => [a.metric, a.status])).toEqual([['visitors', 'open']]);
    expect(alerts[0]!.store).toBe(STORE);
  });

  it('raises nothing when the operator switched that kind of alert off', async () => {
    const { reviewAlerts, importDays } = await service('storepulse-rejudge-off', {
      ...DEFAULT_SETTINGS,
      reviewAlerts: { factorDrop: false },
    });
    await importDays(sheetDays(from, yesterday, lastTwo));
    expect(await reviewAlerts()).toEqual([]);
  });

  it('resolves the alert when a corrected sheet, preferred over what was stored, closes the gap', async () => {
    const { reviewAlerts, importDays } = await service('storepulse-rejudge-fix');
    await importDays(sheetDays(from, yesterday, lastTwo));
    expect((await reviewAlerts()).map((a) => a.status)).toEqual(['open']);
    await importDays(sheetDays(shift(TODAY, -2), yesterday, new Set()), true);
    expect(await reviewAlerts()).toEqual([]);
  });
});

describe('review alerts when the day turns', () => {
  it('raises the alert on the first alarm tick after midnight, once today’s fall has become a closed day', async () => {
    const { s, reviewAlerts, importDays, setClock } = await service('storepulse-rejudge-day');
    // Visitors fell yesterday and today: today is not closed yet, so one bad day is not a trend.
    await importDays(sheetDays(shift(TODAY, -35), TODAY, new Set([shift(TODAY, -1), TODAY])));
    expect(await reviewAlerts()).toEqual([]);
    setClock(new Date(2026, 10, 28, 0, 5).getTime());
    await s.checkPace();
    const alerts = await reviewAlerts();
    expect(alerts.map((a) => [a.metric, a.status])).toEqual([['visitors', 'open']]);
    expect(alerts[0]!.review?.range).toEqual({ start: shift(TODAY, -1), end: TODAY });
  });
});
