import type { MetricId } from '../../core/metrics';

/**
 * The labels each back office prints, written from the platforms' own help pages and glossaries
 * (生意参谋 名词解释, 京东商智 指标说明, 抖店罗盘 指标含义, Amazon's Business Reports glossary, ShopifyQL's
 * sales and sessions schemas, GA4's metric definitions, Shopee's My Data guide) — independently of the
 * extension's catalogue, so the generated pages grade it against what the pages say.
 *
 * `labels`: words that name exactly one canonical quantity on that platform.
 * `negatives`: look-alikes printed on the same pages that are NOT any canonical quantity (the reader
 * must store nothing for them): order items, gross/net sales, add-to-cart and favourite counts,
 * impressions, engagement rate, new visitors, a channel's share…
 * Words whose meaning differs by screen (抖店's 成交订单数 counts SKU lines; GA4's "Total revenue"
 * includes ads and subscriptions; "Average engagement time" is per active user) are left out of both.
 */

/** The canonical ids only; the words below are this file's own. */
export type Metric = MetricId;

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export type PlatformId = 'sycm' | 'jd' | 'douyin' | 'pdd' | 'shopee' | 'shopify' | 'amazon' | 'ga4';

export type Kind = 'count' | 'money' | 'rate' | 'ratio' | 'duration';

export const KIND: Readonly<Record<Metric, Kind>> = {
  visitors: 'count',
  visits: 'count',
  pageViews: 'count',
  bounceRate: 'rate',
  pagesPerVisit: 'ratio',
  avgVisitDuration: 'duration',
  conversionRate: 'rate',
  paidBuyers: 'count',
  orders: 'count',
  unitsOrdered: 'count',
  avgOrderValue: 'money',
  sales: 'money',
  returningVisitors: 'count',
  returningVisitorShare: 'rate',
  adSpend: 'money',
  adSales: 'money',
  adRoas: 'ratio',
  adAcos: 'rate',
  adClicks: 'count',
  adImpressions: 'count',
  adCtr: 'rate',
  adCpc: 'money',
  adConversionRate: 'rate',
};

/** Unique counts: a column of them does not add up over items, sources or days. */
export const UNIQUE: ReadonlySet<Metric> = new Set(['visitors', 'paidBuyers', 'returningVisitors']);
/** Quantities whose sum over days is the range's value. */
export const ADDITIVE: ReadonlySet<Metric> = new Set(['visits', 'pageViews', 'orders', 'unitsOrdered', 'sales']);

export interface Vocab {
  labels: Partial<Record<Metric, readonly string[]>>;
  negatives: readonly string[];
  /** What a traffic-source table's first column is called, and some sources. */
  sourceDimension: string;
  sources: readonly string[];
  itemDimension: string;
  dateDimension: string;
  total: readonly string[];
  average: readonly string[];
}

const SYCM_CN: Vocab = {
  labels: {
    visitors: ['访客数', '店铺访客数'],
    pageViews: ['浏览量'],
    bounceRate: ['跳失率'],
    pagesPerVisit: ['人均浏览量', '平均访问深度'],
    avgVisitDuration: ['平均停留时长', '人均店内停留时间'],
    conversionRate: ['支付转化率'],
    paidBuyers: ['支付买家数'],
    orders: ['支付订单数', '支付笔数'],
    unitsOrdered: ['支付件数'],
    avgOrderValue: ['客单价'],
    sales: ['支付金额'],
    returningVisitors: ['老访客数'],
  },
  negatives: [
    '加购人数',
    '加购件数',
    '商品收藏人数',
    '下单买家数',
    '下单金额',
    '下单转化率',
    '支付商品数',
    '成功退款金额',
    '新访客数',
    '展现量',
    '支付子订单数',
  ],
  sourceDimension: '流量来源',
  sources: ['手淘搜索', '手淘首页', '直通车', '购物车', '我的淘宝', '淘内免费其他', '万相台'],
  itemDimension: '商品名称',
  dateDimension: '日期',
  total: ['合计', '总计'],
  average: ['日均', '平均值'],
};

const SYCM_TW: Vocab = {
  labels: {
    visitors: ['訪客數'],
    pageViews: ['瀏覽量'],
    bounceRate: ['跳失率'],
    pagesPerVisit: ['人均瀏覽量', '平均訪問深度'],
    avgVisitDuration: ['平均停留時長'],
    conversionRate: ['支付轉化率'],
    paidBuyers: ['支付買家數'],
    orders: ['支付訂單數'],
    unitsOrdered: ['支付件數'],
    avgOrderValue: ['客單價'],
    sales: ['支付金額'],
    returningVisitors: ['老訪客數'],
  },
  negatives: ['加購人數', '商品收藏人數', '下單買家數', '下單金額', '支付商品數', '新訪客數', '展現量'],
  sourceDimension: '流量來源',
  sources: ['手淘搜索', '手淘首頁', '直通車', '購物車'],
  itemDimension: '商品名稱',
  dateDimension: '日期',
  total: ['合計', '總計'],
  average: ['日均'],
};

