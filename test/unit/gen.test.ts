import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOP_METRICS } from '../../core/metrics';
import { LabelMatcher } from '../../core/reader/labels';
import { siteById, siteFor } from '../../core/sites';
import { shiftDecimal } from '../gen/format';
import { FIXED_SEEDS, generatePage, rotatingSeeds, type Expected } from '../gen/page';
import { rng } from '../gen/prng';
import { scorePage, type Stored } from '../gen/score';
import { KIND, VOCAB, type Locale } from '../gen/vocab';

const pages = FIXED_SEEDS.map((seed) => generatePage(seed, { now: new Date('2026-11-30T03:00:00Z') }));

describe('page generator', () => {
  it('is a function of the seed', () => {
    const a = generatePage(424242, { now: new Date('2026-11-30T03:00:00Z') });
    const b = generatePage(424242, { now: new Date('2026-11-30T03:00:00Z') });
    expect(b.html).toBe(a.html);
    expect(b.expected).toEqual(a.expected);
    expect(generatePage(424243).html).not.toBe(a.html);
    expect(rng(5).next()).toBe(rng(5).next());
    expect(rotatingSeeds('2026-11-30', 5)).toEqual(rotatingSeeds('2026-11-30', 5));
    expect(rotatingSeeds('2026-12-01', 5)).not.toEqual(rotatingSeeds('2026-11-30', 5));
  });

  it('serves every page at an address its platform’s adapter owns', () => {
    for (const p of pages) expect(siteFor(new URL(p.url))?.id, p.url).toBe(p.platform);
    expect(new Set(pages.map((p) => new URL(p.url).pathname)).size).toBe(pages.length);
  });

  it('prints each platform’s words as its adapter reads them: a metric’s labels map to it there, look-alikes to none', () => {
    const disagree: string[] = [];
    for (const [platform, locales] of Object.entries(VOCAB)) {
      const site = siteById(platform)!;
      const matcher = new LabelMatcher(site.metrics ?? SHOP_METRICS, site.labels);
      for (const [locale, vocab] of Object.entries(locales)) {
        for (const [metric, labels] of Object.entries(vocab!.labels))
          for (const label of labels!)
            if (matcher.match(label)?.metric !== metric) disagree.push(`${platform} ${locale}: ${label} is ${metric}`);
        for (const label of vocab!.negatives)
          if (matcher.match(label)?.metric) disagree.push(`${platform} ${locale}: ${label} is no metric`);
      }
    }
    expect(disagree).toEqual([]);
  });

  it('knows exact truth in canonical units', () => {
    for (const p of pages) {
      const e = p.expected;
      expect(e.readings.length, `seed ${p.seed}`).toBeGreaterThan(0);
      for (const t of e.readings) {
        expect(Number.isFinite(t.value), `seed ${p.seed} ${t.metric}`).toBe(true);
        const kind = KIND[t.metric];
        if (kind === 'money') expect(t.currency, `seed ${p.seed} ${t.metric}`).toMatch(/^[A-Z]{3}$/);
        else expect(t.currency).toBeUndefined();
        if (kind === 'rate') expect(t.value > 0 && t.value < 1, `seed ${p.seed} ${t.metric} ${t.value}`).toBe(true);
      }
      for (const m of e.absent)
        expect(e.readings.some((t) => t.metric === m && !t.breakdown && !t.period && !t.optional)).toBe(false);
    }
  });

  it('names every quantity of its truth on the page', () => {
    const unescape = (t: string) => t.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)));
    for (const p of pages) {
      // Text, attribute values (srcdoc frames) and scripts (shadow cards render from data) all count.
      const text = unescape(unescape(p.html));
      const vocab = VOCAB[p.platform][p.axes.platform!.split('/')[2] as Locale]!;
      for (const t of p.expected.readings) {
        const sentence = p.axes.container === 'sentence' && p.axes.platform!.endsWith('/en');
        const phrases = [
          'unique visitors',
          'visits',
          'pageviews',
          'bounced',
          'average visit duration',
          'orders',
          'total revenue',
        ];
        const words = [...(vocab.labels[t.metric] ?? []), ...(sentence ? phrases : [])];
        expect(
          words.some((w) => text.includes(w)),
          `seed ${p.seed}: ${t.metric}`,
        ).toBe(true);
        if (t.breakdown) expect(text, `seed ${p.seed}`).toContain(t.breakdown.key);
      }
    }
  });

  it('prints what its truth says', () => {
    // A sample of store-level numbers: each must be on the page as the generator printed it.
    const page = generatePage(FIXED_SEEDS[0]!);
    const text = page.html.replace(/<[^>]+>/g, '');
    expect(page.html).toContain(`data-seed="${FIXED_SEEDS[0]}"`);
    expect(text.length).toBeGreaterThan(200);
    expect(shiftDecimal('72.31', -2)).toBe(0.7231);
    expect(shiftDecimal('1.23', 4)).toBe(12300);
    expect(shiftDecimal('0.5', -2)).toBe(0.005);
  });

  it('covers every axis over the fixed seeds', () => {
    const seen = (key: string) => new Set(pages.map((p) => p.axes[key]).filter((v): v is string => !!v));
    expect(new Set(pages.map((p) => p.platform)).size).toBe(Object.keys(VOCAB).length);
    expect([...seen('container')].sort()).toEqual(['cards', 'dl', 'grid', 'rowTable', 'sentence'].sort());
    expect([...seen('label')].sort()).toEqual(['above', 'after', 'below', 'beside', 'inside'].sort());
    expect(seen('date').size).toBeGreaterThanOrEqual(6);
    expect([...seen('wrapper')].sort()).toEqual(['frame', 'plain', 'shadow']);
    expect([...seen('shadow')].some((s) => s.includes('late'))).toBe(true);
    expect([...seen('shadow')].some((s) => s.startsWith('depth 3'))).toBe(true);
    for (const key of [
      'tabs',
      'days',
      'sources',
      'items',
      'countUp',
      'negatives',
      'placeholder',
      'fullWidth',
      'popover',
      'compareDate',
      'longHeader',
    ]) {
      expect(seen(key).size, key).toBeGreaterThan(0);
    }
    const locales = new Set(pages.map((p) => (p.axes.platform ?? '').split('/')[2]));
    expect([...locales].sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
  });
});

