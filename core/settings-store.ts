import { openDB, type IDBPDatabase } from 'idb';
import browser from 'webextension-polyfill';
import { BINDINGS_KEY } from './bindings';
import { repairSettings, SETTINGS_KEY, type Repaired, type Settings } from './settings';

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

/** Saves settings the options page built; refuses (and says why) rather than storing something broken. */
export async function saveSettings(settings: Settings, area: StorageArea): Promise<void> {
  const check = repairSettings(settings);
  if (check.notes.length > 0) throw new Error(check.notes.join('; '));
  await area.set({ [SETTINGS_KEY]: check.settings, settingsNotes: [] });
}

export interface SettingsStore {
  /** The settings and their repair notes; read once, then kept until a save (or `forget`). */
  load(): Promise<Repaired>;
  save(settings: Settings): Promise<void>;
  /** Drops the kept copy: the next load reads the area again (another writer changed it). */
  forget(): void;
}

/**
 * The background's settings: read from `area` once and kept, so a report costs no settings read. Every
 * write goes through `save`, which keeps what it wrote; a failed load is not kept.
 */
export function settingsStore(area: StorageArea): SettingsStore {
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
      await saveSettings(settings, area);
      kept = Promise.resolve({ settings: repairSettings(settings).settings, notes: [] });
    },
    forget() {
      kept = undefined;
    },
  };
}
