import browser from 'webextension-polyfill';
import { PageSession } from '@/core/content/session';
import { languageOf, localeFor, translator } from '@/core/i18n';
import { SETTINGS_KEY } from '@/core/settings';
import { parseTabMessage, sendMessage } from '@/core/messages';
import { ALL_MATCHES, siteFor } from '@/core/sites';

export default defineContentScript({
  matches: [...ALL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = siteFor(new URL(location.href));
    if (!adapter) return;
    const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
    const locale = localeFor(languageOf(stored[SETTINGS_KEY]));
    const session = new PageSession({
      adapter,
      window,
      signal: ctx.signal,
      locale,
      t: translator(locale),
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
