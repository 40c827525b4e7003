import { cls, esc, group, shiftDecimal, toFullWidth } from './format';
import { todayIn, type Period, type TruthReading } from './page';
import type { Market } from './platforms';
import type { Rng } from './prng';
import { KIND, type Locale, type Metric, type PlatformId } from './vocab';

/**
 * Layout classes about how a number is written and which of several numbers is the operator's, each along
 * one axis: Shopee's regional money and number marks, abbreviated magnitudes, placeholders and skeletons,
 * Unicode forms of digits and spaces, hidden copies (other periods' panels, screen-reader copies), tables
 * with metrics as rows and days as columns, comparison values printed first or larger, and several periods
 * side by side. Written from what the platforms print, not from the reader's rules.
 */

export const NUMBER_CLASSES = [
  'regional',
  'magnitude',
  'placeholder',
  'unicode',
  'hiddenCopies',
  'transposed',
  'comparisonFirst',
  'periodColumns',
] as const;
export type NumberClass = (typeof NUMBER_CLASSES)[number];

/** A quantity drawn for a page: metric, label and the amount before printing. */
export interface Drawn {
  metric: Metric;
  label: string;
}

export interface NumberContext {
  r: Rng;
  platform: PlatformId;
  locale: Locale;
  market: Market;
  /** The quantities shown, each with the platform's label. */
  drawn: Drawn[];
  /** The page's day (a data day well in the past), YYYY-MM-DD. */
  date: string;
  /** Today in the platform's zone, for pages whose periods are relative ("昨日", "近7天"). */
  now: Date;
}

export interface NumberSection {
  body: string;
  readings: TruthReading[];
  /** The page's period when it is not the printed day (a range of days, a selected relative period). */
  period?: Period;
  /** What replaces the default date line (null: none). */
  dateLine?: string;
  script?: string;
  notes?: string;
}

// ---------------------------------------------------------------------------------------------------
// Number marks

interface Marks {
  group: string;
  decimal: string;
}
const EN_MARKS: Marks = { group: ',', decimal: '.' };

/** `fixed` ("1234.50") with the given marks: "1.234,50". */
const mark = (fixed: string, m: Marks) => {
  const [int, frac] = fixed.split('.');
  return `${group(int!, m.group)}${frac !== undefined ? `${m.decimal}${frac}` : ''}`;
};

interface Printed {
  metric: Metric;
  label: string;
  text: string;
  truth: TruthReading;
}

/** A plausible amount for the metric (counts whole, money in major units, rates as percent digits). */
function amount(r: Rng, metric: Metric): { fixed: string } {
  const kind = KIND[metric];
  if (kind === 'rate') return { fixed: (0.5 + r.next() * 70).toFixed(2) };
  if (kind === 'ratio') return { fixed: (1.2 + r.next() * 4).toFixed(2) };
  if (kind === 'money') return { fixed: (metric === 'sales' ? 2000 + r.next() * 400000 : 30 + r.next() * 500).toFixed(2) };
  return { fixed: String(count(r, metric)) };
}

/** A count of a plausible size for its metric. */
export const count = (r: Rng, metric: Metric): number =>
  metric === 'pageViews'
    ? r.int(5000, 400000)
    : metric === 'visitors' || metric === 'visits'
      ? r.int(1200, 90000)
      : r.int(40, 4000);

/** The quantity printed in the market's marks and currency. */
function plain(r: Rng, d: Drawn, market: Market, marks: Marks = EN_MARKS, symbol?: string, space = ''): Printed {
  const kind = KIND[d.metric];
  let { fixed } = amount(r, d.metric);
  const money = market.money;
  if (kind === 'money' && money.whole) fixed = fixed.split('.')[0]!;
  const value = shiftDecimal(fixed, kind === 'rate' ? -2 : 0);
  const digits = mark(fixed, marks);
  const truth: TruthReading = { metric: d.metric, value };
  if (kind === 'money') {
    truth.currency = money.code;
    return { ...d, text: `${symbol ?? money.before[0] ?? ''}${space}${digits}`, truth };
  }
  return { ...d, text: kind === 'rate' ? `${digits}%` : digits, truth };
}

const card = (r: Rng, label: string, value: string, extra = '') =>
  `<div class="card ${cls(r)}"><div class="${cls(r)}">${esc(label)}</div><div class="value ${cls(r)}">${value}</div>${extra}</div>`;

const cards = (inner: string[]) => `<div class="cards">${inner.join('')}</div>`;

