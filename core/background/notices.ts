import type { AlertRecord } from '../db';
import { formatValue } from '../format';
import { metricName, translator, type Locale } from '../i18n';
import { NOTICE_SCREEN } from '../strings/alerts';

/**
 * The text of a browser notification for a custom rule's critical alert: the same words the badge
 * uses, with the shop and the operator's name for the rule, in the operator's language.
 */

export interface Notice {
  /** The alert's id, so a second notification for the same alert replaces the first. */
  id: string;
  title: string;
  message: string;
}

export function noticeFor(alert: AlertRecord, locale: Locale): Notice {
  const t = translator(locale, NOTICE_SCREEN);
  const metric = metricName(t, alert.metric);
  const value = formatValue(alert.metric, alert.value, locale, alert.currency);
  const threshold = formatValue(alert.metric, alert.threshold, locale, alert.currency);
  const key = alert.direction === 'above' ? 'rule_above' : 'rule_below';
  const row = alert.breakdown ? ` · ${alert.breakdown.key}` : '';
  return {
    id: alert.id,
    title: t('notice_title', { rule: alert.ruleName || metric, store: alert.store }),
    message: `${t(key, { metric, value, threshold })}${row}`,
  };
}
