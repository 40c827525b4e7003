import { describe, expect, it } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { createService, memoryReviewCache } from '@/core/background/service';
import type { ReviewState, TrendView } from '@/core/review/types';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';
import { settingsStore } from '@/core/settings-store';
import { addDays } from '@/core/review/dates';
import { day, freshDb, noonOf, obs, report, SYCM_URL, visitorsDay } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';
import { memoryArea } from './support/sync';

const TODAY = '2026-11-27';
const SHOP = '小雨的旗舰店';
const ONE_URL = 'https://one.alimama.com/index.html';

/** An ads back office's day: the account's spend and ad sales, and one plan's (a part, never the account's). */
const adsDay = (account: string, date: string, spend: number, adSales: number) =>
  report(
    [
      obs('adSpend', spend, { currency: 'CNY' }),
      obs('adSales', adSales, { currency: 'CNY' }),
      obs('adSpend', spend / 2, { currency: 'CNY', breakdown: { dimension: '计划', key: '计划A' } }),
    ],
    day(date),
    { site: 'alimama', store: account },
  );

/**
 * Five weeks of 小雨的旗舰店 through the service; the ads accounts' days stored first as an ads adapter would
 * store them. The last closed day (a Thursday): spend ¥900 against ¥600 on past Thursdays, bounce 74%.
 */
