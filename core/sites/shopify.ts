import { defineSite } from './define';

/**
 * Shopify admin. Its page titles read "Section · Store name · Shopify"; the store's handle in the path
 * (/store/<handle>/…) is the stable name when no title says more. Total sales is the shop's sales
 * (gross sales − discounts − returns + taxes + shipping, in Shopify's own definition); the lines of that
 * breakdown (Gross sales, Net sales, Discounts, Returns, Shipping, Taxes) are never sales. Online store
 * sessions → visits, Online store conversion rate → conversionRate. The day is the store's time zone,
 * which the page does not print: relative labels are counted on the computer's calendar. Orders
 * fulfilled and Reached checkout (sessions that reached the checkout) are other counts printed beside
 * Total orders: look-alikes, so their numbers are never taken for orders.
 */
export const shopify = defineSite({
  id: 'shopify',
  matches: ['https://admin.shopify.com/*'],
  labels: {
    'Orders fulfilled': null,
    'Reached checkout': null,
  },
  store: (root) => {
    const title = ((root as Node).ownerDocument ?? (root as Document)).title ?? '';
    const parts = title.split(' · ').map((p) => p.trim());
    return parts.length >= 3 && parts.at(-1) === 'Shopify' ? parts.at(-2)! : null;
  },
  fallbackStore: (url) => /^\/store\/([^/]+)/.exec(url.pathname)?.[1] ?? url.hostname,
});
