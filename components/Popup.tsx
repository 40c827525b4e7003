import { useCallback, useEffect, useState } from 'preact/hooks';
import { FIXES } from '@/core/fixes';
import { formatPeriod, formatTime, formatValue } from '@/core/format';
import { metricName, type Locale } from '@/core/i18n';
import { uiTranslator, type UiTranslate } from '@/core/i18n-ui';
import type { AlertView, LatestView, PopupState } from '@/core/messages';
import { SITES } from '@/core/sites';
import { PageTools, type PageToolsDeps } from './PageTools';

export interface PopupProps {
  locale: Locale;
  load: () => Promise<PopupState>;
  dismiss: (alertId: string) => Promise<unknown>;
  openSettings?: () => void;
  /** "Read this page" and the picker for the active tab. */
  tools?: PageToolsDeps;
}

const SYCM_HOME = 'https://sycm.taobao.com/portal/home.htm';

export function Popup({ locale, load, dismiss, openSettings, tools }: PopupProps) {
  const t = uiTranslator(locale);
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    load().then(
      (s) => {
        setState(s);
        setError(null);
      },
      (e: unknown) => setError(String(e instanceof Error ? e.message : e)),
    );
  }, [load]);
  useEffect(refresh, [refresh]);

  const onDismiss = (id: string) => void dismiss(id).then(refresh, (e: unknown) => setError(String(e)));

  const open = state?.alerts.filter((a) => a.status === 'open') ?? [];
  const dismissedCount = (state?.alerts.length ?? 0) - open.length;
  const byStore = groupBy(open, (a) => `${a.site}|${a.store}`);
  // One group per shop and period: a day's numbers and today's real-time numbers are not mixed.
  const latestByStore = groupBy(
    [...(state?.latest ?? [])].sort((a, b) => b.observedAt - a.observedAt),
    (l) => `${l.site}|${l.store}|${l.period.kind}:${l.period.start}..${l.period.end}`,
  );

  return (
    <main class="popup">
      <header class="head">
        <h1>{t('appName')}</h1>
        <span class="today">{t('popup_title')}</span>
        {openSettings && (
          <button type="button" class="settings" onClick={openSettings}>
            {t('popup_settings')}
          </button>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {tools && <PageTools t={t} locale={locale} deps={tools} onRead={refresh} />}
      {state?.storageError && (
        <p class="error" role="alert">
          {t('popup_storageError', { error: state.storageError })}
        </p>
      )}
      {state?.pages.map((p) => (
        <p class="notice" role="status" key={`${p.site}${p.path}`} data-testid="page-status">
          {p.found === 0
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
      {state && state.totalReadings === 0 && <Empty t={t} />}
      {state && state.totalReadings > 0 && (
        <>
          <p class="summary" data-testid="summary">
            <strong>
              {open.length === 1
                ? t('popup_alert_one')
                : open.length === 0
                  ? t('popup_noAlerts')
                  : t('popup_alerts', { count: open.length })}
            </strong>
            <span> · {t('popup_readCount', { count: state.readingsToday })}</span>
          </p>
          {[...byStore.entries()].map(([key, alerts]) => (
            <section class="store" key={key} data-store={alerts[0]!.store}>
              <h2>
                {alerts[0]!.store} <small>{siteName(t, alerts[0]!.site)}</small>
              </h2>
              <ul class="alerts">
                {alerts.map((a) => (
                  <AlertItem key={a.id} alert={a} t={t} locale={locale} onDismiss={onDismiss} />
                ))}
              </ul>
            </section>
          ))}
          {dismissedCount > 0 && <p class="muted">{t('popup_dismissed', { count: dismissedCount })}</p>}
          {latestByStore.size > 0 && (
            <section class="latest">
              <h2>{t('popup_latest')}</h2>
              {[...latestByStore.entries()].map(([key, rows]) => (
                <Latest key={key} rows={rows} t={t} locale={locale} />
              ))}
            </section>
          )}
        </>
      )}
      <footer class="foot">{t('popup_privacy')}</footer>
    </main>
  );
}

function AlertItem({
  alert: a,
  t,
  locale,
  onDismiss,
}: {
  alert: AlertView;
  t: UiTranslate;
  locale: Locale;
  onDismiss: (id: string) => void;
}) {
  const fix = FIXES[a.fix];
  const metric = metricName(t, a.metric);
  const value = formatValue(a.metric, a.value, locale, a.currency);
  const threshold = formatValue(a.metric, a.threshold, locale, a.currency);
  const headlineKey: Parameters<UiTranslate>[0] =
    a.direction === 'above' ? 'rule_above' : a.severity === 'critical' ? 'rule_below' : 'rule_belowOrAt';
  return (
    <li class={`alert ${a.severity}`} data-metric={a.metric} data-severity={a.severity}>
      <div class="alert-head">
        <span class={`sev ${a.severity}`}>{t(`severity_${a.severity}`)}</span>
        <span class="metric">{metric}</span>
        <span class="value">{value}</span>
      </div>
      <p class="headline">{t(headlineKey, { metric, value, threshold })}</p>
      <dl class="facts">
        <div>
          <dt>{t('popup_threshold')}</dt>
          <dd>{threshold}</dd>
        </div>
        <div>
          <dt>{t('popup_owner')}</dt>
          <dd class="role">{t(`role_${fix.role}`)}</dd>
        </div>
        <div>
          <dt>{t('popup_period')}</dt>
          <dd>{formatPeriod(t, a.period)}</dd>
        </div>
        <div>
          <dt>{t('popup_readAtLabel')}</dt>
          <dd>{formatTime(a.lastSeen, locale)}</dd>
        </div>
      </dl>
      <div class="fix">
        <strong>{t('popup_fix')}</strong> {t(fix.summary)}
        <ol>
          {fix.steps.map((s) => (
            <li key={s}>{t(s)}</li>
          ))}
        </ol>
      </div>
      <div class="alert-foot">
        <span class="source" title={a.source.locator}>
          {t('popup_source', {
            label: a.source.label,
            reader: t(`reader_${a.source.reader}`),
          })}
        </span>
        <button type="button" class="dismiss" onClick={() => onDismiss(a.id)}>
          {t('popup_dismiss')}
        </button>
      </div>
    </li>
  );
}

function Latest({ rows, t, locale }: { rows: LatestView[]; t: UiTranslate; locale: Locale }) {
  const first = rows[0]!;
  return (
    <div class="latest-store">
      <h3>
        {first.store} <small>{formatPeriod(t, first.period)}</small>
      </h3>
      <dl class="latest-grid">
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

function Empty({ t }: { t: UiTranslate }) {
  return (
    <section class="empty" data-testid="empty">
      <h2>{t('popup_emptyTitle')}</h2>
      <p>{t('popup_emptyBody')}</p>
      <a class="cta" href={SYCM_HOME} target="_blank" rel="noreferrer">
        {t('popup_openSycm')}
      </a>
      <p class="muted">{t('popup_supported', { sites: SITES.map((s) => siteName(t, s.id)).join('、') })}</p>
    </section>
  );
}

function siteName(t: UiTranslate, site: string): string {
  const key = `site_${site}` as never;
  const name = t(key);
  return name === key ? site : name;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
