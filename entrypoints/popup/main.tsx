import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from '@/components/Popup';
import { localeFor } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import { loadSettings } from '@/core/settings-store';
import '@/components/popup.css';

// Ask for what the first render shows before anything else: the worker answers while the page loads.
const firstReview = prefetched(() => sendMessage('review', {}));
const firstState = prefetched(() => sendMessage('popupState', {}));
const { settings } = await loadSettings().catch(() => ({ settings: { language: 'auto' as const } }));
const locale = localeFor(settings.language);
document.documentElement.lang = locale;
render(
  <Popup
    locale={locale}
    load={firstState}
    dismiss={(alertId) => sendMessage('dismiss', { alertId })}
    loadReview={firstReview}
    loadTrend={(req) => sendMessage('trend', req)}
    setTarget={(target) => sendMessage('setTarget', target)}
    alertAction={(alertId, action, until) =>
      sendMessage('alertAction', { alertId, action, ...(until === undefined ? {} : { until }) })
    }
    openSettings={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);

/** A loader whose first call returns the answer already asked for; later calls ask again. */
function prefetched<T>(ask: () => Promise<T>): () => Promise<T> {
  let early: Promise<T> | undefined = ask();
  early.catch(() => undefined); // handled by whoever takes it
  return () => {
    const answer = early ?? ask();
    early = undefined;
    return answer;
  };
}
