import './Pace.css';
import type { Locale } from '@/core/i18n';
import { paceText } from '@/core/pace-text';
import type { PaceView } from '@/core/review/types';
import type { PaceTranslate } from '@/core/strings/pace';
import { siteName } from './util';

/**
 * Today's pace at the top of the review: per shop whose real-time board was read today, where the day
 * closes at this rate against its target, how sure that is, and what to push.
 */
export function TodayPace({ shops, t, locale }: { shops: readonly PaceView[]; t: PaceTranslate; locale: Locale }) {
  if (!shops.length) return null;
  return (
    <section class="pace" aria-label={t('pace_title')} data-testid="pace">
      {shops.map((view) => {
        const text = paceText(view, t, locale);
        return (
          <div class={`pace-shop${text.behind ? ' behind' : ''}`} key={`${view.site}|${view.store}`} data-testid="pace-shop">
            <p class="pace-name">
              {view.store} · {siteName(t, view.site)}
            </p>
            <p class="pace-headline" data-testid="pace-headline">
              {text.headline}
            </p>
            <p class="pace-muted">
              {text.soFar} · {text.range}
            </p>
            {text.basis && (
              <p class="pace-muted pace-estimate" data-testid="pace-estimate">
                {text.basis}
              </p>
            )}
            {text.lever ? (
              <div class="pace-lever" data-testid="pace-lever">
                <p class="pace-lever-line">{text.lever.text}</p>
                {text.lever.source && <p class="pace-muted">{text.lever.source}</p>}
                <p class="pace-muted">
                  {text.lever.owner} · {text.lever.fix}
                </p>
              </div>
            ) : (
              text.behind && !view.projection.event && <p class="pace-muted">{t('pace_noLever')}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
