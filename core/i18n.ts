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

  popup_title: 'Today',
  popup_alerts: '{count} open alerts',
  popup_alert_one: '1 open alert',
  popup_noAlerts: 'No open alerts today.',
  popup_readCount: '{count} numbers read today',
  popup_emptyTitle: 'Nothing read yet',
  popup_emptyBody:
    'Open your back office as usual and StorePulse reads the numbers on the page. Start with the home page of 生意参谋 (Taobao and Tmall):',
  popup_openSycm: 'Open 生意参谋 home',
  popup_supported: 'Supported: {sites}',
  popup_value: 'Value',
  popup_threshold: 'Line',
  popup_readAt: 'Read {time}',
  popup_readAtLabel: 'Read at',
  popup_period: 'Period',
  popup_owner: 'Owner',
  popup_fix: 'What to do:',
  popup_dismiss: 'Dismiss for today',
  popup_dismissed: '{count} dismissed for today',
  popup_latest: 'Latest numbers',
  popup_source: 'Read from “{label}” ({reader})',
  popup_storageError: 'StorePulse could not save the last readings: {error}. They will be retried.',
  popup_privacy: 'Read only from pages you open. Kept on this computer. Nothing is sent anywhere.',

  reader_adapter: 'site reader',
  reader_generic: 'generic reader',

  period_day: '{start}',
  period_range: '{start} – {end}',
  period_realtime: 'Real-time, {start}',
  period_unknown: 'Read {start}',

  site_sycm: '生意参谋',
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

  popup_title: '今日',
  popup_alerts: '{count} 条待处理提醒',
  popup_alert_one: '1 条待处理提醒',
  popup_noAlerts: '今天没有待处理的提醒。',
  popup_readCount: '今天已读取 {count} 个数字',
  popup_emptyTitle: '还没有读到数据',
  popup_emptyBody: '像平时一样打开后台，店脉会读取页面上的数字。先打开生意参谋首页：',
  popup_openSycm: '打开生意参谋首页',
  popup_supported: '支持：{sites}',
  popup_value: '数值',
  popup_threshold: '界线',
  popup_readAt: '{time} 读取',
  popup_readAtLabel: '读取时间',
  popup_period: '统计时间',
  popup_owner: '负责',
  popup_fix: '怎么做：',
  popup_dismiss: '今天不再提示',
  popup_dismissed: '今天已忽略 {count} 条',
  popup_latest: '最新数字',
  popup_source: '读自“{label}”（{reader}）',
  popup_storageError: '店脉没能保存最近的数据：{error}。稍后会重试。',
  popup_privacy: '只读取你打开的页面，数据只存在这台电脑上，不发送到任何地方。',

  reader_adapter: '站点读取器',
  reader_generic: '通用读取器',

  period_day: '{start}',
  period_range: '{start} 至 {end}',
  period_realtime: '实时，{start}',
  period_unknown: '{start} 读取',

  site_sycm: '生意参谋',
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

  popup_title: '今日',
  popup_alerts: '{count} 則待處理提醒',
  popup_alert_one: '1 則待處理提醒',
  popup_noAlerts: '今天沒有待處理的提醒。',
  popup_readCount: '今天已讀取 {count} 個數字',
  popup_emptyTitle: '還沒有讀到資料',
  popup_emptyBody: '像平常一樣打開後台，店脈會讀取頁面上的數字。先打開生意參謀首頁：',
  popup_openSycm: '打開生意參謀首頁',
  popup_supported: '支援：{sites}',
  popup_value: '數值',
  popup_threshold: '界線',
  popup_readAt: '{time} 讀取',
  popup_readAtLabel: '讀取時間',
  popup_period: '統計時間',
  popup_owner: '負責',
  popup_fix: '怎麼做：',
  popup_dismiss: '今天不再提示',
  popup_dismissed: '今天已忽略 {count} 則',
  popup_latest: '最新數字',
  popup_source: '讀自「{label}」（{reader}）',
  popup_storageError: '店脈沒能儲存最近的資料：{error}。稍後會重試。',
  popup_privacy: '只讀取你打開的頁面，資料只存在這台電腦上，不傳送到任何地方。',

  reader_adapter: '站點讀取器',
  reader_generic: '通用讀取器',

  period_day: '{start}',
  period_range: '{start} 至 {end}',
  period_realtime: '即時，{start}',
  period_unknown: '{start} 讀取',

  site_sycm: '生意參謀',
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

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = MESSAGES[locale];
  return (key, params) => {
    const template: string = table[key] ?? en[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export function metricName(t: Translate, metric: MetricId): string {
  return t(`metric_${metric}` as MessageKey);
}
