import { detectPeriod, isoDate } from '../reader/period';
import { recognise } from '../reader/recognise';
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
  read(root, { url, now, onRoot }) {
    const found = recognise(root, { defaultCurrency: 'CNY', adapter: 'sycm', ...(onRoot ? { onRoot } : {}) });
    let period = detectPeriod(root, now);
    if (/realtime|\/rt\b|shishi/i.test(url.pathname) && period.kind !== 'realtime') {
      const today = isoDate(now);
      period = { kind: 'realtime', start: today, end: today };
    }
    return { site: 'sycm', store: detectStore(root, 'sycm.taobao.com'), period, found };
  },
};
