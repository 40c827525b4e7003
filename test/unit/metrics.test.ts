import { describe, expect, it } from 'vitest';
import { buildLabelIndex, METRICS, METRIC_IDS, normalizeLabel } from '@/core/metrics';
import { LabelMatcher } from '@/core/reader/labels';

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
      ].sort(),
    );
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
    expect(matcher.match(text)).toBeNull();
  });

  it('folds labels consistently', () => {
    expect(normalizeLabel(' 跳失率（%）： ')).toBe('跳失率');
    expect(normalizeLabel('Pages / Session', true)).toBe('pages / session');
  });
});
