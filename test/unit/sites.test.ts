import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_MATCHES, SITES, siteById, siteFor, type SiteAdapter } from '@/core/sites';
import { ALERT_STRINGS } from '@/core/strings/alerts';
import { SHOP_METRICS, NEVER_LABELS, normalizeLabel } from '@/core/metrics';
import { LabelMatcher } from '@/core/reader/labels';

/** Every module of core/sites, to find the site files among them. */
const MODULES = import.meta.glob<Record<string, unknown>>('../../core/sites/*.ts', { eager: true });
const isAdapter = (v: unknown): v is SiteAdapter =>
  !!v && typeof v === 'object' && 'id' in v && 'matches' in v && typeof (v as SiteAdapter).read === 'function';

/** Real addresses of each back office's pages. */
const PAGES: Record<string, string[]> = {
  sycm: ['https://sycm.taobao.com/portal/home.htm', 'https://sycm.taobao.com/flow/monitor/source.htm'],
  jd: ['https://sz.jd.com/sz/view/indexs/realTimes.html'],
  douyin: ['https://compass.jinritemai.com/shop/core-data'],
  pdd: ['https://mms.pinduoduo.com/sycm/stores_data/operation'],
  shopee: [
    'https://seller.shopee.tw/datacenter/dashboard',
    'https://seller.shopee.cn/datacenter/overview',
    'https://seller.shopee.com.my/datacenter',
    'https://seller.shopee.tw/portal/marketing/pass',
  ],
  shopify: ['https://admin.shopify.com/store/lumen-goods/analytics'],
  amazon: ['https://sellercentral.amazon.com/business-reports/ref=xx', 'https://sellercentral.amazon.co.uk/business-reports'],
  ga4: ['https://analytics.google.com/analytics/web/#/p123456789/reports/intelligenthome'],
  alimama: [
    'https://one.alimama.com/index.html#!/report/account',
    'https://subway.simba.taobao.com/#!/report/bpreport/index',
    'https://tuijian.taobao.com/indexbp-display.html',
  ],
  jzt: ['https://jzt.jd.com/home/', 'https://jzt.jd.com/kuaiche/report'],
  qianchuan: ['https://qianchuan.jinritemai.com/promotion-v2/standard?aavid=1'],
  'shopee-ads': [
    'https://seller.shopee.tw/portal/marketing/pas/index',
    'https://seller.shopee.com.my/portal/marketing/pas/assembly/123',
  ],
  'amazon-ads': [
    'https://advertising.amazon.com/cm/campaigns?entityId=ENTITY1',
    'https://advertising.amazon.co.uk/cm/sp/campaigns/1',
    'https://sellercentral.amazon.com/cm/campaigns',
  ],
  'google-ads': ['https://ads.google.com/aw/overview?ocid=1'],
};

const NOT_BACK_OFFICES = [
  'https://www.taobao.com/',
  'https://item.taobao.com/item.htm?id=1',
  'http://sycm.taobao.com/portal/home.htm',
  'https://sycm.taobao.com.evil.example/portal/home.htm',
  'https://evil.example/?u=https://sycm.taobao.com/',
  'https://shopee.tw/',
  'https://www.shopify.com/',
  'https://www.amazon.com/dp/B000',
  'https://google.com/analytics',
  'https://advertising.amazon.com.evil.example/cm/',
  'https://ads.google.com.evil.example/',
  'https://www.alimama.com/',
];

