import { amazon } from './amazon';
import { douyin } from './douyin';
import { ga4 } from './ga4';
import { jd } from './jd';
import { pdd } from './pdd';
import { shopee } from './shopee';
import { shopify } from './shopify';
import { sycm } from './sycm';
import type { SiteAdapter } from './types';

/** The shops' back offices: what the shop pages' content script reads (it carries no ads adapter). */
export const SHOP_SITES: readonly SiteAdapter[] = [sycm, jd, douyin, pdd, shopee, shopify, amazon, ga4];

export const SHOP_MATCHES: readonly string[] = SHOP_SITES.flatMap((s) => s.matches);

export function shopSiteFor(url: URL): SiteAdapter | undefined {
  return SHOP_SITES.find((s) => s.isPage(url));
}
