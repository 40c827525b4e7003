import { describe, expect, it } from 'vitest';
import { dayReport, EXT, freshDb, NOON, obs } from './support/db';
import { openDatabase, type Database } from '@/core/db';
import { createService, type Sender } from '@/core/background/service';
import { dismissAlert, todaysAlerts } from '@/core/background/alerts';
import { ingest } from '@/core/background/ingest';
import { popupState } from '@/core/background/queries';
import { seriesKey } from '@/core/keys';

const TAB: Sender = { id: EXT, tab: { id: 7, url: 'https://sycm.taobao.com/portal/home.htm?token=secret#x' } };

async function all(db: Database) {
  return { readings: await db.getAll('readings'), alerts: await db.getAll('alerts') };
}

describe('keeping readings', () => {
  it('stores each reading with its metric, value, currency, period, store, site and time', async () => {
    const db = await freshDb();
    const result = await ingest(db, dayReport([obs('bounceRate', 0.7231), obs('sales', 12345.67, { currency: 'CNY' })]), {
      url: TAB.tab!.url!,
      now: NOON,
    });
    expect(result.stored).toBe(2);
    const { readings } = await all(db);
    expect(readings).toHaveLength(2);
    const bounce = readings.find((r) => r.metric === 'bounceRate')!;
    expect(bounce).toMatchObject({
      metric: 'bounceRate',
      value: 0.7231,
      store: '小雨的旗舰店',
      site: 'sycm',
      period: { kind: 'day', start: '2026-11-25', end: '2026-11-25' },
      observedAt: NOON,
      url: 'https://sycm.taobao.com/portal/home.htm',
    });
    expect(bounce.breakdown).toBeUndefined();
    expect(bounce.peer).toBeUndefined();
    expect(readings.find((r) => r.metric === 'sales')).toMatchObject({ value: 12345.67, currency: 'CNY' });
  });

  it('stores nothing new when the same value is read again, and a new reading when it changes', async () => {
    const db = await freshDb();
    const ctx = { url: TAB.tab!.url!, now: NOON };
    await ingest(db, dayReport([obs('visitors', 3120)]), ctx);
    expect((await ingest(db, dayReport([obs('visitors', 3120)]), { ...ctx, now: NOON + 1000 })).stored).toBe(0);
    expect((await ingest(db, dayReport([obs('visitors', 3121)]), { ...ctx, now: NOON + 2000 })).stored).toBe(1);
    expect((await ingest(db, dayReport([obs('visitors', 3120)]), { ...ctx, now: NOON + 3000 })).stored).toBe(1);
    const values = (await db.getAll('readings')).map((r) => r.value);
    expect(values).toEqual([3120, 3121, 3120]);
  });

  it('keeps parts of the store apart from its total, and raises no alert for a part', async () => {
    const db = await freshDb();
    const part = obs('bounceRate', 0.9, { breakdown: { dimension: '流量来源', key: '直通车' } });
    const result = await ingest(db, dayReport([obs('bounceRate', 0.5), part]), { url: TAB.tab!.url!, now: NOON });
    expect(result.stored).toBe(2);
    expect(result.evaluations).toHaveLength(0);
    const { readings, alerts } = await all(db);
    expect(readings.find((r) => r.breakdown)?.breakdown).toEqual({ dimension: '流量来源', key: '直通车' });
    expect(new Set(readings.map((r) => r.series)).size).toBe(2);
    expect(alerts).toHaveLength(0);
    expect(seriesKey('sycm', 's', part, 'p')).toContain('流量来源=直通车');
  });
});