async function seeded(account: string, settings: Settings = DEFAULT_SETTINGS) {
  const db = await freshDb(`storepulse-spend-${account}`);
  const store = settingsStore(memoryArea());
  await store.save(settings);
  const service = createService({
    extensionId: EXT,
    openDb: async () => db,
    now: () => noonOf(TODAY),
    reviewCache: memoryReviewCache(),
    loadSettings: async () => (await store.load()).settings,
    settingsStore: store,
  });
  for (let i = 35; i >= 1; i--) {
    const date = addDays(TODAY, -i);
    await ingest(db, adsDay(account, date, i === 1 ? 900 : 600, i === 1 ? 1200 : 1800), { url: ONE_URL, now: noonOf(date) });
  }
  const tab = pageSender(3, SYCM_URL);
  for (let i = 35; i >= 1; i--) {
    const date = addDays(TODAY, -i);
    await service.handle({ type: 'report', payload: visitorsDay(date, 3000) }, tab);
    const quality = report([obs('bounceRate', i === 1 ? 0.74 : 0.55), obs('pagesPerVisit', 3.1)], day(date));
    await service.handle({ type: 'report', payload: quality }, tab);
  }
  const review = async () => (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
  /** Settings saved as the options page or the popup saves them. */
  const save = (s: Settings) => service.handle({ type: 'saveSettings', payload: { settings: s } }, POPUP);
  return { service, review, setSettings: (s: Settings) => store.save(s), save };
}

// Each test stores five weeks through the worker first: seconds, more on a busy machine.
describe('spend in the review, through the service', { timeout: 30_000 }, () => {
  it('counts an account named like the shop for it: spend, ROI, 费比, paid share, and the month columns', async () => {
    const { review } = await seeded(SHOP);
    const state = await review();
    expect(state.shops.map((s) => s.site)).toEqual(['sycm']); // the ads account is not a shop
    expect(state.ads).toEqual([{ site: 'alimama', account: SHOP, shop: { site: 'sycm', store: SHOP, by: 'name' } }]);
    const shop = state.shops[0]!;
    // Sales 3000 × 3 = 9,000 a day.
    expect(shop.day).toMatchObject({ date: '2026-11-26', sales: 9000 });
    expect(shop.day.spend).toEqual({
      date: '2026-11-26',
      spend: 900,
      adSales: 1200,
      roi: 1200 / 900,
      spendRatio: 0.1,
      paidShare: 1200 / 9000,
      baseline: 600,
      change: 0.5,
    });
    const nov = shop.months[0]!;
    // November's 26 closed days: 25 × 600 + 900 spend, 25 × 1800 + 1200 ad sales, 26 × 9000 sales.
    expect(nov.spend).toBe(15_900);
    expect(nov.roi).toBeCloseTo(46_200 / 15_900, 12);
    expect(nov.spendRatio).toBeCloseTo(15_900 / 234_000, 12);
  });

  it('draws spend and ROI beside the sales line on the same dates, ROI over a week as Σ ad sales ÷ Σ spend', async () => {
    const { service } = await seeded(SHOP);
    const view = (await service.handle(
      { type: 'trend', payload: { site: 'sycm', store: SHOP, metric: 'sales', days: 30 } },
      POPUP,
    )) as TrendView;
    expect(view.spend!.spend.map((p) => p.date)).toEqual(view.points.map((p) => p.date));
    expect(view.spend!.spend.at(-1)).toEqual({ date: '2026-11-26', value: 900 });
    expect(view.spend!.roi.at(-1)!.value).toBeCloseTo(1200 / 900, 12);
    // Six days of 1800 ÷ 600 and one of 1200 ÷ 900: (6 × 1800 + 1200) ÷ (6 × 600 + 900), not the mean of the days' ROIs.
    expect(view.spend!.roi7).toBeCloseTo(12_000 / 4500, 12);
    const visitors = (await service.handle(
      { type: 'trend', payload: { site: 'sycm', store: SHOP, metric: 'visitors', days: 30 } },
      POPUP,
    )) as TrendView;
    expect(visitors.spend).toBeUndefined();
  });

  it('raises the critical leaking-page alert with both owners’ fix, naming the source and the page numbers', async () => {
    const { review } = await seeded(SHOP);
    const alert = (await review()).inbox.find((a) => a.fix === 'leakingPage');
    expect(alert).toMatchObject({
      site: 'sycm',
      store: SHOP,
      severity: 'critical',
      metric: 'bounceRate',
      value: 0.74,
      threshold: 0.7,
      review: { spend: { cause: 'leakingPage', spend: 900, baseline: 600, bounceRate: 0.74, pagesPerVisit: 3.1, source: SHOP } },
    });
    // ROI 1.33 is under the Taobao floor of 2 on the last day only (3.0 the day before): it waits for a second day.
    expect((await review()).inbox.some((a) => a.fix === 'roiLow')).toBe(false);
  });

  it('keeps an unlinked account’s spend apart and counts it once the operator links it', async () => {
    const { review, setSettings, service } = await seeded('推广账户-01', {
      ...DEFAULT_SETTINGS,
      reviewAlerts: { roiFloor: false },
    });
    const before = await review();
    expect(before.ads).toEqual([{ site: 'alimama', account: '推广账户-01', shop: null }]);
    expect(before.shops[0]!.day.spend).toBeUndefined();
    expect(before.inbox.some((a) => a.fix === 'leakingPage')).toBe(false);
    await setSettings({
      ...DEFAULT_SETTINGS,
      reviewAlerts: { roiFloor: false },
      adsLinks: [{ site: 'alimama', account: '推广账户-01', shop: `sycm|${SHOP}` }],
    });
    const after = await review();
    expect(after.ads![0]!.shop).toEqual({ site: 'sycm', store: SHOP, by: 'operator' });
    expect(after.shops[0]!.day.spend).toMatchObject({ spend: 900, spendRatio: 0.1 });
    // The next closed-day reading judges the shop with the account's spend.
    await service.handle(
      { type: 'report', payload: report([obs('bounceRate', 0.75)], day('2026-11-26')) },
      pageSender(3, SYCM_URL),
    );
    const judged = await review();
    expect(judged.inbox.find((a) => a.fix === 'leakingPage')).toMatchObject({ severity: 'critical', value: 0.75 });
    expect(judged.inbox.some((a) => a.fix === 'roiLow')).toBe(false);
  });

  it('judges the spend alerts again as soon as a link is made or undone, not at the shop’s next reading', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, reviewAlerts: { roiFloor: false } };
    const { review, save } = await seeded('推广账户-02', settings);
    const leak = async () => (await review()).inbox.find((a) => a.fix === 'leakingPage');
    expect(await leak()).toBeUndefined();
    await save({ ...settings, adsLinks: [{ site: 'alimama', account: '推广账户-02', shop: `sycm|${SHOP}` }] });
    expect(await leak()).toMatchObject({ severity: 'critical', value: 0.74, review: { spend: { spend: 900, baseline: 600 } } });
    // Unlinked: the spend no longer counts for the shop, and its alert is resolved at once.
    await save({ ...settings, adsLinks: [] });
    expect(await leak()).toBeUndefined();
  });
});
