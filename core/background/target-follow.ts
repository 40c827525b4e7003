import type { Database } from '../db';
import type { MonthTarget } from '../review/types';
import { PUSH_DELAY_MS, type SyncArea } from '../settings-sync';
import { loadTargetSyncStatus, noteDeleted, pullTargets, pushTargets, type TargetSyncArea } from '../target-sync';
import type { TargetSyncStatus } from '../target-sync-status';
import { targetBook } from './target-store';

/** Where the worker keeps its part of target sync, and the sync area while the settings follow sync. */
export interface TargetSyncDeps {
  /** The prefs area: tombstones, the last push's outcome, the write count. */
  local: SyncArea;
  /** storage.sync while it is followed here (core/settings-store.ts `followSync`), else null. */
  active(): Promise<TargetSyncArea | null>;
}

export interface TargetFollower {
  /** A target was saved here (an amount of 0 deleted it): note a deletion, and push a moment later. */
  saved(target: MonthTarget): Promise<void>;
  /** Takes in what sync holds, then sends what only this browser has (at start, on a sync change, on opting in). */
  syncNow(): Promise<void>;
  status(): Promise<TargetSyncStatus | null>;
}

/**
 * The worker's side of target sync (core/target-sync.ts), following sync exactly when the settings do.
 * `changed` is told when targets arrived from another computer, so the review is computed again.
 */
export function targetFollower(
  deps: TargetSyncDeps,
  database: () => Promise<Database>,
  now: () => number,
  changed: () => void,
): TargetFollower {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const push = async () => {
    const sync = await deps.active();
    if (sync) await pushTargets(targetBook(await database()), deps.local, sync, now());
  };
  return {
    async saved(target) {
      if (target.amount === 0) await noteDeleted(deps.local, target, now());
      clearTimeout(timer);
      timer = setTimeout(
        () => void push().catch((e: unknown) => console.warn('[StorePulse] targets not synced:', e)),
        PUSH_DELAY_MS,
      );
    },
    async syncNow() {
      const sync = await deps.active();
      if (!sync) return;
      const book = targetBook(await database());
      if ((await pullTargets(book, deps.local, sync)).length) changed();
      await pushTargets(book, deps.local, sync, now());
    },
    status: () => loadTargetSyncStatus(deps.local),
  };
}