describe('scoring a page', () => {
  const expected: Expected = {
    url: 'https://sycm.taobao.com/portal/s1/home.htm',
    store: '小雨的旗舰店',
    period: { kind: 'day', start: '2026-11-25', end: '2026-11-25' },
    readings: [
      { metric: 'visitors', value: 5146 },
      { metric: 'sales', value: 18624.48, currency: 'CNY' },
      { metric: 'pageViews', value: 900, period: { kind: 'day', start: '2026-11-24', end: '2026-11-24' } },
      { metric: 'pageViews', value: 7000, period: { kind: 'range', start: '2026-11-19', end: '2026-11-25' }, optional: true },
      { metric: 'visitors', value: 2214, breakdown: { dimension: '流量来源', key: '手淘搜索' } },
    ],
    absent: [],
    volatile: false,
    notes: '',
    seed: 1,
  };
  const day = { kind: 'day', start: '2026-11-25', end: '2026-11-25' };
  const stored = (r: Partial<Stored> & { metric: string; value: number }, at = 1): Stored => ({
    period: day,
    observedAt: at,
    store: '小雨的旗舰店',
    ...r,
  });

  it('counts a reading correct only when value, currency and period match', () => {
    const s = scorePage(expected, 'sycm', [
      stored({ metric: 'visitors', value: 5146 }),
      stored({ metric: 'sales', value: 18624.48, currency: 'CNY' }),
      stored({ metric: 'pageViews', value: 900, period: { kind: 'day', start: '2026-11-24', end: '2026-11-24' } }),
      stored({ metric: 'visitors', value: 2214, breakdown: { dimension: '流量来源', key: '手淘搜索' } }),
    ]);
    expect(s).toMatchObject({ expected: 4, correct: 4, wrong: [], missed: [], extra: [] });
  });

  it('calls a number under the wrong dates, a wrong currency and a shop number the page lacks wrong', () => {
    const s = scorePage(expected, 'sycm', [
      stored({ metric: 'visitors', value: 5146, period: { kind: 'day', start: '2026-11-29', end: '2026-11-29' } }),
      stored({ metric: 'sales', value: 18624.48, currency: 'USD' }),
      stored({ metric: 'orders', value: 12 }),
      stored({ metric: 'pageViews', value: 7001, period: { kind: 'range', start: '2026-11-19', end: '2026-11-25' } }),
    ]);
    expect(s.correct).toBe(0);
    expect(s.wrong).toHaveLength(4);
    expect(s.missed).toEqual([
      'pageViews = 900 (day 2026-11-24..2026-11-24)',
      'visitors [流量来源=手淘搜索] = 2214 (day 2026-11-25..2026-11-25)',
    ]);
  });

  it('keeps the latest value of a series and lists unknown parts as extra', () => {
    const s = scorePage(expected, 'sycm', [
      stored({ metric: 'visitors', value: 10 }, 1),
      stored({ metric: 'visitors', value: 5146 }, 2),
      stored({ metric: 'visitors', value: 7, breakdown: { dimension: '日期', key: '2026-11-24' } }),
    ]);
    expect(s.correct).toBe(1);
    expect(s.wrong).toEqual([]);
    expect(s.extra).toEqual(['visitors [日期=2026-11-24] = 7 (day 2026-11-25..2026-11-25)']);
  });

  it('matches an unknown period by kind only', () => {
    const unknown: Expected = {
      ...expected,
      period: { kind: 'unknown', start: '', end: '' },
      readings: [{ metric: 'visitors', value: 5 }],
    };
    expect(
      scorePage(unknown, 'sycm', [
        stored({ metric: 'visitors', value: 5, period: { kind: 'unknown', start: '2026-11-30', end: '2026-11-30' } }),
      ]).correct,
    ).toBe(1);
    expect(scorePage(unknown, 'sycm', [stored({ metric: 'visitors', value: 5 })]).wrong).toHaveLength(1);
  });
});

describe('design systems stay in the test tier', () => {
  it('no extension source imports them', () => {
    const libs =
      /from ['"](react|react-dom|antd|@ant-design|@alifd|@arco-design|@shopify\/polaris|@mui|@emotion|vue|@vue|element-plus|moment)(\/|['"])/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(e.name) && libs.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    for (const dir of ['core', 'entrypoints', 'components']) walk(dir);
    expect(offenders).toEqual([]);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((d) => libs.test(`from '${d}'`))).toEqual([]);
  });
});
