import { afterEach, describe, expect, it } from 'vitest';
import { clip, LIMITS } from '@/core/limits';
import { observedSchema } from '@/core/schemas';
import { shopify } from '@/core/sites/shopify';
import { sycm } from '@/core/sites/sycm';
import { fakeBackground, startSession } from './support/background';

/**
 * Page text is cut to the lengths the background accepts, so a long text costs its end and never a
 * reading; what the background still refuses is refused once, not retried forever.
 */

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NOW = new Date(2026, 10, 26, 12);

describe('clip', () => {
  it('keeps short text as it is and cuts long text to the limit, ending in an ellipsis', () => {
    expect(clip('访客数', 80)).toBe('访客数');
    const cut = clip('x'.repeat(200), 80);
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never cuts a character in half', () => {
    const emoji = '📈'.repeat(50); // each is two UTF-16 code units
    const cut = clip(emoji, 80);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.slice(0, -1)).toBe('📈'.repeat((cut.length - 1) / 2));
  });
});

describe('the reader cuts page text to the limits', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.title = '';
  });

  it('reads a table whose header carries a long hidden tooltip, and every reading passes validation', () => {
    const tip = '流量来源说明：统计周期内，访客进入店铺的渠道，按最后一次点击归因，同一访客在多个渠道进店时只计入最后一个渠道，数据每日更新。'.repeat(2);
    document.body.innerHTML = `<header>小雨的旗舰店</header><div>统计时间 2026-11-25</div>
      <div class="card"><span>跳失率</span><b>72.00%</b></div>
      <table><thead><tr><th>流量来源<span class="tip" style="display:none">${tip}</span></th><th>访客数</th></tr></thead>
      <tbody><tr><td>手淘搜索</td><td>1,200</td></tr><tr><td>直通车</td><td>860</td></tr></tbody></table>`;
    const read = sycm.read(document, { url: new URL('https://sycm.taobao.com/flow/monitor/source'), now: NOW });
    const rows = read.found.filter((f) => f.observed.breakdown);
    expect(rows.map((f) => [f.observed.breakdown!.key, f.observed.value])).toEqual([
      ['手淘搜索', 1200],
      ['直通车', 860],
    ]);
    expect(rows[0]!.observed.breakdown!.dimension.length).toBeLessThanOrEqual(LIMITS.dimension);
    expect(read.found.find((f) => f.observed.metric === 'bounceRate')?.observed.value).toBe(0.72);
    for (const f of read.found) expect(observedSchema.safeParse(f.observed).success).toBe(true);
  });

  it('cuts a long shop name from the page title', () => {
    document.title = `Analytics · ${'Harbor & Pine Home Goods and Linen Outlet '.repeat(5).trim()} · Shopify`;
    document.body.innerHTML = '<div><span>Sessions</span><b>1,284</b></div>';
    const read = shopify.read(document, { url: new URL('https://admin.shopify.com/store/harbor/analytics'), now: NOW });
    expect(read.store.length).toBe(LIMITS.store);
    expect(read.store.startsWith('Harbor & Pine Home Goods')).toBe(true);
  });
});

describe('a report the background refuses', () => {
  let controller: AbortController;
  afterEach(() => controller?.abort());

  it('is sent once, not again and again; a changed page makes a new report', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div><div class="card"><span>跳失率</span><b class="v">72.31%</b></div>`;
    const bg = fakeBackground();
    let refusals = 0;
    const refusing = {
      ...bg,
      report: async (r: Parameters<typeof bg.report>[0]) => {
        if (r.observed[0]!.value === 0.7231) {
          refusals++;
          throw new Error('invalid report: period ends before it starts');
        }
        return bg.report(r);
      },
    };
    controller = new AbortController();
    startSession(refusing as typeof bg, controller.signal);
    await wait(3000);
    expect(refusals).toBe(1);
    document.querySelector('.v')!.textContent = '45.20%';
    await wait(1500);
    expect(bg.reports.map((r) => r.observed.map((o) => o.value))).toEqual([[0.452]]);
  }, 10_000);
});
