import './Inbox.css';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FIXES } from '@/core/fixes';
import { formatPeriod, formatTime, formatValue, steadyValue } from '@/core/format';
import { metricName, type Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { AlertAction } from '@/core/messages';
import type { AlertView, ReviewState } from '@/core/review/types';
import { fellSourceText, partAdvice, reviewAlertText } from '@/core/advice-text';
import { Owners } from './Advice';
import { alertCount, groupBy, shopKey, siteName } from './util';

export type InboxEntry = ReviewState['inbox'][number];

/** One alert in full: what is wrong, the line, who owns the fix and what to do. */
export function AlertItem({
  alert: a,
  t,
  locale,
  children,
}: {
  alert: AlertView;
  t: PopupTranslate;
  locale: Locale;
  /** The alert's actions, under its source line. */
  children: ComponentChildren;
}) {
  const fix = FIXES[a.fix];
  const metric = metricName(t, a.metric);
  const value = steadyValue(a.metric, a.value, locale, a.currency);
  const threshold = steadyValue(a.metric, a.threshold, locale, a.currency);
  const headlineKey: Parameters<PopupTranslate>[0] =
    a.direction === 'above' ? 'rule_above' : a.severity === 'critical' ? 'rule_below' : 'rule_belowOrAt';
  const fell = fellSourceText(t, locale, a);
  return (
    <li class={`inbox-alert ${a.severity}`} data-metric={a.metric} data-severity={a.severity} data-alert={a.id}>
      <div class="inbox-alert-head">
        <span class={`inbox-sev ${a.severity}`}>{t(`severity_${a.severity}`)}</span>
        <span class="inbox-metric">{metric}</span>
        <span class="inbox-value">{value}</span>
      </div>
      {a.ruleName !== undefined && (
        <p class="inbox-rule" data-testid="alert-rule">
          {a.ruleName ? t('inboxr_rule', { name: a.ruleName }) : t('inboxr_unnamed')}
          {a.row && <span class="inbox-row"> · {t('inboxr_row', { dimension: a.row.dimension, key: a.row.key })}</span>}
        </p>
      )}
      <p class="inbox-headline">{a.review ? reviewAlertText(t, locale, a) : t(headlineKey, { metric, value, threshold })}</p>
      {a.part && (
        <p class="advice-part" data-testid="part-advice">
          {partAdvice(t, locale, a.part)}
        </p>
      )}
      {fell && (
        <p class="advice-part" data-testid="fell-source">
          {fell}
        </p>
      )}
      <dl class="inbox-facts">
        <div>
          <dt>
            {t(
              a.review && !a.review.spend
                ? a.metric === 'sales'
                  ? 'advice_lineTarget'
                  : 'advice_lineBaseline'
                : 'popup_threshold',
            )}
          </dt>
          <dd>{threshold}</dd>
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
      <div class="inbox-fix">
        <strong>{t('popup_fix')}</strong> {t(fix.summary)}
        <Owners fix={a.fix} t={t} />
        <details class="inbox-steps">
          <summary>{t('advice_steps')}</summary>
          <ol>
            {fix.steps.map((s) => (
              <li key={s}>{t(s)}</li>
            ))}
          </ol>
        </details>
      </div>
      {!a.review && (
        <p class="inbox-source" title={a.source.locator}>
          {t('popup_source', { label: a.source.label })}
        </p>
      )}
      {children}
    </li>
  );
}

/** Whether an inbox entry still asks for attention now, or was acknowledged, snoozed or dismissed. */
export function inboxState(entry: InboxEntry, now: number): 'open' | 'acknowledged' | 'snoozed' | 'dismissed' {
  if (entry.snoozedUntil !== undefined && entry.snoozedUntil > now) return 'snoozed';
  if (entry.status === 'acknowledged' || entry.acknowledgedAt !== undefined) return 'acknowledged';
  if (entry.status === 'dismissed') return 'dismissed';
  return 'open';
}

/**
 * Snooze ends at the start of a day in the operator's calendar: "until tomorrow" is tomorrow 00:00,
 * "for a week" the same hour seven days on — not 24 hours from a late-evening click.
 */
export function snoozeUntil(now: number, days: 1 | 7): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/**
 * The alert inbox: open alerts in full, per shop, with acknowledge, snooze and their history; the
 * acknowledged and snoozed ones in one short list below, each with reopen.
 */
export function Inbox({
  inbox,
  t,
  locale,
  now,
  onAction,
  elsewhere,
}: {
  inbox: readonly InboxEntry[];
  t: PopupTranslate;
  locale: Locale;
  now: number;
  onAction: (alertId: string, action: AlertAction, until?: number) => void;
  /** Shops whose open alerts are shown under their own line (ShopAlerts): counted here, not repeated. */
  elsewhere?: ReadonlySet<string>;
}) {
  const open = inbox.filter((e) => inboxState(e, now) === 'open');
  const quiet = inbox.filter((e) => inboxState(e, now) !== 'open');
  const here = open.filter((e) => !elsewhere?.has(shopKey(e)));
  const byShop = groupBy(here, shopKey);
  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title" class="inbox-section-title">
        {t('inbox_title')}
        <small>{alertCount(t, open.length)}</small>
      </h2>
      {here.length < open.length && <p class="popup-muted popup-small">{t('glance_alertsInLines')}</p>}
      {[...byShop.values()].map((alerts) => (
        <section class="popup-store" key={shopKey(alerts[0]!)} data-store={alerts[0]!.store}>
          <h2>
            {alerts[0]!.store} <small>{siteName(t, alerts[0]!.site)}</small>
          </h2>
          <ul class="popup-alerts">
            {alerts.map((a) => (
              <AlertItem key={a.id} alert={a} t={t} locale={locale}>
                <InboxActions entry={a} t={t} locale={locale} now={now} onAction={onAction} />
              </AlertItem>
            ))}
          </ul>
        </section>
      ))}
      {quiet.length > 0 && (
        <details class="inbox-quiet">
          <summary>{t('inbox_set', { count: quiet.length })}</summary>
          <ul class="inbox-quiet-list">
            {quiet.map((a) => (
              <li key={a.id} data-alert={a.id} data-state={inboxState(a, now)}>
                <div class="inbox-quiet-head">
                  <span class={`inbox-sev ${a.severity}`}>{t(`severity_${a.severity}`)}</span>
                  <span class="inbox-metric">{metricName(t, a.metric)}</span>
                  <span class="popup-muted">{a.store}</span>
                  <span class="inbox-value">{formatValue(a.metric, a.value, locale, a.currency)}</span>
                </div>
                <InboxActions entry={a} t={t} locale={locale} now={now} onAction={onAction} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** One shop's open alerts in full, with their actions: under the shop's line on the first screen. */
export function ShopAlerts({
  shop,
  inbox,
  t,
  locale,
  now,
  onAction,
}: {
  shop: { site: string; store: string };
  inbox: readonly InboxEntry[];
  t: PopupTranslate;
  locale: Locale;
  now: number;
  onAction: (alertId: string, action: AlertAction, until?: number) => void;
}) {
  const open = inbox.filter((e) => e.site === shop.site && e.store === shop.store && inboxState(e, now) === 'open');
  if (open.length === 0) return null;
  return (
    <ul class="popup-alerts inbox-shop" data-store={shop.store}>
      {open.map((a) => (
        <AlertItem key={a.id} alert={a} t={t} locale={locale}>
          <InboxActions entry={a} t={t} locale={locale} now={now} onAction={onAction} />
        </AlertItem>
      ))}
    </ul>
  );
}

function InboxActions({
  entry,
  t,
  locale,
  now,
  onAction,
}: {
  entry: InboxEntry;
  t: PopupTranslate;
  locale: Locale;
  now: number;
  onAction: (alertId: string, action: AlertAction, until?: number) => void;
}) {
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const state = inboxState(entry, now);
  const when = (ms: number) => formatWhen(ms, now, locale);
  return (
    <>
      <div class="popup-actions">
        {state === 'open' ? (
          <>
            <button type="button" class="popup-act ack" onClick={() => onAction(entry.id, 'acknowledge')}>
              {t('inbox_ack')}
            </button>
            <button
              type="button"
              class="popup-act snooze"
              aria-expanded={snoozeOpen}
              aria-controls={`snooze-${entry.id}`}
              onClick={() => setSnoozeOpen(!snoozeOpen)}
            >
              {t('inbox_snooze')} ▾
            </button>
            {snoozeOpen && (
              <span class="inbox-snooze-menu" id={`snooze-${entry.id}`} role="group" aria-label={t('inbox_snooze')}>
                <button type="button" class="popup-act" onClick={() => onAction(entry.id, 'snooze', snoozeUntil(now, 1))}>
                  {t('inbox_snoozeTomorrow')}
                </button>
                <button type="button" class="popup-act" onClick={() => onAction(entry.id, 'snooze', snoozeUntil(now, 7))}>
                  {t('inbox_snoozeWeek')}
                </button>
              </span>
            )}
          </>
        ) : (
          <>
            <span class="popup-state popup-muted">
              {state === 'snoozed'
                ? t('inbox_snoozedUntil', { time: when(entry.snoozedUntil!) })
                : state === 'acknowledged'
                  ? t('inbox_acknowledgedAt', { time: entry.acknowledgedAt ? when(entry.acknowledgedAt) : '' }).trim()
                  : t('inbox_dismissedToday')}
            </span>
            <button type="button" class="popup-act reopen" onClick={() => onAction(entry.id, 'reopen')}>
              {t('inbox_reopen')}
            </button>
          </>
        )}
        <button
          type="button"
          class="popup-act inbox-history-toggle"
          aria-expanded={historyOpen}
          aria-controls={`history-${entry.id}`}
          onClick={() => setHistoryOpen(!historyOpen)}
        >
          {historyOpen ? t('inbox_hideHistory') : t('inbox_history')}
        </button>
      </div>
      {historyOpen && (
        <ol class="inbox-history" id={`history-${entry.id}`}>
          {entry.history.length === 0 && <li class="popup-muted">{t('inbox_noHistory')}</li>}
          {[...entry.history]
            .sort((a, b) => b.at - a.at)
            .map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <time dateTime={new Date(h.at).toISOString()}>{when(h.at)}</time>
                <span class="event">{t(`event_${h.event}`)}</span>
                {h.value !== undefined && (
                  <span class="popup-num">{formatValue(entry.metric, h.value, locale, entry.currency)}</span>
                )}
                {h.severity && <span class={`inbox-sev ${h.severity}`}>{t(`severity_${h.severity}`)}</span>}
              </li>
            ))}
        </ol>
      )}
    </>
  );
}

/** A time today as "14:05", any other day as "11-24 14:05". */
function formatWhen(ms: number, now: number, locale: Locale): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: '2-digit', day: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}
