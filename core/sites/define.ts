import { clip, fitObserved, LIMITS } from '../limits';
import { FontGuard } from '../reader/fonts';
import type { MetricDef, MetricId, Vocabulary } from '../metrics';
import { LabelMatcher } from '../reader/labels';
import { dayIn, detectPeriodSteps } from '../reader/period';
import { recogniseSteps, type Found } from '../reader/recognise';
import type { PageMemo } from '../reader/memo';
import { markLabelChars, runToEnd, scanSteps } from '../reader/scan';
import { detectStore } from '../reader/store';
import type { PageRead, ReadContext, SiteAdapter } from './types';

/**
 * What a site adapter knows beyond the generic recogniser. Most back offices need only their
 * addresses and currency: the recogniser, period and shop detection are shared.
 */
export interface SiteKnowledge {
  id: string;
  /** Match patterns (manifest); `isPage` defaults to "the host is one of these". Defaults to the markets' hosts. */
  matches?: readonly string[];
  /** A site with a host per marketplace: host → the currency of unmarked money and the marketplace's time zone. */
  markets?: Readonly<Record<string, readonly [currency: string | undefined, timeZone: string]>>;
  isPage?: (url: URL) => boolean;
  /** Currency of money printed without a marker, by page (Shopee and Amazon vary by country). */
  currency?: (url: URL) => string | undefined;
  /** The time zone of the platform's calendar (IANA name), by page; the computer's when unknown. */
  timeZone?: (url: URL) => string | undefined;
  /**
   * The site's own words where the catalogue lacks them or means something else there: label as printed
   * → metric, or null for a look-alike that must never map on this site. Sorted by label.
   */
  labels?: Vocabulary;
  /**
   * The catalogue the page's labels are matched against: the shop's metrics by default; an ads back
   * office reads only the ad metrics, so its 成交金额 / Sales / Orders never become the shop's.
   */
  metrics?: readonly MetricDef[];
  /** Paths whose numbers are today's, changing during the day. */
  realtimePath?: RegExp;
  /** A shop name the site prints in a known form; the generic shop detection is the fallback. */
  store?: (root: ParentNode, url: URL, memo?: PageMemo) => string | null;
  /** Last resort for the shop's name (defaults to the host). */
  fallbackStore?: (url: URL) => string;
  /** Whether the generic recogniser reads the page; a site of numbers the operator picked reads only those. */
  generic?: boolean;
  /** What the site's own page structures say beyond the generic recogniser (peer comparison grids, picked numbers). */
  refine?: (found: Found[], page: { root: ParentNode; url: URL; currency?: string }) => Found[];
}

/**
 * Pages of a back office whose host serves both the shop's pages and its ads' (Shopee's Seller Centre,
 * Amazon's Seller Central): the ads side is the paths `ads` matches, the shop's side the rest.
 */
export function sharedHostPage(hosts: Readonly<Record<string, unknown>>, ads: RegExp, side: 'shop' | 'ads') {
  return (url: URL): boolean =>
    url.protocol === 'https:' && Object.hasOwn(hosts, url.hostname) && ads.test(url.pathname) === (side === 'ads');
}

export function defineSite(k: SiteKnowledge): SiteAdapter {
  // The site's own words start label candidates in the page's text pass, as the catalogue's do.
  markLabelChars(Object.keys(k.labels ?? {}));
  const markets = k.markets ?? {};
  const matches = k.matches ?? Object.keys(markets).map((h) => `https://${h}/*`);
  const hosts = new Set(matches.map((m) => new URL(m.replace('*', 'x')).hostname));
  const isPage = k.isPage ?? ((url: URL) => url.protocol === 'https:' && hosts.has(url.hostname));
  let matcher: LabelMatcher | undefined;
  const timeZoneOf = (url: URL) => k.timeZone?.(url) ?? markets[url.hostname]?.[1];
  return {
    id: k.id,
    matches,
    ...(k.labels ? { labels: k.labels } : {}),
    ...(k.metrics ? { metrics: k.metrics } : {}),
    isPage,
    timeZone: timeZoneOf,
    read(root: ParentNode, context: ReadContext): PageRead {
      return runToEnd(this.readSteps(root, context));
    },
    *readSteps(
      root: ParentNode,
      { url, now, shownAt, onRoot, hosts: known, scan: made, memo }: ReadContext,
    ): Generator<void, PageRead> {
      const scan =
        made ?? (yield* scanSteps(root as Document | Element, { ...(known ? { hosts: known } : {}), ...(memo ? { memo } : {}) }));
      if (onRoot) scan.roots.forEach(onRoot);
      const currency = k.currency?.(url) ?? markets[url.hostname]?.[0];
      const timeZone = timeZoneOf(url);
      let period = yield* detectPeriodSteps(root, now, scan, {
        ...(timeZone ? { timeZone } : {}),
        ...(shownAt ? { shownAt } : {}),
        ...(memo ? { inputs: (r: Document | ShadowRoot) => memo.query(r, 'input') as HTMLInputElement[] } : {}),
      });
      if (k.realtimePath?.test(url.pathname) && period.kind !== 'realtime') {
        // A real-time board's printed date is the shop's today; the platform's calendar is the fallback.
        const day = period.kind === 'day' ? period.start : dayIn(now, timeZone);
        period = { kind: 'realtime', start: day, end: day };
      }
      const shadow = scan.roots.some((r) => r.nodeType === 11);
      const fonts = new FontGuard((root as Node).ownerDocument ?? (root as Document), shadow);
      const unsettled = new Set<MetricId>();
      const generic =
        k.generic === false
          ? []
          : yield* recogniseSteps(root, {
              scan,
              fonts,
              adapter: k.id,
              ...(memo ? { memo } : {}),
              // Dates without a year (a table's "11-24") belong to the page's days.
              anchor: period.kind === 'unknown' ? dayIn(now, timeZone) : period.end,
              unsettled,
              ...(k.labels || k.metrics ? { matcher: (matcher ??= new LabelMatcher(k.metrics, k.labels)) } : {}),
              ...(currency ? { defaultCurrency: currency } : {}),
            });
      const found = k.refine ? k.refine(generic, { root, url, ...(currency ? { currency } : {}) }) : generic;
      yield;
      const fallback = k.fallbackStore?.(url) ?? url.hostname;
      const store = clip(k.store?.(root, url, memo) ?? detectStore(root, fallback, scan), LIMITS.store);
      // Page text is cut to what the background keeps: a long header tooltip costs its end, not the reading.
      for (const f of found) f.observed = fitObserved(f.observed);
      // The innermost elements only: a card around a scrambled number is not a second one.
      const unreadable = [...fonts.unreadable].filter((el) => ![...fonts.unreadable].some((o) => o !== el && el.contains(o)));
      return { site: k.id, store, period, found, unreadable, unsettled: [...unsettled] };
    },
  };
}
