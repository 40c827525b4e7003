import browser, { type Runtime } from 'webextension-polyfill';
import { syncBoundScripts, type ScriptingApi } from '@/core/background/bound-scripts';
import { CHECK_EVERY_MINUTES, memoryCheckLog, PACE_ALARM, type CheckLog } from '@/core/background/pace-checks';
import { createService, memoryReviewCache, type ReviewCache, type ReviewSnapshot } from '@/core/background/service';
import { loadBindings, saveBinding } from '@/core/bindings-store';
import { openDatabase } from '@/core/db';
import { tabMessage } from '@/core/messages';
import { afterFirstAnswers, markFirst, STARTUP_QUIET_MS } from '@/core/background/startup';
import { closeToContentScripts, followSync, prefsArea, settingsStore } from '@/core/settings-store';
import { TARGET_PREFIX, type TargetSyncArea } from '@/core/target-sync';

export default defineBackground(() => {
  // The worker's start, for the benchmark of the popup with a cold worker (its time origin is the worker's).
  performance.mark('storepulse:worker-main');
  const scripting = (browser as unknown as { scripting: ScriptingApi & ChromeScripting }).scripting;
  // Settings and bindings, in StorePulse's own origin: no content script reaches them (core/settings-store.ts).
  const prefs = prefsArea();
  // Rules, shops, peers and the language follow the operator through the browser's sync (settings-sync.ts)
  // where content scripts cannot write it, or where the operator chose so (core/settings-store.ts).
  const closed = closeStorageToPages();
  const settings = settingsStore(prefs, () => follower.active());
  const follower = followSync(prefs, () => settings.forget(), closed);
  const syncBound = async () => {
    const { bindings } = await loadBindings(prefs);
    await syncBoundScripts(bindings, (pattern) => browser.permissions.contains({ origins: [pattern] }), scripting);
  };
  const sync = () => void syncBound().catch((error: unknown) => console.warn('[StorePulse] bound sites not registered:', error));
  const service = createService({
    extensionId: browser.runtime.id,
    // Read at each call, so an end-to-end test can set the worker's clock (Date.now) to a time of its day.
    now: () => Date.now(),
    extensionOrigin: browser.runtime.getURL('/'),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    async injectReader(tabId) {
      const [frame] = await scripting.executeScript({ target: { tabId }, files: ['/reader.js'] });
      return frame?.result;
    },
    async injectPicker(tabId) {
      await scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
    },
    // Into the content scripts' world of the page's top frame (the only frame they read).
    async injectBadges(tabId) {
      await scripting.executeScript({ target: { tabId }, files: ['/badges.js'] });
    },
    bindings: {
      load: async () => (await loadBindings(prefs)).bindings,
      async save(origin, binding) {
        await saveBinding(origin, binding, prefs);
        sync();
      },
    },
    openDb: (events) => openDatabase(undefined, undefined, events),
    loadSettings: async () => (await settings.load()).settings,
    settingsStore: settings,
    syncChoice: {
      mode: () => follower.mode(),
      async choose(optIn) {
        const mode = await follower.choose(optIn);
        if (mode.follows) await service.syncTargets();
        return mode;
      },
    },
    // Monthly targets follow sync exactly where the settings do (core/target-sync.ts).
    targetSync: { local: prefs, active: async () => (await follower.active()) as TargetSyncArea | null },
    reviewCache: sessionReviewCache(),
    checkLog: sessionCheckLog(),
    async notify(notice) {
      // An optional permission: the options page asks for it when the operator switches notify on.
      if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
      await browser.notifications.create(notice.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: notice.title,
        message: notice.message,
      });
    },
    async setBadge(count, critical) {
      await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      await browser.action.setBadgeBackgroundColor({ color: critical ? '#d93025' : '#e8710a' });
    },
    async notifyDismissed(alertId) {
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined
            ? undefined
            : browser.tabs.sendMessage(tab.id, tabMessage('dismissed', { alertId })).catch(() => undefined),
        ),
      );
    },
  });

  // The worker's own start-up work (targets from sync, bound sites, the toolbar count, at a browser start the
  // whole review) waits until the first questions are answered — a cold worker is most often started by the
  // popup, whose first screen should not queue behind it — or until STARTUP_QUIET_MS (100 ms) pass with none asked.
  const startup = afterFirstAnswers(STARTUP_QUIET_MS);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const type = (message as { type?: unknown } | null)?.type;
    const answer = startup.track(service.handle(message, sender));
    if (typeof type === 'string') markFirst(`storepulse:worker-${type}`, answer);
    return answer;
  });
  browser.runtime.onConnect.addListener((port) => service.connect(port));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some((k) => k.startsWith(TARGET_PREFIX))) void service.syncTargets();
  });
  startup.run(() => void service.syncTargets());
  browser.runtime.onStartup.addListener(() =>
    startup.run(() => {
      void service.refreshBadge();
      void service.warmReview();
    }),
  );
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) service.forgetTab(tabId);
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  // Decision times: a tick every few minutes; the service looks at the check times due on each shop's clock.
  void browser.alarms.create(PACE_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACE_ALARM)
      void service.checkPace().catch((e: unknown) => console.warn('[StorePulse] pace check failed:', e));
  });
  startup.run(() => {
    sync();
    void service.refreshBadge();
  });
});

/** The pace check times already looked at, in `storage.session` (the worker stops between ticks); else in memory. */
function sessionCheckLog(): CheckLog {
  const session = (browser.storage as unknown as { session?: typeof browser.storage.local }).session;
  if (!session) return memoryCheckLog();
  const load = async () => ((await session.get('paceChecked')).paceChecked as string[] | undefined) ?? [];
  return {
    has: async (key) => (await load()).includes(key),
    // The last few days' keys are enough: a key names its day.
    add: async (key) => void (await session.set({ paceChecked: [...(await load()), key].slice(-200) })),
  };
}

/**
 * storage.local no longer holds settings or bindings (they moved to the prefs database, which content
 * scripts cannot reach in any browser); it is closed to content scripts all the same where the browser can.
 * storage.sync carries the operator's rules to their other computers: closed to content scripts too where
 * it can be. Resolves to whether storage.sync was closed.
 * COMPAT(firefox): Firefox has setAccessLevel only for storage.session (bug 1724754).
 */
function closeStorageToPages(): Promise<boolean> {
  const storage = browser.storage as unknown as Record<string, unknown>;
  void closeToContentScripts(storage.local, 'local');
  return closeToContentScripts(storage.sync, 'sync');
}

/**
 * The computed review in `storage.session`: it outlives the worker (stopped after 30 s idle) but not
 * the browser, and never reaches the disk. Where the browser has no session storage, the worker's memory.
 */
function sessionReviewCache(): ReviewCache {
  const session = (browser.storage as unknown as { session?: typeof browser.storage.local }).session;
  if (!session) return memoryReviewCache();
  return {
    async get() {
      const { review } = await session.get('review');
      return review as ReviewSnapshot | undefined;
    },
    async set(snapshot) {
      if (snapshot) await session.set({ review: snapshot });
      else await session.remove('review');
    },
  };
}

/** The part of chrome.scripting the polyfill passes through untyped. */
interface ChromeScripting {
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<Array<{ result?: unknown }>>;
}
