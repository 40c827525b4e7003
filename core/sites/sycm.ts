import { detectPeriod, isoDate } from '../reader/period';
import { recognise } from '../reader/recognise';
import { scanPage } from '../reader/scan';
import { detectStore } from '../reader/store';
import type { SiteAdapter } from './types';

/**
 * 生意参谋 (Taobao/Tmall's back office). It prints money without a currency marker (always CNY),
 * shows the statistics date as "统计时间 YYYY-MM-DD", and its real-time tools live under paths that
 * name them (…/realtime…), where the numbers are today's and change during the day.
 */
export const sycm: SiteAdapter = {
  id: 'sycm',
  matches: ['https://sycm.taobao.com/*'],
  isPage: (url) => url.protocol === 'https:' && url.hostname === 'sycm.taobao.com',
  read(root, { url, now, onRoot, hosts }) {
    const scan = scanPage(root as Document | Element, hosts ? { hosts } : {});
    if (onRoot) scan.roots.forEach(onRoot);
    const found = recognise(root, { scan, defaultCurrency: 'CNY', adapter: 'sycm' });
    let period = detectPeriod(root, now, scan);
    if (/realtime|\/rt\b|shishi/i.test(url.pathname) && period.kind !== 'realtime') {
      const today = isoDate(now);
      period = { kind: 'realtime', start: today, end: today };
    }
    return { site: 'sycm', store: detectStore(root, 'sycm.taobao.com', scan), period, found };
  },
};
