import browser from 'webextension-polyfill';
import { Picker, PICKER_TAG } from '@/core/content/picker';
import { localeFor } from '@/core/i18n';
import { uiTranslator } from '@/core/i18n-ui';
import { sendMessage } from '@/core/messages';
import { repairSettings, SETTINGS_KEY } from '@/core/settings';

/** The element picker, injected into the active tab from the popup. A second injection while one is open does nothing. */
export default defineUnlistedScript(async () => {
  if (document.querySelector(PICKER_TAG)) return;
  const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  const t = uiTranslator(localeFor(repairSettings(stored[SETTINGS_KEY]).settings.language));
  new Picker(document, {
    t,
    save: (binding) => sendMessage('saveBinding', binding),
    allowUrl: browser.runtime.getURL('/allow.html'),
  }).open();
});
