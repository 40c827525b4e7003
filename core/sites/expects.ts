import type { MetricId } from '../metrics';

/**
 * The shop's own numbers some pages always show, by site and path. One of them missing means the page
 * changed under the reader, and the popup names it rather than going quiet. Kept out of the adapters
 * so the content script does not carry it: the background compares it with what a page reported.
 */
const EXPECTED: Readonly<Record<string, ReadonlyArray<{ path: RegExp; metrics: readonly MetricId[] }>>> = {
  sycm: [
    {
      path: /^\/portal\/home\.htm$/,
      metrics: ['visitors', 'pageViews', 'bounceRate', 'pagesPerVisit', 'conversionRate', 'avgOrderValue', 'sales', 'paidBuyers'],
    },
    { path: /^\/portal\/realtime\.htm$/, metrics: ['visitors', 'pageViews', 'sales', 'paidBuyers'] },
    { path: /^\/mc\/ci\/shop\/analysis/, metrics: ['visitors', 'conversionRate', 'avgOrderValue', 'sales', 'paidBuyers'] },
  ],
};

/** The expected numbers of this page that are not among those read for the shop itself. */
export function missingOn(site: string, path: string, own: readonly MetricId[]): MetricId[] {
  const expected = EXPECTED[site]?.find((e) => e.path.test(path))?.metrics ?? [];
  return expected.filter((m) => !own.includes(m));
}
