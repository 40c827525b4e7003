import { describe, expect, it } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { exportText, type ExportFile } from '@/core/background/transfer/export';
import { importData } from '@/core/background/transfer/import';
import type { Database } from '@/core/db';
import { mergeCurve, thinned, type CurveRecord } from '@/core/intraday-curves';
import { freshDb, obs, realtime, report } from './support/db';

const REALTIME_URL = 'https://sycm.taobao.com/cc/realtime.htm';
/** A minute of 2026-11-26 on China's clock. */
const china = (hour: number, minute: number) => Date.UTC(2026, 10, 26, hour - 8, minute);
const SHOP = '小雨的旗舰店';

/** A real-time board read at each of `times` ([hour, minute, sales]). */
async function boards(db: Database, times: ReadonlyArray<readonly [number, number, number]>): Promise<void> {
  for (const [hour, minute, sales] of times)
    await ingest(
      db,
      report(
        [
          obs('sales', sales, { currency: 'CNY' }),
          obs('visitors', Math.round(sales / 4)),
          obs('visitors', Math.round(sales / 10), { breakdown: { dimension: '流量来源', key: '手淘搜索' } }),
        ],
        realtime('2026-11-26'),
      ),
      { url: REALTIME_URL, now: china(hour, minute), timeZone: 'Asia/Shanghai' },
    );
}

const salesCurve = (db: Database) => db.get('curves', ['sycm', SHOP, 'sales', '', '2026-11-26']);
const read = (c: CurveRecord | undefined) => c!.values.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));

function curve(values: Array<number | null>, over: Partial<CurveRecord> = {}): CurveRecord {
  return { site: 'sycm', store: SHOP, metric: 'sales', part: '', date: '2026-11-26', step: 10, values, currency: 'CNY', ...over };
}

describe('the day’s curves in the export file', () => {
  it('round-trip through JSON, slot by slot, with their currency, source and time zone', async () => {
    const source = await freshDb('storepulse-curves');
    await boards(source, [
      [10, 5, 1200],
      [14, 31, 5000],
    ]);
    const file = JSON.parse(await exportText(source, 'json', china(15, 0))) as ExportFile;
    expect(file.curves).toHaveLength(3);
    const target = await freshDb('storepulse-curves');
    const result = await importData(target, JSON.stringify(file), china(15, 0));
    expect(result.rejected).toEqual([]);
    expect(result.added.curves).toBe(3);
    const byKey = (c: CurveRecord) => [c.metric, c.part].join('/');
    const sorted = (cs: CurveRecord[]) => [...cs].sort((a, b) => byKey(a).localeCompare(byKey(b)));
    expect(sorted(await target.getAll('curves'))).toEqual(sorted(await source.getAll('curves')));
    expect(read(await salesCurve(target))).toEqual([
      [60, 1200],
      [87, 5000],
    ]);
    expect((await salesCurve(target))!.timeZone).toBe('Asia/Shanghai');
  });

  it('merge into the curves kept here: slots read here stay, slots missing here are filled, a second import adds nothing', async () => {
    const laptop = await freshDb('storepulse-curves');
    await boards(laptop, [
      [9, 0, 800],
      [14, 31, 5000],
    ]);
    const desk = await freshDb('storepulse-curves');
    await boards(desk, [
      [9, 2, 810],
      [12, 0, 3100],
    ]);
    const text = await exportText(laptop, 'json', china(15, 0));
    const first = await importData(desk, text, china(15, 0));
    expect(first.added.curves).toBe(3);
    expect(read(await salesCurve(desk))).toEqual([
      [54, 810],
      [72, 3100],
      [87, 5000],
    ]);
    const again = await importData(desk, text, china(15, 0));
    expect(again.added.curves).toBe(0);
    expect(again.duplicates.curves).toBe(3);
  });

  it('refuse a curve that is not one and say why, keeping the rest of the file', async () => {
    const db = await freshDb('storepulse-curves');
    await boards(db, [[10, 5, 1200]]);
    const file = JSON.parse(await exportText(db, 'json', china(15, 0))) as ExportFile & { curves: unknown[] };
    const good = file.curves[0] as CurveRecord;
    file.curves.push(
      { ...good, values: Array.from({ length: 145 }, () => 1) },
      { ...good, step: 7 },
      { ...good, values: [1, 'NaN'] },
      { ...good, date: '2027-05-01' },
      { ...good, part: '流量来源=手淘搜索' },
      { ...good, step: 60, values: Array.from({ length: 25 }, () => 1) },
    );
    const target = await freshDb('storepulse-curves');
    const result = await importData(target, JSON.stringify(file), china(15, 0));
    expect(result.rejected.map((r) => [r.section, r.index])).toEqual([
      ['curves', 3],
      ['curves', 4],
      ['curves', 5],
      ['curves', 6],
      ['curves', 7],
      ['curves', 8],
    ]);
    expect(result.rejected.map((r) => r.reason).join('\n')).toMatch(
      /values[\s\S]*step[\s\S]*values[\s\S]*date: after tomorrow[\s\S]*part does not match[\s\S]*more slots than the day has/,
    );
    expect(result.added.curves).toBe(3);
  });

  it('mergeCurve keeps the kept step: a finer curve is thinned to it, a coarser one stands at its hour’s end', () => {
    const fine = curve([null, null, 100, null, null, null, 150]);
    const hourly = thinned(curve([null, null, null, null, null, 90, 120, null, null, null, null, 140]));
    expect(hourly.values).toEqual([90, 140]);
    expect(mergeCurve(fine, hourly)!.values).toEqual([null, null, 100, null, null, 90, 150, null, null, null, null, 140]);
    expect(mergeCurve(hourly, fine)).toBeNull(); // both hours read here already
    expect(mergeCurve(curve([1]), curve([2], { currency: 'USD' }))).toBeNull();
    expect(mergeCurve(curve([]), curve([2], { currency: 'USD' }))).toMatchObject({ values: [2], currency: 'USD' });
  });
});
