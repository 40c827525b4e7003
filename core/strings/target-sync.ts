import type { Strings } from '../i18n';

/**
 * The options page's sync panel, about the monthly targets: what a push of the targets could not do.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  tsync_refused: 'The browser refused to sync your monthly targets at {time}: {reason}. They are saved on this computer.',
  tsync_tooLarge:
    'The target “{target}” is {bytes} bytes, over the browser’s 8,192 bytes per item; it stays on this computer only.',
  tsync_rate: 'Too many sync writes in a minute ({writes}); your targets are sent on the next change after a minute.',
  tsync_newer:
    'The target “{target}” was saved by a newer StorePulse on another computer; it is kept as that version wrote it. Update StorePulse here to change it.',
  tsync_leftOut:
    '{count} targets of older months ({months}) stay on this computer only: the room for targets in sync (60 KB, 300 items) is full. The current and next months go first.',
} as const;

export type TargetSyncKey = keyof typeof en;

const zhCN: Record<TargetSyncKey, string> = {
  tsync_refused: '浏览器在 {time} 拒绝同步你的月目标：{reason}。目标已保存在这台电脑上。',
  tsync_tooLarge: '目标“{target}”有 {bytes} 字节，超过浏览器每项 8,192 字节的上限，只保存在这台电脑上。',
  tsync_rate: '一分钟内同步写入太多次（{writes} 次），你的目标会在一分钟后再改动时一并同步。',
  tsync_newer: '目标“{target}”是另一台电脑上更新版本的店脉保存的，已按那个版本保留。请先在这里更新店脉再修改。',
  tsync_leftOut:
    '较早月份的 {count} 个目标（{months}）只保存在这台电脑上：同步中留给目标的空间（60 KB、300 项）已满。本月和下月优先同步。',
};

const zhTW: Record<TargetSyncKey, string> = {
  tsync_refused: '瀏覽器在 {time} 拒絕同步你的月目標：{reason}。目標已儲存在這台電腦上。',
  tsync_tooLarge: '目標「{target}」有 {bytes} 位元組，超過瀏覽器每項 8,192 位元組的上限，只儲存在這台電腦上。',
  tsync_rate: '一分鐘內同步寫入太多次（{writes} 次），你的目標會在一分鐘後再變更時一併同步。',
  tsync_newer: '目標「{target}」是另一台電腦上較新版本的店脈儲存的，已依那個版本保留。請先在這裡更新店脈再修改。',
  tsync_leftOut:
    '較早月份的 {count} 個目標（{months}）只儲存在這台電腦上：同步中留給目標的空間（60 KB、300 項）已滿。本月和下月優先同步。',
};

export const TARGET_SYNC_STRINGS: Strings<TargetSyncKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
