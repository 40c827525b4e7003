import { ADS_SITES } from './ads';
import { alimama } from './alimama';
import { amazon } from './amazon';
import { amazonAds } from './amazon-ads';
import { douyin } from './douyin';
import { ga4 } from './ga4';
import { googleAds } from './google-ads';
import { jd } from './jd';
import { jzt } from './jzt';
import { pdd } from './pdd';
import { qianchuan } from './qianchuan';
import { shopee } from './shopee';
import { shopeeAds } from './shopee-ads';
import { SHOP_SITES } from './shops';
import { shopify } from './shopify';
import { sycm } from './sycm';
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

/**
 * The content scripts, one per back office (`entrypoints/<name>.content.ts`, each importing only its own
 * adapters), so a page carries only its own site's knowledge and words. One host serving a shop's pages
 * and its ads' gets one script with both: Shopee's Seller Centre, Amazon's Seller Central (the Amazon
 * Ads console's hosts come with it). `test/unit/content-scripts.test.ts` holds the entrypoints to this.
 */
export const CONTENT_SCRIPTS: Readonly<Record<string, readonly SiteAdapter[]>> = {
  alimama: [alimama],
  amazon: [amazon, amazonAds],
  douyin: [douyin],
  ga4: [ga4],
  'google-ads': [googleAds],
  jd: [jd],
  jzt: [jzt],
  pdd: [pdd],
  qianchuan: [qianchuan],
  shopee: [shopee, shopeeAds],
  shopify: [shopify],
  sycm: [sycm],
};

export type { SiteAdapter, PageRead } from './types';
