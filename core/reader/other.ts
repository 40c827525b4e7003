import type { Binding } from '../bindings';
import type { PageRead, SiteAdapter } from '../sites/types';
import type { ObservedValue } from '../types';
import { readBindings } from './bind';
import { FontGuard } from './fonts';
import { detectPeriod } from './period';
import { recognise, type Found } from './recognise';
import { scanPage } from './scan';

/**
 * Pages of sites StorePulse has no adapter for ("other"): the operator's own dashboards, admin
 * templates, analytics tools. The shop is the page's host name (a page of unknown shape names no
 * shop we could trust), and what the operator bound on that site wins over what the generic
 * recogniser guessed for the same metric.
 */

export const OTHER_SITE = 'other';

/** What "read this page" hands back to the background; plain data, so it crosses executeScript. */
export interface OtherPageRead {
  period: PageRead['period'];
  observed: ObservedValue[];
  unreadable: number;
}

/** An adapter for one site without one: its bindings, and with `generic` the recogniser too. */
export function otherSite(bindings: readonly Binding[], generic: boolean): SiteAdapter {
  return {
    id: OTHER_SITE,
    matches: [],
    isPage: () => true,
    read(root, { url, now }): PageRead {
      const doc = (root as Node).ownerDocument ?? (root as Document);
      const bound: Found[] = readBindings(doc, bindings).map(({ observed, element }) => ({
        observed,
        element,
        labelElement: element,
        fromTable: false,
        fontSize: 0,
        depth: 0,
      }));
      let found = bound;
      let unreadable: Element[] = [];
      const scan = scanPage(root as Document | Element);
      if (generic) {
        const fonts = new FontGuard(
          doc,
          scan.roots.some((r) => r.nodeType === 11),
        );
        const boundMetrics = new Set(bound.map((f) => f.observed.metric));
        const guessed = recognise(root, { scan, fonts }).filter(
          (f) => f.observed.breakdown || !boundMetrics.has(f.observed.metric),
        );
        found = [...bound, ...guessed];
        unreadable = [...fonts.unreadable];
      }
      return { site: OTHER_SITE, store: url.hostname, period: detectPeriod(root, now, scan), found, unreadable };
    },
  };
}

/** One read of the page for "read this page". */
export function readOtherPage(doc: Document, url: URL, bindings: readonly Binding[], now = new Date()): OtherPageRead {
  const read = otherSite(bindings, true).read(doc, { url, now });
  return { period: read.period, observed: read.found.map((f) => f.observed), unreadable: read.unreadable?.length ?? 0 };
}
