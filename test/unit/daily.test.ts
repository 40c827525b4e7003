import { describe, expect, it, vi } from 'vitest';
import { alertAction, inbox } from '@/core/background/alerts';
import { ingest } from '@/core/background/ingest';
import { compact, dailyParts, dailySeries, metricsWithDays, RETENTION_DAYS } from '@/core/background/daily';
import { allDays, day, freshDb, noonOf, obs, realtime, report, SYCM_URL } from './support/db';

const at = (now: number) => ({ url: SYCM_URL, now });

describe('daily values', () => {
  it('keeps one value per series and day; a closed day replaces the real-time value of that day', async () => {
    const db = await freshDb();
    await ingest(db, report([obs('visitors', 100)], realtime('2026-11-25')), at(noonOf('2026-11-25')));
    await ingest(db, report([obs('visitors', 180)], realtime('2026-11-25')), at(noonOf('2026-11-25') + 3_600_000));
    let days = await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-11-01', '2026-11-30');
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ date: '2026-11-25', value: 180, provisional: true });

    await ingest(db, report([obs('visitors', 3482)], day('2026-11-25')), at(noonOf('2026-11-26')));
    // A real-time value read later (a stale tab) never overwrites the closed day.
    await ingest(db, report([obs('visitors', 190)], realtime('2026-11-25')), at(noonOf('2026-11-26') + 1000));
    days = await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-11-01', '2026-11-30');
    expect(days.map((d) => [d.date, d.value, d.provisional])).toEqual([['2026-11-25', 3482, false]]);
  });

  it('replaces today’s real-time readings instead of piling them up, and keeps every change of a closed day', async () => {
    const db = await freshDb();
    const t0 = noonOf('2026-11-26');
    for (let i = 0; i < 5; i++)
      await ingest(db, report([obs('sales', 1000 + i, { currency: 'CNY' })], realtime('2026-11-26')), at(t0 + i * 60_000));
    expect((await db.getAll('readings')).map((r) => r.value)).toEqual([1004]);
    await ingest(db, report([obs('sales', 5000, { currency: 'CNY' })], day('2026-11-25')), at(t0));
    await ingest(db, report([obs('sales', 5100, { currency: 'CNY' })], day('2026-11-25')), at(t0 + 1));
    expect((await db.getAll('readings')).map((r) => r.value).sort()).toEqual([1004, 5000, 5100]);
  });

  it('fills a week of days from one page whose table rows are days, and raises no alert for that history', async () => {
    const db = await freshDb();
    const week = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
    const result = await ingest(
      db,
      report(
        [
          ...week.map((d, i) => obs('visitors', 1000 + i, { period: day(d) })),
          obs('bounceRate', 0.9, { period: day('2026-11-20') }),
          obs('visitors', 1100),
        ],
        day('2026-11-25'),
      ),
      at(noonOf('2026-11-26')),
    );
    expect(result.stored).toBe(8);
    expect(result.evaluations).toEqual([]);
    const days = await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-11-01', '2026-11-30');
    // Each dated row fills its own day; the page's card fills the page's day.
    expect(days.map((d) => [d.date, d.value])).toEqual([
      ['2026-11-19', 1000],
      ['2026-11-20', 1001],
      ['2026-11-21', 1002],
      ['2026-11-22', 1003],
      ['2026-11-23', 1004],
      ['2026-11-24', 1005],
      ['2026-11-25', 1100],
    ]);
    const stored = await db.getAll('readings');
    expect(stored.find((r) => r.value === 1002)!.period).toEqual(day('2026-11-21'));
  });

  it('files parts and peers apart from the shop’s total, and lists the metrics with days', async () => {
    const db = await freshDb();
    const d = day('2026-11-25');
    await ingest(
      db,
      report(
        [
          obs('visitors', 3000),
          obs('visitors', 1200, { breakdown: { dimension: 'source', key: '手淘搜索' } }),
          obs('visitors', 800, { breakdown: { dimension: 'source', key: '直通车' } }),
          obs('visitors', 9000, { peer: '竞店A' }),
          obs('bounceRate', 0.5),
        ],
        d,
      ),
      at(noonOf('2026-11-26')),
    );
    const total = await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-11-25', '2026-11-25');
    expect(total.map((r) => r.value)).toEqual([3000]);
    const parts = await dailyParts(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-11-01', '2026-11-30');
    expect([...parts.keys()].sort()).toEqual(['source=手淘搜索', 'source=直通车']);
    expect((await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-11-25', '2026-11-25', 'peer:竞店A'))[0]!.value).toBe(
      9000,
    );
    expect((await metricsWithDays(db, 'sycm', '小雨的旗舰店', '2026-11-01')).sort()).toEqual(['bounceRate', 'visitors']);
    expect(await metricsWithDays(db, 'sycm', '小雨的旗舰店', '2026-11-26')).toEqual([]);
  });

  it('files a report’s days in one record per shop and month: one read and one write of it, however many series', async () => {
    const db = await freshDb();
    const calls: string[] = [];
    const spies = (['get', 'put'] as const).map((method) => {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'days') calls.push(method);
        return original.apply(this, args);
      });
    });
    const rows = [
      obs('visitors', 3000),
      obs('bounceRate', 0.5),
      obs('sales', 9000, { currency: 'CNY' }),
      obs('visitors', 1200, { breakdown: { dimension: 'source', key: '手淘搜索' } }),
      obs('visitors', 9000, { peer: '竞店A' }),
    ];
    await ingest(db, report(rows, day('2026-11-25')), at(noonOf('2026-11-26')));
    expect(calls).toEqual(['get', 'put']);
    // A table of days across two months: one record for each.
    calls.length = 0;
    await ingest(
      db,
      report(
        [obs('visitors', 2000, { period: day('2026-10-31') }), obs('visitors', 2100, { period: day('2026-11-01') })],
        day('2026-11-25'),
      ),
      at(noonOf('2026-11-26')),
    );
    expect(calls.sort()).toEqual(['get', 'get', 'put', 'put']);
    for (const spy of spies) spy.mockRestore();

    const november = (await db.get('days', ['sycm', '小雨的旗舰店', '2026-11']))!;
    expect(november.series.map((s) => [s.metric, s.part, s.values[0] ?? null, s.values[24] ?? null])).toEqual([
      ['bounceRate', '', null, 0.5],
      ['sales', '', null, 9000],
      ['visitors', '', 2100, 3000],
      ['visitors', 'peer:竞店A', null, 9000],
      ['visitors', 'source=手淘搜索', null, 1200],
    ]);
    expect((await db.get('days', ['sycm', '小雨的旗舰店', '2026-10']))!.series.map((s) => s.values[30])).toEqual([2000]);
  });
});

