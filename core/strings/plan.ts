import type { Strings } from '../i18n';

/**
 * The target form's per-day plan: a column pasted from a spreadsheet, or a few days set and the rest
 * spread (review/plan-input.ts), with its checks.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  plan_title: 'Amount per day',
  plan_help: 'Type the days you plan (promotion days); days left empty share the rest of the month’s target evenly.',
  plan_paste: 'Paste a column',
  plan_pasteHelp: 'One amount per line from day 1, or lines of day and amount (11⇥50000), as copied from a spreadsheet.',
  plan_day: 'Day {day}',
  plan_summary: 'Set {planned} on {days} days · {rest} days share {left} ({each} a day)',
  plan_summaryAll: 'Set {planned} on every day · month target {amount}',
  plan_clear: 'Clear the days',
  plan_errAmount: 'Day {day}: “{text}” is not an amount.',
  plan_errAmbiguous: 'Day {day}: “{text}” reads two ways; type it without separators.',
  plan_errNegative: 'Day {day}: an amount cannot be below 0.',
  plan_errLine: 'Line {line}: “{text}” is neither an amount nor a day and an amount. Nothing was filled.',
  plan_errTooMany: '{lines} lines pasted, but the month has {days} days. Nothing was filled.',
  plan_errOutside: 'Day {day} is not in this month.',
  plan_errOver: 'The days set add up to {planned}, more than the month’s target of {amount}.',
  plan_errTotal: 'Every day is set and they add up to {planned}; the month’s target is {amount}.',
} as const;

export type PlanKey = keyof typeof en;

const zhCN: Record<PlanKey, string> = {
  plan_title: '每日金额',
  plan_help: '填写有计划的日子（大促日）；空着的日子平均分摊月目标的剩余部分。',
  plan_paste: '粘贴一列',
  plan_pasteHelp: '从 1 日起每行一个金额，或每行“日期⇥金额”（如 11⇥50000），可直接从表格复制。',
  plan_day: '{day} 日',
  plan_summary: '已设 {days} 天共 {planned} · 其余 {rest} 天分摊 {left}（每天 {each}）',
  plan_summaryAll: '每天都已设置，共 {planned} · 月目标 {amount}',
  plan_clear: '清空每日金额',
  plan_errAmount: '{day} 日：“{text}”不是金额。',
  plan_errAmbiguous: '{day} 日：“{text}”有两种读法，请去掉分隔符再填。',
  plan_errNegative: '{day} 日：金额不能小于 0。',
  plan_errLine: '第 {line} 行：“{text}”既不是金额，也不是“日期 金额”。没有填入任何内容。',
  plan_errTooMany: '粘贴了 {lines} 行，但这个月只有 {days} 天。没有填入任何内容。',
  plan_errOutside: '{day} 日不在这个月里。',
  plan_errOver: '已设的日子合计 {planned}，超过了月目标 {amount}。',
  plan_errTotal: '每天都已设置，合计 {planned}，而月目标是 {amount}。',
};

const zhTW: Record<PlanKey, string> = {
  plan_title: '每日金額',
  plan_help: '填寫有計畫的日子（大促日）；空著的日子平均分攤月目標的剩餘部分。',
  plan_paste: '貼上一欄',
  plan_pasteHelp: '從 1 日起每行一個金額，或每行「日期⇥金額」（如 11⇥50000），可直接從試算表複製。',
  plan_day: '{day} 日',
  plan_summary: '已設 {days} 天共 {planned} · 其餘 {rest} 天分攤 {left}（每天 {each}）',
  plan_summaryAll: '每天都已設定，共 {planned} · 月目標 {amount}',
  plan_clear: '清空每日金額',
  plan_errAmount: '{day} 日：「{text}」不是金額。',
  plan_errAmbiguous: '{day} 日：「{text}」有兩種讀法，請去掉分隔符號再填。',
  plan_errNegative: '{day} 日：金額不能小於 0。',
  plan_errLine: '第 {line} 行：「{text}」既不是金額，也不是「日期 金額」。沒有填入任何內容。',
  plan_errTooMany: '貼上了 {lines} 行，但這個月只有 {days} 天。沒有填入任何內容。',
  plan_errOutside: '{day} 日不在這個月裡。',
  plan_errOver: '已設的日子合計 {planned}，超過了月目標 {amount}。',
  plan_errTotal: '每天都已設定，合計 {planned}，而月目標是 {amount}。',
};

export const PLAN_STRINGS: Strings<PlanKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
