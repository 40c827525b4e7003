import { siteScript } from '@/core/content/site-script';
import { amazon } from '@/core/sites/amazon';
import { amazonAds } from '@/core/sites/amazon-ads';

/** Amazon Seller Central and the Amazon Ads console: the shop's pages and the ads'. */
export default defineContentScript(siteScript([amazon, amazonAds]));
