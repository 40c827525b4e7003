import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase, SCHEMA_STEPS } from '@/core/db';
import { listShops } from '@/core/background/history';

let n = 0;

describe('database migrations', () => {
  it('has one upgrade step per version', () => {
    expect(SCHEMA_STEPS).toBe(DB_VERSION);
  });

  it('upgrades a version-1 database with its data to today’s schema', async () => {
    const name = `storepulse-migration-${++n}`;
    // A version-1 fixture, written with the version-1 schema.
    const v1 = await openDatabase(name, 1);
    expect([...v1.transaction('readings').store.indexNames]).not.toContain('byShop');
    const base = {
      period: { kind: 'day', start: '2026-11-25', end: '2026-11-25' },
      periodKey: 'day:2026-11-25..2026-11-25',
      observedAt: 1,
      url: 'https://sycm.taobao.com/portal/home.htm',
      source: { reader: 'generic', locator: 'x', label: '跳失率', raw: '72.31%' },
    } as const;
    await v1.add('readings', { ...base, series: 'a', metric: 'bounceRate', value: 0.7231, store: '小雨的旗舰店', site: 'sycm' });
    await v1.add('readings', { ...base, series: 'b', metric: 'visitors', value: 3482, store: '小雨的旗舰店', site: 'sycm' });
    await v1.add('readings', { ...base, series: 'c', metric: 'visitors', value: 10, store: 'Lumen', site: 'shopify' });
    v1.close();

    const now = await openDatabase(name);
    expect(now.version).toBe(DB_VERSION);
    expect(await now.count('readings')).toBe(3);
    expect(await listShops(now)).toEqual([
      { site: 'shopify', store: 'Lumen' },
      { site: 'sycm', store: '小雨的旗舰店' },
    ]);
    now.close();
  });

  it('upgrades a version-2 database: the days already read become daily values, a closed day beating real-time', async () => {
    const name = `storepulse-migration-${++n}`;
    const v2 = await openDatabase(name, 2);
    expect([...v2.objectStoreNames].sort()).toEqual(['alerts', 'readings']);
    const reading = (
      value: number,
      period: { kind: 'day' | 'realtime' | 'range'; start: string; end: string },
      observedAt: number,
    ) => ({
      series: `sycm|小雨的旗舰店|visitors|${period.kind}:${period.start}..${period.end}||`,
      metric: 'visitors' as const,
      value,
      period,
      periodKey: `${period.kind}:${period.start}..${period.end}`,
      store: '小雨的旗舰店',
      site: 'sycm',
      observedAt,
      url: 'https://sycm.taobao.com/portal/home.htm',
      source: { reader: 'adapter' as const, locator: 'x', label: '访客数', raw: String(value) },
    });
    await v2.add('readings', reading(100, { kind: 'realtime', start: '2026-11-24', end: '2026-11-24' }, 1));
    await v2.add('readings', reading(3000, { kind: 'day', start: '2026-11-24', end: '2026-11-24' }, 2));
    await v2.add('readings', reading(150, { kind: 'realtime', start: '2026-11-24', end: '2026-11-24' }, 3));
    await v2.add('readings', reading(3100, { kind: 'day', start: '2026-11-25', end: '2026-11-25' }, 4));
    await v2.add('readings', reading(21000, { kind: 'range', start: '2026-11-19', end: '2026-11-25' }, 5));
    v2.close();

    const v3 = await openDatabase(name);
    expect(v3.version).toBe(3);
    expect(await v3.count('readings')).toBe(5);
    const daily = await v3.getAll('daily');
    expect(daily.map((d) => [d.date, d.value, d.provisional])).toEqual([
      ['2026-11-24', 3000, false],
      ['2026-11-25', 3100, false],
    ]);
    v3.close();
  });

  it('creates today’s schema on a fresh install', async () => {
    const db = await openDatabase(`storepulse-migration-${++n}`);
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'daily', 'readings', 'targets']);
    expect([...db.transaction('readings').store.indexNames].sort()).toEqual(['byObservedAt', 'bySeries', 'byShop']);
    db.close();
  });
});
