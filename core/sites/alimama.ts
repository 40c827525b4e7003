import { ADS_METRICS } from '../metrics';
import { adsAccount } from './ads-account';
import { defineSite } from './define';

/**
 * 阿里妈妈, Taobao/Tmall's ads back office: 万相台无界版 (one.alimama.com), the older 直通车
 * (subway.simba.taobao.com) and 超级推荐 / 引力魔方 (tuijian.taobao.com). Money in CNY without a marker,
 * China's day. Only the ad metrics are read here: its 成交金额 is what the ads brought (→ adSales), never
 * the shop's sales, and its 转化率 is the clicks' (→ adConversionRate). Report columns: 花费, 展现量,
 * 点击量, 点击率, 平均点击花费, 总成交金额, 投入产出比 (ad sales ÷ spend, printed "3.25"), 点击转化率.
 * 直接 / 间接 figures are parts of the whole (the qualifier rule keeps them apart); 总成交笔数 counts
 * orders the ads brought, 收藏 / 购物车 counts and 千次展现成本 are no metric of ours. A table of plans
 * (计划), units (单元) or keywords is read as parts; its 合计 row is not the account's total.
 */
export const alimama = defineSite({
  id: 'alimama',
  matches: ['https://one.alimama.com/*', 'https://subway.simba.taobao.com/*', 'https://tuijian.taobao.com/*'],
  metrics: ADS_METRICS,
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  realtimePath: /realtime/i,
  labels: {
    千次展现成本: null,
    总成交笔数: null,
    总收藏加购数: null,
    总购物车数: null,
    成交笔数: null,
    成交金额: 'adSales',
    收藏宝贝数: null,
    转化率: 'adConversionRate',
  },
  store: (root) => adsAccount(root),
});
