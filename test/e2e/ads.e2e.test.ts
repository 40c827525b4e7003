import { describe, expect, it } from 'vitest';
import { ENGINES, sessionFor, type Session } from './engines';
import { eventually, type StoredReading } from './support';

/**
 * The ads back offices through the real path, in each browser: a 阿里妈妈 report served at its real
 * address is read by the ads content script and stored under the ads account the page names, per plan as
 * parts and never as a shop metric; on Shopee's Seller Centre, where one host serves the shop's pages and
 * Shopee Ads, an in-page move from the shop's dashboard to the ads section ends the shop's reading there
 * and starts the ads' (each script reads only its own pages).
 */

const ALIMAMA = 'https://one.alimama.com/index.html';
const SHOP = 'https://seller.shopee.com.my/datacenter/dashboard';
const ADS = 'https://seller.shopee.com.my/portal/marketing/pas/index';

const stored = (s: Session) => s.readDatabase<StoredReading>('readings');

describe.each(ENGINES)('ads back offices in %s', (engine) => {
  const session = sessionFor(engine, {
    [ALIMAMA]: 'alimama/report.html',
    [SHOP]: 'shopee/dashboard-en.html',
    [ADS]: 'shopee-ads/dashboard-en.html',
  });

  it('reads a 阿里妈妈 report: the account’s spend, ad sales and ROI, each plan as a part, no shop metric', async () => {
    const tab = await session().open(ALIMAMA);
    try {
      const rows = await eventually(async () => {
        const all = (await stored(session())).filter((r) => r.url === ALIMAMA);
        return all.some((r) => r.metric === 'adRoas' && !r.breakdown) && all.filter((r) => r.breakdown).length >= 18 ? all : null;
      }, 'the 阿里妈妈 report stored');
      const account = Object.fromEntries(rows.filter((r) => !r.breakdown).map((r) => [r.metric, [r.value, r.currency ?? null]]));
      expect(account).toMatchObject({
        adSpend: [1286.4, 'CNY'],
        adSales: [4180.8, 'CNY'],
        adRoas: [3.25, null],
        adClicks: [1874, null],
        adConversionRate: [0.0267, null],
      });
      expect(new Set(rows.map((r) => `${r.site}|${r.store}`))).toEqual(new Set(['alimama|鹿野家居旗舰店']));
      expect(rows.every((r) => r.metric.startsWith('ad'))).toBe(true);
      expect(rows.every((r) => r.period.kind === 'day' && r.period.start === '2026-11-25')).toBe(true);
      const plan = rows.filter((r) => r.breakdown?.key === '人群推广-新客' && r.metric === 'adSpend');
      expect(plan.map((r) => [r.value, r.breakdown!.dimension])).toEqual([[418.7, '计划名称']]);
      // The 合计 row repeats the account's spend: it is not stored as a part, and the account's value is the cards'.
      expect(
        rows
          .filter((r) => r.metric === 'adSpend')
          .map((r) => r.value)
          .sort(),
      ).toEqual([1286.4, 225.6, 418.7, 642.1].sort());
    } finally {
      await tab.close();
    }
  });

  it('moves in-page from the shop’s dashboard to Shopee Ads: the shop’s page session stops there, the ads adapter’s reads it', async () => {
    const tab = await session().open(SHOP);
    try {
      await eventually(
        async () => (await stored(session())).some((r) => r.url === SHOP && r.site === 'shopee' && r.metric === 'sales'),
        'the shop’s dashboard read',
      );
      // The Seller Centre is one app: the route changes and the ads section replaces the dashboard.
      await tab.evaluate(async (path) => {
        const html = await (await fetch(path)).text();
        const body = new DOMParser().parseFromString(html, 'text/html').body;
        history.pushState({}, '', path);
        document.body.replaceChildren(...Array.from(body.childNodes).map((n) => document.importNode(n, true)));
      }, new URL(ADS).pathname);
      const ads = await eventually(async () => {
        const all = (await stored(session())).filter((r) => r.url === ADS);
        return all.some((r) => r.metric === 'adRoas' && !r.breakdown) ? all : null;
      }, 'the ads section read');
      // Give a shop session that wrongly kept reading the time to store something.
      await new Promise((r) => setTimeout(r, 2500));
      const underAds = (await stored(session())).filter((r) => r.url === ADS);
      expect(new Set(underAds.map((r) => r.site))).toEqual(new Set(['shopee-ads']));
      expect(underAds.every((r) => r.metric.startsWith('ad'))).toBe(true);
      const gmv = ads.find((r) => r.metric === 'adSales' && !r.breakdown);
      expect([gmv?.value, gmv?.currency]).toEqual([2318.9, 'MYR']);
      expect((await stored(session())).filter((r) => r.url === SHOP && r.site !== 'shopee')).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
