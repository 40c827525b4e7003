import { siteScript } from '@/core/content/site-script';
import { douyin } from '@/core/sites/douyin';

/** 抖店罗盘 (Douyin). */
export default defineContentScript(siteScript([douyin]));
