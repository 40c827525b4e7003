import { describe, expect, it } from 'vitest';
import {
  accountsOfShop,
  matchShop,
  normaliseName,
  promptedAccounts,
  putOff,
  repairAdsLinks,
  repairPromptLater,
  repairRoiFloors,
  setLink,
  shopOfAccount,
} from '@/core/ads-links';
import { monthRows } from '@/core/review/monthly';
import { isPaidSource, monthSpend, paidSourceUp, roiOver, shopSpend, sourceMix, spendDay } from '@/core/review/spend';
import { spendVerdicts, type SpendAlertInput } from '@/core/review/spend-alerts';
import type { DailyPoint } from '@/core/review/types';
import { PROFILE_IDS } from '@/core/rules';
import { repairSettings } from '@/core/settings';

const pts = (rows: Array<[string, number]>): DailyPoint[] => rows.map(([date, value]) => ({ date, value }));
const SHOPS = [
  { site: 'sycm', store: '小雨的旗舰店' },
  { site: 'jd', store: '小雨的旗舰店' },
  { site: 'sycm', store: 'Blue Store' },
  { site: 'shopify', store: 'blue-store' },
];

describe('an ads account and its shop', () => {
  it('matches a shop of the same platform family by its normalised name, and only one', () => {
    expect(normaliseName(' 小雨的 旗舰店 ')).toBe('小雨的旗舰店');
    expect(normaliseName('ＢＬＵＥ-Store')).toBe('bluestore');
    expect(matchShop('alimama', '小雨的旗舰店 ', SHOPS)).toEqual({ site: 'sycm', store: '小雨的旗舰店' });
    expect(matchShop('jzt', '小雨的旗舰店', SHOPS)).toEqual({ site: 'jd', store: '小雨的旗舰店' });
    // Not across families: a 千川 account named like a 淘宝 shop is not that shop's.
    expect(matchShop('qianchuan', '小雨的旗舰店', SHOPS)).toBeNull();
    // Google Ads may spend for any shop, but two shops carry the name: no guess.
    expect(matchShop('google-ads', 'blue store', SHOPS)).toBeNull();
    expect(matchShop('google-ads', '小雨的旗舰店', [SHOPS[0]!])).toEqual(SHOPS[0]);
    expect(matchShop('alimama', '***', SHOPS)).toBeNull();
  });

  it('lets the operator’s link win over the name, and counts an unlinked account for no shop', () => {
    const links = setLink([], 'alimama', '小雨的旗舰店', 'sycm|Blue Store');
    expect(shopOfAccount('alimama', '小雨的旗舰店', links, SHOPS)).toEqual({ site: 'sycm', store: 'Blue Store', by: 'operator' });
    expect(shopOfAccount('alimama', '推广账户A', links, SHOPS)).toBeNull();
    const accounts = [
      { site: 'alimama', store: '小雨的旗舰店' },
      { site: 'alimama', store: '推广账户A' },
      { site: 'sycm', store: 'Blue Store' },
    ];
    expect(accountsOfShop({ site: 'sycm', store: 'Blue Store' }, accounts, links, SHOPS)).toEqual([accounts[0]]);
    const relinked = setLink(links, 'alimama', '推广账户A', 'sycm|Blue Store');
    expect(accountsOfShop({ site: 'sycm', store: 'Blue Store' }, accounts, relinked, SHOPS)).toHaveLength(2);
    // Unlinking gives the account back to its name's shop.
    const unlinked = setLink(relinked, 'alimama', '小雨的旗舰店', null);
    expect(shopOfAccount('alimama', '小雨的旗舰店', unlinked, SHOPS)).toMatchObject({ store: '小雨的旗舰店', by: 'name' });
  });

  it('repairs stored links one by one, with a note for each one dropped', () => {
    const notes: string[] = [];
    const kept = repairAdsLinks(
      [
        { site: 'alimama', account: 'A', shop: 'sycm|小雨的旗舰店' },
        { site: 'taobao-ads', account: 'B', shop: 'sycm|x' },
        { site: 'jzt', account: '', shop: 'jd|x' },
        { site: 'jzt', account: 'C', shop: 'no shop key' },
        { site: 'jzt', account: 'D', shop: 'alimama|A' },
        { site: 'alimama', account: 'A', shop: 'sycm|other' },
        'x',
      ],
      notes,
    );
    expect(kept).toEqual([{ site: 'alimama', account: 'A', shop: 'sycm|小雨的旗舰店' }]);
    expect(notes).toHaveLength(6);
    expect(notes[0]).toContain('"taobao-ads" is not an ads back office');
    expect(repairAdsLinks('nope', [])).toEqual([]);
    const floorNotes: string[] = [];
    expect(repairRoiFloors({ taobao: 2.5, amazon: -1, ebay: 3 }, PROFILE_IDS, floorNotes)).toEqual({ taobao: 2.5 });
    expect(floorNotes).toHaveLength(2);
  });

  it('keeps links and floors through the settings repair, dropping only what is bad', () => {
    const { settings, notes } = repairSettings({
      version: 2,
      language: 'en',
      rules: {},
      shops: {},
      customRules: [],
      quietHours: { enabled: false, from: '22:00', to: '08:00' },
      adsLinks: [{ site: 'jzt', account: '京准通-小雨', shop: 'jd|小雨的旗舰店' }, { site: 'jzt' }],
      roiFloors: { taobao: 3 },
      reviewAlerts: { leakingPage: false, roiFloor: 'yes' },
    });
    expect(settings.adsLinks).toEqual([{ site: 'jzt', account: '京准通-小雨', shop: 'jd|小雨的旗舰店' }]);
    expect(settings.roiFloors).toEqual({ taobao: 3 });
    expect(settings.reviewAlerts).toEqual({ leakingPage: false });
    expect(notes).toEqual(['reviewAlerts.roiFloor: not true or false; on', 'adsLinks[1]: no account name; dropped']);
  });
});

