// The browser's own API, not the polyfill: content scripts, the popup and the options page only send
// messages and listen without answering, which Chrome's and Firefox's promise APIs do alike (the
// background, which answers with promises, loads webextension-polyfill itself).
import { browser } from 'wxt/browser';
import type { Binding } from './bindings';
import type { Locale } from './i18n';
import type { MetricId } from './metrics';
import type { PaceText } from './pace-text';
import type { Repaired, Settings } from './settings';
import type { SyncMode, SyncStatus } from './settings-sync';
import type { TargetSyncStatus } from './target-sync-status';
import type { FixId, ReturningMix, Severity } from './rules';
import type { AlertView, MonthTarget, PaceView, ReviewState, TrendView } from './review/types';
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

/** A fix as a badge says it: in the page's language, worded by the background (core/background/badge-words.ts). */
export interface FixWords {
  summary: string;
  owner: string;
  steps: string[];
}

/** An evaluation as the page receives it: with its fix in words, so the content script carries no fix table. */
export interface WordedEvaluation extends Evaluation {
  words: FixWords;
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
  /** Metrics whose label the page shows but whose number the reader could not tell apart, so did not store. */
  unsettled?: MetricId[];
}

export interface PageView extends PageStatus {
  path: string;
  at: number;
  /** Numbers this page always shows (core/sites/expects.ts) that were not among `own`. */
  missing: MetricId[];
  /** Readings of the page's last report that failed validation and were not stored (all of them when the report itself failed). */
  refused?: number;
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

/**
 * What a script in a web page may know of the settings: the language, and the numbers bound on its
 * own origin. The rest stays with the background (core/settings-store.ts: no content script reaches it).
 */
export interface PageSetup {
  language: Settings['language'];
  /** The language the page's badges speak (the choice, or the browser's for 'auto'). */
  locale: Locale;
  /**
   * The badge's strings (core/strings/badge.ts: metric names, rules, fixes) in that language, one flat
   * table: the content script then carries no string table of its own in three languages.
   */
  strings: Record<string, string>;
  bindings: Binding[];
}

export interface ProtocolMap {
  pageSetup: { payload: Record<string, never>; reply: PageSetup };
  /** `refused`: readings of the report that failed validation and were left out; the others are stored. */
  report: { payload: PageReport; reply: { stored: number; evaluations: WordedEvaluation[]; refused: number; pace?: PaceBadge } };
  dismiss: { payload: { alertId: string }; reply: { ok: true } };
  pageStatus: { payload: PageStatus; reply: { ok: true } };
  /** The badges' code for the sending page, injected into its content-script world (core/content/badge-kit.ts). */
  badgeCode: { payload: Record<string, never>; reply: { ok: true } };
  popupState: { payload: Record<string, never>; reply: PopupState };
  readPage: { payload: { tabId: number }; reply: ReadPageResult };
  pickOnPage: { payload: { tabId: number }; reply: { ok: true } };
  saveBinding: { payload: BindingPayload; reply: { ok: true; origin: string } };
  shops: {
    payload: Record<string, never>;
    reply: {
      shops: Array<{ site: string; store: string }>;
      totalReadings: number;
      /** By `site|store`: the returning share of the last four weeks (rules/returning.ts). */
      returning?: Record<string, ReturningMix>;
    };
  };
  setTarget: { payload: MonthTarget; reply: { ok: true } };
  alertAction: { payload: AlertActionRequest; reply: { ok: true } };
  /** `first`: the Review tab's part alone when the whole review is not ready (`partial` in the reply). */
  review: { payload: { first?: boolean }; reply: ReviewState };
  trend: { payload: TrendRequest; reply: TrendView };
  /** The operator's settings and their repair notes, for StorePulse's own pages. */
  settings: { payload: Record<string, never>; reply: Repaired };
  /** Refused, with the reasons, when the settings would need repair. */
  saveSettings: { payload: { settings: Settings }; reply: { ok: true } };
  /** How many numbers are bound on an origin (the popup's page tools). */
  boundCount: { payload: { origin: string }; reply: { count: number } };
  /** The last push of the settings to the browser's sync: when, and what it refused and why. */
  /** `mode`: whether the settings follow sync in this browser, and why (core/settings-store.ts). */
  /** `targets`: the last push of the monthly targets (core/target-sync.ts). */
  syncStatus: {
    payload: Record<string, never>;
    reply: { status: SyncStatus | null; mode: SyncMode | null; targets?: TargetSyncStatus | null };
  };
  /** The operator's choice to follow sync in a browser that cannot close it to content scripts. */
  chooseSync: { payload: { optIn: boolean }; reply: { mode: SyncMode } };
  /** Today's pace of every shop whose real-time board was read today. */
  pace: { payload: Record<string, never>; reply: { shops: PaceView[] } };
}

/**
 * Today's pace beside a real-time board's sales number: `index` is that number's in the report; `text`
 * is its wording in the page's language, formed by the background (the content script carries no
 * pace wording of its own).
 */
export interface PaceBadge {
  index: number;
  view: PaceView;
  text: PaceText;
}

/** What an import added, found already there and left out (and why): the options page's report. */
export interface SectionCounts {
  targets: number;
  daily: number;
  readings: number;
  alerts: number;
  /** Days of a real-time board's curve (one per shop × series × day). */
  curves: number;
}

/** Why a record was left out, in a form the options page words in the operator's language. */
export type RejectionKind =
  { kind: 'field'; field: string } | { kind: 'mismatch' } | { kind: 'fieldCount'; found: number; expected: number };

export interface Rejection {
  section: keyof SectionCounts;
  what: RejectionKind;
  /** Position in the file's section (0-based), or the CSV line number (1-based, header is line 1). */
  index: number;
  reason: string;
}

export interface ImportReport {
  format: 'json' | 'csv';
  added: SectionCounts;
  /** Already there (the same record, or a newer version of it). */
  duplicates: SectionCounts;
  rejected: Rejection[];
  rejectedCount: number;
  /** The file's settings, for the caller to repair and apply when the operator asked for it. */
  settings?: unknown;
}

/** Background → content scripts: news a page acts on. Nothing is answered. */
export interface TabProtocolMap {
  /** An alert was dismissed elsewhere (the popup, another tab): its badge on this page greys out. */
  dismissed: { alertId: string };
}

export type TabMessage = { [K in keyof TabProtocolMap]: { type: K; payload: TabProtocolMap[K] } }[keyof TabProtocolMap];

export function tabMessage<K extends keyof TabProtocolMap>(type: K, payload: TabProtocolMap[K]): TabMessage {
  return { type, payload } as TabMessage;
}

/**
 * A message a content script receives, checked by hand (zod stays out of content scripts); null when it
 * is not one of the tab protocol's.
 */
export function parseTabMessage(message: unknown): TabMessage | null {
  const m = message as { type?: unknown; payload?: { alertId?: unknown } } | null;
  if (m?.type === 'dismissed' && typeof m.payload?.alertId === 'string')
    return tabMessage('dismissed', { alertId: m.payload.alertId });
  return null;
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
  if ('error' in reply) throw new RefusedError(reply.error);
  return reply;
}

/** Questions that only read, so asking one twice does no harm. */
export type ReadOnlyQuestion = 'settings' | 'review' | 'popupState' | 'shops';

/**
 * Asks a question that only reads, and asks it again while neither an answer nor a refusal has come: a message
 * sent while the browser is still registering the extension's worker can be lost without a word (seen when a
 * profile's stored worker registration was gone), and the page waiting on it would stay blank. Asks again after
 * `patience` ms, then twice as long each time, `tries` asks in all; the first answer or refusal wins, and
 * silence to every ask is an error the page shows.
 */
export function askUntilAnswered<K extends ReadOnlyQuestion>(
  type: K,
  payload: ProtocolMap[K]['payload'],
  { send = sendMessage, patience = 2_000, tries = 4 }: { send?: typeof sendMessage; patience?: number; tries?: number } = {},
): Promise<ProtocolMap[K]['reply']> {
  return new Promise((resolve, reject) => {
    let over = false;
    let nextAsk: ReturnType<typeof setTimeout> | undefined;
    const settle = (done: () => void) => {
      if (over) return;
      over = true;
      clearTimeout(nextAsk);
      done();
    };
    const ask = (n: number, wait: number) => {
      send(type, payload).then(
        (reply) => settle(() => resolve(reply)),
        (error: unknown) => settle(() => reject(error)),
      );
      nextAsk = setTimeout(
        () => (n < tries ? ask(n + 1, wait * 2) : settle(() => reject(new Error(`no answer to ${type} after ${n} asks`)))),
        wait,
      );
    };
    ask(1, patience);
  });
}

/** The reply to a message that failed validation: sending the same message again cannot succeed. */
export const invalidReply = (type: string, reason: string) => ({ error: `invalid ${type}: ${reason}` });
export const isRefusal = (error: unknown, type: MessageType): boolean =>
  error instanceof Error && error.message.startsWith(`invalid ${type}:`);

/** The background answered with an error (as opposed to no answer reaching us at all). */
export class RefusedError extends Error {}

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
