import { siteScript } from '@/core/content/site-script';
import { googleAds } from '@/core/sites/google-ads';

/** Google Ads. */
export default defineContentScript(siteScript([googleAds]));
