import { FIXES } from './fixes';
import { formatFactorChange } from './format';
import { metricName, type Locale } from './i18n';
import type { PaceView } from './review/types';
import type { PaceTranslate } from './strings/pace';

/**
 * Today's pace in words: one wording for the badge beside the real-time sales number, the popup's
 * review and a check-time notification, so they never say it differently.
 */
export interface PaceText {
  /** "按当前节奏预计 ¥12,000（日目标 ¥20,000，差 ¥8,000）" */
  headline: string;
  /** The badge's one line: "预计 ¥12,000，差 ¥8,000". */
  short: string;
  /** "截至 14:00 已成交 ¥7,000" (the platform's clock). */
  soFar: string;
  range: string;
  /** Said when the projection is an estimate (a default shape). */
  basis?: string;
  /** Behind a target (or an ordinary day's pace): which factor to push, its owner, its fix. */
  lever?: { text: string; owner: string; fix: string; steps: string[]; source?: string };
  /** Short of the day's target. */
  behind: boolean;
}

/** Money without cents: a projection is not that precise. */
function money(value: number, locale: Locale, currency?: string): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    ...(currency ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol' } : {}),
  }).format(Math.round(value));
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function paceText(view: PaceView, t: PaceTranslate, locale: Locale): PaceText {
  const p = view.projection;
  const m = (v: number) => money(v, locale, view.currency);
  const params = {
    expected: m(p.expected),
    ...(p.target !== null && p.gap !== null ? { target: m(p.target), gap: m(Math.abs(p.gap)) } : {}),
  };
  const short = p.gap !== null && p.gap < 0;
  const [headline, badge] =
    p.gap === null
      ? ['pace_noTarget', 'pace_badgeNoTarget']
      : short
        ? ['pace_short', 'pace_badgeShort']
        : ['pace_ahead', 'pace_badgeAhead'];
  const text: PaceText = {
    headline: t(headline as 'pace_short', params),
    short: t(badge as 'pace_badgeShort', params),
    soFar: t('pace_soFar', { sales: m(p.sales), time: clock(Math.round(p.minute)) }),
    range:
      p.basis === 'lastYear' && p.event
        ? t('pace_rangeLastYear', { low: m(p.low), high: m(p.high), name: p.event.name })
        : t('pace_range', { low: m(p.low), high: m(p.high), days: p.days }),
    behind: short,
  };
  if (p.event) {
    const event = { name: p.event.name, date: p.event.lastYear };
    text.basis =
      p.basis === 'lastYear'
        ? t('pace_lastYear', { ...event, share: new Intl.NumberFormat(locale, { style: 'percent' }).format(p.share) })
        : t('pace_eventEstimate', event);
  } else if (p.marked) text.basis = t('pace_marked');
  else if (p.estimate) text.basis = t('pace_estimate');
  const lever = view.lever;
  if (lever) {
    const fix = FIXES[lever.fix];
    text.lever = {
      text: t('pace_lever', { factor: metricName(t, lever.factor), change: formatFactorChange(lever.factor, lever, locale) }),
      owner: t('badge_owner', { role: t(`role_${fix.role}`) }),
      fix: t(fix.summary),
      steps: fix.steps.map((s) => t(s)),
      ...(lever.source
        ? {
            source: t('pace_source', {
              source: lever.source.key,
              current: new Intl.NumberFormat(locale).format(Math.round(lever.source.current)),
              baseline: new Intl.NumberFormat(locale).format(Math.round(lever.source.baseline)),
            }),
          }
        : {}),
    };
  }
  return text;
}
