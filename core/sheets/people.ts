import type { DailyValue } from '../daily-months';
import type { Translate } from '../i18n';
import { METRIC_IDS, metricDef, type MetricId } from '../metrics';
import { addMonths, monthOf } from '../review/dates';
import { monthRows } from '../review/monthly';
import type { MonthTarget } from '../review/types';
import type { MetricKey } from '../strings/metrics';
import type { SheetKey } from '../strings/sheets';
import { daySerial, writeXlsx, type CellFormat, type XlsxCell, type XlsxSheet } from './xlsx-write';

/**
 * The workbook for people, built from StorePulse's own JSON export (the same records a round trip
 * carries): one sheet per shop, a row per day and a column per metric of the shop's own totals, headers
 * in the operator's language, rates as percentages and money with two decimals; then the month review
 * (target, sales, completion, last year, growth) as a sheet of its own.
 */

/** A day of the export's daily records (its id and observation time are not shown). */
type DailyRow = Pick<DailyValue, 'site' | 'store' | 'metric' | 'part' | 'date' | 'value' | 'currency'>;

interface ExportLike {
  daily?: DailyRow[];
  targets?: MonthTarget[];
}

type PeopleTranslate = Translate<SheetKey | MetricKey>;

const FORMAT: Readonly<Record<ReturnType<typeof metricDef>['unit'], CellFormat>> = {
  rate: 'percent',
  money: 'money',
  count: 'count',
  ratio: 'decimal',
  duration: 'count',
};

/** The longest month review, in months back from today. */
const MAX_MONTHS = 36;

const header = (value: string): XlsxCell => ({ value, format: 'header' });

function shopSheet(t: PeopleTranslate, store: string, rows: DailyRow[]): XlsxSheet {
  const metrics = METRIC_IDS.filter((m) => rows.some((r) => r.metric === m));
  const currencies = new Map<MetricId, Set<string>>();
  for (const r of rows)
    if (r.currency) (currencies.get(r.metric) ?? currencies.set(r.metric, new Set()).get(r.metric)!).add(r.currency);
  const title = (m: MetricId) => {
    const name = t(`metric_${m}`);
    const unit = metricDef(m).unit;
    const money = [...(currencies.get(m) ?? [])];
    if (unit === 'duration') return t('sheets_xlsx_seconds', { name });
    if (unit === 'money' && money.length === 1) return t('sheets_xlsx_currency', { name, currency: money[0]! });
    return name;
  };
  const byDay = new Map<string, Map<MetricId, number>>();
  for (const r of rows) (byDay.get(r.date) ?? byDay.set(r.date, new Map()).get(r.date)!).set(r.metric, r.value);
  const days = [...byDay.keys()].sort();
  return {
    name: store,
    widths: [12, ...metrics.map(() => 14)],
    rows: [
      [header(t('sheets_date')), ...metrics.map((m) => header(title(m)))],
      ...days.map((d): XlsxCell[] => [
        { value: daySerial(d), format: 'day' },
        ...metrics.map((m): XlsxCell => {
          const v = byDay.get(d)!.get(m);
          return v === undefined ? null : { value: v, format: FORMAT[metricDef(m).unit] };
        }),
      ]),
    ],
  };
}

function reviewSheet(t: PeopleTranslate, shops: Array<[string, DailyRow[]]>, targets: MonthTarget[], today: string): XlsxSheet {
  const rows: XlsxCell[][] = [
    [
      header(t('sheets_xlsx_shop')),
      header(t('sheets_xlsx_month')),
      header(t('sheets_xlsx_target')),
      header(t('sheets_xlsx_actual')),
      header(t('sheets_xlsx_completion')),
      header(t('sheets_xlsx_lastYear')),
      header(t('sheets_xlsx_growth')),
      header(t('sheets_xlsx_days')),
    ],
  ];
  const money = (v: number | null): XlsxCell => (v === null ? null : { value: v, format: 'money' });
  const percent = (v: number | null): XlsxCell => (v === null ? null : { value: v, format: 'percent' });
  for (const [key, days] of shops) {
    const sales = days.filter((d) => d.metric === 'sales').map((d) => ({ date: d.date, value: d.value }));
    if (sales.length === 0) continue;
    const first = monthOf(sales.reduce((a, b) => (a.date < b.date ? a : b)).date);
    let count = 1;
    while (count < MAX_MONTHS && addMonths(monthOf(today), -count + 1) > first) count++;
    const [site, store] = [days[0]!.site, days[0]!.store];
    const own = targets.filter((x) => x.site === site && x.store === store);
    for (const m of monthRows(sales, own, today, count))
      rows.push([
        store || key,
        m.month,
        money(m.target),
        money(m.actual),
        percent(m.completion),
        money(m.lastYear),
        percent(m.growth),
        { value: m.daysWithData, format: 'count' },
      ]);
  }
  return { name: t('sheets_xlsx_review'), widths: [20, 10, 14, 14, 12, 16, 12, 10], rows };
}

/** The people's workbook of an export, as sheets (the shops', then the month review). */
export function peopleSheets(exported: ExportLike, t: PeopleTranslate, today: string): XlsxSheet[] {
  const shops = new Map<string, DailyRow[]>();
  for (const d of exported.daily ?? []) {
    // The shop's own totals: parts (traffic sources, items) and peers' numbers are not its days.
    if (d.part !== '') continue;
    const key = `${d.site}\u0000${d.store}`;
    (shops.get(key) ?? shops.set(key, []).get(key)!).push(d);
  }
  const list = [...shops.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [...list.map(([, rows]) => shopSheet(t, rows[0]!.store, rows)), reviewSheet(t, list, exported.targets ?? [], today)];
}

/** The workbook's bytes and name: `storepulse-<today>.xlsx`. */
export function peopleWorkbook(exportJson: string, t: PeopleTranslate, today: string): { filename: string; bytes: Uint8Array } {
  return { filename: `storepulse-${today}.xlsx`, bytes: writeXlsx(peopleSheets(JSON.parse(exportJson) as ExportLike, t, today)) };
}
