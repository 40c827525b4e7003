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

  const follow = (url: URL, navigated: boolean) => {
    const adapter = lookup(url);
    if (current && current.adapter === adapter) return current.session.reset();
    current?.stop.abort();
    current = undefined;
    if (!adapter) return;
    // Reading starts while the setup is on its way: the first badge waits for one round trip less.
    const m = (messaging ??= pageMessaging(pageSetup()));
    const stop = new AbortController();
    // The messaging object itself under the session's own fields: its `locale` is a getter.
    const deps = Object.assign(Object.create(m) as typeof m, {
      adapter,
      window,
      signal: AbortSignal.any([ctx.signal, stop.signal]),
    });
    const session = new PageSession(deps);
    current = { adapter, session, stop };
    session.start();
    // Entered in-page: the section's own content replaces the one left; read once the page is quiet.
    if (navigated) session.reset();
  };

  const onMessage = (message: unknown) => {
    const m = parseTabMessage(message);
    if (m?.type === 'dismissed') current?.session.onDismissed(m.payload.alertId);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // The event comes as the navigation starts (the Navigation API's "navigate"), before location changes.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => follow(event.newUrl, true));
  follow(new URL(location.href), false);
}
