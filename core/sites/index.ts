import { ADS_SITES } from './ads';
import { SHOP_SITES } from './shops';
import type { SiteAdapter } from './types';

/**
 * Every supported back office, one file each: the shops' (core/sites/shops.ts) and the ads'
 * (core/sites/ads.ts). A test fails when a site file is not listed here, or an adapter here has no
 * fixtures or no detector test.
 */
export const SITES: readonly SiteAdapter[] = [...SHOP_SITES, ...ADS_SITES];

/** The site of a page, shop or ads back office (the background's lookup: time zones, parts, sheets). */
export function siteFor(url: URL): SiteAdapter | undefined {
  return SITES.find((s) => s.isPage(url));
}

export function siteById(id: string): SiteAdapter | undefined {
  return SITES.find((s) => s.id === id);
}

/** Host permissions: every back office's hosts, each once (Shopee's and Seller Central's serve shop and ads pages). */
export const ALL_MATCHES: readonly string[] = [...new Set(SITES.flatMap((s) => s.matches))];

export type { SiteAdapter, PageRead } from './types';
