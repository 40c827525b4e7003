import browser from 'webextension-polyfill';
import { Picker } from '@/core/content/picker';
import { pageSetup } from '@/core/content/setup';
import { localeFor, translator } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import { PICKER_SCREEN } from '@/core/strings/picker';

/** The element picker, injected into the active tab from the popup. A second injection while one is open does nothing. */
export default defineUnlistedScript(async () => {
  if (Picker.isOpen(window)) return;
  const t = translator(localeFor((await pageSetup()).language), PICKER_SCREEN);
  new Picker(document, {
    t,
    save: (binding) => sendMessage('saveBinding', binding),
    allowUrl: browser.runtime.getURL('/allow.html'),
  }).open();
});
