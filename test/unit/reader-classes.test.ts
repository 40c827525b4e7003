import { describe, expect, it } from 'vitest';
import { detectPeriod } from '@/core/reader/period';
import { recognise } from '@/core/reader/recognise';
import { siteFor } from '@/core/sites';

/**
 * The reader on the layout classes that pages written by others showed it: look-alike labels next to
 * real ones, units in the label, numbers in sentences, tables of days. Each test is a class of layout,
 * not one page.
 */

function read(html: string, currency?: string) {
  document.body.innerHTML = html;
  const found = recognise(document, currency ? { defaultCurrency: currency } : {});
  return Object.fromEntries(
    found
      .filter((f) => !f.observed.breakdown && !f.observed.period)
      .map((f) => [f.observed.metric, f.observed.currency ? [f.observed.value, f.observed.currency] : f.observed.value]),
  );
}

describe('look-alikes never map (precision first)', () => {
  it('reads Total sales, never Gross sales, Net sales, Discounts or Returns, in a flat breakdown list', () => {
    const values = read(`
      <div><span>Gross sales</span><b>$12,400.00</b><span>Discounts</span><b>$400.00</b><span>Returns</span><b>$0.00</b>
      <span>Net sales</span><b>$12,000.00</b><span>Total sales</span><b>$12,960.00</b></div>`);
    expect(values).toEqual({ sales: [12960, 'USD'] });
  });

  it('reads no sales at all where only Gross sales is printed', () => {
    expect(read('<div class="card"><div>Gross sales</div><div>$12,400.00</div></div>')).toEqual({});
  });

  it('never takes order items for orders', () => {
    expect(read('<div class="card"><div>Total Order Items</div><div>1,204</div></div>')).toEqual({});
    expect(read('<div><span>Total Order Items</span><b>1,204</b><span>Units Ordered</span><b>1,390</b></div>')).toEqual({
      unitsOrdered: 1390,
    });
  });

  it('never takes unique pageviews, add-to-cart or favourite counts, targets or peer numbers', () => {
    expect(read('<div class="card"><div>Unique pageviews</div><div>8,120</div></div>')).toEqual({});
    expect(
      read(`
      <div><span>访客数</span><b>3,120</b><span>加购人数</span><b>412</b><span>收藏人数</span><b>230</b></div>
      <div class="card"><div>目标值</div><div>5,000</div></div>
      <div class="card"><div>Sales target</div><div>$9,000</div></div>
      <div><span>同行平均访客数</span><b>2,800</b></div>`),
    ).toEqual({ visitors: 3120 });
  });

  it('keeps a target beside the number from being read as the number', () => {
    const values = read('<div class="card"><div>Sales</div><div><span>Target</span><b>$9,000</b></div></div>');
    expect(values).toEqual({});
  });
});

describe('a placeholder is no number, and lends its label none', () => {
  it('reads nothing for a card showing --, —, N/A or 暂无, not the next card’s number', () => {
    for (const blank of ['--', '—', '-', 'N/A', '暂无'])
      expect(
        read(`<section><div class="c"><div class="l">支付买家数</div><div class="v">${blank}</div></div>
        <div class="c"><div class="l">访客数</div><div class="v">1,234</div></div></section>`),
        blank,
      ).toEqual({ visitors: 1234 });
    expect(read('<div><span>Orders</span><b>—</b><span>Sessions</span><b>4,410</b></div>')).toEqual({ visits: 4410 });
  });
});

describe('a grid of a label row and a value row', () => {
  it('pairs the i-th label with the i-th value, look-alikes keeping their own', () => {
    expect(
      read(`<div class="grid"><div>Sessions</div><div>Total sales</div><div>Net sales</div><div>Orders</div>
        <div>40,398</div><div>$229,574.98</div><div>$201,002.10</div><div>587</div></div>`),
    ).toEqual({ visits: 40398, sales: [229574.98, 'USD'], orders: 587 });
    expect(read('<div class="grid"><b>3,120</b><b>65.00%</b><span>访客数</span><span>跳失率</span></div>')).toEqual({
      visitors: 3120,
      bounceRate: 0.65,
    });
  });

  it('pairs by the grid’s own cells when a label the vocabulary does not know or a placeholder sits in the row', () => {
    // Half the cells hold labels and no number, the other half one number or a placeholder each.
    expect(
      read(
        `<div class="grid"><div>支付买家数</div><div>浏览量</div><div>支付商品数</div><div>加购人数</div><div>平均访问深度</div><div>支付金额</div>
        <div>-</div><div><span>108,417</span></div><div>1<span>.08万</span></div><div>11,301人</div><div>4<b>.15</b></div>
        <div><sup>¥</sup><i>30</i><span>.65</span><sup>万</sup></div></div>`,
        'CNY',
      ),
    ).toEqual({ pageViews: 108417, pagesPerVisit: 4.15, sales: [306500, 'CNY'] });
  });

  it('takes a label before ours that names a metric for a neighbour, not a qualifier (平均…, Average…)', () => {
    expect(
      read(`<div class="grid"><div>平均访问深度</div><div>支付金额</div><div>4.15</div><div>30,650.00</div></div>`, 'CNY'),
    ).toEqual({ pagesPerVisit: 4.15, sales: [30650, 'CNY'] });
    // A qualifier that is no metric of its own still makes the number a benchmark.
    expect(read('<div><span>同行平均</span><span>访客数</span><b>2,800</b></div>')).toEqual({});
  });

  it('reads nothing when the rows do not line up, and says which numbers it could not settle', () => {
    expect(read('<div class="grid"><div>Sessions</div><div>Orders</div><div>40,398</div></div>')).toEqual({});
    const page = siteFor(new URL('https://admin.shopify.com/store/x/analytics'))!.read(document, {
      url: new URL('https://admin.shopify.com/store/x/analytics'),
      now: new Date('2026-11-26T10:00:00Z'),
    });
    expect(page.found).toEqual([]);
    expect(page.unsettled!.sort()).toEqual(['orders', 'visits']);
  });
});

