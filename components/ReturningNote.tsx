import './ReturningNote.css';
import { formatPercent, formatValue } from '@/core/format';
import { metricName, type Locale, type Translate } from '@/core/i18n';
import type { AlertKey } from '@/core/strings/alerts';
import type { LinesKey } from '@/core/strings/lines';
import type { MetricKey } from '@/core/strings/metrics';
import { RETURNING_HEAVY_SHARE, RETURNING_MIN_DAYS, type ReturningDecision, type ThresholdRule } from '@/core/rules';

/** Why a shop's page-quality lines are what they are: its own returning share, or the operator's switch. */
export function ReturningNote({
  decision,
  rules,
  t,
  locale,
}: {
  decision: ReturningDecision;
  /** The shop's rules as they apply; the ones with a returning-visitor line are listed. */
  rules: ReadonlyArray<Pick<ThresholdRule, 'metric' | 'direction' | 'warn'>>;
  t: Translate<LinesKey | MetricKey | AlertKey>;
  locale: Locale;
}) {
  const share = decision.share === null ? '—' : formatPercent(decision.share, locale);
  const vars = { share, days: decision.days, line: formatPercent(RETURNING_HEAVY_SHARE, locale), min: RETURNING_MIN_DAYS };
  const why =
    decision.reason === 'on'
      ? t('retn_on_why')
      : decision.reason === 'off'
        ? t('retn_off_why')
        : t(`retn_${decision.reason}`, vars);
  const lines = rules
    .map((r) =>
      t(r.direction === 'above' ? 'retn_below' : 'retn_above', {
        metric: metricName(t, r.metric),
        value: formatValue(r.metric, r.warn, locale),
      }),
    )
    .join(locale === 'en' ? ', ' : '，');
  return (
    <p class="retn" data-testid="returning-note" data-reason={decision.reason} data-heavy={decision.heavy}>
      {why}
      {(decision.reason === 'on' || decision.reason === 'off') && decision.share !== null && <> {t('retn_share', vars)}</>}
      {lines && <> {t('retn_lines', { lines })}</>}
    </p>
  );
}
