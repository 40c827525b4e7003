import { siteScript } from '@/core/content/site-script';
import { alimama } from '@/core/sites/alimama';

/** 阿里妈妈 (万相台, 直通车, 超级推荐). */
export default defineContentScript(siteScript([alimama]));
