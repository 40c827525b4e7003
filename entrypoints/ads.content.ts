import { runPageSessions } from '@/core/content/run';
import { ADS_MATCHES, adsSiteFor } from '@/core/sites/ads';

/** The ads back offices: spend and what it brought, read only on their pages. */
export default defineContentScript({
  matches: [...ADS_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runPageSessions(ctx, adsSiteFor);
  },
});
