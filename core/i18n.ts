import type { MetricId } from './metrics';

/**
 * Every string the operator sees, in zh-CN, zh-TW and en. English is the reference; the type makes
 * the Chinese tables complete (a missing key does not compile), and a test checks placeholders match.
 * Placeholders are {name}; values are inserted as text, never as HTML.
 */

const en = {
  appName: 'StorePulse',
  tagline: 'Your back office, watched.',

  metric_visitors: 'Visitors',
  metric_visits: 'Visits',
  metric_pageViews: 'Page views',
  metric_bounceRate: 'Bounce rate',
  metric_pagesPerVisit: 'Pages per visit',
  metric_avgVisitDuration: 'Visit duration',
  metric_conversionRate: 'Conversion rate',
  metric_paidBuyers: 'Buyers',
  metric_orders: 'Orders',
  metric_unitsOrdered: 'Units ordered',
  metric_avgOrderValue: 'Average order value',
  metric_sales: 'Sales',
  metric_returningVisitors: 'Returning visitors',
  metric_returningVisitorShare: 'Returning visitor share',

  severity_warn: 'Warning',
  severity_critical: 'Critical',

  role_promotion: 'Promotion',
  role_design: 'Design',
  role_service: 'Customer service',
  role_content: 'Content',
  role_merchandising: 'Merchandising',

  rule_above: '{metric} {value} is at or above {threshold}',
  rule_below: '{metric} {value} is below {threshold}',
  rule_belowOrAt: '{metric} {value} is at or below {threshold}',

  fix_bounceHigh_summary: 'Fix the landing page before buying more traffic.',
  fix_bounceHigh_step1:
    'Rework the first screen of the landing pages: main image, price and offer clear at a glance, related-item modules.',
  fix_bounceHigh_step2: 'Find which traffic source bounces most and start with its landing page.',
  fix_bounceHigh_step3: 'Hold paid traffic until the page passes: traffic into a leaky page loses money.',
  fix_depthLow_summary: 'Give visitors a next page: related items and store navigation.',
  fix_depthLow_step1: 'Add related recommendations and collections to item pages.',
  fix_depthLow_step2: 'Make the store navigation clear and link item pages back to the store.',
  fix_depthLow_step3: 'Check weekly and keep adjusting until pages per visit is above 3.5.',

  badge_open: 'Show advice',
  badge_close: 'Hide advice',
  badge_dismiss: 'Dismiss for today',
  badge_owner: 'Owner: {role}',
  badge_line: 'Line: {threshold}',
  badge_unreadable: 'Cannot read as shown',
  badge_unreadableWhy:
    'This number is drawn with a scrambling font: the page’s text differs from what you see. StorePulse does not store it rather than keep a wrong number.',
  severity_info: 'Note',

  reader_adapter: 'site reader',
  reader_generic: 'generic reader',

  period_day: '{start}',
  period_range: '{start} – {end}',
  period_realtime: 'Real-time, {start}',
  period_unknown: 'Read {start}',

  site_sycm: '生意参谋',
  site_jd: 'JD Shangzhi (京东商智)',
  site_douyin: 'Douyin Compass (抖店罗盘)',
  site_pdd: 'Pinduoduo seller centre',
  site_shopee: 'Shopee Seller Centre',
  site_shopify: 'Shopify',
  site_amazon: 'Amazon Seller Central',
  site_ga4: 'Google Analytics 4',
  fix_conversionLow_summary: 'Check the item page, price and reviews before adding traffic.',
  fix_conversionLow_step1: 'Review the item pages that get the most visitors: images, price against peers, reviews, stock.',
  fix_conversionLow_step2: "Check customer service: reply speed and the service team's conversion against the store average.",
  fix_conversionLow_step3: 'Compare with the same weekday last week before changing budgets.',
  fix_visitorsFell_summary: 'Visitors fell: find the traffic source that dropped and restore it.',
  fix_visitorsFell_step1:
    'Compare each traffic source (search, paid search such as 直通车, display, content) with the same weekday last week.',
  fix_visitorsFell_step2: 'Restore the keywords or budget of the source that fell.',
  fix_visitorsFell_step3: 'Check the cost per visitor before adding budget.',
  fix_aovFell_summary: 'Average order value fell: add bundles and spend-more offers.',
  fix_aovFell_step1: 'Offer bundles and add-on items on the best-selling item pages.',
  fix_aovFell_step2: "Set a spend-more offer (满减) just above today's average order value.",
  fix_aovFell_step3: 'Check whether a discount or a cheap item pulled the average down.',
  fix_salesBelowTarget_summary: 'Sales below target: see which of visitors, conversion and order value fell.',
  fix_salesBelowTarget_step1: 'Sales = visitors × conversion × average order value: find the factor that fell first.',
  fix_salesBelowTarget_step2: 'Visitors are the usual suspect: check which traffic source shrank and what it cost.',
  fix_salesBelowTarget_step3: 'Plan the day by role: promotion, design, customer service, content.',
  fix_returningThin_summary: 'Few returning visitors: care for members and post regularly.',
  fix_returningThin_step1: 'Customer service: member care and follow-ups; a new customer costs about 6× a returning one.',
  fix_returningThin_step2: 'Content: about three posts a day to social channels.',
  fix_returningThin_step3: 'Watch the returning visitor share weekly.',
  // custom-rule notifications
  notice_title: '{rule} · {store}',
} as const;

