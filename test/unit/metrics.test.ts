import { describe, expect, it } from 'vitest';
import { buildLabelIndex, METRICS, METRIC_IDS, NEVER_LABELS, normalizeLabel } from '@/core/metrics';
import { hintOf, LabelMatcher } from '@/core/reader/labels';

describe('metric catalogue', () => {
  it('has the canonical ids of the operator guide, once each', () => {
    expect([...METRIC_IDS].sort()).toEqual(
      [
        'visitors',
        'visits',
        'pageViews',
        'bounceRate',
        'pagesPerVisit',
        'avgVisitDuration',
        'conversionRate',
        'paidBuyers',
        'orders',
        'unitsOrdered',
        'avgOrderValue',
        'sales',
        'returningVisitors',
        'returningVisitorShare',
        'adSpend',
        'adSales',
        'adRoas',
        'adAcos',
        'adClicks',
        'adImpressions',
        'adCtr',
        'adCpc',
        'adConversionRate',
      ].sort(),
    );
  });

  it("keeps the ads back offices' words out of the shop pages' vocabulary", () => {
    const shop = new LabelMatcher();
    for (const label of ['花费', 'Spend', 'ROAS', '点击率', 'Clicks'])
      expect(shop.match(label)?.metric ?? null, label).toBeNull();
    const ads = new LabelMatcher(METRICS);
    expect(ads.match('花费')?.metric).toBe('adSpend');
    expect(ads.match('投入产出比')?.metric).toBe('adRoas');
  });

  it('gives every metric labels in zh-CN, zh-TW and en', () => {
    for (const m of METRICS) {
      for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) expect(m.labels[lang].length, `${m.id} ${lang}`).toBeGreaterThan(0);
    }
  });

  it('never lets two metrics claim the same label', () => {
    expect(() => buildLabelIndex()).not.toThrow();
    expect(() =>
      buildLabelIndex([
        { id: 'visitors', unit: 'count', better: 'up', labels: { 'zh-CN': ['访客'], 'zh-TW': [], en: [] } },
        { id: 'visits', unit: 'count', better: 'up', labels: { 'zh-CN': ['访客'], 'zh-TW': [], en: [] } },
      ]),
    ).toThrow(/claimed by both/);
  });

  it('marks rates, money and direction as the guide does', () => {
    const byId = Object.fromEntries(METRICS.map((m) => [m.id, m]));
    expect(byId.bounceRate).toMatchObject({ unit: 'rate', better: 'down' });
    expect(byId.pagesPerVisit).toMatchObject({ unit: 'ratio', better: 'up' });
    expect(byId.sales).toMatchObject({ unit: 'money', better: 'up' });
    expect(byId.avgOrderValue).toMatchObject({ unit: 'money' });
    expect(byId.avgVisitDuration).toMatchObject({ unit: 'duration' });
  });
});

describe('label matching', () => {
  const matcher = new LabelMatcher();
  it.each([
    ['跳失率', 'bounceRate'],
    ['跳失率(%)：', 'bounceRate'],
    ['跳失率 ⓘ', 'bounceRate'],
    ['BOUNCE RATE', 'bounceRate'],
    ['Bounce rate', 'bounceRate'],
    ['人均浏览量', 'pagesPerVisit'],
    ['平均訪問深度', 'pagesPerVisit'],
    ['支付转化率', 'conversionRate'],
    ['老访客数', 'returningVisitors'],
    ['访客数', 'visitors'],
    ['全店访客数', 'visitors'],
    ['Total sessions', 'visits'],
    ['↓ Sessions', 'visits'],
    ['Unit Session Percentage', 'conversionRate'],
    ['客單價', 'avgOrderValue'],
    ['支付金额（元）', 'sales'],
    ['ｖｉｓｉｔｏｒｓ', 'visitors'],
  ])('%s → %s', (text, id) => {
    expect(matcher.match(text)?.metric).toBe(id);
  });

  it.each([
    '同行平均跳失率',
    '较前一日',
    '行业访客数',
    'Previous visitors',
    '流量',
    '商品',
    'previews',
    '访客分析与诊断页面的详细说明文字',
    '',
  ])('rejects %s', (text) => {
    expect(matcher.match(text)?.metric ?? null).toBeNull();
  });

  it.each([
    'Gross sales',
    'Net sales',
    'Discounts',
    'Returns',
    'Total order items',
    'Order items',
    'Unique pageviews',
    'Unique Page Views',
    '商品收藏人数',
    '加购人数',
    '收藏人数',
    '目标',
    '目标值',
    'Goal',
    'Target',
    '同行平均访客数',
    '目标销售额',
    'Sales target',
  ])('knows %s as a look-alike: a label that never maps', (text) => {
    const m = matcher.match(text);
    expect(m).not.toBeNull();
    expect(m!.metric).toBeNull();
  });

  it('lets a site decide what its own words mean, over the catalogue and the never-map list', () => {
    const jd = new LabelMatcher(METRICS, { 成交客户数: 'paidBuyers', 成交单量: 'orders', 访客: null });
    expect(jd.match('成交客户数')?.metric).toBe('paidBuyers');
    expect(jd.match('成交单量')?.metric).toBe('orders');
    expect(jd.match('访客')?.metric).toBeNull();
    expect(matcher.match('成交客户数')?.metric ?? null).toBeNull();
  });

  it.each([
    ['跳失率(%)', { percent: true }],
    ['跳失率%', { percent: true }],
    ['平均停留时长(秒)', { seconds: 1 }],
    ['平均停留时长（分钟）', { seconds: 60 }],
    ['Avg. session duration (min)', { seconds: 60 }],
    ['成交金额(元)', { currency: 'CNY' }],
    ['成交金额(万元)', { scale: 1e4, currency: 'CNY' }],
    ['访客数(万)', { scale: 1e4 }],
    ['访客数(万人)', { scale: 1e4 }],
    ['Sales (USD)', { currency: 'USD' }],
    ['Revenue ($)', { currency: '$' }],
    ['Orders (K)', { scale: 1e3 }],
  ])('reads the unit of %s', (text, hint) => {
    expect(hintOf(text)).toEqual(hint);
  });

  it.each(['访客数(PC)', '访客数(APP)', '成交金额(近7天)', 'Sales (app)', '访客数'])('sees no unit in %s', (text) => {
    expect(hintOf(text)).toBeUndefined();
  });

  it('keeps the never-map list sorted and apart from the catalogue', () => {
    expect([...NEVER_LABELS]).toEqual([...NEVER_LABELS].sort());
    const catalogue = new Set(METRICS.flatMap((m) => Object.values(m.labels).flat()).map((l) => normalizeLabel(l)));
    for (const label of NEVER_LABELS) expect(catalogue.has(normalizeLabel(label)), label).toBe(false);
  });

  it('folds labels consistently', () => {
    expect(normalizeLabel(' 跳失率（%）： ')).toBe('跳失率');
    expect(normalizeLabel('Pages / Session', true)).toBe('pages / session');
  });
});
