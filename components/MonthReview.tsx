import './MonthReview.css';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { columnOf } from '@/core/format';
import type { Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { MonthRow, ShopOverview } from '@/core/review/types';
import { changeClass } from './Change';
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
  const col = monthColumns(shop, locale);
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
            {missed.length ? (
              <MissedMonths months={missed} t={t} locale={locale} />
            ) : shop.months.some((m) => m.missed === false) ? (
              t('month_noneMissed')
            ) : (
              t('month_noTargets')
            )}
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
                    {col.cells(m).map((text, i) => (
                      <td
                        key={i}
                        class={
                          i === 2
                            ? m.missed
                              ? 'popup-bad'
                              : m.missed === false
                                ? 'popup-good'
                                : ''
                            : i === 3
                              ? changeClass(m.growth)
                              : ''
                        }
                      >
                        {text}
                      </td>
                    ))}
                    {paid && <SpendCells m={m} money={col.spend} t={t} />}
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
  const { cells, spend } = monthColumns(shop, locale);
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
    ...cells(m),
    ...(hasSpend(shop) ? spendTexts(m, spend) : []),
    m.missed ? t('month_missed') : '',
  ];
  const lines = [head, ...shop.months.map(row)].map((cells) => cells.join('\t').trimEnd());
  return [`${shop.store} · ${siteName(t, shop.site)} · ${t('month_title')}`, ...lines].join('\n');
}

/**
 * The month table's number cells (target, actual, completion, growth), each column with one number of
 * decimals for all its months. A month without a day read has no actual, not an actual of zero.
 */
function monthColumns(shop: ShopOverview, locale: Locale): { cells: (m: MonthRow) => string[]; spend: (v: number) => string } {
  const rows = shop.months;
  // Target and actual are one money column for the eye: both with cents or both without.
  const money = columnOf(
    'sales',
    [...rows, ...rows],
    (m, i) => (i < rows.length ? m.target : m.daysWithData ? m.actual : null),
    locale,
    shop.currency,
  );
  const completion = columnOf('completion', rows, (m) => m.completion, locale);
  const growth = columnOf('change', rows, (m) => m.growth, locale);
  const spend = columnOf('sales', rows, (m) => m.spend ?? null, locale, shop.currency);
  const or = <T,>(v: T | null, f: (v: T) => string) => (v === null ? '—' : f(v));
  return {
    cells: (m) => [
      or(m.target, money),
      or(m.daysWithData === 0 ? null : m.actual, money),
      or(m.completion, completion),
      or(m.growth, growth),
    ],
    spend,
  };
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

/** "Months that missed: 2026-09, 2026-07 …", each month kept whole on its line ("2026-" / "04" never). */
function MissedMonths({ months, t, locale }: { months: readonly string[]; t: PopupTranslate; locale: Locale }) {
  const [before, after] = t('month_missedList', { months: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      {months.map((m, i) => (
        <Fragment key={m}>
          {i > 0 && (locale === 'en' ? ', ' : '、')}
          <span class="month-date">{m}</span>
        </Fragment>
      ))}
      {after}
    </>
  );
}