describe('labels that carry the unit', () => {
  it('applies the label’s unit and scale to a bare value', () => {
    expect(
      read(`
      <div><div>平均停留时长(秒)</div><div>85.34</div></div>
      <div><div>成交金额(元)</div><div>12,345.60</div></div>
      <div><div>访客数(万)</div><div>4.86</div></div>
      <div><div>跳失率(%)</div><div>72.31</div></div>`),
    ).toEqual({ avgVisitDuration: 85.34, sales: [12345.6, 'CNY'], visitors: 48600, bounceRate: 0.7231 });
    expect(read('<div><div>Avg. session duration (min)</div><div>3.5</div></div>')).toEqual({ avgVisitDuration: 210 });
    expect(read('<div><div>Sales (USD)</div><div>1,234.50</div></div>')).toEqual({ sales: [1234.5, 'USD'] });
    expect(read('<div><div>Revenue ($)</div><div>660</div></div>', 'TWD')).toEqual({ sales: [660, 'TWD'] });
  });

  it('lets a value that prints its own unit win', () => {
    expect(read('<div><div>平均停留时长(秒)</div><div>1分05秒</div></div>')).toEqual({ avgVisitDuration: 65 });
    expect(read('<div><div>成交金额(元)</div><div>$1,200</div></div>')).toEqual({ sales: [1200, 'USD'] });
    expect(read('<div><div>访客数(万)</div><div>4.86万</div></div>')).toEqual({ visitors: 48600 });
  });

  it('reads no duration from a bare number whose label names no unit', () => {
    expect(read('<div><div>平均停留时长</div><div>85.34</div></div>')).toEqual({});
  });
});

describe('numbers in sentences', () => {
  it('gives each quantity phrase its own number, value first', () => {
    expect(read('<p><b>1,234</b> visits, <b>567</b> unique visitors</p>')).toEqual({ visits: 1234, visitors: 567 });
    expect(
      read('<p>1,234 visits, 567 unique visitors</p><p>45% visits have bounced (left the website after one page)</p>'),
    ).toEqual({
      visits: 1234,
      visitors: 567,
      bounceRate: 0.45,
    });
    expect(read('<p><span>3 min 5s</span> average visit duration, <span>$4,321.50</span> total revenue, 120 orders</p>')).toEqual(
      {
        avgVisitDuration: 185,
        sales: [4321.5, 'USD'],
        orders: 120,
      },
    );
  });

  it('reads words then value, and mixed phrases on one line', () => {
    expect(read('<p>Total revenue <b>$5,000</b> and <b>120</b> orders</p>')).toEqual({ sales: [5000, 'USD'], orders: 120 });
    expect(read('<p>Visits: <b>1,234</b>; unique visitors: <b>567</b></p>')).toEqual({ visits: 1234, visitors: 567 });
  });

  it('never stores visitors from a line that prints only visits and unique visitors’ words elsewhere', () => {
    // "unique visitors" has no number in its own phrase: nothing, not the visits figure.
    expect(read('<p><b>1,234</b> visits, unique visitors not tracked, <b>3</b> goals</p>')).toEqual({ visits: 1234 });
  });
});

/** What an ads adapter stores from a page at `url`: metric → value (and currency). */
function readAt(url: string, html: string) {
  document.body.innerHTML = html;
  const page = siteFor(new URL(url))!.read(document, { url: new URL(url), now: new Date('2026-11-30T03:00:00Z') });
  return Object.fromEntries(
    page.found
      .filter((f) => !f.observed.breakdown && !f.observed.period)
      .map((f) => [f.observed.metric, f.observed.currency ? [f.observed.value, f.observed.currency] : f.observed.value]),
  );
}
const QIANCHUAN = 'https://qianchuan.jinritemai.com/board/live';

