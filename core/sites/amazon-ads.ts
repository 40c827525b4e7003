import { ADS_METRICS } from '../metrics';
import { adsAccount } from './ads-account';
import { AMAZON_MARKETS, SELLER_CENTRAL_ADS_PATH, amazonAccount } from './amazon';
import { defineSite } from './define';

/**
 * Amazon Ads: the advertising console (advertising.amazon.com and its marketplaces' hosts) and Seller
 * Central's campaign manager (/cm/…, on Seller Central's hosts; the shop's adapter leaves those paths).
 * Currency and day per marketplace. Only the ad metrics are read: Sales are the ads' attributed sales
 * (→ adSales, never Ordered Product Sales), ACOS (spend ÷ sales, "24.5%") and ROAS as printed.
 * Campaign manager columns: Impressions, Clicks, CTR, Spend, CPC, Orders, Sales, ACOS, ROAS. Orders and
 * Units count what the ads brought, no metric of ours; the top-of-search impression share is a share.
 */
const CONSOLE = {
  'advertising.amazon.com': ['USD', 'America/Los_Angeles'],
  'advertising.amazon.ca': ['CAD', 'America/Los_Angeles'],
  'advertising.amazon.com.mx': ['MXN', 'America/Los_Angeles'],
  'advertising.amazon.co.uk': ['GBP', 'Europe/London'],
  'advertising.amazon.de': ['EUR', 'Europe/Berlin'],
  'advertising.amazon.fr': ['EUR', 'Europe/Paris'],
  'advertising.amazon.it': ['EUR', 'Europe/Rome'],
  'advertising.amazon.es': ['EUR', 'Europe/Madrid'],
  'advertising.amazon.co.jp': ['JPY', 'Asia/Tokyo'],
  'advertising.amazon.com.au': ['AUD', 'Australia/Sydney'],
  'advertising.amazon.in': ['INR', 'Asia/Kolkata'],
} as const;

const MARKETS = { ...CONSOLE, ...AMAZON_MARKETS };

export const amazonAds = defineSite({
  id: 'amazon-ads',
  markets: MARKETS,
  isPage: (url) =>
    url.protocol === 'https:' &&
    (Object.hasOwn(CONSOLE, url.hostname) ||
      (Object.hasOwn(AMAZON_MARKETS, url.hostname) && SELLER_CENTRAL_ADS_PATH.test(url.pathname))),
  metrics: ADS_METRICS,
  labels: {
    'Conversion rate': 'adConversionRate',
    Orders: null,
    Sales: 'adSales',
    'Top-of-search impression share': null,
    Units: null,
  },
  store: (root) => amazonAccount(root) ?? adsAccount(root),
});