describe('site registry', () => {
  it('lists each back office once, with pages to test it on', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(PAGES).sort()).toEqual([...ids].sort());
  });

  it.each(SITES.map((s) => [s.id, s] as const))('%s claims its own pages and no other site’s', (id, site) => {
    for (const url of PAGES[id]!) expect(site.isPage(new URL(url)), url).toBe(true);
    for (const [other, urls] of Object.entries(PAGES)) {
      if (other === id) continue;
      for (const url of urls) expect(site.isPage(new URL(url)), `${id} must not claim ${url}`).toBe(false);
    }
    for (const url of NOT_BACK_OFFICES) expect(site.isPage(new URL(url)), url).toBe(false);
  });

  it.each(SITES.map((s) => [s.id] as const))('%s has saved pages with expectations and a name in every language', (id) => {
    const dir = `test/fixtures/${id}`;
    expect(existsSync(dir), dir).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.expected.json')).length).toBeGreaterThan(0);
    for (const table of Object.values(ALERT_STRINGS)) expect((table as Record<string, string>)[`site_${id}`]).toBeTruthy();
  });

  it('has one file per back office, each listed in the registry', () => {
    const files = Object.entries(MODULES).filter(([, mod]) => Object.values(mod).some(isAdapter));
    expect(files.length).toBe(SITES.length);
    for (const [file, mod] of files) {
      const adapters = Object.values(mod).filter(isAdapter);
      expect(adapters, `${file} holds one back office`).toHaveLength(1);
      expect(SITES, `${file} is listed in core/sites/index.ts`).toContain(adapters[0]);
      expect(file.endsWith(`/${adapters[0]!.id}.ts`), `${file} is named after its site`).toBe(true);
    }
  });

  it.each(SITES.map((s) => [s.id, s] as const))(
    '%s: its own words are a sorted table that says something the catalogue does not',
    (id, site) => {
      const labels = Object.keys(site.labels ?? {});
      expect(labels).toEqual([...labels].sort());
      const catalogue = new LabelMatcher(site.metrics ?? SHOP_METRICS);
      const own = new LabelMatcher(site.metrics ?? SHOP_METRICS, site.labels);
      for (const [label, metric] of Object.entries(site.labels ?? {})) {
        expect(normalizeLabel(label).length, label).toBeGreaterThan(0);
        expect(own.match(label)?.metric ?? null, `${id}: ${label}`).toBe(metric);
        const before = catalogue.match(label);
        expect(before !== null && before.metric === metric, `${id}: ${label} means the same in the catalogue`).toBe(false);
      }
    },
  );

  it('asks only for the back offices it reads: https, exact hosts, no wildcards', () => {
    for (const m of ALL_MATCHES) expect(m).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    expect(ALL_MATCHES).not.toContain('<all_urls>');
  });

  it('finds the site of a page', () => {
    expect(siteFor(new URL(PAGES.shopify![0]!))?.id).toBe('shopify');
    expect(siteFor(new URL('https://example.com/'))).toBeUndefined();
  });
});

describe('Google Analytics 4’s words, by its own definitions', () => {
  it('reads Returning users (a count of users with an earlier session) as returning visitors, never as users', () => {
    const ga4 = new LabelMatcher(SHOP_METRICS, siteById('ga4')!.labels);
    expect(ga4.match('Returning users')?.metric).toBe('returningVisitors');
    expect(ga4.match('Total purchasers')?.metric).toBe('paidBuyers');
    expect(ga4.match('Ecommerce purchases')?.metric).toBe('orders');
    // Parts of users and sessions stay look-alikes; the share of returning visitors is another metric.
    expect(ga4.match('New users')?.metric ?? null).toBeNull();
    expect(ga4.match('Engaged sessions')?.metric ?? null).toBeNull();
    expect(ga4.match('Engagement rate')?.metric ?? null).toBeNull();
  });
});

describe('the README’s vocabulary tables say what the code does', () => {
  const readme = readFileSync('README.md', 'utf8');
  const NAMES: Readonly<Record<string, string>> = {
    sycm: '生意参谋',
    jd: '京东商智',
    douyin: '抖店罗盘',
    pdd: '拼多多',
    shopee: 'Shopee',
    shopify: 'Shopify',
    amazon: 'Amazon Seller Central',
    ga4: 'Google Analytics 4',
    alimama: '阿里妈妈',
    jzt: '京准通',
    qianchuan: '巨量千川',
    'shopee-ads': 'Shopee Ads',
    'amazon-ads': 'Amazon Ads',
    'google-ads': 'Google Ads',
  };
  const section = readme.slice(readme.indexOf("#### Each platform's own words"));
  const rows = new Map(
    section
      .split('\n')
      .filter((l) => l.startsWith('| '))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map((c) => [c[1]!, { prints: c[2]!, never: c[3]! }] as const),
  );
  const names = (column: string) =>
    column
      .split(/[,;]\s*/)
      .map((entry) => /^(?:in 繁體 )?(.+?)\s*(?:→\s*(\w+))?(?:\s*\(.*)?$/.exec(entry.trim()))
      .filter((m) => m !== null)
      // Compared as the reader folds labels: "Sessions – Total" and "Sessions - Total" are one label.
      .flatMap((m) => m[1]!.split(' / ').map((name) => [normalizeLabel(name), m[2] ?? null] as const));

  it.each(SITES.map((s) => [s.id, s] as const))('%s: every entry of its own table is in its README row', (id, site) => {
    const row = rows.get(NAMES[id]!);
    expect(row, `README row for ${id}`).toBeDefined();
    const prints = names(row!.prints);
    const never = names(row!.never).map(([name]) => name);
    for (const [label, metric] of Object.entries(site.labels ?? {})) {
      if (metric === null) expect(never, `${id}: ${label} in the never column`).toContain(normalizeLabel(label));
      else expect(prints, `${id}: ${label} → ${metric}`).toContainEqual([normalizeLabel(label), metric]);
    }
  });

  it('lists the never-map list exactly as the code has it', () => {
    expect(readme).toContain(`: ${NEVER_LABELS.join(', ')};`);
  });
});
