import { browser } from 'wxt/browser';
import { PageSession } from '@/core/content/session';
import { pageMessaging } from '@/core/content/messaging';
import { pageSetup } from '@/core/content/setup';
import { parseTabMessage } from '@/core/messages';
import { ALL_MATCHES, siteFor } from '@/core/sites';

export default defineContentScript({
  matches: [...ALL_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = siteFor(new URL(location.href));
    if (!adapter) return;
    const session = new PageSession({ adapter, window, signal: ctx.signal, ...pageMessaging(await pageSetup()) });
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
