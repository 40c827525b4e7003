import { shopFromAccount } from './account-nick';
import { defineSite } from './define';

/**
 * 京东商智 (JD's back office). Money in CNY, often without a marker; real-time boards under paths that
 * say so; the day is China's. Its 成交 wording: 成交金额 → sales, 成交客户数 / 成交人数 → paidBuyers
 * (转化率 = 成交客户数 ÷ 访客数, 客单价 = 成交金额 ÷ 成交客户数 in its help), 成交单量 → orders, 成交商品件数
 * → unitsOrdered. 下单 figures count orders placed, not completed: never mapped.
 */
export const jd = defineSite({
  id: 'jd',
  matches: ['https://sz.jd.com/*'],
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  realtimePath: /realtime/i,
  store: (root, _url, memo) => shopFromAccount(root, memo),
  labels: {
    下单单量: null,
    下单客户数: null,
    下单转化率: null,
    下单金额: null,
    成交单量: 'orders',
    成交商品件数: 'unitsOrdered',
    成交客户数: 'paidBuyers',
  },
});