describe('the link prompt put off (“not now”)', () => {
  const A = { site: 'alimama' as const, account: '推广账户-01' };
  const B = { site: 'jzt' as const, account: '京准通-小雨' };
  const C = { site: 'alimama' as const, account: '推广账户-02' };

  it('hides each account put off; an account read since is asked about on its own', () => {
    expect(promptedAccounts([A, B], undefined)).toEqual([A, B]);
    const later = putOff(undefined, A);
    expect(later).toEqual({ accounts: [A] });
    expect(promptedAccounts([A, B], later)).toEqual([B]);
    const both = putOff(later, B);
    expect(promptedAccounts([A, B], both)).toEqual([]);
    // Put off twice: listed once.
    expect(putOff(both, A)).toEqual({ accounts: [B, A] });
    // A new account read: the prompt asks about it alone; those put off stay put off.
    expect(promptedAccounts([A, B, C], both)).toEqual([C]);
    expect(promptedAccounts([A, B, C], putOff(both, C))).toEqual([]);
    // Accounts linked since are no longer among the unlinked: only C is left to ask about.
    expect(promptedAccounts([C], both)).toEqual([C]);
  });

  it('keeps at most 200 accounts put off, the oldest dropped first', () => {
    let later: ReturnType<typeof putOff> | undefined;
    for (let i = 0; i < 205; i++) later = putOff(later, { site: 'alimama', account: `账户-${i}` });
    expect(later!.accounts).toHaveLength(200);
    expect(later!.accounts[0]).toEqual({ site: 'alimama', account: '账户-5' });
    expect(later!.accounts.at(-1)).toEqual({ site: 'alimama', account: '账户-204' });
  });

  it('repairs the stored “not now” account by account, and keeps it through the settings repair', () => {
    const notes: string[] = [];
    const kept = repairPromptLater(
      { accounts: [A, { site: 'taobao-ads', account: 'x' }, A, { site: 'jzt', account: '' }], known: [A, B] },
      notes,
    );
    // Earlier versions' list of the accounts known then is not kept, and is no problem.
    expect(kept).toEqual({ accounts: [A] });
    expect(notes).toEqual([
      'adsPromptLater.accounts[1]: not an ads account; dropped',
      'adsPromptLater.accounts[2]: listed twice; dropped',
      'adsPromptLater.accounts[3]: not an ads account; dropped',
    ]);
    const none: string[] = [];
    expect(repairPromptLater({ accounts: 'all' }, none)).toEqual({ accounts: [] });
    expect(none).toEqual(['adsPromptLater.accounts: not a list; none kept']);
    const bad: string[] = [];
    expect(repairPromptLater('later', bad)).toBeUndefined();
    expect(bad).toEqual(['adsPromptLater: not an object; the link prompt shows again']);
    const stored = { ...repairSettings(undefined).settings, adsPromptLater: { accounts: [A, B] } };
    expect(repairSettings(stored)).toEqual({ settings: stored, notes: [] });
    expect(repairSettings({ ...stored, adsPromptLater: 3 }).settings.adsPromptLater).toBeUndefined();
  });
});

