import { siteScript } from '@/core/content/site-script';
import { qianchuan } from '@/core/sites/qianchuan';

/** 巨量千川 (Douyin's ads). */
export default defineContentScript(siteScript([qianchuan]));