describe('retention', () => {
  it('folds raw readings older than the window into daily values and never loses a closed day', async () => {
    const db = await freshDb();
    const start = Date.UTC(2026, 0, 1);
    // 200 days of one shop: a closed day each, plus a "last 7 days" range read every day.
    for (let i = 0; i < 200; i++) {
      const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      await ingest(
        db,
        report([obs('visitors', 1000 + i), obs('bounceRate', 0.5 + (i % 10) / 100)], day(date)),
        at(start + (i + 1) * 86_400_000),
      );
      await ingest(
        db,
        report([obs('visitors', 7000 + i)], { kind: 'range', start: '2025-12-25', end: '2025-12-31' }),
        at(start + (i + 1) * 86_400_000),
      );
    }
    const before = await db.count('readings');
    const daysBefore = (await allDays(db)).length;
    const now = start + 201 * 86_400_000;
    const result = await compact(db, now);
    const after = await db.getAll('readings');
    expect(result.removed).toBe(before - after.length);
    // Every reading left is inside the window, except the latest value of the range series.
    const cutoff = now - RETENTION_DAYS * 86_400_000;
    const old = after.filter((r) => r.observedAt < cutoff);
    expect(old).toEqual([]);
    expect(after.filter((r) => r.period.kind === 'range').at(-1)!.value).toBe(7199);
    // Every closed day is still there.
    expect((await allDays(db)).length).toBe(daysBefore);
    const series = await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-01-01', '2026-12-31');
    expect(series).toHaveLength(200);
    expect(series[0]!.value).toBe(1000);
    // A second run finds nothing more to do.
    expect((await compact(db, now)).removed).toBe(0);
  });

  it('keeps the latest reading of a range series even when it is older than the window', async () => {
    const db = await freshDb();
    const old = Date.UTC(2025, 0, 1);
    await ingest(db, report([obs('visitors', 1)], { kind: 'range', start: '2024-12-01', end: '2024-12-31' }), at(old));
    await ingest(db, report([obs('visitors', 2)], { kind: 'range', start: '2024-12-01', end: '2024-12-31' }), at(old + 1000));
    await compact(db, Date.UTC(2026, 0, 1));
    expect((await db.getAll('readings')).map((r) => r.value)).toEqual([2]);
  });

  it('writes the day of a raw reading that has no daily value before removing it', async () => {
    const db = await freshDb();
    await ingest(db, report([obs('visitors', 42)], day('2025-01-01')), at(Date.UTC(2025, 0, 2)));
    await db.clear('days'); // as if the daily value had been lost
    const result = await compact(db, Date.UTC(2026, 0, 1));
    expect(result).toEqual({ removed: 1, daysWritten: 1 });
    expect((await allDays(db)).map((d) => d.value)).toEqual([42]);
  });
});

