import { describe, expect, it } from 'vitest';
import { emptyCurve, putPoint, thinned, valueAt, wallClock, type CurveRecord } from '@/core/intraday-curves';
import { ingest } from '@/core/background/ingest';
import { FULL_CURVE_DAYS, thinCurves } from '@/core/background/curves';
import { freshDb, obs, realtime, report } from './support/db';

const REALTIME_URL = 'https://sycm.taobao.com/cc/realtime.htm';
/** A minute of 2026-11-30 in China (UTC+8, no daylight saving), as the epoch ms a reading carries. */
const china = (hh: number, mm: number, date = '2026-11-30') =>
  Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);

const curve = (values: Array<number | null>, step = 10): CurveRecord => ({
  ...emptyCurve({ site: 'sycm', store: 's', metric: 'sales', part: '', date: '2026-11-30' }),
  step,
  values,
});

describe('the day’s curve', () => {
  it('reads the platform’s wall clock, not the computer’s', () => {
    // 2026-11-30 23:55 UTC is 07:55 of Dec 1 in China and 15:55 of Nov 30 in Los Angeles.
    const at = Date.UTC(2026, 10, 30, 23, 55);
    expect(wallClock(at, 'Asia/Shanghai')).toEqual({ date: '2026-12-01', minute: 7 * 60 + 55 });
    expect(wallClock(at, 'America/Los_Angeles')).toEqual({ date: '2026-11-30', minute: 15 * 60 + 55 });
  });

  it('keeps the last value read in each 10-minute slot, and no value of another currency', () => {
    const c = curve([]);
    expect(putPoint(c, 9 * 60 + 1, 100)).toBe(true); // 09:01 → slot 54
    expect(putPoint(c, 9 * 60 + 9, 130)).toBe(true); // 09:09, same slot: the later value wins
    expect(putPoint(c, 9 * 60 + 9, 130)).toBe(false); // nothing new
    expect(putPoint(c, 9 * 60 + 10, 150)).toBe(true); // 09:10 → slot 55
    expect(c.values.length).toBe(56);
    expect(c.values.slice(53)).toEqual([null, 130, 150]);
    expect(putPoint(c, 9 * 60 + 30, 999, 'USD')).toBe(false);
    expect(putPoint(c, 1440, 1)).toBe(false);
    expect(putPoint(c, 600, Number.NaN)).toBe(false);
  });

  it('reads the running total at any minute: the slot before, moving straight to the slot’s last value', () => {
    // Slot 54 (09:00–09:10) ends at 130, slot 55 (09:10–09:20) at 150; slots 56–57 not read, 58 ends at 200.
    const c = curve([...Array(54).fill(null), 130, 150, null, null, 200]);
    expect(valueAt(c, 8 * 60)).toBeNull(); // nothing read by 08:00
    expect(valueAt(c, 9 * 60 + 5)).toBe(65); // 0 → 130 across slot 54: half way is 65
    expect(valueAt(c, 9 * 60 + 15)).toBe(140); // 130 → 150: half way
    expect(valueAt(c, 9 * 60 + 35)).toBe(150); // the gap carries 150
    expect(valueAt(c, 9 * 60 + 45)).toBe(175); // 150 → 200 across slot 58
    expect(valueAt(c, 1440)).toBe(200); // the day's end: the last value
  });

  it('thins to one point an hour, each the last value read in its hour', () => {
    // Hour 0: slots 0–5 → last read 30; hour 1: slots 6–11 → nothing; hour 2: slot 12 → 50.
    const c = curve([10, null, 30, null, null, null, null, null, null, null, null, null, 50]);
    const t = thinned(c);
    expect(t.step).toBe(60);
    expect(t.values).toEqual([30, null, 50]);
    // Read the same at each hour's end: 30 at 01:00, still 30 at 02:00, 50 at 03:00.
    expect([60, 120, 180].map((m) => valueAt(t, m))).toEqual([30, 30, 50]);
    expect([60, 120, 180].map((m) => valueAt(c, m))).toEqual([30, 30, 50]);
    expect(thinned(t)).toBe(t);
  });
});