describe('a label and its number inside a sentence', () => {
  it('reads a label of capitals right before its number (ROI, ACOS, CTR are words, not currency codes)', () => {
    expect(readAt(QIANCHUAN, '<p>整体消耗 ¥1,234.00，整体支付ROI 4.16，点击率 2.10%</p>')).toEqual({
      adSpend: [1234, 'CNY'],
      adRoas: 4.16,
      adCtr: 0.021,
    });
    expect(
      readAt('https://seller.shopee.tw/portal/marketing/pas/assembly/report', '<p>ACOS 9.43%，曝光次數 180,036，ROAS 5.77</p>'),
    ).toEqual({
      adAcos: 0.0943,
      adImpressions: 180036,
      adRoas: 5.77,
    });
    // A real code still is one: "CNY 1.59" is money.
    expect(readAt(QIANCHUAN, '<p>平均点击单价 CNY 1.59，点击次数 2,504</p>')).toEqual({ adCpc: [1.59, 'CNY'], adClicks: 2504 });
  });

  it('reads a line that starts with a qualifier naming the whole account (整体…, 今日…)', () => {
    expect(readAt(QIANCHUAN, '<p>整体成交金额 ¥2.01万，平均点击单价 ¥1.59，整体支付ROI 1.81</p>')).toEqual({
      adSales: [20100, 'CNY'],
      adCpc: [1.59, 'CNY'],
      adRoas: 1.81,
    });
  });

  it('reads a label’s number when the rest of its phrase is only a comparison of it', () => {
    expect(readAt(QIANCHUAN, '<p>今日消耗 ¥1,234.00 较昨日 +5%，支付ROI：4.16（同行平均 3.20）</p>')).toEqual({
      adSpend: [1234, 'CNY'],
      adRoas: 4.16,
    });
    expect(
      readAt(QIANCHUAN, '<p><span>消耗</span> <b>¥1,234.00</b> 较昨日 <i>+5%</i>，<span>点击次数</span> <b>2,504</b></p>'),
    ).toEqual({
      adSpend: [1234, 'CNY'],
      adClicks: 2504,
    });
  });

  it('never reads a number cut by an element as its first part ("ROI：1<em>.60</em>", "37,740<sup>.74元</sup>")', () => {
    expect(
      readAt(QIANCHUAN, '<p>支付ROI：1<em>.60</em>，较上周同期 ↑32.6%</p><p>消耗：3,607<b>.84</b><i>元</i>，点击次数 2,504</p>'),
    ).toEqual({
      adRoas: 1.6,
      adSpend: [3607.84, 'CNY'],
      adClicks: 2504,
    });
    expect(
      read('<p>人均浏览量：2.48，较上一周期 ↑31.5%，成交金额：37,740<sup>.74元</sup>（较上周同期 27.7%）</p>', 'CNY'),
    ).toEqual({
      pagesPerVisit: 2.48,
      sales: [37740.74, 'CNY'],
    });
  });

  it('never gives a label the number of a later label in a line of colons ("点击率：5.4%，点击数：24,808，ACOS：21.19%")', () => {
    expect(
      readAt(
        'https://seller.shopee.tw/portal/marketing/pas/assembly/report',
        '<p>點擊率：5.4%，點擊數：24,808，ACOS：21.19%</p>',
      ),
    ).toEqual({ adCtr: 0.054, adClicks: 24808, adAcos: 0.2119 });
    expect(read('<p>商品访客数：４６,４７９，商品浏览量：１４３,７１６</p>')).toEqual({ visitors: 46479, pageViews: 143716 });
  });

  it('reads a line that starts with a site’s own word or goes on after an element with its separator', () => {
    expect(
      readAt(
        'https://seller.shopee.com.my/portal/marketing/pas/assembly/report',
        '<p>Expense RM51,093.38, GMV RM118,328.16, ACOS 56.82%</p>',
      ),
    ).toEqual({ adSpend: [51093.38, 'MYR'], adSales: [118328.16, 'MYR'], adAcos: 0.5682 });
    expect(read('<p>成交订单数：<span>549</span>，跳失率：49.08%</p>')).toEqual({ orders: 549, bounceRate: 0.4908 });
  });

  it('reads a row of inline elements: label, number, then its change chip ("支付金额 ¥9,876.00 ↑ 4.37%")', () => {
    expect(
      read(
        '<div><span>支付金额</span><span>¥9,876.00</span><span><span>↑ 4.37%</span></span></div><div><span>访客数</span><span>2,345</span><span><span>↓ 1.91%</span></span></div>',
      ),
    ).toEqual({ sales: [9876, 'CNY'], visitors: 2345 });
  });

  it('never gives a label a number that something else claims: a target, a comparison, another day, a count of other things', () => {
    expect(readAt(QIANCHUAN, '<p>消耗 目标 ¥5,000，支付ROI 较昨日 +0.4，展示次数 1,200 占比 12%</p>')).toEqual({});
    expect(readAt(QIANCHUAN, '<p>昨日消耗 ¥1,000，同行均值 ¥900，消耗 3 个计划超出预算</p>')).toEqual({});
    expect(
      readAt(
        QIANCHUAN,
        '<p><span>消耗</span> 目标 <b>¥5,000</b>，<span>支付ROI</span> 同行均值 <b>3.20</b>，<span>点击次数</span> <b>3</b>个计划</p>',
      ),
    ).toEqual({});
  });
});

