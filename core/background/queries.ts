import { readStore, type Database, type Reader } from '../db';
import { joinKey, shopKey } from '../keys';
import type { LatestView, PopupState } from '../messages';
import { todaysAlerts, toView } from './alerts';
import { startOfLocalDay } from './local-day';

/** What the popup's first screen and the options page ask of the history: today's alerts and numbers, the shops seen. */

export async function popupState(db: Database, now: number): Promise<PopupState> {
  const alerts = await todaysAlerts(db, now);
  const since = startOfLocalDay(now);
  const today = await db.getAllFromIndex('readings', 'byObservedAt', IDBKeyRange.lowerBound(since));
  const totalReadings = await db.count('readings');
  const latest = new Map<string, LatestView>();
  for (const r of today) {
    if (r.breakdown || r.peer) continue;
    const key = joinKey([r.site, r.store, r.periodKey, r.metric]);
    const cur = latest.get(key);
    if (!cur || cur.observedAt <= r.observedAt) {
      const view: LatestView = {
        site: r.site,
        store: r.store,
        metric: r.metric,
        value: r.value,
        period: r.period,
        observedAt: r.observedAt,
      };
      if (r.currency) view.currency = r.currency;
      latest.set(key, view);
    }
  }
  return {
    alerts: alerts.map(toView),
    latest: newestPeriods([...latest.values()]),
    readingsToday: today.length,
    totalReadings,
    pages: [],
  };
}

/** How many periods of one shop the popup's latest numbers show (e.g. today's real-time and yesterday). */
const LATEST_PERIODS = 2;

function newestPeriods(latest: LatestView[]): LatestView[] {
  const periods = new Map<string, Set<string>>();
  const order = [...latest].sort((a, b) => b.period.end.localeCompare(a.period.end) || b.observedAt - a.observedAt);
  return order.filter((l) => {
    const shop = shopKey(l.site, l.store);
    const seen = periods.get(shop) ?? new Set<string>();
    periods.set(shop, seen);
    const key = `${l.period.kind}:${l.period.start}..${l.period.end}`;
    if (!seen.has(key) && seen.size >= LATEST_PERIODS) return false;
    seen.add(key);
    return true;
  });
}

/** Every shop seen, once each, from the byShop index (no reading is loaded). */
export async function listShops(db: Reader): Promise<Array<{ site: string; store: string }>> {
  const shops: Array<{ site: string; store: string }> = [];
  let cursor = await readStore(db, 'readings').index('byShop').openKeyCursor(null, 'nextunique');
  while (cursor) {
    const [site, store] = cursor.key;
    shops.push({ site, store });
    cursor = await cursor.continue();
  }
  return shops;
}
