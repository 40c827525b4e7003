import { siteScript } from '@/core/content/site-script';
import { sycm } from '@/core/sites/sycm';

/** 生意参谋 (Taobao/Tmall). */
export default defineContentScript(siteScript([sycm]));
