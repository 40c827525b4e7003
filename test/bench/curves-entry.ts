// The curve modules, bundled on their own so what a year of intraday curves costs can be measured in
// Chromium's own IndexedDB (the extension's worker runs the same modules).
import { thinCurves } from '../../core/background/curves';
import { ingest } from '../../core/background/ingest';
import { openDatabase } from '../../core/db';
import { emptyCurve, putPoint, type CurveRecord } from '../../core/intraday-curves';
import type { PageReport } from '../../core/messages';
import { addDays } from '../../core/review/dates';

const SERIES: Array<[CurveRecord['metric'], string]> = [
  ['sales', ''],
  ['visitors', ''],
  ['paidBuyers', ''],
  ['orders', ''],
  ['visitors', '流量来源=手淘搜索'],
  ['visitors', '流量来源=直通车'],
  ['visitors', '流量来源=手淘推荐'],
];

/** A year of days up to `today` for `shops` shops, every series read in all 144 slots, then thinned as the worker does. */
export async function writeYear(
  name: string,
  shops: number,
  today: string,
): Promise<{ curves: number; writeMs: number; thinMs: number; thinned: number }> {
  const db = await openDatabase(name);
  let curves = 0;
  const t0 = performance.now();
  for (let s = 0; s < shops; s++) {
    const store = `店铺${s}`;
    for (let d = 0; d < 365; d++) {
      const date = addDays(today, -d);
      const tx = db.transaction('curves', 'readwrite');
      for (const [metric, part] of SERIES) {
        const c = emptyCurve({
          site: 'sycm',
          store,
          metric,
          part,
          date,
          timeZone: 'Asia/Shanghai',
          ...(metric === 'sales' ? { currency: 'CNY' } : {}),
        });
        let run = 0;
        for (let slot = 0; slot < 144; slot++)
          putPoint(c, slot * 10 + 5, (run += 1 + ((slot * 7919 + d * 31 + s) % 97)), c.currency);
        void tx.store.put(c);
        curves++;
      }
      await tx.done;
    }
  }
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  const thinned = await thinCurves(db, today);
  const thinMs = performance.now() - t1;
  db.close();
  return { curves, writeMs, thinMs, thinned };
}

/** Ingests `n` reports of a real-time board (or of a closed day: no curve), one a minute; ms per reading. */
export async function ingestBoard(name: string, n: number, realtime: boolean, start: number): Promise<number> {
  const db = await openDatabase(name);
  const date = '2026-11-30';
  const t0 = performance.now();
  let readings = 0;
  for (let i = 0; i < n; i++) {
    const v = (k: number) => k * (i + 1);
    const src = { reader: 'adapter' as const, locator: 'div', label: 'x', raw: '1' };
    const report: PageReport = {
      site: 'sycm',
      store: '店铺',
      period: { kind: realtime ? 'realtime' : 'day', start: date, end: date },
      observed: [
        { metric: 'sales', value: v(100), currency: 'CNY', source: src },
        { metric: 'visitors', value: v(20), source: src },
        { metric: 'paidBuyers', value: v(1), source: src },
        { metric: 'orders', value: v(1), source: src },
        { metric: 'pageViews', value: v(50), source: src },
        { metric: 'conversionRate', value: 0.05, source: src },
        { metric: 'avgOrderValue', value: 100, currency: 'CNY', source: src },
        { metric: 'visitors', value: v(10), breakdown: { dimension: '流量来源', key: '手淘搜索' }, source: src },
        { metric: 'visitors', value: v(6), breakdown: { dimension: '流量来源', key: '直通车' }, source: src },
        { metric: 'visitors', value: v(4), breakdown: { dimension: '流量来源', key: '手淘推荐' }, source: src },
      ],
    };
    readings += report.observed.length;
    await ingest(db, report, {
      url: 'https://sycm.taobao.com/portal/realtime.htm',
      now: start + i * 60_000,
      timeZone: 'Asia/Shanghai',
    });
  }
  const ms = performance.now() - t0;
  db.close();
  return ms / readings;
}
