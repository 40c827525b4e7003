import { bindingOrigin, type Binding, type Bindings } from '../bindings';
import { readAll, type Database, type DbEvents } from '../db';
import {
  invalidReply,
  type Envelope,
  type MessageType,
  type PaceBadge,
  type PageReport,
  type PageView,
  type ProtocolMap,
} from '../messages';
import { MAX_IMPORT_BYTES, TRANSFER_CHUNK_CHARS, TRANSFER_PORT, type TransferReply } from '../transfer-protocol';
import type { ShopOverview } from '../review/types';
import { OTHER_SITE } from '../reader/other';
import { isoDate } from '../reader/period';
import { envelopeSchema, messageSchemas, otherReadSchema, transferRequestSchema } from '../schemas';
import { shopKey } from '../keys';
import { siteFor } from '../sites';
import { missingOn } from '../sites/expects';
import { localeFor, translator, type Locale } from '../i18n';
import { decideReturning, effectiveRules, inQuietHours, returningLines, type ReturningMix, type ThresholdRule } from '../rules';
import { DEFAULT_SETTINGS, reviewAlertChoices, type Repaired, type Settings } from '../settings';
import type { SyncMode, SyncStatus } from '../settings-sync';
import { BADGE_SCREEN, badgeStrings, fixWords } from './badge-words';
import type { BadgeTranslate } from '../strings/badge';
import { paceText } from '../pace-text';
import { BlockedError, connection } from './connection';
import { compact } from './daily';
import { alertAction, dismissAlert, todaysAlerts } from './alerts';
import { ingest, type IngestContext } from './ingest';
import { thinCurves } from './curves';
import { allPaces, paceOf } from './pace';
import { memoryCheckLog, runPaceChecks, type CheckLog } from './pace-checks';
import { judgeReviewAlerts } from './review-alerts';
import { isAdsSite, ROI_FLOORS } from '../ads-links';
import { profileOf } from '../rules';
import { noticeFor, type Notice } from './notices';
import { listShops, popupState } from './queries';
import {
  adsAccounts,
  allShops,
  firstScreen,
  linkedAccounts,
  returningOf,
  reviewInbox,
  reviewShops,
  sameWeekdayValue,
  targetOfDay,
  trend,
} from './review-loader';
import { allowed, classify, SENDER_POLICY, type Caller, type Sender, type SenderKind } from './senders';
import { setTarget } from './target-store';
import { targetFollower, type TargetSyncDeps } from './target-follow';
import { exportChunks } from './transfer/export';
import { ImportError, ImportSession } from './transfer/import';

/**
 * The background's message handling, independent of the browser globals so tests can drive it with
 * fakes. Trust: the sender's extension id and tab come from the browser; everything in the message
 * body is validated, and the page URL is the tab's, never one the message claims.
 */

export type { Sender } from './senders';

/** The history's part of the review, computed for one day and kept until the history changes. */
export interface ReviewSnapshot {
  today: string;
  shops: ShopOverview[];
}

export interface ReviewCache {
  get(): Promise<ReviewSnapshot | undefined>;
  set(snapshot: ReviewSnapshot | undefined): Promise<void>;
}

/** A cache in the worker's memory; the extension gives one that survives the worker (storage.session). */
export function memoryReviewCache(): ReviewCache {
  let value: ReviewSnapshot | undefined;
  return {
    get: async () => value,
    set: async (v) => void (value = v),
  };
}

