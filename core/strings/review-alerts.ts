import type { Strings } from '../i18n';

/**
 * The options page's switches for the review's own alerts (core/review/review-alerts.ts).
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  ralerts_title: 'Review alerts',
  ralerts_help: 'Judged on closed days, each only after it held {days} days in a row.',
  ralerts_target: 'Sales below the daily target',
  ralerts_factor: 'Visitors, conversion or order value down against the median of the same weekday over the last 4 weeks',
  ralerts_minDrop: 'by at least (%)',
} as const;

export type ReviewAlertsKey = keyof typeof en;

const zhCN: Record<ReviewAlertsKey, string> = {
  ralerts_title: '复盘预警',
  ralerts_help: '按已结束的日期判断，连续 {days} 天才提醒。',
  ralerts_target: '支付金额低于日目标',
  ralerts_factor: '访客数、转化率或客单价低于近4周同日中位数',
  ralerts_minDrop: '至少低（%）',
};

const zhTW: Record<ReviewAlertsKey, string> = {
  ralerts_title: '複盤預警',
  ralerts_help: '依已結束的日期判斷，連續 {days} 天才提醒。',
  ralerts_target: '銷售額低於日目標',
  ralerts_factor: '訪客數、轉換率或客單價低於近4週同日中位數',
  ralerts_minDrop: '至少低（%）',
};

export const REVIEW_ALERTS_STRINGS: Strings<ReviewAlertsKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
