import './Spend.css';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import {
  ADS_FAMILY,
  ADS_SITES,
  isAdsSite,
  promptedAccounts,
  ROI_FLOOR_RANGE,
  ROI_FLOORS,
  setLink,
  shopOfAccount,
  type AdsAccountRef,
  type AdsLink,
  type AdsSite,
  type PromptLater,
} from '@/core/ads-links';
import { columnOf, formatChange, formatRoi, formatShare, formatValue } from '@/core/format';
import type { Locale, Translate } from '@/core/i18n';
import { shopKey as keyOf } from '@/core/keys';
import type { DayReview, ReviewState, SpendTrend } from '@/core/review/types';
import { LineChart } from './LineChart';
import type { AlertKey } from '@/core/strings/alerts';
import type { OptionsKey } from '@/core/strings/options';
import type { SpendKey } from '@/core/strings/spend';
import { PROFILE_IDS } from '@/core/rules';
import { reviewAlertChoices, type Settings } from '@/core/settings';
import { siteName } from './util';

/**
 * The promotion side of the review: the day's spend, ROI, 费比 and paid share under a shop's day; whether
 * paid or free sources moved; and the link of an ads account to its shop (the popup's one-click prompt
 * and the options page's list). Ratios with two decimals, shares with one, so lines read alike.
 */

type SpendTranslate = Translate<SpendKey | AlertKey>;
type Shop = { site: string; store: string };

/** A share of sales with one decimal: "10.0%". */
export const share = formatShare;
/** ROI with two decimals: "1.33". */
export const roi = formatRoi;

export function adsSiteName(t: SpendTranslate, site: string): string {
  return isAdsSite(site) ? t(`spendsite_${site}`) : siteName(t, site);
}

/** "花费 ¥900.00 · 投产比 1.33 · 费比 10.0% · 付费占比 13.3%", and the paid/free split of visitors. */
export function SpendDayLine({
  day,
  currency,
  t,
  locale,
}: {
  day: DayReview;
  currency?: string | undefined;
  t: SpendTranslate;
  locale: string;
}) {
  const s = day.spend;
  const mix = day.sourceMix;
  if (!s && !mix) return null;
  const change = (v: number) => formatChange(v, locale as never);
  return (
    <div class="spend-day" data-testid="spend-day">
      {s && (
        <p class="spend-line" data-spend={s.spend} data-roi={s.roi ?? ''} data-ratio={s.spendRatio ?? ''}>
          <strong>{t('spend_title')}</strong>{' '}
          {t('spend_line', {
            spend: formatValue('adSpend', s.spend, locale as never, currency),
            roi: roi(s.roi),
            ratio: share(s.spendRatio),
            share: share(s.paidShare),
          })
            .split(' · ')
            .map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <span class="spend-part">{part}</span>
              </Fragment>
            ))}
        </p>
      )}
      {mix && (
        <p class="spend-mix" data-testid="spend-mix" data-moved={mix.moved ?? ''}>
          {t('spend_visitorsPaid', {
            paid: mix.paid ? change(mix.paid.change) : '—',
            free: mix.free ? change(mix.free.change) : '—',
          })}
          {mix.moved && <> {t(mix.moved === 'paid' ? 'spend_moved_paid' : 'spend_moved_free')}</>}
        </p>
      )}
    </div>
  );
}

/** Shops an account may spend for: its family's, or any for Google Ads. */
export function candidates(site: AdsSite, shops: readonly Shop[]): Shop[] {
  const family = ADS_FAMILY[site];
  return shops.filter((s) => !isAdsSite(s.site) && (family === null || s.site === family));
}

/**
 * The popup's prompt for each ads account read but not linked: one button per shop of its platform
 * family (one click links it), or a picker when there are more than three; and "not now", which puts
 * the account off until the options page is opened (an account read since is asked about on its own).
 */
export function LinkPrompt({
  ads,
  shops,
  t,
  onLink,
  later,
  onLater,
}: {
  ads: NonNullable<ReviewState['ads']>;
  shops: readonly Shop[];
  t: SpendTranslate;
  onLink: (site: AdsSite, account: string, shop: string) => Promise<unknown>;
  later?: PromptLater | undefined;
  /** "Not now" for `account`; absent: no such button. */
  onLater?: (account: AdsAccountRef) => Promise<unknown>;
}) {
  const unlinked = ads.flatMap((a) => (a.shop === null && isAdsSite(a.site) ? [{ site: a.site, account: a.account }] : []));
  const asked = promptedAccounts(unlinked, later);
  if (!asked.length) return null;
  return (
    <section class="spend-prompt" data-testid="spend-prompt">
      {asked.map((a) => (
        <PromptRow
          key={`${a.site}|${a.account}`}
          site={a.site}
          account={a.account}
          shops={shops}
          t={t}
          onLink={onLink}
          {...(onLater ? { onLater: () => void onLater(a).catch(() => undefined) } : {})}
        />
      ))}
    </section>
  );
}

