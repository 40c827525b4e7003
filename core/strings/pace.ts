import type { Strings, Translate } from '../i18n';
import { ALERT_STRINGS, type AlertKey } from './alerts';
import { METRIC_STRINGS, type MetricKey } from './metrics';

/**
 * Today's pace: beside a real-time board's sales number, at the top of the popup's review, in a
 * check-time notification, and its check times in the options page (core/pace-text.ts words them).
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  pace_title: 'Today at this pace',
  pace_badgeLabel: 'Pace',
  pace_short: 'At this pace {expected}, {gap} short of {target}',
  pace_ahead: 'At this pace {expected}, {gap} over {target}',
  pace_noTarget: 'At this pace {expected} (no daily target set)',
  pace_badgeShort: 'Expect {expected}, {gap} short',
  pace_badgeAhead: 'Expect {expected}, {gap} over',
  pace_badgeNoTarget: 'Expect {expected}',
  pace_soFar: '{sales} so far at {time}',
  pace_range: 'Likely {low} – {high}, from {days} past same weekdays at this time',
  pace_estimate: 'An estimate from a typical day’s shape: fewer than 2 past same weekdays were read at this time',
  pace_marked: 'A planned day (set apart by the day’s plan): judged against its own plan with a typical day’s shape, an estimate',
  pace_lever: 'Push {factor}: {change} against the same time on past same weekdays',
  pace_source: 'The source that fell most: {source} ({current} against {baseline})',
  pace_noLever: 'Visitors, conversion and order value are where past same weekdays were at this time',
  pace_noticeTitle: 'Today may miss its target · {store}',
  pace_checksTitle: 'Check times',
  pace_checksHelp:
    'At each time, if today’s pace misses the daily target by more than the margin, one notification names the gap and what to push (not in quiet hours).',
  pace_checksTimes: 'Times (HH:MM, comma-separated)',
  pace_checksMargin: 'Margin',
  pace_checksOn: 'Notify at check times',
  pace_checksBadTime: 'Not a time: {time}',
} as const;

export type PaceKey = keyof typeof en;

const zhCN: Record<PaceKey, string> = {
  pace_title: '按当前节奏',
  pace_badgeLabel: '节奏',
  pace_short: '按当前节奏预计 {expected}（日目标 {target}，差 {gap}）',
  pace_ahead: '按当前节奏预计 {expected}（日目标 {target}，超 {gap}）',
  pace_noTarget: '按当前节奏预计 {expected}（未设日目标）',
  pace_badgeShort: '预计 {expected}，差 {gap}',
  pace_badgeAhead: '预计 {expected}，超 {gap}',
  pace_badgeNoTarget: '预计 {expected}',
  pace_soFar: '截至 {time} 已成交 {sales}',
  pace_range: '大概在 {low} – {high} 之间，依据过去 {days} 个同星期几的同一时刻',
  pace_estimate: '估算：按常见的一天走势，同星期几在这个时刻的记录不足 2 天',
  pace_marked: '计划日（当天计划明显不同于平日）：按它自己的计划衡量，走势按常见的一天估算',
  pace_lever: '该推 {factor}：比过去同星期几同一时刻 {change}',
  pace_source: '降得最多的来源：{source}（{current}，平时 {baseline}）',
  pace_noLever: '访客、转化、客单价都和过去同星期几同一时刻相当',
  pace_noticeTitle: '今天可能完不成目标 · {store}',
  pace_checksTitle: '检查时刻',
  pace_checksHelp: '到每个时刻，如果今天按当前节奏比日目标差得超过设定幅度，发一条通知，写明差多少、该推什么（免打扰时段不发）。',
  pace_checksTimes: '时刻（HH:MM，用逗号分隔）',
  pace_checksMargin: '幅度',
  pace_checksOn: '到检查时刻通知',
  pace_checksBadTime: '不是时刻：{time}',
};

const zhTW: Record<PaceKey, string> = {
  pace_title: '按目前節奏',
  pace_badgeLabel: '節奏',
  pace_short: '按目前節奏預計 {expected}（日目標 {target}，差 {gap}）',
  pace_ahead: '按目前節奏預計 {expected}（日目標 {target}，超 {gap}）',
  pace_noTarget: '按目前節奏預計 {expected}（未設日目標）',
  pace_badgeShort: '預計 {expected}，差 {gap}',
  pace_badgeAhead: '預計 {expected}，超 {gap}',
  pace_badgeNoTarget: '預計 {expected}',
  pace_soFar: '截至 {time} 已成交 {sales}',
  pace_range: '大概在 {low} – {high} 之間，依據過去 {days} 個同星期幾的同一時刻',
  pace_estimate: '估算：按常見的一天走勢，同星期幾在這個時刻的紀錄不足 2 天',
  pace_marked: '計畫日（當天計畫明顯不同於平日）：按它自己的計畫衡量，走勢按常見的一天估算',
  pace_lever: '該推 {factor}：比過去同星期幾同一時刻 {change}',
  pace_source: '降得最多的來源：{source}（{current}，平時 {baseline}）',
  pace_noLever: '訪客、轉換、客單價都和過去同星期幾同一時刻相當',
  pace_noticeTitle: '今天可能達不到目標 · {store}',
  pace_checksTitle: '檢查時刻',
  pace_checksHelp: '到每個時刻，如果今天按目前節奏比日目標差得超過設定幅度，發一則通知，寫明差多少、該推什麼（勿擾時段不發）。',
  pace_checksTimes: '時刻（HH:MM，以逗號分隔）',
  pace_checksMargin: '幅度',
  pace_checksOn: '到檢查時刻通知',
  pace_checksBadTime: '不是時刻：{time}',
};

export const PACE_STRINGS: Strings<PaceKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** What a check-time notification shows (core/background/pace-checks.ts). */
export const PACE_NOTICE_SCREEN = [METRIC_STRINGS, ALERT_STRINGS, PACE_STRINGS] as const;
export type PaceTranslate = Translate<PaceKey | MetricKey | AlertKey>;
