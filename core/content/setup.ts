import { languageOf } from '../i18n';
import { sendMessage, type PageSetup } from '../messages';

/**
 * What a script in a web page needs of the settings, asked of the background: the language and the
 * numbers bound on this page's origin. Content scripts cannot read storage.local (the background
 * closes it to them where the browser can), so a compromised page cannot read or rewrite the rules.
 * Without an answer the page follows the browser's language and reads no bound numbers.
 */
export async function pageSetup(): Promise<PageSetup> {
  try {
    const setup = await sendMessage('pageSetup', {});
    return { language: languageOf(setup), bindings: Array.isArray(setup.bindings) ? setup.bindings : [] };
  } catch (error) {
    console.warn('[StorePulse] settings not available, following the browser:', error);
    return { language: 'auto', bindings: [] };
  }
}
