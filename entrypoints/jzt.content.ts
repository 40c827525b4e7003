import { siteScript } from '@/core/content/site-script';
import { jzt } from '@/core/sites/jzt';

/** 京准通 (JD's ads). */
export default defineContentScript(siteScript([jzt]));
