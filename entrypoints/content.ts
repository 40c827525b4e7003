import browser from 'webextension-polyfill';
import { PageSession } from '@/core/content/session';
import { pageSetup } from '@/core/content/setup';
import { localeFor, translator } from '@/core/i18n';
import { BADGE_SCREEN } from '@/core/strings/badge';
import { parseTabMessage, sendMessage } from '@/core/messages';
import { ALL_MATCHES, siteFor } from '@/core/sites';

export default defineContentScript({
  matches: [...ALL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = siteFor(new URL(location.href));
    if (!adapter) return;
    const locale = localeFor((await pageSetup()).language);
    const session = new PageSession({
      adapter,
      window,
      signal: ctx.signal,
      locale,
      t: translator(locale, BADGE_SCREEN),
      report: (report) => sendMessage('report', report),
      status: (status) => sendMessage('pageStatus', status),
      dismiss: async (alertId) => void (await sendMessage('dismiss', { alertId })),
    });
    const onMessage = (message: unknown) => {
      const m = parseTabMessage(message);
      if (m?.type === 'dismissed') session.onDismissed(m.payload.alertId);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    ctx.addEventListener(window, 'wxt:locationchange', () => session.reset());
    session.start();
  },
});
