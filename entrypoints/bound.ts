import { pageMessaging } from '@/core/content/messaging';
import { PageSession } from '@/core/content/session';
import { pageSetup } from '@/core/content/setup';
import { otherSite } from '@/core/reader/other';

/**
 * Reads the numbers the operator bound on a site without an adapter, on every visit. Registered per
 * origin by the background (core/background/bound-scripts.ts) only after the operator allowed it.
 */
export default defineUnlistedScript(async () => {
  const setup = await pageSetup();
  if (setup.bindings.length === 0) return;
  const messaging = pageMessaging(Promise.resolve(setup));
  // A bound page reports no status: the popup's page notices are for the back offices.
  delete messaging.status;
  const deps = Object.assign(messaging, {
    adapter: otherSite(setup.bindings, false),
    window,
    signal: new AbortController().signal,
  });
  new PageSession(deps).start();
});
