import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { pickLocale } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import '@/components/popup.css';

const locale = pickLocale();
document.documentElement.lang = locale;
render(
  <Popup locale={locale} load={() => sendMessage('popupState', {})} dismiss={(alertId) => sendMessage('dismiss', { alertId })} />,
  document.getElementById('app')!,
);
