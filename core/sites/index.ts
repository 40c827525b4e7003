import { sycm } from './sycm';
import type { SiteAdapter } from './types';

/** Every supported back office. A test fails when an adapter here has no fixture or detector test. */
export const SITES: readonly SiteAdapter[] = [sycm];

export function siteFor(url: URL): SiteAdapter | undefined {
  return SITES.find((s) => s.isPage(url));
}

export function siteById(id: string): SiteAdapter | undefined {
  return SITES.find((s) => s.id === id);
}

export const ALL_MATCHES: readonly string[] = SITES.flatMap((s) => s.matches);

export type { SiteAdapter, PageRead, ReadContext } from './types';
