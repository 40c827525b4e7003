import './Popup.css';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { formatPeriod, formatValue } from '@/core/format';
import { metricName, translator, type Locale } from '@/core/i18n';
import { joinKey } from '@/core/keys';
import { POPUP_SCREEN, type PopupTranslate } from '@/core/strings/popup';
import type { AlertAction, LatestView, PopupState, TrendRequest } from '@/core/messages';
import type { MonthTarget, PaceView, ReviewState, TrendView } from '@/core/review/types';
import type { AdsAccountRef, AdsSite, PromptLater } from '@/core/ads-links';
import { HostAccess, type HostAccessDeps } from './HostAccess';
import { DailyReport, type ImageOut } from './DailyReport';
import { FirstRun } from './FirstRun';
import { ShopLines } from './ShopLines';
import { AlertItem, Inbox, ShopAlerts } from './Inbox';
import { TodayPace } from './Pace';
import { PageTools, type PageToolsDeps } from './PageTools';
import { byUrgency, DayCard } from './Review';
import { LinkPrompt } from './Spend';
import { Tabs } from './Tabs';
import { lazy } from './lazy';
import { alertCount, errorText, groupBy, shopKey, siteName } from './util';

export interface PopupProps {
  locale: Locale;
  load: () => Promise<PopupState>;
  dismiss: (alertId: string) => Promise<unknown>;
  loadReview: () => Promise<ReviewState>;
  loadTrend: (req: TrendRequest) => Promise<TrendView>;
  setTarget: (target: MonthTarget) => Promise<unknown>;
  alertAction: (alertId: string, action: AlertAction, until?: number) => Promise<unknown>;
  openSettings?: () => void;
  /** The clock, for snooze times and "snoozed until" (tests pass a fixed one). */
  now?: () => number;
  /** Where "copy as text" goes; the system clipboard by default. */
  copyText?: (text: string) => Promise<void>;
  /** Where the daily report's picture goes; the system clipboard (or a download) by default. */
  reportImage?: ImageOut;
  /** "Read this page" and the picker for the active tab. */
  tools?: PageToolsDeps;
  /** Whether the back offices are allowed, and asking for them. */
  access?: HostAccessDeps;
  /** Today's pace of the shops whose real-time board was read today. */
  loadPace?: () => Promise<PaceView[]>;
  /** Links an ads account to a shop (the settings' `adsLinks`); absent: no prompt. */
  linkAccount?: (site: AdsSite, account: string, shop: string) => Promise<unknown>;
  /** The link prompt as last put off (the settings' `adsPromptLater`). */
  promptLater?: PromptLater | undefined;
  /** "Not now" for one account; answers the prompt put off as stored. */
  putOffLink?: (account: AdsAccountRef) => Promise<PromptLater>;
}

type TabId = 'review' | 'trends' | 'month';

// The first screen is the Review tab: the other tabs' code loads when one is opened.
const Trends = lazy(() => import('./Trends').then((m) => m.Trends));
const MonthReview = lazy(() => import('./MonthReview').then((m) => m.MonthReview));

export const REVIEW_RENDERED = 'storepulse:review-rendered';
export const REVIEW_PAINTED = 'storepulse:review-painted';
export const REVIEW_ANSWER = 'storepulse:review-answer';

function markOnce(ready: boolean, name: string): void {
  if (ready && performance.getEntriesByName(name).length === 0) performance.mark(name);
}

const SYCM_HOME = 'https://sycm.taobao.com/portal/home.htm';

