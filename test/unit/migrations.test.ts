import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openDatabase } from '@/core/db';
import { inbox } from '@/core/background/alerts';
import { listShops } from '@/core/background/queries';
import { curvesOn, sourceCurves } from '@/core/background/curves';
import { dailyParts, dailySeries, metricsWithDays } from '@/core/background/daily';
import { ingest } from '@/core/background/ingest';
import { exportText, type ExportFile } from '@/core/background/transfer/export';
import { daysOf, seriesMonth, seriesMonths, type DailyMonthRecord, type ShopMonthRecord } from '@/core/daily-months';
import type { DailyRecord } from '@/core/db';
import { dailyId } from '@/core/keys';
import { allDays, day, obs, realtime, report, SYCM_URL } from './support/db';
import { dbFixture, writeDbFixture } from './support/legacy-db';

let n = 0;

/** A database of an earlier version, written from its frozen fixture, then opened by today's code. */
async function upgraded(version: 1 | 2 | 3 | 4 | 5 | 6 | 7) {
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
    // One record per shop and month (since version 8): 14 days in 9 months of series, of 4 shop months.
    expect(await now.count('days')).toBe(4);
    const month = seriesMonth((await now.get('days', ['shopify', 'Rainy | Goods', '2026-11']))!, 'sales', '');
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
    const stored = await everyRecord(now);
    const frozen = frozenRecords(fixture);
    for (const store of ['readings', 'alerts', 'days', 'targets'] as const) expect(stored[store]).toEqual(frozen[store]);
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
    expect(await visitorsWindow(now)).toEqual(FIXTURE_VISITORS);
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

  it('upgrades a version-7 database: each shop month becomes one record holding its series, every day and reading kept', async () => {
    const fixture = dbFixture('v7');
    expect(fixture.stores.days!.keyPath).toEqual(['site', 'store', 'metric', 'part', 'month']);
    const months = fixture.records.days as DailyMonthRecord[];
    const now = await upgraded(7);
    expect(now.version).toBe(DB_VERSION);
    // Every record of every store as it was: each series' month field by field (values, times read,
    // provisional bits, currencies, row, peer), every reading (a revised closed day's two), alert, target, curve.
    expect(await everyRecord(now)).toEqual(frozenRecords(fixture));
    expect(await now.count('readings')).toBe(5);

    // One record per shop × month: the 9 series months of the fixture are 4 shop months.
    const shopMonths = new Set(months.map((m) => `${m.site}|${m.store}|${m.month}`));
    expect(shopMonths.size).toBe(4);
    expect(await now.count('days')).toBe(4);
    const november = (await now.get('days', ['sycm', '小雨的旗舰店', '2026-11']))!;
    expect(november.series.map((s) => [s.metric, s.part])).toEqual([
      ['bounceRate', ''],
      ['sales', ''],
      ['visitors', ''],
      ['visitors', 'peer:大牌旗舰店'],
      ['visitors', '来源\\:渠道=手淘=搜索'],
    ]);
    expect(november.series.every((s) => !('site' in s) && !('store' in s) && !('month' in s))).toBe(true);

    // Export after the upgrade holds what version 7 held: every day (with its id, as the file carries it),
    // reading, alert, target and curve; the CSV the same days.
    const file = JSON.parse(await exportText(now, 'json', 1764600000000)) as ExportFile;
    const frozenDays = months.flatMap((m) =>
      daysOf(m).map((d) => ({ id: dailyId(d.site, d.store, d.metric, d.part, d.date), ...d }) as DailyRecord),
    );
    const sorted = (records: readonly unknown[]) => records.map(canonical).sort();
    expect(sorted(file.daily)).toEqual(sorted(frozenDays));
    expect(file.daily).toHaveLength(14);
    const frozen = frozenRecords(fixture);
    expect(sorted(file.readings)).toEqual(frozen.readings!.map((r) => canonical({ ...JSON.parse(r), id: undefined })).sort());
    for (const store of ['alerts', 'targets', 'curves'] as const) expect(sorted(file[store] ?? [])).toEqual(frozen[store]);
    const csv = (await exportText(now, 'csv', 1764600000000)).trim().split('\r\n');
    expect(csv).toHaveLength(frozenDays.length + 1);
    expect(
      csv
        .slice(1)
        .map((row) => row.split(',')[0])
        .sort(),
    ).toEqual(frozenDays.map((d) => d.date).sort());

    // Every view reads what it read before, and a report of a closed day already held adds no reading.
    const shop = ['sycm', '小雨的旗舰店'] as const;
    expect(await visitorsWindow(now)).toEqual(FIXTURE_VISITORS);
    expect([...(await dailyParts(now, ...shop, 'visitors', '2026-11-01', '2026-11-30')).keys()]).toEqual([
      '来源\\:渠道=手淘=搜索',
    ]);
    expect(await metricsWithDays(now, ...shop, '2026-11-25')).toEqual(['bounceRate', 'sales', 'visitors']);
    expect(await listShops(now)).toEqual([
      { site: 'shopify', store: 'Rainy | Goods' },
      { site: 'sycm', store: '小雨的旗舰店' },
    ]);
    await ingest(now, report([obs('visitors', 3000), obs('pagesPerVisit', 2.1)], day('2026-11-24')), {
      url: SYCM_URL,
      now: 1764100000000,
    });
    expect(await now.count('readings')).toBe(6);
    const after = seriesMonth((await now.get('days', ['sycm', '小雨的旗舰店', '2026-11']))!, 'pagesPerVisit', '');
    expect(after?.values[23]).toBe(2.1);
    expect(await now.count('days')).toBe(4);
    now.close();
  });

  it('leaves a version-7 database whole when its upgrade is stopped half way, and upgrades it on the next open', async () => {
    const fixture = dbFixture('v7');
    const name = `storepulse-migration-${++n}`;
    await writeDbFixture(name, fixture);
    expect(await rawDatabase(name)).toEqual(rawFixture(fixture));
    // The worker dies after the first shop month was written to the new store: the browser aborts the upgrade.
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++puts === 2) {
        this.transaction.abort();
        throw new DOMException('killed', 'AbortError');
      }
      return put.apply(this, args);
    });
    await expect(openDatabase(name)).rejects.toThrow();
    spy.mockRestore();
    expect(puts).toBe(2);

    // Version 7 as it was: the old store's key and index, and every record.
    expect(await rawDatabase(name)).toEqual(rawFixture(fixture));

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
    expect(db.transaction('days').store.keyPath).toEqual(['site', 'store', 'month']);
    expect([...db.transaction('days').store.indexNames]).toEqual([]);
    db.close();
  });

  it('creates, from versions 3 to 7 on, the same stores and indexes as a fresh install', async () => {
    const fresh = await openDatabase(`storepulse-migration-${++n}`);
    const shape = (db: typeof fresh) =>
      [...db.objectStoreNames].map((name) => {
        const store = db.transaction(name).store;
        return [name, store.keyPath, store.autoIncrement, [...store.indexNames].map((i) => [i, store.index(i).keyPath])];
      });
    for (const version of [3, 4, 5, 6, 7] as const) {
      const old = await upgraded(version);
      expect(shape(old)).toEqual(shape(fresh));
      old.close();
    }
    fresh.close();
  });
});

