import type { Strings } from '../i18n';

/**
 * The names of the catalogue's metrics (core/metrics.ts): every screen that shows a number names it.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
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
  metric_adSpend: 'Ad spend',
  metric_adSales: 'Ad sales',
  metric_adRoas: 'ROI',
  metric_adAcos: 'ACoS',
  metric_adClicks: 'Clicks',
  metric_adImpressions: 'Impressions',
  metric_adCtr: 'Click-through rate',
  metric_adCpc: 'Cost per click',
  metric_adConversionRate: 'Click conversion rate',
} as const;

export type MetricKey = keyof typeof en;

const zhCN: Record<MetricKey, string> = {
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
  metric_adSpend: '推广花费',
  metric_adSales: '推广成交金额',
  metric_adRoas: '投入产出比',
  metric_adAcos: 'ACoS',
  metric_adClicks: '点击量',
  metric_adImpressions: '展现量',
  metric_adCtr: '点击率',
  metric_adCpc: '平均点击花费',
  metric_adConversionRate: '点击转化率',
};

const zhTW: Record<MetricKey, string> = {
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
  metric_adSpend: '廣告花費',
  metric_adSales: '廣告成交金額',
  metric_adRoas: '投資報酬率',
  metric_adAcos: 'ACoS',
  metric_adClicks: '點擊數',
  metric_adImpressions: '曝光次數',
  metric_adCtr: '點擊率',
  metric_adCpc: '平均點擊成本',
  metric_adConversionRate: '點擊轉換率',
};

export const METRIC_STRINGS: Strings<MetricKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
