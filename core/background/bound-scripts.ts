import type { Bindings } from '../bindings';

/**
 * Sites where the operator bound numbers are read on every visit only where the operator allowed it:
 * for each origin with bindings and a granted host permission, one dynamically registered content
 * script (entrypoints/bound.ts). Run again whenever bindings or permissions change; what is no longer
 * bound or allowed is unregistered.
 */

const BOUND_SCRIPT = '/bound.js';
const PREFIX = 'bound:';

export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(
    scripts: Array<{ id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }>,
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/** Returns the origins now read on every visit. */
export async function syncBoundScripts(
  bindings: Bindings,
  permitted: (pattern: string) => Promise<boolean>,
  scripting: ScriptingApi,
): Promise<string[]> {
  const wanted: string[] = [];
  for (const [origin, list] of Object.entries(bindings.sites)) {
    if (list.length > 0 && (await permitted(`${origin}/*`))) wanted.push(origin);
  }
  const registered = (await scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(PREFIX));
  const stale = registered.filter((id) => !wanted.includes(id.slice(PREFIX.length)));
  if (stale.length) await scripting.unregisterContentScripts({ ids: stale });
  const missing = wanted.filter((o) => !registered.includes(PREFIX + o));
  if (missing.length)
    await scripting.registerContentScripts(
      missing.map((origin) => ({
        id: PREFIX + origin,
        matches: [`${origin}/*`],
        js: [BOUND_SCRIPT],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      })),
    );
  return wanted;
}
