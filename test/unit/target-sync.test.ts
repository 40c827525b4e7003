import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type TargetRecord } from '@/core/db';
import { targetId } from '@/core/keys';
import { addMonths, monthDays } from '@/core/review/dates';
import { buildPlan } from '@/core/review/plan-input';
import type { MonthTarget } from '@/core/review/types';
import { itemBytes, SYNC_QUOTA } from '@/core/settings-sync';
import {
  MONTHS_BACK,
  pullTargets,
  pushTargets,
  recordOf,
  syncedMonths,
  TARGET_BUDGET,
  TARGET_PREFIX,
  TARGET_SYNC_VERSION,
  targetKey,
  toItem,
  type TargetItem,
} from '@/core/target-sync';
import { targetFollower } from '@/core/background/target-follow';
import { createService } from '@/core/background/service';
import { EXT, POPUP } from './support/senders';
import { setTarget, targetBook } from '@/core/background/target-store';
import { syncStorage } from './support/sync';

/** 15 Nov 2026, noon local time: the current month is 2026-11. */
const NOW = new Date(2026, 10, 15, 12).getTime();
const DAY = 86_400_000;
const SHOP_A = { site: 'sycm', store: '小雨的旗舰店' };
const SHOP_B = { site: 'jd', store: '小雨京东自营店' };

const target = (
  shop: { site: string; store: string },
  month: string,
  amount: number,
  extra: Partial<MonthTarget> = {},
): MonthTarget => ({
  ...shop,
  month,
  amount,
  currency: 'CNY',
  split: 'even',
  ...extra,
});

/** A plan pasted from a spreadsheet: a different amount, in cents, for every day of the month. */
function pastedPlan(month: string, total: number): Record<string, number> {
  return Object.fromEntries(monthDays(month).map((d, i) => [d, Math.round((total / 31 + i * 1.37) * 100) / 100]));
}

/** A plan typed as the form makes it: three 大促 days set, the rest of the month spread evenly (unrounded). */
function spreadPlan(month: string, total: number): Record<string, number> {
  const texts = Array.from({ length: 31 }, (_, i) => (i === 0 || i === 10 || i === 11 ? String(total / 10) : ''));
  const built = buildPlan(month, total, texts);
  if (!('plan' in built)) throw new Error('plan refused');
  return built.plan;
}

/** A key-value area without quotas, as the prefs database is. */
function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    async get(keys?: string | string[] | null) {
      const list = keys === null || keys === undefined ? Object.keys(data) : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, structuredClone(items));
    },
  };
}

let n = 0;
/** One browser of the operator: its own history database and prefs area. */
async function browserWith() {
  const db = await openDatabase(`target-sync-${n++}`);
  // The prefs database: no sync quotas.
  const local = memoryArea();
  // The worker's follower, here never following sync on its own: the tests push and pull by hand.
  const follower = targetFollower(
    { local, active: async () => null },
    async () => db,
    () => Date.now(),
    () => undefined,
  );
  const book = targetBook(db);
  return {
    db,
    local,
    book,
    async save(t: MonthTarget, at: number) {
      vi.setSystemTime(at);
      await setTarget(db, t, at);
      await follower.saved(t);
    },
    async targetOf(shop: { site: string; store: string }, month: string) {
      return db.get('targets', targetId(shop.site, shop.store, month));
    },
  };
}

async function twoBrowsers() {
  return { sync: syncStorage(), laptop: await browserWith(), shop: await browserWith() };
}

