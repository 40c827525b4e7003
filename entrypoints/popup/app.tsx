import '@/components/base.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from '@/components/Popup';
import { localeFor } from '@/core/i18n';
import { sendMessage, type PopupState, type ProtocolMap } from '@/core/messages';
import { putOff, setLink } from '@/core/ads-links';
import type { ReviewState } from '@/core/review/types';

/** What the popup's first module asked the worker for before this code loaded. */
export interface FirstAnswers {
  review: Promise<ReviewState>;
  state: Promise<PopupState>;
  settings: Promise<ProtocolMap['settings']['reply']>;
}

/** The popup itself, once its code has loaded; `first` holds the answers main.tsx asked for at once. */
export async function start(first: FirstAnswers): Promise<void> {
  performance.mark('storepulse:popup-script');
  // The review's first answer is the Review tab's part; the popup asks for the rest after it paints.
  const firstReview = prefetched(first.review, () => sendMessage('review', {}));
  const firstState = prefetched(first.state, () => sendMessage('popupState', {}));
  const { settings } = await first.settings.catch(() => ({ settings: { language: 'auto' as const } }));
  performance.mark('storepulse:settings-answer');
  const locale = localeFor(settings.language);
  document.documentElement.lang = locale;
  // The back offices StorePulse reads: granted at install in Chrome, optional in Firefox, withdrawable in both.
  const backOffices = { origins: browser.runtime.getManifest().host_permissions ?? [] };
  const access = {
    missing: async () => !(await browser.permissions.contains(backOffices)),
    ask: () => browser.permissions.request(backOffices),
  };
  render(
    <Popup
      locale={locale}
      load={firstState}
      dismiss={(alertId) => sendMessage('dismiss', { alertId })}
      loadReview={firstReview}
      loadTrend={(req) => sendMessage('trend', req)}
      loadPace={() => sendMessage('pace', {}).then((r) => r.shops)}
      setTarget={(target) => sendMessage('setTarget', target)}
      linkAccount={async (site, account, shop) => {
        // Read the settings as they stand now (the options page may have changed them since the popup opened).
        const { settings: current } = await sendMessage('settings', {});
        await sendMessage('saveSettings', {
          settings: { ...current, adsLinks: setLink(current.adsLinks ?? [], site, account, shop) },
        });
      }}
      promptLater={'adsPromptLater' in settings ? settings.adsPromptLater : undefined}
      putOffLink={async (account) => {
        const { settings: current } = await sendMessage('settings', {});
        const adsPromptLater = putOff(current.adsPromptLater, account);
        await sendMessage('saveSettings', { settings: { ...current, adsPromptLater } });
        return adsPromptLater;
      }}
      alertAction={(alertId, action, until) =>
        sendMessage('alertAction', { alertId, action, ...(until === undefined ? {} : { until }) })
      }
      openSettings={() => void browser.runtime.openOptionsPage()}
      access={access}
      tools={{
        async activeTab() {
          const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
          return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
        },
        readPage: (tabId) => sendMessage('readPage', { tabId }),
        pick: (tabId) => sendMessage('pickOnPage', { tabId }),
        boundCount: async (origin) => (await sendMessage('boundCount', { origin })).count,
        allowed: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
        allow: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
        close: () => window.close(),
      }}
    />,
    document.getElementById('app')!,
  );
}

/** A loader whose first call returns the answer already asked for; later calls ask again. */
function prefetched<T>(early: Promise<T> | undefined, later: () => Promise<T>): () => Promise<T> {
  return () => {
    const answer = early ?? later();
    early = undefined;
    return answer;
  };
}
