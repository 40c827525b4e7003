import type { Binding } from '../bindings';
import { defineSite } from '../sites/define';
import type { PageRead, SiteAdapter } from '../sites/types';
import type { ObservedValue } from '../types';
import { readBindings } from './bind';
import type { Found } from './recognise';

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
  return defineSite({
    id: OTHER_SITE,
    matches: [],
    isPage: () => true,
    generic,
    store: (_root, url) => url.hostname,
    refine(guessed, { root }) {
      const doc = (root as Node).ownerDocument ?? (root as Document);
      const bound: Found[] = readBindings(doc, bindings).map(({ observed, element }) => ({
        observed,
        element,
        labelElement: element,
        fromTable: false,
        fontSize: 0,
        depth: 0,
      }));
      const boundMetrics = new Set(bound.map((f) => f.observed.metric));
      return [...bound, ...guessed.filter((f) => f.observed.breakdown || !boundMetrics.has(f.observed.metric))];
    },
  });
}

/** One read of the page for "read this page". */
export function readOtherPage(doc: Document, url: URL, bindings: readonly Binding[], now = new Date()): OtherPageRead {
  const read = otherSite(bindings, true).read(doc, { url, now });
  return { period: read.period, observed: read.found.map((f) => f.observed), unreadable: read.unreadable?.length ?? 0 };
}
