import type { Strings } from '../i18n';

/**
 * Which page-quality lines apply to a shop and why: its own returning share over the last four weeks,
 * or the operator's switch (rules/returning.ts). Shown in the review and the options page.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  retn_label: 'Many returning visitors',
  retn_auto: 'Decide from the shop’s returning share',
  retn_on: 'Yes, always',
  retn_off: 'No, never',
  retn_autoHeavy:
    'Returning visitors were {share} of visitors over the last 4 weeks ({days} days read), at least {line}: the returning-visitor lines apply.',
  retn_autoLight:
    'Returning visitors were {share} of visitors over the last 4 weeks ({days} days read), under {line}: the usual lines apply.',
  retn_autoTooFew: 'Returning visitors were read on {days} of the last 28 days ({min} needed to decide): the usual lines apply.',
  retn_on_why: 'You marked this shop as having many returning visitors: the returning-visitor lines apply.',
  retn_off_why: 'You marked this shop as not having many returning visitors: the usual lines apply.',
  retn_share: 'Its own share over the last 4 weeks: {share} ({days} days read).',
  retn_lines: 'Good from: {lines}.',
  retn_above: '{metric} above {value}',
  retn_below: '{metric} below {value}',
} as const;

export type LinesKey = keyof typeof en;

const zhCN: Record<LinesKey, string> = {
  retn_label: '老访客多',
  retn_auto: '按本店老访客占比自动判断',
  retn_on: '是（始终）',
  retn_off: '否（始终）',
  retn_autoHeavy: '近 4 周老访客占访客的 {share}（读到 {days} 天），不低于 {line}：按老访客多的标准判断。',
  retn_autoLight: '近 4 周老访客占访客的 {share}（读到 {days} 天），低于 {line}：按一般标准判断。',
  retn_autoTooFew: '近 28 天只有 {days} 天读到老访客（至少 {min} 天才判断）：按一般标准判断。',
  retn_on_why: '你把本店设为老访客多：按老访客多的标准判断。',
  retn_off_why: '你把本店设为老访客不多：按一般标准判断。',
  retn_share: '本店近 4 周的老访客占比：{share}（读到 {days} 天）。',
  retn_lines: '良好线：{lines}。',
  retn_above: '{metric}高于 {value}',
  retn_below: '{metric}低于 {value}',
};

const zhTW: Record<LinesKey, string> = {
  retn_label: '舊訪客多',
  retn_auto: '依本店舊訪客占比自動判斷',
  retn_on: '是（一律）',
  retn_off: '否（一律）',
  retn_autoHeavy: '近 4 週舊訪客占訪客的 {share}（讀到 {days} 天），不低於 {line}：依舊訪客多的標準判斷。',
  retn_autoLight: '近 4 週舊訪客占訪客的 {share}（讀到 {days} 天），低於 {line}：依一般標準判斷。',
  retn_autoTooFew: '近 28 天只有 {days} 天讀到舊訪客（至少 {min} 天才判斷）：依一般標準判斷。',
  retn_on_why: '你把本店設為舊訪客多：依舊訪客多的標準判斷。',
  retn_off_why: '你把本店設為舊訪客不多：依一般標準判斷。',
  retn_share: '本店近 4 週的舊訪客占比：{share}（讀到 {days} 天）。',
  retn_lines: '良好線：{lines}。',
  retn_above: '{metric}高於 {value}',
  retn_below: '{metric}低於 {value}',
};

export const LINES_STRINGS: Strings<LinesKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
