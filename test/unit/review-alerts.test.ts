import { describe, expect, it } from 'vitest';
import { createService, memoryReviewCache, type Sender } from '@/core/background/service';
import { FIXES } from '@/core/fixes';
import { reviewVerdicts } from '@/core/review/review-alerts';
import { REVIEW_ALERTS } from '@/core/rules';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '@/core/settings';
import type { ReviewState } from '@/core/review/types';
import { freshDb, noonOf, SYCM_URL, visitorsDay } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

const TAB: Sender = pageSender(3, SYCM_URL);
const TODAY = '2026-11-27';
const STORE = '小雨的旗舰店';
const dateBefore = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Five weeks up to yesterday through the service; visitors halve on the last `fallDays` days. */
async function seeded(fallDays: number, settings: Settings = DEFAULT_SETTINGS) {
  const db = await freshDb('storepulse-review-alerts');
  let clock = noonOf(TODAY);
  let current = settings;
  const service = createService({
    extensionId: EXT,
    openDb: async () => db,
    now: () => clock,
    reviewCache: memoryReviewCache(),
    loadSettings: async () => current,
  });
  const read = async (date: string, visitors: number) =>
    expect(await service.handle({ type: 'report', payload: visitorsDay(date, visitors) }, TAB)).toMatchObject({ stored: 6 });
  for (let i = 35; i >= 1; i--) await read(dateBefore(TODAY, i), i <= fallDays ? 1500 : 3000);
  const inbox = async () => ((await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState).inbox;
  return {
    service,
    read,
    inbox,
    setClock: (t: number) => void (clock = t),
    setSettings: (s: Settings) => void (current = s),
  };
}

const reviewAlerts = (inbox: ReviewState['inbox']) => inbox.filter((a) => a.id.includes('rule:review-'));

describe('the review’s default alerts', () => {
  it('raise one alert when visitors stay 10% or more under the same-weekday median for 2 closed days, naming the source and owners', async () => {
    const { inbox } = await seeded(2);
    const alerts = reviewAlerts(await inbox());
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toMatchObject({ store: STORE, metric: 'visitors', fix: 'visitorsFell', value: 1500, threshold: 3000 });
    expect(a.period).toEqual({ kind: 'range', start: dateBefore(TODAY, 2), end: dateBefore(TODAY, 1) });
    expect(a.review).toMatchObject({ change: -0.5, fellSource: { key: '手淘搜索', current: 500, baseline: 2000 } });
    // The fix names who leads and who helps, each with a task.
    expect(FIXES[a.fix].owners.map((o) => o.role)).toEqual(['promotion', 'operations']);
  });

  it('stay quiet after one bad day: one noisy day is not a trend', async () => {
    const { inbox } = await seeded(1);
    expect(reviewAlerts(await inbox())).toEqual([]);
  });

  it('keep one alert per shop and cause as more bad days come, and resolve it when the gap closes', async () => {
    const { inbox, read, setClock } = await seeded(2);
    const first = reviewAlerts(await inbox());
    setClock(noonOf(dateBefore(TODAY, -1)));
    await read(TODAY, 1400); // a third bad day
    const second = reviewAlerts(await inbox());
    expect(second.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(second[0]!.period).toMatchObject({ start: dateBefore(TODAY, 1), end: TODAY });
    setClock(noonOf(dateBefore(TODAY, -2)));
    await read(dateBefore(TODAY, -1), 3000); // visitors back
    expect(reviewAlerts(await inbox())).toEqual([]);
  });

  it('raise the target miss once both days fell short of the daily target, and never a second alert for it', async () => {
    const { service, inbox } = await seeded(2);
    // 225,000 over November's 30 days: 7,500 a day; the steady days sold 9,000, the last two 4,500.
    await service.handle(
      {
        type: 'setTarget',
        payload: { site: 'sycm', store: STORE, month: '2026-11', amount: 225_000, currency: 'CNY', split: 'even' },
      },
      POPUP,
    );
    const alerts = reviewAlerts(await inbox());
    const miss = alerts.filter((a) => a.metric === 'sales');
    expect(miss).toHaveLength(1);
    expect(miss[0]).toMatchObject({ fix: 'salesBelowTarget', value: 4500, threshold: 7500, currency: 'CNY' });
    expect(FIXES.salesBelowTarget.owners[0].role).toBe('operations');
    // Raising the target again judges again: still one alert for the miss.
    await service.handle(
      {
        type: 'setTarget',
        payload: { site: 'sycm', store: STORE, month: '2026-11', amount: 240_000, currency: 'CNY', split: 'even' },
      },
      POPUP,
    );
    expect(reviewAlerts(await inbox()).filter((a) => a.metric === 'sales')).toHaveLength(1);
  });

  it('resolve an open alert when the operator switches its kind off', async () => {
    const { inbox, read, setSettings, setClock } = await seeded(2);
    expect(reviewAlerts(await inbox())).toHaveLength(1);
    setSettings({ ...DEFAULT_SETTINGS, reviewAlerts: { factorDrop: false } });
    setClock(noonOf(dateBefore(TODAY, -1)));
    await read(TODAY, 1400);
    expect(reviewAlerts(await inbox())).toEqual([]);
  });

  it('use the operator’s own least fall: at 60% a halving is not enough', async () => {
    const { inbox } = await seeded(2, { ...DEFAULT_SETTINGS, reviewAlerts: { minDrop: 0.6 } });
    expect(reviewAlerts(await inbox())).toEqual([]);
  });
});

describe('judging the review’s alerts', () => {
  const series = (values: number[]) => values.map((value, i) => ({ date: dateBefore(TODAY, values.length - i), value }));

  it('says nothing new (neither fired nor fine) on a first bad day after good ones', () => {
    const visitors = series([...Array(28).fill(1000), 1000, 700]);
    const verdicts = reviewVerdicts(
      {
        site: 's',
        store: 'x',
        today: TODAY,
        series: {
          visitors,
          conversionRate: series(Array(30).fill(0.02)),
          avgOrderValue: series(Array(30).fill(100)),
          sales: series(Array(30).fill(1)),
        },
        target: null,
      },
      REVIEW_ALERTS,
    );
    expect(verdicts.find((v) => v.cause === 'visitors')).toMatchObject({
      state: 'unknown',
      change: expect.closeTo(-0.3, 12) as number,
    });
    expect(verdicts.find((v) => v.cause === 'conversionRate')).toMatchObject({ state: 'fine' });
    expect(verdicts.find((v) => v.cause === 'target')).toBeUndefined();
  });
});

describe('the review alerts’ settings', () => {
  it('keep what is valid and say what was not', () => {
    const { settings, notes } = repairSettings({
      ...DEFAULT_SETTINGS,
      reviewAlerts: { targetMiss: false, minDrop: 2, days: 1.5 },
    });
    expect(settings.reviewAlerts).toEqual({ targetMiss: false });
    expect(notes.join('\n')).toMatch(/minDrop: 2 is not between 1% and 90%/);
    expect(notes.join('\n')).toMatch(/days: 1.5 is not a whole number/);
  });
});