function PromptRow({
  site,
  account,
  shops,
  t,
  onLink,
  onLater,
}: {
  site: AdsSite;
  account: string;
  shops: readonly Shop[];
  t: SpendTranslate;
  onLink: (site: AdsSite, account: string, shop: string) => Promise<unknown>;
  onLater?: () => void;
}) {
  const options = candidates(site, shops);
  const [picked, setPicked] = useState(options[0] ? keyOf(options[0].site, options[0].store) : '');
  const link = (key: string) => void onLink(site, account, key).catch(() => undefined);
  const notNow = onLater && (
    <button type="button" class="spend-later" title={t('spend_notNowHelp')} onClick={onLater}>
      {t('spend_notNow')}
    </button>
  );
  return (
    <div class="spend-prompt-row" data-account={account}>
      <p>{t('spend_unlinked', { account, site: adsSiteName(t, site) })}</p>
      {options.length <= 3 ? (
        <div class="spend-prompt-actions">
          {options.map((s) => (
            <button type="button" class="popup-act" key={keyOf(s.site, s.store)} onClick={() => link(keyOf(s.site, s.store))}>
              {t('spend_linkTo', { shop: s.store })}
            </button>
          ))}
          {notNow}
        </div>
      ) : (
        <div class="spend-prompt-actions">
          <select
            aria-label={t('spend_pickShop')}
            value={picked}
            onChange={(e) => setPicked((e.currentTarget as HTMLSelectElement).value)}
          >
            {options.map((s) => (
              <option key={keyOf(s.site, s.store)} value={keyOf(s.site, s.store)}>
                {s.store} · {siteName(t, s.site)}
              </option>
            ))}
          </select>
          <button type="button" class="popup-act" onClick={() => link(picked)}>
            {t('spend_linkSave')}
          </button>
          {notNow}
        </div>
      )}
    </div>
  );
}

