import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURLY, defaultShare, lagging, plannedApart, projectDay, shareAt, type PastCurve } from '@/core/review/pace';
import { putPoint, emptyCurve, wallClock, type CurveRecord } from '@/core/intraday-curves';
import { DEFAULT_PACE_CHECKS } from '@/core/pace-checks';
import { repairSettings } from '@/core/settings';
import { paceText } from '@/core/pace-text';
import { translator } from '@/core/i18n';
import { BADGE_SCREEN } from '@/core/background/badge-words';
import { SHORT as VIEW } from '@/test/fixtures/pace/views';

/** A curve of 10-minute slots from hourly running totals: the value at each hour's end, held through the hour's slots. */
function hourly(totals: readonly number[]): PastCurve['curve'] {
  return { step: 10, values: totals.flatMap((t) => Array(6).fill(t) as number[]) };
}

/** A past day reaching `share` of `total` by 14:00 evenly from midnight, the rest evenly until 24:00. */
function dayReaching(share: number, total: number, date = '2026-11-23'): PastCurve {
  const totals = Array.from({ length: 24 }, (_, h) =>
    h < 14 ? (share * total * (h + 1)) / 14 : share * total + ((1 - share) * total * (h - 13)) / 10,
  );
  return { date, curve: hourly(totals), total };
}

