import { bindingOrigin, type Binding, type Bindings } from '../bindings';
import type { Database } from '../db';
import type { Envelope, MessageType, PageView, ProtocolMap } from '../messages';
import { OTHER_SITE } from '../reader/other';
import { envelopeSchema, messageSchemas, otherReadSchema } from '../schemas';
import { siteFor } from '../sites';
import { missingOn } from '../sites/expects';
import { DEFAULT_SETTINGS, effectiveRules, type Settings } from '../settings';
import { dismissAlert, ingest, listShops, popupState, todaysAlerts } from './history';

/**
 * The background's message handling, independent of the browser globals so tests can drive it with
 * fakes. Trust: the sender's extension id and tab come from the browser; everything in the message
 * body is validated, and the page URL is the tab's, never one the message claims.
 */

export interface Sender {
  id?: string;
  tab?: { id?: number; url?: string };
}

export interface ServiceDeps {
  extensionId: string;
  openDb: () => Promise<Database>;
  now?: () => number;
  /** Shows the number of open alerts on the toolbar icon. */
  setBadge?: (count: number, critical: boolean) => Promise<void> | void;
  /** Tells content scripts that an alert was dismissed elsewhere (popup or another tab). */
  notifyDismissed?: (alertId: string) => Promise<void> | void;
  /** The operator's settings (rule lines, shop profiles); defaults when absent. */
  loadSettings?: () => Promise<Settings>;
  /** `chrome-extension://<id>/`: tabs showing the extension's own pages (the popup opened in a tab). */
  extensionOrigin?: string;
  /** The URL the browser reports for a tab (activeTab or a host permission lets it say). */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
  /** Runs the page reader (entrypoints/reader.ts) in a tab once and returns what it read, unvalidated. */
  injectReader?: (tabId: number) => Promise<unknown>;
  /** Starts the element picker (entrypoints/picker.ts) in a tab. */
  injectPicker?: (tabId: number) => Promise<void>;
  /** Numbers bound on sites without an adapter (browser.storage.local `bindings`). */
  bindings?: {
    load(): Promise<Bindings>;
    save(origin: string, binding: Binding): Promise<void>;
  };
}

export interface Service {
  handle(message: unknown, sender: Sender): Promise<unknown>;
  /** A tab closed or left the back office: forget its page status. */
  forgetTab(tabId: number): void;
  refreshBadge(): Promise<void>;
  lastStorageError(): string | undefined;
}

