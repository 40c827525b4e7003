import type { Strings } from '../i18n';

/**
 * "Read this site on every visit": the popup's page tools and the allow page (entrypoints/allow/)
 * both ask for it and say how it went.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  tools_always: 'Read {host} on every visit',
  tools_alwaysOn: 'Numbers picked on {host} ({count}) are read on every visit.',
  tools_alwaysOff: 'Numbers picked on {host} ({count}) are read when you press “Read this page”.',
} as const;

export type SiteAccessKey = keyof typeof en;

const zhCN: Record<SiteAccessKey, string> = {
  tools_always: '每次打开 {host} 时都读取',
  tools_alwaysOn: '{host} 上选取的 {count} 个数字会在每次打开时读取。',
  tools_alwaysOff: '{host} 上选取的 {count} 个数字会在你点“读取此页面”时读取。',
};

const zhTW: Record<SiteAccessKey, string> = {
  tools_always: '每次開啟 {host} 時都讀取',
  tools_alwaysOn: '{host} 上選取的 {count} 個數字會在每次開啟時讀取。',
  tools_alwaysOff: '{host} 上選取的 {count} 個數字會在你按「讀取此頁面」時讀取。',
};

export const SITE_ACCESS_STRINGS: Strings<SiteAccessKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** Everything the allow page shows. */
export const ALLOW_SCREEN = [SITE_ACCESS_STRINGS] as const;
