import { localeFor, translatorOf } from '../i18n';
import { sendMessage } from '../messages';
import type { BadgeTranslate } from '../strings/badge';
import { loadBadgeKit } from './badge-kit';
import type { SessionDeps } from './session';
import { pageSetup, type PageContext } from './setup';

type Messaging = Pick<SessionDeps, 'locale' | 't' | 'report' | 'status' | 'dismiss' | 'badges'>;

/**
 * What a page session says to the background, and in which words: reports, status and dismissals, the
 * badges' code on demand, and the badges' language and translator over the strings the setup brings.
 * The session may start reading before the setup has come (badges wait for a report's answer, and a
 * report waits for the setup); until then, and for a page the background did not answer, the badge
 * script's own words in the browser's language stand in (core/content/badge.ts; the note on an
 * unreadable number needs nothing else). A page the background did not answer
 * asks again once a report is answered, so a badge that the background's judgement puts up never shows
 * a bare key. `locale` is a getter: pass the object itself to the session, not a spread copy.
 */
export function pageMessaging(setup: Promise<PageContext>): Messaging {
  let locale = localeFor('auto');
  let answered = false;
  let t: BadgeTranslate = translatorOf({});
  const take = (s: PageContext) => {
    locale = s.locale;
    answered = s.answered;
    t = translatorOf(s.strings);
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
    badges: loadBadgeKit,
  };
}