export function createService(deps: ServiceDeps): Service {
  const now = deps.now ?? Date.now;
  let db: Promise<Database> | undefined;
  let storageError: string | undefined;
  // In memory only: a restarted worker hears again from each page on its next read.
  const pages = new Map<number, PageView>();

  const database = () => {
    db ??= deps.openDb().catch((error: unknown) => {
      db = undefined; // retry on the next message rather than staying broken
      throw error;
    });
    return db;
  };

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

  /** Messages that act on a tab come only from the extension's own pages (the popup), never a content script. */
  function requireExtensionPage(sender: Sender): void {
    const tabUrl = sender.tab?.url;
    if (sender.tab && !(deps.extensionOrigin && tabUrl?.startsWith(deps.extensionOrigin)))
      throw new UserError('only StorePulse’s own pages may ask for this');
  }

  async function pageOfTab(tabId: number): Promise<URL> {
    const url = await deps.tabUrl?.(tabId).catch(() => undefined);
    if (!url) throw new UserError('StorePulse may not read this tab (open the popup from the page itself)');
    return new URL(url);
  }

  const handlers: {
    [K in MessageType]: (payload: ProtocolMap[K]['payload'], sender: Sender) => Promise<ProtocolMap[K]['reply']>;
  } = {
    async report(payload, sender) {
      const url = sender.tab?.url;
      if (sender.tab?.id === undefined || !url) throw new UserError('reports come only from a page tab');
      if ((await siteOfTab(url)) !== payload.site) throw new UserError(`this tab is not a ${payload.site} page`);
      // A page without an adapter names no shop we could trust: its shop is its host.
      if (payload.site === OTHER_SITE) payload.store = new URL(url).hostname;
      const settings = (await deps.loadSettings?.()) ?? DEFAULT_SETTINGS;
      const rules = effectiveRules(settings, payload.site, payload.store);
      try {
        const result = await ingest(await database(), payload, { url, now: now(), rules });
        storageError = undefined;
        await refreshBadge();
        return result;
      } catch (error) {
        storageError = describeStorageError(error);
        throw new UserError(storageError);
      }
    },
    async pageStatus(payload, sender) {
      const url = sender.tab?.url;
      const tabId = sender.tab?.id;
      if (tabId === undefined || !url) throw new UserError('page status comes only from a page tab');
      if ((await siteOfTab(url)) !== payload.site) throw new UserError(`this tab is not a ${payload.site} page`);
      const path = new URL(url).pathname;
      pages.set(tabId, { ...payload, path, at: now(), missing: missingOn(payload.site, path, payload.own) });
      return { ok: true };
    },
    async readPage({ tabId }, sender) {
      requireExtensionPage(sender);
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
        await refreshBadge();
        return {
          ...base,
          observed: observed.map((o) => ({ metric: o.metric, value: o.value, ...(o.currency ? { currency: o.currency } : {}) })),
          stored,
        };
      } catch (error) {
        storageError = describeStorageError(error);
        throw new UserError(storageError);
      }
    },
    async pickOnPage({ tabId }, sender) {
      requireExtensionPage(sender);
      const url = await pageOfTab(tabId);
      if (siteFor(url)) throw new UserError('StorePulse already reads this back office by itself');
      if (!bindingOrigin(url) || !deps.injectPicker) throw new UserError('numbers can be picked only on https pages');
      await deps.injectPicker(tabId);
      return { ok: true };
    },
    async saveBinding(payload, sender) {
      const url = sender.tab?.url;
      if (sender.tab?.id === undefined || !url) throw new UserError('a binding is saved from the page it was picked on');
      const origin = bindingOrigin(new URL(url));
      if (!origin || siteFor(new URL(url)))
        throw new UserError('numbers can be bound only on https pages StorePulse has no reader for');
      if (!deps.bindings) throw new UserError('bindings cannot be saved here');
      await deps.bindings.save(origin, { ...payload, savedAt: now() });
      return { ok: true, origin };
    },
    async dismiss(payload) {
      await dismissAlert(await database(), payload.alertId, now());
      await refreshBadge();
      await deps.notifyDismissed?.(payload.alertId);
      return { ok: true };
    },
    async shops() {
      const db = await database();
      return { shops: await listShops(db), totalReadings: await db.count('readings') };
    },
    async popupState() {
      const state = await popupState(await database(), now());
      state.pages = [...pages.values()].filter((p) => p.found === 0 || p.unreadable > 0 || p.missing.length > 0);
      if (storageError) state.storageError = storageError;
      return state;
    },
  };

  return {
    async handle(message, sender) {
      if (sender.id !== deps.extensionId) return { error: 'message from outside StorePulse ignored' };
      const envelope = envelopeSchema.safeParse(message);
      if (!envelope.success) return { error: 'unknown message' };
      const { type } = envelope.data as Envelope<MessageType>;
      const payload = messageSchemas[type].safeParse(envelope.data.payload);
      if (!payload.success) return { error: `invalid ${type}: ${payload.error.issues[0]?.message ?? 'bad payload'}` };
      try {
        const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
        return await handler(payload.data, sender);
      } catch (error) {
        return { error: error instanceof UserError ? error.message : `StorePulse failed: ${String(error)}` };
      }
    },
    refreshBadge: () => refreshBadge().catch(() => undefined),
    forgetTab: (tabId) => void pages.delete(tabId),
    lastStorageError: () => storageError,
  };
}

class UserError extends Error {}

function describeStorageError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'the disk is full (storage quota exceeded)';
  if (error instanceof Error) return error.message;
  return String(error);
}
