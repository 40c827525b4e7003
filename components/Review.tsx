import './Review.css';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FIXES } from '@/core/fixes';
import {
  formatChange,
  formatCompletion,
  formatFactorChange,
  formatPercent,
  formatPeriod,
  formatValue,
  wholeMoney,
} from '@/core/format';
import type { LatestView } from '@/core/messages';
import { metricName, type Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { Decomposition, DayReview, MonthPacing, MonthTarget, ShopOverview } from '@/core/review/types';
import { ReturningNote } from './ReturningNote';
import { TargetForm } from './TargetForm';
import { moneyText } from '@/core/advice-text';
import { SpendDayLine } from './Spend';
import { siteName } from './util';

/** Within this much of plan the month reads "on plan" rather than a 0% lead or lag. */
const ON_PLAN = 0.005;

/**
 * One shop's day in one glance: did yesterday meet its target, how the month paces, and — when sales
 * fell — which of visitors × conversion × order value explains it, with the fix and its owner.
 */
export function DayCard({
  shop,
  today,
  t,
  locale,
  onSaveTarget,
  targetAlert = false,
  unreadable = 0,
  latestSales,
}: {
  shop: ShopOverview;
  today: string;
  t: PopupTranslate;
  locale: Locale;
  onSaveTarget: (target: MonthTarget) => Promise<unknown>;
  /** An open alert already says the target was missed on consecutive days: the card does not say it twice. */
  targetAlert?: boolean;
  /** Numbers an open page of this shop drew with a scrambling font: why its sales may be missing. */
  unreadable?: number;
  /** The shop's latest sales reading when it is a range or today so far: why no closed day shows. */
  latestSales?: Pick<LatestView, 'period' | 'value' | 'currency'>;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const day = shop.day;
  const money = (v: number) => formatValue('sales', v, locale, shop.currency);
  const gapState = day.status === 'missed' && day.sustained ? 'sustained' : day.status;
  return (
    <article
      class={`review-day-card popup-card ${gapState}`}
      data-store={shop.store}
      data-status={day.status}
      data-sustained={day.sustained}
    >
      <header class="popup-day-head">
        <h2>
          {shop.store} <small>{siteName(t, shop.site)}</small>
        </h2>
        <span class="popup-muted">{t('review_day', { date: day.date })}</span>
      </header>

      {day.status !== 'noData' && daysBetween(day.date, today) > 1 && (
        <p class="review-stale" data-testid="stale">
          {t('stale_lastRead', { date: day.date, days: daysBetween(day.date, today), site: siteName(t, shop.site) })}
        </p>
      )}

      {day.status === 'noData' ? (
        <p class="popup-muted" data-testid="no-data">
          {unreadable
            ? t('status_unreadable', { site: siteName(t, shop.site), count: unreadable })
            : latestSales
              ? t('glance_rangeOnly', { period: formatPeriod(t, latestSales.period), site: siteName(t, shop.site) })
              : t('review_noDataBody')}
        </p>
      ) : (
        <div class="review-verdict">
          <span class={`review-pill ${day.status}`}>{t(verdictKey(day.status))}</span>
          <span class="review-big popup-num">{day.sales !== null ? money(day.sales) : '—'}</span>
          {day.target !== null && day.completion !== null && (
            <span class="review-of">
              {t('review_dayTarget', { target: money(day.target) })} ·{' '}
              <strong>{t('review_completion', { percent: formatCompletion(day.completion, locale) })}</strong>
            </span>
          )}
        </div>
      )}

      {day.month && <Pacing month={day.month} site={siteName(t, shop.site)} money={money} t={t} locale={locale} />}

      {day.status !== 'noData' && (
        <Baseline day={day} t={t} locale={locale}>
          {day.decomposition && !smallAndMet(day) && (
            <Why d={day.decomposition} t={t} locale={locale} {...(shop.currency ? { currency: shop.currency } : {})} />
          )}
        </Baseline>
      )}

      <SpendDayLine day={day} currency={shop.currency} t={t} locale={locale} />

      {day.status === 'missed' && !targetAlert && (
        <p class={day.sustained ? 'review-gap sustained' : 'review-gap'}>
          {t(day.sustained ? 'review_sustained' : 'review_oneDay')}
        </p>
      )}

      {shop.returning && <ReturningNote decision={shop.returning} rules={shop.returning.lines} t={t} locale={locale} />}

      {day.status === 'noTarget' && !editing && <p class="popup-muted">{t('review_noTargetBody')}</p>}
      {saved && !editing && (
        <p class="review-ok" role="status">
          {t('target_saved')}
        </p>
      )}
      {editing ? (
        <TargetForm
          shop={shop}
          month={today.slice(0, 7)}
          current={shop.target}
          t={t}
          locale={locale}
          onSave={(target) => onSaveTarget(target).then(() => setSaved(true))}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div class="review-target-line">
          {shop.target && (
            <span class="popup-muted">
              {t('target_current', {
                amount: money(shop.target.amount),
                split: t(
                  shop.target.split === 'weekday'
                    ? 'target_splitWeekday'
                    : shop.target.split === 'plan'
                      ? 'target_splitPlan'
                      : 'target_splitEven',
                ),
              })}
            </span>
          )}
          <button
            type="button"
            class={shop.target ? 'popup-act' : 'popup-primary'}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t(shop.target ? 'target_edit' : 'target_set')}
          </button>
        </div>
      )}
    </article>
  );
}

export function verdictKey(status: DayReview['status']) {
  return status === 'met'
    ? 'review_met'
    : status === 'missed'
      ? 'review_missed'
      : status === 'noTarget'
        ? 'review_noTarget'
        : 'review_noData';
}

function Pacing({
  month,
  site,
  money,
  t,
  locale,
}: {
  month: MonthPacing;
  site: string;
  money: (v: number) => string;
  t: PopupTranslate;
  locale: Locale;
}) {
  // With no closed day of the month read, "100% behind plan" would be a guess: say what is known instead.
  if (month.daysWithData === 0)
    return (
      <p class="review-stale" data-testid="no-closed-day">
        {t('glance_noClosedDay', { month: month.month, site })}
      </p>
    );
  // No pace while the closed days of the month plan nothing (first day, or a plan that starts later).
  const p = month.pace;
  const pace =
    p === null
      ? null
      : Math.abs(p) < ON_PLAN
        ? t('review_paceOn')
        : t(p < 0 ? 'review_paceBehind' : 'review_paceAhead', { percent: formatPercent(Math.abs(p), locale) });
  const planShare = month.target > 0 ? Math.min(1, month.planToDate / month.target) : 0;
  return (
    <div class="review-pacing" data-testid="pacing">
      <div class="review-pacing-text">
        {pace && <strong class={p! < -ON_PLAN ? 'review-behind' : p! > ON_PLAN ? 'review-ahead' : ''}>{pace}</strong>}
        <span class="popup-muted">
          {t('review_month', {
            month: month.month,
            actual: money(month.actual),
            target: money(month.target),
            percent: formatCompletion(month.completion, locale),
          })}
        </span>
      </div>
      {/* The bar is the month; the fill is what was sold, the tick where the plan stands today. */}
      <div class="review-meter" aria-hidden="true">
        <span class="review-fill" style={{ width: `${Math.min(1, Math.max(0, month.completion)) * 100}%` }} />
        <span class="review-tick" style={{ left: `${planShare * 100}%` }} />
      </div>
      <span class="popup-muted popup-small">
        {t('review_monthDays', { read: month.daysWithData, elapsed: month.daysElapsed })}
      </span>
    </div>
  );
}

function Baseline({
  day,
  t,
  locale,
  children,
}: {
  day: DayReview;
  t: PopupTranslate;
  locale: Locale;
  children?: ComponentChildren;
}) {
  if (day.baseline === null || day.change === null) return <p class="popup-muted popup-small">{t('review_noBaseline')}</p>;
  return (
    <div class="review-baseline">
      <p class="popup-small">
        {t('review_vsBaseline', { change: formatChange(day.change, locale), weeks: day.baselineWeeks })}
        {day.decomposition && day.decomposition.main === null && <> · {t('review_noFall')}</>}
      </p>
      {children}
    </div>
  );
}

/**
 * The decomposition as three rows that add up: each factor's own change and its share of the change in
 * sales. The bar grows from the middle by the share's size: leftwards (red) for a factor that fell,
 * rightwards (green) for one that rose, so a factor that held sales up while they fell stands out.
 */
function Why({ d, t, locale, currency }: { d: Decomposition; t: PopupTranslate; locale: Locale; currency?: string }) {
  const fix = d.fix ? FIXES[d.fix] : null;
  const main = d.factors.find((f) => f.factor === d.main);
  const source = d.fallingSource;
  return (
    <div class="review-why" data-testid="decomposition">
      <h3>{t('review_why')}</h3>
      <table class="review-factors">
        <thead>
          <tr>
            <th scope="col">{t('review_colFactor')}</th>
            <th scope="col" class="popup-num">
              {t('review_colChange')}
            </th>
            <th scope="col" class="review-share-col">
              {t('advice_colMoney')}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.factors.map((f) => (
            <tr key={f.factor} data-factor={f.factor} class={f.factor === d.main ? 'review-main' : undefined}>
              <th scope="row">{metricName(t, f.factor)}</th>
              <td class={`popup-num ${f.change < 0 ? 'review-down' : f.change > 0 ? 'review-up' : ''}`}>
                {formatFactorChange(f.factor, f, locale)}
              </td>
              <td class="review-share-col">
                <div class="review-share-cell">
                  <span class="review-share-bar" aria-hidden="true">
                    <span
                      class={f.change < 0 ? 'review-down' : 'review-up'}
                      style={{ width: `${Math.min(1, Math.abs(f.share)) * 50}%`, [f.change < 0 ? 'right' : 'left']: '50%' }}
                    />
                  </span>
                  <span class="popup-num" data-amount={Math.round(f.amount)}>
                    {wholeMoney(f.amount, locale, currency)}
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="popup-muted popup-small">{t('review_whyHelp')}</p>
      {d.main && fix && (
        <div class="review-main-factor" data-testid="main-factor">
          <p>
            <strong>{t('review_main', { factor: metricName(t, d.main) })}</strong>
            <span class="review-role-tag">{t('badge_owner', { role: t(`role_${fix.role}`) })}</span>
          </p>
          {main && <p data-testid="main-money">{moneyText(t, locale, main, currency)}</p>}
          <p>{t(fix.summary)}</p>
          {source && (
            <p class="review-source-fell">
              {t('review_source', {
                source: source.key,
                current: formatValue('visitors', source.current, locale),
                baseline: formatValue('visitors', source.baseline, locale),
                change: formatChange(source.change, locale),
              })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Whole days from one calendar date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Below this change against the baseline a met day needs no explaining. */
const SMALL_CHANGE = 0.1;

/** A day that met its target and moved little: the factors' box would explain noise. */
const smallAndMet = (day: DayReview) => day.status === 'met' && Math.abs(day.change ?? 0) < SMALL_CHANGE;

/** Most urgent first: a sustained miss, a miss, a fall without a target, then the rest. */
export function byUrgency(a: ShopOverview, b: ShopOverview): number {
  const rank = (s: ShopOverview) =>
    s.day.status === 'missed'
      ? s.day.sustained
        ? 0
        : 1
      : s.day.status === 'noTarget' && (s.day.change ?? 0) < 0
        ? 2
        : s.day.status === 'noData'
          ? 4
          : 3;
  return rank(a) - rank(b) || a.store.localeCompare(b.store);
}
