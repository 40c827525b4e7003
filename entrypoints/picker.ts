import browser from 'webextension-polyfill';
import { Picker } from '@/core/content/picker';
import { pageSetup } from '@/core/content/setup';
import { localeFor } from '@/core/i18n';
import { uiTranslator } from '@/core/i18n-ui';
import { sendMessage } from '@/core/messages';

/** The element picker, injected into the active tab from the popup. A second injection while one is open does nothing. */
export default defineUnlistedScript(async () => {
  if (Picker.isOpen(window)) return;
  const t = uiTranslator(localeFor((await pageSetup()).language));
  new Picker(document, {
    t,
    save: (binding) => sendMessage('saveBinding', binding),
    allowUrl: browser.runtime.getURL('/allow.html'),
  }).open();
});
