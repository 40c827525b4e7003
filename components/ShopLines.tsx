import './ShopLines.css';
import { columnOf } from '@/core/format';
import type { Locale } from '@/core/i18n';
import type { ReviewState, ShopOverview } from '@/core/review/types';
import type { PopupTranslate } from '@/core/strings/popup';
import { byUrgency, verdictKey } from './Review';
import { shopKey, siteName } from './util';

/**
 * The first screen: one line per shop — yesterday's sales, the day's completion and how many alerts
 * wait — the worst first; a click goes to the shop's card below.
 */
export function ShopLines({
  review,
  t,
  locale,
}: {
  review: Pick<ReviewState, 'shops' | 'inbox'>;
  t: PopupTranslate;
  locale: Locale;
}) {
  const pending = (s: ShopOverview) =>
    review.inbox.filter((a) => a.site === s.site && a.store === s.store && a.status === 'open').length;
  const shops = [...review.shops].sort((a, b) => byUrgency(a, b) || pending(b) - pending(a));
  // The lines are read as columns: one number of decimals for every shop's sales and completion.
  const completion = columnOf('completion', shops, (s) => s.day.completion, locale);
  return (
    <ul class="shops-lines" data-testid="shop-lines">
      {shops.map((s) => {
        const n = pending(s);
        return (
          <li key={shopKey(s)} class={`shops-line ${s.day.status}`} data-store={s.store}>
            <button
              type="button"
              class="shops-go"
              title={`${s.store} · ${siteName(t, s.site)}`}
              onClick={() => {
                const card = document.querySelector<HTMLElement>(
                  `[data-store="${CSS.escape(s.store)}"].review-day-card, [data-store="${CSS.escape(s.store)}"].review-day-compact`,
                );
                if (card instanceof HTMLDetailsElement) card.open = true;
                card?.scrollIntoView({ block: 'start' });
              }}
            >
              <span class="shops-name">{s.store}</span>
              <span class={`shops-pill review-pill ${s.day.status}`}>{t(verdictKey(s.day.status))}</span>
              <span class="shops-nums">
                <span class="shops-num">
                  {t('shops_yesterday', {
                    sales:
                      s.day.sales !== null ? columnOf('sales', shops, (s) => s.day.sales, locale, s.currency)(s.day.sales) : '—',
                  })}
                </span>
                <span class="shops-num">
                  {t('shops_completion', {
                    percent: s.day.completion !== null ? completion(s.day.completion) : '—',
                  })}
                </span>
                <span class={n ? 'shops-pending open' : 'shops-pending'}>{t('shops_pending', { count: n })}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
