import { metricDef, type MetricId } from './metrics';
import type { Locale, Translate } from './i18n';
import type { AlertKey } from './strings/alerts';
import type { Period } from './types';

/** How a stored value is shown back to the operator, in the operator's language. */
export function formatValue(metric: MetricId, value: number, locale: Locale, currency?: string): string {
  const unit = metricDef(metric).unit;
  switch (unit) {
    case 'rate':
      return `${trimZeros((value * 100).toFixed(2))}%`;
    case 'ratio':
      return value.toFixed(2);
    case 'count':
      return new Intl.NumberFormat(locale).format(value);
    case 'money':
      return currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(value)
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case 'duration':
      return formatDuration(value, locale);
  }
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function formatDuration(seconds: number, locale: Locale): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (locale === 'en') return m > 0 ? `${m}m ${rest}s` : `${rest}s`;
  const min = locale === 'zh-TW' ? '分' : '分';
  return m > 0 ? `${m}${min}${rest}秒` : `${rest}秒`;
}

export function formatPeriod(t: Translate<AlertKey>, period: Period): string {
  return t(`period_${period.kind}`, { start: period.start, end: period.end });
}

export function formatTime(epochMs: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(epochMs));
}

/** A share or completion as a whole percent ("94%"); one decimal under 10% so small gaps still show. */
export function formatPercent(fraction: number, locale: Locale): string {
  const digits = Math.abs(fraction) < 0.1 && fraction !== 0 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/**
 * A relative change with its sign and always one decimal, so changes side by side line up ("+12.3%",
 * "-4.1%", "+5.0%"): week over week, against the baseline, against last year.
 */
export function formatChange(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(fraction);
}

const POINTS: Record<Locale, string> = { 'zh-CN': '个百分点', 'zh-TW': '個百分點', en: ' pp' };

/**
 * A rate's change as the difference of the two rates, in percentage points ("-0.25个百分点", "+1.20 pp"),
 * never as a bare "-2.1%" that could be read either way.
 */
export function formatPoints(difference: number, locale: Locale): string {
  const points = Math.round(difference * 10_000) / 100;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(points)}${POINTS[locale]}`;
}

/** A factor's change: points for a rate (conversion), relative for the rest (visitors, order value). */
export function formatFactorChange(
  metric: MetricId,
  f: { current: number; baseline: number; change: number },
  locale: Locale,
): string {
  return metricDef(metric).unit === 'rate' ? formatPoints(f.current - f.baseline, locale) : formatChange(f.change, locale);
}

/** Money in whole units, signed for a column of gains and losses ("-¥2,950", "+¥310") or not. */
export function wholeMoney(amount: number, locale: Locale, currency?: string, signed = true): string {
  const rounded = Math.round(amount);
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: signed ? 'exceptZero' : 'never',
    ...(currency ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol' } : {}),
  }).format(rounded === 0 ? 0 : rounded);
}

/**
 * A value with a fixed number of decimals for its unit, so numbers shown side by side line up: rates
 * always with two ("81.40%" beside "72.31%", never "81.4%"); other units as `formatValue` shows them.
 */
export function steadyValue(metric: MetricId, value: number, locale: Locale, currency?: string): string {
  return metricDef(metric).unit === 'rate' ? `${(value * 100).toFixed(2)}%` : formatValue(metric, value, locale, currency);
}

/**
 * One number of decimals for a whole column (a table's column, the shops' lines, a chart's axis), picked
 * from all of its values: rates and ratios with two, as the back offices show them ("69.60%" beside
 * "64.55%"); money with cents only when some value in the column has cents; counts whole unless one is
 * not; completions (rounded down) and changes with one decimal when some value needs it, else none —
 * "101.0%" beside "101.2%", never "101%" beside "101.2%".
 */
export function formatColumn(
  kind: MetricId | 'completion' | 'change',
  values: readonly number[],
  locale: Locale,
  currency?: string,
): (value: number) => string {
  if (kind === 'completion' || kind === 'change') {
    const floor = kind === 'completion';
    const tenths = (v: number) => (floor ? Math.floor(v * 1000 + 1e-9) : Math.round(v * 1000));
    const digits = values.some((v) => tenths(v) % 10 !== 0) ? 1 : 0;
    const nf = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(floor ? { roundingMode: 'floor' as const } : { signDisplay: 'exceptZero' as const }),
    });
    return (v) => nf.format(v);
  }
  const unit = metricDef(kind).unit;
  if (unit === 'rate' || unit === 'duration') return (v) => steadyValue(kind, v, locale);
  const digits =
    unit === 'ratio'
      ? 2
      : values.some((v) => (unit === 'money' ? Math.round(v * 100) % 100 !== 0 : !Number.isInteger(v)))
        ? unit === 'money'
          ? 2
          : 1
        : 0;
  const nf = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(unit === 'money' && currency ? { style: 'currency' as const, currency, currencyDisplay: 'narrowSymbol' as const } : {}),
  });
  return (v) => nf.format(v);
}

/** `formatColumn` over the values a table's rows have (a row without one shows "—" and counts for nothing). */
export function columnOf<T>(
  kind: Parameters<typeof formatColumn>[0],
  rows: readonly T[],
  pick: (row: T, index: number) => number | null,
  locale: Locale,
  currency?: string,
): (value: number) => string {
  return formatColumn(
    kind,
    rows.map(pick).filter((v): v is number => v !== null),
    locale,
    currency,
  );
}

/** Axis labels wider than this many characters do not fit beside the chart; they take the short form. */
const AXIS_CHARS = 7;

/**
 * A chart's y-axis labels: as the tables show the same values ("¥15,000") where that fits, else the
 * short form ("¥1.5万", "¥150K").
 */
export function formatAxis(
  metric: MetricId,
  ticks: readonly number[],
  locale: Locale,
  currency?: string,
): (value: number) => string {
  const full = formatColumn(metric, ticks, locale, currency);
  return ticks.every((v) => full(v).length <= AXIS_CHARS) ? full : (v) => formatCompact(metric, v, locale, currency);
}

/**
 * A short form for chart axes, where "¥123,456.00" does not fit: "¥12万" in Chinese, "¥123K" in English.
 * Rates and ratios keep their usual form, which is short already.
 */
export function formatCompact(metric: MetricId, value: number, locale: Locale, currency?: string): string {
  const unit = metricDef(metric).unit;
  if (unit === 'rate') return `${trimZeros((value * 100).toFixed(1))}%`;
  if (unit === 'ratio') return value.toFixed(1);
  if (unit === 'duration') return formatDuration(value, locale);
  return new Intl.NumberFormat(locale, {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    ...(unit === 'money' && currency ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol' } : {}),
  }).format(value);
}

/**
 * How much of a target was reached, rounded down: 99.93% reads "99.9%", never "100%" on a missed
 * target.
 */
export function formatCompletion(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, roundingMode: 'floor' }).format(fraction);
}

/** A share of sales (费比, paid share) with one decimal: "12.1%"; "—" when unknown. */
export const formatShare = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;

/** An ROI (ad sales ÷ spend) with two decimals: "1.33"; "—" when unknown. */
export const formatRoi = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(2));
