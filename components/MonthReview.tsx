import './MonthReview.css';
import { useState } from 'preact/hooks';
import { formatChange, formatCompletion, formatValue } from '@/core/format';
import type { Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { MonthRow, ShopOverview } from '@/core/review/types';
import { roi, share } from './Spend';
import { errorText, shopKey, siteName } from './util';

/**
 * The monthly review: per shop, the last twelve months with target, actual, completion and growth on
 * the same month a year before — the lines an operator pastes into a month or year report.
 */
export function MonthReview({
  shops,
  t,
  locale,
  copyText,
}: {
  shops: readonly ShopOverview[];
  t: PopupTranslate;
  locale: Locale;
  copyText: (text: string) => Promise<void>;
}) {
  if (shops.length === 0) return <p class="popup-muted">{t('month_noData')}</p>;
  return (
    <>
      {shops.map((shop) => (
        <ShopMonths key={shopKey(shop)} shop={shop} t={t} locale={locale} copyText={copyText} />
      ))}
    </>
  );
}

function ShopMonths({
  shop,
  t,
  locale,
  copyText,
}: {
  shop: ShopOverview;
  t: PopupTranslate;
  locale: Locale;
  copyText: (text: string) => Promise<void>;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const money = (v: number) => formatValue('sales', v, locale, shop.currency);
  const missed = shop.months.filter((m) => m.missed === true).map((m) => m.month);
  const paid = hasSpend(shop);
  const onCopy = () =>
    void copyText(monthReport(shop, t, locale)).then(
      () => setCopied(t('month_copied')),
      (e: unknown) => setCopied(t('month_copyError', { error: errorText(e) })),
    );
  return (
    <section class="month-shop popup-card" data-store={shop.store}>
      <header class="popup-day-head">
        <h2>
          {shop.store} <small>{siteName(t, shop.site)}</small>
        </h2>
        <button type="button" class="popup-act" onClick={onCopy}>
          {t('month_copy')}
        </button>
      </header>
      {copied && (
        <p class="popup-muted popup-small" role="status">
          {copied}
        </p>
      )}
      {shop.months.length === 0 ? (
        <p class="popup-muted">{t('month_noData')}</p>
      ) : (
        <>
          <p class={missed.length ? 'month-missed-list' : 'popup-muted'}>
            {missed.length
              ? t('month_missedList', { months: missed.join(locale === 'en' ? ', ' : '、') })
              : t('month_noneMissed')}
          </p>
          <div class={paid ? 'spend-scroll' : undefined}>
            <table class={`month-months popup-table${paid ? ' spend-cols' : ''}`}>
              <thead>
                <tr>
                  <th scope="col">{t('month_colMonth')}</th>
                  <th scope="col">{t('month_colTarget')}</th>
                  <th scope="col">{t('month_colActual')}</th>
                  <th scope="col">{t('month_colCompletion')}</th>
                  <th scope="col">{t('month_colGrowth')}</th>
                  {paid &&
                    SPEND_HEAD.map((k) => (
                      <th scope="col" key={k}>
                        {t(k)}
                      </th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {shop.months.map((m) => (
                  <tr key={m.month} class={m.missed ? 'month-missed' : undefined} data-month={m.month}>
                    <th scope="row">
                      {m.month}
                      {m.missed && <span class="month-visually-hidden"> · {t('month_missed')}</span>}
                    </th>
                    <td>{m.target === null ? '—' : money(m.target)}</td>
                    <td>{m.daysWithData === 0 ? '—' : money(m.actual)}</td>
                    <td class={m.missed ? 'popup-bad' : m.missed === false ? 'popup-good' : ''}>
                      {m.completion === null ? '—' : formatCompletion(m.completion, locale)}
                    </td>
                    <td class={m.growth === null ? '' : m.growth < 0 ? 'popup-bad' : 'popup-good'}>
                      {m.growth === null ? '—' : formatChange(m.growth, locale)}
                    </td>
                    {paid && <SpendCells m={m} money={money} t={t} />}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The month table as text: a title line, then one tab-separated line per month, so it pastes into a
 * spreadsheet as columns and into a document as aligned lines.
 */
export function monthReport(shop: ShopOverview, t: PopupTranslate, locale: Locale): string {
  const money = (v: number) => formatValue('sales', v, locale, shop.currency);
  const head = [
    t('month_colMonth'),
    t('month_colTarget'),
    t('month_colActual'),
    t('month_colCompletion'),
    t('month_colGrowth'),
    ...(hasSpend(shop) ? SPEND_HEAD.map((k) => t(k)) : []),
    '',
  ];
  const row = (m: MonthRow) => [
    m.month,
    m.target === null ? '—' : money(m.target),
    // A month without a day read has no actual, not an actual of zero.
    m.daysWithData === 0 ? '—' : money(m.actual),
    m.completion === null ? '—' : formatCompletion(m.completion, locale),
    m.growth === null ? '—' : formatChange(m.growth, locale),
    ...(hasSpend(shop) ? spendTexts(m, money) : []),
    m.missed ? t('month_missed') : '',
  ];
  const lines = [head, ...shop.months.map(row)].map((cells) => cells.join('\t').trimEnd());
  return [`${shop.store} · ${siteName(t, shop.site)} · ${t('month_title')}`, ...lines].join('\n');
}

/** The spend columns: spend, 费比 (with the month's ceiling beside it), ROI. */
const SPEND_HEAD = ['spend_colSpend', 'spend_colRatio', 'spend_colRoi'] as const;

/** Whether any month of the shop carries spend columns (a linked ads account). */
const hasSpend = (shop: ShopOverview) => shop.months.some((m) => m.spend !== undefined);

function spendTexts(m: MonthRow, money: (v: number) => string): string[] {
  const ratio = share(m.spendRatio);
  const ceiling = m.spendRatioCeiling ? ` / ${share(m.spendRatioCeiling)}` : '';
  return [m.spend === null || m.spend === undefined ? '—' : money(m.spend), `${ratio}${ceiling}`, roi(m.roi)];
}

function SpendCells({ m, money, t }: { m: MonthRow; money: (v: number) => string; t: PopupTranslate }) {
  const [spend, ratio, r] = spendTexts(m, money);
  const over = m.spendRatio != null && m.spendRatioCeiling != null && m.spendRatio > m.spendRatioCeiling;
  return (
    <>
      <td data-col="spend">{spend}</td>
      <td
        data-col="spendRatio"
        class={over ? 'popup-bad' : ''}
        title={over ? t('spend_ceilingOver', { ceiling: share(m.spendRatioCeiling) }) : undefined}
      >
        {ratio}
      </td>
      <td data-col="roi">{r}</td>
    </>
  );
}
