import { PageSession } from '@/core/content/session';
import { pageSetup } from '@/core/content/setup';
import { localeFor, translator } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import { otherSite } from '@/core/reader/other';
import { BADGE_SCREEN } from '@/core/strings/badge';

/**
 * Reads the numbers the operator bound on a site without an adapter, on every visit. Registered per
 * origin by the background (core/background/bound-scripts.ts) only after the operator allowed it.
 */
export default defineUnlistedScript(async () => {
  const { language, bindings: bound } = await pageSetup();
  if (bound.length === 0) return;
  const locale = localeFor(language);
  const session = new PageSession({
    adapter: otherSite(bound, false),
    window,
    signal: new AbortController().signal,
    locale,
    t: translator(locale, BADGE_SCREEN),
    report: (report) => sendMessage('report', report),
    dismiss: async (alertId) => void (await sendMessage('dismiss', { alertId })),
  });
  session.start();
});
