import { defineSite } from './define';

/**
 * 拼多多商家后台. Money in CNY, China's day. Some of its numbers are drawn with an obfuscating web font
 * (see core/reader/fonts.ts). 成交买家数 → paidBuyers, 成交订单数 → orders; 商品收藏用户数 is no visitor count.
 */
export const pdd = defineSite({
  id: 'pdd',
  matches: ['https://mms.pinduoduo.com/*'],
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  realtimePath: /realtime|real_time/i,
  labels: {
    商品收藏用户数: null,
  },
});
