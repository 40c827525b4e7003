import { alimama } from './alimama';
import { amazonAds } from './amazon-ads';
import { googleAds } from './google-ads';
import { jzt } from './jzt';
import { qianchuan } from './qianchuan';
import { shopeeAds } from './shopee-ads';
import type { SiteAdapter } from './types';

/** The ads back offices: what the ads pages' content script reads (it carries no shop adapter). */
export const ADS_SITES: readonly SiteAdapter[] = [alimama, jzt, qianchuan, shopeeAds, amazonAds, googleAds];

export const ADS_MATCHES: readonly string[] = [...new Set(ADS_SITES.flatMap((s) => s.matches))];

export function adsSiteFor(url: URL): SiteAdapter | undefined {
  return ADS_SITES.find((s) => s.isPage(url));
}
