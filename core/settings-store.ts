import { openDB, type IDBPDatabase } from 'idb';
import browser from 'webextension-polyfill';
import { BINDINGS_KEY } from './bindings';
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
  type SyncMode,
  type SyncStatus,
  decideSync,
} from './settings-sync';

/**
 * The one place settings are read and written. They live, with the bindings, in a small key-value
 * database of the extension's own origin (`storepulse-prefs`), not in storage.local: a content script
 * runs in its page's origin for IndexedDB, so no content script — in Chrome or in Firefox, where
 * storage.local cannot be closed to them — can read or rewrite the rules or bindings. The background
 * owns them (`settingsStore`, with a cache so a report does not read them again); StorePulse's pages
 * ask it by message, and content scripts get only their language and their page's bindings.
 *
 * A repaired object is written back together with a copy of what was there before (`settingsBackup`)
 * and the repair notes (`settingsNotes`), so nothing the operator set is lost silently and the options
 * page can say what happened.
 */

export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Where settings and bindings lived before: moved out once, then never read again. */
export interface LegacyArea extends StorageArea {
  remove(keys: string[]): Promise<void>;
}

export const PREFS_DB = 'storepulse-prefs';
const PREFS_STORE = 'prefs';
/** Set once the old storage.local copy has moved: from then on storage.local is never read. */
const MOVED_MARK = 'movedFromLocal';
/** Everything of the settings and bindings that storage.local held. */
export const LEGACY_KEYS = [SETTINGS_KEY, 'settingsNotes', 'settingsBackup', BINDINGS_KEY, 'bindingsNotes', 'bindingsBackup'];

/**
 * The prefs database as a storage area. On first use it moves what storage.local held (settings,
 * bindings, their backups and notes) in one transaction with the mark, then clears those keys from
 * storage.local; a worker stopped between the two finds the mark and only clears. After the move a
 * value written into storage.local (by a content script, in Firefox) is never read.
 */
export function prefsArea(legacy: LegacyArea | undefined = localArea(), name = PREFS_DB): StorageArea {
  let opening: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (opening ??= (async () => {
      const db = await openDB(name, 1, {
        upgrade(db) {
          db.createObjectStore(PREFS_STORE);
        },
      });
      // Opened again on the next use when the browser closes it (deleted from DevTools, storage cleared).
      db.addEventListener('close', () => (opening = undefined));
      db.addEventListener('versionchange', () => {
        db.close();
        opening = undefined;
      });
      if (legacy) await moveFromLocal(db, legacy);
      return db;
    })().catch((error: unknown) => {
      opening = undefined;
      throw error;
    }));
  return {
    async get(keys) {
      const db = await open();
      const list = typeof keys === 'string' ? [keys] : keys;
      const tx = db.transaction(PREFS_STORE);
      const values = await Promise.all(list.map((key) => tx.store.get(key)));
      const found: Record<string, unknown> = {};
      list.forEach((key, i) => {
        if (values[i] !== undefined) found[key] = values[i];
      });
      return found;
    },
    async set(items) {
      const db = await open();
      const tx = db.transaction(PREFS_STORE, 'readwrite');
      await Promise.all([...Object.entries(items).map(([key, value]) => tx.store.put(value, key)), tx.done]);
    },
  };
}

async function moveFromLocal(db: IDBPDatabase, legacy: LegacyArea): Promise<void> {
  if ((await db.get(PREFS_STORE, MOVED_MARK)) === undefined) {
    const old = await legacy.get(LEGACY_KEYS);
    // The mark is checked again in the writing transaction: of two pages moving at once, one moves.
    const tx = db.transaction(PREFS_STORE, 'readwrite');
    if ((await tx.store.get(MOVED_MARK)) === undefined)
      await Promise.all([
        ...Object.entries(old).map(([key, value]) => tx.store.put(value, key)),
        tx.store.put(Date.now(), MOVED_MARK),
      ]);
    await tx.done;
  }
  // Once moved, what storage.local holds is never read: clearing it is tidiness, and is tried again next time.
  await legacy.remove(LEGACY_KEYS).catch((error: unknown) => console.warn('[StorePulse] old settings not cleared:', error));
}

function localArea(): LegacyArea | undefined {
  return (browser.storage as unknown as { local?: LegacyArea } | undefined)?.local;
}

