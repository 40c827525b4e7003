import './Advice.css';
import { FIXES, type Owner } from '@/core/fixes';
import { formatChange, formatPeriod, formatValue } from '@/core/format';
import { metricName, type Locale } from '@/core/i18n';
import type { AdviceKey } from '@/core/strings/advice';
import type { PopupTranslate } from '@/core/strings/popup';
import type { WorstPart } from '@/core/review/parts';
import type { AlertView, FactorShare } from '@/core/review/types';
import type { FixId } from '@/core/rules';

/**
 * What StorePulse advises from what it read: the source or item worst against the shop, the review's
 * alerts in the operator's words, the factors of a change in money, and who does what.
 */

/** "直通车跳失率 81.40%（全店 72.31%）→ 先改直通车落地页". */
export function partAdvice(t: PopupTranslate, locale: Locale, p: WorstPart): string {
  const part = p.kind === 'item' ? t('advice_partItem', { name: p.breakdown.key }) : p.breakdown.key;
  return t(`advice_${p.metric}` as AdviceKey, {
    part,
    value: formatValue(p.metric, p.value, locale),
    shop: formatValue(p.metric, p.shop, locale),
  });
}

/** The review alert's sentence: the target missed on N days, or a factor down against its baseline. */
export function reviewAlertText(t: PopupTranslate, locale: Locale, a: AlertView): string {
  const d = a.review!;
  const days = Math.round((Date.parse(d.range.end) - Date.parse(d.range.start)) / 86_400_000) + 1;
  const range = formatPeriod(t, a.period);
  if (a.metric === 'sales')
    return t('ra_targetMiss', {
      days,
      range,
      sales: formatValue('sales', a.value, locale, a.currency),
      target: formatValue('sales', a.threshold, locale, a.currency),
    });
  return t('ra_factorDrop', { factor: metricName(t, a.metric), change: formatChange(d.change, locale), days, range });
}

/** "Fell most: 手淘搜索, 500 visitors against 2,000 (−75%)". */
export function fellSourceText(t: PopupTranslate, locale: Locale, a: AlertView): string | null {
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
export function moneyText(t: PopupTranslate, locale: Locale, f: FactorShare, currency?: string): string {
  const amount = signedMoney(f.amount, locale, currency, false);
  const change = fixedChange(Math.abs(f.change), locale).replace(/^\+/, '');
  return t(f.amount < 0 ? 'money_down' : 'money_up', { factor: metricName(t, f.factor), change, amount });
}

/** The owners of a fix: the lead, then the helpers, each with one task. */
export function Owners({ fix, t }: { fix: FixId; t: PopupTranslate }) {
  const owners: readonly Owner[] = FIXES[fix].owners;
  return (
    <div class="advice-owners" data-testid="owners">
      <strong class="advice-owners-title">{t('owners_title')}</strong>
      <ul>
        {owners.map((o, i) => (
          <li key={o.role} data-role={o.role} data-lead={i === 0}>
            <span class={i === 0 ? 'advice-role lead' : 'advice-role'}>
              {t(`role_${o.role}`)} · {t(i === 0 ? 'owner_lead' : 'owner_help')}
            </span>
            <span class="advice-task">{t(o.task)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A change with one decimal always, so a column of changes lines up: "-23.7%", "+5.0%". */
export function fixedChange(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(fraction);
}

/** Money in whole units with its sign, for a column of gains and losses: "-¥2,950", "+¥310". */
export function signedMoney(amount: number, locale: Locale, currency?: string, signed = true): string {
  const rounded = Math.round(amount);
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: signed ? 'exceptZero' : 'never',
    ...(currency ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol' } : {}),
  }).format(rounded === 0 ? 0 : rounded);
}
