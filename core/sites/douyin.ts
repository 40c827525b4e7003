import { defineSite } from './define';

/**
 * 抖店罗盘 (Douyin shop compass): generated class names, 万-scaled values, money in CNY, China's day.
 * 成交金额 → sales, 成交人数 → paidBuyers, 成交订单数 → orders, 成交件数 → unitsOrdered (all in the
 * catalogue); 商品曝光人数 / 商品曝光次数 count people shown an item and showings, not visitors or views.
 */
export const douyin = defineSite({
  id: 'douyin',
  matches: ['https://compass.jinritemai.com/*'],
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  realtimePath: /realtime|real-time|live/i,
  labels: {
    商品曝光人数: null,
    商品曝光次数: null,
  },
});
