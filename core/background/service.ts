import type { Database } from '../db';
import type { Envelope, MessageType, PageView, ProtocolMap } from '../messages';
import { envelopeSchema, messageSchemas } from '../schemas';
import { siteFor } from '../sites';
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

  const handlers: {
    [K in MessageType]: (payload: ProtocolMap[K]['payload'], sender: Sender) => Promise<ProtocolMap[K]['reply']>;
  } = {
    async report(payload, sender) {
      const url = sender.tab?.url;
      if (sender.tab?.id === undefined || !url) throw new UserError('reports come only from a page tab');
      const site = siteFor(new URL(url));
      if (!site || site.id !== payload.site) throw new UserError(`this tab is not a ${payload.site} page`);
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
      const site = siteFor(new URL(url));
      if (!site || site.id !== payload.site) throw new UserError(`this tab is not a ${payload.site} page`);
      pages.set(tabId, { ...payload, path: new URL(url).pathname, at: now() });
      return { ok: true };
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
