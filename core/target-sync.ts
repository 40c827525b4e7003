import type { TargetRecord } from './db';
import { targetId } from './keys';
import { isoDate } from './reader/period';
import { addMonths, daysInMonth, monthOf } from './review/dates';
import { monthTargetSchema } from './schemas';
import { itemBytes, SYNC_QUOTA, WRITE_BUDGET, WRITES_KEY, type SyncArea } from './settings-sync';
import type { TargetSyncProblem, TargetSyncStatus } from './target-sync-status';

/**
 * Monthly targets that follow the operator between their computers through the browser's own sync,
 * beside the settings (core/settings-sync.ts). The targets stay in this browser's database; sync holds
 * a copy of the recent months.
 *
 * - Items: one per shop × month, `spt.<hash of site|store|month>`, with the record's change time (`at`)
 *   and the format version that wrote it (`v`). The prefix lies outside the settings' `sp.`, so settings
 *   sync never takes a target for a setting. The whole record travels, fields this version does not know
 *   included; a day plan travels as one amount per day of the month.
 * - Merge: record by record, the newer change wins. A deleted target leaves a tombstone (`deleted`) in
 *   sync and in this browser (`targetTombstones`), so the other computer deletes it too and neither
 *   brings it back. A tombstone stays as long as its month is carried, so a computer away from sync for
 *   months does not send its old copy back when it returns.
 * - Months: sync carries the current month, the next and the last 13 (`MONTHS_BACK`): the month being
 *   worked, the one being planned, and a year back for the month review's same month last year. Older
 *   months leave sync and stay in the database here and there.
 * - Room: targets take at most `TARGET_BUDGET` of sync (60 KB, 300 items) and leave the rest to the
 *   settings. When more is waiting, the tombstones go first, then the current month, the next, and the
 *   past months newest first; what does not fit stays on this computer and the status says so.
 * - Newer version: an item written by a newer StorePulse is never written over; its record is taken in
 *   whole when what this version knows of it is valid.
 */

/** storage.sync with `remove`, which pruning needs. */
export interface TargetSyncArea extends SyncArea {
  remove(keys: string[]): Promise<void>;
}

/** Where the targets are kept here (the history database's `targets` store, core/background/target-store.ts). */
export interface TargetBook {
  all(): Promise<TargetRecord[]>;
  get(id: string): Promise<TargetRecord | undefined>;
  put(record: TargetRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

export const TARGET_PREFIX = 'spt.';
/** The version of the item format below; an item with a higher `v` was written by a newer StorePulse. */
export const TARGET_SYNC_VERSION = 1;
export const TOMBSTONES_KEY = 'targetTombstones';
export const TARGET_STATUS_KEY = 'targetSyncStatus';
/** The part of sync's 100 KB and 512 items the targets may use; the settings keep the rest. */
export const TARGET_BUDGET = { bytes: 60 * 1024, items: 300 } as const;
export const MONTHS_BACK = 13;
export const MONTHS_AHEAD = 1;

/** A record as it travels: without its database id and change time, a day plan as one amount per day. */
type Travelling = Record<string, unknown> & { site: string; store: string; month: string };

export interface TargetItem {
  v: number;
  at: number;
  t: Travelling;
  deleted?: true;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** FNV-1a over the id's UTF-16 units, twice with different seeds: 64 bits, so 300 targets do not collide. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000197);
  }
  return (a >>> 0).toString(36) + '.' + (b >>> 0).toString(36);
}

export const targetKey = (id: string): string => TARGET_PREFIX + hash(id);

const label = (t: { store: string; month: string }) => `${t.store} ${t.month}`;

/** The months sync carries at `now` (the operator's local month), oldest first. */
export function syncedMonths(now: number): string[] {
  const current = monthOf(isoDate(new Date(now)));
  return Array.from({ length: MONTHS_BACK + 1 + MONTHS_AHEAD }, (_, i) => addMonths(current, i - MONTHS_BACK));
}

/** 0 for the current month, 1 the next, then the past months newest first. */
function monthRank(month: string, now: number): number {
  const current = monthOf(isoDate(new Date(now)));
  if (month === current) return 0;
  if (month === addMonths(current, 1)) return 1;
  return month < current ? 1 + syncedMonths(now).filter((m) => m >= month && m < current).length : Infinity;
}

/** The amount most days of a plan share (the rest of the month spread evenly), when two or more do. */
function commonAmount(amounts: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const a of amounts) counts.set(a, (counts.get(a) ?? 0) + 1);
  const [amount, count] = [...counts].reduce((best, e) => (e[1] > best[1] ? e : best), [0, 0]);
  return count >= 2 ? amount : undefined;
}

const dayOf = (month: string, i: number) => `${month}-${String(i + 1).padStart(2, '0')}`;

/**
 * A record for sync: the whole record but its id and change time. A day plan travels as one entry per
 * day of the month: its amount, `true` for the amount most days share (`planCommon`, the rest of the month
 * spread evenly, kept to the last digit), `null` for a day left out.
 */
