import { ADS_METRICS } from '../metrics';
import { adsAccount } from './ads-account';
import { defineSite } from './define';

/**
 * Google Ads (ads.google.com). Cost → adSpend, Conv. value → adSales, Conv. value / cost → adRoas,
 * Impr. → adImpressions, Clicks, CTR, Avg. CPC, Conv. rate → adConversionRate. The account's currency is
 * the one its numbers print ("US$", "€", "¥"); its time zone is not printed, so relative periods count on
 * the computer's calendar. The top bar names the account with its customer ID ("Lumen Goods
 * 123-456-7890"). Conversions and Cost / conv. count and price conversions; Interactions, Interaction
 * rate, Avg. cost and Avg. CPM are other measures; All conv. figures include conversions the account
 * does not count as its own: never mapped. Its tables' "Total: …" rows are sums, neither parts nor the
 * account's value (the scorecards carry it).
 */
export const googleAds = defineSite({
  id: 'google-ads',
  matches: ['https://ads.google.com/*'],
  metrics: ADS_METRICS,
  labels: {
    'All conv.': null,
    'All conv. rate': null,
    'All conv. value': null,
    'Avg. CPM': null,
    'Avg. cost': null,
    'Conv. rate': 'adConversionRate',
    Conversions: null,
    Cost: 'adSpend',
    'Cost / conv.': null,
    'Interaction rate': null,
    Interactions: null,
  },
  store: (root) => adsAccount(root, customerName),
  // Its tables end in "Total: Campaigns", "Total: Account", "Total: All but removed campaigns": sums, not campaigns.
  refine: (found) => found.filter((f) => !/^Total:/i.test(f.observed.breakdown?.key ?? '')),
});

const CUSTOMER_ID = /^\d{3}-\d{3}-\d{4}$/;

/** "Lumen Goods 123-456-7890" in one text, or the name just before an element holding the ID alone. */
function customerName(text: string, el: Element): string | null {
  const joined = /^(.{1,60}?)\s+(\d{3}-\d{3}-\d{4})$/.exec(text);
  if (joined) return joined[1]!;
  if (!CUSTOMER_ID.test(text)) return null;
  const name = (el.previousElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return name && name.length <= 60 && !CUSTOMER_ID.test(name) ? name : null;
}
