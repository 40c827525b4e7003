import { runPageSessions } from '@/core/content/run';
import { ADS_MATCHES, adsSiteFor } from '@/core/sites/ads';

/** The ads back offices: spend and what it brought, read only on their pages. */
export default defineContentScript({
  matches: [...ADS_MATCHES],
  runAt: 'document_idle',
  // No stylesheet in the page: the badges' styles are in their own shadow roots. (The build emits the
  // extension pages' shared CSS beside every script; it must not reach the back offices.)
  cssInjectionMode: 'manual',
  main(ctx) {
    runPageSessions(ctx, adsSiteFor);
  },
});
