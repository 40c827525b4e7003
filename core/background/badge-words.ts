import { stringTable, type Locale } from '../i18n';
import { ALERT_STRINGS } from '../strings/alerts';
import { BADGE_STRINGS } from '../strings/badge';
import { METRIC_STRINGS } from '../strings/metrics';
import { PACE_STRINGS } from '../strings/pace';

/** Everything a badge on a back-office page shows, in every language. */
export const BADGE_SCREEN = [METRIC_STRINGS, ALERT_STRINGS, PACE_STRINGS, BADGE_STRINGS] as const;

/**
 * The badge's strings in one language, sent to a page with its setup: a content script then carries no
 * table of metric names and fixes in three languages (most of its size), only the words of its locale.
 */
export const badgeStrings = (locale: Locale): Record<string, string> => stringTable(locale, BADGE_SCREEN);
