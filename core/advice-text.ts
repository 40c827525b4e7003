import { formatChange, formatFactorChange, formatPeriod, formatShare, formatValue, steadyValue, wholeMoney } from './format';
import { metricName, type Locale, type Translate } from './i18n';
import type { WorstPart } from './review/parts';
import type { AlertView, FactorShare, SpendAlertDetail } from './review/types';
import type { AdviceKey } from './strings/advice';
import type { AlertKey } from './strings/alerts';
import type { MetricKey } from './strings/metrics';

/**
 * The advice's sentences, shared by the popup and the daily report: the source or item worst against
 * the shop, the review's alerts, and the factors of a change in money. Numbers one way (core/format.ts):
 * changes with one decimal, a rate's change in points, money in whole units.
 */

export type AdviceTranslate = Translate<AdviceKey | AlertKey | MetricKey>;

/** "直通车跳失率 81.40%（全店 72.31%）→ 先改直通车落地页". */
export function partAdvice(t: AdviceTranslate, locale: Locale, p: WorstPart): string {
  const part = p.kind === 'item' ? t('advice_partItem', { name: p.breakdown.key }) : p.breakdown.key;
  return t(`advice_${p.metric}` as AdviceKey, {
    part,
    value: steadyValue(p.metric, p.value, locale),
    shop: steadyValue(p.metric, p.shop, locale),
  });
}

/** The review alert's sentence: the target missed on N days, or a factor down against its baseline. */
export function reviewAlertText(t: AdviceTranslate, locale: Locale, a: AlertView): string {
  const d = a.review!;
  const days = Math.round((Date.parse(d.range.end) - Date.parse(d.range.start)) / 86_400_000) + 1;
  const range = formatPeriod(t, a.period);
  if (d.spend) return spendAlertText(t, locale, a, d.spend, range);
  if (a.metric === 'sales')
    return t('ra_targetMiss', {
      days,
      range,
      sales: formatValue('sales', a.value, locale, a.currency),
      target: formatValue('sales', a.threshold, locale, a.currency),
    });
  return t('ra_factorDrop', {
    factor: metricName(t, a.metric),
    change: formatFactorChange(a.metric, { current: a.value, baseline: a.threshold, change: d.change }, locale),
    days,
    range,
  });
}

/** A spend alert's sentence: the leaking page (spend up, page numbers, source), 费比 over its ceiling, ROI under its floor. */
function spendAlertText(t: AdviceTranslate, locale: Locale, a: AlertView, s: SpendAlertDetail, range: string): string {
  const money = (v: number) => formatValue('adSpend', v, locale, a.currency);
  const ratio = (v: number) => steadyValue('adRoas', v, locale);
  if (s.cause === 'spendRatio')
    return t('ra_spendRatio', {
      ratio: formatShare(s.ratio ?? 0),
      ceiling: formatShare(s.ceiling ?? 0),
      spend: money(s.spend),
      sales: money(s.sales ?? 0),
      range,
    });
  if (s.cause === 'roiFloor')
    return t('ra_roiFloor', {
      roi: ratio(s.roi ?? 0),
      floor: ratio(s.floor ?? 0),
      spend: money(s.spend),
      adSales: money(s.adSales ?? 0),
      range,
    });
  const baseline = s.baseline ?? s.spend;
  return t('ra_leaking', {
    spend: money(s.spend),
    baseline: money(baseline),
    change: baseline > 0 ? formatChange(s.spend / baseline - 1, locale) : '—',
    bounce: s.bounceRate === undefined ? '—' : steadyValue('bounceRate', s.bounceRate, locale),
    depth: s.pagesPerVisit === undefined ? '—' : steadyValue('pagesPerVisit', s.pagesPerVisit, locale),
    source: s.source ?? '—',
  });
}

/** "Fell most: 手淘搜索, 500 visitors against 2,000 (-75.0%)". */
export function fellSourceText(t: AdviceTranslate, locale: Locale, a: AlertView): string | null {
  const s = a.review?.fellSource;
  if (!s) return null;
  return t('ra_source', {
    source: s.key,
    current: formatValue('visitors', s.current, locale),
    baseline: formatValue('visitors', s.baseline, locale),
    change: formatChange(s.change, locale),
  });
}

/** "访客数少了 23.7%，少卖约 ¥2,950": what a factor cost or brought. */
export function moneyText(t: AdviceTranslate, locale: Locale, f: FactorShare, currency?: string): string {
  const amount = wholeMoney(f.amount, locale, currency, false);
  const change = formatFactorChange(f.factor, f, locale).replace(/^[+-]/, '');
  return t(f.amount < 0 ? 'money_down' : 'money_up', { factor: metricName(t, f.factor), change, amount });
}
