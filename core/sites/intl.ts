import { defineSite } from './define';

/** The international back offices. Currency follows the marketplace where the page does not print one. */

const SHOPEE_CURRENCY: Readonly<Record<string, string>> = {
  'seller.shopee.tw': 'TWD',
  'seller.shopee.com.my': 'MYR',
  'seller.shopee.sg': 'SGD',
  'seller.shopee.ph': 'PHP',
  'seller.shopee.co.th': 'THB',
  'seller.shopee.vn': 'VND',
  'seller.shopee.co.id': 'IDR',
  'seller.shopee.com.br': 'BRL',
  'seller.shopee.com.mx': 'MXN',
};

/** Shopee Seller Centre, per marketplace; seller.shopee.cn is the cross-border centre (currency as printed). */
export const shopee = defineSite({
  id: 'shopee',
  matches: [...Object.keys(SHOPEE_CURRENCY), 'seller.shopee.cn'].map((h) => `https://${h}/*`),
  currency: (url) => SHOPEE_CURRENCY[url.hostname],
});

/**
 * Shopify admin. Its page titles read "Section · Store name · Shopify"; the store's handle in the path
 * (/store/<handle>/…) is the stable name when no title says more.
 */
export const shopify = defineSite({
  id: 'shopify',
  matches: ['https://admin.shopify.com/*'],
  store: (root) => {
    const title = ((root as Node).ownerDocument ?? (root as Document)).title ?? '';
    const parts = title.split(' · ').map((p) => p.trim());
    return parts.length >= 3 && parts.at(-1) === 'Shopify' ? parts.at(-2)! : null;
  },
  fallbackStore: (url) => /^\/store\/([^/]+)/.exec(url.pathname)?.[1] ?? url.hostname,
});

const AMAZON_CURRENCY: Readonly<Record<string, string>> = {
  'sellercentral.amazon.com': 'USD',
  'sellercentral.amazon.ca': 'CAD',
  'sellercentral.amazon.com.mx': 'MXN',
  'sellercentral.amazon.co.uk': 'GBP',
  'sellercentral.amazon.de': 'EUR',
  'sellercentral.amazon.fr': 'EUR',
  'sellercentral.amazon.it': 'EUR',
  'sellercentral.amazon.es': 'EUR',
  'sellercentral.amazon.co.jp': 'JPY',
  'sellercentral.amazon.com.au': 'AUD',
  'sellercentral.amazon.in': 'INR',
};

/**
 * Amazon Seller Central. Business Reports render inside open shadow roots of KATAL web components.
 * Mappings: Sessions → visits, Page Views → pageViews, Unit Session Percentage (units ÷ sessions) →
 * conversionRate, Ordered Product Sales → sales, Units Ordered → unitsOrdered, Total Order Items → orders.
 * Reports lag about a day and are revised, so a day is re-read until it stops changing.
 */
export const amazon = defineSite({
  id: 'amazon',
  matches: [...Object.keys(AMAZON_CURRENCY), 'sellercentral-europe.amazon.com'].map((h) => `https://${h}/*`),
  currency: (url) => AMAZON_CURRENCY[url.hostname],
  store: (root) => amazonAccount(root),
});

const MARKETPLACES =
  /^(United States|Canada|Mexico|Brazil|United Kingdom|Germany|France|Italy|Spain|Netherlands|Sweden|Poland|Belgium|Ireland|Japan|Australia|India|Singapore|United Arab Emirates|Saudi Arabia|Turkey|Egypt)$/;

/** Seller Central's account switcher reads "Store name | Marketplace" (often one element per part). */
function amazonAccount(root: ParentNode): string | null {
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

/**
 * Google Analytics 4. Users → visitors, Sessions → visits, Views per session → pagesPerVisit,
 * Average engagement time → avgVisitDuration; its bounce rate is 1 − engagement rate, so
 * the ga4 profile judges it by its own lines.
 */
export const ga4 = defineSite({
  id: 'ga4',
  matches: ['https://analytics.google.com/*'],
});
