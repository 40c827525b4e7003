import './DailyReport.css';
import { useState } from 'preact/hooks';
import type { Locale } from '@/core/i18n';
import { dailyReport, reportLines } from '@/core/report';
import type { ReviewState } from '@/core/review/types';
import type { PopupTranslate } from '@/core/strings/popup';
import { errorText } from './util';

/** Where the report's picture goes: the clipboard, or a file where the browser refuses the clipboard. */
export interface ImageOut {
  /** Puts the PNG on the clipboard; rejects where the browser does not allow it. */
  copy: (png: Promise<Blob>) => Promise<void>;
  /** Saves the PNG as a file. */
  save: (png: Blob, filename: string) => void;
}

/** The system clipboard and a download: the popup's defaults. */
export const BROWSER_IMAGE_OUT: ImageOut = {
  async copy(png) {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write)
      throw new Error('no image clipboard in this browser');
    // The item is handed the promise: the clipboard is asked while the click still counts as the operator's.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  },
  save(png, filename) {
    const url = URL.createObjectURL(png);
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

/**
 * One click from the review: the daily report on the clipboard, as text ready to paste into the team
 * chat, or as a picture for chats where a picture is read and a paragraph is not.
 */
export function DailyReport({
  review,
  t,
  locale,
  copyText,
  image = BROWSER_IMAGE_OUT,
}: {
  review: Pick<ReviewState, 'today' | 'shops' | 'inbox'>;
  t: PopupTranslate;
  locale: Locale;
  copyText: (text: string) => Promise<void>;
  image?: ImageOut;
}) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = () =>
    void copyText(dailyReport(review, t, locale)).then(
      () => setStatus(t('report_copied')),
      (e: unknown) => setStatus(t('report_copyFailed', { error: errorText(e) })),
    );
  const copyImage = () => {
    // The drawing code is loaded on first use, never with the popup.
    const png = import('@/core/report-image').then((m) => m.reportPng(reportLines(review, t, locale), t('rimg_footer'), locale));
    void image.copy(png).then(
      () => setStatus(t('rimg_copied')),
      () =>
        png.then(
          (blob) => {
            const file = `storepulse-${review.today}.png`;
            image.save(blob, file);
            setStatus(t('rimg_downloaded', { file }));
          },
          (e: unknown) => setStatus(t('rimg_failed', { error: errorText(e) })),
        ),
    );
  };
  return (
    <div class="report-bar">
      <button type="button" class="popup-act report-copy" onClick={copy}>
        {t('report_copy')}
      </button>
      <button type="button" class="popup-act report-image" onClick={copyImage}>
        {t('rimg_copy')}
      </button>
      {status && (
        <span class="report-status popup-muted" role="status">
          {status}
        </span>
      )}
    </div>
  );
}
