import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from '@/components/Popup';
import { BINDINGS_KEY, repairBindings } from '@/core/bindings';
import { localeFor } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import { loadSettings } from '@/core/settings-store';
import '@/components/popup.css';

const { settings } = await loadSettings().catch(() => ({ settings: { language: 'auto' as const } }));
const locale = localeFor(settings.language);
document.documentElement.lang = locale;
render(
  <Popup
    locale={locale}
    load={() => sendMessage('popupState', {})}
    dismiss={(alertId) => sendMessage('dismiss', { alertId })}
    openSettings={() => void browser.runtime.openOptionsPage()}
    tools={{
      async activeTab() {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
      },
      readPage: (tabId) => sendMessage('readPage', { tabId }),
      pick: (tabId) => sendMessage('pickOnPage', { tabId }),
      async boundCount(origin) {
        const stored = await browser.storage.local.get(BINDINGS_KEY);
        return repairBindings(stored[BINDINGS_KEY]).bindings.sites[origin]?.length ?? 0;
      },
      allowed: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      allow: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
      close: () => window.close(),
    }}
  />,
  document.getElementById('app')!,
);