describe('spend against the shop’s sales', () => {
  const a = {
    site: 'alimama',
    account: 'A',
    currency: 'CNY',
    spend: pts([
      ['2026-11-24', 100],
      ['2026-11-25', 200],
    ]),
    adSales: pts([
      ['2026-11-24', 400],
      ['2026-11-25', 500],
    ]),
  };
  const b = { site: 'alimama', account: 'B', spend: pts([['2026-11-25', 50]]), adSales: [] };

  it('adds accounts up only on days every account was read, and leaves another currency out', () => {
    const shop = shopSpend([a, b], 'CNY');
    expect(shop.spend).toEqual(pts([['2026-11-25', 250]]));
    // Ad sales: only account A printed them.
    expect(shop.adSales).toEqual(a.adSales);
    expect(shopSpend([a, { ...b, currency: 'USD' }], 'CNY').spend).toEqual(a.spend);
  });

  it('gives ROI, 费比 and paid share of a day, and nothing for a day without spend', () => {
    const shop = shopSpend([a]);
    const sales = pts([['2026-11-25', 4000]]);
    expect(spendDay(shop, sales, '2026-11-25')).toEqual({
      date: '2026-11-25',
      spend: 200,
      adSales: 500,
      roi: 2.5,
      spendRatio: 0.05,
      paidShare: 0.125,
      baseline: null,
      change: null,
    });
    expect(spendDay(shop, sales, '2026-11-24')).toMatchObject({ roi: 4, spendRatio: null, paidShare: null });
    expect(spendDay(shop, sales, '2026-11-23')).toBeNull();
  });

  it('takes ROI over days as Σ ad sales ÷ Σ spend, not the mean of daily ROIs', () => {
    const shop = shopSpend([a]);
    // Days: 400/100 = 4 and 500/200 = 2.5; their mean would be 3.25.
    expect(roiOver(shop, '2026-11-24', '2026-11-26')).toBe(3);
    const m = monthSpend(
      '2026-11',
      shop,
      pts([
        ['2026-11-24', 1000],
        ['2026-11-25', 4000],
      ]),
      '2026-11-27',
    );
    expect(m).toEqual({ month: '2026-11', spend: 300, spendRatio: 300 / 5000, roi: 3 });
  });

  it('adds spend, 费比, ROI and the ceiling to the month rows', () => {
    const shop = shopSpend([a]);
    const sales = pts([
      ['2026-11-24', 1000],
      ['2026-11-25', 4000],
    ]);
    const targets = [
      { site: 'sycm', store: 'x', month: '2026-11', amount: 100_000, split: 'even' as const, spendRatioCeiling: 0.05 },
    ];
    const [nov, oct] = monthRows(sales, targets, '2026-11-27', 2, shop);
    expect(nov).toMatchObject({ spend: 300, spendRatio: 0.06, roi: 3, spendRatioCeiling: 0.05 });
    expect(oct).toMatchObject({ spend: null, spendRatio: null, roi: null, spendRatioCeiling: null });
    expect(monthRows(sales, targets, '2026-11-27', 1)[0]).not.toHaveProperty('spend');
  });
});

describe('paid and free sources', () => {
  it('tells paid sources from free ones by their names', () => {
    for (const k of ['直通车', '万相台', '付费流量', 'Paid Search', 'CPC', '京东快车']) expect(isPaidSource(k), k).toBe(true);
    for (const k of ['手淘搜索', '手淘推荐', 'Organic Search', 'Direct', 'Referral']) expect(isPaidSource(k), k).toBe(false);
  });

  it('says which side moved against the same weekday, and names the paid source that grew', () => {
    const weeks = ['2026-10-29', '2026-11-05', '2026-11-12', '2026-11-19', '2026-11-26'];
    const sources = {
      手淘搜索: pts(weeks.map((d, i) => [d, i === 4 ? 1900 : 2000])),
      直通车: pts(weeks.map((d, i) => [d, i === 4 ? 1800 : 1000])),
      万相台: pts(weeks.map((d, i) => [d, i === 4 ? 450 : 500])),
    };
    const mix = sourceMix(sources, '2026-11-26')!;
    expect(mix.paid).toEqual({ current: 2250, baseline: 1500, change: 0.5 });
    expect(mix.free).toMatchObject({ current: 1900, baseline: 2000 });
    expect(mix.free!.change).toBeCloseTo(-0.05, 12);
    expect(mix.moved).toBe('paid');
    expect(paidSourceUp(sources, '2026-11-26')).toBe('直通车');
    expect(sourceMix({}, '2026-11-26')).toBeNull();
  });
});

