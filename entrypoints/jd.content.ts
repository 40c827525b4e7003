import { siteScript } from '@/core/content/site-script';
import { jd } from '@/core/sites/jd';

/** 京东商智 (JD). */
export default defineContentScript(siteScript([jd]));
