import { cls, esc, group, shiftDecimal } from './format';
import { expectedOf, rotatingSeeds, uniqueUrl, type GeneratedPage, type Period, type TruthReading } from './page';
import { platformById, type Market } from './platforms';
import { rng, type Rng } from './prng';
import { KIND, VOCAB, type Locale, type Metric, type PlatformId } from './vocab';
import { count, NUMBER_CLASSES, NUMBER_RENDER, REGIONAL, type NumberClass } from './number-layouts';

/**
 * Seeded pages along layout axes the main generator does not draw, each page one layout class with
 * known truth: statistic cards whose label holds a tooltip icon (and a hidden tooltip with numbers),
 * numbers split from their unit into other elements, labels with footnote markers, rows and labels that
 * wrap (a `<br>` between label and value, or inside a label), virtualized tables (a header table apart
 * from the body table, or `role=row` divs positioned absolutely in recycled order), grids whose label
 * and value are sibling cells in different columns (row-major and column-major), labels in Traditional
 * Chinese and values wrapped in bidi marks in right-to-left containers, label-first sentences whose
 * values sit in elements after a colon, and labels in the middle of a text node that starts with other
 * words. Written from what back offices print, not from the reader's rules.
 */

export const LAYOUT_CLASSES = [
  'tipIcon',
  'unitSplit',
  'footnote',
  'wrap',
  'virtualTable',
  'gridColumns',
  'zhTW',
  'rtl',
  'colonElements',
  'midText',
  ...NUMBER_CLASSES,
] as const;
export type LayoutClass = (typeof LAYOUT_CLASSES)[number];

/** The shop back offices drawn from, with the market each one prints in. */
const MARKETS: ReadonlyArray<readonly [PlatformId, string, Locale]> = [
  ['sycm', 'sycm.taobao.com', 'zh-CN'],
  ['sycm', 'sycm.taobao.com', 'zh-TW'],
  ['jd', 'sz.jd.com', 'zh-CN'],
  ['douyin', 'compass.jinritemai.com', 'zh-CN'],
  ['pdd', 'mms.pinduoduo.com', 'zh-CN'],
  ['shopee', 'seller.shopee.tw', 'zh-TW'],
  ['shopee', 'seller.shopee.com.my', 'en'],
  ['shopify', 'admin.shopify.com', 'en'],
  ['amazon', 'sellercentral.amazon.com', 'en'],
  ['ga4', 'analytics.google.com', 'en'],
];

/** Quantities these pages print (durations and shares left to the main generator). */
const DRAWN: readonly Metric[] = [
  'visitors',
  'visits',
  'pageViews',
  'bounceRate',
  'pagesPerVisit',
  'conversionRate',
  'paidBuyers',
  'orders',
  'unitsOrdered',
  'avgOrderValue',
  'sales',
];

interface Quantity {
  metric: Metric;
  label: string;
  /** Digits as printed, without unit. */
  digits: string;
  /** Unit before / after the digits ('¥', '%', 'NT$'…), empty when none. */
  before: string;
  after: string;
  truth: TruthReading;
}