describe('a table row of label cells each followed by its value cell', () => {
  const bordered = (cells: string) =>
    `<div class="ant-descriptions ant-descriptions-bordered"><table><tbody>${cells}</tbody></table></div>`;

  it('reads antd’s bordered Descriptions: th label, td value, two pairs a row', () => {
    expect(
      read(
        bordered(`<tr><th><span>访客数</span></th><td><span>1,234</span></td><th><span>成交金额</span></th><td><span>¥5,678.00</span></td></tr>
          <tr><th><span>跳失率</span></th><td colspan="3"><span>45.2%</span></td></tr>`),
      ),
    ).toEqual({ visitors: 1234, sales: [5678, 'CNY'], bounceRate: 0.452 });
    // A key-value table: one th scope="row" and its td a row.
    expect(
      read('<table><tr><th scope="row">Sessions</th><td>8,120</td></tr><tr><th scope="row">Orders</th><td>312</td></tr></table>'),
    ).toEqual({
      visits: 8120,
      orders: 312,
    });
  });

  it('gives a placeholder or a look-alike’s cell no number, and a label no neighbour’s', () => {
    expect(
      read(
        bordered(
          '<tr><th>访客数</th><td>--</td><th>加购人数</th><td>412</td></tr><tr><th>浏览量</th><td>1,204 <span>较前一日 +5%</span></td><th>支付金额</th><td>目标 ¥9,000</td></tr>',
        ),
      ),
    ).toEqual({ pageViews: 1204 });
  });

  it('never pairs a row header of a matrix with one of its columns', () => {
    // A header row over 今日 / 昨日: the row's th names a metric, each column is a day, and no column is read as the page's.
    expect(
      read(`<table><thead><tr><th>指标</th><th>今日</th><th>昨日</th></tr></thead><tbody>
        <tr><th>访客数</th><td>1,234</td><td>1,100</td></tr><tr><th>浏览量</th><td>4,321</td><td>4,000</td></tr></tbody></table>`),
    ).toEqual({});
    expect(read('<table><tr><th>访客数</th><td>1,234</td><td>1,100</td></tr></table>')).toEqual({});
  });
});

describe('numbers whose decimals sit in an element of their own', () => {
  it('joins the decimals beside the number even inside a card line that also holds comparisons', () => {
    expect(
      read(`<dl><div><dt>Bounce rate(%)</dt><dd><span>57</span><strong>.76</strong><div>vs previous day <span>↓35.39%</span></div>
        <div>Top peers <span>46.11%</span></div></dd></div></dl>`),
    ).toEqual({ bounceRate: 0.5776 });
  });
});

describe('a card line of its own', () => {
  it('keeps “Goal <b>1,444</b>” a pair of its own, not a second column beside the card’s label', () => {
    expect(
      read(`<div class="card"><div><small>941</small></div><div><span>Sessions</span></div><div>Goal <span>1,444</span></div>
        <div>vs last week <span>-32.80%</span></div></div>`),
    ).toEqual({ visits: 941 });
  });

  it('never takes a count printed under another line’s label (a funnel step’s “312 sessions”, a campaign’s “9 orders”) for the shop’s', () => {
    expect(
      read(`<ul><li><span>Added to cart<small>312 sessions</small></span><span>10.96%</span></li>
        <li><span>Holiday preview email</span><span>$204.10<small>9 orders</small></span></li></ul>`),
    ).toEqual({});
  });

  it('reads a duration whose decimals and unit sit in elements of their own ("172<b>.16秒</b>", "132<sup>.18</sup><i>s</i>")', () => {
    expect(
      read('<dl><div><dt>平均停留时长</dt><dd>172<b>.16秒</b><div>较前一日 <span>▲13.81%</span></div></dd></div></dl>'),
    ).toEqual({
      avgVisitDuration: 172.16,
    });
    expect(
      read('<div class="card"><div><span>Average session duration</span> <em>132</em><sup>.18</sup><i>s</i></div></div>'),
    ).toEqual({
      avgVisitDuration: 132.18,
    });
  });

  it('reads Europe’s decimal comma split over elements ("317.594<sup>,29</sup> €")', () => {
    expect(
      read('<dl><div><dt>Ordered Product Sales</dt><dd><b>317.594</b><sup>,29</sup><span> €</span></dd></div></dl>', 'EUR'),
    ).toEqual({ sales: [317594.29, 'EUR'] });
  });
});

