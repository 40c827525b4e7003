import type { Strings } from '../i18n';

/**
 * Peers next to the shop: the trends tab's latest numbers of the shop and its listed peers, and the
 * options page's link from a name a 竞店 page prints to a listed peer.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  peerl_title: 'Latest, you and your peers',
  peerl_you: 'your shop',
  peerl_unlisted: 'not in your peer list: link the name in Settings',
  peerl_none: 'No numbers of your listed peers yet: open the 竞店 page of 生意参谋 with them chosen.',
  peera_printedAs: 'Printed as: {names}',
  peera_label: 'Name a 竞店 page prints for {name}',
  peera_add: 'Link',
  peera_help: 'When a 竞店 page prints this shop under another name, link that name here.',
  peera_err: 'Type the name as the 竞店 page prints it.',
  peera_remove: 'Unlink {name}',
} as const;

export type PeerKey = keyof typeof en;

const zhCN: Record<PeerKey, string> = {
  peerl_title: '最新数字：本店与竞店',
  peerl_you: '本店',
  peerl_unlisted: '不在你的竞店名单中：可在设置里关联这个名字',
  peerl_none: '还没有读到名单中竞店的数字：在生意参谋的竞店页面选中它们后打开即可。',
  peera_printedAs: '页面显示为：{names}',
  peera_label: '竞店页面上 {name} 显示的名字',
  peera_add: '关联',
  peera_help: '竞店页面上这家店显示成别的名字时，在这里关联那个名字。',
  peera_err: '请按竞店页面上显示的样子填写名字。',
  peera_remove: '取消关联 {name}',
};

const zhTW: Record<PeerKey, string> = {
  peerl_title: '最新數字：本店與競店',
  peerl_you: '本店',
  peerl_unlisted: '不在你的競店名單中：可在設定裡關聯這個名字',
  peerl_none: '還沒有讀到名單中競店的數字：在生意參謀的競店頁面選取它們後開啟即可。',
  peera_printedAs: '頁面顯示為：{names}',
  peera_label: '競店頁面上 {name} 顯示的名字',
  peera_add: '關聯',
  peera_help: '競店頁面上這家店顯示成別的名字時，在這裡關聯那個名字。',
  peera_err: '請按競店頁面上顯示的樣子填寫名字。',
  peera_remove: '取消關聯 {name}',
};

export const PEER_STRINGS: Strings<PeerKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
