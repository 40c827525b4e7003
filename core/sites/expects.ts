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

/**
 * The numbers the popup names as not read on this page: the expected ones that are not among those
 * read for the shop itself, and those whose label the page shows but whose number the reader could
 * not tell apart (so it stored nothing rather than a guess).
 */
export function missingOn(site: string, path: string, own: readonly MetricId[], unsettled: readonly MetricId[] = []): MetricId[] {
  const expected = EXPECTED[site]?.find((e) => e.path.test(path))?.metrics ?? [];
  return [...new Set([...expected, ...unsettled])].filter((m) => !own.includes(m));
}