export function Popup({
  locale,
  load,
  dismiss,
  loadReview,
  loadTrend,
  setTarget,
  alertAction,
  openSettings,
  now = Date.now,
  copyText = (text) => navigator.clipboard.writeText(text),
  reportImage,
  tools,
  access,
  loadPace,
  linkAccount,
  promptLater,
  putOffLink,
}: PopupProps) {
  const t = translator(locale, POPUP_SCREEN);
  const [tab, setTab] = useState<TabId>('review');
  const [state, setState] = useState<PopupState | null>(null);
  const [review, setReview] = useState<ReviewState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [paces, setPaces] = useState<PaceView[]>([]);
  const [later, setLater] = useState(promptLater);
  useEffect(() => {
    loadPace?.().then(setPaces, () => undefined);
  }, [loadPace]);

  const refresh = useCallback(() => {
    load().then(
      (s) => {
        setState(s);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
    const showReview = (r: ReviewState) => {
      markOnce(true, REVIEW_ANSWER);
      setReview(r);
      setReviewError(null);
      // The first answer held only the Review tab: the rest (months, trends) is asked for once it has painted.
      if (r.partial) requestAnimationFrame(() => setTimeout(() => void loadReview().then(showReview, () => undefined)));
    };
    loadReview().then(showReview, (e: unknown) => setReviewError(errorText(e)));
  }, [load, loadReview]);
  useEffect(refresh, [refresh]);
  // Marks the first review committed to the page, and painted (effects run after the next frame): the
  // benchmark of the popup's first render reads both.
  const reviewShown = review !== null;
  useLayoutEffect(() => markOnce(reviewShown, REVIEW_RENDERED), [reviewShown]);
  useEffect(() => markOnce(reviewShown, REVIEW_PAINTED), [reviewShown]);

  const fail = (e: unknown) => setError(t('inbox_actionError', { error: errorText(e) }));
  const onDismiss = (id: string) => void dismiss(id).then(refresh, fail);
  const onAction = (id: string, action: AlertAction, until?: number) => void alertAction(id, action, until).then(refresh, fail);
  const onSaveTarget = (target: MonthTarget) => setTarget(target).then(refresh);

  const shops = review?.shops ?? [];
  const tabs = [
    { id: 'review', label: t('tab_review') },
    { id: 'trends', label: t('tab_trends') },
    { id: 'month', label: t('tab_month') },
  ] as const;

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('appName')}</h1>
        <span class="popup-today">{review?.today ?? t('popup_title')}</span>
        {openSettings && (
          <button type="button" class="popup-settings" onClick={openSettings}>
            {t('popup_settings')}
          </button>
        )}
      </header>
      {error && (
        <p class="popup-error" role="alert">
          {error}
        </p>
      )}
      {access && <HostAccess t={t} deps={access} />}
      {tools && <PageTools t={t} locale={locale} deps={tools} onRead={refresh} />}
      {state?.storageError && (
        <p class="popup-error" role="alert">
          {t('popup_storageError', { error: state.storageError })}
        </p>
      )}
      <Tabs tabs={tabs} selected={tab} onSelect={setTab} label={t('tabs_label')}>
        {tab === 'review' && (
          <>
            <TodayPace shops={paces} t={t} locale={locale} />
            {state?.pages.map((p) => (
              <p class="notice" role="status" key={`${p.site}${p.path}`} data-testid="page-status">
                {p.refused
                  ? t('popup_pageRefused', { site: siteName(t, p.site), path: p.path, count: p.refused })
                  : p.found === 0
                    ? t('popup_pageEmpty', { site: siteName(t, p.site), path: p.path })
                    : p.unreadable > 0
                      ? t('popup_pageUnreadable', { site: siteName(t, p.site), path: p.path, count: p.unreadable })
                      : t('popup_pageMissing', {
                          site: siteName(t, p.site),
                          path: p.path,
                          metrics: p.missing.map((m) => metricName(t, m)).join(t('popup_listSeparator')),
                        })}
              </p>
            ))}
            {/* Nothing read and no shop's history (an import brings days before any reading): how to begin. */}
            {state && state.totalReadings === 0 && review && shops.length === 0 && <Empty t={t} />}
            {review && (
              <FirstRun
                shops={[...shops].sort(byUrgency)}
                month={review.today.slice(0, 7)}
                t={t}
                locale={locale}
                onSave={onSaveTarget}
              />
            )}
            {reviewError && state && state.totalReadings > 0 && (
              <p class="popup-muted" data-testid="review-error">
                {t('review_loadError', { error: reviewError })}
              </p>
            )}
            {review?.ads && linkAccount && (
              <LinkPrompt
                ads={review.ads}
                shops={shops}
                t={t}
                onLink={(...a) => linkAccount(...a).then(refresh, fail)}
                later={later}
                {...(putOffLink ? { onLater: (a: AdsAccountRef) => putOffLink(a).then(setLater, fail) } : {})}
              />
            )}
            {review && shops.length > 0 && (
              <DailyReport
                review={{ ...review, shops: [...shops].sort(byUrgency) }}
                t={t}
                locale={locale}
                copyText={copyText}
                {...(reportImage ? { image: reportImage } : {})}
              />
            )}
            {review && shops.length > 0 && (
              <ShopLines
                review={review}
                t={t}
                locale={locale}
                details={(shop) => (
                  <>
                    <DayCard
                      shop={shop}
                      today={review.today}
                      t={t}
                      locale={locale}
                      onSaveTarget={onSaveTarget}
                      targetAlert={hasTargetAlert(review.inbox, shop)}
                      unreadable={state?.pages.find((p) => p.site === shop.site && p.store === shop.store)?.unreadable ?? 0}
                      latestSales={latestSales(state, shop)}
                    />
                    <ShopAlerts shop={shop} inbox={review.inbox} t={t} locale={locale} now={now()} onAction={onAction} />
                  </>
                )}
              />
            )}
            {state && state.totalReadings > 0 && (
              <>
                {review ? (
                  <Inbox
                    inbox={review.inbox}
                    t={t}
                    locale={locale}
                    now={now()}
                    onAction={onAction}
                    elsewhere={new Set(shops.map(shopKey))}
                  />
                ) : (
                  <OpenAlerts state={state} t={t} locale={locale} onDismiss={onDismiss} />
                )}
                <LatestNumbers state={state} t={t} locale={locale} />
              </>
            )}
          </>
        )}
        {tab === 'trends' &&
          (review && !review.partial ? (
            <Trends shops={shops} loadTrend={loadTrend} t={t} locale={locale} />
          ) : (
            <Pending t={t} error={reviewError} />
          ))}
        {tab === 'month' &&
          (review && !review.partial ? (
            <MonthReview shops={shops} t={t} locale={locale} copyText={copyText} />
          ) : (
            <Pending t={t} error={reviewError} />
          ))}
      </Tabs>
      <footer class="popup-foot">{t('popup_privacy')}</footer>
    </main>
  );
}

