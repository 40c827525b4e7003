import browser from 'webextension-polyfill';
import { BINDINGS_KEY, bindingOrigin, repairBindings } from '@/core/bindings';
import { readOtherPage } from '@/core/reader/other';

/**
 * "Read this page": injected once into the active tab by the background (activeTab) and returns what
 * it read; the background validates and stores it. Its own bundle, so the main content script stays small.
 */
export default defineUnlistedScript(async () => {
  const url = new URL(location.href);
  const origin = bindingOrigin(url);
  const stored = await browser.storage.local.get(BINDINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  const bound = origin ? (repairBindings(stored[BINDINGS_KEY]).bindings.sites[origin] ?? []) : [];
  return readOtherPage(document, url, bound);
});
