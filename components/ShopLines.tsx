import './ShopLines.css';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { columnOf } from '@/core/format';
import type { Locale } from '@/core/i18n';
import type { ReviewState, ShopOverview } from '@/core/review/types';
import type { PopupTranslate } from '@/core/strings/popup';
import { byUrgency, daysBetween, verdictKey } from './Review';
import { shopKey, siteName } from './util';

/**
 * The first screen: one line per shop — yesterday's sales, the day's completion and how many alerts
 * wait — the worst first, under one header row. A line folds out to what `details` draws for the shop
 * (its review card and its alerts); nothing of it is drawn until it is opened. A single shop starts open.
 */
export function ShopLines({
  review,
  t,
  locale,
  details,
}: {
  review: Pick<ReviewState, 'shops' | 'inbox' | 'today'>;
  t: PopupTranslate;
  locale: Locale;
  details: (shop: ShopOverview) => ComponentChildren;
}) {
  const pending = (s: ShopOverview) =>
    review.inbox.filter((a) => a.site === s.site && a.store === s.store && a.status === 'open').length;
  const shops = [...review.shops].sort((a, b) => byUrgency(a, b) || pending(b) - pending(a));
  // The lines are read as columns: one number of decimals for every shop's sales and completion.
  const completion = columnOf('completion', shops, (s) => s.day.completion, locale);
  // Sales by currency: one column (and one number format) per currency, not one per line.
  const salesColumns = new Map<string | undefined, (value: number) => string>();
  const salesColumn = (currency: string | undefined) => {
    if (!salesColumns.has(currency))
      salesColumns.set(
        currency,
        columnOf('sales', shops, (s) => s.day.sales, locale, currency),
      );
    return salesColumns.get(currency)!;
  };
  return (
    <section class="shops-lines" data-testid="shop-lines">
      <div class="shops-row shops-head" aria-hidden="true">
        <span>{t('glance_colShop')}</span>
        <span class="shops-num">{t('glance_colYesterday')}</span>
        <span class="shops-num">{t('glance_colCompletion')}</span>
        <span class="shops-num">{t('glance_colPending')}</span>
      </div>
      {shops.map((s) => (
        <ShopLine
          key={shopKey(s)}
          shop={s}
          pending={pending(s)}
          sales={s.day.sales !== null ? salesColumn(s.currency)(s.day.sales) : '—'}
          completion={s.day.completion !== null ? completion(s.day.completion) : '—'}
          today={review.today}
          t={t}
          startOpen={shops.length === 1}
        >
          {details}
        </ShopLine>
      ))}
    </section>
  );
}

function ShopLine({
  shop: s,
  pending: n,
  sales,
  completion,
  today,
  t,
  startOpen,
  children,
}: {
  shop: ShopOverview;
  pending: number;
  /** Yesterday's sales and completion, formatted as their columns are (one number of decimals each). */
  sales: string;
  completion: string;
  today: string;
  t: PopupTranslate;
  startOpen: boolean;
  children: (shop: ShopOverview) => ComponentChildren;
}) {
  const [open, setOpen] = useState(startOpen);
  const verdict = t(verdictKey(s.day.status));
  const age = s.day.status === 'noData' ? 0 : daysBetween(s.day.date, today);
  return (
    <details
      class={`shops-line ${s.day.status}`}
      data-store={s.store}
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary class="shops-row" title={`${s.store} · ${siteName(t, s.site)} · ${verdict}`}>
        <span class="shops-name">
          <span class={`shops-dot ${s.day.status}`} role="img" aria-label={verdict} />
          {s.store}
        </span>
        <span class="shops-num">
          {sales}
          {age > 1 && <small class="shops-age">{t('glance_daysAgo', { days: age })}</small>}
        </span>
        <span class={`shops-num shops-completion ${s.day.status}`}>{completion}</span>
        <span class={n ? 'shops-num shops-pending open' : 'shops-num shops-pending'}>{n}</span>
      </summary>
      {open && <div class="shops-body">{children(s)}</div>}
    </details>
  );
}
