import { douyin, jd, pdd } from './cn';
import { amazon, ga4, shopee, shopify } from './intl';
import { sycm } from './sycm';
import type { SiteAdapter } from './types';

/** Every supported back office. A test fails when an adapter here has no fixtures or no detector test. */
export const SITES: readonly SiteAdapter[] = [sycm, jd, douyin, pdd, shopee, shopify, amazon, ga4];

export function siteFor(url: URL): SiteAdapter | undefined {
  return SITES.find((s) => s.isPage(url));
}

export function siteById(id: string): SiteAdapter | undefined {
  return SITES.find((s) => s.id === id);
}

export const ALL_MATCHES: readonly string[] = SITES.flatMap((s) => s.matches);

export type { SiteAdapter, PageRead } from './types';
