import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../sites/types';
import { runPageSessions } from './run';

/**
 * A back office's content script (entrypoints/<name>.content.ts): its adapters' pages and nothing else,
 * so each page carries only its own site's knowledge and words. A host that serves a shop's pages and its
 * ads' (Shopee's Seller Centre, Amazon's Seller Central) has one script with both adapters, and the page
 * session follows in-page moves between them.
 */
export function siteScript(sites: readonly SiteAdapter[]) {
  return {
    matches: [...new Set(sites.flatMap((s) => s.matches))],
    runAt: 'document_idle' as const,
    // No stylesheet in the page: the badges' styles are in their own shadow roots.
    cssInjectionMode: 'manual' as const,
    main(ctx: ContentScriptContext) {
      runPageSessions(ctx, (url) => sites.find((s) => s.isPage(url)));
    },
  };
}
