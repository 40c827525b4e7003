import { repairSettings, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from './settings';

/**
 * Settings that follow the operator between their computers through the browser's own sync
 * (`storage.sync`: Chrome Sync, Firefox Sync; nothing of StorePulse's on any server). History stays in
 * the local database.
 *
 * - Split: the settings are cut into fields, one sync item each (`sp.language`, `sp.quietHours`,
 *   `sp.rules.<profile>`, `sp.shop.<site|store>`, `sp.rule.<id>`, `sp.ruleOrder`), so no item comes near
 *   the per-item quota and a change rewrites only its own field.
 * - Stamps: each field carries when it was last changed (`at`) and the settings version that wrote it
 *   (`v`). This browser keeps its own stamps in storage.local (`syncStamps`).
 * - Merge: field by field, the newer change wins; a field deleted on one machine is a tombstone there.
 * - Newer version: an item written by a newer StorePulse is never overwritten by this one; what this
 *   version understands of it is used, the rest stays in sync for the newer one.
 * - Quotas: items over the per-item quota are not sent; writes are debounced into one `set` and held back
 *   near the write-rate quota; a write the browser refuses (total quota, rate) is reported with its reason
 *   in `syncStatus`, which the options page shows.
 */

export interface SyncArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SYNC_PREFIX = 'sp.';
export const STAMPS_KEY = 'syncStamps';
export const STATUS_KEY = 'syncStatus';
/** This browser's recent sync writes (settings and targets share Chrome's write-rate quota). */
export const WRITES_KEY = 'syncWrites';
/** Chrome's storage.sync quotas (Firefox's are the same or looser). */
export const SYNC_QUOTA = { itemBytes: 8192, totalBytes: 102400, writesPerMinute: 120 } as const;
/** Writes are held back below the rate quota with room to spare for a second open page. */
export const WRITE_BUDGET = 100;
export const PUSH_DELAY_MS = 1500;

export interface SyncItem {
  v: number;
  at: number;
  data?: unknown;
  deleted?: true;
}

export type SyncProblem =
  | { code: 'itemTooLarge'; field: string; bytes: number }
  | { code: 'refused'; message: string }
  | { code: 'rateLimited'; writes: number }
  | { code: 'newerKept'; field: string; version: number };

export interface SyncStatus {
  at: number;
  /** Fields written to sync by this browser on its last push. */
  written: string[];
  problems: SyncProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Top-level settings that are absent until the operator changes them; each is one field when present. */
const OPTIONAL_FIELDS = [
  'paceChecks',
  'reviewAlerts',
  'eventDays',
  'adsLinks',
  'roiFloors',
  'adsPromptLater',
] as const satisfies ReadonlyArray<keyof Settings>;

/** The settings as fields, by field name (the item key without the prefix). */
export function fieldsOf(s: Settings): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    language: s.language,
    quietHours: s.quietHours,
    ruleOrder: s.customRules.map((r) => r.id),
  };
  for (const name of OPTIONAL_FIELDS) if (s[name] !== undefined) fields[name] = s[name];
  for (const [profile, overrides] of Object.entries(s.rules)) fields[`rules.${profile}`] = overrides;
  for (const [key, shop] of Object.entries(s.shops)) fields[`shop.${key}`] = shop;
  for (const rule of s.customRules) fields[`rule.${rule.id}`] = rule;
  return fields;
}

/** Fields back into a settings object, for repair to check (custom rules in their order, strays after). */
export function settingsFromFields(fields: Record<string, unknown>): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  const shops: Record<string, unknown> = {};
  const custom = new Map<string, unknown>();
  for (const [field, data] of Object.entries(fields)) {
    if (field.startsWith('rules.')) rules[field.slice(6)] = data;
    else if (field.startsWith('shop.')) shops[field.slice(5)] = data;
    else if (field.startsWith('rule.')) custom.set(field.slice(5), data);
  }
  const order = Array.isArray(fields.ruleOrder) ? fields.ruleOrder.filter((id): id is string => typeof id === 'string') : [];
  const ids = [...new Set([...order.filter((id) => custom.has(id)), ...custom.keys()])];
  return {
    version: SETTINGS_VERSION,
    ...(fields.language !== undefined ? { language: fields.language } : {}),
    ...(fields.quietHours !== undefined ? { quietHours: fields.quietHours } : {}),
    ...Object.fromEntries(OPTIONAL_FIELDS.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]])),
    rules,
    shops,
    customRules: ids.map((id) => custom.get(id)),
  };
}

