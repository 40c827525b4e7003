import type { Money } from './format';
import type { Rng } from './prng';
import type { Locale, PlatformId } from './vocab';

/**
 * Where each back office lives and how it dresses a page: its real hosts and paths, its languages,
 * money, time zone and the place it prints the shop's name.
 */

const CNY: Money = { code: 'CNY', before: ['¥', '￥', 'CNY '], after: ['元'], labelUnit: ['(元)', '（元）'] };
const TWD: Money = { code: 'TWD', before: ['NT$', '$'], after: [], labelUnit: ['(NT$)'], whole: true };
const MYR: Money = { code: 'MYR', before: ['RM'], after: [], labelUnit: [' (RM)'] };
const USD: Money = { code: 'USD', before: ['$', 'US$'], after: [' USD'], labelUnit: [' (USD)'] };

export interface Market {
  host: string;
  locale: Locale;
  money: Money;
  /** IANA time zone of the platform's calendar, when the platform documents one. */
  tz?: string;
}

export interface Platform {
  id: PlatformId;
  markets: readonly Market[];
  /** Real paths of its data pages; `realtime` ones show today's running numbers. */
  paths: readonly string[];
  realtimePaths: readonly string[];
  /** Chinese back offices print 万-scaled numbers. */
  wan: boolean;
  /** The header that names the shop, and the name a reader should store (null: not settled by the page). */
  header(r: Rng, store: string, market: Market): { html: string; title: string };
  stores: Readonly<Partial<Record<Locale, readonly string[]>>>;
}

const MARKETPLACE: Readonly<Record<string, string>> = {
  'sellercentral.amazon.com': 'United States',
  'sellercentral.amazon.co.uk': 'United Kingdom',
  'sellercentral.amazon.de': 'Germany',
};

const nick = (r: Rng) => r.pick(['运营小李', '数据01', 'admin', '小王', 'kefu2']);

const accountHeader = (r: Rng, store: string) => ({
  html: `<header class="top-bar"><span class="logo">生意参谋</span><span class="account">${store}:${nick(r)}</span></header>`,
  title: '生意参谋',
});

