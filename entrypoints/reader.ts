import { pageSetup } from '@/core/content/setup';
import { readOtherPage } from '@/core/reader/other';

/**
 * "Read this page": injected once into the active tab by the background (activeTab) and returns what
 * it read; the background validates and stores it. Its own bundle, so the main content script stays small.
 */
export default defineUnlistedScript(async () => {
  const { bindings } = await pageSetup();
  return readOtherPage(document, new URL(location.href), bindings);
});