const SYCM_EN: Vocab = {
  labels: {
    visitors: ['Visitors'],
    pageViews: ['Page views'],
    bounceRate: ['Bounce rate'],
    pagesPerVisit: ['Pages per visit'],
    conversionRate: ['Conversion rate'],
    paidBuyers: ['Paying buyers'],
    avgOrderValue: ['Average order value'],
    sales: ['Payment amount'],
  },
  negatives: ['Add-to-cart buyers', 'Favorited buyers', 'New visitors', 'Impressions'],
  sourceDimension: 'Traffic source',
  sources: ['Mobile Taobao search', 'Homepage recommendations', 'Paid search', 'Shopping cart'],
  itemDimension: 'Item',
  dateDimension: 'Date',
  total: ['Total'],
  average: ['Daily average'],
};

const JD_CN: Vocab = {
  labels: {
    visitors: ['访客数'],
    pageViews: ['浏览量'],
    bounceRate: ['跳失率'],
    pagesPerVisit: ['人均浏览量'],
    avgVisitDuration: ['平均停留时长'],
    conversionRate: ['成交转化率', '转化率'],
    paidBuyers: ['成交客户数', '成交人数'],
    orders: ['成交单量', '成交订单数'],
    unitsOrdered: ['成交商品件数'],
    avgOrderValue: ['客单价'],
    sales: ['成交金额'],
  },
  negatives: [
    '店铺关注人数',
    '30天重复购买率',
    '加购人数',
    '下单客户数',
    '下单金额',
    '下单单量',
    '入仓转化',
    '无线转化率',
    '商品关注人数',
  ],
  sourceDimension: '来源',
  sources: ['京东搜索', '首页推荐', '京东快车', '购物车', '店铺首页'],
  itemDimension: '商品名称',
  dateDimension: '日期',
  total: ['合计'],
  average: ['日均'],
};

const DOUYIN_CN: Vocab = {
  labels: {
    visitors: ['商品访客数'],
    pageViews: ['商品浏览量'],
    conversionRate: ['成交转化率'],
    paidBuyers: ['成交人数'],
    unitsOrdered: ['成交件数'],
    avgOrderValue: ['客单价'],
    sales: ['成交金额'],
  },
  negatives: [
    '商品曝光人数',
    '商品曝光次数',
    '商品点击人数',
    '退款金额',
    '千次观看成交金额',
    '直播间成交金额',
    '短视频成交金额',
    '加购人数',
  ],
  sourceDimension: '流量渠道',
  sources: ['直播', '短视频', '商品卡', '搜索', '商城推荐'],
  itemDimension: '商品',
  dateDimension: '日期',
  total: ['合计'],
  average: ['日均'],
};

const PDD_CN: Vocab = {
  labels: {
    visitors: ['商品访客数', '店铺访客数'],
    pageViews: ['商品浏览量'],
    conversionRate: ['成交转化率'],
    paidBuyers: ['成交买家数'],
    orders: ['成交订单数'],
    avgOrderValue: ['客单价'],
    sales: ['成交金额'],
  },
  negatives: ['商品收藏用户数', '曝光量', '点击率', '退款金额', '下单买家数', '推广花费'],
  sourceDimension: '流量来源',
  sources: ['搜索', '场景', '类目', '活动', '其他'],
  itemDimension: '商品名称',
  dateDimension: '日期',
  total: ['合计'],
  average: ['日均'],
};

const SHOPEE_TW: Vocab = {
  labels: {
    visitors: ['訪客數'],
    pageViews: ['頁面瀏覽數'],
    conversionRate: ['轉換率'],
    paidBuyers: ['買家數'],
    orders: ['訂單數'],
    avgOrderValue: ['平均每筆訂單銷售額', '每筆訂單平均銷售額'],
    sales: ['銷售額'],
  },
  negatives: ['取消訂單數', '退貨/退款訂單數', '曝光數', '商品點擊數', '新買家數', '加入購物車訪客數'],
  sourceDimension: '流量來源',
  sources: ['蝦皮搜尋', '首頁推薦', '商品頁推薦', '外部連結'],
  itemDimension: '商品',
  dateDimension: '日期',
  total: ['總計', '合計'],
  average: ['日均'],
};

