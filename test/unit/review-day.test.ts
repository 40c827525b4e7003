import { describe, expect, it } from 'vitest';
import { buildDayReview, type DayReviewInput } from '@/core/review/day-review';
import { addDays } from '@/core/review/dates';
import type { MetricId } from '@/core/metrics';
import type { DailyPoint, MonthTarget } from '@/core/review/types';

/**
 * A shop that sells 1000 visitors × 2% × ¥100 = ¥2000 every day from Monday 19 October 2026, reviewed
 * on Wednesday 25 November (the day reviewed is Tuesday the 24th; its baseline the Tuesdays 17th, 10th,
 * 3rd and 27 October). November's target is ¥60,000 split evenly: ¥2000 a day.
 */
const TODAY = '2026-11-25';
const FIRST = '2026-10-19';
const NOVEMBER: MonthTarget = { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 60000, split: 'even' };

type Day = Partial<Record<MetricId, number>>;
const NORMAL: Day = { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100, paidBuyers: 20, orders: 22, sales: 2000 };

/** 38 days (19 Oct – 25 Nov, today included as a running day) of NORMAL, with changes on some days. */
function shop(changes: Record<string, Day> = {}, drop: MetricId[] = []): Partial<Record<MetricId, DailyPoint[]>> {
  const series: Partial<Record<MetricId, DailyPoint[]>> = {};
  for (let i = 0; i < 38; i++) {
    const date = addDays(FIRST, i);
    for (const [metric, value] of Object.entries({ ...NORMAL, ...changes[date] }) as [MetricId, number][]) {
      if (!drop.includes(metric)) (series[metric] ??= []).push({ date, value });
    }
  }
  return series;
}

const input = (over: Partial<DayReviewInput>): DayReviewInput => ({
  site: 'sycm',
  store: '小雨的旗舰店',
  currency: 'CNY',
  today: TODAY,
  series: shop(),
  target: NOVEMBER,
  ...over,
});

/** Visitors per source: search 600, paid 300, content 100, with changes on some days. */
function sources(changes: Record<string, Record<string, number>> = {}): Record<string, DailyPoint[]> {
  const out: Record<string, DailyPoint[]> = {};
  for (let i = 0; i < 38; i++) {
    const date = addDays(FIRST, i);
    for (const [key, value] of Object.entries({ search: 600, paid: 300, content: 100, ...changes[date] })) {
      (out[key] ??= []).push({ date, value });
    }
  }
  return out;
}

/** Paths of every number in `value` that is NaN or infinite (JSON would hide them as null). */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

