import { defineSite, sharedHostPage } from './define';

/**
 * Amazon Seller Central. Business Reports render inside open shadow roots of KATAL web components.
 * Per Amazon's Business Reports glossary: Sessions – Total → visits, Page Views – Total → pageViews,
 * Unit Session Percentage (units ÷ sessions) → conversionRate, Ordered Product Sales → sales, Units
 * Ordered → unitsOrdered. Total Order Items count order items (an order of two items is two), so they
 * are never orders; Order Item Session Percentage, Session Percentage (a share of sessions), Average
 * Sales per Order Item and the B2B lines are not the shop's metrics either. A report's day is the
 * marketplace's (Pacific time on amazon.com). Reports lag about a day and are revised, so a day is
 * re-read until it stops changing.
 */
export const AMAZON_MARKETS = {
  'sellercentral.amazon.com': ['USD', 'America/Los_Angeles'],
  'sellercentral.amazon.ca': ['CAD', 'America/Los_Angeles'],
  'sellercentral.amazon.com.mx': ['MXN', 'America/Los_Angeles'],
  'sellercentral.amazon.co.uk': ['GBP', 'Europe/London'],
  'sellercentral.amazon.de': ['EUR', 'Europe/Berlin'],
  'sellercentral.amazon.fr': ['EUR', 'Europe/Paris'],
  'sellercentral.amazon.it': ['EUR', 'Europe/Rome'],
  'sellercentral.amazon.es': ['EUR', 'Europe/Madrid'],
  'sellercentral.amazon.co.jp': ['JPY', 'Asia/Tokyo'],
  'sellercentral.amazon.com.au': ['AUD', 'Australia/Sydney'],
  'sellercentral.amazon.in': ['INR', 'Asia/Kolkata'],
  'sellercentral-europe.amazon.com': [undefined, 'Europe/London'],
} as const;

/** Seller Central's campaign manager (Amazon Ads inside Seller Central). */
export const SELLER_CENTRAL_ADS_PATH = /^\/cm(?:\/|$)/;

export const amazon = defineSite({
  id: 'amazon',
  markets: AMAZON_MARKETS,
  // Campaign manager pages are the ads adapter's (amazon-ads.ts).
  isPage: sharedHostPage(AMAZON_MARKETS, SELLER_CENTRAL_ADS_PATH, 'shop'),
  store: (root) => amazonAccount(root),
  labels: {
    'Average Sales per Order Item': null,
    'Order Item Session Percentage': null,
    'Ordered Product Sales - B2B': null,
    'Session Percentage': null,
    'Session Percentage - Total': null,
  },
});

const MARKETPLACES =
  /^(United States|Canada|Mexico|Brazil|United Kingdom|Germany|France|Italy|Spain|Netherlands|Sweden|Poland|Belgium|Ireland|Japan|Australia|India|Singapore|United Arab Emirates|Saudi Arabia|Turkey|Egypt)$/;

/** Seller Central's account switcher reads "Store name | Marketplace" (often one element per part). */
export function amazonAccount(root: ParentNode): string | null {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(doc.body ?? doc, 4 /* SHOW_TEXT */);
  let steps = 0;
  for (let n = walker.nextNode(); n && steps < 400; n = walker.nextNode(), steps++) {
    const own = (n.nodeValue ?? '').trim();
    if (!own.includes('|') && !MARKETPLACES.test(own)) continue;
    for (const el of [n.parentElement, n.parentElement?.parentElement]) {
      const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const m = text.length <= 120 ? /^(.+?)\s*\|\s*([A-Za-z ]+)$/.exec(text) : null;
      if (m && MARKETPLACES.test(m[2]!.trim())) return m[1]!.trim();
    }
  }
  return null;
}
