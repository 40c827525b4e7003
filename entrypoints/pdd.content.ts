import { siteScript } from '@/core/content/site-script';
import { pdd } from '@/core/sites/pdd';

/** 拼多多商家后台. */
export default defineContentScript(siteScript([pdd]));
