import { describe, expect, it } from 'vitest';
import { createService, type Sender } from '@/core/background/service';
import type { PaceView } from '@/core/review/types';
import type { PaceBadge } from '@/core/messages';
import { day, freshDb, obs, realtime, report } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';
import type { Notice } from '@/core/background/notices';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';

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

async function seeded(settings?: Partial<Settings>) {
  const db = await freshDb('storepulse-pace');
  let clock = 0;
  const notices: Notice[] = [];
  const service = createService({
    extensionId: EXT,
    openDb: async () => db,
    now: () => clock,
    notify: (n) => void notices.push(n),
    ...(settings ? { loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }) } : {}),
  });
  const at = (t: number) => void (clock = t);
  // Four past Mondays read every hour at hh:55: ¥1,000, 200 visitors (150 search, 50 paid) and 10 buyers an
  // hour, so by 14:00 each had ¥14,000 of its ¥24,000 (7/12 of the day), 2,800 visitors, 140 buyers.
  for (const date of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
    for (let h = 0; h < 24; h++) {
      at(china(date, h, 55));
      const k = h + 1;
      await service.handle(
        {
          type: 'report',
          payload: board(date, { sales: 1000 * k, visitors: 200 * k, buyers: 10 * k, search: 150 * k, paid: 50 * k }),
        },
        REALTIME,
      );
    }
    // The next morning the home page prints the closed day.
    at(china(date, 23, 59) + 9 * 3_600_000);
    await service.handle({ type: 'report', payload: report([obs('sales', 24_000, { currency: 'CNY' })], day(date)) }, HOME);
  }
  // ¥20,000 a day in November.
  await service.handle(
    {
      type: 'setTarget',
      payload: { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 600_000, currency: 'CNY', split: 'even' },
    },
    POPUP,
  );
  return { db, service, at, notices };
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
    expect(view.projection).toMatchObject({
      basis: 'weekday',
      days: 4,
      estimate: false,
      marked: false,
      target: 20_000,
      minute: 840,
    });
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

describe('decision times', () => {
  const TODAY = '2026-11-30';
  const board14 = board(TODAY, { sales: 7000, visitors: 1400, buyers: 70, search: 700, paid: 700 });

  it('at a check time, a day short by more than the margin is announced once, naming the gap and the lever', async () => {
    const { service, at, notices } = await seeded({
      language: 'zh-CN',
      paceChecks: { enabled: true, times: ['14:00', '20:00'], margin: 0.1 },
    });
    at(china(TODAY, 13, 50));
    await service.checkPace(); // 13:50: no check due yet
    at(china(TODAY, 14, 0));
    await service.handle({ type: 'report', payload: board14 }, REALTIME);
    expect(notices).toEqual([]);
    at(china(TODAY, 14, 2));
    await service.checkPace();
    at(china(TODAY, 14, 7));
    await service.checkPace(); // the next tick of the same check time says nothing more
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe('今天可能完不成目标 · 小雨的旗舰店');
    expect(notices[0]!.message).toContain('按当前节奏预计 ¥12,000（日目标 ¥20,000，差 ¥8,000）');
    expect(notices[0]!.message).toContain('该推 访客数');
    expect(notices[0]!.message).toContain('负责：推广');
    // 20:00 is a check time of its own; the board was read at 19:58 and is still short.
    at(china(TODAY, 19, 58));
    await service.handle(
      { type: 'report', payload: board(TODAY, { sales: 12_000, visitors: 2000, buyers: 120, search: 1000, paid: 1000 }) },
      REALTIME,
    );
    at(china(TODAY, 20, 1));
    await service.checkPace();
    expect(notices).toHaveLength(2);
    expect(new Set(notices.map((n) => n.id)).size).toBe(2);
  });

  it('says nothing when the miss is within the margin, when switched off, in quiet hours, or on a stale reading', async () => {
    // Short by ¥8,000 of ¥20,000 = 40%: a 50% margin lets it pass.
    const wide = await seeded({ paceChecks: { enabled: true, times: ['14:00'], margin: 0.5 } });
    wide.at(china(TODAY, 13, 59));
    await wide.service.handle({ type: 'report', payload: board14 }, REALTIME);
    wide.at(china(TODAY, 14, 1));
    await wide.service.checkPace();
    expect(wide.notices).toEqual([]);

    const off = await seeded();
    off.at(china(TODAY, 13, 59));
    await off.service.handle({ type: 'report', payload: board14 }, REALTIME);
    off.at(china(TODAY, 14, 1));
    await off.service.checkPace();
    expect(off.notices).toEqual([]);

    // Quiet hours all day long (00:00 to 23:59 on this computer's clock).
    const quiet = await seeded({
      paceChecks: { enabled: true, times: ['14:00'], margin: 0.1 },
      quietHours: { enabled: true, from: '00:00', to: '23:59' },
    });
    quiet.at(china(TODAY, 13, 59));
    await quiet.service.handle({ type: 'report', payload: board14 }, REALTIME);
    quiet.at(china(TODAY, 14, 1));
    await quiet.service.checkPace();
    expect(quiet.notices).toEqual([]);

    // Read at 10:00 and not since: the 14:00 check does not stand on a four-hour-old reading.
    const stale = await seeded({ paceChecks: { enabled: true, times: ['14:00'], margin: 0.1 } });
    stale.at(china(TODAY, 10, 0));
    await stale.service.handle(
      { type: 'report', payload: board(TODAY, { sales: 2000, visitors: 500, buyers: 20, search: 250, paid: 250 }) },
      REALTIME,
    );
    stale.at(china(TODAY, 14, 1));
    await stale.service.checkPace();
    expect(stale.notices).toEqual([]);
  }, 60_000);
});