/** The fixture shop's visitors over October and November (the v6 and v7 fixtures), and as read back. */
const FIXTURE_VISITORS = [
  ['2026-10-01', 2900],
  ['2026-10-31', 2950],
  ['2026-11-24', 3000],
  ['2026-11-25', 3100],
];
const visitorsWindow = async (db: Awaited<ReturnType<typeof openDatabase>>) =>
  (await dailySeries(db, 'sycm', '小雨的旗舰店', 'visitors', '2026-10-01', '2026-11-30')).map((d) => [d.date, d.value]);

const STORES = ['readings', 'alerts', 'days', 'targets', 'curves'] as const;

/** JSON with every object's keys in order: two records with the same fields compare equal whatever their order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/**
 * Every record of every store as canonical JSON, sorted; a reading without its id (the fixture's are given
 * on add); the days as one month record per series, as versions 5–7 kept them.
 */
async function everyRecord(db: Awaited<ReturnType<typeof openDatabase>>): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const store of STORES) {
    const records: unknown[] = await db.getAll(store);
    all[store] = records
      .flatMap((r) => (store === 'days' ? seriesMonths(r as ShopMonthRecord) : [r]))
      .map((r) => canonical(store === 'readings' ? { ...(r as object), id: undefined } : r))
      .sort();
  }
  return all;
}

function frozenRecords(fixture: ReturnType<typeof dbFixture>): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const store of STORES)
    all[store] = (fixture.records[store] ?? [])
      .map((r) => canonical(store === 'readings' ? { ...(r as object), id: undefined } : r))
      .sort();
  return all;
}

/** A database's stores, indexes and records read with plain IndexedDB calls, whatever its version. */
async function rawDatabase(name: string): Promise<{ version: number; stores: Record<string, unknown> }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const stores: Record<string, unknown> = {};
  for (const storeName of [...db.objectStoreNames]) {
    const store = db.transaction(storeName).objectStore(storeName);
    const records = await new Promise<unknown[]>((resolve) => {
      const req = store.getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
    });
    stores[storeName] = {
      keyPath: store.keyPath,
      indexes: [...store.indexNames].map((i) => [i, store.index(i).keyPath]).sort(),
      records: records.map((r) => canonical(storeName === 'readings' ? { ...(r as object), id: undefined } : r)).sort(),
    };
  }
  const version = db.version;
  db.close();
  return { version, stores };
}

/** The same, written from a fixture: what a database of the fixture's version holds. */
function rawFixture(fixture: ReturnType<typeof dbFixture>): { version: number; stores: Record<string, unknown> } {
  const frozen = frozenRecords(fixture);
  const stores: Record<string, unknown> = {};
  for (const [name, shape] of Object.entries(fixture.stores))
    stores[name] = { keyPath: shape.keyPath, indexes: Object.entries(shape.indexes).sort(), records: frozen[name] };
  return { version: fixture.version, stores };
}
