import type { Strings } from '../i18n';

/**
 * An alert raised by one of the operator's own rules names that rule and the table row it watched.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  inboxr_rule: 'Your rule “{name}”',
  inboxr_unnamed: 'One of your own rules',
  inboxr_row: 'Row {dimension}: {key}',
} as const;

export type InboxRuleKey = keyof typeof en;

const zhCN: Record<InboxRuleKey, string> = {
  inboxr_rule: '你的规则“{name}”',
  inboxr_unnamed: '你自己的一条规则',
  inboxr_row: '行 {dimension}：{key}',
};

const zhTW: Record<InboxRuleKey, string> = {
  inboxr_rule: '你的規則「{name}」',
  inboxr_unnamed: '你自己的一條規則',
  inboxr_row: '列 {dimension}：{key}',
};

export const INBOX_RULE_STRINGS: Strings<InboxRuleKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