/** The options page's list of ads accounts read: each one's shop and how it was decided, with a shop picker and unlink. */
export function AdsLinksPanel({
  links,
  shops,
  t,
  onChange,
}: {
  links: readonly AdsLink[];
  /** Every shop and account read (the `shops` reply). */
  shops: readonly Shop[];
  t: SpendTranslate;
  onChange: (links: AdsLink[]) => void;
}) {
  const accounts = shops.flatMap((a) =>
    isAdsSite(a.site) ? [{ site: a.site, account: a.store, shop: shopOfAccount(a.site, a.store, links, shops) }] : [],
  );
  return (
    <section class="options-panel spend-links" aria-labelledby="spend-links-title">
      <h2 id="spend-links-title">{t('spend_linksTitle')}</h2>
      <p class="options-help">{t('spend_linksHelp')}</p>
      {accounts.length === 0 ? (
        <p class="options-help" data-testid="spend-links-none">
          <NoAccounts t={t} />
        </p>
      ) : (
        <table class="spend-links-table">
          <tbody>
            {accounts.map((a) => {
              const site = a.site as AdsSite;
              const current = a.shop ? keyOf(a.shop.site, a.shop.store) : '';
              return (
                <tr key={`${a.site}|${a.account}`} data-account={a.account}>
                  <th scope="row">
                    {a.account}
                    <small>{adsSiteName(t, a.site)}</small>
                  </th>
                  <td>
                    <select
                      aria-label={t('spend_pickShop')}
                      value={current}
                      onChange={(e) =>
                        onChange(setLink(links, site, a.account, (e.currentTarget as HTMLSelectElement).value || null))
                      }
                    >
                      <option value="">{t('spend_notLinked')}</option>
                      {candidates(site, shops).map((s) => (
                        <option key={keyOf(s.site, s.store)} value={keyOf(s.site, s.store)}>
                          {s.store} · {siteName(t, s.site)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class="spend-how">
                    {a.shop ? t(a.shop.by === 'operator' ? 'spend_byOperator' : 'spend_byName') : t('spend_notLinked')}
                  </td>
                  <td>
                    {a.shop?.by === 'operator' && (
                      <button type="button" onClick={() => onChange(setLink(links, site, a.account, null))}>
                        {t('spend_unlink')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

const SPEND_SWITCHES = [
  ['leakingPage', 'spend_alertLeaking'],
  ['spendRatio', 'spend_alertRatio'],
  ['roiFloor', 'spend_alertRoi'],
] as const;

/** The spend alerts switched on or off, and the ROI floor of each platform profile, in the options page. */
export function SpendRulesPanel({
  settings,
  t,
  onChange,
}: {
  settings: Settings;
  t: Translate<SpendKey | OptionsKey>;
  onChange: (next: Settings) => void;
}) {
  const choices = reviewAlertChoices(settings);
  return (
    <section class="options-panel spend-rules" aria-labelledby="spend-rules-title">
      <h2 id="spend-rules-title">{t('spend_rulesTitle')}</h2>
      {SPEND_SWITCHES.map(([field, label]) => (
        <label class="spend-row" key={field}>
          <input
            type="checkbox"
            data-testid={`spend-${field}`}
            checked={choices[field]}
            onChange={(e) =>
              onChange({
                ...settings,
                reviewAlerts: { ...settings.reviewAlerts, [field]: (e.currentTarget as HTMLInputElement).checked },
              })
            }
          />
          {t(label)}
        </label>
      ))}
      <h3>{t('spend_floorsTitle')}</h3>
      <p class="options-help">{t('spend_floorsHelp')}</p>
      <div class="spend-floors">
        {PROFILE_IDS.map((p) => {
          const value = settings.roiFloors?.[p] ?? ROI_FLOORS[p];
          return (
            <label key={p} class="spend-floor">
              {t('spend_floor', { profile: t(`options_profile_${p}`) })}
              <input
                type="number"
                data-testid={`spend-floor-${p}`}
                min={ROI_FLOOR_RANGE[0]}
                max={ROI_FLOOR_RANGE[1]}
                step={0.1}
                value={value}
                onChange={(e) => {
                  const v = Number((e.currentTarget as HTMLInputElement).value);
                  // Out of range or not a number: the last good floor shows again, nothing is saved.
                  if (Number.isFinite(v) && v >= ROI_FLOOR_RANGE[0] && v <= ROI_FLOOR_RANGE[1])
                    onChange({ ...settings, roiFloors: { ...settings.roiFloors, [p]: v } });
                  else (e.currentTarget as HTMLInputElement).value = String(value);
                }}
              />
            </label>
          );
        })}
      </div>
    </section>
  );
}

/** The value table's spend and ROI of a date, as the table prints them ('—': not read that day). */
export function spendColumns(trend: SpendTrend, currency: string | undefined, locale: Locale) {
  const spendOf = new Map(trend.spend.map((p) => [p.date, p.value]));
  const roiOf = new Map(trend.roi.map((p) => [p.date, p.value]));
  const money = columnOf('adSpend', trend.spend, (p) => p.value, locale, currency);
  return {
    spend: (date: string) => (spendOf.has(date) ? money(spendOf.get(date)!) : '—'),
    roi: (date: string) => (roiOf.has(date) ? roi(roiOf.get(date)!) : '—'),
  };
}

/**
 * Spend and ROI beside the sales line: two small charts over the sales chart's dates (`from`…`to`), and
 * ROI over 7 and 30 days as Σ ad sales ÷ Σ spend.
 */
export function SpendTrendCharts({
  trend,
  store,
  from,
  to,
  formatDate,
  t,
  locale,
}: {
  trend: SpendTrend;
  store: string;
  from: string;
  to: string;
  formatDate: (d: string) => string;
  t: SpendTranslate;
  locale: Locale;
}) {
  const charts = [
    { id: 'spend', points: trend.spend, key: 'spend_chartSpend', format: (v: number) => formatValue('adSpend', v, locale) },
    { id: 'roi', points: trend.roi, key: 'spend_chartRoi', format: (v: number) => roi(v) },
  ] as const;
  return (
    <section class="spend-trend" data-testid="spend-trend">
      <h3>{t('spend_series')}</h3>
      <p class="spend-mix">{t('spend_roiOver', { roi7: roi(trend.roi7), roi30: roi(trend.roi30) })}</p>
      {charts.map((c) =>
        c.points.length ? (
          <figure class="spend-trend-chart" key={c.id} data-series={c.id}>
            <figcaption>{t(c.id === 'spend' ? 'spend_colSpend' : 'spend_colRoi')}</figcaption>
            <LineChart
              series={[
                { id: c.id, label: t(c.id === 'spend' ? 'spend_colSpend' : 'spend_colRoi'), kind: 'main', points: c.points },
              ]}
              from={from}
              to={to}
              formatTick={c.format}
              formatDate={formatDate}
              summary={t(c.key, {
                store,
                first: c.format(c.points[0]!.value),
                firstDate: c.points[0]!.date,
                last: c.format(c.points.at(-1)!.value),
                lastDate: c.points.at(-1)!.date,
              })}
            />
          </figure>
        ) : null,
      )}
    </section>
  );
}

/** "No ads account read yet. Open an ads back office (…)" with each back office's name kept on one line. */
function NoAccounts({ t }: { t: SpendTranslate }) {
  const [before, after] = t('spend_linksNone', { sites: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      {ADS_SITES.map((site, i) => (
        <Fragment key={site}>
          {i > 0 && t('spend_listSeparator')}
          <span class="spend-name">{adsSiteName(t, site)}</span>
        </Fragment>
      ))}
      {after}
    </>
  );
}
