import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ADS_SITES, adsSiteFor } from '@/core/sites/ads';
import { shopSiteFor } from '@/core/sites/shops';
import { siteById, siteFor } from '@/core/sites';

/**
 * The ads back offices' saved pages read in the test DOM by their adapter: every expected number, not
 * one wrong value, never a shop metric, and a campaign's spend never stored as the account's. The
 * browser corpus (test/e2e/corpus.e2e.test.ts) reads the same pages in Chromium.
 */

interface Expected {
  url: string;
  store: string | null;
  period: { kind: string; start: string; end: string };
  readings: Array<{ metric: string; value: number; currency?: string; breakdown?: { dimension: string; key: string } }>;
  absent: string[];
}

const keyOf = (r: { metric: string; breakdown?: { key: string } }) => `${r.metric}${r.breakdown ? ` [${r.breakdown.key}]` : ''}`;
const totals: string[] = [];

function readFixture(dir: string, name: string) {
  const expected = JSON.parse(readFileSync(`test/fixtures/${dir}/${name}.expected.json`, 'utf8')) as Expected;
  const html = readFileSync(`test/fixtures/${dir}/${name}.html`, 'utf8');
  document.documentElement.innerHTML = html.slice(html.indexOf('<html'), html.lastIndexOf('</html>')).replace(/^<html[^>]*>/, '');
  const url = new URL(expected.url);
  const site = siteFor(url)!;
  const page = site.read(document, { url, now: new Date('2026-11-26T09:00:00+08:00') });
  return { expected, site, page };
}

describe.each(ADS_SITES.map((s) => [s.id] as const))('%s saved pages', (id) => {
  const names = readdirSync(`test/fixtures/${id}`)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.expected.json'.length));
  let expectedCount = 0;
  let correct = 0;
  let wrongCount = 0;
  afterAll(() => {
    totals.push(
      `${id}: recall ${(correct / Math.max(1, expectedCount)).toFixed(3)}, ${wrongCount} wrong values (${expectedCount} expected)`,
    );
  });

  it.each(names.map((n) => [n] as const))('%s: reads what the page shows and nothing else', (name) => {
    const { expected, site, page } = readFixture(id, name);
    expect(site.id).toBe(id);
    expect(adsSiteFor(new URL(expected.url))?.id, 'the ads script reads it').toBe(id);
    expect(shopSiteFor(new URL(expected.url)), 'the shop script does not').toBeUndefined();
    const got = new Map(
      page.found.map((f) => [
        keyOf({ metric: f.observed.metric, ...(f.observed.breakdown ? { breakdown: f.observed.breakdown } : {}) }),
        f.observed,
      ]),
    );
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const w of expected.readings) {
      const g = got.get(keyOf(w));
      if (!g) missed.push(keyOf(w));
      else if (
        Math.abs(g.value - w.value) > 1e-9 * Math.max(1, Math.abs(w.value)) ||
        (g.currency ?? null) !== (w.currency ?? null)
      )
        wrong.push(`${keyOf(w)}: ${g.value} ${g.currency ?? ''} ≠ ${w.value} ${w.currency ?? ''}`);
      else correct++;
    }
    for (const [key, g] of got) {
      if (expected.readings.some((w) => keyOf(w) === key)) continue;
      if (!g.metric.startsWith('ad')) wrong.push(`${key}: a shop metric read on an ads page`);
      else if (!g.breakdown) wrong.push(`${key}: ${g.value} read as the account's, the page shows no such number`);
      // Every row of these pages is listed: a part not listed is a total or a label row taken for a campaign.
      else wrong.push(`${key}: ${g.value} read as a part the page does not have`);
    }
    expectedCount += expected.readings.length;
    wrongCount += wrong.length;
    expect(wrong).toEqual([]);
    expect(missed.length / expected.readings.length, missed.join(', ')).toBeLessThanOrEqual(0.02);
    if (expected.store !== null) expect(page.store).toBe(expected.store);
    expect(page.period).toEqual(expected.period);
  });
});

afterAll(() => console.log(['', 'ads back offices, test DOM:', ...totals.map((t) => `  ${t}`)].join('\n')));

