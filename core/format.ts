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

/** A change with its sign ("+12.3%", "-4.1%"): week over week, against the baseline, against last year. */
export function formatChange(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    fraction,
  );
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