const SHOPEE_EN: Vocab = {
  labels: {
    visitors: ['Visitors'],
    pageViews: ['Page Views'],
    conversionRate: ['Conversion Rate'],
    paidBuyers: ['Buyers'],
    orders: ['Orders'],
    avgOrderValue: ['Sales per Order'],
    sales: ['Sales'],
  },
  negatives: [
    'Cancelled Orders',
    'Returned/Refunded Orders',
    'Impressions',
    'Product Clicks',
    'New Buyers',
    'Visitors (Add to Cart)',
  ],
  sourceDimension: 'Traffic source',
  sources: ['Shopee search', 'Homepage', 'Similar products', 'External'],
  itemDimension: 'Product',
  dateDimension: 'Date',
  total: ['Total'],
  average: ['Daily average'],
};

const SHOPIFY_EN: Vocab = {
  labels: {
    visitors: ['Online store visitors'],
    visits: ['Sessions', 'Online store sessions'],
    pageViews: ['Pageviews'],
    bounceRate: ['Bounce rate'],
    pagesPerVisit: ['Pageviews per session'],
    avgVisitDuration: ['Average session duration'],
    conversionRate: ['Conversion rate', 'Online store conversion rate'],
    orders: ['Orders', 'Total orders'],
    avgOrderValue: ['Average order value'],
    sales: ['Total sales'],
  },
  negatives: [
    'Gross sales',
    'Net sales',
    'Discounts',
    'Returns',
    'Shipping charges',
    'Taxes',
    'Sessions with cart additions',
    'Reached checkout',
    'Orders fulfilled',
  ],
  sourceDimension: 'Referrer',
  sources: ['Direct', 'Search', 'Social', 'Email'],
  itemDimension: 'Product',
  dateDimension: 'Day',
  total: ['Total'],
  average: ['Average'],
};

const AMAZON_EN: Vocab = {
  labels: {
    visits: ['Sessions - Total', 'Sessions'],
    pageViews: ['Page Views - Total', 'Page Views'],
    conversionRate: ['Unit Session Percentage'],
    unitsOrdered: ['Units Ordered'],
    sales: ['Ordered Product Sales'],
  },
  negatives: [
    'Total Order Items',
    'Average Sales per Order Item',
    'Average Units per Order Item',
    'Order Item Session Percentage',
    'Featured Offer (Buy Box) Percentage',
    'Units Refunded',
    'Refund Rate',
    'Average Selling Price',
  ],
  sourceDimension: 'Channel',
  sources: ['Browser', 'Mobile app'],
  itemDimension: '(Child) ASIN',
  dateDimension: 'Date',
  total: ['Total'],
  average: ['Average'],
};

const GA4_EN: Vocab = {
  labels: {
    visitors: ['Active users', 'Users'],
    visits: ['Sessions'],
    pageViews: ['Views'],
    bounceRate: ['Bounce rate'],
    pagesPerVisit: ['Views per session'],
    avgVisitDuration: ['Average session duration'],
    paidBuyers: ['Total purchasers'],
    orders: ['Ecommerce purchases', 'Transactions'],
    sales: ['Purchase revenue'],
    returningVisitors: ['Returning users'],
  },
  negatives: [
    'Engagement rate',
    'Engaged sessions',
    'New users',
    'Event count',
    'Key events',
    'Engaged sessions per active user',
  ],
  sourceDimension: 'Session default channel group',
  sources: ['Organic Search', 'Direct', 'Paid Search', 'Referral', 'Email'],
  itemDimension: 'Item name',
  dateDimension: 'Date',
  total: ['Total'],
  average: ['Average'],
};

export const VOCAB: Readonly<Record<PlatformId, Partial<Record<Locale, Vocab>>>> = {
  sycm: { 'zh-CN': SYCM_CN, 'zh-TW': SYCM_TW, en: SYCM_EN },
  jd: { 'zh-CN': JD_CN },
  douyin: { 'zh-CN': DOUYIN_CN },
  pdd: { 'zh-CN': PDD_CN },
  shopee: { 'zh-TW': SHOPEE_TW, en: SHOPEE_EN },
  shopify: { en: SHOPIFY_EN },
  amazon: { en: AMAZON_EN },
  ga4: { en: GA4_EN },
};

/** Words around a number that make it another quantity than its card's (changes, peers, targets). */
export const DECOY_WORDS: Readonly<
  Record<
    Locale,
    { change: readonly string[]; peer: readonly string[]; target: readonly string[]; placeholder: readonly string[] }
  >
> = {
  'zh-CN': {
    change: ['较前一日', '较上周同期', '环比', '同比', '较上一周期'],
    peer: ['同行平均', '同行优秀', '同行同层平均'],
    target: ['目标', '日目标'],
    placeholder: ['--', '-'],
  },
  'zh-TW': {
    change: ['較前一日', '較上週同期', '環比'],
    peer: ['同行平均', '同行優秀'],
    target: ['目標'],
    placeholder: ['--', '-'],
  },
  en: {
    change: ['vs previous day', 'vs last week', 'vs previous period'],
    peer: ['Peer average', 'Top peers'],
    target: ['Target', 'Goal'],
    placeholder: ['--', '—', 'N/A'],
  },
};
