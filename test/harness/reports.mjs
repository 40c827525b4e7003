import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';

/**
 * Sample report files as the platforms' own downloads look: a year of days ending on `end`, with the
 * title rows, merged header cells, totals and average rows, blank and `-` cells, percent strings and 万
 * values those files carry, in the encodings they come in. Their content is a function of `end` and a
 * seed alone (the text files are remade byte for byte; a workbook's zip carries its write time), so the
 * committed samples in test/fixtures/reports/ are remade by
 *   node test/harness/reports.mjs
 * and the end-to-end tests and `npm start` make the same files ending yesterday.
 */

/** The day the committed samples end on. */
export const SAMPLE_END = '2026-11-29';
export const SAMPLE_DAYS = 365;

/** A seeded generator (mulberry32): the same seed gives the same numbers on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A year of a shop's days: visitors with a weekly rhythm and a slow trend, and what follows from them. */
export function shopDays(end, seed, scale = 1, days = SAMPLE_DAYS) {
  const next = rng(seed);
  const out = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = addDays(end, -i);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const week = [1.25, 0.9, 0.95, 0.97, 1, 1.05, 1.2][weekday];
    const visitors = Math.round(scale * 4200 * week * (1 + (days - i) / days / 3) * (0.9 + next() * 0.2));
    const conversion = Math.round((0.018 + next() * 0.012) * 10000) / 10000;
    const buyers = Math.max(1, Math.round(visitors * conversion));
    const aov = Math.round((88 + next() * 30) * 100) / 100;
    const pv = Math.round(visitors * (2.6 + next() * 1.4));
    out.push({
      date,
      visitors,
      pageViews: pv,
      bounceRate: Math.round((0.52 + next() * 0.2) * 10000) / 10000,
      pagesPerVisit: Math.round((pv / visitors) * 100) / 100,
      duration: Math.round(40 + next() * 60),
      buyers,
      conversion,
      aov,
      sales: Math.round(buyers * aov * 100) / 100,
      units: buyers + Math.round(buyers * next() * 0.4),
      orders: buyers + Math.round(buyers * next() * 0.1),
      cart: Math.round(visitors * 0.08),
    });
  }
  return out;
}

const pct = (f) => `${(f * 100).toFixed(2)}%`;
const cn = (d) => d.replace(/-/g, '-');
/** A holiday the shop was closed: its row has a blank and `-` where nothing was counted. */
const holiday = (date) => date.endsWith('-02-10') || date.endsWith('-10-02');

