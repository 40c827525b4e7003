import { FIXES } from '../fixes';
import { stringTable, type Locale } from '../i18n';
import type { FixWords } from '../messages';
import type { FixId } from '../rules';
import type { BadgeTranslate } from '../strings/badge';
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

/** A fix as a badge beside a number says it: its summary, its owner and its steps, in `t`'s language. */
export function fixWords(fix: FixId, t: BadgeTranslate): FixWords {
  const f = FIXES[fix];
  return { summary: t(f.summary), owner: t('badge_owner', { role: t(`role_${f.role}`) }), steps: f.steps.map((s) => t(s)) };
}