describe('headings that name quantities', () => {
  it('are no labels: “Sales and traffic” over a section of cards lends sales no number', () => {
    expect(
      read(`<section><h2>Sales and traffic</h2><div class="cards"><div class="card"><div>128,271</div><div>Sessions</div></div>
        <div class="card"><div>2.30</div><div>Views per session</div></div></div></section>`),
    ).toEqual({ visits: 128271, pagesPerVisit: 2.3 });
  });

  it('reads a line of numbers longer than any label, and money with its currency code after it', () => {
    expect(
      read(
        '<p>访客数 38,145，人均浏览量 3.67，客单价 CNY 289.53，成交金额 ￥248,037.32，平均停留时长 00:01:31，转化率 1.20%，成交人数 689，成交商品件数 570</p>',
        'CNY',
      ),
    ).toMatchObject({
      visitors: 38145,
      pagesPerVisit: 3.67,
      avgOrderValue: [289.53, 'CNY'],
      sales: [248037.32, 'CNY'],
      paidBuyers: 689,
    });
    expect(read('<div><p>159,830.11 USD total revenue, 502 orders</p></div>')).toEqual({
      sales: [159830.11, 'USD'],
      orders: 502,
    });
  });

  it('still reads a sentence of full-width digits phrase by phrase', () => {
    expect(read('<p>客单价 ￥３４１.７７，商品浏览量 １９３,６８４，成交件数 ３,１１４</p>', 'CNY')).toEqual({
      avgOrderValue: [341.77, 'CNY'],
      pageViews: 193684,
      unitsOrdered: 3114,
    });
  });
});

describe('tables whose rows are days', () => {
  const week = (extra = '') => `
    <table><thead><tr><th>日期</th><th>访客数</th><th>浏览量</th><th>支付金额</th><th>跳失率</th></tr></thead><tbody>
    ${[19, 20, 21, 22, 23, 24, 25].map((d, i) => `<tr><td>2026-11-${d}</td><td>${1000 + i}</td><td>${3000 + i}</td><td>${500 + i}.00</td><td>6${i}.00%</td></tr>`).join('')}
    ${extra}</tbody></table>`;
  const readAll = (html: string) => {
    document.body.innerHTML = html;
    return recognise(document, { defaultCurrency: 'CNY' }).map((f) => f.observed);
  };

  it('stores each dated row as the shop’s value of that day, never as a breakdown of 日期', () => {
    const observed = readAll(week());
    expect(observed.filter((o) => o.breakdown)).toEqual([]);
    const visitors = observed.filter((o) => o.metric === 'visitors');
    expect(visitors).toHaveLength(7);
    expect(visitors.map((o) => [o.period!.start, o.value])).toContainEqual(['2026-11-21', 1002]);
    for (const o of observed) expect(o.period).toEqual({ kind: 'day', start: o.period!.start, end: o.period!.start });
  });

  it('stores its total and average rows as nothing: never one day’s value, never a breakdown', () => {
    const observed = readAll(
      week(`<tr><td>合计</td><td>7021</td><td>21021</td><td>3521.00</td><td>63.00%</td></tr>
            <tr><td>日均</td><td>1111</td><td>3333</td><td>555.00</td><td>66.66%</td></tr>`),
    );
    expect(observed).toHaveLength(28);
    for (const o of observed) expect(o.period?.kind).toBe('day');
    expect(observed.map((o) => o.value)).not.toContain(7021);
    expect(observed.map((o) => o.value)).not.toContain(1111);
  });
});

describe('a table’s names are what it shows', () => {
  it('names the row dimension and rows without their hidden tooltips', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>流量来源<span role="tooltip" hidden>流量来源：统计时间内全部终端、全部渠道的去重计数，按自然日计算；完整口径请查看帮助中心的指标说明与计算方式。</span></th>
        <th>访客数</th></tr></thead><tbody>
        <tr><td><span class="tip" style="display:none">站内搜索带来的访客</span>搜索</td><td>820</td></tr>
        <tr><td>活动</td><td>610</td></tr></tbody></table>`;
    const parts = recognise(document).map((f) => f.observed.breakdown);
    expect(parts).toEqual([
      { dimension: '流量来源', key: '搜索' },
      { dimension: '流量来源', key: '活动' },
    ]);
  });
});

describe('a table of one row of the shop’s numbers', () => {
  it('takes a placeholder cell for a missing number, not for the rows’ names', () => {
    document.body.innerHTML = `<table><thead><tr><th>Page Views - Total</th><th>Sessions</th><th>Ordered Product Sales</th><th>Units Ordered</th></tr></thead>
      <tbody><tr><td>101,306</td><td>33918</td><td>--</td><td>1,853</td></tr></tbody></table>`;
    const observed = recognise(document, { defaultCurrency: 'GBP' }).map((f) => f.observed);
    expect(observed.filter((o) => o.breakdown)).toEqual([]);
    expect(Object.fromEntries(observed.map((o) => [o.metric, o.value]))).toEqual({
      pageViews: 101306,
      visits: 33918,
      unitsOrdered: 1853,
    });
  });
});

describe('total rows of a table of items', () => {
  it('are never the shop’s figure: unique counts do not add over items, and a ranked table need not list every item', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>商品名称</th><th>商品访客数</th><th>支付买家数</th><th>支付件数</th><th>支付金额</th><th>支付转化率</th></tr></thead><tbody>
        <tr><td>羊毛围巾</td><td>820</td><td>31</td><td>40</td><td>3,960.00</td><td>3.78%</td></tr>
        <tr><td>针织手套</td><td>610</td><td>22</td><td>25</td><td>1,475.00</td><td>3.61%</td></tr>
        <tr><td>合计</td><td>1,430</td><td>53</td><td>65</td><td>5,435.00</td><td>3.71%</td></tr>
      </tbody></table>`;
    const shop = recognise(document, { defaultCurrency: 'CNY' })
      .map((f) => f.observed)
      .filter((o) => !o.breakdown);
    expect(shop).toEqual([]);
  });
});

