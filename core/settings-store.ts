import browser from 'webextension-polyfill';
import { repairSettings, SETTINGS_KEY, type Repaired, type Settings } from './settings';

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

/** Saves settings the options page built; refuses (and says why) rather than storing something broken. */
export async function saveSettings(settings: Settings, area: StorageArea = local()): Promise<void> {
  const check = repairSettings(settings);
  if (check.notes.length > 0) throw new Error(check.notes.join('; '));
  await area.set({ [SETTINGS_KEY]: check.settings, settingsNotes: [] });
}
