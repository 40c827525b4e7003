import './SheetImport.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatValue } from '@/core/format';
import { metricName, translator, type Locale } from '@/core/i18n';
import type { ImportReport } from '@/core/messages';
import { METRIC_IDS, type MetricId } from '@/core/metrics';
import { startSheetReader, type SheetReader } from '@/core/sheets/client';
import {
  REPORT_SITES,
  type ColumnRole,
  type Preview,
  type PreviewColumn,
  type Refusal,
  type SheetReply,
} from '@/core/sheets/types';
import { ALERT_STRINGS } from '@/core/strings/alerts';
import { METRIC_STRINGS } from '@/core/strings/metrics';
import { SHEET_STRINGS } from '@/core/strings/sheets';
import type { TransferProgress } from '@/core/transfer-client';
import { errorText, saveBlob } from './util';

const SCREEN = [METRIC_STRINGS, ALERT_STRINGS, SHEET_STRINGS] as const;
type T = ReturnType<typeof translator<typeof SCREEN>>;

export interface SheetImportProps {
  locale: Locale;
  /** The shops StorePulse already knows, to name the file's shop the same way. */
  shops: Array<{ site: string; store: string }>;
  /** Streams StorePulse's own CSV of daily values in through the import port (one transaction). */
  importFile: (file: File, progress: (p: TransferProgress) => void) => Promise<ImportReport>;
  /** StorePulse's own JSON export, from which the people's workbook is made. */
  exportJson: () => Promise<Blob>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A day on the operator's calendar, `offset` days from today: tomorrow is the last day a report may hold. */
function localDay(offset = 0, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The platforms' own report files in, with a preview before anything is stored: the detected shop,
 * period and platform, each column's mapping (changeable, or ignored), the first rows as they will be
 * stored and every row refused with why. Confirming streams the days through the import port, one
 * transaction; and the people's workbook out.
 */
export function SheetImport({ locale, shops, importFile, exportJson }: SheetImportProps) {
  const t = translator(locale, SCREEN);
  const reader = useRef<SheetReader | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [site, setSite] = useState('');
  const [store, setStore] = useState('');
  const [preferFile, setPreferFile] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => () => reader.current?.close(), []);

  const show = (reply: SheetReply, file: string) => {
    if (reply.type === 'refused') {
      setPreview(null);
      setError(t(`sheets_refused_${reply.kind}`, { file, detail: reply.detail }));
    } else if (reply.type === 'preview') {
      setError(null);
      setPreview(reply.preview);
      return reply.preview;
    }
    return null;
  };

  const open = async (file: File) => {
    reader.current?.close();
    reader.current = startSheetReader();
    setPreview(null);
    setError(null);
    setDone(null);
    setBusy(t('sheets_reading', { file: file.name }));
    try {
      const bytes = await file.arrayBuffer();
      const p = show(await reader.current.ask({ type: 'read', bytes, name: file.name, latest: localDay(1) }), file.name);
      if (p) {
        setSite(p.site ?? '');
        const known = shops.filter((s) => s.site === p.site);
        setStore(p.store ?? (known.length === 1 ? known[0]!.store : ''));
      }
    } catch (e) {
      setError(t('sheets_refused_unknown', { file: file.name }) + ` (${errorText(e)})`);
    } finally {
      setBusy(null);
    }
  };

  const ask = async (request: Parameters<SheetReader['ask']>[0]) => {
    if (!reader.current || !preview) return;
    show(await reader.current.ask(request), preview.file);
  };

  const confirm = async () => {
    if (!reader.current || !preview || !site || !store.trim()) return;
    setBusy(t('sheets_saving'));
    setError(null);
    try {
      const reply = await reader.current.ask({ type: 'csv', site, store: store.trim(), preferFile, now: Date.now() });
      if (reply.type !== 'csv') throw new Error(reply.type === 'refused' ? reply.detail : reply.type);
      const report = await importFile(new File([reply.text], 'report.csv', { type: 'text/csv' }), () => undefined);
      if (report.rejectedCount > 0) throw new Error(report.rejected[0]?.reason ?? String(report.rejectedCount));
      setDone(t('sheets_done', { added: report.added.daily, kept: report.duplicates.daily }));
      setPreview(null);
      reader.current.close();
      reader.current = null;
    } catch (e) {
      setError(t('sheets_failed', { error: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };

  const exportPeople = async () => {
    setBusy(t('sheets_exporting'));
    setError(null);
    try {
      const json = await (await exportJson()).text();
      // The workbook writer is loaded on first use, never with the page.
      const { peopleWorkbook } = await import('@/core/sheets/people');
      const file = peopleWorkbook(json, t, localDay());
      saveBlob(new Blob([file.bytes as BlobPart], { type: XLSX_MIME }), file.filename);
    } catch (e) {
      setError(t('sheets_exportFailed', { error: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      class={`options-panel sheet${dragging ? ' sheet-dragging' : ''}`}
      aria-busy={busy !== null}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file) void open(file);
      }}
    >
      <h2>{t('sheets_title')}</h2>
      <p class="options-help">{t('sheets_help')}</p>
      <div class="sheet-actions">
        <label class="sheet-file">
          <span>{t('sheets_choose')}</span>
          <input
            type="file"
            accept=".xlsx,.xls,.csv,.tsv,.txt,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
            disabled={busy !== null}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void open(file).finally(() => (input.value = ''));
            }}
          />
          <span class="sheet-drop">{t('sheets_drop')}</span>
        </label>
        <button type="button" disabled={busy !== null} onClick={() => void exportPeople()}>
          {t('sheets_export')}
        </button>
      </div>
      <p class="options-help">{t('sheets_exportHelp')}</p>
      {busy && (
        <p class="sheet-busy" role="status">
          {busy}
        </p>
      )}
      {error && (
        <p class="options-status options-error sheet-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p class="options-status saved sheet-done" role="status">
          {done}
        </p>
      )}
      {preview && (
        <PreviewView
          t={t}
          locale={locale}
          preview={preview}
          site={site}
          store={store}
          shops={shops}
          preferFile={preferFile}
          busy={busy !== null}
          onSite={(s) => {
            setSite(s);
            void ask({ type: 'site', site: s });
          }}
          onStore={setStore}
          onPrefer={setPreferFile}
          onSheet={(sheet) => void ask({ type: 'sheet', sheet })}
          onMap={(index, role, metric) => void ask({ type: 'map', index, role, ...(metric ? { metric } : {}) })}
          onConfirm={() => void confirm()}
          onCancel={() => {
            reader.current?.close();
            reader.current = null;
            setPreview(null);
          }}
        />
      )}
    </section>
  );
}

interface PreviewViewProps {
  t: T;
  locale: Locale;
  preview: Preview;
  site: string;
  store: string;
  shops: Array<{ site: string; store: string }>;
  preferFile: boolean;
  busy: boolean;
  onSite: (site: string) => void;
  onStore: (store: string) => void;
  onPrefer: (prefer: boolean) => void;
  onSheet: (sheet: number) => void;
  onMap: (index: number, role: ColumnRole, metric?: MetricId) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

function PreviewView(props: PreviewViewProps) {
  const { t, locale, preview: p, site, store } = props;
  const metrics = p.columns.filter((c) => c.role === 'metric' && c.metric);
  const hasPart = p.first.some((d) => d.breakdown);
  const ready = !!site && !!store.trim() && p.valueCount > 0;
  return (
    <div class="sheet-preview">
      <dl class="sheet-facts">
        <dt>{t('sheets_file')}</dt>
        <dd>
          {p.file}
          {p.encoding && <span class="sheet-note"> · {t('sheets_encoding', { encoding: p.encoding })}</span>}
        </dd>
        {p.sheets.length > 1 && (
          <>
            <dt>{t('sheets_sheet')}</dt>
            <dd>
              <select value={p.sheet} onChange={(e) => props.onSheet(Number(e.currentTarget.value))}>
                {p.sheets.map((name, i) => (
                  <option key={name} value={i}>
                    {name}
                  </option>
                ))}
              </select>
            </dd>
          </>
        )}
        <dt>{t('sheets_platform')}</dt>
        <dd>
          <select class="sheet-site" value={site} onChange={(e) => props.onSite(e.currentTarget.value)}>
            <option value="">{t('sheets_platformPick')}</option>
            {REPORT_SITES.map((s) => (
              <option key={s} value={s}>
                {t(`site_${s}`)}
              </option>
            ))}
          </select>
          {!site && <span class="sheet-warn"> {t('sheets_platformMissing')}</span>}
        </dd>
        <dt>{t('sheets_shop')}</dt>
        <dd>
          <input
            class="sheet-store"
            type="text"
            value={store}
            maxLength={120}
            list="sheet-known-shops"
            onInput={(e) => props.onStore(e.currentTarget.value)}
          />
          <datalist id="sheet-known-shops">
            {props.shops
              .filter((s) => !site || s.site === site)
              .map((s) => (
                <option key={`${s.site}|${s.store}`} value={s.store} />
              ))}
          </datalist>
          {!store.trim() && <span class="sheet-warn"> {t('sheets_shopMissing')}</span>}
          <div class="options-help options-small">{t('sheets_shopHelp')}</div>
        </dd>
        <dt>{t('sheets_period')}</dt>
        <dd class="sheet-period">
          {p.period
            ? t('sheets_periodValue', { start: p.period.start, end: p.period.end, days: p.dayCount })
            : t('sheets_noPeriod')}
          {p.titlePeriod && <span class="sheet-note"> ({t('sheets_titlePeriod', p.titlePeriod)})</span>}
        </dd>
      </dl>

      <h3>{t('sheets_columns')}</h3>
      <table class="sheet-columns">
        <thead>
          <tr>
            <th>{t('sheets_column')}</th>
            <th>{t('sheets_mapping')}</th>
          </tr>
        </thead>
        <tbody>
          {p.columns
            .filter((c) => c.header)
            .map((c) => (
              <ColumnRow key={c.index} t={t} column={c} busy={props.busy} onMap={props.onMap} />
            ))}
        </tbody>
      </table>

      <h3>{t('sheets_first')}</h3>
      <div class="sheet-scroll">
        <table class="sheet-rows">
          <thead>
            <tr>
              <th>{t('sheets_date')}</th>
              {hasPart && <th>{t('sheets_part')}</th>}
              {metrics.map((c) => (
                <th key={c.index}>{metricName(t, c.metric!)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.first.map((d) => (
              <tr key={d.row}>
                <td>{d.date}</td>
                {hasPart && <td>{d.breakdown?.key ?? ''}</td>}
                {metrics.map((c) => {
                  const v = d.values.find((x) => x.metric === c.metric);
                  return <td key={c.index}>{v ? formatValue(v.metric, v.value, locale, v.currency) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Refusals t={t} preview={p} />
      {p.empty > 0 && <p class="options-help">{t('sheets_empty', { count: p.empty })}</p>}

      <p class="sheet-summary">
        {t('sheets_summary', {
          values: p.valueCount,
          days: p.dayCount,
          shop: store.trim() || '—',
          site: site ? t(`site_${site as (typeof REPORT_SITES)[number]}`) : '—',
        })}
      </p>
      <label class="sheet-prefer">
        <input type="checkbox" checked={props.preferFile} onChange={(e) => props.onPrefer(e.currentTarget.checked)} />
        {t('sheets_preferFile')}
      </label>
      <div class="options-help options-small">{t('sheets_preferHelp')}</div>
      <div class="sheet-actions">
        <button type="button" class="sheet-confirm" disabled={!ready || props.busy} onClick={props.onConfirm}>
          {t('sheets_confirm', { values: p.valueCount })}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {t('sheets_cancel')}
        </button>
      </div>
    </div>
  );
}

function ColumnRow({
  t,
  column: c,
  busy,
  onMap,
}: {
  t: T;
  column: PreviewColumn;
  busy: boolean;
  onMap: PreviewViewProps['onMap'];
}) {
  const value = c.role === 'metric' ? `metric:${c.metric}` : c.role;
  return (
    <tr class={c.role === 'ignore' ? 'sheet-ignored' : ''}>
      <td>{c.header}</td>
      <td>
        <select
          value={value}
          disabled={busy}
          aria-label={c.header}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v.startsWith('metric:')) onMap(c.index, 'metric', v.slice(7) as MetricId);
            else onMap(c.index, v as ColumnRole);
          }}
        >
          <option value="ignore">{t('sheets_map_ignore')}</option>
          <option value="date">{t('sheets_map_date')}</option>
          <option value="breakdown">{t('sheets_map_breakdown')}</option>
          {METRIC_IDS.map((m) => (
            <option key={m} value={`metric:${m}`}>
              {metricName(t, m)}
            </option>
          ))}
        </select>
        {c.role === 'ignore' && c.unmapped && <span class="sheet-note"> {t(`sheets_unmapped_${c.unmapped}`)}</span>}
      </td>
    </tr>
  );
}

/** Shown one by one up to this many; the rest are counted. */
const SHOWN = 30;

function Refusals({ t, preview: p }: { t: T; preview: Preview }) {
  if (p.refusalCount === 0) return <p class="sheet-ok">{t('sheets_noRefusals')}</p>;
  const line = (r: Refusal) => {
    const reason = t(`sheets_reason_${r.reason}`);
    const text = r.text ? ` “${r.text}”` : '';
    return r.column
      ? t('sheets_refusalCell', { row: r.row, column: r.column, reason: reason + text })
      : t('sheets_refusalRow', { row: r.row, reason: reason + text });
  };
  return (
    <div class="sheet-refusals">
      <p class="options-status options-error">{t('sheets_refusals', { count: p.refusalCount })}</p>
      <ul>
        {p.refusals.slice(0, SHOWN).map((r, i) => (
          <li key={`${r.row}-${i}`}>{line(r)}</li>
        ))}
      </ul>
      {p.refusalCount > SHOWN && <p>{t('sheets_refusalMore', { count: p.refusalCount - SHOWN })}</p>}
    </div>
  );
}