export type MessageKey = keyof typeof en;
type Table = Record<MessageKey, string>;

const zhCN: Table = {
  appName: '店脉 StorePulse',
  tagline: '后台数字，随时把脉。',

  metric_visitors: '访客数',
  metric_visits: '访问次数',
  metric_pageViews: '浏览量',
  metric_bounceRate: '跳失率',
  metric_pagesPerVisit: '人均浏览量',
  metric_avgVisitDuration: '平均停留时长',
  metric_conversionRate: '转化率',
  metric_paidBuyers: '支付买家数',
  metric_orders: '订单数',
  metric_unitsOrdered: '支付件数',
  metric_avgOrderValue: '客单价',
  metric_sales: '支付金额',
  metric_returningVisitors: '老访客数',
  metric_returningVisitorShare: '老访客占比',

  severity_warn: '预警',
  severity_critical: '严重',

  role_promotion: '推广',
  role_design: '美工',
  role_service: '客服',
  role_content: '内容',
  role_merchandising: '商品运营',

  rule_above: '{metric} {value}，已达到或高于 {threshold}',
  rule_below: '{metric} {value}，低于 {threshold}',
  rule_belowOrAt: '{metric} {value}，未超过 {threshold}',

  fix_bounceHigh_summary: '先改页面，再加推广。',
  fix_bounceHigh_step1: '重做落地页首屏：主图、价格和优惠一眼看清，加上关联商品模块。',
  fix_bounceHigh_step2: '找出跳失最高的流量来源，先改它的落地页。',
  fix_bounceHigh_step3: '页面达标前暂停加付费流量：流量进了漏水的页面，怎么推都亏钱。',
  fix_depthLow_summary: '给访客下一页可看：关联推荐和店铺导航。',
  fix_depthLow_step1: '在详情页加上关联推荐和商品合集。',
  fix_depthLow_step2: '理清店铺导航，详情页加上回到店铺的入口。',
  fix_depthLow_step3: '每周看一次，持续调整到人均浏览量高于 3.5。',

  badge_open: '查看建议',
  badge_close: '收起建议',
  badge_dismiss: '今天不再提示',
  badge_owner: '负责：{role}',
  badge_line: '界线：{threshold}',
  badge_unreadable: '无法如实读取',
  badge_unreadableWhy: '这个数字用加密字体显示，页面里的文字和屏幕上看到的不一样。店脉不保存它，以免记下错误的数字。',
  severity_info: '提示',

  reader_adapter: '站点读取器',
  reader_generic: '通用读取器',

  period_day: '{start}',
  period_range: '{start} 至 {end}',
  period_realtime: '实时，{start}',
  period_unknown: '{start} 读取',

  site_sycm: '生意参谋',
  site_jd: '京东商智',
  site_douyin: '抖店罗盘',
  site_pdd: '拼多多商家后台',
  site_shopee: 'Shopee 卖家中心',
  site_shopify: 'Shopify',
  site_amazon: '亚马逊卖家平台',
  site_ga4: 'Google Analytics 4',
  fix_conversionLow_summary: '先查详情页、价格和评价，再加流量。',
  fix_conversionLow_step1: '检查访客最多的商品详情页：主图、与同行比的价格、评价、库存。',
  fix_conversionLow_step2: '检查客服：响应速度，客服转化率与全店平均比。',
  fix_conversionLow_step3: '改预算前，先和上周同一天比一比。',
  fix_visitorsFell_summary: '访客下降：找出下降的流量来源，把它补回来。',
  fix_visitorsFell_step1: '把各流量来源（搜索、直通车等付费搜索、展示、内容）和上周同一天比。',
  fix_visitorsFell_step2: '恢复下降来源的关键词或预算。',
  fix_visitorsFell_step3: '加预算前先看单个访客成本。',
  fix_aovFell_summary: '客单价下降：加搭配套餐和满减。',
  fix_aovFell_step1: '在热销商品详情页加搭配套餐和加购商品。',
  fix_aovFell_step2: '满减门槛设在当前客单价之上一点。',
  fix_aovFell_step3: '查一下是否有折扣或低价商品拉低了客单价。',
  fix_salesBelowTarget_summary: '销售额未达标：看访客、转化率、客单价哪个掉了。',
  fix_salesBelowTarget_step1: '销售额 = 访客数 × 转化率 × 客单价：先找出掉下来的那个因素。',
  fix_salesBelowTarget_step2: '先怀疑访客：看哪个流量来源变少了，花了多少钱。',
  fix_salesBelowTarget_step3: '按角色安排今天的工作：推广、美工、客服、内容。',
  fix_returningThin_summary: '老访客太少：做会员关怀，坚持发内容。',
  fix_returningThin_step1: '客服：会员关怀和回访；拉新成本约是维护老客的 6 倍。',
  fix_returningThin_step2: '内容：每天在社交渠道发约三条内容。',
  fix_returningThin_step3: '每周看一次老访客占比。',
  // custom-rule notifications
  notice_title: '{rule} · {store}',
};