describe('ingest keeps the curve of a real-time board', () => {
  it('files sales, visitors, buyers, orders and per-source visitors at the platform’s minute, in the report’s transaction', async () => {
    const db = await freshDb();
    const board = (at: number, sales: number, visitors: number, search: number) =>
      ingest(
        db,
        report(
          [
            obs('sales', sales, { currency: 'CNY' }),
            obs('visitors', visitors),
            obs('paidBuyers', Math.round(sales / 100)),
            obs('bounceRate', 0.5),
            obs('visitors', search, { breakdown: { dimension: '流量来源', key: '手淘搜索' } }),
            obs('visitors', 7, { breakdown: { dimension: '商品', key: 'A1' } }),
            obs('sales', 9999, { peer: '大牌旗舰店' }),
          ],
          realtime('2026-11-30'),
        ),
        { url: REALTIME_URL, now: at, timeZone: 'Asia/Shanghai' },
      );
    await board(china(10, 2), 1000, 300, 100);
    await board(china(10, 8), 1200, 320, 110); // same slot (10:00–10:10): replaces
    await board(china(14, 31), 5000, 900, 400);
    const keys = (await db.getAllKeys('curves')).map((k) => k.join(' / '));
    expect(keys.sort()).toEqual(
      [
        'sycm / 小雨的旗舰店 / paidBuyers /  / 2026-11-30',
        'sycm / 小雨的旗舰店 / sales /  / 2026-11-30',
        'sycm / 小雨的旗舰店 / visitors /  / 2026-11-30',
        'sycm / 小雨的旗舰店 / visitors / 流量来源=手淘搜索 / 2026-11-30',
      ].sort(),
    );
    const sales = await db.get('curves', ['sycm', '小雨的旗舰店', 'sales', '', '2026-11-30']);
    expect(sales!.values.length).toBe(88);
    expect(sales!.values[60]).toBe(1200);
    expect(sales!.values[87]).toBe(5000);
    expect(sales!.values.filter((v) => v !== null)).toEqual([1200, 5000]);
    expect(sales!.currency).toBe('CNY');
    db.close();
  });

  it('files nothing when the platform’s day is not the board’s (loaded before midnight, read after)', async () => {
    const db = await freshDb();
    await ingest(db, report([obs('sales', 100)], realtime('2026-11-29')), {
      url: REALTIME_URL,
      now: china(0, 5),
      timeZone: 'Asia/Shanghai',
    });
    expect(await db.count('curves')).toBe(0);
    expect(await db.count('readings')).toBe(1);
    db.close();
  });
});

describe('thinning old curves', () => {
  it('keeps eight weeks whole and thins what is older to hours, in batches', async () => {
    const db = await freshDb();
    const today = '2026-11-30';
    const dates = ['2026-11-29', '2026-10-05', '2026-10-04', '2026-10-03', '2025-11-30'];
    // 2026-10-05 is 56 days before today: still whole; the 4th and older are thinned.
    const tx = db.transaction('curves', 'readwrite');
    for (const date of dates)
      for (const store of ['a', 'b', 'c']) void tx.store.put({ ...curve([1, 2, 3, 4, 5, 6, 7]), store, date });
    await tx.done;
    expect(FULL_CURVE_DAYS).toBe(56);
    expect(await thinCurves(db, today)).toBe(9);
    const steps = Object.fromEntries((await db.getAll('curves')).map((c) => [`${c.store} ${c.date}`, [c.step, c.values]]));
    expect(steps['a 2026-10-05']).toEqual([10, [1, 2, 3, 4, 5, 6, 7]]);
    expect(steps['b 2026-10-04']).toEqual([60, [6, 7]]);
    expect(steps['c 2025-11-30']).toEqual([60, [6, 7]]);
    expect(await thinCurves(db, today)).toBe(0); // a second run finds nothing left to thin
    db.close();
  });

  it('goes on from where each batch of 200 stopped, so every old curve is thinned once', async () => {
    const db = await freshDb();
    const tx = db.transaction('curves', 'readwrite');
    // 450 old curves on three days (the index's order: by date, then by key), and one recent.
    for (let i = 0; i < 450; i++)
      void tx.store.put({ ...curve([1, 2, 3, 4, 5, 6, 7]), store: `s${i}`, date: `2026-0${7 + (i % 3)}-01` });
    void tx.store.put({ ...curve([1, 2, 3]), store: 'recent', date: '2026-11-29' });
    await tx.done;
    expect(await thinCurves(db, '2026-11-30')).toBe(450);
    const all = await db.getAll('curves');
    expect(all.filter((c) => c.step === 60)).toHaveLength(450);
    expect(all.find((c) => c.store === 'recent')!.step).toBe(10);
    db.close();
  });
});