export interface ServiceDeps {
  extensionId: string;
  /** Opens the database; `events` say when the connection closes or the open is blocked. */
  openDb: (events: DbEvents) => Promise<Database>;
  now?: () => number;
  /** Shows the number of open alerts on the toolbar icon. */
  setBadge?: (count: number, critical: boolean) => Promise<void> | void;
  /** Tells content scripts that an alert was dismissed elsewhere (popup or another tab). */
  notifyDismissed?: (alertId: string) => Promise<void> | void;
  /** Where the computed review waits for the popup; in memory when absent. */
  reviewCache?: ReviewCache;
  /** The operator's settings (rule lines, shop profiles); defaults when absent. */
  loadSettings?: () => Promise<Settings>;
  /** The settings as the options page and popup see and change them (core/settings-store.ts). */
  settingsStore?: {
    load(): Promise<Repaired>;
    save(settings: Settings): Promise<void>;
    syncStatus?(): Promise<SyncStatus | null>;
  };
  /** Whether the settings follow the browser's sync here, and the operator's choice where it is open. */
  syncChoice?: { mode(): Promise<SyncMode>; choose(optIn: boolean): Promise<SyncMode> };
  /** Monthly targets through the browser's sync, where the settings follow it; absent, targets stay here. */
  targetSync?: TargetSyncDeps;
  /** Shows a browser notification; absent (or refused by the browser), alerts are only badges and the popup. */
  notify?: (notice: Notice) => Promise<void> | void;
  /** Look-ups for custom rules that compare with a baseline or a daily target; absent, those rules do not fire. */
  baseline?: IngestContext['baseline'];
  dailyTarget?: IngestContext['dailyTarget'];
  /** `chrome-extension://<id>/`: tabs showing the extension's own pages (the popup opened in a tab). */
  extensionOrigin?: string;
  /** The URL the browser reports for a tab (activeTab or a host permission lets it say). */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
  /** Runs the page reader (entrypoints/reader.ts) in a tab once and returns what it read, unvalidated. */
  injectReader?: (tabId: number) => Promise<unknown>;
  /** Starts the element picker (entrypoints/picker.ts) in a tab. */
  injectPicker?: (tabId: number) => Promise<void>;
  /** Injects the badges' code (badges.js) into the top frame of a tab whose page has a badge to show. */
  injectBadges?: (tabId: number) => Promise<void>;
  /** Which pace check times were looked at, kept across worker restarts; in memory when absent. */
  checkLog?: CheckLog;
  /** Numbers bound on sites without an adapter (beside the settings, core/bindings-store.ts). */
  bindings?: {
    load(): Promise<Bindings>;
    save(origin: string, binding: Binding): Promise<void>;
  };
}