export async function loadSettings(area: StorageArea): Promise<Repaired> {
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

/** The browser's sync area, where it has one. */
export const syncArea = (): SyncArea | null => (browser.storage as unknown as { sync?: SyncArea } | undefined)?.sync ?? null;

/**
 * Saves settings the options page built; refuses (and says why) rather than storing something broken.
 * The fields that changed are stamped and, when a `sync` area is given, sent to the browser's sync
 * shortly after (settings-sync.ts).
 */
export async function saveSettings(settings: Settings, area: StorageArea, sync: SyncArea | null = null): Promise<void> {
  const check = repairSettings(settings);
  if (check.notes.length > 0) throw new Error(check.notes.join('; '));
  const before = await area.get([SETTINGS_KEY, STAMPS_KEY]);
  const changed = changedFields(repairSettings(before[SETTINGS_KEY]).settings, check.settings);
  await area.set({
    [SETTINGS_KEY]: check.settings,
    settingsNotes: [],
    ...(changed.length ? { [STAMPS_KEY]: stamp(before[STAMPS_KEY], changed, Date.now()) } : {}),
  });
  if (sync && changed.length) schedulePush(area, sync);
}

const pending = new Map<SyncArea, ReturnType<typeof setTimeout>>();

/** Drops a push not yet sent (sync is no longer followed). */
function cancelPush(sync: SyncArea): void {
  clearTimeout(pending.get(sync));
  pending.delete(sync);
}

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

/**
 * The operator's choice, in a browser that cannot close storage.sync to content scripts, to let the
 * settings follow sync all the same. Kept in the prefs database only: never synced itself.
 */
export const SYNC_OPT_IN_KEY = 'syncOptIn';

type AccessArea = { setAccessLevel?(o: { accessLevel: string }): Promise<void> };

/**
 * Closes a storage area to content scripts where the browser can. True when it did; false when the
 * area has no `setAccessLevel` (Firefox, for local and sync) or the browser refused the call.
 */
export async function closeToContentScripts(area: unknown, name: string): Promise<boolean> {
  const target = area as AccessArea | undefined;
  if (typeof target?.setAccessLevel !== 'function') return false;
  try {
    await target.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    console.warn(`[StorePulse] storage.${name} stays open to content scripts:`, error);
    return false;
  }
}

/** The worker's hold on sync: whether it follows it now, and the operator's choice where it is open. */
export interface SyncFollower {
  /** The sync area while the settings follow it, else null. */
  active(): Promise<SyncArea | null>;
  mode(): Promise<SyncMode>;
  /** Stores the operator's choice and follows sync (or stops) at once. */
  choose(optIn: boolean): Promise<SyncMode>;
}

interface ChangeEvent {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/**
 * The background's part: decide whether the settings follow sync (`closed` says whether the browser
 * closed storage.sync to content scripts), and while they do, bring this browser up to date with sync
 * when it starts and take in every change another browser of the operator sends while it runs. What
 * comes from sync is merged field by field and repaired like an import (settings-sync.ts). `taken` is
 * told when the kept settings changed.
 */
export function followSync(
  area: StorageArea,
  taken: () => void,
  closed: Promise<boolean>,
  sync: SyncArea | null = syncArea(),
  changes: ChangeEvent = browser.storage.onChanged,
): SyncFollower {
  let deciding: Promise<SyncMode> | undefined;
  const decide = (): Promise<SyncMode> => {
    const current = (deciding ??= (async () => {
      const [isClosed, stored] = await Promise.all([closed.catch(() => false), area.get(SYNC_OPT_IN_KEY)]);
      return decideSync(sync !== null, isClosed, stored[SYNC_OPT_IN_KEY] === true);
    })());
    current.catch(() => {
      if (deciding === current) deciding = undefined;
    });
    return current;
  };
  const start = (target: SyncArea) =>
    startSync(area, target, Date.now())
      .then(taken)
      .catch((e: unknown) => console.warn('[StorePulse] sync not started:', e));
  const active = async () => ((await decide()).follows ? sync : null);
  void active().then((target) => target && start(target));
  // Registered at once (a stopped worker is woken by the event); whether to take the change is decided then.
  changes.addListener((changed, name) => {
    if (name !== 'sync' || !Object.keys(changed).some((k) => k.startsWith(SYNC_PREFIX))) return;
    void active()
      .then((target) => target && pullSync(area, target))
      .then((pulled) => pulled && taken())
      .catch((e: unknown) => console.warn('[StorePulse] sync not taken in:', e));
  });
  return {
    active,
    mode: decide,
    async choose(optIn) {
      const before = await decide();
      await area.set({ [SYNC_OPT_IN_KEY]: optIn });
      deciding = undefined;
      const after = await decide();
      if (sync && !after.follows) cancelPush(sync);
      if (sync && after.follows && !before.follows) await start(sync);
      return after;
    },
  };
}

/** The last push's outcome, for the options page. */
export async function loadSyncStatus(area: StorageArea): Promise<SyncStatus | null> {
  return ((await area.get(STATUS_KEY))[STATUS_KEY] as SyncStatus | undefined) ?? null;
}

export interface SettingsStore {
  /** The settings and their repair notes; read once, then kept until a save (or `forget`). */
  load(): Promise<Repaired>;
  save(settings: Settings): Promise<void>;
  /** Drops the kept copy: the next load reads the area again (another writer changed it). */
  forget(): void;
  /** The last sync push's outcome. */
  syncStatus(): Promise<SyncStatus | null>;
}

/** The sync area to send saved settings to, asked at each save (null: not followed here). */
export type SyncTarget = () => Promise<SyncArea | null>;

/**
 * The background's settings: read from `area` once and kept, so a report costs no settings read. Every
 * write goes through `save`, which keeps what it wrote and sends the changed fields to the area `sync`
 * gives (none while sync is not followed); a failed load is not kept.
 */
export function settingsStore(area: StorageArea, sync: SyncTarget | null = null): SettingsStore {
  let kept: Promise<Repaired> | undefined;
  return {
    load() {
      const current = (kept ??= loadSettings(area));
      current.catch(() => {
        if (kept === current) kept = undefined;
      });
      return current;
    },
    async save(settings) {
      kept = undefined;
      await saveSettings(settings, area, (await sync?.().catch(() => null)) ?? null);
      kept = Promise.resolve({ settings: repairSettings(settings).settings, notes: [] });
    },
    forget() {
      kept = undefined;
    },
    syncStatus: () => loadSyncStatus(area),
  };
}
