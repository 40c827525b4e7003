import { stringTable, translatorOf } from '../i18n';
import { sendMessage } from '../messages';
import { BADGE_STRINGS, type BadgeTranslate } from '../strings/badge';
import type { SessionDeps } from './session';
import { pageSetup, type PageContext } from './setup';

/**
 * What a page session says to the background, and in which words: reports, status and dismissals, and
 * the badges' translator over the strings the setup brought (the badge's own words, in three languages
 * here, under them for a page the background did not answer: the note on an unreadable number needs
 * nothing else). Such a page asks for its setup again once a report is answered, so a badge that the
 * background's judgement puts up never shows a bare key.
 */
export function pageMessaging(setup: PageContext): Pick<SessionDeps, 'locale' | 't' | 'report' | 'status' | 'dismiss'> {
  const own = stringTable(setup.locale, [BADGE_STRINGS]);
  let current = setup;
  let t: BadgeTranslate = translatorOf({ ...own, ...current.strings });
  return {
    locale: setup.locale,
    t: (key, params) => t(key, params),
    async report(report) {
      const reply = await sendMessage('report', report);
      if (!current.answered) {
        current = await pageSetup();
        t = translatorOf({ ...own, ...current.strings });
      }
      return reply;
    },
    status: (status) => sendMessage('pageStatus', status),
    dismiss: async (alertId) => void (await sendMessage('dismiss', { alertId })),
  };
}
