// Reads one object store of the extension's IndexedDB database `storepulse`. Evaluated inside the
// extension's origin (Chromium's service worker, or an extension page in Firefox), the only place that
// sees the extension's storage.

/**
 * @param {string} name the object store
 * @returns {Promise<unknown[]>}
 */
export const READ_DATABASE = async (name) => {
  // Opening a database that does not exist yet would create it at version 1, and the extension's own
  // upgrade chain would then start from oldVersion 1 and skip its first step. Look before opening,
  // and abort the creation if the database appears between the two calls.
  if (typeof indexedDB.databases === 'function') {
    const all = await indexedDB.databases();
    if (!all.some((d) => d.name === 'storepulse')) return [];
  }
  /** @type {IDBDatabase | null} */
  const db = await new Promise((ok, fail) => {
    const req = indexedDB.open('storepulse');
    let creating = false;
    req.onupgradeneeded = () => {
      creating = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => (creating ? ok(null) : fail(req.error));
    req.onblocked = () => fail(new Error('storepulse database is blocked by an open upgrade'));
  });
  if (!db) return [];
  try {
    if (!db.objectStoreNames.contains(name)) return [];
    return await new Promise((ok, fail) => {
      const req = db.transaction(name, 'readonly').objectStore(name).getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  } finally {
    db.close();
  }
};
