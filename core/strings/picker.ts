import type { Strings, Translate } from '../i18n';
import { METRIC_STRINGS, type MetricKey } from './metrics';

/**
 * The picker overlay on any page (core/content/picker.ts, injected as picker.js).
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  picker_hint: 'Click a number to bind it to a metric · Esc cancels',
  picker_noNumber: 'No number there. Click a number on the page · Esc cancels',
  picker_title: 'Bind this number',
  picker_value: 'Value',
  picker_label: 'Label',
  picker_metric: 'This number is',
  picker_choose: 'Choose a metric…',
  picker_save: 'Save',
  picker_cancel: 'Cancel',
  picker_close: 'Close',
  picker_saved: 'Saved as {metric}. To read it on every visit, open StorePulse and choose “Read on every visit”.',
  picker_error: 'Not saved: {error}',
  picker_savedAsk: 'Saved as {metric}. It is read when you press “Read this page”, or on every visit once you allow it:',
} as const;

type PickerKey = keyof typeof en;

const zhCN: Record<PickerKey, string> = {
  picker_hint: '点击一个数字，把它绑定到指标 · 按 Esc 取消',
  picker_noNumber: '那里没有数字。请点击页面上的数字 · 按 Esc 取消',
  picker_title: '绑定这个数字',
  picker_value: '数值',
  picker_label: '标签',
  picker_metric: '这个数字是',
  picker_choose: '选择指标…',
  picker_save: '保存',
  picker_cancel: '取消',
  picker_close: '关闭',
  picker_saved: '已保存为{metric}。如需每次打开都读取，请打开店脉并选择“每次打开时都读取”。',
  picker_error: '没有保存：{error}',
  picker_savedAsk: '已保存为{metric}。点“读取此页面”时会读取；允许后，每次打开都会读取：',
};

const zhTW: Record<PickerKey, string> = {
  picker_hint: '點擊一個數字，把它綁定到指標 · 按 Esc 取消',
  picker_noNumber: '那裡沒有數字。請點擊頁面上的數字 · 按 Esc 取消',
  picker_title: '綁定這個數字',
  picker_value: '數值',
  picker_label: '標籤',
  picker_metric: '這個數字是',
  picker_choose: '選擇指標…',
  picker_save: '儲存',
  picker_cancel: '取消',
  picker_close: '關閉',
  picker_saved: '已儲存為{metric}。如需每次開啟都讀取，請打開店脈並選擇「每次開啟時都讀取」。',
  picker_error: '沒有儲存：{error}',
  picker_savedAsk: '已儲存為{metric}。按「讀取此頁面」時會讀取；允許後，每次開啟都會讀取：',
};

export const PICKER_STRINGS: Strings<PickerKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Everything the picker shows. */
export const PICKER_SCREEN = [METRIC_STRINGS, PICKER_STRINGS] as const;
export type PickerTranslate = Translate<PickerKey | MetricKey>;
