/**
 * The metric catalogue: canonical ids (used in code, storage and exports), units, which direction
 * is better, and the label vocabulary back offices print for each metric.
 *
 * Labels are matched after `normalizeLabel` (case folded, full-width folded, spaces and trailing
 * punctuation/units removed), so list each wording once in its natural form. Longer, more specific
 * labels win over shorter ones ("老访客数" over "访客数"), so ambiguity is resolved by the matcher,
 * not by ordering this table.
 */

export type MetricId =
  | 'visitors'
  | 'visits'
  | 'pageViews'
  | 'bounceRate'
  | 'pagesPerVisit'
  | 'avgVisitDuration'
  | 'conversionRate'
  | 'paidBuyers'
  | 'orders'
  | 'unitsOrdered'
  | 'avgOrderValue'
  | 'sales'
  | 'returningVisitors'
  | 'returningVisitorShare'
  | 'adSpend'
  | 'adSales'
  | 'adRoas'
  | 'adAcos'
  | 'adClicks'
  | 'adImpressions'
  | 'adCtr'
  | 'adCpc'
  | 'adConversionRate';

/** rate: stored as a fraction; money: major units + currency; duration: seconds. */
export type MetricUnit = 'count' | 'rate' | 'ratio' | 'money' | 'duration';

export interface MetricDef {
  id: MetricId;
  unit: MetricUnit;
  better: 'up' | 'down';
  /** 'ads': printed by the ads back offices; their labels are read only where a site asks for them. */
  side?: 'ads';
  labels: { 'zh-CN': readonly string[]; 'zh-TW': readonly string[]; en: readonly string[] };
}

