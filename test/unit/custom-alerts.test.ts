import { describe, expect, it } from 'vitest';
import { dayReport, EXT, freshDb, NOON, obs, SYCM_URL } from './support/db';
import { createService, type Sender } from '@/core/background/service';
import { ingest } from '@/core/background/ingest';
import type { Notice } from '@/core/background/notices';
import type { CustomRule } from '@/core/rules';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';

const TAB: Sender = { id: EXT, tab: { id: 7, url: SYCM_URL } };
const NIGHT = new Date(2026, 10, 26, 23, 30, 0).getTime();
const SHOP = 'sycm|小雨的旗舰店';
const SOURCE = '流量来源';

const bySource = (key: string) => ({ breakdown: { dimension: SOURCE, key } });

function rule(over: Partial<CustomRule>): CustomRule {
  return {
    id: 'r1',
    name: '跳失率过高',
    enabled: true,
    metric: 'bounceRate',
    comparison: 'above',
    value: 0.72,
    severity: 'critical',
    scope: 'all',
    notify: false,
    fix: 'bounceHigh',
    ...over,
  };
}

const delay = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('custom rules in ingest', () => {
  it('raises its own alert beside the threshold alert of the same number, and one badge per number', async () => {
    const db = await freshDb();
    const result = await ingest(db, dayReport([obs('bounceRate', 0.7231)]), {
      url: SYCM_URL,
      now: NOON,
      customRules: [rule({ severity: 'warn' })],
    });
    const alerts = await db.getAll('alerts');
    expect(alerts.map((a) => a.id).sort()).toEqual([
      'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25',
      'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25|rule:r1',
    ]);
    const custom = alerts.find((a) => a.ruleId === 'r1')!;
    expect(custom).toMatchObject({
      severity: 'warn',
      threshold: 0.72,
      direction: 'above',
      ruleName: '跳失率过高',
      status: 'open',
    });
    // The badge shows the worse verdict: the platform's critical line.
    expect(result.evaluations).toEqual([expect.objectContaining({ index: 0, severity: 'critical', alertId: alerts[0]!.id })]);
  });

  it('keeps to the shops in its scope and resolves when the number is fine again', async () => {
    const db = await freshDb();
    const other = rule({ id: 'other', scope: ['sycm|别的店'] });
    const mine = rule({ id: 'mine', scope: [SHOP], metric: 'pagesPerVisit', comparison: 'below', value: 3, fix: 'depthLow' });
    await ingest(db, dayReport([obs('bounceRate', 0.9), obs('pagesPerVisit', 2.8)]), {
      url: SYCM_URL,
      now: NOON,
      customRules: [other, mine],
    });
    const ids = (await db.getAll('alerts')).map((a) => a.id);
    expect(ids.some((id) => id.endsWith('|rule:other'))).toBe(false);
    expect(ids.some((id) => id.endsWith('|rule:mine'))).toBe(true);
    await ingest(db, dayReport([obs('pagesPerVisit', 3.2)]), { url: SYCM_URL, now: NOON + 60_000, customRules: [other, mine] });
    expect((await db.getAll('alerts')).find((a) => a.ruleId === 'mine')).toMatchObject({ status: 'resolved', value: 3.2 });
  });

  it('resolves the alerts of a rule switched off or deleted, and leaves the platform’s alert alone', async () => {
    const db = await freshDb();
    const readings = dayReport([obs('bounceRate', 0.9)]);
    await ingest(db, readings, { url: SYCM_URL, now: NOON, customRules: [rule({ id: 'a' }), rule({ id: 'b' })] });
    expect((await db.getAll('alerts')).filter((a) => a.status === 'open')).toHaveLength(3);
    await ingest(db, readings, { url: SYCM_URL, now: NOON + 1, customRules: [rule({ id: 'a', enabled: false })] });
    const status = Object.fromEntries((await db.getAll('alerts')).map((a) => [a.ruleId, a.status]));
    expect(status).toEqual({ 'bounce-high': 'open', a: 'resolved', b: 'resolved' });
  });

  it('looks up baselines before the transaction and alerts on the traffic-source rows that fell', async () => {
    const db = await freshDb();
    const asked: unknown[] = [];
    const baselines: Record<string, number> = { 手淘搜索: 1000, 直通车: 400 };
    const result = await ingest(
      db,
      dayReport([
        obs('visitors', 3482),
        obs('visitors', 650, bySource('手淘搜索')),
        obs('visitors', 390, bySource('直通车')),
        obs('visitors', 50, bySource('新来源')),
      ]),
      {
        url: SYCM_URL,
        now: NOON,
        customRules: [
          rule({
            id: 'src',
            metric: 'visitors',
            comparison: 'dropVsBaseline',
            value: 0.3,
            breakdown: 'source',
            severity: 'warn',
            fix: 'visitorsFell',
          }),
        ],
        async baseline(site, store, metric, breakdown, period) {
          asked.push([site, store, metric, breakdown?.key, period.start]);
          // A real look-up reads the database; an await on a timer would let an open transaction commit.
          await delay();
          return breakdown ? (baselines[breakdown.key] ?? null) : null;
        },
      },
    );
    expect(asked).toEqual([
      ['sycm', '小雨的旗舰店', 'visitors', '手淘搜索', '2026-11-25'],
      ['sycm', '小雨的旗舰店', 'visitors', '直通车', '2026-11-25'],
      ['sycm', '小雨的旗舰店', 'visitors', '新来源', '2026-11-25'],
    ]);
    expect(result.stored).toBe(4);
    const alerts = await db.getAll('alerts');
    // 650 against 1,000 is −35%: an alert on that row, its line at 700. 390 against 400 is −2.5%; 新来源 has no baseline.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: 'sycm|小雨的旗舰店|visitors|day:2026-11-25..2026-11-25|流量来源=手淘搜索|rule:src',
      breakdown: { dimension: SOURCE, key: '手淘搜索' },
      threshold: 700,
      direction: 'below',
      fix: 'visitorsFell',
    });
    expect(result.evaluations).toEqual([expect.objectContaining({ index: 1, severity: 'warn', threshold: 700 })]);
  });

  it('does not fire a rule whose baseline or target look-up is missing or fails, and still stores the readings', async () => {
    const db = await freshDb();
    const rules = [
      rule({ id: 'conv', metric: 'conversionRate', comparison: 'dropVsBaseline', value: 0.2 }),
      rule({ id: 'target', metric: 'sales', comparison: 'belowTarget', value: 1, fix: 'salesBelowTarget' }),
    ];
    const readings = [obs('conversionRate', 0.001), obs('sales', 1, { currency: 'CNY' })];
    await ingest(db, dayReport(readings), { url: SYCM_URL, now: NOON, customRules: rules });
    expect(await db.count('alerts')).toBe(0);
    await ingest(db, dayReport(readings.map((o) => ({ ...o, value: o.value + 0.0001 }))), {
      url: SYCM_URL,
      now: NOON + 1,
      customRules: rules,
      baseline: () => Promise.reject(new Error('history unavailable')),
      dailyTarget: async () => null,
    });
    expect(await db.count('alerts')).toBe(0);
    expect(await db.count('readings')).toBe(4);
  });

  it('fires a target rule from the day’s target and a two-condition rule only when both hold', async () => {
    const db = await freshDb();
    const dates: string[] = [];
    await ingest(db, dayReport([obs('sales', 8000, { currency: 'CNY' }), obs('conversionRate', 0.02), obs('visitors', 800)]), {
      url: SYCM_URL,
      now: NOON,
      customRules: [
        rule({ id: 'target', metric: 'sales', comparison: 'belowTarget', value: 1, severity: 'warn', fix: 'salesBelowTarget' }),
        rule({
          id: 'busy',
          metric: 'conversionRate',
          comparison: 'below',
          value: 0.025,
          and: { metric: 'visitors', comparison: 'above', value: 1000 },
        }),
        rule({
          id: 'quiet',
          metric: 'conversionRate',
          comparison: 'below',
          value: 0.025,
          and: { metric: 'visitors', comparison: 'below', value: 1000 },
        }),
      ],
      async dailyTarget(_site, _store, date) {
        dates.push(date);
        return 10000;
      },
    });
    expect(dates).toEqual(['2026-11-25']);
    const alerts = await db.getAll('alerts');
    expect(alerts.map((a) => a.ruleId).sort()).toEqual(['quiet', 'target']);
    expect(alerts.find((a) => a.ruleId === 'target')).toMatchObject({ threshold: 10000, currency: 'CNY', severity: 'warn' });
  });
});

