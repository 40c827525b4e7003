import './DataPanel.css';
import { useState } from 'preact/hooks';
import type { OptionsTranslate } from '@/core/strings/options';
import type { ImportReport, Rejection, SectionCounts } from '@/core/messages';
import { TransferLost, TransferRefused, type TransferProgress } from '@/core/transfer-client';
import { saveBlob } from './util';

export interface Transfer {
  /** Streams the export in pieces (any size), telling how far it got. */
  exportData: (format: 'json' | 'csv', progress: (p: TransferProgress) => void) => Promise<{ filename: string; blob: Blob }>;
  /** Streams a file in; refuses one too large or not an export before reading it whole. */
  importData: (file: File, progress: (p: TransferProgress) => void) => Promise<ImportReport>;
  /** Repairs and saves the settings an export carried; returns the repair notes. */
  applySettings: (raw: unknown) => Promise<string[]>;
}

const SECTIONS: ReadonlyArray<keyof SectionCounts> = ['daily', 'readings', 'alerts', 'targets', 'curves'];
/** Sections named even when nothing of them was in the file (a CSV has days only; curves come with JSON). */
const ALWAYS: ReadonlyArray<keyof SectionCounts> = ['daily', 'readings', 'alerts', 'targets'];
/** Rejections shown one by one; the report counts the rest. */
const SHOWN = 20;

/** The options page's data section: how much is kept, export (JSON, CSV) and import with a report. */
export function DataPanel({ t, totalReadings, transfer }: { t: OptionsTranslate; totalReadings: number; transfer: Transfer }) {
  const [busy, setBusy] = useState(false);
  const [withSettings, setWithSettings] = useState(false);
  const [result, setResult] = useState<{ report: ImportReport; settingsNotes?: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<TransferProgress | null>(null);

  const download = async (format: 'json' | 'csv') => {
    setBusy(true);
    setError(null);
    try {
      const file = await transfer.exportData(format, setProgress);
      saveBlob(file.blob, file.filename);
    } catch (e) {
      setError(e instanceof TransferLost ? t('data_lostExport') : t('data_exportFailed', { error: message(e) }));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const report = await transfer.importData(file, setProgress);
      const settingsNotes =
        withSettings && report.settings !== undefined ? await transfer.applySettings(report.settings) : undefined;
      setResult(settingsNotes ? { report, settingsNotes } : { report });
    } catch (e) {
      setError(
        e instanceof TransferRefused
          ? t(e.kind === 'tooLarge' ? 'data_refusedTooLarge' : 'data_refusedNotExport')
          : e instanceof TransferLost
            ? t(e.phase === 'writing' ? 'data_lostWriting' : 'data_lostReading')
            : t('data_importFailed', { error: message(e) }),
      );
    } finally {
      setBusy(false);
      setProgress(null);
      input.value = '';
    }
  };

  return (
    <section class="options-panel data" aria-busy={busy}>
      <h2>{t('options_data')}</h2>
      <p>{t('options_dataCount', { count: totalReadings })}</p>
      <div class="data-actions">
        <button type="button" disabled={busy} onClick={() => void download('json')}>
          {t('data_exportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void download('csv')}>
          {t('data_exportCsv')}
        </button>
      </div>
      <p class="options-help">{t('data_exportHelp')}</p>
      <div class="data-import">
        <label class="data-file">
          <span>{t('data_import')}</span>
          <input type="file" accept=".json,.csv,application/json,text/csv" disabled={busy} onChange={(e) => void onFile(e)} />
        </label>
        <label class="data-check">
          <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.currentTarget.checked)} />
          {t('data_importSettings')}
        </label>
      </div>
      {progress && <Progress t={t} progress={progress} />}
      {error && (
        <p class="options-status options-error" role="alert">
          {error}
        </p>
      )}
      {result && <ImportResult t={t} {...result} />}
    </section>
  );
}

/** How far an export or import has come; saving has no count, so its bar runs without one. */
function Progress({ t, progress }: { t: OptionsTranslate; progress: TransferProgress }) {
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const label =
    progress.phase === 'writing'
      ? t('data_progressWriting')
      : t(progress.phase === 'export' ? 'data_progressExport' : 'data_progressImport', { percent });
  return (
    <div class="data-progress" role="status">
      {progress.phase === 'writing' ? <progress aria-label={label} /> : <progress aria-label={label} max={100} value={percent} />}
      <span>{label}</span>
    </div>
  );
}

function ImportResult({ t, report, settingsNotes }: { t: OptionsTranslate; report: ImportReport; settingsNotes?: string[] }) {
  const counts = (c: SectionCounts) =>
    SECTIONS.filter((s) => ALWAYS.includes(s) || c[s] > 0)
      .map((s) => t(`data_section_${s}`, { count: c[s] }))
      .join(' · ');
  return (
    <div class="data-import-report" role="status">
      <p class="options-status saved">{t('data_imported', { added: counts(report.added) })}</p>
      <p>{t('data_duplicates', { skipped: counts(report.duplicates) })}</p>
      {report.rejectedCount > 0 && (
        <>
          <p class="options-status options-error">{t('data_rejected', { count: report.rejectedCount })}</p>
          <ul class="data-rejections">
            {report.rejected.slice(0, SHOWN).map((r) => (
              <li key={`${r.section}-${r.index}`} title={r.reason}>
                {t(report.format === 'csv' ? 'data_rejectedLine' : 'data_rejectedRecord', {
                  section: t(`data_part_${r.section}`),
                  index: r.index,
                  reason: why(t, r),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {settingsNotes && (
        <p>{settingsNotes.length ? `${t('options_repairNotes')} ${settingsNotes.join('; ')}` : t('data_settingsApplied')}</p>
      )}
    </div>
  );
}

/** A rejection in the operator's language; the file's own words (zod's, in English) only as a title. */
function why(t: OptionsTranslate, r: Rejection): string {
  const w = r.what;
  if (w.kind === 'field') return t('data_reject_field', { field: w.field });
  if (w.kind === 'fieldCount') return t('data_reject_count', { found: w.found, expected: w.expected });
  return t('data_reject_mismatch');
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