/** Whether a review alert (open, acknowledged or snoozed) already says the shop missed its target on consecutive days. */
function hasTargetAlert(inbox: ReviewState['inbox'], shop: { site: string; store: string }): boolean {
  return inbox.some((a) => a.site === shop.site && a.store === shop.store && a.metric === 'sales' && !!a.review);
}

/** The shop's latest sales reading when it covers a range or today so far, not one closed day. */
function latestSales(state: PopupState | null, shop: { site: string; store: string }): LatestView | undefined {
  return state?.latest
    .filter((l) => l.site === shop.site && l.store === shop.store && l.metric === 'sales' && l.period.kind !== 'day')
    .sort((a, b) => b.observedAt - a.observedAt)[0];
}

/** Before the review has loaded, or when the background cannot give one. */
function Pending({ t, error }: { t: PopupTranslate; error: string | null }) {
  return <p class="popup-muted">{error ? t('review_loadError', { error }) : t('review_loading')}</p>;
}

/**
 * Today's open alerts with "dismiss for today", as the background reports them in its popup state:
 * shown while the review (and with it the inbox) is not available.
 */
function OpenAlerts({
  state,
  t,
  locale,
  onDismiss,
}: {
  state: PopupState;
  t: PopupTranslate;
  locale: Locale;
  onDismiss: (id: string) => void;
}) {
  const open = state.alerts.filter((a) => a.status === 'open');
  const dismissedCount = state.alerts.length - open.length;
  return (
    <>
      <p class="popup-summary" data-testid="summary">
        <strong>{alertCount(t, open.length)}</strong>
        <span> · {t('popup_readCount', { count: state.readingsToday })}</span>
      </p>
      {[...groupBy(open, shopKey).values()].map((alerts) => (
        <section class="popup-store" key={shopKey(alerts[0]!)} data-store={alerts[0]!.store}>
          <h2>
            {alerts[0]!.store} <small>{siteName(t, alerts[0]!.site)}</small>
          </h2>
          <ul class="popup-alerts">
            {alerts.map((a) => (
              <AlertItem key={a.id} alert={a} t={t} locale={locale}>
                <div class="popup-actions">
                  <button type="button" class="popup-dismiss" onClick={() => onDismiss(a.id)}>
                    {t('popup_dismiss')}
                  </button>
                </div>
              </AlertItem>
            ))}
          </ul>
        </section>
      ))}
      {dismissedCount > 0 && <p class="popup-muted">{t('popup_dismissed', { count: dismissedCount })}</p>}
    </>
  );
}

/** One group per shop and period: a day's numbers and today's real-time numbers are not mixed. */
function LatestNumbers({ state, t, locale }: { state: PopupState; t: PopupTranslate; locale: Locale }) {
  const latestByStore = groupBy(
    [...state.latest].sort((a, b) => b.observedAt - a.observedAt),
    (l) => joinKey([l.site, l.store, `${l.period.kind}:${l.period.start}..${l.period.end}`]),
  );
  if (latestByStore.size === 0) return null;
  return (
    // Folded: the review above already gives the closed day's numbers.
    <details class="popup-latest">
      <summary>
        <h2>{t('popup_latest')}</h2>
      </summary>
      {[...latestByStore.entries()].map(([key, rows]) => (
        <Latest key={key} rows={rows} t={t} locale={locale} />
      ))}
    </details>
  );
}

function Latest({ rows, t, locale }: { rows: LatestView[]; t: PopupTranslate; locale: Locale }) {
  const first = rows[0]!;
  return (
    <div class="popup-latest-store">
      <h3>
        {first.store} <small>{formatPeriod(t, first.period)}</small>
      </h3>
      <dl class="popup-latest-grid">
        {rows.map((r) => (
          <div key={r.metric} data-metric={r.metric}>
            <dt>{metricName(t, r.metric)}</dt>
            <dd>{formatValue(r.metric, r.value, locale, r.currency)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Empty({ t }: { t: PopupTranslate }) {
  return (
    <section class="popup-empty" data-testid="empty">
      <h2>{t('popup_emptyTitle')}</h2>
      <p data-testid="first-run">{t('firstRun_gives')}</p>
      <p>{t('popup_emptyBody')}</p>
      <a class="popup-cta" href={SYCM_HOME} target="_blank" rel="noreferrer">
        {t('popup_openSycm')}
      </a>
      <SupportedSites t={t} />
    </section>
  );
}

/** The back offices read, named: the site registry (with every site's reader) loads after the first screen. */
const SupportedSites = lazy(() =>
  import('@/core/sites').then(
    ({ SITES }) =>
      function SupportedSites({ t }: { t: PopupTranslate }) {
        return <p class="popup-muted">{t('popup_supported', { sites: SITES.map((s) => siteName(t, s.id)).join('、') })}</p>;
      },
  ),
);
