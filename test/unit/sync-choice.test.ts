import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/core/settings';
import { closeToContentScripts, followSync, settingsStore, SYNC_OPT_IN_KEY, type StorageArea } from '@/core/settings-store';
import { decideSync, PUSH_DELAY_MS, SYNC_PREFIX } from '@/core/settings-sync';
import { syncStorage } from './support/sync';

/** storage.onChanged, fired by the test as the browser would when another computer (or a page) writes sync. */
function changeEvent() {
  const listeners: Array<(changes: Record<string, unknown>, areaName: string) => void> = [];
  return {
    addListener: (l: (changes: Record<string, unknown>, areaName: string) => void) => void listeners.push(l),
    fire: (changes: Record<string, unknown>) => listeners.forEach((l) => l(changes, 'sync')),
  };
}

/** An item a content script could write into storage.sync where it is open (or another computer, where closed). */
const HOSTILE = { v: 1, at: Date.now() + 60_000, data: 'en' };

const settingsIn = (prefs: StorageArea & { data: Record<string, unknown> }) => prefs.data[SETTINGS_KEY] as Settings | undefined;
const syncKeys = (sync: { data: Record<string, unknown> }) => Object.keys(sync.data);

/** One worker: its prefs, the shared sync area, and the follower deciding whether to use it. */
function worker(closed: Promise<boolean>, optIn?: boolean) {
  const prefs = syncStorage();
  prefs.data[SETTINGS_KEY] = { ...structuredClone(DEFAULT_SETTINGS), language: 'zh-CN' };
  if (optIn !== undefined) prefs.data[SYNC_OPT_IN_KEY] = optIn;
  const sync = syncStorage();
  const changes = changeEvent();
  const taken = vi.fn();
  const follower = followSync(prefs, taken, closed, sync, changes);
  const store = settingsStore(prefs, () => follower.active());
  return { prefs, sync, changes, taken, follower, store };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('closing storage to content scripts', () => {
  it('is closed only when the area has setAccessLevel and the browser takes it', async () => {
    const taken = { setAccessLevel: vi.fn(async () => undefined) };
    expect(await closeToContentScripts(taken, 'sync')).toBe(true);
    expect(taken.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    // Firefox: storage.sync has no setAccessLevel.
    expect(await closeToContentScripts({ get: async () => ({}) }, 'sync')).toBe(false);
    expect(await closeToContentScripts(undefined, 'sync')).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refused = { setAccessLevel: vi.fn(async () => Promise.reject(new Error('not allowed'))) };
    expect(await closeToContentScripts(refused, 'sync')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('storage.sync stays open'), expect.any(Error));
    warn.mockRestore();
  });

  it('follows sync where it is closed, or where it is open and the operator chose it; never without a sync area', () => {
    expect(decideSync(true, true, false).follows).toBe(true);
    expect(decideSync(true, false, false).follows).toBe(false);
    expect(decideSync(true, false, true).follows).toBe(true);
    expect(decideSync(false, true, true).follows).toBe(false);
  });
});

describe('following sync only where it is safe', () => {
  it('where sync is closed to content scripts: sends the settings at start and takes in changes', async () => {
    const w = worker(Promise.resolve(true));
    await vi.waitFor(() => expect(syncKeys(w.sync)).toContain(`${SYNC_PREFIX}language`));
    expect(await w.follower.mode()).toEqual({ available: true, closed: true, optedIn: false, follows: true });
    w.sync.data[`${SYNC_PREFIX}language`] = HOSTILE;
    w.changes.fire({ [`${SYNC_PREFIX}language`]: {} });
    await vi.waitFor(() => expect(settingsIn(w.prefs)?.language).toBe('en'));
    expect(w.taken).toHaveBeenCalled();
  });

  it('where sync is open (no setAccessLevel, or refused): sends nothing, takes nothing, until the operator opts in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const w = worker(Promise.resolve(false));
    expect(await w.follower.mode()).toEqual({ available: true, closed: false, optedIn: false, follows: false });
    expect(await w.follower.active()).toBeNull();
    // A content script writes an item into sync: nothing changes here.
    w.sync.data[`${SYNC_PREFIX}language`] = HOSTILE;
    w.changes.fire({ [`${SYNC_PREFIX}language`]: {} });
    const saved = { ...structuredClone(DEFAULT_SETTINGS), language: 'zh-TW' as const };
    await w.store.save(saved);
    await vi.advanceTimersByTimeAsync(PUSH_DELAY_MS * 2);
    expect(settingsIn(w.prefs)?.language).toBe('zh-TW');
    expect(w.sync.sets).toBe(0);
    expect(w.taken).not.toHaveBeenCalled();
  });

  it('a rejected close counts as open', async () => {
    const w = worker(Promise.reject(new Error('no')));
    expect((await w.follower.mode()).follows).toBe(false);
  });

  it('opting in starts following at once, and the choice stays in this browser only', async () => {
    const w = worker(Promise.resolve(false));
    expect((await w.follower.mode()).follows).toBe(false);
    expect(await w.follower.choose(true)).toEqual({ available: true, closed: false, optedIn: true, follows: true });
    expect(w.prefs.data[SYNC_OPT_IN_KEY]).toBe(true);
    expect(syncKeys(w.sync)).toContain(`${SYNC_PREFIX}language`);
    expect(syncKeys(w.sync).some((k) => k.includes(SYNC_OPT_IN_KEY))).toBe(false);
    // Another computer's change is now taken in.
    w.sync.data[`${SYNC_PREFIX}language`] = HOSTILE;
    w.changes.fire({ [`${SYNC_PREFIX}language`]: {} });
    await vi.waitFor(() => expect(settingsIn(w.prefs)?.language).toBe('en'));
  });

  it('a worker started after opting in follows sync', async () => {
    const w = worker(Promise.resolve(false), true);
    await vi.waitFor(() => expect(syncKeys(w.sync)).toContain(`${SYNC_PREFIX}language`));
    expect((await w.follower.mode()).optedIn).toBe(true);
  });

  it('opting out stops pulls and pushes, a push already waiting included', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const w = worker(Promise.resolve(false), true);
    await vi.waitFor(() => expect(syncKeys(w.sync)).toContain(`${SYNC_PREFIX}language`));
    const setsBefore = w.sync.sets;
    await w.store.save({ ...structuredClone(DEFAULT_SETTINGS), language: 'zh-TW' });
    expect((await w.follower.choose(false)).follows).toBe(false);
    await vi.advanceTimersByTimeAsync(PUSH_DELAY_MS * 2);
    expect(w.sync.sets).toBe(setsBefore);
    w.sync.data[`${SYNC_PREFIX}language`] = HOSTILE;
    w.changes.fire({ [`${SYNC_PREFIX}language`]: {} });
    await vi.advanceTimersByTimeAsync(10);
    expect(settingsIn(w.prefs)?.language).toBe('zh-TW');
    expect(w.prefs.data[SYNC_OPT_IN_KEY]).toBe(false);
  });
});
