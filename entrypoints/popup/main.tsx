import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from '@/components/Popup';
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
    loadReview={() => sendMessage('review', {})}
    loadTrend={(req) => sendMessage('trend', req)}
    setTarget={(target) => sendMessage('setTarget', target)}
    alertAction={(alertId, action, until) =>
      sendMessage('alertAction', { alertId, action, ...(until === undefined ? {} : { until }) })
    }
    openSettings={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