describe('the page’s own dates win', () => {
  const SHANGHAI = 'Asia/Shanghai';
  // 2026-11-25 23:50 in China (15:50 UTC): the page is loaded; it is read at 00:10 on the 26th, China time.
  const loaded = new Date('2026-11-25T15:50:00Z');
  const read = new Date('2026-11-25T16:10:00Z');
  const period = (
    html: string,
    options: { timeZone?: string; shownAt?: Date } = { timeZone: SHANGHAI, shownAt: loaded },
    now = read,
  ) => {
    document.body.innerHTML = html;
    return detectPeriod(document, now, undefined, options);
  };
  const tabs = (selected: string) =>
    `<ul>${['实时', '昨天', '近7天', '近30天'].map((t) => `<li${t === selected ? ' class="tab-active"' : ''}>${t}</li>`).join('')}</ul>`;

  it('never takes a date from a table of days for the page’s period, whatever header or tooltip is above it', () => {
    const days = (head: string) =>
      `<table><thead><tr><th>${head}</th><th>访客数<span role="tooltip" hidden>访客数：统计时间内的去重人数</span></th></tr></thead><tbody>
      ${[7, 8, 9, 10, 11, 12, 13].map((d) => `<tr><td>2026-10-${String(d).padStart(2, '0')}</td><td>${d}00</td></tr>`).join('')}</tbody></table>`;
    // A caption the page prints, and a comparison line right after it in the same section.
    expect(
      period(
        `<main><div><span>Statistics date</span> 10/13/2026</div><div>Compare to: Oct 6, 2026</div>${days('Date')}</main>`,
        {},
      ),
    ).toEqual({ kind: 'day', start: '2026-10-13', end: '2026-10-13' });
    expect(period(`<main><div><span>2026年10月13日</span></div>${days('日期')}</main>`, {})).toEqual({
      kind: 'day',
      start: '2026-10-13',
      end: '2026-10-13',
    });
    // Only the table prints dates: the page's period is not settled by it.
    expect(period(`<main>${days('日期')}</main>`, {}).kind).toBe('unknown');
  });

  it('takes the date a caption prints over what a selected 昨天 would mean on the clock', () => {
    expect(period(`${tabs('昨天')}<div class="cap">数据日期：2026-11-20</div>`)).toEqual({
      kind: 'day',
      start: '2026-11-20',
      end: '2026-11-20',
    });
  });

  it('takes the date a picker shows only in its input’s value', () => {
    expect(period(`${tabs('昨天')}<div class="picker"><input value="2026-11-23"></div>`)).toEqual({
      kind: 'day',
      start: '2026-11-23',
      end: '2026-11-23',
    });
    expect(
      period(
        `${tabs('近7天')}<div class="range-picker"><span><input value="2026-11-17"></span><span>~</span><span><input value="2026-11-23"></span></div>`,
      ),
    ).toEqual({ kind: 'range', start: '2026-11-17', end: '2026-11-23' });
  });

  it('never takes a comparison picker’s dates', () => {
    expect(
      period(
        `${tabs('昨天')}<div class="cmp"><label>对比周期</label><input value="2026-11-10"></div><div>统计日期 2026-11-24</div>`,
      ),
    ).toEqual({ kind: 'day', start: '2026-11-24', end: '2026-11-24' });
  });

  it('lets the selected label choose among printed dates of its shape', () => {
    expect(period(`${tabs('近7天')}<div>统计日期 2026-11-24</div><div>2026-11-18 ~ 2026-11-24</div>`)).toEqual({
      kind: 'range',
      start: '2026-11-18',
      end: '2026-11-24',
    });
  });

  it('counts a relative label from when the page was shown, on China time, and says it inferred it', () => {
    // Loaded at 23:50 on the 25th (China): 昨天 is the 24th, though it is the 26th when read.
    expect(period(tabs('昨天'))).toEqual({ kind: 'day', start: '2026-11-24', end: '2026-11-24', inferred: true });
    expect(period(tabs('近7天'))).toEqual({ kind: 'range', start: '2026-11-18', end: '2026-11-24', inferred: true });
    // Read with no load time known: China's day at the read time (the 26th) decides, not the computer's (UTC: the 25th).
    expect(period(tabs('昨天'), { timeZone: SHANGHAI }, new Date('2026-11-25T16:10:00Z'))).toEqual({
      kind: 'day',
      start: '2026-11-25',
      end: '2026-11-25',
      inferred: true,
    });
  });

  it('dates a real-time board by the platform’s today', () => {
    expect(period(tabs('实时'))).toEqual({ kind: 'realtime', start: '2026-11-26', end: '2026-11-26' });
  });

  it('says unknown, never a day, when the page names no period', () => {
    expect(period('<div>访客数 12</div>').kind).toBe('unknown');
  });
});

