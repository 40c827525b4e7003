import { ADS_METRICS } from '../metrics';
import { adsAccount } from './ads-account';
import { defineSite, sharedHostPage } from './define';
import { SHOPEE_ADS_PATH, SHOPEE_MARKETS } from './shopee';

/**
 * Shopee Ads inside the Seller Centre (Marketing Centre › Shopee Ads, /portal/marketing/pas/…): the
 * same hosts as the shop's pages, currency and day per marketplace. Only the ad metrics are read: its
 * GMV / Sales (銷售金額) are what the ads brought (→ adSales), Conversion Rate (轉換率) the clicks'.
 * Report columns: Impressions, Clicks, CTR, Conversions, Conversion Rate, Cost per Conversion, Items
 * Sold, GMV, Expense, ROAS (formerly ROI), ACOS, each beside its Direct twin. Direct figures are parts
 * (qualifier rule); Conversions, Items Sold and Cost per Conversion (轉換數, 已售出商品數, 每筆轉換成本)
 * are no metric of ours.
 */
export const shopeeAds = defineSite({
  id: 'shopee-ads',
  markets: SHOPEE_MARKETS,
  isPage: sharedHostPage(SHOPEE_MARKETS, SHOPEE_ADS_PATH, 'ads'),
  metrics: ADS_METRICS,
  labels: {
    'Conversion Rate': 'adConversionRate',
    Conversions: null,
    'Cost per Conversion': null,
    Expense: 'adSpend',
    GMV: 'adSales',
    'Items Sold': null,
    Sales: 'adSales',
    已售出商品數: null,
    每筆轉換成本: null,
    轉換數: null,
    轉換率: 'adConversionRate',
    銷售金額: 'adSales',
  },
  store: (root) => adsAccount(root),
});
