import { siteScript } from '@/core/content/site-script';
import { shopify } from '@/core/sites/shopify';

/** Shopify admin. */
export default defineContentScript(siteScript([shopify]));
