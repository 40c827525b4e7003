/** What a push of the monthly targets to the browser's sync did (core/target-sync.ts), for the options page. */

export type TargetSyncProblem =
  | { code: 'refused'; message: string }
  | { code: 'rateLimited'; writes: number }
  | { code: 'itemTooLarge'; target: string; bytes: number }
  | { code: 'newerKept'; target: string; version: number }
  | { code: 'leftOut'; count: number; months: string[] };

export interface TargetSyncStatus {
  at: number;
  /** Targets written or deleted in sync by this browser on its last push (`store month`). */
  written: string[];
  /** Items of months outside the window, or old tombstones, removed from sync. */
  pruned: number;
  problems: TargetSyncProblem[];
}
