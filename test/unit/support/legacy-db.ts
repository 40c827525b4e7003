import { readFileSync } from 'node:fs';

/**
 * Databases of earlier versions, as they were shipped: `test/fixtures/db/v<N>.json` holds a version's
 * stores, their indexes and its records as literal data, written here with raw IndexedDB calls (never
 * with core/db.ts), so changing today's upgrade code cannot change what an old database looked like.
 */

interface StoreShape {
  keyPath: string | string[];
  autoIncrement?: boolean;
  indexes: Record<string, string | string[]>;
}

export interface DbFixture {
  version: number;
  stores: Record<string, StoreShape>;
  records: Record<string, unknown[]>;
}

export function dbFixture(name: string): DbFixture {
  return JSON.parse(readFileSync(`test/fixtures/db/${name}.json`, 'utf8')) as DbFixture;
}

/** Creates database `dbName` at the fixture's version with its stores and records, and closes it. */
export function writeDbFixture(dbName: string, fixture: DbFixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName, fixture.version);
    open.onupgradeneeded = () => {
      const db = open.result;
      for (const [name, shape] of Object.entries(fixture.stores)) {
        const store = db.createObjectStore(name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement ?? false });
        for (const [index, keyPath] of Object.entries(shape.indexes)) store.createIndex(index, keyPath);
      }
      for (const [name, records] of Object.entries(fixture.records))
        for (const record of records) open.transaction!.objectStore(name).add(record);
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}