describe('alerts', () => {
  it('opens a critical alert for a high bounce rate and resolves it when the number turns good', async () => {
    const db = await freshDb();
    const ctx = { url: TAB.tab!.url!, now: NOON };
    const first = await ingest(db, dayReport([obs('bounceRate', 0.7231), obs('pagesPerVisit', 3.0)]), ctx);
    expect(first.evaluations.map((e) => [e.metric, e.severity, e.threshold])).toEqual([
      ['bounceRate', 'critical', 0.7],
      ['pagesPerVisit', 'warn', 3.5],
    ]);
    expect((await todaysAlerts(db, NOON)).map((a) => a.status)).toEqual(['open', 'open']);

    await ingest(db, dayReport([obs('bounceRate', 0.452), obs('pagesPerVisit', 3.0)]), { ...ctx, now: NOON + 60_000 });
    const alerts = await db.getAll('alerts');
    expect(alerts.find((a) => a.metric === 'bounceRate')).toMatchObject({ status: 'resolved', value: 0.452 });
    expect((await todaysAlerts(db, NOON + 60_000)).map((a) => a.metric)).toEqual(['pagesPerVisit']);
  });

  it('keeps a dismissed alert quiet for the rest of the day and brings it back tomorrow', async () => {
    const db = await freshDb();
    const ctx = { url: TAB.tab!.url!, now: NOON };
    const { evaluations } = await ingest(db, dayReport([obs('bounceRate', 0.75)]), ctx);
    await dismissAlert(db, evaluations[0]!.alertId, NOON + 1000);
    const again = await ingest(db, dayReport([obs('bounceRate', 0.76)]), { ...ctx, now: NOON + 2000 });
    expect(again.evaluations[0]).toMatchObject({ dismissed: true });
    const tomorrow = NOON + 24 * 3600 * 1000;
    const next = await ingest(db, dayReport([obs('bounceRate', 0.77)]), { ...ctx, now: tomorrow });
    expect(next.evaluations[0]).toMatchObject({ dismissed: false });
  });

  it('summarises today for the popup', async () => {
    const db = await freshDb();
    await ingest(db, dayReport([obs('bounceRate', 0.7231), obs('visitors', 3120)]), { url: TAB.tab!.url!, now: NOON });
    const state = await popupState(db, NOON + 1);
    expect(state.alerts).toHaveLength(1);
    expect(state.alerts[0]).toMatchObject({
      metric: 'bounceRate',
      severity: 'critical',
      threshold: 0.7,
      fix: 'bounceHigh',
      store: '小雨的旗舰店',
    });
    expect(state.latest.map((l) => l.metric).sort()).toEqual(['bounceRate', 'visitors']);
    expect(state.readingsToday).toBe(2);
  });
});

describe('the background service trusts nothing in a message', () => {
  const setup = async () => {
    const db = await freshDb();
    const badges: number[] = [];
    const service = createService({
      extensionId: EXT,
      openDb: async () => db,
      now: () => NOON,
      setBadge: (n) => void badges.push(n),
    });
    return { db, service, badges };
  };

  it('stores a valid report from a sycm tab and shows the alert count on the toolbar', async () => {
    const { db, service, badges } = await setup();
    const reply = await service.handle({ type: 'report', payload: dayReport([obs('bounceRate', 0.7231)]) }, TAB);
    expect(reply).toMatchObject({ stored: 1, evaluations: [{ metric: 'bounceRate', severity: 'critical' }] });
    expect(await db.count('readings')).toBe(1);
    expect(badges.at(-1)).toBe(1);
  });

  const bad: [string, unknown, Sender][] = [
    ['another extension', { type: 'report', payload: dayReport([obs('bounceRate', 0.7)]) }, { ...TAB, id: 'evil' }],
    ['no tab', { type: 'report', payload: dayReport([obs('bounceRate', 0.7)]) }, { id: EXT }],
    [
      'a tab of another site',
      { type: 'report', payload: dayReport([obs('bounceRate', 0.7)]) },
      { id: EXT, tab: { id: 1, url: 'https://evil.example/' } },
    ],
    ['a site the tab is not', { type: 'report', payload: dayReport([obs('bounceRate', 0.7)], { site: 'shopify' }) }, TAB],
    ['an unknown type', { type: 'dropDatabase', payload: {} }, TAB],
    ['no envelope', 'report', TAB],
    [
      'an unknown metric',
      { type: 'report', payload: dayReport([{ ...obs('bounceRate', 0.7), metric: 'hacked' } as never]) },
      TAB,
    ],
    ['a string value', { type: 'report', payload: dayReport([{ ...obs('bounceRate', 0.7), value: '0.7' } as never]) }, TAB],
    ['an infinite value', { type: 'report', payload: dayReport([obs('bounceRate', Number.POSITIVE_INFINITY)]) }, TAB],
    [
      'a bad date',
      { type: 'report', payload: dayReport([obs('bounceRate', 0.7)], { period: { kind: 'day', start: 'yesterday', end: 'x' } }) },
      TAB,
    ],
    [
      'a period ending before it starts',
      {
        type: 'report',
        payload: dayReport([obs('bounceRate', 0.7)], { period: { kind: 'range', start: '2026-11-25', end: '2026-11-01' } }),
      },
      TAB,
    ],
    [
      'a huge label',
      {
        type: 'report',
        payload: dayReport([
          obs('bounceRate', 0.7, { source: { reader: 'generic', locator: 'x', label: 'x'.repeat(5000), raw: '1' } }),
        ]),
      },
      TAB,
    ],
    [
      'an empty breakdown key',
      { type: 'report', payload: dayReport([obs('visitors', 1, { breakdown: { dimension: 'd', key: '' } })]) },
      TAB,
    ],
    ['a lowercase currency', { type: 'report', payload: dayReport([obs('sales', 1, { currency: 'cny' })]) }, TAB],
    ['too many readings', { type: 'report', payload: dayReport(Array.from({ length: 2001 }, () => obs('visitors', 1))) }, TAB],
  ];

  it.each(bad)('rejects %s and stores nothing', async (_name, message, sender) => {
    const { db, service } = await setup();
    const reply = (await service.handle(message, sender)) as { error?: string };
    expect(reply.error).toEqual(expect.any(String));
    expect(await db.count('readings')).toBe(0);
    expect(await db.count('alerts')).toBe(0);
  });

  it('reports a full disk clearly, keeps nothing half-written, and stores everything on retry', async () => {
    const { db, service } = await setup();
    // Make the second write of the report fail the way a full disk does.
    const proto = Object.getPrototypeOf(db.transaction('readings').objectStore('readings')) as {
      add: (...args: unknown[]) => unknown;
    };
    const realAdd = proto.add;
    let calls = 0;
    proto.add = function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) throw new DOMException('quota', 'QuotaExceededError');
      return realAdd.apply(this, args);
    };
    const payload = dayReport([obs('visitors', 3120), obs('bounceRate', 0.72), obs('sales', 10, { currency: 'CNY' })]);
    try {
      const reply = (await service.handle({ type: 'report', payload }, TAB)) as { error?: string };
      expect(reply.error).toMatch(/disk is full/);
      expect(await db.count('readings')).toBe(0);
      expect(await db.count('alerts')).toBe(0);
      expect(
        ((await service.handle({ type: 'popupState', payload: {} }, { id: EXT })) as { storageError?: string }).storageError,
      ).toMatch(/disk is full/);
    } finally {
      proto.add = realAdd;
    }
    const retry = await service.handle({ type: 'report', payload }, TAB);
    expect(retry).toMatchObject({ stored: 3 });
    expect(
      ((await service.handle({ type: 'popupState', payload: {} }, { id: EXT })) as { storageError?: string }).storageError,
    ).toBeUndefined();
  });

  it('reopens the database after the service worker was killed', async () => {
    const name = 'storepulse-test-restarted-worker';
    const first = createService({ extensionId: EXT, openDb: () => openDatabase(name), now: () => NOON });
    await first.handle({ type: 'report', payload: dayReport([obs('visitors', 1)]) }, TAB);
    // A new worker: a fresh service with no memory of the old one.
    const second = createService({ extensionId: EXT, openDb: () => openDatabase(name), now: () => NOON + 1 });
    const state = await second.handle({ type: 'popupState', payload: {} }, { id: EXT });
    expect(state).toMatchObject({ totalReadings: 1 });
  });
});

