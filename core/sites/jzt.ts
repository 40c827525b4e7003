import { ADS_METRICS } from '../metrics';
import { adsAccount } from './ads-account';
import { defineSite } from './define';

/**
 * 京准通, JD's ads back office (京东快车, 购物触点, 京东展位, 京速推 reports at jzt.jd.com). Money in CNY
 * without a marker, China's day. Only the ad metrics are read: its 订单金额 / 总订单金额 is what the ads
 * brought (→ adSales, never the shop's sales), its 转化率 the clicks' (→ adConversionRate). Report
 * columns: 花费, 展现数, 点击数, 点击率, 平均点击成本, 总订单金额, ROI (ad sales ÷ spend, printed "3.12"),
 * 转化率. 直接 / 间接 订单金额 are parts (qualifier rule); 订单行 and 订单数 count orders, 加购数 carts,
 * 千次展现成本 is a price of impressions: never mapped.
 */
export const jzt = defineSite({
  id: 'jzt',
  matches: ['https://jzt.jd.com/*'],
  metrics: ADS_METRICS,
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  labels: {
    加购数: null,
    千次展现成本: null,
    展现数: 'adImpressions',
    订单数: null,
    订单行: null,
    订单金额: 'adSales',
    转化率: 'adConversionRate',
  },
  store: (root) => adsAccount(root),
});
