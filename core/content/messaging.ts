import { localeFor, stringTable, translatorOf } from '../i18n';
import { sendMessage } from '../messages';
import { BADGE_STRINGS, type BadgeTranslate } from '../strings/badge';
import type { SessionDeps } from './session';
import { pageSetup, type PageContext } from './setup';

type Messaging = Pick<SessionDeps, 'locale' | 't' | 'report' | 'status' | 'dismiss'>;

/**
 * What a page session says to the background, and in which words: reports, status and dismissals, and
 * the badges' language and translator over the strings the setup brings. The session may start reading
 * before the setup has come (badges wait for a report's answer, and a report waits for the setup); until
 * then, and for a page the background did not answer, the badge's own words in the browser's language
 * stand in (the note on an unreadable number needs nothing else). A page the background did not answer
 * asks again once a report is answered, so a badge that the background's judgement puts up never shows
 * a bare key. `locale` is a getter: pass the object itself to the session, not a spread copy.
 */
export function pageMessaging(setup: Promise<PageContext>): Messaging {
  let locale = localeFor('auto');
  let answered = false;
  let t: BadgeTranslate = translatorOf(stringTable(locale, [BADGE_STRINGS]));
  const take = (s: PageContext) => {
    locale = s.locale;
    answered = s.answered;
    t = translatorOf({ ...stringTable(s.locale, [BADGE_STRINGS]), ...s.strings });
  };
  const ready = setup.then(take);
  return {
    get locale() {
      return locale;
    },
    t: (key, params) => t(key, params),
    async report(report) {
      await ready;
      const reply = await sendMessage('report', report);
      if (!answered) take(await pageSetup());
      return reply;
    },
    status: (status) => sendMessage('pageStatus', status),
    dismiss: async (alertId) => void (await sendMessage('dismiss', { alertId })),
  };
}
