import { defineSite, sharedHostPage } from './define';

/**
 * Shopee Seller Centre, per marketplace: the currency of a number printed without one, and the
 * marketplace's day. seller.shopee.cn is the cross-border centre (currency as printed, China's day).
 * Its Business Insights print Visitors, Page Views, Orders, Buyers, Sales, Conversion Rate and Sales per
 * Order (訪客數, 頁面瀏覽數, 訂單, 買家數, 銷售額, 轉換率, 每筆訂單平均銷售額), all in the catalogue;
 * Product Clicks (商品點擊數) are no page views.
 */
export const SHOPEE_MARKETS = {
  'seller.shopee.tw': ['TWD', 'Asia/Taipei'],
  'seller.shopee.com.my': ['MYR', 'Asia/Kuala_Lumpur'],
  'seller.shopee.sg': ['SGD', 'Asia/Singapore'],
  'seller.shopee.ph': ['PHP', 'Asia/Manila'],
  'seller.shopee.co.th': ['THB', 'Asia/Bangkok'],
  'seller.shopee.vn': ['VND', 'Asia/Ho_Chi_Minh'],
  'seller.shopee.co.id': ['IDR', 'Asia/Jakarta'],
  'seller.shopee.com.br': ['BRL', 'America/Sao_Paulo'],
  'seller.shopee.com.mx': ['MXN', 'America/Mexico_City'],
  'seller.shopee.cn': [undefined, 'Asia/Shanghai'],
} as const;

/** Shopee Ads' pages inside the Seller Centre (Marketing Centre › Shopee Ads). */
export const SHOPEE_ADS_PATH = /^\/portal\/marketing\/pas(?:\/|$)/;

export const shopee = defineSite({
  id: 'shopee',
  markets: SHOPEE_MARKETS,
  // Shopee Ads lives in the same Seller Centre: its pages are the ads adapter's (shopee-ads.ts).
  isPage: sharedHostPage(SHOPEE_MARKETS, SHOPEE_ADS_PATH, 'shop'),
  labels: {
    'Product Clicks': null,
    商品點擊數: null,
    平均每筆訂單銷售額: 'avgOrderValue',
  },
});