const zhTW: Table = {
  appName: '店脈 StorePulse',
  tagline: '後台數字，隨時把脈。',

  metric_visitors: '訪客數',
  metric_visits: '造訪次數',
  metric_pageViews: '瀏覽量',
  metric_bounceRate: '跳失率',
  metric_pagesPerVisit: '人均瀏覽量',
  metric_avgVisitDuration: '平均停留時間',
  metric_conversionRate: '轉換率',
  metric_paidBuyers: '付款買家數',
  metric_orders: '訂單數',
  metric_unitsOrdered: '售出件數',
  metric_avgOrderValue: '客單價',
  metric_sales: '銷售額',
  metric_returningVisitors: '舊訪客數',
  metric_returningVisitorShare: '舊訪客占比',

  severity_warn: '預警',
  severity_critical: '嚴重',

  role_promotion: '推廣',
  role_design: '美工',
  role_service: '客服',
  role_content: '內容',
  role_merchandising: '商品營運',

  rule_above: '{metric} {value}，已達到或高於 {threshold}',
  rule_below: '{metric} {value}，低於 {threshold}',
  rule_belowOrAt: '{metric} {value}，未超過 {threshold}',

  fix_bounceHigh_summary: '先改頁面，再加推廣。',
  fix_bounceHigh_step1: '重做到達頁首屏：主圖、價格和優惠一眼看清，加上關聯商品模組。',
  fix_bounceHigh_step2: '找出跳失最高的流量來源，先改它的到達頁。',
  fix_bounceHigh_step3: '頁面達標前暫停加付費流量：流量進了漏水的頁面，怎麼推都虧錢。',
  fix_depthLow_summary: '給訪客下一頁可看：關聯推薦和店鋪導覽。',
  fix_depthLow_step1: '在商品頁加上關聯推薦和商品合集。',
  fix_depthLow_step2: '理清店鋪導覽，商品頁加上回到店鋪的入口。',
  fix_depthLow_step3: '每週看一次，持續調整到人均瀏覽量高於 3.5。',

  badge_open: '查看建議',
  badge_close: '收起建議',
  badge_dismiss: '今天不再提示',
  badge_owner: '負責：{role}',
  badge_line: '界線：{threshold}',
  badge_unreadable: '無法如實讀取',
  badge_unreadableWhy: '這個數字用加密字型顯示，頁面裡的文字和螢幕上看到的不一樣。店脈不儲存它，以免記下錯誤的數字。',
  severity_info: '提示',

  reader_adapter: '站點讀取器',
  reader_generic: '通用讀取器',

  period_day: '{start}',
  period_range: '{start} 至 {end}',
  period_realtime: '即時，{start}',
  period_unknown: '{start} 讀取',

  site_sycm: '生意參謀',
  site_jd: '京東商智',
  site_douyin: '抖店羅盤',
  site_pdd: '拼多多商家後台',
  site_shopee: 'Shopee 賣家中心',
  site_shopify: 'Shopify',
  site_amazon: 'Amazon 賣家平台',
  site_ga4: 'Google Analytics 4',
  fix_conversionLow_summary: '先查商品頁、價格和評價，再加流量。',
  fix_conversionLow_step1: '檢查訪客最多的商品頁：主圖、與同業比的價格、評價、庫存。',
  fix_conversionLow_step2: '檢查客服：回覆速度，客服轉換率與全店平均比。',
  fix_conversionLow_step3: '改預算前，先和上週同一天比一比。',
  fix_visitorsFell_summary: '訪客下降：找出下降的流量來源，把它補回來。',
  fix_visitorsFell_step1: '把各流量來源（搜尋、直通車等付費搜尋、展示、內容）和上週同一天比。',
  fix_visitorsFell_step2: '恢復下降來源的關鍵字或預算。',
  fix_visitorsFell_step3: '加預算前先看單一訪客成本。',
  fix_aovFell_summary: '客單價下降：加搭配套餐和滿減。',
  fix_aovFell_step1: '在熱銷商品頁加搭配套餐和加購商品。',
  fix_aovFell_step2: '滿減門檻設在目前客單價之上一點。',
  fix_aovFell_step3: '查一下是否有折扣或低價商品拉低了客單價。',
  fix_salesBelowTarget_summary: '銷售額未達標：看訪客、轉換率、客單價哪個掉了。',
  fix_salesBelowTarget_step1: '銷售額 = 訪客數 × 轉換率 × 客單價：先找出掉下來的那個因素。',
  fix_salesBelowTarget_step2: '先懷疑訪客：看哪個流量來源變少了，花了多少錢。',
  fix_salesBelowTarget_step3: '按角色安排今天的工作：推廣、美工、客服、內容。',
  fix_returningThin_summary: '舊訪客太少：做會員關懷，持續發內容。',
  fix_returningThin_step1: '客服：會員關懷和回訪；開發新客的成本約是維護舊客的 6 倍。',
  fix_returningThin_step2: '內容：每天在社群管道發約三則內容。',
  fix_returningThin_step3: '每週看一次舊訪客占比。',
  // custom-rule notifications
  notice_title: '{rule} · {store}',
};

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
export const MESSAGES: Readonly<Record<Locale, Table>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Follows the browser's language: Traditional for zh-TW/HK/MO/Hant, Simplified for other Chinese. */
export function pickLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  for (const raw of languages) {
    const lang = raw.toLowerCase();
    if (/^zh-(tw|hk|mo)|^zh-hant/.test(lang)) return 'zh-TW';
    if (lang.startsWith('zh')) return 'zh-CN';
    if (lang.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The operator's choice in the options page, or the browser's language for 'auto'. */
/**
 * The language a stored settings object chooses, read without the settings module (the content script
 * needs only this); anything unreadable follows the browser, as the settings repair would.
 */
export function languageOf(settings: unknown): 'auto' | Locale {
  const language = (settings as { language?: unknown } | null)?.language;
  return LOCALES.includes(language as Locale) ? (language as Locale) : 'auto';
}

export function localeFor(choice: 'auto' | Locale, languages?: readonly string[]): Locale {
  return choice === 'auto' ? pickLocale(languages) : choice;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = MESSAGES[locale];
  return (key, params) => {
    const template: string = table[key] ?? en[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export function metricName(t: (key: MessageKey) => string, metric: MetricId): string {
  return t(`metric_${metric}` as MessageKey);
}