/** The part of a runtime Port the transfer uses (the browser's, or a test's fake). */
export interface TransferPort {
  name: string;
  sender?: Sender;
  postMessage(message: TransferReply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface Service {
  handle(message: unknown, sender: Sender): Promise<unknown>;
  /** A page opened a Port: the transfer port streams export and import (see `TransferRequest`). */
  connect(port: TransferPort): void;
  /** A tab closed or left the back office: forget its page status. */
  forgetTab(tabId: number): void;
  refreshBadge(): Promise<void>;
  /** Computes the review ahead of the popup (at browser start, when no kept one survives). */
  warmReview(): Promise<void>;
  /** Takes in the targets sync holds and sends this browser's (at start, on a sync change, on opting in). */
  syncTargets(): Promise<void>;
  /** Looks at the pace check times due now (the alarm's tick) and notifies a day short of its target, once per check time. */
  checkPace(): Promise<void>;
  lastStorageError(): string | undefined;
}

export function createService(deps: ServiceDeps): Service {
  const now = deps.now ?? Date.now;
  const extensionOrigin = deps.extensionOrigin ?? `chrome-extension://${deps.extensionId}/`;
  let storageError: string | undefined;
  // In memory only: a restarted worker hears again from each page on its next read.
  const pages = new Map<number, PageView>();
  // Readings the validation refused in each tab's last report, and on which page of it.
  const refusals = new Map<number, { path: string; count: number }>();

  function noteRefused(caller: Caller, count: number): void {
    if (caller.kind !== 'page') return;
    const { tabId, url } = caller;
    if (count > 0) refusals.set(tabId, { path: new URL(url).pathname, count });
    else refusals.delete(tabId);
  }

  /** Open pages the popup should mention: nothing found, numbers unreadable or missing, or readings refused. */
  function pagesToMention(): PageView[] {
    const views = new Map(pages);
    for (const [tabId, { path, count }] of refusals) {
      const view = views.get(tabId);
      if (view?.path === path) views.set(tabId, { ...view, refused: count });
    }
    return [...views.values()].filter((p) => p.found === 0 || p.unreadable > 0 || p.missing.length > 0 || (p.refused ?? 0) > 0);
  }
  let lastCompaction = -Infinity;
  const reviewCache = deps.reviewCache ?? memoryReviewCache();
  // Bumped by every change to the history: a review computed across a change is not kept.
  let generation = 0;
  let warmTimer: ReturnType<typeof setTimeout> | undefined;

  const loadSettingsOrDefaults = async (): Promise<Settings> => (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS;

  /** Each shop's returning share, by shop and the operator's today, until the history changes. */
  const mixes = new Map<string, Promise<ReturningMix>>();
  /** The lines a shop is judged by, its returning-heavy lines decided by its own share unless the switch is set. */
  async function rulesFor(settings: Settings, site: string, store: string): Promise<ThresholdRule[]> {
    const setting = settings.shops[shopKey(site, store)]?.returningHeavy;
    if (setting !== undefined) return effectiveRules(settings, site, store);
    const today = isoDate(new Date(now()));
    const key = `${today}|${shopKey(site, store)}`;
    if (!mixes.has(key)) {
      if (mixes.size > 200) mixes.clear();
      mixes.set(
        key,
        database().then((db) => returningOf(db, site, store, today)),
      );
    }
    const mix = await mixes.get(key)!.catch(() => ({ share: null, days: 0 }));
    return effectiveRules(settings, site, store, decideReturning(undefined, mix).heavy);
  }

  /**
   * The history changed: drop the kept review and compute the next one shortly, so the popup opens on
   * a ready review instead of reading two years of days while the operator waits.
   */
  function historyChanged(): void {
    generation++;
    mixes.clear();
    void reviewCache.set(undefined).catch(() => undefined);
    if (warmTimer) clearTimeout(warmTimer);
    warmTimer = setTimeout(() => void shopsForReview().catch(() => undefined), WARM_REVIEW_MS);
  }

  // The whole review being computed, shared by whoever asks meanwhile.
  let computing: { today: string; generation: number; shops: Promise<ShopOverview[]> } | undefined;
  // The kept review and its first screen in the worker's memory too: while the worker runs, the popup's
  // first answer is ready as it is, without reading and cutting the whole review from session storage.
  let inMemory: { today: string; generation: number; all?: ShopOverview[]; first: ShopOverview[] } | undefined;
  const remember = (today: string, at: number, first: ShopOverview[], all?: ShopOverview[]) => {
    if (at === generation) inMemory = { today, generation: at, first, ...(all ? { all } : {}) };
  };
  const remembered = (today: string) => (inMemory?.today === today && inMemory.generation === generation ? inMemory : undefined);

  async function keptReview(today: string): Promise<ShopOverview[] | undefined> {
    const memo = remembered(today)?.all;
    if (memo) return memo;
    const at = generation;
    const kept = await reviewCache.get().catch(() => undefined);
    if (!kept || kept.today !== today) return undefined;
    remember(today, at, firstScreen(kept.shops), kept.shops);
    return kept.shops;
  }

  // The ads links the kept review was computed with: another link moves spend between shops.
  let linksSeen = '[]';
  let links: NonNullable<Settings['adsLinks']> = [];
  function followLinks(settings: Settings): void {
    const next = JSON.stringify(settings.adsLinks ?? []);
    if (next === linksSeen) return;
    linksSeen = next;
    links = settings.adsLinks ?? [];
    historyChanged();
  }

  async function shopsForReview(): Promise<ShopOverview[]> {
    const today = isoDate(new Date(now()));
    const kept = await keptReview(today);
    if (kept) return kept;
    if (computing?.today === today && computing.generation === generation) return computing.shops;
    const started = generation;
    const shops = (async () => {
      const computed = await reviewShops(await database(), today, 'all', links);
      remember(today, started, firstScreen(computed), computed);
      if (started === generation) await reviewCache.set({ today, shops: computed }).catch(() => undefined);
      return computed;
    })();
    computing = { today, generation: started, shops };
    shops.then(
      () => {
        if (computing?.shops === shops) computing = undefined;
      },
      () => {
        if (computing?.shops === shops) computing = undefined;
      },
    );
    return shops;
  }

  /**
   * The popup's first screen: the kept review cut to the Review tab, or, when none is kept (a cold
   * worker after the browser starts), the Review tab's part computed alone while the whole review is
   * computed behind it for the popup's next question.
   */
  async function firstShops(): Promise<ShopOverview[]> {
    const today = isoDate(new Date(now()));
    const memo = remembered(today)?.first;
    if (memo) return memo;
    const kept = await keptReview(today);
    if (kept) return remembered(today)?.first ?? firstScreen(kept);
    const started = generation;
    const first = await reviewShops(await database(), today, 'first', links);
    if (!remembered(today)) remember(today, started, first);
    void shopsForReview().catch(() => undefined);
    return first;
  }

  /** Today's pace beside a real-time board's own sales number; none when it cannot be said (never in the report's way). */
  async function paceBadge(report: PageReport, at: number, locale: Locale, t: BadgeTranslate): Promise<PaceBadge | undefined> {
    if (report.period.kind !== 'realtime') return undefined;
    const index = report.observed.findIndex((o) => o.metric === 'sales' && !o.breakdown && !o.peer && !o.period);
    if (index < 0) return undefined;
    const { eventDays } = await loadSettingsOrDefaults();
    const view = await paceOf(await database(), report.site, report.store, at, eventDays).catch(() => null);
    return view ? { index, view, text: paceText(view, t, locale) } : undefined;
  }

  /**
   * The review's alerts of one shop judged again, with its linked ads accounts' spend; a reading of an ads
   * account judges the shop it is linked to (none while unlinked). A failure leaves the alerts as they were.
   */
  async function judgeShop(site: string, store: string, settings: Settings): Promise<void> {
    const at = now();
    const db = await database();
    const adsLinks = settings.adsLinks ?? [];
    let shop: { site: string; store: string } | null = { site, store };
    if (isAdsSite(site))
      shop = (await adsAccounts(db, adsLinks)).find((a) => a.site === site && a.account === store)?.shop ?? null;
    if (!shop) return;
    const [accounts, rules] = await Promise.all([
      linkedAccounts(readAll(db), shop.site, shop.store, adsLinks),
      rulesFor(settings, shop.site, shop.store),
    ]);
    const profile = profileOf(settings, shop.site, shop.store);
    const critical = (metric: string) => rules.find((r) => r.metric === metric)?.critical ?? null;
    const spending = {
      accounts,
      lines: { bounceCritical: critical('bounceRate'), depthCritical: critical('pagesPerVisit') },
      roiFloor: settings.roiFloors?.[profile] ?? ROI_FLOORS[profile],
    };
    await judgeReviewAlerts(db, shop.site, shop.store, isoDate(new Date(at)), reviewAlertChoices(settings), at, spending)
      .then(() => refreshBadge())
      .catch((e: unknown) => console.warn('[StorePulse] review alerts not judged:', e));
  }

  /** Every shop's review alerts judged again: after an import, and once a day when the day turns. */
  async function judgeAllShops(): Promise<void> {
    const db = await database();
    const settings = await loadSettingsOrDefaults();
    for (const shop of await allShops(readAll(db))) if (!isAdsSite(shop.site)) await judgeShop(shop.site, shop.store, settings);
  }

  /** Folds old raw readings into daily values, at most every few hours, never in a report's way. */
  async function maybeCompact(): Promise<void> {
    if (now() - lastCompaction < COMPACT_EVERY_MS) return;
    lastCompaction = now();
    try {
      const result = await compact(await database(), now());
      if (result.daysWritten > 0) historyChanged();
      await thinCurves(await database(), isoDate(new Date(now())));
    } catch {
      lastCompaction = -Infinity; // try again next time; readings are still all there
    }
  }

  const db = connection(deps.openDb);
  const database = () => db.get();
  const targets = deps.targetSync && targetFollower(deps.targetSync, database, now, historyChanged);
  const checkLog = deps.checkLog ?? memoryCheckLog();

  async function refreshBadge(): Promise<void> {
    if (!deps.setBadge) return;
    const alerts = await todaysAlerts(await database(), now());
    const open = alerts.filter((a) => a.status === 'open');
    await deps.setBadge(
      open.length,
      open.some((a) => a.severity === 'critical'),
    );
  }

  /** The site a tab's page belongs to: an adapter's, or `other` where the operator bound numbers. */
  async function siteOfTab(url: string): Promise<string | undefined> {
    const u = new URL(url);
    const adapter = siteFor(u)?.id;
    if (adapter) return adapter;
    const origin = bindingOrigin(u);
    const bound = origin ? (await deps.bindings?.load())?.sites[origin] : undefined;
    return bound?.length ? OTHER_SITE : undefined;
  }

  /** Whether an alert was raised on the site and origin a tab shows: the only alerts its page may dismiss. */
  async function alertOfTab(db: Database, alertId: string, tabUrl: string): Promise<boolean> {
    const alert = await db.get('alerts', alertId);
    if (!alert) return false;
    const origin = (url: string) => {
      try {
        return new URL(url).origin;
      } catch {
        return undefined;
      }
    };
    return alert.site === (await siteOfTab(tabUrl)) && origin(alert.url) === new URL(tabUrl).origin;
  }

  async function pageOfTab(tabId: number): Promise<URL> {
    const url = await deps.tabUrl?.(tabId).catch(() => undefined);
    if (!url) throw new UserError('StorePulse may not read this tab (open the popup from the page itself)');
    return new URL(url);
  }

  const handlers: {
    [K in MessageType]: (
      payload: ProtocolMap[K]['payload'],
      caller: Caller,
      /** Readings of a report that its validation left out (the others are in `payload`). */
      refused: number,
    ) => Promise<ProtocolMap[K]['reply']>;
  } = {
    async pageSetup(_payload, caller) {
      if (caller.kind !== 'page') throw new UserError('page setup is for a page tab');
      const settings = (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS;
      const origin = bindingOrigin(new URL(caller.url));
      const bound = origin ? ((await deps.bindings?.load())?.sites[origin] ?? []) : [];
      const locale = localeFor(settings.language);
      return { language: settings.language, locale, strings: badgeStrings(locale), bindings: bound };
    },
    async report(payload, caller, refused) {
      if (caller.kind !== 'page') throw new UserError('reports come only from a page tab');
      const { url } = caller;
      if ((await siteOfTab(url)) !== payload.site) throw new UserError(`this tab is not a ${payload.site} page`);
      // A day after tomorrow in any time zone cannot have been read yet: a page showing one is not stored.
      if (payload.period.end > isoDate(new Date(now() + 2 * DAY_MS)))
        throw new UserError(`the page's period ends in the future (${payload.period.end})`);
      // A page without an adapter names no shop we could trust: its shop is its host.
      if (payload.site === OTHER_SITE) payload.store = new URL(url).hostname;
      const settings = await loadSettingsOrDefaults();
      const rules = await rulesFor(settings, payload.site, payload.store);
      const at = now();
      let result;
      try {
        result = await ingest(await database(), payload, {
          url,
          now: at,
          rules,
          customRules: settings.customRules,
          // The history's own answers unless a test brings others.
          baseline: deps.baseline ?? (async (...args) => sameWeekdayValue(await database(), ...args)),
          dailyTarget: deps.dailyTarget ?? (async (...args) => targetOfDay(await database(), ...args)),
          mayNotify: !!deps.notify && !inQuietHours(settings.quietHours, at),
          ...timeZoneAt(url),
        });
        storageError = undefined;
      } catch (error) {
        storageError = describeStorageError(error);
        throw new UserError(storageError, { cause: error });
      }
      noteRefused(caller, refused);
      if (result.stored > 0) {
        // A new closed day can start or end the review's own alerts (a missed target, a factor down).
        await judgeShop(payload.site, payload.store, settings);
        historyChanged();
      }
      await refreshBadge();
      void maybeCompact();
      const locale = localeFor(settings.language);
      for (const alert of result.notify) {
        // The alert is already marked as announced: a refused notification is not retried on every read.
        await Promise.resolve(deps.notify?.(noticeFor(alert, locale))).catch((e: unknown) =>
          console.warn('[StorePulse] notification not shown:', e),
        );
      }
      // The page's words, once a report: its fixes and its pace, in the language its badges speak.
      const words = translator(locale, BADGE_SCREEN);
      const pace = await paceBadge(payload, at, locale, words);
      const evaluations = result.evaluations.map((e) => ({ ...e, words: fixWords(e.fix, words) }));
      return { stored: result.stored, evaluations, refused, ...(pace ? { pace } : {}) };
    },
    async pageStatus(payload, caller) {
      if (caller.kind !== 'page') throw new UserError('page status comes only from a page tab');
      const { url, tabId } = caller;
      if ((await siteOfTab(url)) !== payload.site) throw new UserError(`this tab is not a ${payload.site} page`);
      const path = new URL(url).pathname;
      pages.set(tabId, { ...payload, path, at: now(), missing: missingOn(payload.site, path, payload.own, payload.unsettled) });
      return { ok: true };
    },
    async badgeCode(_payload, caller) {
      if (caller.kind !== 'page' || !deps.injectBadges) throw new UserError('the badges are for a page tab');
      await deps.injectBadges(caller.tabId);
      return { ok: true };
    },
    async readPage({ tabId }) {
      const url = await pageOfTab(tabId);
      const adapter = siteFor(url);
      if (adapter) return { host: url.hostname, site: adapter.id, supported: true, observed: [], stored: 0, unreadable: 0 };
      if (!/^https?:$/.test(url.protocol) || !deps.injectReader) throw new UserError('StorePulse reads only web pages');
      const result = otherReadSchema.safeParse(await deps.injectReader(tabId));
      if (!result.success)
        throw new UserError(`the page reader returned something unexpected: ${result.error.issues[0]?.message}`);
      const { period, observed, unreadable } = result.data;
      const base = { host: url.hostname, site: OTHER_SITE, supported: false, unreadable };
      if (observed.length === 0) return { ...base, observed: [], stored: 0 };
      const settings = (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS;
      const report = { site: OTHER_SITE, store: url.hostname, period, observed };
      try {
        const { stored } = await ingest(await database(), report, {
          url: url.href,
          now: now(),
          rules: effectiveRules(settings, OTHER_SITE, url.hostname),
        });
        storageError = undefined;
        if (stored > 0) historyChanged();
        await refreshBadge();
        return {
          ...base,
          observed: observed.map((o) => ({ metric: o.metric, value: o.value, ...(o.currency ? { currency: o.currency } : {}) })),
          stored,
        };
      } catch (error) {
        storageError = describeStorageError(error);
        throw new UserError(storageError, { cause: error });
      }
    },
    async pickOnPage({ tabId }) {
      const url = await pageOfTab(tabId);
      if (siteFor(url)) throw new UserError('StorePulse already reads this back office by itself');
      if (!bindingOrigin(url) || !deps.injectPicker) throw new UserError('numbers can be picked only on https pages');
      await deps.injectPicker(tabId);
      return { ok: true };
    },
    async saveBinding(payload, caller) {
      if (caller.kind !== 'page') throw new UserError('a binding is saved from the page it was picked on');
      const { url } = caller;
      const origin = bindingOrigin(new URL(url));
      if (!origin || siteFor(new URL(url)))
        throw new UserError('numbers can be bound only on https pages StorePulse has no reader for');
      if (!deps.bindings) throw new UserError('bindings cannot be saved here');
      await deps.bindings.save(origin, { ...payload, savedAt: now() });
      return { ok: true, origin };
    },
    async dismiss(payload, caller) {
      const db = await database();
      if (caller.kind === 'page' && !(await alertOfTab(db, payload.alertId, caller.url)))
        throw new UserError('a page may dismiss only its own alerts');
      await dismissAlert(db, payload.alertId, now());
      await refreshBadge();
      await deps.notifyDismissed?.(payload.alertId);
      return { ok: true };
    },
    async shops() {
      const db = await database();
      const shops = await listShops(db);
      const today = isoDate(new Date(now()));
      const mixes = await Promise.all(shops.map((s) => returningOf(db, s.site, s.store, today)));
      const returning = Object.fromEntries(shops.map((s, i) => [shopKey(s.site, s.store), mixes[i]!]));
      return { shops, totalReadings: await db.count('readings'), returning };
    },
    async setTarget(payload) {
      await setTarget(await database(), payload, now());
      await targets?.saved(payload);
      await judgeShop(payload.site, payload.store, (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS);
      historyChanged();
      return { ok: true };
    },
    async alertAction(payload) {
      const found = await alertAction(await database(), payload.alertId, payload.action, now(), payload.until);
      if (!found) throw new UserError('that alert no longer exists');
      await refreshBadge();
      if (payload.action !== 'reopen') await deps.notifyDismissed?.(payload.alertId);
      return { ok: true };
    },
    async review({ first }) {
      const settings = await loadSettingsOrDefaults();
      followLinks(settings);
      const [shops, inbox, ads] = await Promise.all([
        first ? firstShops() : shopsForReview(),
        reviewInbox(await database(), now()),
        adsAccounts(await database(), settings.adsLinks ?? []),
      ]);
      const decided = shops.map((s) => {
        const decision = decideReturning(
          settings.shops[shopKey(s.site, s.store)]?.returningHeavy,
          s.returningMix ?? { share: null, days: 0 },
        );
        const lines = returningLines(settings, s.site, s.store, decision.heavy).map(({ metric, direction, warn }) => ({
          metric,
          direction,
          warn,
        }));
        return { ...s, returning: { ...decision, lines } };
      });
      return { today: isoDate(new Date(now())), shops: decided, inbox, ads, ...(first ? { partial: true } : {}) };
    },
    async pace() {
      const { eventDays } = await loadSettingsOrDefaults();
      return { shops: await allPaces(await database(), now(), eventDays) };
    },
    async trend(payload) {
      const settings = await loadSettingsOrDefaults();
      const rules = await rulesFor(settings, payload.site, payload.store);
      const peers = settings.shops[shopKey(payload.site, payload.store)]?.peers ?? [];
      return trend(await database(), payload, now(), rules, peers, settings.adsLinks ?? []);
    },
    async settings() {
      if (!deps.settingsStore) return { settings: (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS, notes: [] };
      return deps.settingsStore.load();
    },
    async saveSettings({ settings }) {
      if (!deps.settingsStore) throw new UserError('settings cannot be saved here');
      const linksBefore = JSON.stringify((await loadSettingsOrDefaults()).adsLinks ?? []);
      await deps.settingsStore.save(settings);
      // A link made or undone moves an account's spend between shops: their spend alerts are judged
      // again now, not at each shop's next reading. The settings are saved whatever that judging meets.
      if (JSON.stringify(settings.adsLinks ?? []) !== linksBefore)
        await judgeAllShops().catch((e: unknown) => console.warn('[StorePulse] review alerts not judged:', e));
      return { ok: true };
    },
    async syncStatus() {
      return {
        status: (await deps.settingsStore?.syncStatus?.()) ?? null,
        mode: (await deps.syncChoice?.mode()) ?? null,
        targets: (await targets?.status()) ?? null,
      };
    },
    async chooseSync({ optIn }) {
      if (!deps.syncChoice) throw new UserError('sync cannot be chosen here');
      return { mode: await deps.syncChoice.choose(optIn) };
    },
    async boundCount({ origin }) {
      return { count: (await deps.bindings?.load())?.sites[origin]?.length ?? 0 };
    },
    async popupState() {
      const state = await popupState(await database(), now());
      state.pages = pagesToMention();
      if (storageError) state.storageError = storageError;
      return state;
    },
  };

  /** One export or one import per port, a piece per message; see `TransferRequest` in core/transfer-protocol.ts. */
  function connect(port: TransferPort): void {
    const sender = port.sender ?? {};
    // Export and import are for StorePulse's own pages only: a content script's port is closed unheard.
    const caller = sender.id === deps.extensionId ? classify(sender, extensionOrigin) : { refused: 'another extension' };
    if (port.name !== TRANSFER_PORT || 'refused' in caller || caller.kind !== 'extension') return port.disconnect();
    let closed = false;
    port.onDisconnect.addListener(() => void (closed = true));
    const post = (reply: TransferReply) => {
      if (!closed) port.postMessage(reply);
    };
    let job: 'export' | 'import' | undefined;
    let session: ImportSession | undefined;
    let received = 0;
    const fail = (message: string) => {
      post({ type: 'error', message });
      session = undefined;
      job = undefined;
    };
    port.onMessage.addListener((raw) => {
      void (async () => {
        try {
          const parsed = transferRequestSchema.safeParse(raw);
          if (!parsed.success) return fail(`invalid transfer message: ${parsed.error.issues[0]?.message ?? 'bad message'}`);
          const request = parsed.data;
          if (request.type === 'export') {
            if (job) return fail('one transfer per connection');
            job = 'export';
            const db = await database();
            const stamp = new Date(now()).toISOString().slice(0, 10);
            const settings = request.format === 'json' ? await deps.loadSettings?.() : undefined;
            post(
              request.format === 'csv'
                ? { type: 'file', filename: `storepulse-daily-${stamp}.csv`, mime: 'text/csv' }
                : { type: 'file', filename: `storepulse-${stamp}.json`, mime: 'application/json' },
            );
            for await (const chunk of exportChunks(db, request.format, now(), settings)) {
              if (closed) return;
              // A page of records is small; a piece is still cut to the port's bound.
              for (let at = 0; at < chunk.text.length || at === 0; at += TRANSFER_CHUNK_CHARS)
                post({ type: 'chunk', ...chunk, text: chunk.text.slice(at, at + TRANSFER_CHUNK_CHARS) });
            }
            post({ type: 'end' });
          } else if (request.type === 'import') {
            if (job) return fail('one transfer per connection');
            if (request.size > MAX_IMPORT_BYTES)
              return fail(`import refused, nothing changed: the file is too large (${request.size} bytes)`);
            job = 'import';
            session = new ImportSession(now());
            post({ type: 'ack' });
          } else if (!session) return fail('no import under way');
          else if (request.type === 'chunk') {
            received += request.text.length;
            if (received > MAX_IMPORT_BYTES) throw new ImportError('the file is too large');
            session.feed(request.text);
            post({ type: 'ack' });
          } else {
            const current = session;
            session = undefined;
            post({ type: 'writing' });
            const report = await current.finish(await database());
            // Imported closed days can start or end the review's own alerts, as read days do.
            await judgeAllShops();
            historyChanged();
            await refreshBadge();
            post({ type: 'report', report });
          }
        } catch (error) {
          // A connection closed under us is opened again for the next transfer; this one wrote nothing.
          if (closedUnderUs(error)) db.drop();
          if (error instanceof ImportError) fail(`import refused, nothing changed: ${error.message}`);
          else if (error instanceof UserError) fail(error.message);
          else if (job === 'import') fail(`import failed, nothing changed: ${describeStorageError(error)}`);
          else fail(`export failed: ${describeStorageError(error)}`);
        }
      })();
    });
  }

  return {
    connect,
    async handle(message, sender) {
      if (sender.id !== deps.extensionId) return { error: 'message from outside StorePulse ignored' };
      const envelope = envelopeSchema.safeParse(message);
      if (!envelope.success) return { error: 'unknown message' };
      const { type } = envelope.data as Envelope<MessageType>;
      const caller = classify(sender, extensionOrigin);
      if ('refused' in caller) return { error: `${type} refused: ${caller.refused}` };
      if (!allowed(type, caller))
        return { error: `${type} refused: only ${SENDER_POLICY[type].map((k) => SENDER_NAMES[k]).join(' or ')} may ask this` };
      const payload = messageSchemas[type].safeParse(envelope.data.payload);
      if (!payload.success) {
        if (type === 'report') noteRefused(caller, readingsIn(envelope.data.payload));
        return invalidReply(type, payload.error.issues[0]?.message ?? 'bad payload');
      }
      const handler = handlers[type] as (p: unknown, c: Caller, refused: number) => Promise<unknown>;
      const refused = type === 'report' ? sentReadings(envelope.data.payload) - (payload.data as PageReport).observed.length : 0;
      try {
        try {
          return await handler(payload.data, caller, refused);
        } catch (error) {
          // The connection closed between opening and use (another version, a deleted database): a
          // transaction that could not start wrote nothing, so open again and answer once more.
          if (!closedUnderUs(error)) throw error;
          db.drop();
          return await handler(payload.data, caller, refused);
        }
      } catch (error) {
        if (error instanceof UserError || error instanceof BlockedError) return { error: error.message };
        return { error: `StorePulse failed: ${String(error)}` };
      }
    },
    refreshBadge: () => refreshBadge().catch(() => undefined),
    syncTargets: async () => targets?.syncNow().catch((e: unknown) => console.warn('[StorePulse] targets not synced:', e)),
    warmReview: () =>
      shopsForReview().then(
        () => undefined,
        () => undefined,
      ),
    forgetTab: (tabId) => {
      pages.delete(tabId);
      refusals.delete(tabId);
    },
    async checkPace() {
      // A new day closes yesterday: the review's alerts are judged again once on the tick after midnight,
      // so a gap that has held for two days is raised without a page being read first.
      const dayKey = `review-alerts|${isoDate(new Date(now()))}`;
      if (!(await checkLog.has(dayKey))) {
        await judgeAllShops();
        await checkLog.add(dayKey);
      }
      const settings = (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS;
      const notices = await runPaceChecks(await database(), now(), settings, checkLog, localeFor(settings.language));
      for (const notice of notices)
        await Promise.resolve(deps.notify?.(notice)).catch((e: unknown) =>
          console.warn('[StorePulse] notification not shown:', e),
        );
    },
    lastStorageError: () => storageError,
  };
}

class UserError extends Error {}

const SENDER_NAMES: Record<SenderKind, string> = { page: 'the page’s own tab', extension: 'StorePulse’s own pages' };

/** How many readings a report carried as sent, before validation. */
function sentReadings(payload: unknown): number {
  const observed = (payload as { observed?: unknown } | null)?.observed;
  return Array.isArray(observed) ? observed.length : 0;
}

/** How many readings a report that failed validation carried (at least one: the report was lost). */
const readingsIn = (payload: unknown): number => Math.max(1, sentReadings(payload));

const COMPACT_EVERY_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;
/** Reports come in bursts (a page read twice, several tabs): compute the review once they settle. */
const WARM_REVIEW_MS = 1500;

/** A transaction refused because the connection closed (InvalidStateError), possibly behind a UserError. */
function closedUnderUs(error: unknown): boolean {
  const name = (e: unknown) => (e as { name?: string } | null)?.name;
  return name(error) === 'InvalidStateError' || name((error as { cause?: unknown } | null)?.cause) === 'InvalidStateError';
}

function describeStorageError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'the disk is full (storage quota exceeded)';
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The platform's time zone of a back-office page, when its adapter knows it. */
function timeZoneAt(url: string): { timeZone?: string } {
  const u = new URL(url);
  const timeZone = siteFor(u)?.timeZone?.(u);
  return timeZone ? { timeZone } : {};
}