export function toItem(record: TargetRecord): TargetItem {
  const { id: _id, updatedAt, ...rest } = record;
  const t: Travelling = { ...rest };
  if (isObject(rest.plan)) {
    const plan = rest.plan as Record<string, number>;
    const byDay = Array.from({ length: daysInMonth(rest.month) }, (_, i) => plan[dayOf(rest.month, i)] ?? null);
    // Only a plan of this month's days is folded; anything else travels as it is.
    if (byDay.filter((a) => a !== null).length === Object.keys(plan).length) {
      const common = commonAmount(byDay.filter((a): a is number => a !== null));
      t.plan = common === undefined ? byDay : byDay.map((a) => (a === common ? true : a));
      if (common !== undefined) t.planCommon = common;
    }
  }
  return { v: TARGET_SYNC_VERSION, at: updatedAt, t };
}

const tombstone = (id: string, at: number, where: { site: string; store: string; month: string }): TargetItem => ({
  v: TARGET_SYNC_VERSION,
  at,
  t: { site: where.site, store: where.store, month: where.month },
  deleted: true,
});

/** An item read from sync, or null when it is not one (malformed, or under a key that is not its own). */
export function readItem(key: string, raw: unknown): TargetItem | null {
  if (!isObject(raw) || typeof raw.v !== 'number' || typeof raw.at !== 'number' || !Number.isFinite(raw.at)) return null;
  const t = raw.t;
  if (!isObject(t) || typeof t.site !== 'string' || typeof t.store !== 'string' || typeof t.month !== 'string') return null;
  if (targetKey(targetId(t.site, t.store, t.month)) !== key) return null;
  return raw as unknown as TargetItem;
}

/**
 * The record an item carries, checked as the message that sets a target is; fields this version does
 * not know are kept as they came. Null when what this version knows of it is not valid.
 */
export function recordOf(item: TargetItem): TargetRecord | null {
  const t: Record<string, unknown> = { ...item.t };
  if (Array.isArray(t.plan)) {
    const common = t.planCommon;
    delete t.planCommon;
    const plan: Record<string, unknown> = {};
    t.plan.forEach((amount, i) => {
      if (amount !== null) plan[dayOf(item.t.month, i)] = amount === true ? common : amount;
    });
    t.plan = plan;
  }
  const checked = monthTargetSchema.safeParse(t);
  if (!checked.success) return null;
  const { site, store, month } = checked.data;
  return { ...t, ...checked.data, id: targetId(site, store, month), updatedAt: item.at };
}

const readTombstones = (raw: unknown): Record<string, { at: number; site: string; store: string; month: string }> =>
  isObject(raw)
    ? Object.fromEntries(
        Object.entries(raw).filter(
          (e): e is [string, { at: number; site: string; store: string; month: string }] =>
            isObject(e[1]) && typeof e[1].at === 'number' && typeof e[1].month === 'string',
        ),
      )
    : {};

/** A target deleted here at `at`: kept as a tombstone so sync deletes it on the other computers. */
export async function noteDeleted(
  local: SyncArea,
  target: { site: string; store: string; month: string },
  at: number,
): Promise<void> {
  const stored = await local.get(TOMBSTONES_KEY);
  const tombs = readTombstones(stored[TOMBSTONES_KEY]);
  const { site, store, month } = target;
  tombs[targetId(site, store, month)] = { at, site, store, month };
  await local.set({ [TOMBSTONES_KEY]: tombs });
}

function remoteItems(all: Record<string, unknown>): Map<string, TargetItem> {
  const items = new Map<string, TargetItem>();
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(TARGET_PREFIX)) continue;
    const item = readItem(key, raw);
    if (item) items.set(key, item);
  }
  return items;
}

/**
 * Takes in what sync holds: each target another computer changed after this one replaces this one's (a
 * tombstone deletes it). Returns the ids taken; nothing is written to sync.
 */
export async function pullTargets(book: TargetBook, local: SyncArea, sync: SyncArea): Promise<string[]> {
  const [stored, all] = await Promise.all([local.get(TOMBSTONES_KEY), sync.get(null)]);
  const tombs = readTombstones(stored[TOMBSTONES_KEY]);
  const taken: string[] = [];
  for (const item of remoteItems(all).values()) {
    const id = targetId(item.t.site, item.t.store, item.t.month);
    const here = await book.get(id);
    if (item.at <= Math.max(here?.updatedAt ?? 0, tombs[id]?.at ?? 0)) continue;
    if (item.deleted) {
      if (here) await book.delete(id);
      tombs[id] = { at: item.at, site: item.t.site, store: item.t.store, month: item.t.month };
    } else {
      const record = recordOf(item);
      if (!record) continue;
      await book.put(record);
      delete tombs[id];
    }
    taken.push(id);
  }
  if (taken.length) await local.set({ [TOMBSTONES_KEY]: tombs });
  return taken;
}