/** Push from one, pull into the other. */
async function carry(
  from: { book: ReturnType<typeof targetBook>; local: ReturnType<typeof memoryArea> },
  to: typeof from,
  sync: ReturnType<typeof syncStorage>,
  now = NOW,
) {
  const status = await pushTargets(from.book, from.local, sync, now);
  const taken = await pullTargets(to.book, to.local, sync);
  return { status, taken };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('targets split into sync items', () => {
  it.each([
    ['pasted, every day its own amount', pastedPlan('2026-12', 1_500_000)],
    ['three days set, the rest spread', spreadPlan('2026-12', 1_500_000)],
  ])('carries one shop × month per item under its own prefix, a day plan (%s) folded exactly, unknown fields kept', (_, plan) => {
    const record: TargetRecord = {
      ...target(SHOP_A, '2026-12', 1_500_000, { split: 'plan', plan }),
      id: targetId(SHOP_A.site, SHOP_A.store, '2026-12'),
      updatedAt: NOW,
      // A field a later StorePulse adds to month targets: it travels with the record.
      ...({ spendRatioCeiling: 0.12 } as object),
    };
    const item = toItem(record);
    expect(item).toMatchObject({ v: TARGET_SYNC_VERSION, at: NOW, t: { spendRatioCeiling: 0.12 } });
    expect((item.t.plan as unknown[]).length).toBe(31);
    expect(recordOf(item)).toEqual(record);
    const key = targetKey(record.id);
    expect(key.startsWith(TARGET_PREFIX)).toBe(true);
    expect(key.startsWith('sp.')).toBe(false);
    // The folded plan is much smaller than the plan by date.
    expect(itemBytes(key, item)).toBeLessThan(itemBytes(key, { ...item, t: { ...item.t, plan: record.plan } }) / 1.5);
  });

  it.each([
    ['pasted, every day its own amount', pastedPlan],
    ['three days set, the rest spread', spreadPlan],
  ])(
    'fits a day plan (%s) for 50 shops in the current and next months, and says which older months stay here',
    async (_, planOf) => {
      const { sync, laptop } = await twoBrowsers();
      const months = syncedMonths(NOW);
      expect(months).toHaveLength(15);
      expect(months[0]).toBe('2025-10');
      expect(months.at(-1)).toBe('2026-12');
      for (let s = 0; s < 50; s++)
        for (const month of months)
          await laptop.save(
            target({ site: 'sycm', store: `小雨的旗舰店第${s}号分店（天猫）` }, month, 1_000_000, {
              split: 'plan',
              plan: planOf(month, 1_000_000),
            }),
            NOW - DAY,
          );
      const status = await pushTargets(laptop.book, laptop.local, sync, NOW);
      const keys = Object.keys(sync.data);
      const bytes = keys.reduce((sum, k) => sum + itemBytes(k, sync.data[k]), 0);
      expect(bytes).toBeLessThanOrEqual(TARGET_BUDGET.bytes);
      expect(keys.length).toBeLessThanOrEqual(TARGET_BUDGET.items);
      const synced = keys.map((k) => (sync.data[k] as TargetItem).t.month);
      // Every shop's current month (2026-11) and next month (2026-12) are there; older ones as far as room goes.
      expect(synced.filter((m) => m === '2026-11')).toHaveLength(50);
      expect(synced.filter((m) => m === '2026-12')).toHaveLength(50);
      const leftOut = status.problems.find((p) => p.code === 'leftOut');
      expect(leftOut).toMatchObject({ code: 'leftOut', count: 50 * 15 - keys.length });
      expect(leftOut && 'months' in leftOut && leftOut.months).toContain('2025-10');
      expect(leftOut && 'months' in leftOut && leftOut.months).not.toContain('2026-11');
      console.info(
        `50 shops, day plans ${_}: ${keys.length} items, ${bytes} bytes in sync; months ${[...new Set(synced)].sort().join(', ')}`,
      );
    },
    60_000,
  );

  it('carries a plain target of every shop for the whole window when they fit: 20 shops × 15 months', async () => {
    const { sync, laptop } = await twoBrowsers();
    for (let s = 0; s < 20; s++)
      for (const month of syncedMonths(NOW))
        await laptop.save(target({ site: 'sycm', store: `小雨的旗舰店第${s}号分店（天猫）` }, month, 1_000_000), NOW - DAY);
    const status = await pushTargets(laptop.book, laptop.local, sync, NOW);
    expect(status.problems).toEqual([]);
    expect(Object.keys(sync.data)).toHaveLength(300);
  }, 60_000);
});

describe('two browsers of one operator', () => {
  it('merges targets of different shops and months set on each computer', async () => {
    const { sync, laptop, shop } = await twoBrowsers();
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW - 3 * DAY);
    await shop.save(target(SHOP_B, '2026-11', 80_000), NOW - 2 * DAY);
    await shop.save(target(SHOP_A, '2026-12', 450_000), NOW - DAY);
    await carry(laptop, shop, sync);
    const back = await carry(shop, laptop, sync);
    expect(back.status.problems).toEqual([]);
    expect(back.status.written.sort()).toEqual([`${SHOP_A.store} 2026-12`, `${SHOP_B.store} 2026-11`].sort());
    for (const who of [laptop, shop]) {
      expect((await who.targetOf(SHOP_A, '2026-11'))?.amount).toBe(300_000);
      expect((await who.targetOf(SHOP_B, '2026-11'))?.amount).toBe(80_000);
      expect((await who.targetOf(SHOP_A, '2026-12'))?.amount).toBe(450_000);
    }
    // Nothing changed since: nothing is written again, and the last outcome stays what the panel shows.
    const sets = sync.sets;
    await pushTargets(laptop.book, laptop.local, sync, NOW + 5_000);
    await pushTargets(shop.book, shop.local, sync, NOW + 5_000);
    expect(sync.sets).toBe(sets);
    expect((await shop.local.get('targetSyncStatus')).targetSyncStatus).toEqual(back.status);
  });

  it('keeps the newer of two edits of the same target, whichever computer pushes first', async () => {
    const { sync, laptop, shop } = await twoBrowsers();
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW - 2 * DAY);
    await shop.save(target(SHOP_A, '2026-11', 360_000, { split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 2, 2] }), NOW - DAY);
    // The newer edit goes out first; the older one is not written over it and gives way on the pull.
    await carry(shop, laptop, sync);
    const older = await pushTargets(laptop.book, laptop.local, sync, NOW);
    expect(older.written).toEqual([]);
    for (const who of [laptop, shop])
      expect(await who.targetOf(SHOP_A, '2026-11')).toMatchObject({ amount: 360_000, split: 'weekday', updatedAt: NOW - DAY });
    // The other order: the older edit goes out first and the newer replaces it.
    await laptop.save(target(SHOP_A, '2026-11', 400_000), NOW - DAY / 2);
    await shop.save(target(SHOP_A, '2026-11', 410_000), NOW - DAY / 4);
    await carry(laptop, shop, sync);
    expect((await shop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(410_000);
    await carry(shop, laptop, sync);
    expect((await laptop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(410_000);
  });

  it('deletes on the other computer a target deleted on one, and an older copy does not bring it back', async () => {
    const { sync, laptop, shop } = await twoBrowsers();
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW - 3 * DAY);
    await carry(laptop, shop, sync);
    expect(await shop.targetOf(SHOP_A, '2026-11')).toBeDefined();
    // Deleted on the shop computer (an amount of 0), with the laptop still holding its copy.
    await shop.save(target(SHOP_A, '2026-11', 0), NOW - DAY);
    const gone = await carry(shop, laptop, sync);
    expect(gone.status.written).toEqual([`${SHOP_A.store} 2026-11`]);
    expect(sync.data[targetKey(targetId(SHOP_A.site, SHOP_A.store, '2026-11'))]).toMatchObject({ deleted: true, at: NOW - DAY });
    expect(await laptop.targetOf(SHOP_A, '2026-11')).toBeUndefined();
    // The laptop pushes again: it has nothing to bring back.
    await carry(laptop, shop, sync);
    expect(await shop.targetOf(SHOP_A, '2026-11')).toBeUndefined();
    // Set again later on the laptop: the new target is newer than the deletion and travels.
    await laptop.save(target(SHOP_A, '2026-11', 320_000), NOW);
    await carry(laptop, shop, sync, NOW + 1);
    expect((await shop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(320_000);
  });

  it('takes months outside the window out of sync, their tombstones with them, keeping the targets here', async () => {
    const { sync, laptop, shop } = await twoBrowsers();
    // A month that was in the window a year ago: pushed then.
    const old = addMonths('2026-11', -14);
    await laptop.save(target(SHOP_A, old, 100_000), NOW - 400 * DAY);
    await pushTargets(laptop.book, laptop.local, sync, NOW - 400 * DAY);
    expect(Object.values(sync.data).map((i) => (i as TargetItem).t.month)).toContain(old);
    await laptop.save(target(SHOP_B, '2026-10', 90_000), NOW - 40 * DAY);
    await laptop.save(target(SHOP_B, '2026-10', 0), NOW - 30 * DAY);
    await carry(laptop, shop, sync, NOW - 29 * DAY);
    expect(await shop.targetOf(SHOP_A, old)).toMatchObject({ amount: 100_000 });
    const tombKey = targetKey(targetId(SHOP_B.site, SHOP_B.store, '2026-10'));
    expect(sync.data[tombKey]).toMatchObject({ deleted: true });
    // Now: the old month leaves sync; the tombstone is 30 days old and stays.
    const pruned = await pushTargets(shop.book, shop.local, sync, NOW);
    expect(pruned.pruned).toBe(1);
    expect(Object.values(sync.data).map((i) => (i as TargetItem).t.month)).not.toContain(old);
    expect(sync.data[tombKey]).toBeDefined();
    for (const who of [laptop, shop]) expect(await who.targetOf(SHOP_A, old)).toMatchObject({ amount: 100_000 });
    // Months later the tombstone is still carried: it leaves sync, and the browser's own list, with its month.
    expect((await pushTargets(laptop.book, laptop.local, sync, NOW + 120 * DAY)).pruned).toBe(0);
    expect(sync.data[tombKey]).toBeDefined();
    const gone = addMonths('2026-10', MONTHS_BACK + 1);
    const later = Date.parse(`${gone}-15T12:00:00`);
    expect((await pushTargets(laptop.book, laptop.local, sync, later)).pruned).toBeGreaterThanOrEqual(1);
    expect(sync.data[tombKey]).toBeUndefined();
    expect((await laptop.local.get('targetTombstones')).targetTombstones).toEqual({});
  });

  it('a computer away from sync for months takes a deletion made meanwhile instead of bringing the target back', async () => {
    const { sync, laptop, shop } = await twoBrowsers();
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW - 3 * DAY);
    await carry(laptop, shop, sync);
    // The shop computer deletes it; the laptop is not opened for four months.
    await shop.save(target(SHOP_A, '2026-11', 0), NOW - DAY);
    await pushTargets(shop.book, shop.local, sync, NOW - DAY);
    await pushTargets(shop.book, shop.local, sync, NOW + 100 * DAY);
    const back = NOW + 120 * DAY;
    await pullTargets(laptop.book, laptop.local, sync);
    await pushTargets(laptop.book, laptop.local, sync, back);
    expect(await laptop.targetOf(SHOP_A, '2026-11')).toBeUndefined();
    await pullTargets(shop.book, shop.local, sync);
    expect(await shop.targetOf(SHOP_A, '2026-11')).toBeUndefined();
    expect(sync.data[targetKey(targetId(SHOP_A.site, SHOP_A.store, '2026-11'))]).toMatchObject({ deleted: true });
  });

  it('says when the browser refused the write, keeps the target here, and sends it once there is room', async () => {
    const { sync, laptop, shop } = await twoBrowsers();
    // Another extension's data fills the sync space to 20 bytes short of its quota.
    for (let i = 0; i < 12; i++) await sync.set({ [`other${i}`]: 'x'.repeat(8000) });
    const used = Object.entries(sync.data).reduce((s, [k, v]) => s + itemBytes(k, v), 0);
    await sync.set({ pad: 'x'.repeat(SYNC_QUOTA.totalBytes - used - 20 - 5) });
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW);
    const refused = await pushTargets(laptop.book, laptop.local, sync, NOW);
    expect(refused.problems).toEqual([{ code: 'refused', message: 'QUOTA_BYTES quota exceeded' }]);
    expect(refused.written).toEqual([]);
    expect((await laptop.local.get('targetSyncStatus')).targetSyncStatus).toEqual(refused);
    expect((await laptop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(300_000);
    await sync.remove(['pad']);
    const sent = await carry(laptop, shop, sync, NOW + 1000);
    expect(sent.status.problems).toEqual([]);
    expect((await shop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(300_000);
  });

  it('holds back near the write-rate quota, counted with the settings’ writes', async () => {
    const { sync, laptop } = await twoBrowsers();
    await laptop.local.set({ syncWrites: Array.from({ length: 100 }, (_, i) => NOW - i * 100) });
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW);
    const held = await pushTargets(laptop.book, laptop.local, sync, NOW);
    expect(held.problems).toEqual([{ code: 'rateLimited', writes: 100 }]);
    expect(sync.sets).toBe(0);
    expect((await pushTargets(laptop.book, laptop.local, sync, NOW + 61_000)).written).toHaveLength(1);
  });

  it('keeps a record a newer StorePulse wrote, whole, and never writes over it', async () => {
    const { sync, laptop } = await twoBrowsers();
    const key = targetKey(targetId(SHOP_A.site, SHOP_A.store, '2026-11'));
    const newer = {
      v: TARGET_SYNC_VERSION + 1,
      at: NOW - DAY,
      t: { ...target(SHOP_A, '2026-11', 500_000), spendRatioCeiling: 0.1, channel: { ads: 0.3 } },
    };
    await sync.set({ [key]: newer });
    expect(await pullTargets(laptop.book, laptop.local, sync)).toHaveLength(1);
    expect(await laptop.targetOf(SHOP_A, '2026-11')).toMatchObject({
      amount: 500_000,
      spendRatioCeiling: 0.1,
      channel: { ads: 0.3 },
    });
    // Changed here later: kept here, not written over the newer version's item, and said so.
    await laptop.save(target(SHOP_A, '2026-11', 520_000), NOW);
    const status = await pushTargets(laptop.book, laptop.local, sync, NOW);
    expect(status.problems).toEqual([{ code: 'newerKept', target: `${SHOP_A.store} 2026-11`, version: TARGET_SYNC_VERSION + 1 }]);
    expect(sync.data[key]).toEqual(newer);
    expect((await laptop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(520_000);
  });

  it('passes over an item that is not a valid target, changing nothing here', async () => {
    const { sync, laptop } = await twoBrowsers();
    await laptop.save(target(SHOP_A, '2026-11', 300_000), NOW - DAY);
    const key = targetKey(targetId(SHOP_A.site, SHOP_A.store, '2026-11'));
    await sync.set({
      // Amount below 0, under its own key.
      [key]: { v: 1, at: NOW, t: { ...target(SHOP_A, '2026-11', -5) } },
      // A valid record under a key that is not its own.
      [`${TARGET_PREFIX}zzz`]: { v: 1, at: NOW, t: target(SHOP_B, '2026-11', 1) },
      [`${TARGET_PREFIX}junk`]: 'not an item',
    });
    expect(await pullTargets(laptop.book, laptop.local, sync)).toEqual([]);
    expect((await laptop.targetOf(SHOP_A, '2026-11'))?.amount).toBe(300_000);
    expect(await laptop.targetOf(SHOP_B, '2026-11')).toBeUndefined();
  });
});

describe('through the worker', () => {
  it('sends a target saved by message a moment later, deletes it the same way, and says so in syncStatus', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
    const sync = syncStorage();
    const local = memoryArea();
    const db = await openDatabase(`target-sync-${n++}`);
    const service = createService({
      extensionId: EXT,
      openDb: async () => db,
      now: () => Date.now(),
      targetSync: { local, active: async () => sync },
    });
    const set = (amount: number) => service.handle({ type: 'setTarget', payload: target(SHOP_A, '2026-11', amount) }, POPUP);
    const key = targetKey(targetId(SHOP_A.site, SHOP_A.store, '2026-11'));
    expect(await set(300_000)).toEqual({ ok: true });
    expect(await set(310_000)).toEqual({ ok: true });
    // Two saves in a burst: one push, after the delay.
    expect(sync.sets).toBe(0);
    await vi.advanceTimersByTimeAsync(1_600);
    expect(sync.sets).toBe(1);
    expect(sync.data[key]).toMatchObject({ t: { amount: 310_000 } });
    const reply = (await service.handle({ type: 'syncStatus', payload: {} }, POPUP)) as { targets: { written: string[] } };
    expect(reply.targets.written).toEqual([`${SHOP_A.store} 2026-11`]);
    expect(await set(0)).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(1_600);
    expect(sync.data[key]).toMatchObject({ deleted: true });
  });

  it('takes in what another computer sent when the worker is asked to sync', async () => {
    const sync = syncStorage();
    const db = await openDatabase(`target-sync-${n++}`);
    const service = createService({
      extensionId: EXT,
      openDb: async () => db,
      now: () => NOW,
      targetSync: { local: memoryArea(), active: async () => sync },
    });
    const record: TargetRecord = {
      ...target(SHOP_B, '2026-11', 90_000),
      id: targetId(SHOP_B.site, SHOP_B.store, '2026-11'),
      updatedAt: NOW - DAY,
    };
    await sync.set({ [targetKey(record.id)]: toItem(record) });
    await service.syncTargets();
    expect(await db.get('targets', record.id)).toEqual(record);
  });
});
