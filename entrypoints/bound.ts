import { PageSession } from '@/core/content/session';
import { pageMessaging } from '@/core/content/messaging';
import { pageSetup } from '@/core/content/setup';
import { otherSite } from '@/core/reader/other';

/**
 * Reads the numbers the operator bound on a site without an adapter, on every visit. Registered per
 * origin by the background (core/background/bound-scripts.ts) only after the operator allowed it.
 */
export default defineUnlistedScript(async () => {
  const setup = await pageSetup();
  if (setup.bindings.length === 0) return;
  const { status: _unused, ...messaging } = pageMessaging(setup);
  const session = new PageSession({
    adapter: otherSite(setup.bindings, false),
    window,
    signal: new AbortController().signal,
    ...messaging,
  });
  session.start();
});
