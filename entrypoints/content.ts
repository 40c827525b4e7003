import { runPageSessions } from '@/core/content/run';
import { SHOP_MATCHES, shopSiteFor } from '@/core/sites/shops';

/** The shops' back offices (the ads back offices have a script of their own: ads.content.ts). */
export default defineContentScript({
  matches: [...SHOP_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runPageSessions(ctx, shopSiteFor);
  },
});
