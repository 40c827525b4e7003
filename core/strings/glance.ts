import type { Strings } from '../i18n';

/**
 * The popup's first screen — one line per shop, worst first, each folding out to its review and its
 * alerts — and what the review says when it knows less than a number: no closed day read this month,
 * a range read instead of a closed day, data days old.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  glance_colShop: 'Shop',
  glance_colYesterday: 'Yesterday',
  glance_colCompletion: 'Of target',
  glance_colPending: 'Open',
  glance_daysAgo: '{days} d ago',
  glance_noClosedDay:
    'No closed day of {month} read yet, so there is no pace to give. Open the {site} home page that shows yesterday’s numbers.',
  glance_rangeOnly:
    'The latest sales read cover {period}, a range, not one closed day: the review needs yesterday alone. Open the {site} home page that shows yesterday.',
  glance_alertsInLines: 'Each shop’s open alerts are under its line above: open the line to see them.',
} as const;

export type GlanceKey = keyof typeof en;

const zhCN: Record<GlanceKey, string> = {
  glance_colShop: '店铺',
  glance_colYesterday: '昨日',
  glance_colCompletion: '完成率',
  glance_colPending: '待处理',
  glance_daysAgo: '{days}天前',
  glance_noClosedDay: '{month} 还没有读到任何已结束的日期，暂时算不出进度。请打开{site}显示昨日数据的首页。',
  glance_rangeOnly:
    '最近读到的支付金额是 {period} 的区间合计，不是单个已结束的日期，复盘需要昨日单日的数据。请打开{site}显示昨日数据的首页。',
  glance_alertsInLines: '各店铺的待处理预警在上方店铺行内，点开店铺行查看。',
};

const zhTW: Record<GlanceKey, string> = {
  glance_colShop: '店鋪',
  glance_colYesterday: '昨日',
  glance_colCompletion: '完成率',
  glance_colPending: '待處理',
  glance_daysAgo: '{days}天前',
  glance_noClosedDay: '{month} 還沒有讀到任何已結束的日期，暫時算不出進度。請開啟{site}顯示昨日資料的首頁。',
  glance_rangeOnly:
    '最近讀到的銷售額是 {period} 的區間合計，不是單一已結束的日期，複盤需要昨日單日的資料。請開啟{site}顯示昨日資料的首頁。',
  glance_alertsInLines: '各店鋪的待處理預警在上方店鋪行內，點開店鋪行查看。',
};

export const GLANCE_STRINGS: Strings<GlanceKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
