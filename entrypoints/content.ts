import { browser } from 'wxt/browser';
import { pageMessaging } from '@/core/content/messaging';
import { PageSession } from '@/core/content/session';
import { pageSetup } from '@/core/content/setup';
import { parseTabMessage } from '@/core/messages';
import { ALL_MATCHES, siteFor } from '@/core/sites';

export default defineContentScript({
  matches: [...ALL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const adapter = siteFor(new URL(location.href));
    if (!adapter) return;
    // Reading starts while the setup is on its way: the first badge waits for one round trip less.
    const deps = Object.assign(pageMessaging(pageSetup()), { adapter, window, signal: ctx.signal });
    const session = new PageSession(deps);
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