describe('projecting the day', () => {
  it('divides sales so far by the median share of past same weekdays, with a range from their spread', () => {
    // Hand-checked: at 14:00 sales are ¥6,000; three past Mondays had reached 40%, 50%, 60% of their day by
    // 14:00. Median 50% → ¥12,000; range ¥6,000 ÷ 0.6 = ¥10,000 to ¥6,000 ÷ 0.4 = ¥15,000; target ¥15,000 → gap −¥3,000.
    const past = [dayReaching(0.4, 10_000), dayReaching(0.5, 20_000), dayReaching(0.6, 15_000)];
    expect(past.map((d) => shareAt(d, 14 * 60))).toEqual([0.4, 0.5, 0.6].map((s) => expect.closeTo(s, 12)));
    const p = projectDay({ minute: 14 * 60, sales: 6000, past, target: 15_000 })!;
    expect(p.basis).toBe('weekday');
    expect(p.days).toBe(3);
    expect(p.estimate).toBe(false);
    expect(p.expected).toBeCloseTo(12_000, 6);
    expect(p.low).toBeCloseTo(10_000, 6);
    expect(p.high).toBeCloseTo(15_000, 6);
    expect(p.gap).toBeCloseTo(-3000, 6);
  });

  it('falls back to the stated default shape, labelled an estimate, with fewer than two past days', () => {
    // The default shape by 14:00: hours 0–13 add up to 3+1.5+0.8+0.5+0.4+0.5+1+2+3+4.5+5.5+5.5+5+5.5 = 38.7 of 100.
    expect(DEFAULT_HOURLY.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(defaultShare(14 * 60)).toBeCloseTo(0.387, 9);
    // Half of 14:00–15:00 (6%): 38.7 + 3 = 41.7%.
    expect(defaultShare(14 * 60 + 30)).toBeCloseTo(0.417, 9);
    const p = projectDay({ minute: 14 * 60, sales: 3870, past: [dayReaching(0.5, 1000)], target: null })!;
    expect(p).toMatchObject({ basis: 'default', estimate: true, days: 0, gap: null });
    expect(p.expected).toBeCloseTo(10_000, 6);
    // The estimate's spread is 35% of what is left of the day: 0.35 × 0.613 = 21.455% either side of the share.
    expect(p.low).toBeCloseTo(3870 / (0.387 * 1.21455), 6);
    expect(p.high).toBeCloseTo(3870 / (0.387 * (1 - 0.21455)), 6);
  });

  it('says nothing while the usual share so far is under 2% (the small hours)', () => {
    expect(projectDay({ minute: 20, sales: 50, past: [], target: 1000 })).toBeNull();
  });

  it('skips a past day that was not read by this time instead of counting it as 0', () => {
    // Read only from 15:00: it tells nothing of 14:00.
    const late: PastCurve = {
      date: '2026-11-16',
      curve: { step: 10, values: [...Array(90).fill(null), 9000, 10_000] },
      total: 20_000,
    };
    expect(shareAt(late, 14 * 60)).toBeNull();
    const p = projectDay({ minute: 14 * 60, sales: 5000, past: [late, dayReaching(0.5, 1), dayReaching(0.5, 2)], target: null })!;
    expect(p.days).toBe(2);
    expect(p.expected).toBeCloseTo(10_000, 6);
  });

  it('a day with a gap in its readings: the last value before the gap carries through it', () => {
    // Read until 12:00 (60% of the day by then), nothing 12:00–16:00, then again from 16:00 to the end.
    const values: Array<number | null> = hourly(Array.from({ length: 24 }, (_, h) => ((h + 1) / 24) * 1000)).values;
    for (let i = 72; i < 96; i++) values[i] = null;
    const gap: PastCurve = { date: '2026-11-16', curve: { step: 10, values }, total: 1000 };
    // At 14:00 the curve still says 12:00's 500 (12 of 24 hours): a share of 0.5, not a made-up 0.583.
    expect(shareAt(gap, 14 * 60)).toBeCloseTo(0.5, 12);
    expect(shareAt(gap, 17 * 60)).toBeCloseTo(17 / 24, 12);
  });

  it('a marked day (planned apart) uses the default shape, not the weekday’s', () => {
    // The plan's days: ¥1,000 a day, and ¥5,000 on the 11th — five times the usual day.
    const plan = { '2026-11-10': 1000, '2026-11-11': 5000, '2026-11-12': 1000, '2026-11-13': 1200 };
    expect(plannedApart(plan, '2026-11-11')).toBe(true);
    expect(plannedApart(plan, '2026-11-13')).toBe(false);
    expect(plannedApart(undefined, '2026-11-11')).toBe(false);
    const past = [dayReaching(0.5, 1000), dayReaching(0.5, 1000)];
    const p = projectDay({ minute: 14 * 60, sales: 2000, past, target: 5000, marked: true })!;
    expect(p).toMatchObject({ basis: 'default', marked: true, estimate: true, target: 5000 });
    // Against its own plan: 2000 ÷ 0.387 = 5168 → 168 over.
    expect(p.gap).toBeCloseTo(2000 / 0.387 - 5000, 6);
    expect(projectDay({ minute: 14 * 60, sales: 2000, past, target: 5000 })!.expected).toBeCloseTo(4000, 6);
  });

  it('an event day follows last year’s same event day, whole or thinned to hours, and falls back to the default shape', () => {
    // Last year's 双11: ¥40,000 of its ¥200,000 by 10:00 (20%), ¥60,000 by 11:00, read at each hour's end.
    const totals = Array.from({ length: 24 }, (_, h) =>
      h < 10 ? 4000 * (h + 1) : h === 10 ? 60_000 : 60_000 + 14_000 * (h - 10),
    );
    const whole: PastCurve = { date: '2025-11-11', curve: hourly(totals), total: 200_000 };
    const event = { name: '双11', lastYear: '2025-11-11', curve: whole };
    // Ordinary Mondays would say 50% by 14:00: they are not used on an event day.
    const past = [dayReaching(0.5, 1000), dayReaching(0.5, 1000)];
    // 10:00: ¥30,000 ÷ 0.2 = ¥150,000; range 0.2 × (1 − 0.2) = 16% either side: ÷ 0.232 ≈ ¥129,310 to ÷ 0.168 ≈ ¥178,571.
    const p = projectDay({ minute: 600, sales: 30_000, past, target: 160_000, event })!;
    expect(p).toMatchObject({
      basis: 'lastYear',
      days: 1,
      estimate: false,
      marked: true,
      event: { name: '双11', lastYear: '2025-11-11' },
    });
    expect(p.expected).toBeCloseTo(150_000, 6);
    expect(p.low).toBeCloseTo(30_000 / 0.232, 6);
    expect(p.high).toBeCloseTo(30_000 / 0.168, 6);
    expect(p.gap).toBeCloseTo(-10_000, 6);
    // 10:30 on the whole curve: `hourly` holds each hour's end value in all six of its 10-minute slots, so the
    // 10:20–10:30 slot already says ¥60,000 → 30% → ¥30,000 ÷ 0.3 = ¥100,000.
    expect(projectDay({ minute: 630, sales: 30_000, past, target: null, event })!.expected).toBeCloseTo(100_000, 6);
    // Thinned to hours: 10:30 is halfway through the 10:00–11:00 hour, from ¥40,000 to ¥60,000 → ¥50,000 = 25%
    // → ¥30,000 ÷ 0.25 = ¥120,000.
    const thin = { ...event, curve: { ...whole, curve: { step: 60, values: totals } } };
    expect(projectDay({ minute: 630, sales: 30_000, past, target: null, event: thin })!.expected).toBeCloseTo(120_000, 6);
    // No curve of last year: the default shape, an estimate (17.2% by 10:00 → ¥30,000 ÷ 0.172).
    const missing = projectDay({
      minute: 600,
      sales: 30_000,
      past,
      target: null,
      event: { name: '双11', lastYear: '2025-11-11' },
    })!;
    expect(missing).toMatchObject({ basis: 'default', estimate: true, marked: true, days: 0 });
    expect(missing.expected).toBeCloseTo(30_000 / 0.172, 6);
  });

  it('property: at the day’s end the projection is the day’s actual, whatever the past days were', () => {
    const day = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 144, maxLength: 144 }).map((steps) => {
      let run = 0;
      const values = steps.map((s) => (run += s));
      return { values, total: run };
    });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 6 }), day, (past, today) => {
        fc.pre(today.total > 0);
        const p = projectDay({
          minute: 1440,
          sales: today.total,
          past: past.map((d, i) => ({ date: `2026-11-0${i + 1}`, curve: { step: 10, values: d.values }, total: d.total })),
          target: null,
        })!;
        expect(p.expected).toBeCloseTo(today.total, 6);
        expect(p.low).toBeLessThanOrEqual(p.expected + 1e-6);
        expect(p.high).toBeGreaterThanOrEqual(p.expected - 1e-6);
      }),
    );
  });

  it('a day after a daylight-saving change: the same wall-clock minute, whatever the offset from UTC', () => {
    // Los Angeles moved back an hour on Sunday 2026-11-01. Sundays before (PDT, UTC−7) and the Sunday after
    // (PST, UTC−8) are compared at the same wall-clock 14:00, which is 21:00 UTC before and 22:00 UTC after.
    const tz = 'America/Los_Angeles';
    const before = ['2026-10-18', '2026-10-25'].map((date) => {
      const c: CurveRecord = emptyCurve({ site: 'shopee', store: 's', metric: 'sales', part: '', date });
      const [y, m, d] = date.split('-').map(Number);
      for (let h = 0; h < 24; h++) {
        const clock = wallClock(Date.UTC(y!, m! - 1, d!, h + 7, 59), tz);
        expect(clock.date).toBe(date);
        putPoint(c, clock.minute, h < 14 ? (h + 1) * 30 : 420 + (h - 13) * 58);
      }
      return { date, curve: c, total: 420 + 10 * 58 };
    });
    const after = wallClock(Date.UTC(2026, 10, 8, 22, 0), tz);
    expect(after).toEqual({ date: '2026-11-08', minute: 14 * 60 });
    // By 14:00 both Sundays had 420 of 1000: the 42% share comes from the same hour of their day.
    const p = projectDay({ minute: after.minute, sales: 840, past: before, target: null })!;
    expect(p.basis).toBe('weekday');
    expect(p.expected).toBeCloseTo(2000, 6);
  });
});

