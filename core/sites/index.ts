import { amazon } from './amazon';
import { douyin } from './douyin';
import { ga4 } from './ga4';
import { jd } from './jd';
import { pdd } from './pdd';
import { shopee } from './shopee';
import { shopify } from './shopify';
import { sycm } from './sycm';
import type { SiteAdapter } from './types';

/**
 * Every supported back office, one file each. A test fails when a site file is not listed here, or an
 * adapter here has no fixtures or no detector test.
 */
export const SITES: readonly SiteAdapter[] = [sycm, jd, douyin, pdd, shopee, shopify, amazon, ga4];

export function siteFor(url: URL): SiteAdapter | undefined {
  return SITES.find((s) => s.isPage(url));
}

export function siteById(id: string): SiteAdapter | undefined {
  return SITES.find((s) => s.id === id);
}

export const ALL_MATCHES: readonly string[] = SITES.flatMap((s) => s.matches);

export type { SiteAdapter, PageRead } from './types';
