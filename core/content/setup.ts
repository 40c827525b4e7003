import { languageOf, localeFor, LOCALES } from '../i18n';
import { sendMessage, type PageSetup } from '../messages';

/** The page's setup, and whether the background gave it (or the page is making do without it). */
export interface PageContext extends PageSetup {
  answered: boolean;
}

/**
 * What a script in a web page needs of the settings, asked of the background: the language, the
 * badge's strings in it and the numbers bound on this page's origin. Content scripts cannot read
 * storage.local (the background closes it to them where the browser can), so a compromised page cannot
 * read or rewrite the rules. Without an answer the page follows the browser's language, has no strings
 * from the background and reads no bound numbers.
 */
export async function pageSetup(): Promise<PageContext> {
  try {
    const setup = await sendMessage('pageSetup', {});
    const language = languageOf(setup);
    return {
      language,
      locale: LOCALES.includes(setup.locale) ? setup.locale : localeFor(language),
      strings: setup.strings && typeof setup.strings === 'object' ? setup.strings : {},
      bindings: Array.isArray(setup.bindings) ? setup.bindings : [],
      answered: true,
    };
  } catch (error) {
    console.warn('[StorePulse] settings not available, following the browser:', error);
    return { language: 'auto', locale: localeFor('auto'), strings: {}, bindings: [], answered: false };
  }
}