export const METRICS: readonly MetricDef[] = [
  {
    id: 'visitors',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['访客数', '店铺访客数', '商品访客数', '访客', 'UV'],
      'zh-TW': ['訪客數', '訪客', '不重複訪客'],
      en: ['Visitors', 'Unique visitors', 'Users', 'Total users', 'Active users'],
    },
  },
  {
    id: 'visits',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['访问次数', '会话数'],
      'zh-TW': ['造訪次數', '工作階段', '工作階段數'],
      en: ['Visits', 'Sessions', 'Online store sessions', 'Sessions - Total', 'Total sessions'],
    },
  },
  {
    id: 'pageViews',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['浏览量', '商品浏览量', 'PV'],
      'zh-TW': ['瀏覽量', '頁面瀏覽數', '瀏覽次數'],
      en: ['Page views', 'Pageviews', 'Views', 'Page Views - Total'],
    },
  },
  {
    id: 'bounceRate',
    unit: 'rate',
    better: 'down',
    labels: {
      'zh-CN': ['跳失率', '跳出率', '店铺跳失率'],
      'zh-TW': ['跳失率', '跳出率'],
      en: ['Bounce rate', 'Visits have bounced'],
    },
  },
  {
    id: 'pagesPerVisit',
    unit: 'ratio',
    better: 'up',
    labels: {
      'zh-CN': ['人均浏览量', '平均访问深度', '访问深度'],
      'zh-TW': ['人均瀏覽量', '平均訪問深度', '訪問深度'],
      en: [
        'Pages per visit',
        'Views per visit',
        'Views per session',
        'Pages per session',
        'Pages/session',
        'Pageviews per session',
      ],
    },
  },
  {
    id: 'avgVisitDuration',
    unit: 'duration',
    better: 'up',
    labels: {
      'zh-CN': ['平均停留时长', '人均停留时长'],
      'zh-TW': ['平均停留時間', '平均停留時長'],
      en: [
        'Visit duration',
        'Average visit duration',
        'Avg. visit duration',
        'Average engagement time',
        'Avg. session duration',
        'Average session duration',
      ],
    },
  },
  {
    id: 'conversionRate',
    unit: 'rate',
    better: 'up',
    labels: {
      'zh-CN': ['支付转化率', '成交转化率', '转化率', '下单转化率'],
      'zh-TW': ['轉換率', '轉化率', '付款轉換率', '支付轉化率'],
      en: ['Conversion rate', 'Unit Session Percentage', 'Online store conversion rate'],
    },
  },
  {
    id: 'paidBuyers',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['支付买家数', '成交人数', '成交买家数'],
      'zh-TW': ['付款買家數', '買家數', '支付買家數'],
      en: ['Buyers', 'Customers', 'Paying customers', 'Paying buyers'],
    },
  },
  {
    id: 'orders',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['支付订单数', '成交订单数', '订单数'],
      'zh-TW': ['訂單數', '訂單', '支付訂單數'],
      en: ['Orders', 'Total orders'],
    },
  },
  {
    id: 'unitsOrdered',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['支付件数', '成交件数'],
      'zh-TW': ['售出件數', '支付件數'],
      en: ['Units ordered', 'Units sold'],
    },
  },
  {
    id: 'avgOrderValue',
    unit: 'money',
    better: 'up',
    labels: {
      'zh-CN': ['客单价', '平均客单价'],
      'zh-TW': ['客單價', '每筆訂單平均銷售額', '平均訂單金額'],
      en: ['Average order value', 'AOV', 'Avg. order value', 'Sales per order', 'Average sales per order'],
    },
  },
  {
    id: 'sales',
    unit: 'money',
    better: 'up',
    labels: {
      'zh-CN': ['支付金额', '成交金额', '销售额', 'GMV'],
      'zh-TW': ['銷售額', '營收', '付款金額', '支付金額'],
      en: ['Total sales', 'Sales', 'Revenue', 'Ordered product sales', 'Total revenue', 'Purchase revenue'],
    },
  },
  {
    id: 'returningVisitors',
    unit: 'count',
    better: 'up',
    labels: {
      'zh-CN': ['老访客数', '回访客数'],
      'zh-TW': ['舊訪客數', '回訪客', '老訪客數'],
      en: ['Returning visitors', 'Returning customers'],
    },
  },
  {
    id: 'returningVisitorShare',
    unit: 'rate',
    better: 'up',
    labels: {
      'zh-CN': ['老访客占比', '老访客比例'],
      'zh-TW': ['舊訪客占比', '舊訪客佔比'],
      en: ['Returning visitor rate', 'Returning customer rate'],
    },
  },
  // The promotion side: what the ads back offices print (spend, what it brought). ROI / ROAS is ad sales ÷
  // spend (a ratio: 3.2 means ¥3.2 of sales per ¥1); ACoS is spend ÷ ad sales (a rate).
  {
    id: 'adSpend',
    side: 'ads',
    unit: 'money',
    better: 'down',
    labels: {
      'zh-CN': ['花费', '推广花费', '消耗', '总花费'],
      'zh-TW': ['花費', '廣告花費', '廣告費用'],
      en: ['Spend', 'Ad spend', 'Total spend'],
    },
  },
  {
    id: 'adSales',
    side: 'ads',
    unit: 'money',
    better: 'up',
    labels: {
      'zh-CN': ['总成交金额', '推广成交金额', '广告成交金额'],
      'zh-TW': ['廣告銷售金額', '廣告成交金額'],
      en: ['Ad sales', 'Attributed sales', 'Conv. value'],
    },
  },
  {
    id: 'adRoas',
    side: 'ads',
    unit: 'ratio',
    better: 'up',
    labels: {
      'zh-CN': ['投入产出比', '投产比', 'ROI'],
      'zh-TW': ['投資報酬率', '廣告投資報酬率'],
      en: ['ROAS', 'Conv. value / cost'],
    },
  },
  {
    id: 'adAcos',
    side: 'ads',
    unit: 'rate',
    better: 'down',
    labels: { 'zh-CN': ['ACoS'], 'zh-TW': ['ACoS'], en: ['ACoS'] },
  },
  {
    id: 'adClicks',
    side: 'ads',
    unit: 'count',
    better: 'up',
    labels: { 'zh-CN': ['点击量', '点击数'], 'zh-TW': ['點擊數', '點擊次數'], en: ['Clicks'] },
  },
  {
    id: 'adImpressions',
    side: 'ads',
    unit: 'count',
    better: 'up',
    labels: { 'zh-CN': ['展现量', '曝光量'], 'zh-TW': ['曝光次數', '曝光數'], en: ['Impressions', 'Impr.'] },
  },
  {
    id: 'adCtr',
    side: 'ads',
    unit: 'rate',
    better: 'up',
    labels: { 'zh-CN': ['点击率'], 'zh-TW': ['點擊率'], en: ['CTR', 'Click-through rate'] },
  },
  {
    id: 'adCpc',
    side: 'ads',
    unit: 'money',
    better: 'down',
    labels: {
      'zh-CN': ['平均点击花费', '平均点击成本'],
      'zh-TW': ['平均點擊成本', '每次點擊成本'],
      en: ['CPC', 'Avg. CPC', 'Cost per click', 'PPC'],
    },
  },
  {
    id: 'adConversionRate',
    side: 'ads',
    unit: 'rate',
    better: 'up',
    labels: { 'zh-CN': ['点击转化率'], 'zh-TW': ['點擊轉換率'], en: ['Click conversion rate'] },
  },
];

