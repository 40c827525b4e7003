import type { Strings } from '../i18n';

/**
 * The popup's first screen before a shop has this month's target: what StorePulse gives, and the
 * month's target asked for up front.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  first_title: 'What StorePulse does for you',
  first_alerts: 'Alerts beside a bad number on your back-office page, with what to fix and who does it.',
  first_review: 'The morning review: yesterday against your target, what moved it, and a daily report to paste.',
  first_targets: 'Targets: each day, the pace of the month, and an alert when sales stay under the daily target.',
  first_ask: 'Start with the sales target of {store} for this month:',
  first_amount: 'Sales target for {month} ({currency})',
  first_amountNoCurrency: 'Sales target for {month}',
  first_save: 'Save target',
  first_later: 'Later',
  first_others: '{count} more shops have no target for this month yet.',
  first_error: 'Not saved: {error}',
} as const;

export type FirstRunKey = keyof typeof en;

const zhCN: Record<FirstRunKey, string> = {
  first_title: '店脉能帮你做什么',
  first_alerts: '在商家后台页面上，数字不对时就在旁边预警，告诉你先改什么、由谁来改。',
  first_review: '每天早上的复盘：昨天对比目标、是什么拉动或拖累了销售，还有一键生成的日报。',
  first_targets: '目标：每天看本月进度，销售连续低于日目标时预警。',
  first_ask: '先设置 {store} 本月的销售目标：',
  first_amount: '{month}销售目标（{currency}）',
  first_amountNoCurrency: '{month}销售目标',
  first_save: '保存目标',
  first_later: '稍后再说',
  first_others: '还有 {count} 家店铺没有设置本月目标。',
  first_error: '没有保存：{error}',
};

const zhTW: Record<FirstRunKey, string> = {
  first_title: '店脈能幫你做什麼',
  first_alerts: '在商家後台頁面上，數字不對時就在旁邊預警，告訴你先改什麼、由誰來改。',
  first_review: '每天早上的複盤：昨天對比目標、是什麼拉動或拖累了銷售，還有一鍵產生的日報。',
  first_targets: '目標：每天看本月進度，銷售連續低於日目標時預警。',
  first_ask: '先設定 {store} 本月的銷售目標：',
  first_amount: '{month}銷售目標（{currency}）',
  first_amountNoCurrency: '{month}銷售目標',
  first_save: '儲存目標',
  first_later: '稍後再說',
  first_others: '還有 {count} 家店鋪沒有設定本月目標。',
  first_error: '沒有儲存：{error}',
};

export const FIRST_RUN_STRINGS: Strings<FirstRunKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