describe('page status', () => {
  it('tells the popup about an open back-office page where nothing could be read', async () => {
    const db = await freshDb();
    const service = createService({ extensionId: EXT, openDb: async () => db, now: () => NOON });
    const status = { site: 'sycm', store: '小雨的旗舰店', found: 0, unreadable: 0, own: [] };
    expect(await service.handle({ type: 'pageStatus', payload: status }, TAB)).toEqual({ ok: true });
    const other = { id: EXT, tab: { id: 8, url: 'https://sycm.taobao.com/flow/monitor/source.htm' } };
    await service.handle({ type: 'pageStatus', payload: { ...status, found: 12 } }, other);
    const state = (await service.handle({ type: 'popupState', payload: {} }, { id: EXT })) as {
      pages: Array<{ path: string; found: number }>;
    };
    expect(state.pages).toEqual([expect.objectContaining({ path: '/portal/home.htm', found: 0 })]);
    service.forgetTab(7);
    expect(((await service.handle({ type: 'popupState', payload: {} }, { id: EXT })) as { pages: unknown[] }).pages).toEqual([]);
    const wrongSite = (await service.handle({ type: 'pageStatus', payload: { ...status, site: 'jd' } }, TAB)) as {
      error?: string;
    };
    expect(wrongSite.error).toMatch(/not a jd page/);
  });

  it('names the numbers an open page should show but did not', async () => {
    const db = await freshDb();
    const service = createService({ extensionId: EXT, openDb: async () => db, now: () => NOON });
    const own = ['visitors', 'pageViews', 'conversionRate', 'avgOrderValue', 'sales', 'paidBuyers'];
    const status = { site: 'sycm', store: '小雨的旗舰店', found: 6, unreadable: 0, own };
    expect(await service.handle({ type: 'pageStatus', payload: status }, TAB)).toEqual({ ok: true });
    const state = (await service.handle({ type: 'popupState', payload: {} }, { id: EXT })) as { pages: unknown[] };
    expect(state.pages).toEqual([expect.objectContaining({ found: 6, missing: ['bounceRate', 'pagesPerVisit'] })]);
    const bad = (await service.handle({ type: 'pageStatus', payload: { ...status, own: ['notAMetric'] } }, TAB)) as {
      error?: string;
    };
    expect(bad.error).toMatch(/invalid pageStatus/);
  });
});
