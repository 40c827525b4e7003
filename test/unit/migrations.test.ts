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

  it('creates today’s schema on a fresh install', async () => {
    const db = await openDatabase(`storepulse-migration-${++n}`);
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'readings']);
    expect([...db.transaction('readings').store.indexNames].sort()).toEqual(['byObservedAt', 'bySeries', 'byShop']);
    db.close();
  });
});
