import browser from 'webextension-polyfill';
import { Picker, PICKER_TAG } from '@/core/content/picker';
import { languageOf, localeFor, translator } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import { SETTINGS_KEY } from '@/core/settings';
import { PICKER_SCREEN } from '@/core/strings/picker';

/** The element picker, injected into the active tab from the popup. A second injection while one is open does nothing. */
export default defineUnlistedScript(async () => {
  if (document.querySelector(PICKER_TAG)) return;
  const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  const t = translator(localeFor(languageOf(stored[SETTINGS_KEY])), PICKER_SCREEN);
  new Picker(document, {
    t,
    save: (binding) => sendMessage('saveBinding', binding),
    allowUrl: browser.runtime.getURL('/allow.html'),
  }).open();
});
