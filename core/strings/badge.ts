import type { Strings, Translate } from '../i18n';
import type { AlertKey } from './alerts';
import type { MetricKey } from './metrics';
import type { PaceKey } from './pace';

/**
 * The badge next to a number on a back-office page (core/content/session.ts, badge.ts).
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  badge_open: 'Show advice',
  badge_close: 'Hide advice',
  badge_dismiss: 'Dismiss for today',
  badge_note: 'Note',
  badge_unreadable: 'Cannot read as shown',
  badge_unreadableWhy:
    'This number is drawn with a scrambling font: the page’s text differs from what you see. StorePulse does not store it rather than keep a wrong number.',
} as const;

type BadgeKey = keyof typeof en;

const zhCN: Record<BadgeKey, string> = {
  badge_open: '查看建议',
  badge_close: '收起建议',
  badge_dismiss: '今天不再提示',
  badge_note: '提示',
  badge_unreadable: '无法如实读取',
  badge_unreadableWhy: '这个数字用加密字体显示，页面里的文字和屏幕上看到的不一样。店脉不保存它，以免记下错误的数字。',
};

const zhTW: Record<BadgeKey, string> = {
  badge_open: '查看建議',
  badge_close: '收起建議',
  badge_dismiss: '今天不再提示',
  badge_note: '提示',
  badge_unreadable: '無法如實讀取',
  badge_unreadableWhy: '這個數字用加密字型顯示，頁面裡的文字和螢幕上看到的不一樣。店脈不儲存它，以免記下錯誤的數字。',
};

export const BADGE_STRINGS: Strings<BadgeKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/**
 * Everything a badge on a back-office page shows: these words, and the metric names and alert texts,
 * which the page receives from the background in its one language (core/background/badge-words.ts).
 */
export type BadgeTranslate = Translate<BadgeKey | MetricKey | AlertKey | PaceKey>;
