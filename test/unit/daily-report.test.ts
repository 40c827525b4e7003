import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '@/core/i18n';
import { dailyReport } from '@/core/report';
import { decompose } from '@/core/review/decompose';
import type { ReviewState, ShopOverview } from '@/core/review/types';
import { POPUP_SCREEN } from '@/core/strings/popup';

/**
 * One shop that missed yesterday's target because visitors fell (手淘搜索 most) and conversion slipped,
 * with a bounce alert whose worst source is 直通车 and the review's visitors alert over two days.
 */
function review(): ReviewState {
  const d = decompose(
    { visitors: 763, conversionRate: 0.019, avgOrderValue: 100 },
    { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
  )!;
  const fallingSource = { key: '手淘搜索', current: 263, baseline: 500, change: 263 / 500 - 1 };
  const shop: ShopOverview = {
    site: 'sycm',
    store: '小雨的旗舰店',
    currency: 'CNY',
    day: {
      site: 'sycm',
      store: '小雨的旗舰店',
      currency: 'CNY',
      date: '2026-11-26',
      sales: 1449.7,
      target: 2000,
      completion: 1449.7 / 2000,
      status: 'missed',
      baseline: 2000,
      baselineWeeks: 4,
      change: 1449.7 / 2000 - 1,
      sustained: true,
      decomposition: { ...d, fallingSource },
      month: {
        month: '2026-11',
        target: 60_000,
        actual: 40_000,
        planToDate: 50_000,
        pace: -0.2,
        completion: 40_000 / 60_000,
        daysWithData: 25,
        daysElapsed: 26,
      },
    },
    quality: [],
    months: [],
    metrics: [],
    target: null,
  };
  const base = {
    site: 'sycm',
    store: '小雨的旗舰店',
    severity: 'warn' as const,
    direction: 'below' as const,
    status: 'open' as const,
    firstSeen: 0,
    lastSeen: 0,
    source: { reader: 'adapter' as const, locator: '', label: '', raw: '' },
    history: [],
  };
  return {
    today: '2026-11-27',
    shops: [shop],
    inbox: [
      {
        ...base,
        id: 'bounce',
        metric: 'bounceRate',
        severity: 'critical',
        direction: 'above',
        value: 0.7231,
        threshold: 0.7,
        fix: 'bounceHigh',
        period: { kind: 'day', start: '2026-11-26', end: '2026-11-26' },
        part: {
          metric: 'bounceRate',
          kind: 'source',
          breakdown: { dimension: '流量来源', key: '直通车' },
          value: 0.814,
          shop: 0.7231,
        },
      },
      {
        ...base,
        id: 'visitors',
        metric: 'visitors',
        value: 763,
        threshold: 1000,
        fix: 'visitorsFell',
        period: { kind: 'range', start: '2026-11-25', end: '2026-11-26' },
        review: { range: { start: '2026-11-25', end: '2026-11-26' }, change: -0.237, fellSource: fallingSource },
      },
      // Another shop's alert and an acknowledged one are not in this shop's report.
      {
        ...base,
        id: 'other',
        store: 'Maple Goods',
        metric: 'bounceRate',
        value: 0.8,
        threshold: 0.7,
        fix: 'bounceHigh',
        period: { kind: 'day', start: '2026-11-26', end: '2026-11-26' },
      },
      {
        ...base,
        id: 'ack',
        status: 'acknowledged',
        metric: 'pagesPerVisit',
        value: 2,
        threshold: 2.5,
        fix: 'depthLow',
        period: { kind: 'day', start: '2026-11-26', end: '2026-11-26' },
      },
    ],
  };
}

const EXPECTED: Record<Locale, string> = {
  'zh-CN': `店脉日报 · 2026-11-27

【小雨的旗舰店 · 生意参谋】
昨日（2026-11-26）支付金额 ¥1,449.70，日目标 ¥2,000.00，完成 72.4%，未达标
本月（2026-11）累计 ¥40,000.00，目标 ¥60,000.00，完成 66.6%，落后计划 20.0%
较近4周同日中位数：访客数少了 23.7%，少卖约 ¥463；转化率少了 0.10个百分点，少卖约 ¥88
主因：访客数 · 手淘搜索 -47.4%
待处理预警（2）：
- 跳失率 72.31%（预警线 70.00%） · 直通车跳失率 81.40%（全店 72.31%）→ 先改直通车落地页
- 访客数较近4周同日中位数 -23.7%，已连续 2 天（2026-11-25 至 2026-11-26） · 下滑最多：手淘搜索，访客 263，近4周同日中位数 500（-47.4%）
今日分工：
运营：
  - 核对那几天是否有活动或资源位到期。
推广：
  - 找回下滑来源的关键词或预算，核对访客成本。
  - 该来源的页面达标前，不给它加预算。
美工：
  - 重做跳失最高的落地页首屏：主图、价格和优惠一眼看清。`,
  'zh-TW': `店脈日報 · 2026-11-27

【小雨的旗舰店 · 生意參謀】
昨日（2026-11-26）銷售額 ¥1,449.70，日目標 ¥2,000.00，完成 72.4%，未達標
本月（2026-11）累計 ¥40,000.00，目標 ¥60,000.00，完成 66.6%，落後計畫 20.0%
較近4週同日中位數：訪客數少了 23.7%，少賣約 ¥463；轉換率少了 0.10個百分點，少賣約 ¥88
主因：訪客數 · 手淘搜索 -47.4%
待處理預警（2）：
- 跳失率 72.31%（預警線 70.00%） · 直通车跳失率 81.40%（全店 72.31%）→ 先改直通车到達頁
- 訪客數較近4週同日中位數 -23.7%，已連續 2 天（2026-11-25 至 2026-11-26） · 下滑最多：手淘搜索，訪客 263，近4週同日中位數 500（-47.4%）
今日分工：
營運：
  - 核對那幾天是否有活動或版位到期。
推廣：
  - 找回下滑來源的關鍵字或預算，核對訪客成本。
  - 該來源的頁面達標前，不給它加預算。
美工：
  - 重做跳失最高的到達頁首屏：主圖、價格和優惠一眼看清。`,
  en: `StorePulse daily report · 2026-11-27

[小雨的旗舰店 · 生意参谋]
Yesterday (2026-11-26): sales ¥1,449.70, daily target ¥2,000.00, 72.4% · target missed
Month 2026-11: ¥40,000.00 of ¥60,000.00 (66.6%) · 20.0% behind plan
Against the median of the same weekday over the last 4 weeks: Visitors down 23.7%: about ¥463 less in sales; Conversion rate down 0.10 pp: about ¥88 less in sales
Main cause: Visitors · 手淘搜索 -47.4%
Open alerts (2):
- Bounce rate 72.31% (alert line 70.00%) · 直通车 bounce rate 81.40% (shop 72.31%) → fix the 直通车 landing page first
- Visitors -23.7% against the median of the same weekday over the last 4 weeks, 2 days in a row (2026-11-25 – 2026-11-26) · Fell most: 手淘搜索, 263 visitors against 500 (-47.4%)
Today's tasks:
Operations:
  - Check whether a campaign or placement ended on those days.
Promotion:
  - Restore the keywords or budget of the source that fell; check the cost per visitor.
  - Hold extra budget on the source that bounces most until its page passes.
Design:
  - Rework the first screen of the worst landing page: main image, price and offer clear at a glance.`,
};

describe('the daily report', () => {
  it.each(['zh-CN', 'zh-TW', 'en'] as const)('reads in %s as written by hand', (locale) => {
    expect(dailyReport(review(), translator(locale, POPUP_SCREEN), locale)).toBe(EXPECTED[locale]);
  });

  it('carries the day’s spend, ROI, 费比 and paid share when a linked ads account was read, in each language', () => {
    const r = review();
    r.shops[0]!.day.spend = {
      date: '2026-11-26',
      spend: 174,
      adSales: 290,
      roi: 290 / 174,
      spendRatio: 174 / 1449.7,
      paidShare: 290 / 1449.7,
      baseline: 150,
      change: 174 / 150 - 1,
    };
    const line = (locale: Locale) =>
      dailyReport(r, translator(locale, POPUP_SCREEN), locale)
        .split('\n')
        .find((l) => /174/.test(l));
    expect(line('zh-CN')).toBe('推广：花费 ¥174.00 · 投产比 1.67 · 费比 12.0% · 付费占比 20.0%');
    expect(line('zh-TW')).toBe('推廣：花費 ¥174.00 · 投產比 1.67 · 費比 12.0% · 付費占比 20.0%');
    expect(line('en')).toBe('Promotion: spend ¥174.00 · ROI 1.67 · expense ratio 12.0% · paid share 20.0%');
    // After the day's causes, before the alerts.
    const lines = dailyReport(r, translator('zh-CN', POPUP_SCREEN), 'zh-CN').split('\n');
    expect(lines.indexOf(line('zh-CN')!)).toBe(lines.findIndex((l) => l.startsWith('主因')) + 1);
  });

  it('opens with one line per shop when it covers several, in each language, before the shops’ own parts', () => {
    const r = review();
    const first = r.shops[0]!;
    const maple = {
      ...first,
      site: 'shopify',
      store: 'Maple Goods',
      currency: 'USD',
      day: { ...first.day, status: 'met' as const, sales: 2927.28, target: 2595.87, completion: 2927.28 / 2595.87, month: null },
    };
    const dark = { ...first, store: '新开的小店', day: { ...first.day, status: 'noData' as const, sales: null, month: null } };
    const free = {
      ...first,
      store: '没设目标的店',
      day: { ...first.day, status: 'noTarget' as const, target: null, completion: null },
    };
    r.shops = [first, maple, dark, free];
    const head = (locale: Locale) => dailyReport(r, translator(locale, POPUP_SCREEN), locale).split('\n').slice(0, 8);
    expect(head('zh-CN')).toEqual([
      '店脉日报 · 2026-11-27',
      '',
      '总览（4 家店）：',
      '- 小雨的旗舰店 · 生意参谋：昨日 72.4% 未达标 · 本月 66.6% · 待处理 2',
      '- Maple Goods · Shopify：昨日 112.7% 达标 · 无待处理',
      '- 新开的小店 · 生意参谋：未读到已结束日期 · 无待处理',
      '- 没设目标的店 · 生意参谋：昨日 ¥1,449.70，未设目标 · 本月 66.6% · 无待处理',
      '',
    ]);
    expect(head('zh-TW').slice(2, 5)).toEqual([
      '總覽（4 家店）：',
      '- 小雨的旗舰店 · 生意參謀：昨日 72.4% 未達標 · 本月 66.6% · 待處理 2',
      '- Maple Goods · Shopify：昨日 112.7% 達標 · 無待處理',
    ]);
    expect(head('en').slice(2, 7)).toEqual([
      'Overview (4 shops):',
      '- 小雨的旗舰店 · 生意参谋: yesterday 72.4% target missed · month 66.6% · 2 open alerts',
      '- Maple Goods · Shopify: yesterday 112.7% target met · no open alerts',
      '- 新开的小店 · 生意参谋: no closed day read · no open alerts',
      '- 没设目标的店 · 生意参谋: yesterday ¥1,449.70, no target · month 66.6% · no open alerts',
    ]);
    // Then each shop's own part, as for one shop.
    expect(dailyReport(r, translator('zh-CN', POPUP_SCREEN), 'zh-CN').split('\n')[8]).toBe('【小雨的旗舰店 · 生意参谋】');
  });

  it('says what to open for a shop with no closed day, and that it has no open alerts', () => {
    const r = review();
    r.shops[0]!.day = {
      ...r.shops[0]!.day,
      status: 'noData',
      sales: null,
      target: null,
      completion: null,
      decomposition: null,
      month: null,
    };
    r.inbox = [];
    const text = dailyReport(r, translator('zh-CN', POPUP_SCREEN), 'zh-CN');
    expect(text.split('\n').slice(2)).toEqual([
      '【小雨的旗舰店 · 生意参谋】',
      '还没有读到已结束日期的数据：请打开显示昨日数据的后台首页。',
      '待处理预警：无',
    ]);
  });
});
