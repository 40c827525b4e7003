import type { Strings } from '../i18n';

/**
 * Why a form refuses a typed number (core/form-number.ts), in the popup's target form and the options
 * page.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  number_ambiguous: 'This reads two ways. Type it without a thousands separator, with a point for decimals: 2500 or 2.5.',
  number_percent: 'This is not a rate: type it without %.',
} as const;

export type FormKey = keyof typeof en;

const zhCN: Record<FormKey, string> = {
  number_ambiguous: '这个数字有两种读法。请不带千位分隔符输入，小数用小数点：2500 或 2.5。',
  number_percent: '这不是比率：请不带 % 输入。',
};

const zhTW: Record<FormKey, string> = {
  number_ambiguous: '這個數字有兩種讀法。請不加千分位符號輸入，小數用小數點：2500 或 2.5。',
  number_percent: '這不是比率：請不加 % 輸入。',
};

export const FORM_STRINGS: Strings<FormKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