export const METRIC_IDS: readonly MetricId[] = /* @__PURE__ */ METRICS.map((m) => m.id);

/** The shop's own metrics: what a store back office's labels are matched against. */
export const SHOP_METRICS: readonly MetricDef[] = METRICS.filter((m) => m.side !== 'ads');

/** The promotion side only: what an ads back office's labels are matched against (its 成交金额 is the ads' own). */
export const ADS_METRICS: readonly MetricDef[] = /* @__PURE__ */ METRICS.filter((m) => m.side === 'ads');

const BY_ID = new Map<MetricId, MetricDef>(METRICS.map((m) => [m.id, m]));

export function metricDef(id: MetricId): MetricDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown metric id: ${id}`);
  return def;
}

export function isMetricId(value: unknown): value is MetricId {
  return typeof value === 'string' && BY_ID.has(value as MetricId);
}

/**
 * Folds a label as printed into the form the vocabulary is indexed by: NFKC (full-width → ASCII),
 * lower case (CSS text-transform does not change textContent, but some pages print upper case),
 * no whitespace, no trailing colon, no trailing unit hint such as "(%)" or "（元）", no info marks.
 */
export function normalizeLabel(text: string, keepSpaces = false): string {
  return text
    .replace(/[ⓘ🛈ℹ]/gu, '') // info marks; NFKC would fold ⓘ into a letter "i"
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-') // "Sessions – Total": every dash is a hyphen
    .toLowerCase()
    .replace(/[\s\u200b\u00a0]+/g, keepSpaces ? ' ' : '')
    .trim()
    .replace(/^[,，;；、|·]+\s*/u, '')
    .replace(/[ⓘ?？*＊:：,，;；、\s]+$/u, '')
    .replace(/\s*[(（][^()（）]{0,6}[)）]$/u, '')
    .replace(/[ⓘ?？*＊:：\s]+$/u, '');
}

/**
 * Look-alikes that must never be read as a metric, on any site: lines of a sales breakdown (Gross
 * sales, Net sales, Discounts, Returns, Shipping, Taxes), order items (an order holds several), unique
 * pageviews (not page views), add-to-cart and favourite counts (加购人数, 收藏人数: not visitors or
 * buyers), refunds, targets and thresholds (目标, Goal, Target), peer benchmarks (同行 …). Each is a
 * label of its own: it never maps, and it keeps a neighbouring label from taking its number; a label
 * that ends in one (商品收藏人数, Sales target) is one too. Sorted; a test checks the order and that
 * none is also a catalogue label.
 */
export const NEVER_LABELS: readonly string[] = [
  'Add to cart',
  'Added to cart',
  'Discounts',
  'Goal',
  'Gross sales',
  'Net sales',
  'Order items',
  'Refunds',
  'Returns',
  'Shipping',
  'Target',
  'Taxes',
  'Total order items',
  'Unique pageviews',
  'Units refunded',
  '优惠金额',
  '加入購物車人數',
  '加购人数',
  '加购件数',
  '加购次数',
  '同行优秀',
  '同行同层平均',
  '同行平均',
  '收藏人数',
  '收藏人數',
  '收藏次数',
  '目标',
  '目标值',
  '目标金额',
  '目標',
  '目標值',
  '行业平均',
  '退款金額',
  '退款金额',
];

/** A site's own words: label as printed → metric, or null for a look-alike that must not map there. */
export type Vocabulary = Readonly<Record<string, MetricId | null>>;

/**
 * The vocabulary as one lookup table: normalized label → metric id, or null for a look-alike. The
 * catalogue first, then the never-map list, then the site's own words, which decide where a label's
 * meaning differs by site.
 */
export function buildLabelIndex(
  metrics: readonly MetricDef[] = SHOP_METRICS,
  site: Vocabulary = {},
): Map<string, MetricId | null> {
  const index = new Map<string, MetricId | null>();
  for (const m of metrics) {
    for (const list of Object.values(m.labels)) {
      for (const label of list) {
        const key = normalizeLabel(label);
        const existing = index.get(key);
        if (existing && existing !== m.id) {
          throw new Error(`label "${label}" is claimed by both ${existing} and ${m.id}`);
        }
        index.set(key, m.id);
      }
    }
  }
  for (const label of NEVER_LABELS) {
    const key = normalizeLabel(label);
    if (index.get(key)) throw new Error(`look-alike "${label}" is also a catalogue label`);
    index.set(key, null);
  }
  for (const [label, id] of Object.entries(site)) index.set(normalizeLabel(label), id);
  return index;
}
