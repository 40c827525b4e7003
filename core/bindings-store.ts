import { BINDINGS_KEY, repairBindings, withBinding, type Binding, type Bindings } from './bindings';
import { writeRepair, type StorageArea } from './settings-store';

/**
 * Bindings, beside the settings in the prefs database (core/settings-store.ts), which only StorePulse's
 * own origin reaches. As with settings, a repaired object is written back with a copy of what was there
 * (`bindingsBackup`) and the notes (`bindingsNotes`): nothing is lost silently.
 */

export async function loadBindings(area: StorageArea): Promise<{ bindings: Bindings; notes: string[] }> {
  const stored = await area.get(BINDINGS_KEY);
  const repaired = repairBindings(stored[BINDINGS_KEY]);
  if (repaired.notes.length === 0) return repaired;
  const failed = await writeRepair(area, {
    bindingsBackup: stored[BINDINGS_KEY],
    [BINDINGS_KEY]: repaired.bindings,
    bindingsNotes: repaired.notes,
  });
  return { bindings: repaired.bindings, notes: failed ? [...repaired.notes, failed] : repaired.notes };
}

export async function saveBinding(origin: string, binding: Binding, area: StorageArea): Promise<Bindings> {
  const { bindings } = await loadBindings(area);
  const next = withBinding(bindings, origin, binding);
  await area.set({ [BINDINGS_KEY]: next });
  return next;
}
