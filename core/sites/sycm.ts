import { shopFromAccount } from './account-nick';
import { readComparisons } from './compare';
import { defineSite } from './define';

/**
 * 生意参谋 (Taobao/Tmall's back office). It prints money without a currency marker (always CNY),
 * shows the statistics date as "统计时间 YYYY-MM-DD", its real-time tools live under paths that name
 * them (…/realtime…), and its top bar prints the signed-in account as "店铺名:子账号" (Taobao's
 * sub-account login), which names the shop even when the name does not end in 店. Its 竞争 pages
 * (/mc/ci/…) put our shop beside chosen peer shops; the peers' numbers are stored as theirs. Its day
 * is China's. 支付 figures are the shop's (支付金额 → sales, 支付买家数 → paidBuyers, 支付转化率 →
 * conversionRate); 下单 figures count orders placed and not paid, and 支付子订单数 counts order lines
 * (one per item of an order): never mapped.
 */
export const sycm = defineSite({
  id: 'sycm',
  matches: ['https://sycm.taobao.com/*'],
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  realtimePath: /realtime|\/rt\b|shishi/i,
  labels: {
    'Payment amount': 'sales',
    下单买家数: null,
    下单转化率: null,
    下单金额: null,
    人均店内停留时间: 'avgVisitDuration',
    支付笔数: 'orders',
  },
  store: (root, _url, memo) => shopFromAccount(root, memo),
  refine: (found, { url, currency }) => (/^\/mc\//.test(url.pathname) ? readComparisons(found, currency) : found),
});
