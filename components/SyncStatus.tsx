import './SyncStatus.css';
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '@/core/format';
import type { Locale } from '@/core/i18n';
import type { SyncMode, SyncProblem, SyncStatus as Status } from '@/core/settings-sync';
import type { TargetSyncProblem, TargetSyncStatus } from '@/core/target-sync-status';
import type { OptionsTranslate } from '@/core/strings/options';

/**
 * The browser's message for a refused write, in the operator's words where it is one of the quotas.
 * The API names them QUOTA_BYTES_PER_ITEM, QUOTA_BYTES, MAX_WRITE_OPERATIONS_PER_MINUTE; Chromium's
 * messages spell them "Resource::kQuotaBytesPerItem quota exceeded" and so on. Firefox names none
 * ("QuotaExceededError: storage.sync API call exceeded its quota limitations."); items over the per-item
 * limit are never sent, so there it is the space: bytes or items.
 */
export function reasonOf(raw: string, t: OptionsTranslate): string {
  // The browser's own full stop would sit before the sentence's.
  const message = raw.trim().replace(/[.。]+$/, '');
  const name = message.replace(/_/g, '').toLowerCase();
  if (name.includes('quotabytesperitem')) return `${t('sync_quotaItem')} (${message})`;
  if (name.includes('quotabytes')) return `${t('sync_quotaTotal')} (${message})`;
  if (name.includes('maxwriteoperations') || name.includes('maxsustained')) return `${t('sync_quotaRate')} (${message})`;
  if (name.includes('quotaexceedederror') || name.includes('exceeded its quota')) return `${t('sync_quotaFull')} (${message})`;
  return message;
}

function problemText(p: SyncProblem, time: string, t: OptionsTranslate): string {
  switch (p.code) {
    case 'refused':
      return t('sync_refused', { time, reason: reasonOf(p.message, t) });
    case 'itemTooLarge':
      return t('sync_tooLarge', { field: p.field, bytes: p.bytes });
    case 'rateLimited':
      return t('sync_rate', { writes: p.writes });
    case 'newerKept':
      return t('sync_newer', { field: p.field });
  }
}

function targetProblemText(p: TargetSyncProblem, time: string, t: OptionsTranslate): string {
  switch (p.code) {
    case 'refused':
      return t('tsync_refused', { time, reason: reasonOf(p.message, t) });
    case 'itemTooLarge':
      return t('tsync_tooLarge', { target: p.target, bytes: p.bytes });
    case 'rateLimited':
      return t('tsync_rate', { writes: p.writes });
    case 'newerKept':
      return t('tsync_newer', { target: p.target });
    case 'leftOut':
      return t('tsync_leftOut', { count: p.count, months: p.months.join(', ') });
  }
}

/** What the worker says of sync: the last pushes (settings, monthly targets), and whether sync is followed here and why. */
export interface SyncView {
  status: Status | null;
  mode: SyncMode | null;
  targets?: TargetSyncStatus | null;
}

function modeText(mode: SyncMode, t: OptionsTranslate): string {
  if (!mode.available) return t('sync_unavailable');
  if (mode.closed) return t('sync_closed');
  return t(mode.optedIn ? 'sync_openOn' : 'sync_openOff');
}

/**
 * Whether the settings follow sync in this browser, and why (core/settings-store.ts): where the browser
 * cannot close sync to content scripts, the operator's switch. Then what the browser's sync did with the
 * settings last time (core/settings-sync.ts): sent, or refused and why. `watch` calls back whenever the
 * status changes (a push runs a moment after each save).
 */
export function SyncStatus({
  load,
  watch,
  choose,
  t,
  locale,
}: {
  load: () => Promise<SyncView>;
  watch: (changed: () => void) => () => void;
  choose: (optIn: boolean) => Promise<SyncMode>;
  t: OptionsTranslate;
  locale: Locale;
}) {
  const [{ status, mode, targets }, setView] = useState<SyncView>({ status: null, mode: null });
  useEffect(() => {
    const read = () => void load().then(setView, () => undefined);
    read();
    return watch(read);
  }, [load, watch]);
  const follows = mode?.follows ?? true;
  const time = status ? formatTime(status.at, locale) : '';
  const targetTime = targets ? formatTime(targets.at, locale) : '';
  const problems = [
    ...(status?.problems ?? []).map((p) => ({ code: p.code, text: problemText(p, time, t) })),
    ...(targets?.problems ?? []).map((p) => ({ code: `targets-${p.code}`, text: targetProblemText(p, targetTime, t) })),
  ];
  return (
    <section class="options-panel sync" data-testid="sync-status">
      <h2>{t('sync_title')}</h2>
      <p class="options-help">{t('sync_help')}</p>
      {mode && (
        <p class="sync-mode" data-follows={String(mode.follows)}>
          {modeText(mode, t)}
        </p>
      )}
      {mode?.available && !mode.closed && (
        <label class="sync-choice">
          <input
            type="checkbox"
            checked={mode.optedIn}
            onChange={(e) =>
              void choose(e.currentTarget.checked).then(
                (next) => setView((v) => ({ ...v, mode: next })),
                () => undefined,
              )
            }
          />{' '}
          {t('sync_optIn')}
        </label>
      )}
      {!follows ? null : problems.length > 0 ? (
        <ul class="sync-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i} data-code={p.code}>
              {p.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="sync-ok" role="status">
          {status || targets
            ? t('sync_ok', { time: (status?.at ?? 0) >= (targets?.at ?? 0) ? time : targetTime })
            : t('sync_none')}
        </p>
      )}
    </section>
  );
}