describe('layouts of the layout-class pages (test/gen/layouts.ts)', () => {
  const cards = (...pairs: Array<[string, string]>) =>
    `<div class="cards">${pairs.map(([l, v]) => `<div class="card"><div class="title">${l}</div><div class="value">${v}</div></div>`).join('')}</div>`;

  it('never takes a footnote’s mark for the number of the label it follows, and reads labels with marks', () => {
    expect(read(cards(['访客数<sup>1</sup>', '12,345'], ['浏览量<sup>[2]</sup>', '45,678']))).toEqual({
      visitors: 12345,
      pageViews: 45678,
    });
    expect(read(cards(['Sessions<sup>1</sup>', '--'], ['Orders', '359']))).toEqual({ orders: 359 });
    expect(read(cards(['访客数 ①', '12,345'], ['浏览量†', '45,678']))).toEqual({ visitors: 12345, pageViews: 45678 });
    // A number printed in superscripts of its own is still the card's.
    expect(read(cards(['成交人数', '<sup>90</sup><sup>人</sup>'], ['浏览量', '<sup>45</sup>']))).toEqual({
      paidBuyers: 90,
      pageViews: 45,
    });
  });

  it('reads a label whose tooltip icon holds a hidden comparison with a number', () => {
    const tip = '<span class="help">?<span style="display:none">统计时间内的去重人数，较上周 12.5%</span></span>';
    expect(read(cards([`<span>访客数</span>${tip}`, '12,345'], [`<span>跳失率</span>${tip}`, '61.20%']))).toEqual({
      visitors: 12345,
      bounceRate: 0.612,
    });
    // The comparison is still one when it shows: the number after it is no value.
    expect(read('<div class="card"><div>访客数</div><div>较上周 12.5%</div><div>+3.2%</div></div>')).toEqual({});
  });

  it('reads a line whose values sit in elements with their currency or percent outside them', () => {
    expect(
      read(
        '<p>成交金额：¥<b>52,951.35</b>，转化率：<span>60.27</span>%，浏览量：<span>94,953</span>，Sales: US$<b>1,267.50</b>。</p>',
        'CNY',
      ),
    ).toEqual({ sales: [52951.35, 'CNY'], conversionRate: 0.6027, pageViews: 94953 });
    expect(read('<p>Orders: <b>3,241</b>, Total sales: $<b>1,267.50</b>, Conversion rate: <b>3.4</b>%</p>')).toEqual({
      orders: 3241,
      sales: [1267.5, 'USD'],
      conversionRate: 0.034,
    });
  });

  it('reads the last number of a line that ends in a full stop', () => {
    expect(read('<p>Orders: <strong>348</strong>, Page views: <strong>157,517</strong>.</p>')).toEqual({
      orders: 348,
      pageViews: 157517,
    });
    expect(read('<p>访客数 1,234，浏览量 5,678。</p>')).toEqual({ visitors: 1234, pageViews: 5678 });
  });

  it('reads labels in the middle of a text after a comparison in brackets, and long lines', () => {
    expect(read('<p>支付金额：<em>¥12,345.67</em>（较前一日 -3%），跳失率：55.00%，支付买家数：617</p>', 'CNY')).toEqual({
      sales: [12345.67, 'CNY'],
      bounceRate: 0.55,
      paidBuyers: 617,
    });
    expect(
      read(
        '<p>Unit Session Percentage: <em>67.08%</em> (vs previous day -6%), Ordered Product Sales: $322,401.81 (vs previous day +19%), ' +
          'Units Ordered: <em>372</em> (vs previous day -8%), Sessions - Total: <em>29,438</em> (vs previous day +14%), Page Views: 370,606</p>',
      ),
    ).toEqual({ conversionRate: 0.6708, sales: [322401.81, 'USD'], unitsOrdered: 372, visits: 29438, pageViews: 370606 });
  });

  it('reads a label wrapped by a line break whole: a look-alike stays one', () => {
    expect(
      read('<div class="card">Total<br>orders<br><b>2,430</b></div><div class="card">New<br>visitors<br><b>812</b></div>'),
    ).toEqual({
      orders: 2430,
    });
    expect(read('<div class="card">下单<br>买家数<br><b>812</b></div><div class="card">12<br>访客数</div>')).toEqual({
      visitors: 12,
    });
  });
});

