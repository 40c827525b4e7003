import type { Strings } from '../i18n';

/**
 * The options page's line about the browser's sync: what followed the operator to their other
 * computers, and when a write was refused, why.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  sync_title: 'Your other computers',
  sync_help:
    'Rules, your own rules, peers, shop choices, the language and the monthly targets follow you through the browser’s own sync (Chrome Sync, Firefox Sync), when it is on. History stays on this computer.',
  sync_none: 'Nothing sent to sync yet.',
  sync_ok: 'Sent to sync at {time}.',
  sync_refused: 'The browser refused to sync your settings at {time}: {reason}. They are saved on this computer.',
  sync_tooLarge: '“{field}” is {bytes} bytes, over the browser’s 8,192 bytes per item; it stays on this computer only.',
  sync_rate: 'Settings changed too often ({writes} writes in a minute); they are sent on the next change after a minute.',
  sync_newer:
    '“{field}” was saved by a newer StorePulse on another computer; it is kept as that version wrote it. Update StorePulse here to change it.',
  sync_quotaTotal: 'the browser’s sync space (100 KB) is full',
  sync_quotaFull: 'the browser’s sync space is full (100 KB and 512 items at most)',
  sync_quotaItem: 'one item is larger than the browser allows',
  sync_quotaRate: 'too many writes in a minute',
  sync_closed: 'On: in this browser only StorePulse’s own pages and background can write what syncs.',
  sync_openOff:
    'Off in this browser: here the scripts StorePulse runs inside back-office pages could change synced rules, so it stays off unless you switch it on.',
  sync_openOn:
    'On by your choice: in this browser the scripts StorePulse runs inside back-office pages could change synced rules (only within valid ranges).',
  sync_optIn: 'Follow my settings through sync in this browser',
  sync_unavailable: 'This browser has no sync; settings stay on this computer.',
} as const;

export type SyncKey = keyof typeof en;

const zhCN: Record<SyncKey, string> = {
  sync_title: '你的其他电脑',
  sync_help:
    '规则、自定义规则、竞店、店铺设置、语言和月目标会通过浏览器自带的同步（Chrome 同步、Firefox 同步，需已开启）跟随你。历史数据只留在这台电脑上。',
  sync_none: '还没有同步过。',
  sync_ok: '已于 {time} 同步。',
  sync_refused: '浏览器在 {time} 拒绝同步你的设置：{reason}。设置已保存在这台电脑上。',
  sync_tooLarge: '“{field}”有 {bytes} 字节，超过浏览器每项 8,192 字节的上限，只保存在这台电脑上。',
  sync_rate: '设置改得太频繁（一分钟内写入 {writes} 次），一分钟后再改动时会一并同步。',
  sync_newer: '“{field}”是另一台电脑上更新版本的店脉保存的，已按那个版本保留。请先在这里更新店脉再修改。',
  sync_quotaTotal: '浏览器的同步空间（100 KB）已满',
  sync_quotaFull: '浏览器的同步空间已满（最多 100 KB、512 项）',
  sync_quotaItem: '有一项超过了浏览器允许的大小',
  sync_quotaRate: '一分钟内写入次数过多',
  sync_closed: '已开启：在这个浏览器里，只有店脉自己的页面和它的后台进程能写入同步内容。',
  sync_openOff:
    '在这个浏览器里默认关闭：这里店脉在商家后台页面中运行的脚本可能改动同步的规则，所以除非你手动开启，否则保持关闭。',
  sync_openOn: '已按你的选择开启：在这个浏览器里，店脉在商家后台页面中运行的脚本可能改动同步的规则（只能在有效范围内）。',
  sync_optIn: '在这个浏览器里通过同步跟随我的设置',
  sync_unavailable: '这个浏览器没有同步功能，设置只保存在这台电脑上。',
};

const zhTW: Record<SyncKey, string> = {
  sync_title: '你的其他電腦',
  sync_help:
    '規則、自訂規則、競店、店鋪設定、語言和月目標會透過瀏覽器內建的同步（Chrome 同步、Firefox 同步，需已開啟）跟著你。歷史資料只留在這台電腦上。',
  sync_none: '還沒有同步過。',
  sync_ok: '已於 {time} 同步。',
  sync_refused: '瀏覽器在 {time} 拒絕同步你的設定：{reason}。設定已儲存在這台電腦上。',
  sync_tooLarge: '「{field}」有 {bytes} 位元組，超過瀏覽器每項 8,192 位元組的上限，只儲存在這台電腦上。',
  sync_rate: '設定改得太頻繁（一分鐘內寫入 {writes} 次），一分鐘後再變更時會一併同步。',
  sync_newer: '「{field}」是另一台電腦上較新版本的店脈儲存的，已依那個版本保留。請先在這裡更新店脈再修改。',
  sync_quotaTotal: '瀏覽器的同步空間（100 KB）已滿',
  sync_quotaFull: '瀏覽器的同步空間已滿（最多 100 KB、512 項）',
  sync_quotaItem: '有一項超過了瀏覽器允許的大小',
  sync_quotaRate: '一分鐘內寫入次數過多',
  sync_closed: '已開啟：在這個瀏覽器裡，只有店脈自己的頁面和背景程式能寫入同步內容。',
  sync_openOff:
    '在這個瀏覽器裡預設關閉：這裡店脈在商家後台頁面中執行的指令碼可能變更同步的規則，所以除非你手動開啟，否則保持關閉。',
  sync_openOn: '已依你的選擇開啟：在這個瀏覽器裡，店脈在商家後台頁面中執行的指令碼可能變更同步的規則（只能在有效範圍內）。',
  sync_optIn: '在這個瀏覽器裡透過同步跟隨我的設定',
  sync_unavailable: '這個瀏覽器沒有同步功能，設定只儲存在這台電腦上。',
};

export const SYNC_STRINGS: Strings<SyncKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
