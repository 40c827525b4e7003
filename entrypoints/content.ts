import { runPageSessions } from '@/core/content/run';
import { SHOP_MATCHES, shopSiteFor } from '@/core/sites/shops';

/** The shops' back offices (the ads back offices have a script of their own: ads.content.ts). */
export default defineContentScript({
  matches: [...SHOP_MATCHES],
  runAt: 'document_idle',
  // No stylesheet in the page: the badges' styles are in their own shadow roots. (The build emits the
  // extension pages' shared CSS beside every script; it must not reach the back offices.)
  cssInjectionMode: 'manual',
  main(ctx) {
    runPageSessions(ctx, shopSiteFor);
  },
});
