import type { Strings } from '../i18n';

/**
 * The daily report (日报) the operator pastes into the team chat: per shop, yesterday against target,
 * the month's pace, the factors in money, the main cause, the open alerts and today's tasks by owner.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  report_title: 'StorePulse daily report · {date}',
  report_shop: '[{store} · {site}]',
  report_day: 'Yesterday ({date}): sales {sales}, daily target {target}, {completion} · {verdict}',
  report_dayNoTarget: 'Yesterday ({date}): sales {sales} · no target set',
  report_noData: 'No closed day read yet: open the back-office home that shows yesterday.',
  report_met: 'target met',
  report_missed: 'target missed',
  report_month: 'Month {month}: {actual} of {target} ({completion}) · {pace}',
  report_paceBehind: '{percent} behind plan',
  report_paceAhead: '{percent} ahead of plan',
  report_paceOn: 'on plan',
  report_factors: 'Against the median of the same weekday over the last 4 weeks: {factors}',
  report_spend: 'Promotion: spend {spend} · ROI {roi} · expense ratio {ratio} · paid share {share}',
  report_main: 'Main cause: {factor}',
  report_alerts: 'Open alerts ({count}):',
  report_noAlerts: 'Open alerts: none',
  report_alertLine: '{metric} {value} (alert line {threshold})',
  report_tasks: "Today's tasks:",
  report_role: '{role}:',
  report_listSeparator: '; ',
  report_copy: 'Copy daily report',
  report_copied: 'Daily report copied: paste it into the team chat.',
  report_copyFailed: 'Could not copy: {error}',
} as const;

export type ReportKey = keyof typeof en;

const zhCN: Record<ReportKey, string> = {
  report_title: '店脉日报 · {date}',
  report_shop: '【{store} · {site}】',
  report_day: '昨日（{date}）支付金额 {sales}，日目标 {target}，完成 {completion}，{verdict}',
  report_dayNoTarget: '昨日（{date}）支付金额 {sales}，未设目标',
  report_noData: '还没有读到已结束日期的数据：请打开显示昨日数据的后台首页。',
  report_met: '达标',
  report_missed: '未达标',
  report_month: '本月（{month}）累计 {actual}，目标 {target}，完成 {completion}，{pace}',
  report_paceBehind: '落后计划 {percent}',
  report_paceAhead: '领先计划 {percent}',
  report_paceOn: '与计划持平',
  report_factors: '较近4周同日中位数：{factors}',
  report_spend: '推广：花费 {spend} · 投产比 {roi} · 费比 {ratio} · 付费占比 {share}',
  report_main: '主因：{factor}',
  report_alerts: '待处理预警（{count}）：',
  report_noAlerts: '待处理预警：无',
  report_alertLine: '{metric} {value}（预警线 {threshold}）',
  report_tasks: '今日分工：',
  report_role: '{role}：',
  report_listSeparator: '；',
  report_copy: '复制日报',
  report_copied: '日报已复制，可直接粘贴到工作群。',
  report_copyFailed: '复制失败：{error}',
};

const zhTW: Record<ReportKey, string> = {
  report_title: '店脈日報 · {date}',
  report_shop: '【{store} · {site}】',
  report_day: '昨日（{date}）銷售額 {sales}，日目標 {target}，完成 {completion}，{verdict}',
  report_dayNoTarget: '昨日（{date}）銷售額 {sales}，未設目標',
  report_noData: '還沒有讀到已結束日期的資料：請開啟顯示昨日資料的後台首頁。',
  report_met: '達標',
  report_missed: '未達標',
  report_month: '本月（{month}）累計 {actual}，目標 {target}，完成 {completion}，{pace}',
  report_paceBehind: '落後計畫 {percent}',
  report_paceAhead: '領先計畫 {percent}',
  report_paceOn: '與計畫持平',
  report_factors: '較近4週同日中位數：{factors}',
  report_spend: '推廣：花費 {spend} · 投產比 {roi} · 費比 {ratio} · 付費占比 {share}',
  report_main: '主因：{factor}',
  report_alerts: '待處理預警（{count}）：',
  report_noAlerts: '待處理預警：無',
  report_alertLine: '{metric} {value}（預警線 {threshold}）',
  report_tasks: '今日分工：',
  report_role: '{role}：',
  report_listSeparator: '；',
  report_copy: '複製日報',
  report_copied: '日報已複製，可直接貼到工作群組。',
  report_copyFailed: '複製失敗：{error}',
};

export const REPORT_STRINGS: Strings<ReportKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
