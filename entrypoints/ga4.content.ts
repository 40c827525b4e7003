import { siteScript } from '@/core/content/site-script';
import { ga4 } from '@/core/sites/ga4';

/** Google Analytics 4. */
export default defineContentScript(siteScript([ga4]));
