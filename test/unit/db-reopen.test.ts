import { describe, expect, it } from 'vitest';
import { DB_BLOCKED } from '@/core/background/connection';
import { createService } from '@/core/background/service';
import { DB_VERSION, openDatabase, type Database } from '@/core/db';
import { dbFixture, writeDbFixture } from './support/legacy-db';
import { day, noonOf, obs, report, SYCM_URL } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

/** The worker's connection closes under it (another version, a deleted database, the browser): it opens again. */

const NOW = noonOf('2026-11-26');
let n = 0;
const TAB = pageSender(7, SYCM_URL);
const payload = report([obs('visitors', 3120)], day('2026-11-25'));

function setup() {
  const name = `storepulse-reopen-${++n}`;
  const opened: Database[] = [];
  const service = createService({
    extensionId: EXT,
    now: () => NOW,
    openDb: async (events) => {
      const db = await openDatabase(name, undefined, events);
      opened.push(db);
      return db;
    },
  });
  return { name, service, opened };
}

const deleted = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });

describe('a connection that closes under the worker', () => {
  it('answers popupState after the database was deleted (a version change), and stores the next report', async () => {
    const { name, service, opened } = setup();
    expect(await service.handle({ type: 'report', payload }, TAB)).toMatchObject({ stored: 1 });
    await deleted(name);
    const state = (await service.handle({ type: 'popupState', payload: {} }, POPUP)) as {
      error?: string;
      totalReadings?: number;
    };
    expect(state.error).toBeUndefined();
    expect(state.totalReadings).toBe(0);
    expect(await service.handle({ type: 'report', payload }, TAB)).toMatchObject({ stored: 1 });
    expect(opened).toHaveLength(2);
  });

  it('opens again when it finds the connection closed without being told', async () => {
    const { service, opened } = setup();
    expect(await service.handle({ type: 'report', payload }, TAB)).toMatchObject({ stored: 1 });
    opened[0]!.close();
    const state = (await service.handle({ type: 'popupState', payload: {} }, POPUP)) as {
      error?: string;
      totalReadings?: number;
    };
    expect(state.error).toBeUndefined();
    expect(state.totalReadings).toBe(1);
    expect(
      await service.handle({ type: 'report', payload: report([obs('visitors', 3200)], day('2026-11-25')) }, TAB),
    ).toMatchObject({
      stored: 1,
    });
  });

  it('says what to close while its upgrade is blocked by an older connection, and goes on once it closes', async () => {
    const { name, service } = setup();
    // An older StorePulse page holding the version before open and not letting go.
    const fixture = dbFixture(`v${DB_VERSION - 1}`);
    await writeDbFixture(name, fixture);
    const old = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name, fixture.version);
      req.onsuccess = () => resolve(req.result);
    });
    const blocked = (await service.handle({ type: 'popupState', payload: {} }, POPUP)) as { error?: string };
    expect(blocked.error).toBe(DB_BLOCKED);
    const refused = (await service.handle({ type: 'report', payload }, TAB)) as { error?: string };
    expect(refused.error).toBe(DB_BLOCKED);
    old.close();
    await expect
      .poll(async () => ((await service.handle({ type: 'popupState', payload: {} }, POPUP)) as { error?: string }).error)
      .toBeUndefined();
    expect(await service.handle({ type: 'report', payload }, TAB)).toMatchObject({ stored: 1 });
  });
});
