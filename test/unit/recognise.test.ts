import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognise } from '@/core/reader/recognise';
import { detectPeriod } from '@/core/reader/period';
import { detectStore } from '@/core/reader/store';

/** Renders markup into a fresh container and reads it. */
function read(html: string, currency?: string) {
  document.body.innerHTML = html;
  const found = recognise(document, currency ? { defaultCurrency: currency } : {});
  return Object.fromEntries(
    found
      .filter((f) => !f.observed.breakdown)
      .map((f) => [f.observed.metric, f.observed.currency ? [f.observed.value, f.observed.currency] : f.observed.value]),
  );
}

describe('generic recogniser: layouts', () => {
  it('reads label-above-value cards with comparison lines', () => {
    const values = read(`
      <div class="a1"><div class="x9"><span>访客数</span></div><div class="v"><span>12,345</span></div><div class="c">较前一日 <span>+3.21%</span></div></div>
      <div class="a1"><div class="x9"><span>跳失率</span><i class="icon"></i></div><div class="v">72.31<span>%</span></div><div class="c"><span>较前一日</span><span>-1.02%</span></div></div>
      <div class="a1"><div class="x9">人均浏览量</div><div class="v">2.10</div><div class="c">较上周同期 <b>0.30</b></div></div>`);
    expect(values).toEqual({ visitors: 12345, bounceRate: 0.7231, pagesPerVisit: 2.1 });
  });

  it('reads value-above-label cards', () => {
    const values = read(`
      <section><div><strong>3,120</strong><p>访客数</p></div><div><strong>65.00%</strong><p>跳失率</p></div></section>`);
    expect(values).toEqual({ visitors: 3120, bounceRate: 0.65 });
  });

  it('reads a value split across elements, with the currency of the site', () => {
    const values = read(
      `
      <div><h4>支付金额</h4><div><span>¥</span><span>12,345</span><span>.67</span></div></div>
      <div><h4>客单价</h4><div>86<i>.</i>42</div></div>`,
      'CNY',
    );
    expect(values).toEqual({ sales: [12345.67, 'CNY'], avgOrderValue: [86.42, 'CNY'] });
  });

  it('reads label and value in one text', () => {
    expect(read('<ul><li>跳失率：72.31%</li><li>访客数 3,120</li></ul>')).toEqual({ bounceRate: 0.7231, visitors: 3120 });
  });

  it('pairs a flat list in its own order, labels first', () => {
    const values = read(
      '<div><span>访客数</span><b>12,345</b><span>跳失率(%)：</span><b>72.31%</b><span>人均浏览量</span><b>2.10</b></div>',
    );
    expect(values).toEqual({ visitors: 12345, bounceRate: 0.7231, pagesPerVisit: 2.1 });
  });

  it('pairs a flat list in its own order, values first', () => {
    const values = read('<div><b>12,345</b><span>访客数</span><b>72.31%</b><span>跳失率</span></div>');
    expect(values).toEqual({ visitors: 12345, bounceRate: 0.7231 });
  });

  it('reads English dashboards, case-insensitively', () => {
    const values = read(`
      <div><div style="text-transform:uppercase">SESSIONS</div><div>1.2K</div></div>
      <div><div>BOUNCE RATE</div><div>42.5%</div><div>vs. 40.1% last week</div></div>
      <div><div>Average order value</div><div>$58.20</div></div>
      <div><div>Average engagement time</div><div>1m 23s</div></div>`);
    expect(values).toEqual({ visits: 1200, bounceRate: 0.425, avgOrderValue: [58.2, 'USD'], avgVisitDuration: 83 });
  });

  it('reads inside open shadow roots', () => {
    document.body.innerHTML = '<kat-card></kat-card>';
    const host = document.querySelector('kat-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><span>Unit Session Percentage</span><span>14.2%</span></div>';
    const found = recognise(document);
    expect(found.map((f) => [f.observed.metric, f.observed.value])).toEqual([['conversionRate', 0.142]]);
    expect(found[0]!.observed.source.locator).toContain('⟨shadow⟩');
  });

  it('reads a table column: total row for the store, other rows as breakdowns', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>流量来源</th><th>访客数</th><th>跳失率</th></tr></thead>
      <tbody><tr><td>手淘搜索</td><td>1,200</td><td>55.00%</td></tr>
      <tr><td>直通车</td><td>800</td><td>81.20%</td></tr>
      <tr><td>合计</td><td>2,000</td><td>65.48%</td></tr></tbody></table>`;
    const found = recognise(document);
    const rows = found.map((f) => [f.observed.metric, f.observed.value, f.observed.breakdown?.key ?? 'total']);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['visitors', 1200, '手淘搜索'],
        ['visitors', 800, '直通车'],
        ['visitors', 2000, 'total'],
        ['bounceRate', 0.812, '直通车'],
        ['bounceRate', 0.6548, 'total'],
      ]),
    );
    expect(found).toHaveLength(6);
    expect(found.find((f) => f.observed.breakdown)?.observed.breakdown?.dimension).toBe('流量来源');
  });

  it('reads a table whose header and body are two tables', () => {
    document.body.innerHTML = `
      <div class="tbl"><div class="h"><table><thead><tr><th>来源</th><th>访客数</th></tr></thead></table></div>
      <div class="b"><table><tbody><tr><td>手淘搜索</td><td>1,200</td></tr><tr><td>直通车</td><td>800</td></tr></tbody></table></div></div>`;
    const found = recognise(document);
    expect(found.map((f) => [f.observed.breakdown?.key, f.observed.value])).toEqual([
      ['手淘搜索', 1200],
      ['直通车', 800],
    ]);
  });
});

describe('generic recogniser: what is not a value', () => {
  it('ignores hidden copies, tooltips, comparisons, peer numbers, sentences and charts', () => {
    const values = read(`
      <div style="display:none"><div>跳失率</div><div>12.00%</div></div>
      <div><div>跳失率 <span role="tooltip" style="visibility:hidden">跳失率高于70%需优化页面</span></div><div>72.31%</div></div>
      <div><span>同行平均</span><span>访客数</span><span>9,999</span></div>
      <p>您的跳失率为72.31%，高于同行</p>
      <svg><text>访客数</text><text>20,000</text></svg>
      <div><div>人均浏览量</div><div aria-hidden="true">9.99</div><div>2.10</div></div>`);
    expect(values).toEqual({ bounceRate: 0.7231, pagesPerVisit: 2.1 });
  });

  it('never stores a placeholder or an unreadable number', () => {
    expect(
      read(
        '<div><div>跳失率</div><div>--</div></div><div><div>访客数</div><div>-</div></div><div><div>客单价</div><div>N/A</div></div>',
      ),
    ).toEqual({});
  });

  it('takes no value of the wrong kind: a percentage is no count, a count no rate', () => {
    expect(read('<div><div>访客数</div><div>12.5%</div></div><div><div>跳失率</div><div>3,120</div></div>')).toEqual({});
  });

  it('ignores labels that are navigation links or tabs', () => {
    expect(read('<nav><a href="/flow">访客数</a><span>3</span></nav><div role="tab">跳失率</div><span>45%</span>')).toEqual({});
  });

  it('prefers the prominent number over a small secondary one', () => {
    const values = read(
      '<div><div>访客数</div><div style="font-size:28px">12,345</div><div style="font-size:12px">1,234</div></div>',
    );
    expect(values).toEqual({ visitors: 12345 });
  });

  it('treats markup in page text as text', () => {
    document.body.innerHTML = '<div><div>&lt;img src=x onerror=alert(1)&gt;跳失率</div><div>72%</div></div>';
    const found = recognise(document);
    expect(document.querySelector('img')).toBeNull();
    for (const f of found) expect(f.observed.source.label).not.toContain('<img');
  });
});

describe('period and shop', () => {
  const now = new Date(2026, 10, 26, 10, 0, 0);
  const period = (html: string) => {
    document.body.innerHTML = html;
    return detectPeriod(document, now);
  };

  it('reads a captioned statistics date', () => {
    expect(period('<div><span>统计时间</span><span>2026-11-25</span></div>')).toEqual({
      kind: 'day',
      start: '2026-11-25',
      end: '2026-11-25',
    });
  });
  it('reads a date range', () => {
    expect(period('<div>统计时间 2026-11-19 ~ 2026-11-25</div>')).toEqual({
      kind: 'range',
      start: '2026-11-19',
      end: '2026-11-25',
    });
    expect(period('<div>Oct 27 – Nov 25, 2026</div>')).toEqual({ kind: 'range', start: '2026-10-27', end: '2026-11-25' });
  });
  it('reads real-time pages', () => {
    expect(period('<div>实时概况</div><div>更新时间 2026-11-26 14:32:05</div>')).toEqual({
      kind: 'realtime',
      start: '2026-11-26',
      end: '2026-11-26',
    });
    expect(period('<ul><li class="tab_active_9x">实时</li><li>7天</li></ul>')).toEqual({
      kind: 'realtime',
      start: '2026-11-26',
      end: '2026-11-26',
    });
  });
  it('reads a selected relative period', () => {
    // No date printed: counted from the clock, and marked so.
    expect(period('<ul><li>Today</li><li aria-selected="true">Last 7 days</li></ul>')).toEqual({
      kind: 'range',
      start: '2026-11-19',
      end: '2026-11-25',
      inferred: true,
    });
    expect(period('<ul><li>实时</li><li class="oui-tab-item-active">1天</li></ul>')).toEqual({
      kind: 'day',
      start: '2026-11-25',
      end: '2026-11-25',
      inferred: true,
    });
  });
  it('reads numeric dates in both orders and ranges split over elements', () => {
    expect(period('<div>Data through 11/24/2026</div>')).toEqual({ kind: 'day', start: '2026-11-24', end: '2026-11-24' });
    expect(period('<div>Last 7 Days 19-11-2026 - 25-11-2026 (GMT+8)</div>')).toEqual({
      kind: 'range',
      start: '2026-11-19',
      end: '2026-11-25',
    });
    expect(period('<div>11/18/2026 – 11/24/2026</div>')).toEqual({ kind: 'range', start: '2026-11-18', end: '2026-11-24' });
    expect(period('<p><span>2026-11-19</span><span>至</span><span>2026-11-25</span></p>')).toEqual({
      kind: 'range',
      start: '2026-11-19',
      end: '2026-11-25',
    });
  });

  it('says unknown when the page shows no period', () => {
    expect(period('<div>访客数 12</div>')).toEqual({ kind: 'unknown', start: '2026-11-26', end: '2026-11-26' });
  });
  it('finds the shop name in the header and falls back to the host', () => {
    document.body.innerHTML = '<header><span>生意参谋</span><span>小雨的旗舰店</span></header><main>进店</main>';
    expect(detectStore(document, 'fallback')).toBe('小雨的旗舰店');
    document.body.innerHTML = '<main>访客数</main>';
    expect(detectStore(document, 'sycm.taobao.com')).toBe('sycm.taobao.com');
  });
  it('takes a 小舖 / 小铺 for a shop name, as Shopee Taiwan sellers name theirs', () => {
    document.body.innerHTML = '<header><span>Shopee</span><span class="shop-name">森林小舖</span></header>';
    expect(detectStore(document, 'seller.shopee.tw')).toBe('森林小舖');
    document.body.innerHTML = '<header><span>拼多多</span><span>阿花的小铺</span></header>';
    expect(detectStore(document, 'mms.pinduoduo.com')).toBe('阿花的小铺');
  });
});

describe('生意参谋 adapter', () => {
  it('names the shop from the signed-in sub-account, even when the name is odd', async () => {
    const { shopFromAccount } = await import('@/core/sites/account-nick');
    document.body.innerHTML =
      '<div class="ebase-Header__bar_x1"><span>统计时间：2026-11-25</span><span>小雨的旗舰店&lt;b&gt;:小周</span></div>';
    expect(shopFromAccount(document)).toBe('小雨的旗舰店<b>');
    document.body.innerHTML = '<main><span>小雨的旗舰店:小周</span></main>';
    expect(shopFromAccount(document)).toBeNull();
  });

  it('scales a bare number by the magnitude its label names', () => {
    expect(
      read('<div><div>访客数(万)</div><div>4.86</div></div><div><div>成交金额（万元）</div><div>12.35</div></div>', 'CNY'),
    ).toEqual({ visitors: 48600, sales: [123500, 'CNY'] });
    expect(read('<div><div>访客数(万)</div><div>4.86万</div></div>')).toEqual({ visitors: 48600 });
  });

  it('reads a bare $ as the dollar of the page’s market', () => {
    expect(read('<div><div>客單價</div><div>$660</div></div>', 'TWD')).toEqual({ avgOrderValue: [660, 'TWD'] });
    expect(read('<div><div>客單價</div><div>$660</div></div>', 'MYR')).toEqual({ avgOrderValue: [660, 'USD'] });
  });

  it('reads a bare number under a label that names the percent', () => {
    expect(read('<div><span>访客数</span><b>12,345</b><span>跳失率(%)：</span><b>72.31</b></div>')).toEqual({
      visitors: 12345,
      bounceRate: 0.7231,
    });
    expect(read('<div><span>跳失率</span><b>72.31</b></div>')).toEqual({});
  });
  it('stores a chosen 竞店’s numbers on a competition page as the peer’s, never as the shop’s', async () => {
    const { sycm } = await import('@/core/sites/sycm');
    const html = readFileSync('test/fixtures/sycm/competition.html', 'utf8');
    document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    const url = new URL('https://sycm.taobao.com/mc/ci/shop/analysis');
    const page = sycm.read(document, { url, now: new Date('2026-11-26T09:00:00') });
    const got = page.found.map((f) => [f.observed.metric, f.observed.value, f.observed.peer ?? 'ours']);
    expect(got).toEqual(
      expect.arrayContaining([
        ['visitors', 3482, 'ours'],
        ['visitors', 5210, '森屿家居旗舰店'],
        ['sales', 12345.67, 'ours'],
        ['sales', 27803.6, '森屿家居旗舰店'],
        ['conversionRate', 0.0341, '森屿家居旗舰店'],
      ]),
    );
    expect(got.filter(([, , who]) => who === 'ours')).toHaveLength(5);
    expect(got).toHaveLength(10);
    const { missingOn } = await import('@/core/sites/expects');
    expect(
      missingOn(
        'sycm',
        url.pathname,
        page.found.filter((f) => !f.observed.peer).map((f) => f.observed.metric),
      ),
    ).toEqual([]);
    // The same comparison as a <table>, peer first and named before its tag.
    document.body.innerHTML = `<table><thead><tr><th>指标</th><th>森屿家居旗舰店 竞店1 ▾</th><th>本店</th></tr></thead>
      <tbody><tr><td>访客数</td><td>5,210</td><td>3,482</td></tr><tr><td>支付转化率</td><td>3.41%</td><td>2.87%</td></tr></tbody></table>`;
    const table = sycm.read(document, { url, now: new Date('2026-11-26T09:00:00') });
    expect(table.found.map((f) => [f.observed.metric, f.observed.value, f.observed.peer ?? 'ours']).sort()).toEqual([
      ['conversionRate', 0.0287, 'ours'],
      ['conversionRate', 0.0341, '森屿家居旗舰店'],
      ['visitors', 3482, 'ours'],
      ['visitors', 5210, '森屿家居旗舰店'],
    ]);
    document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    // The same grid on a page outside 竞争 is not taken for a peer comparison.
    const home = sycm.read(document, { url: new URL('https://sycm.taobao.com/portal/home.htm'), now: new Date() });
    expect(home.found.some((f) => f.observed.peer)).toBe(false);
  });

  it('names the shop’s own numbers its home page should show but did not', async () => {
    const { sycm } = await import('@/core/sites/sycm');
    const card = (label: string, value: string) => `<div><div>${label}</div><div>${value}</div></div>`;
    document.body.innerHTML = [
      card('访客数', '12,345'),
      card('浏览量', '40,000'),
      card('支付转化率', '3.20%'),
      card('客单价', '88.00'),
      card('支付金额', '34,760.00'),
      card('支付买家数', '395'),
      card('跳失率', '--'),
    ].join('');
    const { missingOn } = await import('@/core/sites/expects');
    const now = new Date('2026-11-26T12:00:00');
    const own = sycm
      .read(document, { url: new URL('https://sycm.taobao.com/portal/home.htm'), now })
      .found.map((f) => f.observed.metric);
    expect(missingOn('sycm', '/portal/home.htm', own)).toEqual(['bounceRate', 'pagesPerVisit']);
    // Pages without a known set of numbers (a tool with no list, another site) miss nothing.
    expect(missingOn('sycm', '/flow/monitor/source.htm', own)).toEqual([]);
    expect(missingOn('jd', '/portal/home.htm', [])).toEqual([]);
  });
});

describe('values with their units in separate elements', () => {
  it('reads ¥ | 80.65 | 万 beside a comparison line as one value', () => {
    document.body.innerHTML = `<table><thead><tr><th>渠道</th><th>访客数</th><th>成交金额</th></tr></thead><tbody>
      <tr><td>直播</td><td><span>14.73</span><span>万</span><span>环比 <b>+9.15%</b></span></td><td><span>¥</span><span>45.28</span><span>万</span></td></tr>
      <tr><td>搜索</td><td>3.20<span>万</span></td><td>¥5.38万</td></tr></tbody></table>`;
    const rows = recognise(document, { defaultCurrency: 'CNY' }).map((f) => [
      f.observed.metric,
      f.observed.breakdown?.key,
      f.observed.value,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['visitors', '直播', 147300],
        ['sales', '直播', 452800],
        ['visitors', '搜索', 32000],
        ['sales', '搜索', 53800],
      ]),
    );
  });
});