const CAPTION: Readonly<Record<Locale, string>> = { 'zh-CN': '统计日期', 'zh-TW': '統計日期', en: 'Date' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const printDay = (d: string, locale: Locale) => {
  const [y, m, day] = d.split('-');
  return locale === 'en' ? `${MONTHS[Number(m) - 1]} ${Number(day)}, ${y}` : `${y}-${m}-${day}`;
};

function quantity(r: Rng, metric: Metric, label: string, market: Market): Quantity {
  const kind = KIND[metric];
  const money = market.money;
  if (kind === 'rate') {
    const digits = (0.5 + r.next() * 70).toFixed(2);
    return { metric, label, digits, before: '', after: '%', truth: { metric, value: shiftDecimal(digits, -2) } };
  }
  if (kind === 'ratio') {
    const digits = (1.2 + r.next() * 4).toFixed(2);
    return { metric, label, digits, before: '', after: '', truth: { metric, value: Number(digits) } };
  }
  if (kind === 'money') {
    const whole = money.whole === true;
    const amount = metric === 'sales' ? 2000 + r.next() * 400000 : 30 + r.next() * 500;
    const fixed = amount.toFixed(whole ? 0 : 2);
    const [int, frac] = fixed.split('.');
    const digits = `${group(int!, ',')}${frac ? `.${frac}` : ''}`;
    const before = money.before[0]!;
    return { metric, label, digits, before, after: '', truth: { metric, value: Number(fixed), currency: money.code } };
  }
  const n = count(r, metric);
  return { metric, label, digits: group(String(n), ','), before: '', after: '', truth: { metric, value: n } };
}

/** The number as one string, its unit beside it. */
const whole = (q: Quantity) => `${q.before}${q.digits}${q.after}`;

// ---------------------------------------------------------------------------------------------------
// One renderer per class. Each returns the section's HTML; every quantity it is given is printed once.

type Render = (r: Rng, qs: Quantity[], locale: Locale) => string;

const TIP_TEXT: Readonly<Record<Locale, string>> = {
  'zh-CN': '统计时间内的去重人数，较上周 12.5%',
  'zh-TW': '統計時間內的去重人數，較上週 12.5%',
  en: 'Counted once per day; 12.5% of the total',
};

const icon = (r: Rng, locale: Locale) =>
  r.pick([
    `<span role="img" aria-label="info-circle" class="anticon ${cls(r)}"><svg viewBox="0 0 1024 1024" width="1em" height="1em"><path d="M512 64a448 448 0 1 0 0 896"></path></svg></span>`,
    `<i class="el-icon ${cls(r)}" title="${esc(TIP_TEXT[locale])}">ⓘ</i>`,
    `<span class="help ${cls(r)}" tabindex="0">?<span class="tip" style="display:none">${esc(TIP_TEXT[locale])}</span></span>`,
    `<button type="button" aria-label="help" class="${cls(r)}"><svg width="12" height="12"><circle cx="6" cy="6" r="5"></circle></svg></button>`,
  ]);

const tipIcon: Render = (r, qs, locale) =>
  `<div class="cards">${qs
    .map(
      (q) =>
        `<div class="card ${cls(r)}"><div class="title ${cls(r)}"><span>${esc(q.label)}</span>${icon(r, locale)}</div><div class="value ${cls(r)}">${esc(whole(q))}</div></div>`,
    )
    .join('')}</div>`;

const unitSplit: Render = (r, qs) =>
  `<div class="cards">${qs
    .map((q) => {
      const [int, frac] = q.digits.split('.');
      const num =
        r.chance(0.5) && frac
          ? `<span class="int">${int}</span><span class="dec">.${frac}</span>`
          : `<span class="num">${q.digits}</span>`;
      const unit = (u: string) =>
        r.pick([`<span class="unit">${esc(u)}</span>`, `<small>${esc(u)}</small>`, `<sub>${esc(u)}</sub>`, `<em>${esc(u)}</em>`]);
      const value = `${q.before ? unit(q.before) : ''}${num}${q.after ? unit(q.after) : ''}`;
      return `<div class="card ${cls(r)}"><div class="${cls(r)}">${esc(q.label)}</div><div class="value ${cls(r)}">${value}</div></div>`;
    })
    .join('')}</div>`;

const FOOTNOTE: Readonly<Record<Locale, string>> = {
  'zh-CN': '不含退款及已关闭订单',
  'zh-TW': '不含退款及已關閉訂單',
  en: 'Excludes refunds and cancelled orders',
};

const footnote: Render = (r, qs, locale) => {
  const marks = [`<sup>1</sup>`, `<sup>[2]</sup>`, '*', ' ①', '<sup>†</sup>', '<sup>*</sup>'];
  const cards = qs
    .map((q) => {
      const mark = r.pick(marks);
      return `<div class="card ${cls(r)}"><div class="${cls(r)}">${esc(q.label)}${mark}</div><div class="value ${cls(r)}">${esc(whole(q))}</div></div>`;
    })
    .join('');
  return `<div class="cards">${cards}</div><p class="sub ${cls(r)}">* ${esc(FOOTNOTE[locale])}</p>`;
};

const wrap: Render = (r, qs) =>
  `<div class="cards" style="grid-template-columns:repeat(auto-fill,minmax(90px,1fr))">${qs
    .map((q) => {
      const label = q.label.includes(' ') && r.chance(0.6) ? esc(q.label).replace(' ', '<br>') : esc(q.label);
      return r.chance(0.5)
        ? `<div class="card ${cls(r)}" style="width:90px">${label}<br><b class="value">${esc(whole(q))}</b></div>`
        : `<div class="card ${cls(r)}" style="width:90px"><div class="${cls(r)}">${label}</div><div class="value ${cls(r)}">${esc(whole(q))}</div></div>`;
    })
    .join('')}</div>`;

const DIMENSION: Readonly<Record<Locale, { name: string; sources: string[] }>> = {
  'zh-CN': { name: '流量来源', sources: ['搜索', '首页推荐', '直播', '购物车', '短视频'] },
  'zh-TW': { name: '流量來源', sources: ['搜尋', '首頁推薦', '直播', '購物車'] },
  en: { name: 'Source', sources: ['Search', 'Direct', 'Social', 'Email', 'Referral'] },
};

/**
 * A table of traffic sources with only count columns (each source's own numbers, breakdowns), drawn either
 * as a header table apart from its body table or as `role=row` divs placed absolutely in recycled order.
 */
function virtualTable(r: Rng, qs: Quantity[], locale: Locale, truth: TruthReading[]): string {
  const dim = DIMENSION[locale];
  const cols = qs.filter((q) => KIND[q.metric] === 'count').slice(0, 3);
  const rows = dim.sources.slice(0, r.int(3, dim.sources.length)).map((key) => ({
    key,
    cells: cols.map((q) => {
      const n = r.int(1, Math.max(2, Math.floor(q.truth.value / 3)));
      truth.push({ metric: q.metric, value: n, breakdown: { dimension: dim.name, key } });
      return group(String(n), ',');
    }),
  }));
  const heads = [dim.name, ...cols.map((q) => q.label)];
  if (r.chance(0.5)) {
    const colgroup = `<colgroup>${heads.map(() => '<col style="width:140px">').join('')}</colgroup>`;
    return `<div class="tbl ${cls(r)}"><div class="tbl-header ${cls(r)}" style="overflow:hidden"><table>${colgroup}<thead><tr>${heads
      .map((t) => `<th>${esc(t)}</th>`)
      .join(
        '',
      )}</tr></thead></table></div><div class="tbl-body ${cls(r)}" style="max-height:240px;overflow:auto"><table>${colgroup}<tbody><tr aria-hidden="true" class="measure-row" style="height:0">${heads
      .map(() => '<td style="padding:0;border:0;height:0"></td>')
      .join('')}</tr>${rows
      .map((row) => `<tr>${[row.key, ...row.cells].map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table></div></div>`;
  }
  const order = rows.map((row, i) => ({ row, i }));
  for (let i = order.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cell = (t: string, role: string) => `<div role="${role}" class="${cls(r)}" style="flex:1">${esc(t)}</div>`;
  return `<div role="grid" aria-rowcount="${rows.length + 1}" class="${cls(r)}"><div role="rowgroup"><div role="row" style="display:flex">${heads
    .map((t) => cell(t, 'columnheader'))
    .join('')}</div></div><div role="rowgroup" style="position:relative;height:${rows.length * 36}px">${order
    .map(
      ({ row, i }) =>
        `<div role="row" aria-rowindex="${i + 2}" style="display:flex;position:absolute;left:0;right:0;top:${i * 36}px">${[
          row.key,
          ...row.cells,
        ]
          .map((c) => cell(c, 'gridcell'))
          .join('')}</div>`,
    )
    .join('')}</div></div>`;
}

const gridColumns: Render = (r, qs) => {
  const style = r.int(0, 2);
  if (style === 0)
    return `<div class="${cls(r)}" style="display:grid;grid-template-columns:auto 1fr;gap:6px 16px">${qs
      .map((q) => `<div class="${cls(r)}">${esc(q.label)}</div><div class="${cls(r)}">${esc(whole(q))}</div>`)
      .join('')}</div>`;
  if (style === 1)
    return `<div class="${cls(r)}" style="display:grid;grid-template-columns:repeat(4,auto);gap:6px 16px">${qs
      .map((q) => `<span class="${cls(r)}">${esc(q.label)}</span><span class="${cls(r)}">${esc(whole(q))}</span>`)
      .join('')}</div>`;
  // Column-major: every label, then every value, placed in two columns by the grid's flow.
  return `<div class="${cls(r)}" style="display:grid;grid-auto-flow:column;grid-template-rows:repeat(${qs.length},auto);gap:6px 16px">${qs
    .map((q) => `<div class="${cls(r)}">${esc(q.label)}</div>`)
    .join('')}${qs.map((q) => `<div class="${cls(r)}">${esc(whole(q))}</div>`).join('')}</div>`;
};

const zhTW: Render = (r, qs) =>
  `<div class="cards">${qs
    .map((q) =>
      r.chance(0.5)
        ? `<div class="card ${cls(r)}"><span>${esc(q.label)}：</span><span class="value">${esc(whole(q))}</span></div>`
        : `<div class="card ${cls(r)}"><div class="value ${cls(r)}">${esc(whole(q))}</div><div class="${cls(r)}">${esc(q.label)}</div></div>`,
    )
    .join('')}</div>`;

const rtl: Render = (r, qs) =>
  `<div dir="rtl" class="cards">${qs
    .map((q) => {
      const value = r.pick([`\u200e${whole(q)}\u200e`, `\u2066${whole(q)}\u2069`]);
      return r.chance(0.5)
        ? `<div class="card ${cls(r)}"><div class="${cls(r)}">${esc(q.label)}</div><div class="value ${cls(r)}"><bdi>${esc(value)}</bdi></div></div>`
        : `<div class="card ${cls(r)}"><div class="${cls(r)}">${esc(q.label)}</div><div class="value ${cls(r)}" dir="ltr">${esc(value)}</div></div>`;
    })
    .join('')}</div>`;

const COLON: Readonly<Record<Locale, { colon: string; comma: string }>> = {
  'zh-CN': { colon: '：', comma: '，' },
  'zh-TW': { colon: '：', comma: '，' },
  en: { colon: ': ', comma: ', ' },
};

/** Label-first sentences whose values sit in elements after the colon. */
const colonElements: Render = (r, qs, locale) => {
  const { colon, comma } = COLON[locale];
  const tag = r.pick(['b', 'strong', 'span class="num"', 'em']);
  const close = tag.split(' ')[0];
  const phrases = qs.map((q) => {
    const value = r.chance(0.5)
      ? `<${tag}>${esc(whole(q))}</${close}>`
      : `${esc(q.before)}<${tag}>${esc(q.digits)}</${close}>${esc(q.after)}`;
    return `${esc(q.label)}${colon}${value}`;
  });
  return `<p class="${cls(r)}">${phrases.join(comma)}${locale === 'en' ? '.' : '。'}</p>`;
};

const CHANGE: Readonly<Record<Locale, string>> = { 'zh-CN': '较前一日', 'zh-TW': '較前一日', en: 'vs previous day' };

/** Labels in the middle of a text node: the text starts with a comparison after an element, then a label. */
const midText: Render = (r, qs, locale) => {
  const { colon, comma } = COLON[locale];
  const [first, ...rest] = qs;
  const head = `${esc(first!.label)}${colon}<em>${esc(whole(first!))}</em>`;
  const tail = rest
    .map((q) => {
      const change = `${r.chance(0.5) ? '+' : '-'}${r.int(1, 30)}%`;
      const lead = locale === 'en' ? ` (${CHANGE[locale]} ${change})${comma}` : `（${CHANGE[locale]} ${change}）${comma}`;
      return r.chance(0.5)
        ? `${lead}${esc(q.label)}${colon}${esc(whole(q))}`
        : `${lead}${esc(q.label)}${colon}<em>${esc(whole(q))}</em>`;
    })
    .join('');
  return `<p class="${cls(r)}">${head}${tail}</p>`;
};

const RENDER: Readonly<Record<Exclude<LayoutClass, 'virtualTable' | NumberClass>, Render>> = {
  tipIcon,
  unitSplit,
  footnote,
  wrap,
  gridColumns,
  zhTW,
  rtl,
  colonElements,
  midText,
};

/** A layout page for `seed`; `layout` picks the class (drawn from the seed otherwise). */
export function layoutPage(seed: number, layout?: LayoutClass): GeneratedPage {
  const r = rng(seed);
  const cls_ = layout ?? r.pick(LAYOUT_CLASSES);
  const numberClass = (NUMBER_CLASSES as readonly string[]).includes(cls_) ? (cls_ as NumberClass) : undefined;
  let id: PlatformId;
  let market: Market;
  if (cls_ === 'regional') {
    id = 'shopee';
    market = r.pick(REGIONAL).market;
  } else {
    const choices =
      cls_ === 'zhTW'
        ? MARKETS.filter(([, , l]) => l === 'zh-TW')
        : cls_ === 'periodColumns'
          ? MARKETS.filter(([p, h, l]) => platformById(p).markets.find((m) => m.host === h && m.locale === l)?.tz)
          : MARKETS;
    const [pid, host, loc] = r.pick(choices);
    id = pid;
    market = platformById(id).markets.find((m) => m.host === host && m.locale === loc)!;
  }
  const { host, locale } = market;
  const platform = platformById(id);
  const vocab = VOCAB[id][locale]!;
  const store = r.pick(platform.stores[locale] ?? platform.stores.en!);
  const head = platform.header(r, store, market);
  const date = `2026-${String(r.int(9, 11)).padStart(2, '0')}-${String(r.int(10, 28)).padStart(2, '0')}`;
  let period: Period = { kind: 'day', start: date, end: date };

  const metrics = DRAWN.filter((m) => vocab.labels[m]?.length);
  for (let i = metrics.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [metrics[i], metrics[j]] = [metrics[j]!, metrics[i]!];
  }
  const chosen = metrics.slice(0, r.int(4, Math.min(6, metrics.length)));
  const readings: TruthReading[] = [];
  let body: string;
  let dateLine: string | undefined;
  let script = '';
  let notes = '';
  if (numberClass) {
    const drawn = chosen.map((metric) => ({ metric, label: r.pick(vocab.labels[metric]!) }));
    const section = NUMBER_RENDER[numberClass]({ r, platform: id, locale, market, drawn, date, now: new Date() });
    body = section.body;
    readings.push(...section.readings);
    if (section.period) period = section.period;
    if (section.dateLine !== undefined) dateLine = section.dateLine;
    if (section.script) script = `<script>${section.script}</script>`;
    if (section.notes) notes = ` (${section.notes})`;
  } else {
    const qs = chosen.map((m) => quantity(r, m, r.pick(vocab.labels[m]!), market));
    if (cls_ === 'virtualTable') {
      // The shop's own numbers in plain cards above; the sources below in the virtualized table.
      body = `<div class="cards">${qs.map((q) => `<div class="card ${cls(r)}"><div>${esc(q.label)}</div><div class="value">${esc(whole(q))}</div></div>`).join('')}</div><section>${virtualTable(r, qs, locale, readings)}</section>`;
    } else body = RENDER[cls_ as Exclude<LayoutClass, 'virtualTable' | NumberClass>](r, qs, locale);
    if (cls_ === 'wrap') {
      // A look-alike broken over two lines where its qualifier is on the first ("New<br>users", "下单<br>买家数"): no reading.
      const word = r.pick(vocab.negatives);
      const at = word.includes(' ') ? word.indexOf(' ') : Math.min(2, word.length - 2);
      const broken = `${esc(word.slice(0, at))}<br>${esc(word.slice(at).trim())}`;
      body += `<div class="card ${cls(r)}" style="width:90px">${broken}<br><b class="value">${group(String(r.int(100, 9000)), ',')}</b></div>`;
    }
    readings.push(...qs.map((q) => q.truth));
  }

  const handle = store
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
  const url = uniqueUrl(host, r.pick(platform.paths).replace('{handle}', handle), seed, id);
  // Drawn after the body and address, as the pages of the first classes always were (their seeds replay the same pages).
  dateLine ??= `<div class="date ${cls(r)}"><span>${CAPTION[locale]}</span> ${esc(printDay(date, locale))}</div>`;
  const expected = expectedOf(
    { url, store, period, readings, seed },
    `layout ${cls_}${notes} on ${id}/${host}/${locale}, seed ${seed}`,
  );
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(head.title)}</title><style>${CSS}</style></head><body>${head.html}<main>${dateLine}<section>${body}</section></main>${script}</body></html>`;
  const axes: Record<string, string> = { platform: `${id}/${host}/${locale}`, layout: cls_ };
  if (script) axes.late = 'yes';
  return { seed, platform: id, html, url, expected, axes };
}

const CSS = `body{font:14px/1.5 "Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#222}
header{display:flex;gap:16px;padding:10px 20px;background:#fff;border-bottom:1px solid #e5e5e5}
main{padding:16px 20px}section{background:#fff;margin:12px 0;padding:12px 16px;border-radius:6px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px}
.card{padding:12px;border:1px solid #eee;border-radius:6px}.value{font-size:22px;font-weight:600}
table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{padding:6px 8px;border-bottom:1px solid #eee;text-align:left}
.sub{color:#999;font-size:12px}`;

/** The fixed layout pages: every class on seeds that draw platforms and words at random. */
export const LAYOUT_SEEDS: readonly number[] = Array.from({ length: 60 }, (_, i) => 5000 + i * 104729);

/**
 * Each class `perClass` times on the fixed seeds, then `rotating` times on seeds of `day` (a different set every
 * day, pages no reader change was made against).
 */
export function layoutPages(perClass = 6, rotating = 0, day = ''): GeneratedPage[] {
  const out: GeneratedPage[] = [];
  const daily = rotating ? rotatingSeeds(day, rotating * LAYOUT_CLASSES.length) : [];
  LAYOUT_CLASSES.forEach((c, k) => {
    for (let i = 0; i < perClass; i++) out.push(layoutPage(LAYOUT_SEEDS[(k * perClass + i) % LAYOUT_SEEDS.length]! + k, c));
    for (let i = 0; i < rotating; i++) {
      const page = layoutPage(daily[k * rotating + i]!, c);
      out.push({ ...page, axes: { ...page.axes, seeds: 'rotating' } });
    }
  });
  return out;
}
