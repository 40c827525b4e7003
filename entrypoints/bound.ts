import browser from 'webextension-polyfill';
import { BINDINGS_KEY, bindingOrigin, repairBindings } from '@/core/bindings';
import { PageSession } from '@/core/content/session';
import { languageOf, localeFor, translator } from '@/core/i18n';
import { sendMessage } from '@/core/messages';
import { otherSite } from '@/core/reader/other';
import { SETTINGS_KEY } from '@/core/settings';
import { BADGE_SCREEN } from '@/core/strings/badge';

/**
 * Reads the numbers the operator bound on a site without an adapter, on every visit. Registered per
 * origin by the background (core/background/bound-scripts.ts) only after the operator allowed it.
 */
export default defineUnlistedScript(async () => {
  const origin = bindingOrigin(new URL(location.href));
  const stored = await browser.storage.local.get([BINDINGS_KEY, SETTINGS_KEY]).catch(() => ({}) as Record<string, unknown>);
  const bound = origin ? (repairBindings(stored[BINDINGS_KEY]).bindings.sites[origin] ?? []) : [];
  if (bound.length === 0) return;
  const locale = localeFor(languageOf(stored[SETTINGS_KEY]));
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
