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
export type PlatformId =
  | 'sycm'
  | 'jd'
  | 'douyin'
  | 'pdd'
  | 'shopee'
  | 'shopify'
  | 'amazon'
  | 'ga4'
  | 'alimama'
  | 'jzt'
  | 'qianchuan'
  | 'shopee-ads'
  | 'amazon-ads'
  | 'google-ads';

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

// The ads back offices: their report columns as their help pages and report exports name them. On these
// pages 成交金额 / Sales / 转化率 are what the ads brought; orders, conversions and items sold are counts of
// theirs that are no metric here, 直接 / Direct figures are parts of the whole.

const ALIMAMA_CN: Vocab = {
  labels: {
    adSpend: ['花费'],
    adImpressions: ['展现量'],
    adClicks: ['点击量'],
    adCtr: ['点击率'],
    adCpc: ['平均点击花费'],
    adSales: ['总成交金额', '成交金额'],
    adRoas: ['投入产出比'],
    adConversionRate: ['点击转化率'],
  },
  negatives: ['总成交笔数', '直接成交金额', '间接成交金额', '总购物车数', '收藏宝贝数', '千次展现成本'],
  sourceDimension: '计划名称',
  sources: ['关键词推广-主推款', '人群推广-拉新', '货品加速-新品', '店铺直达', '内容营销-短视频'],
  itemDimension: '推广宝贝',
  dateDimension: '日期',
  total: ['合计', '汇总'],
  average: ['日均'],
};

const JZT_CN: Vocab = {
  labels: {
    adSpend: ['花费'],
    adImpressions: ['展现数'],
    adClicks: ['点击数'],
    adCtr: ['点击率'],
    adCpc: ['平均点击成本'],
    adSales: ['总订单金额'],
    adRoas: ['ROI'],
    adConversionRate: ['转化率'],
  },
  negatives: ['总订单行', '直接订单金额', '间接订单金额', '总加购数', '千次展现成本'],
  sourceDimension: '推广计划',
  sources: ['快车-床头柜-精准', '快车-书架-智能', '购物触点-首页', '京东展位-品牌'],
  itemDimension: '推广商品',
  dateDimension: '日期',
  total: ['合计'],
  average: ['日均'],
};

const QIANCHUAN_CN: Vocab = {
  labels: {
    adSpend: ['整体消耗', '消耗'],
    adImpressions: ['展示次数'],
    adClicks: ['点击次数'],
    adCtr: ['点击率'],
    adCpc: ['平均点击单价'],
    adSales: ['整体成交金额'],
    adRoas: ['整体支付ROI', '支付ROI'],
    adConversionRate: ['转化率'],
  },
  negatives: ['转化数', '转化成本', '直接成交金额', '直接支付ROI', '平均千次展示费用', '成交订单数'],
  sourceDimension: '计划名称',
  sources: ['直播间-全域推广', '商品卡-测款', '短视频-种草', '直播间-拉新'],
  itemDimension: '推广商品',
  dateDimension: '日期',
  total: ['合计', '总计'],
  average: ['日均'],
};

const SHOPEE_ADS_EN: Vocab = {
  labels: {
    adSpend: ['Expense'],
    adImpressions: ['Impressions'],
    adClicks: ['Clicks'],
    adCtr: ['CTR'],
    adSales: ['GMV', 'Sales'],
    adRoas: ['ROAS'],
    adAcos: ['ACOS'],
    adConversionRate: ['Conversion Rate'],
  },
  negatives: ['Conversions', 'Direct Conversions', 'Items Sold', 'Cost per Conversion', 'Direct GMV', 'Direct ROAS'],
  sourceDimension: 'Ad Name',
  sources: ['Search Ads - Bedside Table', 'Shop Ads', 'Discovery Ads - Shelf', 'Auto Ads'],
  itemDimension: 'Product',
  dateDimension: 'Date',
  total: ['Total'],
  average: ['Daily average'],
};

const SHOPEE_ADS_TW: Vocab = {
  labels: {
    adSpend: ['花費'],
    adImpressions: ['曝光次數'],
    adClicks: ['點擊數'],
    adCtr: ['點擊率'],
    adSales: ['銷售金額'],
    adRoas: ['廣告投資報酬率'],
    adAcos: ['ACOS'],
    adConversionRate: ['轉換率'],
  },
  negatives: ['轉換數', '已售出商品數', '每筆轉換成本', '直接轉換數'],
  sourceDimension: '廣告名稱',
  sources: ['關鍵字廣告-床頭櫃', '商店廣告', '關聯廣告-書架'],
  itemDimension: '商品',
  dateDimension: '日期',
  total: ['總計'],
  average: ['日均'],
};

const AMAZON_ADS_EN: Vocab = {
  labels: {
    adSpend: ['Spend'],
    adImpressions: ['Impressions'],
    adClicks: ['Clicks'],
    adCtr: ['CTR'],
    adCpc: ['CPC'],
    adSales: ['Sales'],
    adAcos: ['ACOS'],
    adRoas: ['ROAS'],
  },
  negatives: ['Orders', 'Units', 'Top-of-search impression share'],
  sourceDimension: 'Campaigns',
  sources: ['SP - Bedside Tables - Exact', 'SP - Shelves - Auto', 'SB - Brand', 'SD - Retargeting'],
  itemDimension: 'Advertised product',
  dateDimension: 'Date',
  total: ['Total'],
  average: ['Average'],
};

const GOOGLE_ADS_EN: Vocab = {
  labels: {
    adSpend: ['Cost'],
    adImpressions: ['Impr.'],
    adClicks: ['Clicks'],
    adCtr: ['CTR'],
    adCpc: ['Avg. CPC'],
    adSales: ['Conv. value'],
    adRoas: ['Conv. value / cost'],
    adConversionRate: ['Conv. rate'],
  },
  negatives: ['Conversions', 'Cost / conv.', 'All conv. value', 'Avg. CPM', 'Interactions'],
  sourceDimension: 'Campaign',
  sources: ['Search - Bedside tables', 'Performance Max - Shelves', 'Shopping - All products', 'Display - Remarketing'],
  itemDimension: 'Product',
  dateDimension: 'Day',
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
  alimama: { 'zh-CN': ALIMAMA_CN },
  jzt: { 'zh-CN': JZT_CN },
  qianchuan: { 'zh-CN': QIANCHUAN_CN },
  'shopee-ads': { en: SHOPEE_ADS_EN, 'zh-TW': SHOPEE_ADS_TW },
  'amazon-ads': { en: AMAZON_ADS_EN },
  'google-ads': { en: GOOGLE_ADS_EN },
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