// ---------------------------------------------------------------------------------------------------
// regional: Shopee's markets, each with its currency sign and its grouping and decimal marks

export const REGIONAL: ReadonlyArray<{ market: Market; marks: Marks; symbols: string[] }> = [
  {
    market: {
      host: 'seller.shopee.co.id',
      locale: 'en',
      money: { code: 'IDR', before: ['Rp'], after: [], labelUnit: [], whole: true },
      tz: 'Asia/Jakarta',
    },
    marks: { group: '.', decimal: ',' },
    symbols: ['Rp', 'Rp '],
  },
  {
    market: {
      host: 'seller.shopee.vn',
      locale: 'en',
      money: { code: 'VND', before: ['₫'], after: [], labelUnit: [], whole: true },
      tz: 'Asia/Ho_Chi_Minh',
    },
    marks: { group: '.', decimal: ',' },
    symbols: ['₫'],
  },
  {
    market: {
      host: 'seller.shopee.com.br',
      locale: 'en',
      money: { code: 'BRL', before: ['R$'], after: [], labelUnit: [] },
      tz: 'America/Sao_Paulo',
    },
    marks: { group: '.', decimal: ',' },
    symbols: ['R$', 'R$ '],
  },
  {
    market: {
      host: 'seller.shopee.co.th',
      locale: 'en',
      money: { code: 'THB', before: ['฿'], after: [], labelUnit: [] },
      tz: 'Asia/Bangkok',
    },
    marks: EN_MARKS,
    symbols: ['฿'],
  },
  {
    market: {
      host: 'seller.shopee.com.my',
      locale: 'en',
      money: { code: 'MYR', before: ['RM'], after: [], labelUnit: [] },
      tz: 'Asia/Kuala_Lumpur',
    },
    marks: EN_MARKS,
    symbols: ['RM', 'RM '],
  },
  {
    market: {
      host: 'seller.shopee.ph',
      locale: 'en',
      money: { code: 'PHP', before: ['₱'], after: [], labelUnit: [] },
      tz: 'Asia/Manila',
    },
    marks: EN_MARKS,
    symbols: ['₱'],
  },
  {
    market: {
      host: 'seller.shopee.tw',
      locale: 'zh-TW',
      money: { code: 'TWD', before: ['NT$'], after: [], labelUnit: [], whole: true },
      tz: 'Asia/Taipei',
    },
    marks: EN_MARKS,
    symbols: ['NT$', '$'],
  },
];

