import { useState } from 'preact/hooks';
import type { UiTranslate } from '@/core/i18n-ui';
import type { ImportReport, Rejection, SectionCounts } from '@/core/messages';

export interface Transfer {
  exportData: (format: 'json' | 'csv') => Promise<{ filename: string; mime: string; text: string }>;
  importData: (text: string) => Promise<ImportReport>;
  /** Repairs and saves the settings an export carried; returns the repair notes. */
  applySettings: (raw: unknown) => Promise<string[]>;
}

const SECTIONS: ReadonlyArray<keyof SectionCounts> = ['daily', 'readings', 'alerts', 'targets'];
/** Rejections shown one by one; the report counts the rest. */
const SHOWN = 20;

/** The options page's data section: how much is kept, export (JSON, CSV) and import with a report. */
export function DataPanel({ t, totalReadings, transfer }: { t: UiTranslate; totalReadings: number; transfer: Transfer }) {
  const [busy, setBusy] = useState(false);
  const [withSettings, setWithSettings] = useState(false);
  const [result, setResult] = useState<{ report: ImportReport; settingsNotes?: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: 'json' | 'csv') => {
    setError(null);
    try {
      const file = await transfer.exportData(format);
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(message(e));
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
      const report = await transfer.importData(await file.text());
      const settingsNotes =
        withSettings && report.settings !== undefined ? await transfer.applySettings(report.settings) : undefined;
      setResult(settingsNotes ? { report, settingsNotes } : { report });
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <section class="panel data" aria-busy={busy}>
      <h2>{t('options_data')}</h2>
      <p>{t('options_dataCount', { count: totalReadings })}</p>
      <div class="data-actions">
        <button type="button" onClick={() => void download('json')}>
          {t('data_exportJson')}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {t('data_exportCsv')}
        </button>
      </div>
      <p class="help">{t('data_exportHelp')}</p>
      <div class="data-import">
        <label class="file">
          <span>{t('data_import')}</span>
          <input type="file" accept=".json,.csv,application/json,text/csv" disabled={busy} onChange={(e) => void onFile(e)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.currentTarget.checked)} />
          {t('data_importSettings')}
        </label>
      </div>
      {error && (
        <p class="status error" role="alert">
          {t('data_importFailed', { error })}
        </p>
      )}
      {result && <ImportResult t={t} {...result} />}
    </section>
  );
}

function ImportResult({ t, report, settingsNotes }: { t: UiTranslate; report: ImportReport; settingsNotes?: string[] }) {
  const counts = (c: SectionCounts) => SECTIONS.map((s) => t(`data_section_${s}`, { count: c[s] })).join(' · ');
  return (
    <div class="import-report" role="status">
      <p class="status saved">{t('data_imported', { added: counts(report.added) })}</p>
      <p>{t('data_duplicates', { skipped: counts(report.duplicates) })}</p>
      {report.rejectedCount > 0 && (
        <>
          <p class="status error">{t('data_rejected', { count: report.rejectedCount })}</p>
          <ul class="rejections">
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
function why(t: UiTranslate, r: Rejection): string {
  const w = r.what;
  if (w.kind === 'field') return t('data_reject_field', { field: w.field });
  if (w.kind === 'fieldCount') return t('data_reject_count', { found: w.found, expected: w.expected });
  return t('data_reject_mismatch');
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
