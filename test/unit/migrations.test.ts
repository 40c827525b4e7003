import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase } from '@/core/db';
import { inbox } from '@/core/background/alerts';
import { listShops } from '@/core/background/queries';
import { dbFixture, writeDbFixture } from './support/legacy-db';

let n = 0;

/** A database of an earlier version, written from its frozen fixture, then opened by today's code. */
async function upgraded(version: 1 | 2 | 3) {
  const name = `storepulse-migration-${++n}`;
  await writeDbFixture(name, dbFixture(`v${version}`));
  return openDatabase(name);
}

describe('database migrations', () => {
  it('upgrades a version-1 database with its data to today’s schema', async () => {
    const fixture = dbFixture('v1');
    expect(fixture.stores.readings!.indexes).not.toHaveProperty('byShop');
    const now = await upgraded(1);
    expect(now.version).toBe(DB_VERSION);
    expect(await now.count('readings')).toBe(3);
    expect(await listShops(now)).toEqual([
      { site: 'shopify', store: 'Lumen' },
      { site: 'sycm', store: '小雨的旗舰店' },
    ]);
    // An alert of version 1 had no history: it is still listed, and its history reads as empty.
    const alerts = await inbox(now, 1764050000000);
    expect(alerts.map((a) => [a.id, a.status, a.history])).toEqual([
      ['sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25', 'open', undefined],
    ]);
    now.close();
  });

  it('upgrades a version-2 database: the days already read become daily values, a closed day beating real-time', async () => {
    expect(Object.keys(dbFixture('v2').stores).sort()).toEqual(['alerts', 'readings']);
    const now = await upgraded(2);
    expect(now.version).toBe(DB_VERSION);
    expect(await now.count('readings')).toBe(5);
    const daily = await now.getAll('daily');
    expect(daily.map((d) => [d.date, d.value, d.provisional])).toEqual([
      ['2026-11-24', 3000, false],
      ['2026-11-25', 3100, false],
    ]);
    expect(daily.map((d) => d.id)).toEqual(['sycm|小雨的旗舰店|visitors||2026-11-24', 'sycm|小雨的旗舰店|visitors||2026-11-25']);
    now.close();
  });

  it('upgrades a version-3 database keeping every record (ids of page text with | are rewritten: keys.test.ts)', async () => {
    const fixture = dbFixture('v3');
    const now = await upgraded(3);
    expect(now.version).toBe(DB_VERSION);
    for (const store of ['readings', 'daily', 'alerts', 'targets'] as const)
      expect(await now.count(store)).toBe(fixture.records[store]!.length);
    now.close();
  });

  it('creates today’s schema on a fresh install', async () => {
    const db = await openDatabase(`storepulse-migration-${++n}`);
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'daily', 'readings', 'targets']);
    expect([...db.transaction('readings').store.indexNames].sort()).toEqual(['byObservedAt', 'bySeries', 'byShop']);
    db.close();
  });

  it('creates, from version 3 on, the same stores and indexes as a fresh install', async () => {
    const fresh = await openDatabase(`storepulse-migration-${++n}`);
    const old = await upgraded(3);
    const shape = (db: typeof fresh) =>
      [...db.objectStoreNames].map((name) => {
        const store = db.transaction(name).store;
        return [name, store.keyPath, store.autoIncrement, [...store.indexNames].map((i) => [i, store.index(i).keyPath])];
      });
    expect(shape(old)).toEqual(shape(fresh));
    fresh.close();
    old.close();
  });
});