describe('the alert inbox', () => {
  const bad = (value: number) => report([obs('bounceRate', value)], day('2026-11-25'));

  it('records what happened to an alert, and acknowledging keeps it quiet until the number turns good', async () => {
    const db = await freshDb();
    const t = noonOf('2026-11-26');
    await ingest(db, bad(0.65), at(t));
    await ingest(db, bad(0.75), at(t + 1000));
    const [alert] = await db.getAll('alerts');
    expect(alert!.history!.map((h) => h.event)).toEqual(['opened', 'worse']);

    expect(await alertAction(db, alert!.id, 'acknowledge', t + 2000)).toBe(true);
    const r = await ingest(db, bad(0.76), at(t + 3000));
    expect(r.evaluations[0]!.dismissed).toBe(true);
    expect((await db.get('alerts', alert!.id))!.status).toBe('acknowledged');

    await ingest(db, bad(0.4), at(t + 4000));
    expect((await db.get('alerts', alert!.id))!.status).toBe('resolved');
    await ingest(db, bad(0.8), at(t + 5000));
    const again = (await db.get('alerts', alert!.id))!;
    expect(again.status).toBe('open');
    expect(again.history!.map((h) => h.event)).toEqual(['opened', 'worse', 'acknowledged', 'resolved', 'opened']);
  });

  it('shows one alert per number: the newest period’s, not one per day read', async () => {
    const db = await freshDb();
    const t = noonOf('2026-11-26');
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25'])
      await ingest(db, report([obs('bounceRate', 0.75), obs('pagesPerVisit', 3)], day(date)), at(t));
    expect(await db.count('alerts')).toBe(6);
    const shown = await inbox(db, t + 1000);
    expect(shown.map((a) => [a.metric, a.period.end])).toEqual([
      ['bounceRate', '2026-11-25'],
      ['pagesPerVisit', '2026-11-25'],
    ]);
  });

  it('snoozes until a moment, then the alert is open again', async () => {
    const db = await freshDb();
    const t = noonOf('2026-11-26');
    await ingest(db, bad(0.75), at(t));
    const [alert] = await db.getAll('alerts');
    await alertAction(db, alert!.id, 'snooze', t, t + 3_600_000);
    expect((await inbox(db, t + 60_000))[0]!.status).toBe('dismissed');
    expect((await inbox(db, t + 3_600_001))[0]!.status).toBe('open');
    expect(await alertAction(db, 'no|such|alert', 'acknowledge', t)).toBe(false);
  });
});
