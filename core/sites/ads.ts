import { alimama } from './alimama';
import { amazonAds } from './amazon-ads';
import { googleAds } from './google-ads';
import { jzt } from './jzt';
import { qianchuan } from './qianchuan';
import { shopeeAds } from './shopee-ads';
import type { SiteAdapter } from './types';

/** The ads back offices: they read the ad metrics only (their content scripts: CONTENT_SCRIPTS in ./index.ts). */
export const ADS_SITES: readonly SiteAdapter[] = [alimama, jzt, qianchuan, shopeeAds, amazonAds, googleAds];

export function adsSiteFor(url: URL): SiteAdapter | undefined {
  return ADS_SITES.find((s) => s.isPage(url));
}