describe('notifications', () => {
  const setup = async (settings: Partial<Settings>, clock: { now: number }) => {
    const db = await freshDb();
    const notices: Notice[] = [];
    const service = createService({
      extensionId: EXT,
      openDb: async () => db,
      now: () => clock.now,
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, language: 'zh-CN', ...settings }),
      notify: (n) => void notices.push(n),
    });
    const send = (value: number) => service.handle({ type: 'report', payload: dayReport([obs('bounceRate', value)]) }, TAB);
    return { db, notices, send };
  };

  it('announces a critical alert of a notify rule once, however often the page is read', async () => {
    const clock = { now: NOON };
    const { db, notices, send } = await setup({ customRules: [rule({ notify: true })] }, clock);
    await send(0.8);
    clock.now += 60_000;
    await send(0.81);
    // Fine again, then bad again: the same alert, still announced only once.
    await send(0.5);
    await send(0.85);
    expect(notices).toEqual([
      {
        id: 'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25|rule:r1',
        title: '跳失率过高 · 小雨的旗舰店',
        message: '跳失率 80%，已达到或高于 72%',
      },
    ]);
    expect((await db.get('alerts', notices[0]!.id))?.notifiedAt).toBe(NOON);
  });

  it('stays silent for warnings and for rules without notify', async () => {
    const clock = { now: NOON };
    const { notices, send } = await setup(
      { customRules: [rule({ id: 'w', notify: true, severity: 'warn' }), rule({ id: 'off', notify: false })] },
      clock,
    );
    await send(0.9);
    expect(notices).toEqual([]);
  });

  it('never announces in quiet hours, and announces on the first read after them', async () => {
    const clock = { now: NIGHT };
    const { notices, send } = await setup(
      { customRules: [rule({ notify: true })], quietHours: { enabled: true, from: '22:00', to: '08:00' } },
      clock,
    );
    await send(0.8);
    expect(notices).toEqual([]);
    clock.now = NIGHT + 9 * 3600_000; // 08:30 the next morning
    await send(0.8);
    expect(notices).toHaveLength(1);
  });
});
