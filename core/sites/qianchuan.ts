import { ADS_METRICS } from '../metrics';
import { adsAccount } from './ads-account';
import { defineSite } from './define';

/**
 * 巨量千川, Douyin's e-commerce ads (qianchuan.jinritemai.com). Money in CNY, China's day. Only the ad
 * metrics are read: its 成交金额 (整体成交金额) is what the ads brought (→ adSales, never the shop's), its
 * 支付ROI (整体支付ROI: ad GMV ÷ 消耗, printed "2.84") → adRoas, 转化率 → adConversionRate. Report
 * columns: 消耗 (整体消耗), 展示次数, 点击次数, 点击率, 平均点击单价, 转化率. 直接 figures are parts (qualifier
 * rule); 转化数 and 成交订单数 count conversions and orders, 转化成本 and 平均千次展示费用 are prices: never
 * mapped.
 */
export const qianchuan = defineSite({
  id: 'qianchuan',
  matches: ['https://qianchuan.jinritemai.com/*'],
  metrics: ADS_METRICS,
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  labels: {
    展示次数: 'adImpressions',
    平均千次展示费用: null,
    平均点击单价: 'adCpc',
    成交订单数: null,
    成交金额: 'adSales',
    支付ROI: 'adRoas',
    点击次数: 'adClicks',
    转化成本: null,
    转化数: null,
    转化率: 'adConversionRate',
  },
  store: (root) => adsAccount(root),
});
