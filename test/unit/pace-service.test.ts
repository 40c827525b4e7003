import { describe, expect, it } from 'vitest';
import { createService, type Sender } from '@/core/background/service';
import type { PaceView } from '@/core/review/types';
import type { PaceBadge } from '@/core/messages';
import { day, freshDb, obs, realtime, report } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

const REALTIME = pageSender(4, 'https://sycm.taobao.com/cc/realtime.htm');
const HOME = pageSender(5, 'https://sycm.taobao.com/portal/home.htm');
/** A moment of a day in China (UTC+8): the clock of 生意参谋's calendar, whatever this computer's zone. */
const china = (date: string, hh: number, mm: number) =>
  Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);

/** A real-time board's numbers: sales, visitors, buyers, and visitors from two traffic sources. */
const board = (date: string, n: { sales: number; visitors: number; buyers: number; search: number; paid: number }) =>
  report(
    [
      obs('sales', n.sales, { currency: 'CNY' }),
      obs('visitors', n.visitors),
      obs('paidBuyers', n.buyers),
      obs('visitors', n.search, { breakdown: { dimension: '流量来源', key: '手淘搜索' } }),
      obs('visitors', n.paid, { breakdown: { dimension: '流量来源', key: '直通车' } }),
    ],
    realtime(date),
  );

async function seeded() {
  const db = await freshDb('storepulse-pace');
  let clock = 0;
  const service = createService({ extensionId: EXT, openDb: async () => db, now: () => clock });
  const at = (t: number) => void (clock = t);
  // Four past Mondays read every hour at hh:55: ¥1,000, 200 visitors (150 search, 50 paid) and 10 buyers an
  // hour, so by 14:00 each had ¥14,000 of its ¥24,000 (7/12 of the day), 2,800 visitors, 140 buyers.
  for (const date of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
    for (let h = 0; h < 24; h++) {
      at(china(date, h, 55));
      const k = h + 1;
      await service.handle({ type: 'report', payload: board(date, { sales: 1000 * k, visitors: 200 * k, buyers: 10 * k, search: 150 * k, paid: 50 * k }) }, REALTIME);
    }
    // The next morning the home page prints the closed day.
    at(china(date, 23, 59) + 9 * 3_600_000);
    await service.handle({ type: 'report', payload: report([obs('sales', 24_000, { currency: 'CNY' })], day(date)) }, HOME);
  }
  // ¥20,000 a day in November.
  await service.handle(
    { type: 'setTarget', payload: { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 600_000, currency: 'CNY', split: 'even' } },
    POPUP,
  );
  return { db, service, at };
}

describe('today’s pace through the service', () => {
  it('projects the day beside the real-time sales number, names visitors and the search source, and updates through the day', async () => {
    const { service, at } = await seeded();
    const TODAY = '2026-11-30'; // a Monday
    // 10:00: ¥5,000 against the usual 10/24 of the day → ¥12,000.
    at(china(TODAY, 10, 0));
    const early = (await service.handle(
      { type: 'report', payload: board(TODAY, { sales: 5000, visitors: 1000, buyers: 50, search: 500, paid: 500 }) },
      REALTIME,
    )) as { pace?: PaceBadge };
    expect(early.pace?.index).toBe(0);
    expect(early.pace?.view.projection.expected).toBeCloseTo(12_000, 6);

    // 14:00: ¥7,000 of the usual 7/12 → ¥12,000 against the day’s ¥20,000: ¥8,000 short.
    at(china(TODAY, 14, 0));
    const reply = (await service.handle(
      { type: 'report', payload: board(TODAY, { sales: 7000, visitors: 1400, buyers: 70, search: 700, paid: 700 }) },
      REALTIME,
    )) as { pace?: PaceBadge };
    const view = reply.pace!.view;
    expect(view).toMatchObject({ site: 'sycm', store: '小雨的旗舰店', date: TODAY, currency: 'CNY' });
    expect(view.projection).toMatchObject({ basis: 'weekday', days: 4, estimate: false, marked: false, target: 20_000, minute: 840 });
    expect(view.projection.expected).toBeCloseTo(12_000, 6);
    expect(view.projection.gap).toBeCloseTo(-8000, 6);
    // Visitors are half the usual 2,800; conversion (5%) and order value (¥100) as usual.
    expect(view.lever).toMatchObject({ factor: 'visitors', fix: 'visitorsFell', days: 4 });
    expect(view.lever!.change).toBeCloseTo(-0.5, 9);
    // 手淘搜索 700 against 2,100 lost the most; 直通车 is up (700 against 700).
    expect(view.lever!.source).toMatchObject({ key: '手淘搜索', current: 700, baseline: 2100 });

    const popup = (await service.handle({ type: 'pace', payload: {} }, POPUP)) as { shops: PaceView[] };
    expect(popup.shops).toHaveLength(1);
    expect(popup.shops[0]!.projection.expected).toBeCloseTo(12_000, 6);
  });

  it('gives no pace for a closed day’s page, nor before a real-time board was read today', async () => {
    const { service, at } = await seeded();
    at(china('2026-11-30', 9, 0));
    expect(((await service.handle({ type: 'pace', payload: {} }, POPUP)) as { shops: PaceView[] }).shops).toEqual([]);
    const closed = (await service.handle(
      { type: 'report', payload: report([obs('sales', 24_000, { currency: 'CNY' })], day('2026-11-29')) },
      HOME,
    )) as { pace?: PaceBadge };
    expect(closed.pace).toBeUndefined();
  });
});
