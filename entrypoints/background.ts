import browser, { type Runtime } from 'webextension-polyfill';
import { createService } from '@/core/background/service';
import { openDatabase } from '@/core/db';
import { loadSettings } from '@/core/settings-store';

export default defineBackground(() => {
  const service = createService({
    extensionId: browser.runtime.id,
    openDb: () => openDatabase(),
    loadSettings: async () => (await loadSettings()).settings,
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
            : browser.tabs.sendMessage(tab.id, { type: 'dismissed', payload: { alertId } }).catch(() => undefined),
        ),
      );
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => service.handle(message, sender));
  browser.runtime.onStartup.addListener(() => void service.refreshBadge());
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) service.forgetTab(tabId);
  });
  void service.refreshBadge();
});