describe('the daily review', () => {
  it('explains a missed day by the visitors that fell, and names the source', () => {
    // Mon 23rd and Tue 24th: 800 visitors × 2% × 100 = 1600 (16 buyers). Search lost 200 of its 600.
    const fell: Day = { visitors: 800, paidBuyers: 16, sales: 1600 };
    const r = buildDayReview(
      input({
        series: shop({ '2026-11-23': fell, '2026-11-24': fell, '2026-11-25': { sales: 100 } }),
        sources: sources({ '2026-11-23': { search: 400 }, '2026-11-24': { search: 400 } }),
      }),
    );
    expect(r).toMatchObject({ date: '2026-11-24', sales: 1600, target: 2000, status: 'missed', currency: 'CNY' });
    expect(r.completion).toBeCloseTo(0.8, 12);
    // Baseline: Tuesdays 17th, 10th, 3rd, 27 Oct at 2000 → 2000; 1600 ÷ 2000 − 1 = −20%.
    expect(r).toMatchObject({ baseline: 2000, baselineWeeks: 4, sustained: true });
    expect(r.change).toBeCloseTo(-0.2, 12);
    expect(r.decomposition).toMatchObject({ main: 'visitors', fix: 'visitorsFell' });
    expect(r.decomposition?.factors.map((f) => f.share)).toEqual([1, 0, 0]);
    expect(r.decomposition?.fallingSource?.key).toBe('search');
    expect(r.decomposition?.fallingSource?.change).toBeCloseTo(-1 / 3, 12);
    expect(nonFinite(r)).toEqual([]);
    // Month: 24 closed days plan 48,000; sold 22 × 2000 + 2 × 1600 = 47,200 → 47,200 ÷ 48,000 − 1 = −1.67%.
    expect(r.month).toMatchObject({ actual: 47200, planToDate: 48000, daysElapsed: 24, daysWithData: 24 });
    expect(r.month?.pace).toBeCloseTo(47200 / 48000 - 1, 12);
  });

  it('does not call one bad day sustained', () => {
    const r = buildDayReview(input({ series: shop({ '2026-11-24': { visitors: 800, paidBuyers: 16, sales: 1600 } }) }));
    expect(r).toMatchObject({ status: 'missed', sustained: false });
    expect(r.decomposition?.main).toBe('visitors');
  });

  it('derives conversion and AOV from buyers when the page printed neither', () => {
    // Tue 24th: 1000 visitors, 15 buyers, ¥1500 → conversion 15 ÷ 1000 = 1.5%, AOV 1500 ÷ 15 = 100.
    // Baseline: 20 ÷ 1000 = 2%, 2000 ÷ 20 = 100. All of the −25% is conversion.
    const series = shop({ '2026-11-24': { paidBuyers: 15, sales: 1500 } }, ['conversionRate', 'avgOrderValue']);
    const d = buildDayReview(input({ series })).decomposition;
    expect(d).toMatchObject({ main: 'conversionRate', fix: 'conversionLow' });
    expect(d?.salesChange).toBeCloseTo(-0.25, 12);
    expect(d?.factors[1]).toMatchObject({ current: 0.015, baseline: 0.02 });
    expect(d?.factors[2]).toMatchObject({ current: 100, baseline: 100 });
  });

  it('falls back on orders when buyers were not read', () => {
    // Tue 24th: 22 orders as always, ¥1760 → AOV per order 80 against 2000 ÷ 22 = 90.91: AOV fell.
    const series = shop({ '2026-11-24': { sales: 1760 } }, ['conversionRate', 'avgOrderValue', 'paidBuyers']);
    const d = buildDayReview(input({ series })).decomposition;
    expect(d).toMatchObject({ main: 'avgOrderValue', fix: 'aovFell' });
    expect(d?.factors[2]?.current).toBeCloseTo(80, 12);
    expect(d?.factors[2]?.baseline).toBeCloseTo(2000 / 22, 12);
  });

  it('decomposes nothing when visitors were not read', () => {
    const series = shop({ '2026-11-24': { sales: 1500 } }, ['visitors']);
    const r = buildDayReview(input({ series }));
    expect(r.status).toBe('missed');
    expect(r.decomposition).toBeNull();
  });

  it('says met when the daily target was reached, and explains a drop against the baseline all the same', () => {
    const met = buildDayReview(input({ series: shop({ '2026-11-24': { sales: 2100, avgOrderValue: 105 } }) }));
    expect(met).toMatchObject({ status: 'met', decomposition: null });
    expect(met.completion).toBeCloseTo(1.05, 12);
    // Target 45,000 (1500 a day): 1600 meets it, but is 20% below the Tuesdays before.
    const low = { ...NOVEMBER, amount: 45000 };
    const r = buildDayReview(
      input({ target: low, series: shop({ '2026-11-24': { visitors: 800, paidBuyers: 16, sales: 1600 } }) }),
    );
    expect(r.status).toBe('met');
    expect(r.decomposition?.main).toBe('visitors');
  });

  it('has no target without one for the reviewed month, and uses the right one of several', () => {
    expect(buildDayReview(input({ target: null }))).toMatchObject({
      status: 'noTarget',
      target: null,
      completion: null,
      month: null,
    });
    expect(buildDayReview(input({ target: { ...NOVEMBER, month: '2026-10' } })).status).toBe('noTarget');
    // On 1 December the day reviewed is 30 November: November's target applies, not December's.
    const december = { ...NOVEMBER, month: '2026-12', amount: 310000 };
    const series = shop({}, []);
    for (const list of Object.values(series))
      list.push(...[26, 27, 28, 29, 30].map((d) => ({ date: `2026-11-${d}`, value: list[0]!.value })));
    const r = buildDayReview(input({ today: '2026-12-01', series, target: [december, NOVEMBER] }));
    expect(r).toMatchObject({ date: '2026-11-30', target: 2000, status: 'met' });
    expect(r.month).toMatchObject({ month: '2026-11', daysElapsed: 30 });
  });

  it('runs without a target that cannot be split, and says why', () => {
    const r = buildDayReview(input({ target: { ...NOVEMBER, amount: -1 } }));
    expect(r.status).toBe('noTarget');
    expect(r.targetProblems?.map((p) => p.code)).toEqual(['amountNotPositive']);
  });

  it('reviews the latest closed day read, and never today', () => {
    const series = shop();
    series.sales = series.sales!.filter((p) => p.date <= '2026-11-22' || p.date === TODAY);
    const r = buildDayReview(input({ series }));
    expect(r.date).toBe('2026-11-22');
  });

  it('says noData when no closed day has sales', () => {
    const r = buildDayReview(
      input({ series: { sales: [{ date: TODAY, value: 300 }], visitors: [{ date: '2026-11-24', value: 5 }] } }),
    );
    expect(r).toMatchObject({ date: '2026-11-24', status: 'noData', sales: null, decomposition: null, sustained: false });
    expect(r.month).toMatchObject({ actual: 0, daysWithData: 0, daysElapsed: 24 });
    expect(buildDayReview(input({ series: {}, target: null }))).toMatchObject({ status: 'noData', month: null });
  });

  it('reads a day without a sale as missed, with nothing to decompose and no NaN', () => {
    const r = buildDayReview(
      input({ series: shop({ '2026-11-24': { sales: 0, paidBuyers: 0, orders: 0, conversionRate: 0, avgOrderValue: 0 } }) }),
    );
    expect(r).toMatchObject({ status: 'missed', sales: 0, completion: 0, change: -1, decomposition: null });
    expect(nonFinite(r)).toEqual([]);
  });

  it('ignores values that are no reading', () => {
    const series = shop();
    series.sales!.push({ date: '2026-11-24', value: Number.NaN });
    expect(buildDayReview(input({ series })).sales).toBe(2000);
  });
});