interface Candidate {
  key: string;
  item: TargetItem;
  rank: number;
}

/**
 * Sends the targets this browser changed after what sync holds, and takes out of sync what no longer
 * belongs there (months outside the window, their tombstones included). One `remove` and one `set`;
 * nothing over an item a newer version wrote; within the targets' share of sync; held back near the rate
 * quota with the settings. The outcome is stored as `targetSyncStatus` in `local` and returned.
 */
export async function pushTargets(
  book: TargetBook,
  local: SyncArea,
  sync: TargetSyncArea,
  now: number,
): Promise<TargetSyncStatus> {
  const [records, stored, all] = await Promise.all([book.all(), local.get([TOMBSTONES_KEY, WRITES_KEY]), sync.get(null)]);
  const remote = remoteItems(all);
  const months = new Set(syncedMonths(now));
  const problems: TargetSyncProblem[] = [];

  // Writes are counted with the settings' pushes (core/settings-sync.ts): one budget under Chrome's 120 a minute.
  // Pruning: months outside the window leave sync, tombstones with them (an item a newer version wrote stays for it).
  const prune = [...remote].filter(([, item]) => item.v <= TARGET_SYNC_VERSION && !months.has(item.t.month));
  for (const [key] of prune) remote.delete(key);

  const byId = new Map(records.map((r) => [r.id, r]));
  const tombs = readTombstones(stored[TOMBSTONES_KEY]);
  const keptTombs = Object.fromEntries(
    Object.entries(tombs).filter(([id, t]) => months.has(t.month) && (byId.get(id)?.updatedAt ?? 0) < t.at),
  );

  const candidates: Candidate[] = [];
  const offer = (key: string, item: TargetItem, rank: number) => {
    const there = remote.get(key);
    if (there && there.at >= item.at) return;
    if (there && there.v > TARGET_SYNC_VERSION) problems.push({ code: 'newerKept', target: label(item.t), version: there.v });
    else candidates.push({ key, item, rank });
  };
  for (const [id, t] of Object.entries(keptTombs)) offer(targetKey(id), tombstone(id, t.at, t), -1);
  for (const record of records)
    if (months.has(record.month)) offer(targetKey(record.id), toItem(record), monthRank(record.month, now));
  candidates.sort((a, b) => a.rank - b.rank || b.item.at - a.item.at);

  let bytes = 0;
  let count = 0;
  const replaced = new Set(candidates.map((c) => c.key));
  for (const [key, item] of remote)
    if (!replaced.has(key)) {
      bytes += itemBytes(key, item);
      count++;
    }
  const items: Record<string, TargetItem> = {};
  const leftOut: Candidate[] = [];
  for (const c of candidates) {
    const size = itemBytes(c.key, c.item);
    if (size > SYNC_QUOTA.itemBytes) problems.push({ code: 'itemTooLarge', target: label(c.item.t), bytes: size });
    else if (bytes + size > TARGET_BUDGET.bytes || count + 1 > TARGET_BUDGET.items) leftOut.push(c);
    else {
      items[c.key] = c.item;
      bytes += size;
      count++;
    }
  }
  if (leftOut.length)
    problems.push({ code: 'leftOut', count: leftOut.length, months: [...new Set(leftOut.map((c) => c.item.t.month))].sort() });

  const written: string[] = [];
  let pruned = 0;
  const removing = prune.map(([key]) => key);
  if (Object.keys(items).length || removing.length) {
    const writes = (Array.isArray(stored[WRITES_KEY]) ? (stored[WRITES_KEY] as number[]) : []).filter((t) => t > now - 60_000);
    if (writes.length >= WRITE_BUDGET) problems.push({ code: 'rateLimited', writes: writes.length });
    else {
      try {
        if (removing.length) {
          await sync.remove(removing);
          pruned = removing.length;
        }
        if (Object.keys(items).length) {
          await sync.set(items);
          written.push(...Object.values(items).map((i) => label(i.t)));
        }
        await local.set({ [WRITES_KEY]: [...writes, now] });
      } catch (error) {
        problems.push({ code: 'refused', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  const status: TargetSyncStatus = { at: now, written, pruned, problems };
  // A push with nothing to do (sync already up to date) keeps the last outcome, unless that one had problems.
  const idle = !candidates.length && !removing.length && !problems.length;
  const before = idle ? await loadTargetSyncStatus(local) : null;
  const keep = before !== null && before.problems.length === 0;
  await local.set({ ...(keep ? {} : { [TARGET_STATUS_KEY]: status }), [TOMBSTONES_KEY]: keptTombs });
  return status;
}

/** The last target push's outcome, for the options page. */
export async function loadTargetSyncStatus(local: SyncArea): Promise<TargetSyncStatus | null> {
  return ((await local.get(TARGET_STATUS_KEY))[TARGET_STATUS_KEY] as TargetSyncStatus | undefined) ?? null;
}
