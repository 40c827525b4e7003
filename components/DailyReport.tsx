import './DailyReport.css';
import { useState } from 'preact/hooks';
import type { Locale } from '@/core/i18n';
import { dailyReport } from '@/core/report';
import type { ReviewState } from '@/core/review/types';
import type { PopupTranslate } from '@/core/strings/popup';
import { errorText } from './util';

/** One click from the review: the daily report as text on the clipboard, ready to paste into the team chat. */
export function DailyReport({
  review,
  t,
  locale,
  copyText,
}: {
  review: Pick<ReviewState, 'today' | 'shops' | 'inbox'>;
  t: PopupTranslate;
  locale: Locale;
  copyText: (text: string) => Promise<void>;
}) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = () =>
    void copyText(dailyReport(review, t, locale)).then(
      () => setStatus(t('report_copied')),
      (e: unknown) => setStatus(t('report_copyFailed', { error: errorText(e) })),
    );
  return (
    <div class="report-bar">
      <button type="button" class="popup-act report-copy" onClick={copy}>
        {t('report_copy')}
      </button>
      {status && (
        <span class="report-status popup-muted" role="status">
          {status}
        </span>
      )}
    </div>
  );
}
