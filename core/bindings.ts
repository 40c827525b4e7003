import { METRIC_IDS, type MetricId } from './metrics';

/**
 * Numbers the operator bound to a metric by picking them on a page StorePulse has no adapter for.
 * Stored in browser.storage.local under `bindings`, by page origin. Like the settings, a broken or
 * hand-edited object is repaired entry by entry: what does not validate is dropped with a note, the
 * rest is kept, and the original is kept as `bindingsBackup` (core/bindings-store.ts).
 *
 * Plain checks, no zod: content scripts read bindings too.
 */

export const BINDINGS_KEY = 'bindings';
export const BINDINGS_VERSION = 1;
/** A site has a handful of numbers worth binding; more than this is a runaway page or a bad import. */
export const MAX_BINDINGS_PER_SITE = 40;

/** How to find one number again: by its label first, by its place in the page second. */
export interface Binding {
  metric: MetricId;
  /** The text beside the value when it was picked: a label from the metric vocabulary, or the nearest text. */
  label: string;
  /** Whether that text comes before the value in reading order (a caption above or left of it). */
  labelFirst: boolean;
  /** Steps from <body> to the value, `tag:n` with n the 1-based index among same-tag siblings. */
  path: string[];
  /** The value as printed when it was picked, so the operator recognises it. */
  raw: string;
  savedAt: number;
}

export interface Bindings {
  version: typeof BINDINGS_VERSION;
  /** By origin (`https://host[:port]`). */
  sites: Record<string, Binding[]>;
}

export interface RepairedBindings {
  bindings: Bindings;
  notes: string[];
}

export const EMPTY_BINDINGS: Bindings = { version: BINDINGS_VERSION, sites: {} };

const ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const STEP = /^[a-z][a-z0-9-]{0,40}:\d{1,4}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** The origin bindings are kept under, or null for pages that cannot have any (http, files, the browser's own). */
export function bindingOrigin(url: URL): string | null {
  return url.protocol === 'https:' && ORIGIN.test(url.origin) ? url.origin : null;
}

/**
 * The origin allow.html may ask a permission for: the page that frames it, as the browser reports it
 * (`location.ancestorOrigins[0]`), and only when the operator bound numbers there.
 */
export function allowableOrigin(parent: string | undefined, bindings: Bindings): string | null {
  if (!parent) return null;
  let origin: string | null;
  try {
    origin = bindingOrigin(new URL(parent));
  } catch {
    return null;
  }
  return origin && (bindings.sites[origin]?.length ?? 0) > 0 ? origin : null;
}

/** Why a binding is not valid, or null when it is. */
function bindingProblem(b: unknown): string | null {
  if (!isObject(b)) return 'not an object';
  if (!METRIC_IDS.includes(b.metric as MetricId)) return `metric ${JSON.stringify(b.metric)} is unknown`;
  if (!shortText(b.label, 120)) return 'label missing or too long';
  if (typeof b.labelFirst !== 'boolean') return 'labelFirst is not true or false';
  if (!Array.isArray(b.path) || b.path.length > 60 || !b.path.every((s) => typeof s === 'string' && STEP.test(s)))
    return 'path is not a list of tag:index steps';
  if (typeof b.raw !== 'string' || b.raw.length > 120) return 'raw is not a short text';
  if (typeof b.savedAt !== 'number' || !Number.isFinite(b.savedAt)) return 'savedAt is not a time';
  return null;
}

export function repairBindings(raw: unknown): RepairedBindings {
  const notes: string[] = [];
  const bindings: Bindings = { version: BINDINGS_VERSION, sites: {} };
  if (raw === undefined || raw === null) return { bindings, notes };
  if (!isObject(raw) || !isObject(raw.sites)) {
    notes.push('bindings: not an object with sites; no bindings kept');
    return { bindings, notes };
  }
  if (raw.version !== BINDINGS_VERSION) notes.push(`version: ${JSON.stringify(raw.version)} read as ${BINDINGS_VERSION}`);
  for (const [origin, list] of Object.entries(raw.sites)) {
    if (!ORIGIN.test(origin)) {
      notes.push(`sites.${origin}: not an https origin; dropped`);
      continue;
    }
    if (!Array.isArray(list)) {
      notes.push(`sites.${origin}: not a list; dropped`);
      continue;
    }
    const kept: Binding[] = [];
    list.forEach((b: unknown, i) => {
      const problem = bindingProblem(b);
      if (problem) notes.push(`sites.${origin}[${i}]: ${problem}; dropped`);
      else if (kept.length >= MAX_BINDINGS_PER_SITE)
        notes.push(`sites.${origin}[${i}]: more than ${MAX_BINDINGS_PER_SITE}; dropped`);
      else kept.push(pick(b as unknown as Binding));
    });
    if (kept.length) bindings.sites[origin] = kept;
  }
  return { bindings, notes };
}

/** A binding with exactly its known fields (nothing else a hand edit added rides along). */
function pick(b: Binding): Binding {
  return { metric: b.metric, label: b.label, labelFirst: b.labelFirst, path: [...b.path], raw: b.raw, savedAt: b.savedAt };
}

/** Adds or replaces the binding of one metric on one origin (one number per metric and site). */
export function withBinding(bindings: Bindings, origin: string, binding: Binding): Bindings {
  const list = (bindings.sites[origin] ?? []).filter((b) => b.metric !== binding.metric);
  if (list.length >= MAX_BINDINGS_PER_SITE) throw new Error(`this site already has ${MAX_BINDINGS_PER_SITE} bindings`);
  return { ...bindings, sites: { ...bindings.sites, [origin]: [...list, pick(binding)] } };
}
