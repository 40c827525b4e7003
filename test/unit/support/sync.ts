import { itemBytes, SYNC_QUOTA, type SyncArea } from '@/core/settings-sync';
import type { StorageArea } from '@/core/settings-store';

/**
 * Browser storage with Chrome's sync quotas: an item over QUOTA_BYTES_PER_ITEM, a total over QUOTA_BYTES
 * or more than MAX_WRITE_OPERATIONS_PER_MINUTE `set` calls are refused with Chrome's own messages.
 */
export function syncStorage(): SyncArea & {
  remove(keys: string | string[]): Promise<void>;
  data: Record<string, unknown>;
  sets: number;
} {
  const store = {
    data: {} as Record<string, unknown>,
    sets: 0,
    async get(keys?: string | string[] | null) {
      if (keys === null || keys === undefined) return structuredClone(store.data);
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => k in store.data).map((k) => [k, structuredClone(store.data[k])]));
    },
    async set(items: Record<string, unknown>) {
      if (++store.sets > SYNC_QUOTA.writesPerMinute) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      for (const [k, v] of Object.entries(items))
        if (itemBytes(k, v) > SYNC_QUOTA.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      const next = { ...store.data, ...structuredClone(items) };
      const total = Object.entries(next).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
      if (total > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
      store.data = next;
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === 'string' ? [keys] : keys) delete store.data[k];
    },
  };
  return store;
}

/** A key-value area without quotas, as the prefs database is (where the settings are kept). */
export function memoryArea(): StorageArea {
  const data = new Map<string, unknown>();
  return {
    async get(keys) {
      return Object.fromEntries(
        (typeof keys === 'string' ? [keys] : keys).filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]),
      );
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}