describe('what to push', () => {
  // Two past Mondays at 14:00: 1000 visitors, 30 buyers (3%), ¥200 a buyer → ¥6,000.
  const past = [0, 1].map(() => ({
    sales: hourly(Array.from({ length: 24 }, (_, h) => (h < 14 ? ((h + 1) / 14) * 6000 : 6000))),
    visitors: hourly(Array.from({ length: 24 }, (_, h) => (h < 14 ? ((h + 1) / 14) * 1000 : 1000))),
    buyers: hourly(Array.from({ length: 24 }, (_, h) => (h < 14 ? ((h + 1) / 14) * 30 : 30))),
  }));

  it('names visitors when they lag, with the source that lost the most', () => {
    // Today at 14:00: 700 visitors (−30%), 21 buyers (3%), ¥4,200 (¥200 a buyer): all of the fall is visitors.
    const sourcesPast = [0, 1].map(() => ({
      手淘搜索: hourly(Array.from({ length: 24 }, (_, h) => (h < 14 ? ((h + 1) / 14) * 600 : 600))),
      直通车: hourly(Array.from({ length: 24 }, (_, h) => (h < 14 ? ((h + 1) / 14) * 400 : 400))),
    }));
    const lever = lagging(
      { sales: 4200, visitors: 700, buyers: 21, past, sources: { today: { 手淘搜索: 320, 直通车: 380 }, past: sourcesPast } },
      14 * 60,
    )!;
    expect(lever).toMatchObject({ factor: 'visitors', fix: 'visitorsFell', days: 2 });
    expect(lever.change).toBeCloseTo(-0.3, 9);
    // 手淘搜索 lost 280 (600 → 320), 直通车 20.
    expect(lever.source).toMatchObject({ key: '手淘搜索', current: 320, baseline: 600 });
  });

  it('names conversion when visitors came but bought less, and nothing when sales are ahead', () => {
    // 1000 visitors, 20 buyers (2% against 3%), ¥200 a buyer.
    expect(lagging({ sales: 4000, visitors: 1000, buyers: 20, past }, 14 * 60)).toMatchObject({
      factor: 'conversionRate',
      fix: 'conversionLow',
    });
    // ¥150 a buyer.
    expect(lagging({ sales: 4500, visitors: 1000, buyers: 30, past }, 14 * 60)).toMatchObject({
      factor: 'avgOrderValue',
      fix: 'aovFell',
    });
    expect(lagging({ sales: 7000, visitors: 1100, buyers: 35, past }, 14 * 60)).toBeNull();
    expect(lagging({ sales: 4000, visitors: 1000, buyers: 20, past: past.slice(0, 1) }, 14 * 60)).toBeNull();
  });

  it('says a lagging conversion in points of the rate, not as a relative change', () => {
    // 2.00% today against 3.00%: one point down, which a relative "-33.3%" would hide.
    const lever = lagging({ sales: 4000, visitors: 1000, buyers: 20, past }, 14 * 60)!;
    expect(lever).toMatchObject({ factor: 'conversionRate', current: 0.02, baseline: 0.03 });
    const view = { ...VIEW, lever };
    expect(paceText(view, translator('zh-CN', BADGE_SCREEN), 'zh-CN').lever!.text).toBe(
      '该推 转化率：比过去同星期几同一时刻 -1.00个百分点',
    );
    expect(paceText(view, translator('en', BADGE_SCREEN), 'en').lever!.text).toContain('-1.00 pp');
    // Visitors stay relative.
    expect(paceText(VIEW, translator('en', BADGE_SCREEN), 'en').lever!.text).toContain('-50.0%');
  });
});

describe('check times in the settings', () => {
  it('repairs a stored paceChecks field by field, with a note for each, and keeps the rest of the settings', () => {
    const kept = repairSettings({
      version: 2,
      language: 'en',
      paceChecks: { enabled: true, times: ['20:00', '14:30'], margin: 0.2 },
    });
    expect(kept.settings.paceChecks).toEqual({ enabled: true, times: ['14:30', '20:00'], margin: 0.2 });
    expect(kept.notes).toEqual([]);
    const broken = repairSettings({ version: 2, language: 'en', paceChecks: { enabled: 'yes', times: ['25:00'], margin: 3 } });
    expect(broken.settings.language).toBe('en');
    expect(broken.settings.paceChecks).toEqual(DEFAULT_PACE_CHECKS);
    expect(broken.notes).toHaveLength(3);
    expect(repairSettings({ version: 2 }).settings.paceChecks).toBeUndefined(); // absent: the defaults apply
  });
});
