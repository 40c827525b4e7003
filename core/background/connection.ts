import type { Database, DbEvents } from '../db';

/**
 * The worker's one connection to the database, opened on demand and opened again once it closes: a
 * newer version of StorePulse upgrading it (`blocking`: we step aside), the database deleted from
 * DevTools, or the browser dropping it (`terminated`). While our own upgrade waits for an older
 * connection elsewhere (`blocked`), callers are told what to close instead of waiting forever; the
 * one open request stays pending and is used once it succeeds.
 */

export const DB_BLOCKED =
  'StorePulse’s storage is being upgraded but an older StorePulse page still holds it open: close StorePulse’s other tabs and windows (the options page, a popup opened in a tab), then try again';

export class BlockedError extends Error {}

export interface Connection {
  get(): Promise<Database>;
  /** Forget the connection (it turned out closed); the next `get` opens a new one. */
  drop(): void;
}

export function connection(openDb: (events: DbEvents) => Promise<Database>): Connection {
  let opening: Promise<Database> | undefined;
  let blocked = false;
  // Callers waiting for the open: told at once when it turns out blocked.
  const waiting = new Set<(error: Error) => void>();
  const drop = () => {
    opening = undefined;
    blocked = false;
  };
  const open = (): Promise<Database> => {
    const current: Promise<Database> = openDb({
      closed: () => {
        if (opening === current) drop();
      },
      blocked: () => {
        if (opening !== current) return;
        blocked = true;
        for (const reject of waiting) reject(new BlockedError(DB_BLOCKED));
        waiting.clear();
      },
    }).then(
      (db) => {
        if (opening === current) blocked = false;
        return db;
      },
      (error: unknown) => {
        if (opening === current) drop(); // open again on the next message rather than staying broken
        throw error;
      },
    );
    current.catch(() => undefined);
    return current;
  };
  return {
    drop,
    get() {
      opening ??= open();
      if (blocked) return Promise.reject(new BlockedError(DB_BLOCKED));
      const current = opening;
      return new Promise<Database>((resolve, reject) => {
        waiting.add(reject);
        current.then(resolve, reject).finally(() => waiting.delete(reject));
      });
    },
  };
}
