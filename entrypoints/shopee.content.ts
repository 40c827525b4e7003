import { siteScript } from '@/core/content/site-script';
import { shopee } from '@/core/sites/shopee';
import { shopeeAds } from '@/core/sites/shopee-ads';

/** Shopee Seller Centre: the shop's pages and Shopee Ads on the same hosts. */
export default defineContentScript(siteScript([shopee, shopeeAds]));
