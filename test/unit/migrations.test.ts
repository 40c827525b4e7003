import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openDatabase } from '@/core/db';
import { inbox } from '@/core/background/alerts';
import { listShops } from '@/core/background/queries';
import { curvesOn, sourceCurves } from '@/core/background/curves';
import { dailyParts, dailySeries, metricsWithDays } from '@/core/background/daily';
import { ingest } from '@/core/background/ingest';
import type { DailyRecord } from '@/core/db';
import { allDays, day, obs, realtime, report, SYCM_URL } from './support/db';
import { dbFixture, writeDbFixture } from './support/legacy-db';

let n = 0;

/** A database of an earlier version, written from its frozen fixture, then opened by today's code. */
async function upgraded(version: 1 | 2 | 3 | 4 | 5 | 6) {
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
    const daily = await allDays(now);
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
    for (const store of ['readings', 'alerts', 'targets'] as const)
      expect(await now.count(store)).toBe(fixture.records[store]!.length);
    expect(await allDays(now)).toHaveLength(fixture.records.daily!.length);
    now.close();
  });

  it('upgrades a version-4 database: every day moves into its month record, and nothing read is lost', async () => {
    const fixture = dbFixture('v4');
    const before = (fixture.records.daily as DailyRecord[]).slice().sort((a, b) => a.id.localeCompare(b.id));
    const now = await upgraded(4);
    expect(now.version).toBe(DB_VERSION);
    expect([...now.objectStoreNames]).not.toContain('daily');
    // Every field of every day, as it was: value, provisional flag, currency (a month may mix them), row, peer, time read.
    expect((await allDays(now)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);
    for (const store of ['readings', 'alerts', 'targets'] as const)
      expect(await now.count(store)).toBe(fixture.records[store]!.length);
    // One record per shop, series and month: 14 days in 9 months of series.
    expect(await now.count('days')).toBe(9);
    const month = await now.get('days', ['shopify', 'Rainy | Goods', 'sales', '', '2026-11']);
    expect(month).toMatchObject({ values: [...Array(22).fill(null), 410.5, 399, null, -12.5], provisional: 0 });

    // The views read the upgraded history: a window across months, parts, peers, the metrics with days.
    const shop = ['sycm', '小雨的旗舰店'] as const;
    expect((await dailySeries(now, ...shop, 'visitors', '2026-10-31', '2026-11-25')).map((d) => [d.date, d.value])).toEqual([
      ['2026-10-31', 2950],
      ['2026-11-24', 3000],
      ['2026-11-25', 3100],
    ]);
    expect([...(await dailyParts(now, ...shop, 'visitors', '2026-11-01', '2026-11-30')).keys()]).toEqual([
      '来源\\:渠道=手淘=搜索',
    ]);
    expect([...(await dailyParts(now, ...shop, 'visitors', '2026-11-01', '2026-11-30', 'peer')).keys()]).toEqual([
      'peer:大牌旗舰店',
    ]);
    expect((await metricsWithDays(now, ...shop, '2026-11-25')).sort()).toEqual(['bounceRate', 'sales', 'visitors']);
    expect(await metricsWithDays(now, ...shop, '2026-12-02')).toEqual([]);

    // The closed day read after the upgrade replaces the running real-time value of the same day.
    await ingest(now, report([obs('sales', 12400, { currency: 'CNY' })], day('2026-11-30')), {
      url: SYCM_URL,
      now: 1764600000000,
    });
    expect((await dailySeries(now, ...shop, 'sales', '2026-11-30', '2026-11-30')).map((d) => [d.value, d.provisional])).toEqual([
      [12400, false],
    ]);
    now.close();
  });

  it('upgrades a version-5 database: the curves store is added and every record of every store is as it was', async () => {
    const fixture = dbFixture('v5');
    expect(Object.keys(fixture.stores).sort()).toEqual(['alerts', 'days', 'readings', 'targets']);
    const now = await upgraded(5);
    expect(now.version).toBe(DB_VERSION);
    for (const store of ['readings', 'alerts', 'days', 'targets'] as const) {
      const byKey = (r: unknown) => JSON.stringify(r);
      const stored = (await now.getAll(store)).map((r) => ('id' in r && store === 'readings' ? { ...r, id: undefined } : r));
      const frozen = fixture.records[store]!.map((r) => (store === 'readings' ? { ...(r as object), id: undefined } : r));
      expect(stored.map(byKey).sort()).toEqual(frozen.map(byKey).sort());
    }
    expect(await now.count('curves')).toBe(0);
    // A real-time reading after the upgrade starts the day's curve beside its daily value.
    await ingest(now, report([obs('sales', 5200, { currency: 'CNY' })], realtime('2026-11-30')), {
      url: 'https://sycm.taobao.com/portal/realtime.htm',
      now: Date.UTC(2026, 10, 30, 6, 35), // 14:35 in China
      timeZone: 'Asia/Shanghai',
    });
    const curve = await now.get('curves', ['sycm', '小雨的旗舰店', 'sales', '', '2026-11-30']);
    expect(curve?.values.length).toBe(88); // 14:35 is slot 87 (14:30–14:40)
    expect(curve?.values[87]).toBe(5200);
    expect(curve?.currency).toBe('CNY');
    now.close();
  });

  it('upgrades a version-6 database: the look-up indexes are added and every record of every store is as it was', async () => {
    const fixture = dbFixture('v6');
    expect(fixture.stores.alerts!.indexes).not.toHaveProperty('byPeriod');
    expect(fixture.stores.days!.indexes).not.toHaveProperty('byShopMonth');
    const now = await upgraded(6);
    expect(now.version).toBe(DB_VERSION);
    expect(await everyRecord(now)).toEqual(frozenRecords(fixture));

    // Every view reads what it read before: each day value, parts and peers, a curve fresh and thinned, the inbox.
    const shop = ['sycm', '小雨的旗舰店'] as const;
    expect((await dailySeries(now, ...shop, 'visitors', '2026-10-01', '2026-11-30')).map((d) => [d.date, d.value])).toEqual([
      ['2026-10-01', 2900],
      ['2026-10-31', 2950],
      ['2026-11-24', 3000],
      ['2026-11-25', 3100],
    ]);
    expect([...(await dailyParts(now, ...shop, 'visitors', '2026-11-01', '2026-11-30', 'peer')).keys()]).toEqual([
      'peer:大牌旗舰店',
    ]);
    const [sales] = await curvesOn(now, ...shop, 'sales', ['2026-11-30']);
    expect(sales?.values[87]).toBe(5200);
    expect((await sourceCurves(now, ...shop, '2026-10-02')).map((c) => [c.step, c.values[13]])).toEqual([[60, 1022]]);
    expect((await inbox(now, 1764050000000)).map((a) => a.id).sort()).toEqual(
      fixture.records.alerts!.map((a) => (a as { id: string }).id).sort(),
    );

    // The new indexes hold the records of version 6: a report of the alert's day finds and updates it
    // (no second alert), and a closed day read again with its stored value adds no reading.
    await ingest(now, report([obs('bounceRate', 0.75), obs('visitors', 3000)], day('2026-11-24')), {
      url: SYCM_URL,
      now: 1764100000000,
    });
    const alerts = await now.getAll('alerts');
    expect(alerts).toHaveLength(fixture.records.alerts!.length);
    expect(alerts.find((a) => a.metric === 'bounceRate')).toMatchObject({ value: 0.75, lastSeen: 1764100000000 });
    expect(await now.count('readings')).toBe(fixture.records.readings!.length + 1);
    now.close();
  });

  it('leaves a version-6 database whole when its upgrade is stopped half way, and upgrades it on the next open', async () => {
    const fixture = dbFixture('v6');
    const name = `storepulse-migration-${++n}`;
    await writeDbFixture(name, fixture);
    // The worker dies after the step's first index: the browser aborts the upgrade's transaction.
    const createIndex = IDBObjectStore.prototype.createIndex;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['createIndex']>
    ) {
      if (args[0] === 'byShopMonth') {
        this.transaction.abort();
        throw new DOMException('killed', 'AbortError');
      }
      return createIndex.apply(this, args);
    });
    await expect(openDatabase(name)).rejects.toThrow();
    spy.mockRestore();

    const left = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(left.version).toBe(6);
    expect([...left.transaction('alerts').objectStore('alerts').indexNames]).toEqual(['byLastSeen']);
    left.close();

    const now = await openDatabase(name);
    expect(now.version).toBe(DB_VERSION);
    expect(await everyRecord(now)).toEqual(frozenRecords(fixture));
    now.close();
  });

  it('creates today’s schema on a fresh install', async () => {
    const db = await openDatabase(`storepulse-migration-${++n}`);
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'curves', 'days', 'readings', 'targets']);
    expect([...db.transaction('readings').store.indexNames].sort()).toEqual(['byObservedAt', 'bySeries', 'byShop']);
    expect([...db.transaction('alerts').store.indexNames].sort()).toEqual(['byLastSeen', 'byPeriod']);
    expect([...db.transaction('days').store.indexNames]).toEqual(['byShopMonth']);
    db.close();
  });

  it('creates, from versions 3 to 6 on, the same stores and indexes as a fresh install', async () => {
    const fresh = await openDatabase(`storepulse-migration-${++n}`);
    const shape = (db: typeof fresh) =>
      [...db.objectStoreNames].map((name) => {
        const store = db.transaction(name).store;
        return [name, store.keyPath, store.autoIncrement, [...store.indexNames].map((i) => [i, store.index(i).keyPath])];
      });
    for (const version of [3, 4, 5, 6] as const) {
      const old = await upgraded(version);
      expect(shape(old)).toEqual(shape(fresh));
      old.close();
    }
    fresh.close();
  });
});

const STORES = ['readings', 'alerts', 'days', 'targets', 'curves'] as const;

/** Every record of every store as JSON, sorted; a reading without its id (the fixture's are given on add). */
async function everyRecord(db: Awaited<ReturnType<typeof openDatabase>>): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const store of STORES)
    all[store] = (await db.getAll(store)).map((r) => JSON.stringify(store === 'readings' ? { ...r, id: undefined } : r)).sort();
  return all;
}

function frozenRecords(fixture: ReturnType<typeof dbFixture>): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const store of STORES)
    all[store] = fixture.records[store]!.map((r) =>
      JSON.stringify(store === 'readings' ? { ...(r as object), id: undefined } : r),
    ).sort();
  return all;
}
