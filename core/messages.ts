import browser from 'webextension-polyfill';
import type { Binding } from './bindings';
import type { MetricId } from './metrics';
import type { FixId, Severity } from './rules';
import type { MonthTarget, ReviewState, TrendView } from './review/types';
import type { ObservedValue, Period } from './types';

/**
 * The one message protocol between content scripts, popup and background. Each entry maps a
 * message type to its payload and its reply. The background validates every payload (core/schemas.ts)
 * before a handler sees it.
 */

/** What a content script reports after reading a page. */
export interface PageReport {
  site: string;
  store: string;
  period: Period;
  observed: ObservedValue[];
}

/** The background's judgement of one reported value, by its index in `observed`. */
export interface Evaluation {
  index: number;
  metric: MetricId;
  severity: Severity;
  threshold: number;
  direction: 'above' | 'below';
  fix: FixId;
  alertId: string;
  dismissed: boolean;
}

export interface AlertView {
  id: string;
  site: string;
  store: string;
  metric: MetricId;
  severity: Severity;
  value: number;
  currency?: string;
  threshold: number;
  direction: 'above' | 'below';
  fix: FixId;
  period: Period;
  status: 'open' | 'resolved' | 'dismissed' | 'acknowledged';
  firstSeen: number;
  lastSeen: number;
  source: ObservedValue['source'];
}

export interface LatestView {
  site: string;
  store: string;
  metric: MetricId;
  value: number;
  currency?: string;
  period: Period;
  observedAt: number;
}

/** How reading went on one open back-office page, so the popup can say when a page yields nothing. */
export interface PageStatus {
  site: string;
  store: string;
  /** Numbers read on the page's last read. */
  found: number;
  /** Numbers seen but not readable honestly (digits drawn with a scrambling font). */
  unreadable: number;
  /** The metrics read for the shop itself (not parts, not peers) on that read. */
  own: MetricId[];
}

export interface PageView extends PageStatus {
  path: string;
  at: number;
  /** Numbers this page always shows (core/sites/expects.ts) that were not among `own`. */
  missing: MetricId[];
}

export interface PopupState {
  alerts: AlertView[];
  latest: LatestView[];
  readingsToday: number;
  totalReadings: number;
  /** Open back-office pages whose last read found nothing, missed an expected number or met numbers it could not read. */
  pages: PageView[];
  storageError?: string;
}

/** What "read this page" found on a page of a site without an adapter (or that it has one). */
export interface ReadPageResult {
  host: string;
  site: string;
  /** The page is a supported back office: its content script reads it, nothing was injected. */
  supported: boolean;
  observed: Array<{ metric: MetricId; value: number; currency?: string }>;
  /** New readings stored (an unchanged value is not stored twice). */
  stored: number;
  unreadable: number;
}

/** A picked number to remember for the page's site; the origin is the sending tab's. */
export type BindingPayload = Omit<Binding, 'savedAt'>;

export interface ProtocolMap {
  report: { payload: PageReport; reply: { stored: number; evaluations: Evaluation[] } };
  dismiss: { payload: { alertId: string }; reply: { ok: true } };
  pageStatus: { payload: PageStatus; reply: { ok: true } };
  popupState: { payload: Record<string, never>; reply: PopupState };
  readPage: { payload: { tabId: number }; reply: ReadPageResult };
  pickOnPage: { payload: { tabId: number }; reply: { ok: true } };
  saveBinding: { payload: BindingPayload; reply: { ok: true; origin: string } };
  shops: { payload: Record<string, never>; reply: { shops: Array<{ site: string; store: string }>; totalReadings: number } };
  setTarget: { payload: MonthTarget; reply: { ok: true } };
  alertAction: { payload: AlertActionRequest; reply: { ok: true } };
  /** `first`: the Review tab's part alone when the whole review is not ready (`partial` in the reply). */
  review: { payload: { first?: boolean }; reply: ReviewState };
  trend: { payload: TrendRequest; reply: TrendView };
}

/** Background → content script. */
export interface TabProtocolMap {
  dismissed: { payload: { alertId: string }; reply: { ok: true } };
}

export type MessageType = keyof ProtocolMap;

export interface Envelope<K extends string = string> {
  type: K;
  payload: unknown;
}

export type Reply<K extends MessageType> = ProtocolMap[K]['reply'] | { error: string };

export async function sendMessage<K extends MessageType>(
  type: K,
  payload: ProtocolMap[K]['payload'],
): Promise<ProtocolMap[K]['reply']> {
  const reply = (await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>)) as Reply<K> | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if ('error' in reply) throw new Error(reply.error);
  return reply;
}

export function isErrorReply(reply: unknown): reply is { error: string } {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}

export interface TrendRequest {
  site: string;
  store: string;
  metric: MetricId;
  days: 7 | 30 | 90;
}

export type AlertAction = 'acknowledge' | 'snooze' | 'reopen';

export interface AlertActionRequest {
  alertId: string;
  action: AlertAction;
  /** `snooze`: epoch ms when the alert comes back. */
  until?: number;
}