it('an ads table with no cards stores no account total: each plan is a part, its 合计 row none', () => {
  const alimama = siteById('alimama')!;
  document.body.innerHTML = `<header><span>账户：</span><b>森屿家居</b></header><p>数据时间 2026-11-25</p>
    <table><thead><tr><th>计划名称</th><th>花费(元)</th><th>点击量</th></tr></thead>
    <tbody><tr><td>计划一</td><td>120.50</td><td>300</td></tr><tr><td>计划二</td><td>80.00</td><td>150</td></tr></tbody>
    <tfoot><tr><td>合计</td><td>200.50</td><td>450</td></tr></tfoot></table>`;
  const url = new URL('https://one.alimama.com/index.html');
  const page = alimama.read(document, { url, now: new Date('2026-11-26T09:00:00+08:00') });
  const found = page.found.map((f) => [f.observed.metric, f.observed.value, f.observed.breakdown?.key ?? 'account']);
  expect(found).toEqual(
    expect.arrayContaining([
      ['adSpend', 120.5, '计划一'],
      ['adSpend', 80, '计划二'],
      ['adClicks', 300, '计划一'],
    ]),
  );
  expect(found.filter(([, , who]) => who === 'account')).toEqual([]);
  expect(page.store).toBe('森屿家居');
});

it('the seeded 阿里妈妈 day page (test/harness/ads-days.mjs) reads back exactly what it was filled with', async () => {
  // @ts-expect-error plain ES module with JSDoc types
  const { adsDayPage, adsDayValues, ALIMAMA_SEED_URL } = await import('../harness/ads-days.mjs');
  const day = {
    date: '2026-11-24',
    spend: 980.5,
    adSales: 3137.6,
    clicks: 1421,
    impressions: 40210,
    plans: [
      { name: '关键词推广-主推', spend: 600, adSales: 2100, clicks: 900 },
      { name: '人群推广-拉新', spend: 380.5, adSales: 1037.6, clicks: 521 },
    ],
  };
  const html: string = adsDayPage('森屿家居旗舰店', day);
  document.documentElement.innerHTML = html.slice(html.indexOf('<head>'), html.lastIndexOf('</html>'));
  const url = new URL(ALIMAMA_SEED_URL);
  const page = siteById('alimama')!.read(document, { url, now: new Date('2026-11-26T09:00:00+08:00') });
  const account = Object.fromEntries(
    page.found.filter((f) => !f.observed.breakdown).map((f) => [f.observed.metric, f.observed.value]),
  );
  expect(account).toEqual(adsDayValues(day));
  expect(page.store).toBe('森屿家居旗舰店');
  expect(page.period).toEqual({ kind: 'day', start: '2026-11-24', end: '2026-11-24' });
  const plans = page.found
    .filter((f) => f.observed.breakdown?.key === '人群推广-拉新')
    .map((f) => [f.observed.metric, f.observed.value]);
  expect(plans.sort()).toEqual([
    ['adClicks', 521],
    ['adRoas', 2.73],
    ['adSales', 1037.6],
    ['adSpend', 380.5],
  ]);
});

it('names the ads account as the page names it, and the host when nothing names one', () => {
  const jzt = siteById('jzt')!;
  const url = new URL('https://jzt.jd.com/kuaiche/report');
  const now = new Date('2026-11-26T09:00:00+08:00');
  const body = '<p>时间：2026-11-25</p><ul><li><span>花费</span><b>¥120.00</b></li></ul>';
  document.body.innerHTML = `<div class="top"><span>账户：</span><span>森屿家居京东店</span></div>${body}`;
  expect(jzt.read(document, { url, now }).store).toBe('森屿家居京东店');
  // A balance beside the account is no account name.
  document.body.innerHTML = `<div class="top"><span>账户余额：¥5,000.00</span></div>${body}`;
  const unnamed = jzt.read(document, { url, now });
  expect(unnamed.store).toBe('jzt.jd.com');
  expect(unnamed.found.map((f) => [f.observed.metric, f.observed.value])).toEqual([['adSpend', 120]]);
  // Google Ads: the customer's name beside its ID, never the ID.
  const google = siteById('google-ads')!;
  document.body.innerHTML = `<header><span>Lumen Goods</span><span>123-456-7890</span></header><p>Nov 19 - Nov 25, 2026</p><div><span>Cost</span><b>US$12.00</b></div>`;
  expect(google.read(document, { url: new URL('https://ads.google.com/aw/overview'), now }).store).toBe('Lumen Goods');
});
