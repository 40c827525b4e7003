import browser, { type Runtime } from 'webextension-polyfill';
import { syncBoundScripts, type ScriptingApi } from '@/core/background/bound-scripts';
import { createService, memoryReviewCache, type ReviewCache, type ReviewSnapshot } from '@/core/background/service';
import { BINDINGS_KEY } from '@/core/bindings';
import { loadBindings, saveBinding } from '@/core/bindings-store';
import { openDatabase } from '@/core/db';
import { tabMessage } from '@/core/messages';
import { followSync, loadSettings } from '@/core/settings-store';

export default defineBackground(() => {
  followSync();
  const scripting = (browser as unknown as { scripting: ScriptingApi & ChromeScripting }).scripting;
  const syncBound = async () => {
    const { bindings } = await loadBindings();
    await syncBoundScripts(bindings, (pattern) => browser.permissions.contains({ origins: [pattern] }), scripting);
  };
  const sync = () => void syncBound().catch((error: unknown) => console.warn('[StorePulse] bound sites not registered:', error));
  const service = createService({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    async injectReader(tabId) {
      const [frame] = await scripting.executeScript({ target: { tabId }, files: ['/reader.js'] });
      return frame?.result;
    },
    async injectPicker(tabId) {
      await scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
    },
    bindings: {
      load: async () => (await loadBindings()).bindings,
      save: async (origin, binding) => void (await saveBinding(origin, binding)),
    },
    openDb: (events) => openDatabase(undefined, undefined, events),
    loadSettings: async () => (await loadSettings()).settings,
    reviewCache: sessionReviewCache(),
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

  closeStorageToPages();
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => service.handle(message, sender));
  browser.runtime.onConnect.addListener((port) => service.connect(port));
  browser.runtime.onStartup.addListener(() => {
    void service.refreshBadge();
    void service.warmReview();
  });
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) service.forgetTab(tabId);
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && BINDINGS_KEY in changes) sync();
  });
  sync();
  void service.refreshBadge();
});

/**
 * Settings and bindings live in storage.local, which content scripts may read and write by default.
 * Close it to them: they get the language and their own origin's bindings from the background.
 * COMPAT(firefox): Firefox has setAccessLevel only for storage.session (bug 1724754), so there
 * storage.local stays open to content scripts; they still do not use it.
 */
function closeStorageToPages(): void {
  const local = browser.storage.local as unknown as { setAccessLevel?(o: { accessLevel: string }): Promise<void> };
  void local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((error: unknown) => console.warn('[StorePulse] storage.local stays open to content scripts:', error));
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
