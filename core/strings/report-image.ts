import type { Strings } from '../i18n';

/**
 * The daily report as a picture for the team chat: the button, what happened to the picture (on the
 * clipboard, or saved as a file where the browser refuses the clipboard) and the picture's own footer.
 * English is the reference; the Chinese tables must have every key (a missing one does not compile).
 */

const en = {
  rimg_copy: 'Copy as image',
  rimg_copied: 'Report image copied: paste it into the team chat.',
  rimg_downloaded:
    'The browser did not let StorePulse put an image on the clipboard, so the report was saved as {file} instead: drag it into the chat.',
  rimg_failed: 'The report image could not be made: {error}',
  rimg_footer: 'StorePulse · read from the back-office pages you opened; nothing was sent anywhere',
} as const;

export type ReportImageKey = keyof typeof en;

const zhCN: Record<ReportImageKey, string> = {
  rimg_copy: '复制日报图片',
  rimg_copied: '日报图片已复制，可直接粘贴到工作群。',
  rimg_downloaded: '浏览器不允许把图片写入剪贴板，已改为下载 {file}：把它拖进工作群即可。',
  rimg_failed: '日报图片生成失败：{error}',
  rimg_footer: '店脉 · 数据读自你打开的后台页面，未发送到任何地方',
};

const zhTW: Record<ReportImageKey, string> = {
  rimg_copy: '複製日報圖片',
  rimg_copied: '日報圖片已複製，可直接貼到工作群組。',
  rimg_downloaded: '瀏覽器不允許把圖片寫入剪貼簿，已改為下載 {file}：把它拖進工作群組即可。',
  rimg_failed: '日報圖片產生失敗：{error}',
  rimg_footer: '店脈 · 資料讀自你開啟的後台頁面，未傳送到任何地方',
};

export const REPORT_IMAGE_STRINGS: Strings<ReportImageKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
