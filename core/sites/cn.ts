import { defineSite } from './define';
import { shopFromAccount } from './sycm';

/**
 * The Chinese back offices besides 生意参谋. All print money in CNY, often without a marker, and
 * have real-time boards under paths that say so.
 */

/** 京东商智 (JD's back office). */
export const jd = defineSite({
  id: 'jd',
  matches: ['https://sz.jd.com/*'],
  currency: () => 'CNY',
  realtimePath: /realtime/i,
  store: (root) => shopFromAccount(root),
});

/** 抖店罗盘 (Douyin shop compass): generated class names, 万-scaled values. */
export const douyin = defineSite({
  id: 'douyin',
  matches: ['https://compass.jinritemai.com/*'],
  currency: () => 'CNY',
  realtimePath: /realtime|real-time|live/i,
});

/** 拼多多商家后台. Some of its numbers are drawn with an obfuscating web font (see core/reader/fonts.ts). */
export const pdd = defineSite({
  id: 'pdd',
  matches: ['https://mms.pinduoduo.com/*'],
  currency: () => 'CNY',
  realtimePath: /realtime|real_time/i,
});