describe('a table of the last minutes or hours', () => {
  const parts = (html: string) => {
    document.body.innerHTML = html;
    return recognise(document)
      .filter((f) => f.observed.breakdown)
      .map((f) => `${f.observed.metric} ${f.observed.breakdown!.key} ${f.observed.value}`);
  };
  const card = (heading: string, dimension: string, metric: string) => `
    <div class="card"><div class="card-title">${heading}</div><div class="big">37</div>
      <table><thead><tr><th>${dimension}</th><th>${metric}</th></tr></thead>
      <tbody><tr><td>A</td><td>29</td></tr><tr><td>B</td><td>5</td></tr><tr><td>C</td><td>3</td></tr></tbody></table></div>`;

  it('stores none of its rows as the page’s day or range, in every language', () => {
    for (const [heading, dimension, metric] of [
      ['Users in last 30 minutes', 'Top countries', 'Users'],
      ['Sessions in the past 1 hour', 'Top countries', 'Sessions'],
      ['过去30分钟访客数', '国家/地区', '访客数'],
      ['近1小时 访客', '来源', '访客数'],
      ['過去 30 分鐘訪客數', '來源', '訪客數'],
    ])
      expect(parts(card(heading!, dimension!, metric!)), heading).toEqual([]);
  });

  it('still reads the same table under a heading of days', () => {
    expect(parts(card('Users, last 28 days', 'Top countries', 'Users'))).toEqual([
      'visitors A 29',
      'visitors B 5',
      'visitors C 3',
    ]);
    expect(parts(card('近30天访客', '来源', '访客数'))).toEqual(['visitors A 29', 'visitors B 5', 'visitors C 3']);
  });
});

describe('which of several numbers is the operator’s', () => {
  it('takes no comparison for the value when it is printed first or larger, with a separator after its words', () => {
    expect(
      read(`
      <div class="card"><div>Sessions</div><div style="font-size:26px"><span>Prior day</span>: <span>65,120</span></div><div style="font-size:14px">56,832</div></div>
      <div class="card"><div>支付金额</div><div style="font-size:26px"><span>上一周期</span>：<span>¥1,234.00</span></div><div>¥987.65</div></div>`),
    ).toEqual({ visits: 56832, sales: [987.65, 'CNY'] });
  });

  it('reads the selected period of several side by side under one label, and none when none is selected', () => {
    const card = (selected: number) =>
      `<div class="card"><div>访客数</div><div>${['今日', '昨日', '近7天']
        .map(
          (p, i) => `<div${i === selected ? ' class="is-selected"' : ''}><span>${p}</span> <span>${(i + 1) * 1111}</span></div>`,
        )
        .join('')}</div></div>`;
    expect(read(card(1))).toEqual({ visitors: 2222 });
    expect(read(card(2))).toEqual({ visitors: 3333 });
    expect(read(card(-1))).toEqual({});
  });

  it('reads a table with metrics as rows: days as columns are each day’s number, an average or an unselected period none', () => {
    document.body.innerHTML = `<table><thead><tr><th>指标</th><th>2026-11-20</th><th>2026-11-21</th><th>日均</th></tr></thead>
      <tbody><tr><td>访客数</td><td>1,200</td><td>1,300</td><td>1,250</td></tr><tr><td>跳失率</td><td>61.20%</td><td>58.00%</td><td>59.60%</td></tr></tbody></table>`;
    const found = recognise(document).map((f) => [f.observed.metric, f.observed.value, f.observed.period?.start ?? 'page']);
    expect(found.sort()).toEqual(
      [
        ['bounceRate', 0.612, '2026-11-20'],
        ['bounceRate', 0.58, '2026-11-21'],
        ['visitors', 1200, '2026-11-20'],
        ['visitors', 1300, '2026-11-21'],
      ].sort(),
    );
    const periods = (selected: string) =>
      `<table><thead><tr><th></th>${['今日', '昨日', '近7天'].map((p) => `<th${p === selected ? ' aria-selected="true"' : ''}>${p}</th>`).join('')}</tr></thead>
      <tbody><tr><td>支付买家数</td><td>12</td><td>230</td><td>1,610</td></tr></tbody></table>`;
    expect(read(periods('近7天'))).toEqual({ paidBuyers: 1610 });
    expect(read(periods(''))).toEqual({});
  });

  it('reads thousands grouped with dots on the markets that print them, and nothing half-read', () => {
    expect(read('<div class="card"><div>Sales</div><div>Rp197.949</div></div>', 'IDR')).toEqual({ sales: [197949, 'IDR'] });
    expect(read('<div class="card"><div>Sales</div><div>Rp12.345.678</div></div>', 'IDR')).toEqual({ sales: [12345678, 'IDR'] });
    expect(read('<div class="card"><div>Visitors</div><div>12.345</div></div>', 'VND')).toEqual({ visitors: 12345 });
    expect(read('<div class="card"><div>Sales</div><div>R$1.234,56</div></div>', 'BRL')).toEqual({ sales: [1234.56, 'BRL'] });
    // A dollar market's "12.345" is no count.
    expect(read('<div class="card"><div>Visitors</div><div>12.345</div></div>', 'USD')).toEqual({});
  });
});