describe('the spend alerts', () => {
  const day = {
    date: '2026-11-26',
    spend: 900,
    adSales: 1200,
    roi: 4 / 3,
    spendRatio: 0.18,
    paidShare: 0.24,
    baseline: 600,
    change: 0.5,
  };
  // The day before was as dear: the warnings held on the two closed days they need.
  const dayBefore = { ...day, date: '2026-11-25', spendRatio: 0.17, roi: 1.5 };
  const base: SpendAlertInput = {
    day,
    earlier: [dayBefore],
    bounceRate: pts([['2026-11-26', 0.74]]),
    pagesPerVisit: pts([['2026-11-26', 2.8]]),
    lines: { bounceCritical: 0.7, depthCritical: 2.5 },
    adsSource: '小雨的旗舰店',
    sales: pts([['2026-11-26', 5000]]),
    targets: [{ site: 'sycm', store: 'x', month: '2026-11', amount: 1, split: 'even', spendRatioCeiling: 0.15 }],
    roiFloor: 2,
    choices: { leakingPage: true, spendRatio: true, roiFloor: true, days: 2 },
  };

  it('fires the leaking-page alert (critical, design and promotion) when bounce is past the line and spend is up', () => {
    const [leak, ratio, roi] = spendVerdicts(base);
    expect(leak).toMatchObject({
      cause: 'leakingPage',
      state: 'fired',
      severity: 'critical',
      metric: 'bounceRate',
      direction: 'above',
      value: 0.74,
      threshold: 0.7,
      fix: 'leakingPage',
      detail: { spend: 900, baseline: 600, bounceRate: 0.74, pagesPerVisit: 2.8, source: '小雨的旗舰店' },
    });
    expect(ratio).toMatchObject({ cause: 'spendRatio', state: 'fired', metric: 'adSpend', value: 900, threshold: 750 });
    expect(roi).toMatchObject({ cause: 'roiFloor', state: 'fired', metric: 'adRoas', threshold: 2 });
  });

  it('judges depth when bounce passes, resolves when the page passes or spend is not up, and waits without a baseline', () => {
    const depth = spendVerdicts({
      ...base,
      bounceRate: pts([['2026-11-26', 0.5]]),
      pagesPerVisit: pts([['2026-11-26', 2.1]]),
    })[0];
    expect(depth).toMatchObject({ state: 'fired', metric: 'pagesPerVisit', direction: 'below', value: 2.1, threshold: 2.5 });
    const passing = spendVerdicts({ ...base, bounceRate: pts([['2026-11-26', 0.55]]) })[0];
    expect(passing?.state).toBe('fine');
    expect(spendVerdicts({ ...base, day: { ...day, spend: 500 } })[0]?.state).toBe('fine');
    expect(spendVerdicts({ ...base, day: { ...day, baseline: null, change: null } })[0]?.state).toBe('unknown');
    expect(spendVerdicts({ ...base, bounceRate: [], pagesPerVisit: [] }).map((v) => v.cause)).toEqual(['spendRatio', 'roiFloor']);
  });

  it('says nothing of 费比 without a ceiling, and nothing of what is switched off', () => {
    const noCeiling = spendVerdicts({ ...base, targets: [] }).map((v) => v.cause);
    expect(noCeiling).toEqual(['leakingPage', 'roiFloor']);
    expect(spendVerdicts({ ...base, choices: { leakingPage: false, spendRatio: false, roiFloor: false, days: 2 } })).toEqual([]);
    expect(spendVerdicts({ ...base, day: { ...day, roi: 2.5 } })[2]?.state).toBe('fine');
  });

  it('holds 费比 and ROI two closed days before they fire, but fires the leaking page on its first day', () => {
    const judged = (earlier: SpendAlertInput['earlier']) =>
      Object.fromEntries(spendVerdicts({ ...base, earlier }).map((v) => [v.cause, [v.state, v.range.start]]));
    // One dear day after a good one: the warnings wait (an open one stays), the leaking page does not.
    const good = { ...dayBefore, spendRatio: 0.12, roi: 2.4 };
    expect(judged([good])).toEqual({
      leakingPage: ['fired', '2026-11-26'],
      spendRatio: ['unknown', '2026-11-25'],
      roiFloor: ['unknown', '2026-11-25'],
    });
    // The day before not read: not held either.
    expect(judged([])).toMatchObject({ spendRatio: ['unknown', '2026-11-25'], roiFloor: ['unknown', '2026-11-25'] });
    // Both days past the line: fired, over the two days.
    expect(judged([dayBefore])).toEqual({
      leakingPage: ['fired', '2026-11-26'],
      spendRatio: ['fired', '2026-11-25'],
      roiFloor: ['fired', '2026-11-25'],
    });
    // A good judged day resolves whatever came before; a hold of one day fires on the day.
    expect(spendVerdicts({ ...base, day: { ...day, roi: 2.5, spendRatio: 0.1 } }).map((v) => v.state)).toEqual([
      'fired',
      'fine',
      'fine',
    ]);
    const oneDay = spendVerdicts({ ...base, earlier: [], choices: { ...base.choices, days: 1 } });
    expect(oneDay.map((v) => v.state)).toEqual(['fired', 'fired', 'fired']);
  });
});
