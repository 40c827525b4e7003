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
  pace_lastYear: 'At last year’s {name} pace: by this time on {date} it had {share} of its day',
  pace_rangeLastYear: 'Likely {low} – {high}, from last year’s {name} alone',
  pace_eventEstimate:
    '{name}: last year’s {name} ({date}) was not read by this time, so a typical day’s shape stands in, an estimate',
  pace_eventsTitle: 'Event days',
  pace_eventsHelp:
    'On a marked day (11.11, 618, your own sale) today’s pace follows last year’s same event day hour by hour instead of ordinary weekdays.',
  pace_eventsDate: 'Date',
  pace_eventsName: 'Name',
  pace_eventsLastYear: 'Last year’s date (if not the same day)',
  pace_eventsAdd: 'Add',
  pace_eventsRemove: 'Remove',
  pace_eventsEmpty: 'No event days marked.',
  pace_eventsBadDate: 'Not a date: {value}',
  pace_eventsBadName: 'Give the event a name of 1 to {max} characters',
  pace_eventsBadLastYear: 'Last year’s date must be a date before the event day: {value}',
  pace_eventsDuplicate: '{value} is already marked',
  pace_eventsTooMany: 'At most {max} event days; remove a past one first',
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
  pace_lastYear: '按去年{name}同时段的节奏：去年 {date} 到这个时刻已完成全天的 {share}',
  pace_rangeLastYear: '大概在 {low} – {high} 之间，只依据去年{name}这一天',
  pace_eventEstimate: '{name}：去年{name}（{date}）在这个时刻没有记录，走势按常见的一天估算',
  pace_eventsTitle: '活动日',
  pace_eventsHelp: '标记的日子（双11、618、店庆）按去年同一活动日逐小时的节奏预计，不再按平常的同星期几。',
  pace_eventsDate: '日期',
  pace_eventsName: '名称',
  pace_eventsLastYear: '去年的日期（不是同一天时填）',
  pace_eventsAdd: '添加',
  pace_eventsRemove: '删除',
  pace_eventsEmpty: '还没有标记活动日。',
  pace_eventsBadDate: '不是日期：{value}',
  pace_eventsBadName: '请给活动起个名称（1 到 {max} 个字）',
  pace_eventsBadLastYear: '去年的日期必须是活动日之前的日期：{value}',
  pace_eventsDuplicate: '{value} 已经标记过了',
  pace_eventsTooMany: '最多 {max} 个活动日，请先删除已过去的',
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
  pace_lastYear: '按去年{name}同時段的節奏：去年 {date} 到這個時刻已完成全天的 {share}',
  pace_rangeLastYear: '大概在 {low} – {high} 之間，只依據去年{name}這一天',
  pace_eventEstimate: '{name}：去年{name}（{date}）在這個時刻沒有紀錄，走勢按常見的一天估算',
  pace_eventsTitle: '活動日',
  pace_eventsHelp: '標記的日子（雙11、618、店慶）按去年同一活動日逐小時的節奏預計，不再按平常的同星期幾。',
  pace_eventsDate: '日期',
  pace_eventsName: '名稱',
  pace_eventsLastYear: '去年的日期（不是同一天時填）',
  pace_eventsAdd: '新增',
  pace_eventsRemove: '刪除',
  pace_eventsEmpty: '尚未標記活動日。',
  pace_eventsBadDate: '不是日期：{value}',
  pace_eventsBadName: '請為活動取個名稱（1 到 {max} 個字）',
  pace_eventsBadLastYear: '去年的日期必須是活動日之前的日期：{value}',
  pace_eventsDuplicate: '{value} 已經標記過了',
  pace_eventsTooMany: '最多 {max} 個活動日，請先刪除已過去的',
};

export const PACE_STRINGS: Strings<PaceKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** What a check-time notification shows (core/background/pace-checks.ts). */
export const PACE_NOTICE_SCREEN = [METRIC_STRINGS, ALERT_STRINGS, PACE_STRINGS] as const;
export type PaceTranslate = Translate<PaceKey | MetricKey | AlertKey>;
