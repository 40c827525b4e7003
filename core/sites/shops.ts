import { amazon } from './amazon';
import { douyin } from './douyin';
import { ga4 } from './ga4';
import { jd } from './jd';
import { pdd } from './pdd';
import { shopee } from './shopee';
import { shopify } from './shopify';
import { sycm } from './sycm';
import type { SiteAdapter } from './types';

/** The shops' back offices (their content scripts: CONTENT_SCRIPTS in ./index.ts). */
export const SHOP_SITES: readonly SiteAdapter[] = [sycm, jd, douyin, pdd, shopee, shopify, amazon, ga4];

export function shopSiteFor(url: URL): SiteAdapter | undefined {
  return SHOP_SITES.find((s) => s.isPage(url));
}
