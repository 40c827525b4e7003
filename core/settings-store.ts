import browser from 'webextension-polyfill';
import { repairSettings, SETTINGS_KEY, type Repaired, type Settings } from './settings';
import {
  changedFields,
  PUSH_DELAY_MS,
  pullSync,
  pushSync,
  stamp,
  STAMPS_KEY,
  startSync,
  STATUS_KEY,
  SYNC_PREFIX,
  type SyncArea,
  type SyncStatus,
} from './settings-sync';

/**
 * Settings in browser.storage.local. A repaired object is written back together with a copy of what
 * was there before (`settingsBackup`) and the repair notes (`settingsNotes`), so nothing the operator
 * set is lost silently and the options page can say what happened.
 */

export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const local = (): StorageArea => browser.storage.local as unknown as StorageArea;

export async function loadSettings(area: StorageArea = local()): Promise<Repaired> {
  const stored = await area.get([SETTINGS_KEY, 'settingsNotes']);
  const repaired = repairSettings(stored[SETTINGS_KEY]);
  if (repaired.notes.length > 0 || repaired.migratedFrom !== undefined) {
    const failed = await writeRepair(area, {
      settingsBackup: stored[SETTINGS_KEY],
      [SETTINGS_KEY]: repaired.settings,
      settingsNotes: repaired.notes,
    });
    return { settings: repaired.settings, notes: failed ? [...repaired.notes, failed] : repaired.notes };
  }
  const earlier = Array.isArray(stored.settingsNotes) ? (stored.settingsNotes as string[]) : [];
  return { settings: repaired.settings, notes: earlier };
}

/**
 * Writes a repaired object back. A courtesy: when the write fails (a full disk) the repaired value is
 * used all the same, so reading and reporting never depend on it, and the next load tries again.
 * Returns a note saying so, or nothing when it was written.
 */
export async function writeRepair(area: StorageArea, items: Record<string, unknown>): Promise<string | undefined> {
  try {
    await area.set(items);
    return undefined;
  } catch (error) {
    return `the repair could not be saved yet (${error instanceof Error ? error.message : String(error)})`;
  }
}

const syncArea = (): SyncArea => browser.storage.sync as unknown as SyncArea;

/**
 * Saves settings the options page built; refuses (and says why) rather than storing something broken.
 * The fields that changed are stamped and sent to the browser's sync shortly after (settings-sync.ts):
 * with the default areas, or with `sync` when given.
 */
export async function saveSettings(settings: Settings, area?: StorageArea, sync?: SyncArea | null): Promise<void> {
  const check = repairSettings(settings);
  if (check.notes.length > 0) throw new Error(check.notes.join('; '));
  const target = area ?? local();
  const follow = sync === undefined ? (area ? null : syncArea()) : sync;
  const before = await target.get([SETTINGS_KEY, STAMPS_KEY]);
  const changed = changedFields(repairSettings(before[SETTINGS_KEY]).settings, check.settings);
  await target.set({
    [SETTINGS_KEY]: check.settings,
    settingsNotes: [],
    ...(changed.length ? { [STAMPS_KEY]: stamp(before[STAMPS_KEY], changed, Date.now()) } : {}),
  });
  if (follow && changed.length) schedulePush(target, follow);
}

const pending = new Map<SyncArea, ReturnType<typeof setTimeout>>();

/** One push for a burst of saves: a slider dragged or a form typed into writes sync once. */
export function schedulePush(area: StorageArea, sync: SyncArea, delay = PUSH_DELAY_MS): void {
  clearTimeout(pending.get(sync));
  pending.set(
    sync,
    setTimeout(() => {
      pending.delete(sync);
      void pushSync(area, sync, Date.now()).catch((e: unknown) => console.warn('[StorePulse] settings not synced:', e));
    }, delay),
  );
}

/** Takes in what other browsers of the operator changed (settings-sync.ts); true when something was. */
export async function pullSettings(area: StorageArea = local(), sync: SyncArea = syncArea()): Promise<boolean> {
  return (await pullSync(area, sync)) !== null;
}

/**
 * The background's part: bring this browser up to date with sync when it starts, and take in every
 * change another browser of the operator sends while it runs.
 */
export function followSync(area: StorageArea = local(), sync: SyncArea = syncArea()): void {
  void startSync(area, sync, Date.now()).catch((e: unknown) => console.warn('[StorePulse] sync not started:', e));
  browser.storage.onChanged.addListener((changes, name) => {
    if (name === 'sync' && Object.keys(changes).some((k) => k.startsWith(SYNC_PREFIX)))
      void pullSync(area, sync).catch((e: unknown) => console.warn('[StorePulse] sync not taken in:', e));
  });
}

/** The last push's outcome, for the options page. */
export async function loadSyncStatus(area: StorageArea = local()): Promise<SyncStatus | null> {
  return ((await area.get(STATUS_KEY))[STATUS_KEY] as SyncStatus | undefined) ?? null;
}