const CN_STORES = [
  '青禾家居旗舰店',
  '拾光饰品店',
  '禾田生鲜专营店',
  '小满童装旗舰店',
  '南风户外专营店',
  '鹿野家居旗舰店',
  '山岚茶事官方旗舰店',
  '鲜果坊水果专营店',
  '木森数码专营店',
  '云朵母婴旗舰店',
];
const TW_STORES = ['晴川茶行旗艦店', '米樂生活館', '森林小舖', '好日子選物店'];
const EN_STORES = [
  'Lumen Goods',
  'Harbor & Pine',
  'Northwind Outfitters Shop',
  'Lumi Home Official Store',
  'Juniper Lane Store',
  'Copper Kettle Shop',
];

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'sycm',
    markets: [
      { host: 'sycm.taobao.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' },
      { host: 'sycm.taobao.com', locale: 'zh-TW', money: CNY, tz: 'Asia/Shanghai' },
      { host: 'sycm.taobao.com', locale: 'en', money: { ...CNY, before: ['¥', 'CNY '], after: [] }, tz: 'Asia/Shanghai' },
    ],
    paths: [
      '/portal/home.htm',
      '/flow/monitor/shopsource/overview',
      '/cc/item_rank',
      '/bda/tradinganaly/overview',
      '/portal/coreindex.htm',
    ],
    realtimePaths: ['/portal/realtime/overview.htm'],
    wan: true,
    header: accountHeader,
    stores: { 'zh-CN': CN_STORES, 'zh-TW': TW_STORES, en: CN_STORES },
  },
  {
    id: 'jd',
    markets: [{ host: 'sz.jd.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' }],
    paths: ['/sz/view/flow/overview.html', '/sz/view/dealAnalysis/dealSummarys.html', '/sz/view/shop/overview.html'],
    realtimePaths: ['/sz/view/indexs/realTimes.html'],
    wan: true,
    header: (r, store) => ({
      html: `<header class="sz-header"><span class="brand">京东商智</span><span class="user">${store}:${nick(r)}</span></header>`,
      title: '京东商智',
    }),
    stores: { 'zh-CN': CN_STORES },
  },
  {
    id: 'douyin',
    markets: [{ host: 'compass.jinritemai.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' }],
    paths: ['/shop/core-data', '/shop/traffic', '/shop/commodity/overview'],
    realtimePaths: ['/shop/realtime'],
    wan: true,
    header: (_r, store) => ({
      html: `<header class="compass-head"><span>抖店罗盘</span><div class="shop-name">${store}</div></header>`,
      title: '抖店罗盘',
    }),
    stores: { 'zh-CN': CN_STORES },
  },
  {
    id: 'pdd',
    markets: [{ host: 'mms.pinduoduo.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' }],
    paths: ['/sycm/stores_data/operation', '/sycm/goods_effect', '/sycm/search_data/overview'],
    realtimePaths: ['/sycm/real_time'],
    wan: true,
    header: (_r, store) => ({
      html: `<header class="mms-header"><span>拼多多商家后台</span><span class="mall-name">${store}</span></header>`,
      title: '拼多多 商家后台',
    }),
    stores: { 'zh-CN': CN_STORES },
  },
  {
    id: 'shopee',
    markets: [
      {
        host: 'seller.shopee.tw',
        locale: 'zh-TW',
        money: TWD,
        tz: 'Asia/Taipei',
      },
      {
        host: 'seller.shopee.com.my',
        locale: 'en',
        money: MYR,
        tz: 'Asia/Kuala_Lumpur',
      },
      {
        host: 'seller.shopee.sg',
        locale: 'en',
        money: { code: 'SGD', before: ['$', 'S$'], after: [], labelUnit: [' (SGD)'] },
        tz: 'Asia/Singapore',
      },
      {
        host: 'seller.shopee.ph',
        locale: 'en',
        money: { code: 'PHP', before: ['₱'], after: [], labelUnit: [' (PHP)'] },
        tz: 'Asia/Manila',
      },
      {
        host: 'seller.shopee.co.th',
        locale: 'en',
        money: { code: 'THB', before: ['฿'], after: [], labelUnit: [' (THB)'] },
        tz: 'Asia/Bangkok',
      },
    ],
    paths: ['/datacenter/dashboard', '/datacenter/products/overview', '/datacenter/traffic/overview'],
    realtimePaths: ['/datacenter/realtime'],
    wan: false,
    header: (_r, store) => ({
      html: `<header class="shopee-top"><span>Shopee</span><span class="shop-name">${store}</span></header>`,
      title: 'Shopee',
    }),
    stores: { 'zh-TW': TW_STORES, en: ['Lumi Home Official Store', 'Juniper Lane Store', 'Copper Kettle Shop'] },
  },
  {
    id: 'shopify',
    markets: [{ host: 'admin.shopify.com', locale: 'en', money: USD }],
    paths: [
      '/store/{handle}/analytics',
      '/store/{handle}/analytics/dashboards/overview',
      '/store/{handle}/analytics/reports/sessions_over_time',
    ],
    realtimePaths: ['/store/{handle}/analytics/live'],
    wan: false,
    header: (_r, store) => ({
      html: `<header class="Polaris-TopBar"><span>${store}</span></header>`,
      title: `Analytics · ${store} · Shopify`,
    }),
    stores: { en: EN_STORES },
  },
  {
    id: 'amazon',
    markets: [
      { host: 'sellercentral.amazon.com', locale: 'en', money: USD, tz: 'America/Los_Angeles' },
      {
        host: 'sellercentral.amazon.co.uk',
        locale: 'en',
        money: { code: 'GBP', before: ['£'], after: [], labelUnit: [' (GBP)'] },
      },
      {
        host: 'sellercentral.amazon.de',
        locale: 'en',
        money: { code: 'EUR', before: [], after: [' €'], labelUnit: [' (EUR)'], comma: true },
      },
    ],
    paths: ['/business-reports/ref=xx_sitemetric_dnav_xx', '/business-reports/ref=xx_sales_dnav_xx'],
    realtimePaths: [],
    wan: false,
    header: (_r, store, market) => ({
      html: `<header class="sc-header"><span>seller central</span><div class="account-switcher"><span>${store}</span> | <span>${MARKETPLACE[market.host] ?? 'United States'}</span></div></header>`,
      title: 'Business Reports',
    }),
    stores: { en: EN_STORES },
  },
  {
    id: 'ga4',
    markets: [{ host: 'analytics.google.com', locale: 'en', money: USD }],
    paths: ['/analytics/web/'],
    realtimePaths: [],
    wan: false,
    header: (_r, store) => ({
      html: `<header class="ga-header"><span>Analytics</span><span class="property">${store}</span></header>`,
      title: 'Reports snapshot – Analytics',
    }),
    stores: { en: ['Northwind Outfitters Shop', 'Copper Kettle Shop', 'Juniper Lane Store'] },
  },
  {
    id: 'alimama',
    markets: [{ host: 'one.alimama.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' }],
    paths: ['/index.html', '/report/account.html', '/report/campaign.html'],
    realtimePaths: [],
    wan: true,
    header: (_r, store) => ({
      html: `<header class="mx-top"><span>阿里妈妈 万相台</span><span class="acct"><span>账户：</span><b>${store}</b></span></header>`,
      title: '万相台无界版',
    }),
    stores: { 'zh-CN': CN_STORES },
  },
  {
    id: 'jzt',
    markets: [{ host: 'jzt.jd.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' }],
    paths: ['/home/index.html', '/kuaiche/report/account', '/touchpoint/report/campaign'],
    realtimePaths: [],
    wan: true,
    header: (_r, store) => ({
      html: `<div class="jzt-head"><span>京准通</span><span class="user">账户：${store}</span></div>`,
      title: '京准通',
    }),
    stores: { 'zh-CN': CN_STORES },
  },
  {
    id: 'qianchuan',
    markets: [{ host: 'qianchuan.jinritemai.com', locale: 'zh-CN', money: CNY, tz: 'Asia/Shanghai' }],
    paths: ['/promotion-v2/standard/overview', '/data/report/ad', '/board/live'],
    realtimePaths: [],
    wan: true,
    header: (r, store) => ({
      html: `<div class="qc-top"><span>巨量千川</span><span>账户名称：</span><span>${store}</span><span class="id">ID ${r.int(1_700_000_000, 1_799_999_999)}</span></div>`,
      title: '巨量千川',
    }),
    stores: { 'zh-CN': CN_STORES },
  },
  {
    id: 'shopee-ads',
    markets: [
      { host: 'seller.shopee.tw', locale: 'zh-TW', money: TWD, tz: 'Asia/Taipei' },
      { host: 'seller.shopee.com.my', locale: 'en', money: MYR, tz: 'Asia/Kuala_Lumpur' },
    ],
    paths: ['/portal/marketing/pas/index', '/portal/marketing/pas/assembly/report'],
    realtimePaths: [],
    wan: false,
    header: (_r, store) => ({
      html: `<header class="shopee-top"><span>Shopee</span><span class="shop-name">${store}</span></header>`,
      title: 'Shopee Ads',
    }),
    stores: { 'zh-TW': TW_STORES, en: ['Lumi Home Official Store', 'Juniper Lane Store', 'Copper Kettle Shop'] },
  },
  {
    id: 'amazon-ads',
    markets: [
      { host: 'advertising.amazon.com', locale: 'en', money: USD, tz: 'America/Los_Angeles' },
      { host: 'sellercentral.amazon.com', locale: 'en', money: USD, tz: 'America/Los_Angeles' },
    ],
    paths: ['/cm/campaigns', '/cm/sp/campaigns/report'],
    realtimePaths: [],
    wan: false,
    header: (_r, store) => ({
      html: `<header class="aac-top"><span>amazon ads</span><div class="account-switcher"><span>${store}</span> | <span>United States</span></div></header>`,
      title: 'Campaign manager',
    }),
    stores: { en: EN_STORES },
  },
  {
    id: 'google-ads',
    markets: [{ host: 'ads.google.com', locale: 'en', money: USD }],
    paths: ['/aw/overview', '/aw/campaigns'],
    realtimePaths: [],
    wan: false,
    header: (r, store) => ({
      html: `<header class="ga-appbar"><span>Google Ads</span><div class="customer"><span>${store}</span><span class="cid">${r.int(100, 999)}-${r.int(100, 999)}-${r.int(1000, 9999)}</span></div></header>`,
      title: `Overview - ${store} - Google Ads`,
    }),
    stores: { en: EN_STORES },
  },
];

export const platformById = (id: PlatformId): Platform => PLATFORMS.find((p) => p.id === id)!;
