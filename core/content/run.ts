import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseTabMessage } from '../messages';
import type { SiteAdapter } from '../sites/types';
import { pageMessaging } from './messaging';
import { PageSession } from './session';
import { pageSetup } from './setup';

/**
 * A content script's life on one tab: a page session while the address is one of its adapters' pages,
 * none while it is not. Shopee's Seller Centre and Amazon's Seller Central serve the shop's pages and
 * the ads' on one host, and move between them in-page: the shop script and the ads script each read
 * only their own pages, and a session ends when the page leaves them (its badges go with it).
 */
export function runPageSessions(ctx: ContentScriptContext, lookup: (url: URL) => SiteAdapter | undefined): void {
  let messaging: ReturnType<typeof pageMessaging> | undefined;
  let current: { adapter: SiteAdapter; session: PageSession; stop: AbortController } | undefined;

  const follow = () => {
    const adapter = lookup(new URL(location.href));
    if (current && current.adapter === adapter) return current.session.reset();
    current?.stop.abort();
    current = undefined;
    if (!adapter) return;
    // Reading starts while the setup is on its way: the first badge waits for one round trip less.
    const m = (messaging ??= pageMessaging(pageSetup()));
    const stop = new AbortController();
    ctx.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const session = new PageSession({
      get locale() {
        return m.locale;
      },
      t: m.t,
      report: m.report,
      status: m.status,
      dismiss: m.dismiss,
      adapter,
      window,
      signal: stop.signal,
    });
    current = { adapter, session, stop };
    session.start();
  };

  const onMessage = (message: unknown) => {
    const m = parseTabMessage(message);
    if (m?.type === 'dismissed') current?.session.onDismissed(m.payload.alertId);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  ctx.addEventListener(window, 'wxt:locationchange', follow);
  follow();
}