/** The fields that differ between two settings objects (changed, added or removed). */
export function changedFields(before: Settings | undefined, after: Settings): string[] {
  const a = before ? fieldsOf(before) : {};
  const b = fieldsOf(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** An item's size as the browser counts it: the key plus its JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

const readStamps = (raw: unknown): Record<string, number> =>
  isObject(raw) ? Object.fromEntries(Object.entries(raw).filter((e): e is [string, number] => typeof e[1] === 'number')) : {};

const asItem = (raw: unknown): SyncItem | null =>
  isObject(raw) && typeof raw.v === 'number' && typeof raw.at === 'number' ? (raw as unknown as SyncItem) : null;

/** Marks fields changed on this browser at `at`, so the next push sends them. Returns the stamps to store. */
export function stamp(stamps: unknown, fields: readonly string[], at: number): Record<string, number> {
  const next = readStamps(stamps);
  for (const f of fields) next[f] = Math.max(at, (next[f] ?? 0) + 1);
  return next;
}

/**
 * Sends the fields this browser changed after what sync holds. One `set` for all of them; nothing over
 * the per-item quota, nothing over an item a newer version wrote; held back near the rate quota. The
 * outcome is stored as `syncStatus` in `local` and returned.
 */
export async function pushSync(local: SyncArea, sync: SyncArea, now: number): Promise<SyncStatus> {
  const stored = await local.get([SETTINGS_KEY, STAMPS_KEY, WRITES_KEY]);
  const settings = repairSettings(stored[SETTINGS_KEY]).settings;
  const stamps = readStamps(stored[STAMPS_KEY]);
  const remote = await sync.get(null);
  const fields = fieldsOf(settings);
  const problems: SyncProblem[] = [];
  const items: Record<string, SyncItem> = {};
  for (const [field, at] of Object.entries(stamps)) {
    const key = SYNC_PREFIX + field;
    const there = asItem(remote[key]);
    if (there && there.at >= at) continue;
    if (there && there.v > SETTINGS_VERSION) {
      problems.push({ code: 'newerKept', field, version: there.v });
      continue;
    }
    const item: SyncItem =
      field in fields ? { v: SETTINGS_VERSION, at, data: fields[field] } : { v: SETTINGS_VERSION, at, deleted: true };
    const bytes = itemBytes(key, item);
    if (bytes > SYNC_QUOTA.itemBytes) problems.push({ code: 'itemTooLarge', field, bytes });
    else items[key] = item;
  }
  const written: string[] = [];
  if (Object.keys(items).length) {
    const writes = (Array.isArray(stored[WRITES_KEY]) ? (stored[WRITES_KEY] as number[]) : []).filter((t) => t > now - 60_000);
    if (writes.length >= WRITE_BUDGET) problems.push({ code: 'rateLimited', writes: writes.length });
    else {
      try {
        await sync.set(items);
        written.push(...Object.keys(items).map((k) => k.slice(SYNC_PREFIX.length)));
        await local.set({ [WRITES_KEY]: [...writes, now] });
      } catch (error) {
        problems.push({ code: 'refused', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  const status: SyncStatus = { at: now, written, problems };
  await local.set({ [STATUS_KEY]: status });
  return status;
}

/**
 * Takes in what sync holds: every field another browser changed after this one did replaces this
 * browser's field (a tombstone removes it). The merged settings are repaired like any other and
 * written to `local` with the new stamps; fields this browser changed later stay and go out on the next
 * push. Returns the merged settings and the fields taken, or null when nothing was newer.
 */
export async function pullSync(local: SyncArea, sync: SyncArea): Promise<{ settings: Settings; taken: string[] } | null> {
  const [stored, remote] = await Promise.all([local.get([SETTINGS_KEY, STAMPS_KEY]), sync.get(null)]);
  const current = repairSettings(stored[SETTINGS_KEY]).settings;
  const stamps = readStamps(stored[STAMPS_KEY]);
  const fields = fieldsOf(current);
  const taken: string[] = [];
  for (const [key, raw] of Object.entries(remote)) {
    if (!key.startsWith(SYNC_PREFIX)) continue;
    const item = asItem(raw);
    const field = key.slice(SYNC_PREFIX.length);
    if (!item || item.at <= (stamps[field] ?? 0)) continue;
    if (item.deleted) delete fields[field];
    else fields[field] = item.data;
    stamps[field] = item.at;
    taken.push(field);
  }
  if (!taken.length) return null;
  const { settings } = repairSettings(settingsFromFields(fields));
  await local.set({ [SETTINGS_KEY]: settings, [STAMPS_KEY]: stamps });
  return { settings, taken };
}

/**
 * When the browser starts: take in what sync holds, then send what only this browser has. Settings kept
 * from before sync existed carry no stamps; they are stamped as the oldest possible change, so a field
 * another browser already sent wins over them and a field sync lacks is sent.
 */
export async function startSync(local: SyncArea, sync: SyncArea, now: number): Promise<SyncStatus> {
  const before = await local.get([SETTINGS_KEY, STAMPS_KEY]);
  if (before[SETTINGS_KEY] !== undefined && before[STAMPS_KEY] === undefined) {
    const fields = Object.keys(fieldsOf(repairSettings(before[SETTINGS_KEY]).settings));
    await local.set({ [STAMPS_KEY]: Object.fromEntries(fields.map((f) => [f, 1])) });
  }
  await pullSync(local, sync);
  return pushSync(local, sync, now);
}

/** Whether the settings follow the browser's sync here, and why. */
export interface SyncMode {
  /** The browser has a sync area. */
  available: boolean;
  /** storage.sync is closed to content scripts (the browser took `setAccessLevel`). */
  closed: boolean;
  /** The operator switched sync on although it is not closed (local choice). */
  optedIn: boolean;
  /** Settings are pushed after a save and pulled when sync changes. */
  follows: boolean;
}

/**
 * Sync is followed where content scripts cannot write it; where they can (Firefox has no `setAccessLevel`
 * for storage.sync), a script StorePulse runs inside a back-office page could write rules into it, so
 * sync is followed there only when the operator chose it.
 */
export const decideSync = (available: boolean, closed: boolean, optedIn: boolean): SyncMode => ({
  available,
  closed,
  optedIn,
  follows: available && (closed || optedIn),
});
