import { readStore, type Database, type Reader, type TargetRecord } from '../db';
import { targetId } from '../keys';
import type { MonthTarget } from '../review/types';
import type { TargetBook } from '../target-sync';

/** Monthly sales targets, one per shop and month. An amount of 0 removes the month's target. */

export async function setTarget(db: Database, target: MonthTarget, now: number): Promise<TargetRecord | null> {
  const id = targetId(target.site, target.store, target.month);
  if (target.amount === 0) {
    await db.delete('targets', id);
    return null;
  }
  const record: TargetRecord = { ...target, id, updatedAt: now };
  await db.put('targets', record);
  return record;
}

/** A shop's targets, oldest month first. */
export async function shopTargets(db: Reader, site: string, store: string): Promise<TargetRecord[]> {
  const all = await readStore(db, 'targets')
    .index('byShop')
    .getAll(IDBKeyRange.only([site, store]));
  return all.sort((a, b) => a.month.localeCompare(b.month));
}

/** The targets store as sync sees it (core/target-sync.ts). */
export function targetBook(db: Database): TargetBook {
  return {
    all: () => db.getAll('targets'),
    get: (id) => db.get('targets', id),
    put: async (record) => void (await db.put('targets', record)),
    delete: (id) => db.delete('targets', id),
  };
}