function regional(c: NumberContext): NumberSection {
  const region = REGIONAL.find((x) => x.market.host === c.market.host)!;
  const printed = c.drawn.map((d) => plain(c.r, d, c.market, region.marks, c.r.pick(region.symbols)));
  return {
    body: cards(printed.map((p) => card(c.r, p.label, esc(p.text)))),
    readings: printed.map((p) => p.truth),
    notes: `marks ${region.marks.group} ${region.marks.decimal}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// magnitude: 1.2万, 3.45亿, 1.2萬, 12.3K, 1.2M — the truth is the full value the abbreviation prints

function magnitude(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const out: Printed[] = c.drawn.map((d) => {
    const kind = KIND[d.metric];
    // Order values stay small; counts and sales are what back offices abbreviate.
    if (kind !== 'count' && d.metric !== 'sales') return plain(r, d, market);
    const units: Array<[string, number]> =
      locale === 'en'
        ? [
            [r.pick(['K', 'k']), 3],
            ['M', 6],
          ]
        : locale === 'zh-TW'
          ? [
              ['萬', 4],
              ['億', 8],
            ]
          : [
              ['万', 4],
              ['亿', 8],
            ];
    const big = kind === 'money' ? d.metric === 'sales' && r.chance(0.35) : d.metric === 'pageViews' && r.chance(0.3);
    const [unit, shift] = units[big ? 1 : 0]!;
    const fixed = (1 + r.next() * 98).toFixed(r.int(1, 2));
    const value = shiftDecimal(fixed, shift);
    const gap = r.chance(0.25) ? ' ' : '';
    const truth: TruthReading = { metric: d.metric, value };
    if (kind === 'money') {
      truth.currency = market.money.code;
      const sign = market.money.before[0] ?? '';
      return { ...d, text: `${sign}${fixed}${gap}${unit}`, truth };
    }
    return { ...d, text: `${fixed}${gap}${unit}`, truth };
  });
  return { body: cards(out.map((p) => card(r, p.label, esc(p.text)))), readings: out.map((p) => p.truth) };
}

// ---------------------------------------------------------------------------------------------------
// placeholder: "--", "-", "暂无数据", "N/A" store nothing; a skeleton filled later stores the number

const EMPTY: Readonly<Record<Locale, string[]>> = {
  'zh-CN': ['--', '-', '—', '暂无数据', '-%'],
  'zh-TW': ['--', '-', '—', '暫無資料', '-%'],
  en: ['--', '-', '—', 'N/A', 'No data', '–'],
};

function placeholder(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const n = c.drawn.length;
  const empty = new Set(r.shuffle([...Array(n).keys()]).slice(0, r.int(1, Math.max(1, n - 2))));
  const rest = [...Array(n).keys()].filter((i) => !empty.has(i));
  const late = new Set(rest.slice(0, r.int(1, Math.min(2, rest.length))));
  const readings: TruthReading[] = [];
  const fills: Array<[number, string]> = [];
  const html = c.drawn.map((d, i) => {
    if (empty.has(i)) return card(r, d.label, esc(r.pick(EMPTY[locale])));
    const p = plain(r, d, market);
    readings.push(p.truth);
    if (!late.has(i)) return card(r, d.label, esc(p.text));
    fills.push([i, p.text]);
    const skeleton = r.pick([
      `<span class="ant-skeleton-input ${cls(r)}" style="display:inline-block;width:96px;height:22px;background:#eee;border-radius:4px"></span>`,
      `<span class="${cls(r)}">--</span>`,
      `<span class="loading ${cls(r)}">${locale === 'en' ? 'Loading…' : '加载中…'}</span>`,
    ]);
    return card(r, d.label, `<span data-fill="${i}">${skeleton}</span>`);
  });
  const script = fills.length
    ? `setTimeout(()=>{for(const [i,t] of ${JSON.stringify(fills)})document.querySelector('[data-fill="'+i+'"]').textContent=t;},${r.int(600, 1500)});`
    : undefined;
  return { body: cards(html), readings, script, notes: `${empty.size} placeholders, ${fills.length} filled late` };
}

// ---------------------------------------------------------------------------------------------------
// unicode: full-width digits, a Unicode minus in the change beside the value, no-break and narrow spaces
// inside the number, a space before "%"

const SPACES = ['\u00a0', '\u202f', '\u2009', ' '];

function unicode(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const style = locale === 'en' ? r.pick(['spaces', 'minus']) : r.pick(['full', 'spaces', 'minus']);
  const out = c.drawn.map((d) => {
    const kind = KIND[d.metric];
    const space = r.pick(SPACES);
    let p: Printed;
    if (style === 'spaces') {
      p = plain(
        r,
        d,
        market,
        kind === 'count' && r.chance(0.6) ? { group: space, decimal: '.' } : EN_MARKS,
        undefined,
        r.pick(['', '\u00a0']),
      );
      if (kind === 'rate') p = { ...p, text: p.text.replace('%', `${space}%`) };
    } else {
      p = plain(r, d, market);
      if (style === 'full')
        p = {
          ...p,
          text: toFullWidth(p.text)
            .replace(/,/g, r.pick([',', '，']))
            .replace('%', r.pick(['%', '％'])),
        };
    }
    const change = `${r.pick(['\u2212', '-', '\u2012'])}${(r.next() * 30).toFixed(1)}%`;
    const words = locale === 'en' ? 'vs previous day' : locale === 'zh-TW' ? '較前一日' : '较前一日';
    const extra =
      style === 'minus' || r.chance(0.4) ? `<div class="sub ${cls(r)}">${esc(words)} <span>${esc(change)}</span></div>` : '';
    return { p, html: card(r, d.label, esc(p.text), extra) };
  });
  return { body: cards(out.map((o) => o.html)), readings: out.map((o) => o.p.truth), notes: style };
}

// ---------------------------------------------------------------------------------------------------
// hiddenCopies: other periods in hidden tab panels or a closed <details>, screen-reader and aria-hidden
// copies of the visible numbers — only what the operator sees counts, once

const PERIOD_WORDS: Readonly<Record<Locale, { yesterday: string; week: string; month: string; today: string; prev: string }>> = {
  'zh-CN': { today: '今日', yesterday: '昨日', week: '近7天', month: '近30天', prev: '上周同期' },
  'zh-TW': { today: '今日', yesterday: '昨日', week: '近7天', month: '近30天', prev: '上週同期' },
  en: { today: 'Today', yesterday: 'Yesterday', week: 'Last 7 days', month: 'Last 30 days', prev: 'Same day last week' },
};

const SR_ONLY =
  'position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0';

function hiddenCopies(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const w = PERIOD_WORDS[locale];
  const shown = c.drawn.map((d) => plain(r, d, market));
  const other = () => c.drawn.map((d) => plain(r, d, market));
  const style = r.pick(['tabs', 'details', 'screenReader']);
  const visibleCards = (copy: boolean) =>
    cards(
      shown.map((p) =>
        copy && r.chance(0.7)
          ? card(
              r,
              p.label,
              r.chance(0.5)
                ? `<span aria-hidden="true">${esc(p.text)}</span><span style="${SR_ONLY}">${esc(p.label)} ${esc(p.text)}</span>`
                : `<span>${esc(p.text)}</span><span aria-hidden="true" style="display:none">${esc(p.text)}</span>`,
            )
          : card(r, p.label, esc(p.text)),
      ),
    );
  let body: string;
  if (style === 'tabs') {
    const hide = () =>
      r.pick(['hidden', 'style="display:none"', 'aria-hidden="true" style="display:none"', 'hidden aria-hidden="true"']);
    const names = [w.yesterday, w.week, w.month];
    body = `<div role="tablist" class="${cls(r)}">${names
      .map((n, i) => `<button role="tab" aria-selected="${i === 0}" class="${i === 0 ? 'active' : ''}">${esc(n)}</button>`)
      .join('')}</div><div role="tabpanel" class="${cls(r)}">${visibleCards(false)}</div>${names
      .slice(1)
      .map(
        (_, i) =>
          `<div role="tabpanel" ${hide()} class="${cls(r)}">${cards(other().map((p) => card(r, p.label, esc(p.text))))}</div>`,
      )
      .join('')}`;
  } else if (style === 'details') {
    body = `${visibleCards(false)}<details class="${cls(r)}"><summary>${esc(w.prev)}</summary>${cards(other().map((p) => card(r, p.label, esc(p.text))))}</details>`;
  } else {
    body = visibleCards(true);
  }
  return { body, readings: shown.map((p) => p.truth), notes: style };
}

// ---------------------------------------------------------------------------------------------------
// transposed: metrics as rows, days as columns (each cell that day's number), sometimes a daily-average
// column that is no day's number

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function transposed(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const span = r.int(3, 6);
  const end = Date.parse(`${c.date}T00:00:00Z`);
  const days = Array.from({ length: span }, (_, i) => isoDay(end - (span - 1 - i) * DAY_MS));
  const style = r.int(0, 2);
  const head = (d: string) => {
    const [y, m, day] = d.split('-');
    if (style === 0) return d;
    if (locale === 'en') return `${MONTHS[Number(m) - 1]} ${Number(day)}, ${y}`;
    return style === 1 ? `${y}/${m}/${day}` : `${y}年${Number(m)}月${Number(day)}日`;
  };
  const avg = r.chance(0.4) ? (locale === 'en' ? 'Daily avg.' : locale === 'zh-TW' ? '日均' : '日均') : '';
  const readings: TruthReading[] = [];
  const rows = c.drawn.map((d) => {
    const cells = days.map((day) => {
      const p = plain(r, d, market);
      readings.push({ ...p.truth, period: { kind: 'day', start: day, end: day } });
      return p.text;
    });
    if (avg) cells.push(plain(r, d, market).text);
    return `<tr><td>${esc(d.label)}</td>${cells.map((t) => `<td>${esc(t)}</td>`).join('')}</tr>`;
  });
  const metricHead = locale === 'en' ? 'Metric' : locale === 'zh-TW' ? '指標' : '指标';
  const body = `<table class="${cls(r)}"><thead><tr><th>${metricHead}</th>${days
    .map((d) => `<th>${esc(head(d))}</th>`)
    .join('')}${avg ? `<th>${esc(avg)}</th>` : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const caption = locale === 'en' ? 'Date range' : locale === 'zh-TW' ? '日期範圍' : '日期范围';
  return {
    body,
    readings,
    period: { kind: 'range', start: days[0]!, end: days[span - 1]! },
    dateLine: `<div class="date ${cls(r)}"><span>${caption}</span> ${days[0]} ~ ${days[span - 1]}</div>`,
    notes: `${span} days${avg ? ', average column' : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// comparisonFirst: the card prints another period's number first or larger, with its own words

const COMPARE: Readonly<Record<Locale, string[]>> = {
  'zh-CN': ['昨日', '上周同期', '前一日', '上一周期'],
  'zh-TW': ['昨日', '上週同期', '前一日', '上一週期'],
  en: ['Previous period', 'vs. previous period', 'Same day last week', 'Prior day'],
};

function comparisonFirst(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const out = c.drawn.map((d) => {
    const p = plain(r, d, market);
    const other = plain(r, d, market);
    const word = r.pick(COMPARE[locale]);
    const sep = locale === 'en' ? r.pick([' ', ': ']) : r.pick([' ', '：']);
    const cmp = `<div class="${cls(r)}" style="font-size:${r.pick([22, 26, 14])}px"><span>${esc(word)}</span>${esc(sep)}<span>${esc(other.text)}</span></div>`;
    const value = `<div class="${cls(r)}" style="font-size:${r.pick([14, 18, 22])}px">${esc(p.text)}</div>`;
    const html = `<div class="card ${cls(r)}"><div class="${cls(r)}">${esc(d.label)}</div>${r.chance(0.6) ? cmp + value : value + cmp}</div>`;
    return { p, html };
  });
  return { body: cards(out.map((o) => o.html)), readings: out.map((o) => o.p.truth) };
}

// ---------------------------------------------------------------------------------------------------
// periodColumns: 今日 / 昨日 / 近7天 side by side; the selected period (marked, its dates printed) is the truth

function periodColumns(c: NumberContext): NumberSection {
  const { r, locale, market } = c;
  const w = PERIOD_WORDS[locale];
  const today = todayIn(c.market.tz ?? 'Asia/Shanghai', c.now);
  const t = Date.parse(`${today}T00:00:00Z`);
  const yesterday = isoDay(t - DAY_MS);
  const all: Array<{ word: string; period: Period | null }> = [
    { word: w.today, period: null },
    { word: w.yesterday, period: { kind: 'day', start: yesterday, end: yesterday } },
    { word: w.week, period: { kind: 'range', start: isoDay(t - 7 * DAY_MS), end: yesterday } },
    { word: w.month, period: { kind: 'range', start: isoDay(t - 30 * DAY_MS), end: yesterday } },
  ];
  const cols = all.slice(0, r.int(3, 4));
  const pick = r.int(1, cols.length - 1);
  const chosen = cols[pick]!;
  const period = chosen.period!;
  const readings: TruthReading[] = [];
  const values = c.drawn.map((d) =>
    cols.map((_, i) => {
      const p = plain(r, d, market);
      if (i === pick) readings.push(p.truth);
      return p.text;
    }),
  );
  const caption = locale === 'en' ? 'Date' : locale === 'zh-TW' ? '統計日期' : '统计日期';
  const printed = period.kind === 'day' ? period.start : `${period.start} ~ ${period.end}`;
  const switcher = `<div role="tablist" class="${cls(r)}">${cols
    .map(
      (col, i) =>
        `<button role="tab" aria-selected="${i === pick}" class="${i === pick ? 'active' : ''} ${cls(r)}">${esc(col.word)}</button>`,
    )
    .join('')}</div><div class="date ${cls(r)}"><span>${caption}</span> ${esc(printed)}</div>`;
  const on = (i: number) => (i === pick ? ` class="is-selected ${cls(r)}" aria-selected="true"` : ` class="${cls(r)}"`);
  const body = r.chance(0.5)
    ? `<table class="${cls(r)}"><thead><tr><th></th>${cols.map((col, i) => `<th${on(i)}>${esc(col.word)}</th>`).join('')}</tr></thead><tbody>${c.drawn
        .map((d, k) => `<tr><td>${esc(d.label)}</td>${values[k]!.map((v, i) => `<td${on(i)}>${esc(v)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : cards(
        c.drawn.map((d, k) =>
          card(
            r,
            d.label,
            values[k]!.map((v, i) => `<div${on(i)}><span>${esc(cols[i]!.word)}</span> <span>${esc(v)}</span></div>`).join(''),
          ),
        ),
      );
  return { body, readings, period, dateLine: switcher, notes: `selected ${chosen.word}` };
}

export const NUMBER_RENDER: Readonly<Record<NumberClass, (c: NumberContext) => NumberSection>> = {
  regional,
  magnitude,
  placeholder,
  unicode,
  hiddenCopies,
  transposed,
  comparisonFirst,
  periodColumns,
};