function csv(rows, delimiter = ',') {
  return (
    rows
      .map((r) => r.map((c) => (/[",\n\r]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(delimiter))
      .join('\r\n') + '\r\n'
  );
}

/** 生意参谋 取数: a workbook with title rows, a header merged over two rows, 万 values, a totals and an average row. */
async function sycm(end) {
  const days = shopDays(end, 11);
  const start = days[0].date;
  const b = (value, extra = {}) => ({ value, fontWeight: 'bold', ...extra });
  const data = [
    [b('生意参谋 · 取数 · 店铺整体日报', { columnSpan: 12 }), ...Array(11).fill(null)],
    [{ value: '店铺名称：山茶小铺' }],
    [{ value: `统计时间：${cn(start)} ~ ${cn(end)}` }],
    [{ value: '币种：人民币' }],
    [],
    [
      b('统计日期', { rowSpan: 2 }),
      b('流量', { columnSpan: 6, align: 'center' }),
      null,
      null,
      null,
      null,
      null,
      b('交易', { columnSpan: 5, align: 'center' }),
      null,
      null,
      null,
      null,
    ],
    [
      null,
      b('访客数'),
      b('浏览量'),
      b('跳失率'),
      b('人均浏览量'),
      b('平均停留时长(秒)'),
      b('加购人数'),
      b('支付金额(元)'),
      b('支付买家数'),
      b('支付转化率'),
      b('客单价'),
      b('下单金额'),
    ],
  ];
  for (const d of days) {
    const closed = holiday(d.date);
    data.push([
      { value: d.date },
      { value: d.visitors, type: Number },
      // Large page views are printed in 万, as 生意参谋 does past ten thousand.
      {
        value: d.pageViews >= 10000 ? `${(d.pageViews / 10000).toFixed(4)}万` : d.pageViews,
        ...(d.pageViews >= 10000 ? {} : { type: Number }),
      },
      { value: pct(d.bounceRate) },
      { value: d.pagesPerVisit, type: Number },
      closed ? null : { value: d.duration, type: Number },
      { value: d.cart, type: Number },
      { value: d.sales, type: Number },
      { value: d.buyers, type: Number },
      { value: pct(d.conversion) },
      closed ? { value: '-' } : { value: d.aov, type: Number },
      { value: Math.round(d.sales * 1.1 * 100) / 100, type: Number },
    ]);
  }
  const sum = (k) => days.reduce((s, d) => s + d[k], 0);
  data.push([
    b('合计'),
    { value: sum('visitors'), type: Number },
    { value: sum('pageViews'), type: Number },
    null,
    null,
    null,
    null,
    { value: Math.round(sum('sales') * 100) / 100, type: Number },
  ]);
  data.push([b('日均'), { value: Math.round(sum('visitors') / days.length), type: Number }]);
  return writeXlsxFile(data, { sheet: '店铺整体', columns: [{ width: 14 }] }).toBuffer();
}

/** 京东商智 经营概况 as Chinese Excel saves CSV: GB18030, title rows, 成交 wording, `-` cells, a 合计 row. */
function jd(end) {
  const days = shopDays(end, 23, 0.7);
  const rows = [
    ['京东商智-经营概况-交易概况'],
    ['店铺：京造好物自营店'],
    [`时间：${days[0].date}至${end}`],
    [],
    [
      '日期',
      '访客数',
      '浏览量',
      '成交金额',
      '成交客户数',
      '成交单量',
      '成交转化率',
      '客单价',
      '跳失率',
      '下单金额',
      '下单客户数',
    ],
  ];
  for (const d of days)
    rows.push([
      d.date.replace(/-/g, '/'),
      d.visitors,
      d.pageViews,
      d.sales.toFixed(2),
      d.buyers,
      d.orders,
      pct(d.conversion),
      holiday(d.date) ? '-' : d.aov.toFixed(2),
      pct(d.bounceRate),
      (d.sales * 1.08).toFixed(2),
      d.buyers + 3,
    ]);
  rows.push(['合计', days.reduce((s, d) => s + d.visitors, 0), '', '', '', '', '', '', '', '', '']);
  return iconv.encode(csv(rows), 'gb18030');
}

/** Shopify Analytics "Sales over time" export: plain UTF-8 CSV, rates as fractions, a look-alike sales breakdown. */
function shopify(end) {
  const days = shopDays(end, 37, 0.2);
  const rows = [
    [
      'Day',
      'Online store sessions',
      'Orders',
      'Gross sales',
      'Discounts',
      'Total sales',
      'Online store conversion rate',
      'Returning customer rate',
    ],
  ];
  for (const d of days)
    rows.push([
      d.date,
      d.visitors,
      d.orders,
      (d.sales * 1.1).toFixed(2),
      (-d.sales * 0.1).toFixed(2),
      d.sales.toFixed(2),
      d.conversion.toFixed(4),
      holiday(d.date) ? '' : (0.18 + (d.visitors % 7) / 100).toFixed(4),
    ]);
  rows.push(['Total', days.reduce((s, d) => s + d.visitors, 0), '', '', '', '', '', '']);
  return Buffer.from(csv(rows), 'utf8');
}

/** Amazon Business Reports "Detail Page Sales and Traffic" by date: UTF-8 with a BOM, month/day/year, $ and %. */
function amazon(end) {
  const days = shopDays(end, 41, 0.3);
  const usd = (n) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const rows = [
    [
      'Date',
      'Ordered Product Sales',
      'Units Ordered',
      'Total Order Items',
      'Page Views - Total',
      'Sessions - Total',
      'Unit Session Percentage',
      'Average Sales per Order Item',
    ],
  ];
  for (const d of days) {
    const [y, m, day] = d.date.split('-');
    rows.push([
      `${+m}/${+day}/${y}`,
      usd(d.sales),
      d.units,
      d.orders + 2,
      d.pageViews,
      d.visitors,
      pct(d.units / d.visitors),
      usd(d.aov),
    ]);
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(rows), 'utf8')]);
}

/** GA4 "Explore" CSV: `#` comment rows with the property and range, dates as 8 digits, seconds and fractions. */
function ga4(end) {
  const days = shopDays(end, 53, 0.5);
  const compact = (d) => d.replace(/-/g, '');
  const lines = [
    '# ----------------------------------------',
    '# Reports snapshot',
    '# Account: Maple Goods',
    `# Start date: ${compact(days[0].date)}`,
    `# End date: ${compact(end)}`,
    '# ----------------------------------------',
    '',
  ];
  const rows = [['Date', 'Total users', 'Sessions', 'Views', 'Engagement rate', 'Average engagement time', 'Total revenue']];
  for (const d of days)
    rows.push([
      compact(d.date),
      d.visitors,
      Math.round(d.visitors * 1.2),
      d.pageViews,
      (1 - d.bounceRate).toFixed(4),
      d.duration,
      d.sales.toFixed(2),
    ]);
  rows.push(['Grand total', days.reduce((s, d) => s + d.visitors, 0), '', '', '', '', '']);
  rows.push(['2025-W01', 1, 1, 1, '0.5', 1, '1.00']);
  return Buffer.from(lines.join('\n') + '\n' + csv(rows), 'utf8');
}

/** A legacy Excel 97–2003 file's opening bytes (an OLE compound document): it must be refused, not guessed at. */
function legacyXls() {
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  return head;
}

export const REPORT_FILES = {
  sycm: '生意参谋-店铺整体日报.xlsx',
  jd: '京东商智-经营概况.csv',
  shopify: 'shopify-sales-over-time.csv',
  amazon: 'amazon-business-report.csv',
  ga4: 'ga4-reports-snapshot.csv',
  xls: '生意参谋-旧版.xls',
};

/** Writes every sample ending on `end` into `dir`; returns their paths by platform. */
export async function writeReports(dir, end = SAMPLE_END) {
  mkdirSync(dir, { recursive: true });
  const files = {
    sycm: await sycm(end),
    jd: jd(end),
    shopify: shopify(end),
    amazon: amazon(end),
    ga4: ga4(end),
    xls: legacyXls(),
  };
  const paths = {};
  for (const [k, bytes] of Object.entries(files)) {
    paths[k] = resolve(dir, REPORT_FILES[k]);
    writeFileSync(paths[k], bytes);
  }
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'test/fixtures/reports');
  const paths = await writeReports(dir, process.argv[3] ?? SAMPLE_END);
  for (const p of Object.values(paths)) console.log(p);
}
