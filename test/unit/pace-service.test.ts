import { describe, expect, it } from 'vitest';
import { createService, type Sender } from '@/core/background/service';
import type { PaceView } from '@/core/review/types';
import type { PaceBadge } from '@/core/messages';
import { day, freshDb, obs, realtime, report } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';
import type { Notice } from '@/core/background/notices';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';
import { thinned, type CurveKey } from '@/core/intraday-curves';

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

describe('event days', () => {
  const TODAY = '2026-11-30';
  const LAST_YEAR = '2025-11-30';
  const EVENT = { date: TODAY, name: '店庆' };

  /**
   * Last year's 店庆 read every hour at hh:55: a front-loaded day, ¥5,000 an hour to ¥50,000 at 09:55, then
   * ¥3,500 an hour to ¥99,000 at 23:55; the home page closed it at ¥100,000. By 10:00 it had 50% of its day.
   */
  async function lastYearsEvent(service: Awaited<ReturnType<typeof seeded>>['service'], at: (t: number) => void) {
    for (let h = 0; h < 24; h++) {
      at(china(LAST_YEAR, h, 55));
      const sales = h < 10 ? 5000 * (h + 1) : 50_000 + 3500 * (h - 9);
      await service.handle(
        {
          type: 'report',
          payload: board(LAST_YEAR, { sales, visitors: sales / 50, buyers: sales / 100, search: sales / 100, paid: sales / 100 }),
        },
        REALTIME,
      );
    }
    at(china(LAST_YEAR, 23, 59) + 9 * 3_600_000);
    await service.handle({ type: 'report', payload: report([obs('sales', 100_000, { currency: 'CNY' })], day(LAST_YEAR)) }, HOME);
  }

  /** The event day's board at the clock's time: ¥30,000 so far. */
  const eventBoard = async (service: Awaited<ReturnType<typeof seeded>>['service'], date: string) =>
    (await service.handle(
      { type: 'report', payload: board(date, { sales: 30_000, visitors: 600, buyers: 300, search: 300, paid: 300 }) },
      REALTIME,
    )) as { pace?: PaceBadge };

  const popupPace = async (service: Awaited<ReturnType<typeof seeded>>['service']) =>
    ((await service.handle({ type: 'pace', payload: {} }, POPUP)) as { shops: PaceView[] }).shops;

  it('on a marked day, projects at last year’s same event day’s pace and says so', async () => {
    const { service, at } = await seeded({ eventDays: [EVENT] });
    await lastYearsEvent(service, at);
    // 10:00: ¥30,000 ÷ last year’s 50% by 10:00 = ¥60,000 (the past Mondays’ 10/24 would say ¥72,000);
    // range: 0.2 × (1 − 0.5) = 10% either side of the share: ¥30,000 ÷ 0.55 ≈ ¥54,545 to ¥30,000 ÷ 0.45 ≈ ¥66,667.
    at(china(TODAY, 10, 0));
    const reply = await eventBoard(service, TODAY);
    const p = reply.pace!.view.projection;
    expect(p).toMatchObject({
      basis: 'lastYear',
      days: 1,
      estimate: false,
      marked: true,
      event: { name: '店庆', lastYear: LAST_YEAR },
    });
    expect(p.share).toBeCloseTo(0.5, 9);
    expect(p.expected).toBeCloseTo(60_000, 6);
    expect(p.low).toBeCloseTo(30_000 / 0.55, 6);
    expect(p.high).toBeCloseTo(30_000 / 0.45, 6);
    // Against the day's ¥20,000: ¥40,000 over.
    expect(p.gap).toBeCloseTo(40_000, 6);

    const [shop] = await popupPace(service);
    expect(shop!.projection.expected).toBeCloseTo(60_000, 6);

    // 11:00, a board read again lower (¥5,000, 500 visitors: behind the Mondays' ¥11,000 and 2,200 by now, which
    // would name visitors on an ordinary day), and no lever from ordinary days. Last year had ¥53,500 by 11:00
    // (its 10:55 reading, whether its curve is whole or thinned to hours by then) → ¥5,000 ÷ 0.535 ≈ ¥9,346.
    at(china(TODAY, 11, 0));
    const low = (await service.handle(
      { type: 'report', payload: board(TODAY, { sales: 5000, visitors: 500, buyers: 50, search: 250, paid: 250 }) },
      REALTIME,
    )) as { pace?: PaceBadge };
    expect(low.pace!.view.projection.expected).toBeCloseTo(5000 / 0.535, 6);
    expect(low.pace!.view.lever).toBeNull();
  });

  it('words it in the operator’s language', async () => {
    for (const [language, basis, range] of [
      ['zh-CN', '按去年店庆同时段的节奏：去年 2025-11-30 到这个时刻已完成全天的 50%', '只依据去年店庆这一天'],
      ['en', 'At last year’s 店庆 pace: by this time on 2025-11-30 it had 50% of its day', 'from last year’s 店庆 alone'],
    ] as const) {
      const { service, at } = await seeded({ eventDays: [EVENT], language });
      await lastYearsEvent(service, at);
      at(china(TODAY, 10, 0));
      const reply = await eventBoard(service, TODAY);
      expect(reply.pace!.text.basis).toBe(basis);
      expect(reply.pace!.text.range).toContain(range);
    }
  }, 60_000);

  it('with last year’s curve thinned to hours, reads it straight within the hour', async () => {
    const { db, service, at } = await seeded({ eventDays: [EVENT] });
    await lastYearsEvent(service, at);
    // As the retention pass leaves a curve older than 56 days: one point an hour (the last read in it); put
    // here explicitly so the test does not hang on when that pass runs.
    const key: CurveKey = ['sycm', '小雨的旗舰店', 'sales', '', LAST_YEAR];
    const whole = (await db.get('curves', key))!;
    const hourly = thinned(whole);
    expect(hourly.step).toBe(60);
    await db.put('curves', hourly);
    // 10:30: halfway between 10:00's ¥50,000 and 10:55's ¥53,500 → ¥51,750 of ¥100,000 = 51.75%;
    // ¥30,000 ÷ 0.5175 ≈ ¥57,971.
    at(china(TODAY, 10, 30));
    await eventBoard(service, TODAY);
    const [shop] = await popupPace(service);
    expect(shop!.projection.basis).toBe('lastYear');
    expect(shop!.projection.share).toBeCloseTo(0.5175, 9);
    expect(shop!.projection.expected).toBeCloseTo(30_000 / 0.5175, 6);
  });

  it('without last year’s curve, falls back to the stated default shape, an estimate, and says why', async () => {
    const { service, at } = await seeded({ eventDays: [EVENT], language: 'zh-CN' });
    // 10:00: the default shape has 17.2% of the day by 10:00 (3 + 1.5 + 0.8 + 0.5 + 0.4 + 0.5 + 1 + 2 + 3 + 4.5
    // of 100) → ¥30,000 ÷ 0.172 ≈ ¥174,419; the past Mondays are not used on an event day.
    at(china(TODAY, 10, 0));
    const reply = await eventBoard(service, TODAY);
    const p = reply.pace!.view.projection;
    expect(p).toMatchObject({
      basis: 'default',
      days: 0,
      estimate: true,
      marked: true,
      event: { name: '店庆', lastYear: LAST_YEAR },
    });
    expect(p.expected).toBeCloseTo(30_000 / 0.172, 6);
    expect(reply.pace!.text.basis).toBe('店庆：去年店庆（2025-11-30）在这个时刻没有记录，走势按常见的一天估算');
  });

  it('a day not marked keeps the weekday shape, and a marked day with another last-year date reads that date', async () => {
    const other = await seeded({ eventDays: [{ date: '2026-11-11', name: '双11' }] });
    other.at(china(TODAY, 10, 0));
    await other.service.handle(
      { type: 'report', payload: board(TODAY, { sales: 5000, visitors: 1000, buyers: 50, search: 500, paid: 500 }) },
      REALTIME,
    );
    const [plain] = await popupPace(other.service);
    expect(plain!.projection).toMatchObject({ basis: 'weekday', marked: false });
    expect(plain!.projection.event).toBeUndefined();
    expect(plain!.projection.expected).toBeCloseTo(12_000, 6);

    // Last year's 店庆 fell on 2025-11-30; this year's is on 2026-12-01, told so in the setting.
    const moved = await seeded({ eventDays: [{ date: '2026-12-01', name: '店庆', lastYear: LAST_YEAR }] });
    await lastYearsEvent(moved.service, moved.at);
    moved.at(china('2026-12-01', 10, 0));
    await eventBoard(moved.service, '2026-12-01');
    const [event] = await popupPace(moved.service);
    expect(event!.projection).toMatchObject({ basis: 'lastYear', event: { lastYear: LAST_YEAR } });
    expect(event!.projection.expected).toBeCloseTo(60_000, 6);
  }, 60_000);

  it('with event days marked, a per-day plan no longer sets a day apart; with none, it still does', async () => {
    // The plan puts ¥50,000 on today against ¥10,000 on its other days: five times, a 大促 by the heuristic.
    const plan = {
      site: 'sycm',
      store: '小雨的旗舰店',
      month: '2026-11',
      amount: 70_000,
      currency: 'CNY',
      split: 'plan' as const,
      plan: { '2026-11-28': 10_000, '2026-11-29': 10_000, '2026-11-30': 50_000 },
    };
    const marks = async (settings: Partial<Settings>) => {
      const { service, at } = await seeded(settings);
      await service.handle({ type: 'setTarget', payload: plan }, POPUP);
      at(china(TODAY, 10, 0));
      await service.handle(
        { type: 'report', payload: board(TODAY, { sales: 5000, visitors: 1000, buyers: 50, search: 500, paid: 500 }) },
        REALTIME,
      );
      const [shop] = await popupPace(service);
      return shop!.projection;
    };
    expect(await marks({})).toMatchObject({ marked: true, basis: 'default', target: 50_000 });
    // 10:00: ¥5,000 against the past Mondays' 10/24 → ¥12,000, judged against the plan's ¥50,000.
    const withEvents = await marks({ eventDays: [{ date: '2026-11-11', name: '双11' }] });
    expect(withEvents).toMatchObject({ marked: false, basis: 'weekday', target: 50_000 });
    expect(withEvents.expected).toBeCloseTo(12_000, 6);
  }, 60_000);
});
