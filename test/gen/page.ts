import { cls, esc, magnitude, print, type Printed, type PrintOptions } from './format';
import { platformById, PLATFORMS, type Market, type Platform } from './platforms';
import { rng, type Rng } from './prng';
import { ADDITIVE, DECOY_WORDS, KIND, UNIQUE, VOCAB, type Locale, type Metric, type PlatformId, type Vocab } from './vocab';

/**
 * A seeded back-office page with known truth. Each page is composed along independent axes (platform and
 * language, where labels sit, how values are split and where units go, containers, nesting and class
 * names, shadow roots and late custom elements, frames, tabs, tooltips, decoys, count-up animations,
 * where the date sits, tables of sources, items and days) and returns its HTML, the real URL it is
 * served at, and what a correct reader stores from it, in the fixture format of test/fixtures/README.md.
 */

export interface Period {
  kind: 'day' | 'range' | 'realtime' | 'unknown';
  start: string;
  end: string;
  /** Nothing on the page prints the date; the period follows from a selected relative button in the platform's time zone. */
  inferred?: boolean;
}

export interface TruthReading {
  metric: Metric;
  value: number;
  currency?: string;
  breakdown?: { dimension: string; key: string };
  peer?: string;
  /** Only where it differs from the page's period (a row of a table of days). */
  period?: Period;
  /** A reader may store it or not (a range total of a table of days); when stored it must be this value. */
  optional?: boolean;
}

export interface Expected {
  url: string;
  store: string | null;
  period: Period;
  readings: TruthReading[];
  absent: Metric[];
  volatile: false;
  notes: string;
  seed: number;
}

export interface GeneratedPage {
  seed: number;
  platform: PlatformId;
  html: string;
  url: string;
  expected: Expected;
  /** The value of every axis, for the failure report. */
  axes: Record<string, string>;
}

export interface GenerateOptions {
  /** The clock a relative period ("昨天" with no date printed) is resolved against. Defaults to now. */
  now?: Date;
  platform?: PlatformId;
}

type Position = 'above' | 'below' | 'beside' | 'after' | 'inside';
type Container = 'cards' | 'dl' | 'grid' | 'rowTable' | 'sentence';
type DatePlace = 'caption' | 'picker' | 'rangeText' | 'relativePrinted' | 'relativeOnly' | 'none';

interface Item {
  metric?: Metric;
  label: string;
  printed: Printed;
  /** Decoy lines inside the item (changes, peers, targets). */
  decoys: string[];
  /** The quantity the value was printed from (decoys are drawn around it). */
  amount?: number;
  tooltip?: string;
  countUp: boolean;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const parseIso = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(tz: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function printDate(r: Rng, d: string, locale: Locale, style = r.int(0, 2)): string {
  const [y, m, day] = d.split('-');
  if (locale === 'en') return [`${MONTHS[Number(m) - 1]} ${Number(day)}, ${y}`, d, `${Number(m)}/${Number(day)}/${y}`][style]!;
  return [d, `${y}/${m}/${day}`, `${y}年${Number(m)}月${Number(day)}日`][style]!;
}

/** Both ends in one style, as a date-range control prints them. */
function printRange(r: Rng, start: string, end: string, locale: Locale): string {
  const style = r.int(0, 2);
  if (locale === 'en') {
    const [ys, ms, ds] = start.split('-');
    const [ye, me, de] = end.split('-');
    if (style === 0 && ys === ye && ms === me && r.chance(0.4))
      return `${MONTHS[Number(ms) - 1]} ${Number(ds)}–${Number(de)}, ${ye}`;
    return `${printDate(r, start, locale, style)} – ${printDate(r, end, locale, style)}`;
  }
  return `${printDate(r, start, locale, style)}${r.pick([' ~ ', ' 至 ', ' - '])}${printDate(r, end, locale, style)}`;
}

const WORDS: Readonly<
  Record<
    Locale,
    {
      caption: string[];
      rangeCaption: string[];
      updated: string;
      yesterday: string;
      lastN: (n: number) => string;
      realtime: string;
      tabs: string[][];
      help: string;
      overview: string[];
      advice: (n: string) => string;
      compareTo: string;
    }
  >
> = {
  'zh-CN': {
    caption: ['统计时间', '统计日期', '数据日期'],
    rangeCaption: ['统计时间', '日期范围'],
    updated: '更新时间',
    yesterday: '昨天',
    lastN: (n) => `近${n}天`,
    realtime: '实时',
    tabs: [
      ['全部终端', '无线端', 'PC端'],
      ['整体', '自营', '分销'],
    ],
    help: '指标说明',
    overview: ['核心指标', '经营概况', '流量看板', '交易概况'],
    advice: (n) => `经营诊断：跳失率建议控制在${n}以下，同行优秀值 4.85%`,
    compareTo: '对比',
  },
  'zh-TW': {
    caption: ['統計時間', '統計日期', '數據日期'],
    rangeCaption: ['統計時間', '日期範圍'],
    updated: '更新時間',
    yesterday: '昨天',
    lastN: (n) => `近${n}天`,
    realtime: '實時',
    tabs: [
      ['全部', '手機', '電腦'],
      ['整體', '自營'],
    ],
    help: '指標說明',
    overview: ['核心指標', '經營概況', '賣場表現'],
    advice: (n) => `建議：跳失率控制在${n}以下`,
    compareTo: '對比',
  },
  en: {
    caption: ['Statistics date', 'Date', 'Reporting period'],
    rangeCaption: ['Date range', 'Reporting period'],
    updated: 'Last updated',
    yesterday: 'Yesterday',
    lastN: (n) => `Last ${n} days`,
    realtime: 'Real-time',
    tabs: [
      ['All channels', 'Mobile', 'Desktop'],
      ['Overview', 'Online store'],
    ],
    help: 'About this metric',
    overview: ['Key metrics', 'Overview', 'Performance', 'Sales and traffic'],
    advice: (n) => `Tip: shops that keep bounce rate under ${n} convert better.`,
    compareTo: 'Compare to:',
  },
};

function negativeKind(label: string): Metric {
  if (/率|Rate|Percentage/i.test(label)) return 'conversionRate';
  if (/金额|金額|sales|Discounts|Returns|Taxes|Shipping|Price|销售|花费|revenue/i.test(label)) return 'sales';
  if (/\bper\b/i.test(label)) return 'pagesPerVisit';
  return 'visitors';
}

class Page {
  readonly r: Rng;
  readonly scripts: string[] = [];
  readonly truth: TruthReading[] = [];
  readonly notes: string[] = [];
  readonly axes: Record<string, string> = {};
  readonly used = new Set<string>();
  /** English sentences print each label before its number. */
  labelFirstSentences = false;
  private defs = 0;
  constructor(
    readonly seed: number,
    readonly platform: Platform,
    readonly market: Market,
    readonly vocab: Vocab,
    readonly print: PrintOptions,
  ) {
    this.r = rng(seed);
  }
  get locale(): Locale {
    return this.market.locale;
  }
  /** A printed value that differs from every truth value (decoys must never coincide with the truth). */
  uniqueNumber(metric: Metric, base: number, factor: [number, number]): Printed {
    for (let i = 0; i < 20; i++) {
      // Printed without a label unit: a decoy has no label of its own to carry one.
      const p = print(this.r, metric, base * (factor[0] + this.r.next() * (factor[1] - factor[0])), {
        ...this.print,
        labelUnitRate: 0,
      });
      const key = `${metric}:${p.value}`;
      if (!this.used.has(key) && !this.truth.some((t) => t.value === p.value)) {
        this.used.add(key);
        return p;
      }
    }
    throw new Error(`seed ${this.seed}: no distinct decoy value for ${metric}`);
  }
  tagName(prefix: string): string {
    return `${prefix}-${(this.seed % 46656).toString(36)}${(this.defs++).toString(36)}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Items and decoys

function decoyLines(p: Page, metric: Metric, base: number): string[] {
  const r = p.r;
  const words = DECOY_WORDS[p.locale];
  const lines: string[] = [];
  if (r.chance(0.45)) {
    const pct = (0.1 + r.next() * 40).toFixed(r.pick([1, 2]));
    const arrow = r.pick(['+', '-', '↑', '↓', '▲', '▼', '']);
    const chip = `<span class="${cls(r)}">${esc(arrow)}${pct}%</span>`;
    lines.push(
      r.chance(0.6)
        ? `<div class="${cls(r)}">${esc(r.pick(words.change))} ${chip}</div>`
        : `<div class="chip ${cls(r)}">${chip}</div>`,
    );
  }
  if (r.chance(0.25)) {
    const v = p.uniqueNumber(metric, base, [0.55, 0.9]);
    lines.push(`<div class="${cls(r)}">${esc(r.pick(words.peer))} <span>${v.html}</span></div>`);
  }
  if (r.chance(0.12) && (KIND[metric] === 'money' || KIND[metric] === 'count')) {
    const v = p.uniqueNumber(metric, base, [1.15, 1.6]);
    lines.push(`<div class="${cls(r)}">${esc(r.pick(words.target))} ${v.html}</div>`);
  }
  return r.shuffle(lines);
}

function tooltip(p: Page, label: string): string | undefined {
  const r = p.r;
  if (!r.chance(0.2)) return undefined;
  const n = (40 + r.next() * 40).toFixed(1);
  const text =
    p.locale === 'en'
      ? `${label}: the share or count over the selected period. Industry median ${n}%, updated daily at 09:00.`
      : `${label}：统计时间内的去重计数或占比，行业均值 ${n}%，每日 9:00 更新。`;
  return r.chance(0.5)
    ? `<span class="help ${cls(r)}" tabindex="0">?<span role="tooltip" class="tip" style="display:none">${esc(text)}</span></span>`
    : `<span class="help ${cls(r)}" title="${esc(text)}">ⓘ</span>`;
}

function labelWith(p: Page, base: string, printed: Printed): string {
  return printed.labelUnit ? `${base}${printed.labelUnit}` : base;
}

function truthItem(p: Page, metric: Metric, amount: number, opts: { countUp?: boolean } = {}): Item {
  const base = p.r.pick(p.vocab.labels[metric]!);
  const printed = print(p.r, metric, amount, p.print);
  p.used.add(`${metric}:${printed.value}`);
  const item: Item = {
    metric,
    label: labelWith(p, base, printed),
    printed,
    amount,
    decoys: decoyLines(p, metric, amount),
    countUp: !!opts.countUp && printed.plain,
  };
  const tip = tooltip(p, base);
  if (tip) item.tooltip = tip;
  return item;
}

function negativeItem(p: Page, label: string, visitors: number): Item {
  const kind = negativeKind(label);
  const printed = p.uniqueNumber(kind, magnitude(p.r, kind, visitors, 1), [0.3, 0.9]);
  return { label: labelWith(p, label, printed), printed, decoys: [], countUp: false };
}

function placeholderItem(p: Page, metric: Metric): Item {
  const text = p.r.pick(DECOY_WORDS[p.locale].placeholder);
  return {
    label: p.r.pick(p.vocab.labels[metric]!),
    printed: { html: esc(text), text, value: NaN, labelUnit: '', plain: true },
    decoys: [],
    countUp: false,
  };
}

// ---------------------------------------------------------------------------------------------------
// Containers

function valueHtml(p: Page, item: Item): string {
  if (!item.countUp) return item.printed.html;
  const id = p.scripts.length;
  const target = item.printed.text;
  const frames = countUpFrames(target);
  p.scripts.push(
    `(()=>{const el=document.querySelector('[data-cu="${id}"]');const f=${JSON.stringify(frames)};let i=0;const t=setInterval(()=>{el.textContent=f[i++];if(i>=f.length)clearInterval(t);},110);})();`,
  );
  return `<span data-cu="${id}">${esc(frames[0]!)}</span>`;
}

/** The frames of a count-up to `target`: the same text with its digits scaled from 0, ending on the target. */
function countUpFrames(target: string): string[] {
  const frames: string[] = [];
  for (let k = 0; k <= 10; k++) {
    const scale = k / 10;
    frames.push(
      target.replace(/\d[\d,]*(?:\.\d+)?/, (num) => {
        const decimals = (num.split('.')[1] ?? '').length;
        const n = Number(num.replace(/,/g, '')) * scale;
        const fixed = n.toFixed(decimals);
        const [i = '0', f] = fixed.split('.');
        const grouped = num.includes(',') ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : i;
        return f !== undefined ? `${grouped}.${f}` : grouped;
      }),
    );
  }
  frames[10] = target;
  return frames;
}

function card(p: Page, item: Item, pos: Position): string {
  const r = p.r;
  const label = `<div class="label ${cls(r)}"><span>${esc(item.label)}</span>${item.tooltip ?? ''}</div>`;
  const value = `<div class="value ${cls(r)}">${valueHtml(p, item)}</div>`;
  const decoys = item.decoys.join('');
  let inner: string;
  switch (pos) {
    case 'above':
      inner = label + value + decoys;
      break;
    case 'below':
      inner = value + label + decoys;
      break;
    case 'beside':
      inner = `<div class="row ${cls(r)}">${label}${value}</div>${decoys}`;
      break;
    case 'after':
      inner = `<div class="row ${cls(r)}">${value}${label}</div>${decoys}`;
      break;
    case 'inside':
      inner = `<div class="value ${cls(r)}"><span class="label">${esc(item.label)}</span>${item.tooltip ?? ''} ${valueHtml(p, item)}</div>${decoys}`;
      break;
  }
  return `<div class="card ${cls(r)}">${nest(p, inner)}</div>`;
}

function nest(p: Page, html: string): string {
  let out = html;
  const depth = p.r.weighted([
    [0, 5],
    [1, 3],
    [2, 2],
    [4, 1],
  ] as const);
  for (let i = 0; i < depth; i++) out = `<div class="${cls(p.r)}">${out}</div>`;
  return out;
}

function renderContainer(p: Page, items: Item[], container: Container, pos: Position): string {
  const r = p.r;
  switch (container) {
    case 'cards':
      return `<div class="cards ${cls(r)}">${items.map((i) => card(p, i, pos)).join('')}</div>`;
    case 'dl':
      return `<dl class="${cls(r)}">${items.map((i) => `<div class="${cls(r)}"><dt>${esc(i.label)}${i.tooltip ?? ''}</dt><dd>${valueHtml(p, i)}${i.decoys.join('')}</dd></div>`).join('')}</dl>`;
    case 'grid': {
      // A flat grid: every label first, then every value, in the same order (CSS places them in columns).
      const labels = items.map((i) => `<div class="g-label ${cls(r)}">${esc(i.label)}</div>`).join('');
      const values = items.map((i) => `<div class="g-value ${cls(r)}">${valueHtml(p, i)}</div>`).join('');
      return `<div class="flat-grid ${cls(r)}" style="grid-template-columns:repeat(${items.length},minmax(90px,1fr))">${labels}${values}</div>`;
    }
    case 'rowTable': {
      if (r.chance(0.4)) {
        // Label and value cells side by side, one to three pairs a row, as bordered descriptions print them.
        p.axes.table = 'label and value cells';
        const perRow = r.int(1, 3);
        const rows: string[] = [];
        for (let k = 0; k < items.length; k += perRow)
          rows.push(
            `<tr>${items
              .slice(k, k + perRow)
              .map((i) => `<th>${esc(i.label)}</th><td>${valueHtml(p, i)}</td>`)
              .join('')}</tr>`,
          );
        return `<table class="${cls(r)}"><tbody>${rows.join('')}</tbody></table>`;
      }
      const head = items.map((i) => `<th>${esc(i.label)}</th>`).join('');
      const cells = items.map((i) => `<td>${valueHtml(p, i)}</td>`).join('');
      return `<table class="${cls(r)}"><thead><tr>${head}</tr></thead><tbody><tr>${cells}</tr></tbody></table>`;
    }
    case 'sentence':
      return sentences(p, items);
  }
}

/** "4,826 visits, 3,102 unique visitors": one number per quantity phrase, value then words or words then value. */
const PHRASES: Partial<Record<Metric, string>> = {
  visits: 'visits',
  visitors: 'unique visitors',
  pageViews: 'pageviews',
  bounceRate: 'visits have bounced',
  avgVisitDuration: 'average visit duration',
  orders: 'orders',
};

/** Shopify's revenue is its sales; GA4's "total revenue" also counts ads and subscriptions. */
const phrase = (platform: PlatformId, metric: Metric): string | undefined =>
  metric === 'sales' && platform === 'shopify' ? 'total revenue' : PHRASES[metric];

function sentences(p: Page, items: Item[]): string {
  const r = p.r;
  if (p.locale === 'en' && !p.labelFirstSentences) {
    const parts = items.map((i) => `${i.printed.text} ${phrase(p.platform.id, i.metric!)}`);
    const lines: string[] = [];
    while (parts.length) lines.push(parts.splice(0, r.int(1, 2)).join(', '));
    return `<div class="summary ${cls(r)}">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`;
  }
  // Label first, as summaries and ads consoles write them: "整体消耗：¥1,234.00 较前一日 +5.2%，支付ROI 4.16（同行平均 3.20）".
  const zh = p.locale !== 'en';
  const whole = r.chance(0.3);
  const colon = r.chance(0.3);
  const markup = r.chance(0.4);
  p.axes.sentence = ['label first', whole && 'whole-account qualifier', colon && 'colon', markup && 'values in elements']
    .filter(Boolean)
    .join(', ');
  const comma = zh ? '，' : ', ';
  const parts = items.map((i) => {
    const label = whole && !WHOLE_FIRST.test(i.label) ? `${WHOLE[p.locale]}${i.label}` : i.label;
    const value = markup ? i.printed.html : esc(i.printed.text);
    return `${esc(label)}${colon ? (zh ? '：' : ': ') : ' '}${value}${sentenceClauses(p, i)}`;
  });
  const lines: string[] = [];
  while (parts.length) lines.push(parts.splice(0, r.int(2, 4)).join(comma));
  return `<div class="summary ${cls(r)}">${lines.map((l) => `<p>${l}</p>`).join('')}</div>`;
}

/** Words that name the whole account in front of a label: "整体点击率", "Total Clicks". */
const WHOLE: Readonly<Record<Locale, string>> = { 'zh-CN': '整体', 'zh-TW': '整體', en: 'Total ' };
const WHOLE_FIRST = /^(?:整体|整體|总|總|Total)/;

/**
 * What a sentence may say after a quantity's number: how it changed, a peer's or a target's number of
 * it — in the quantity's own phrase ("消耗 ¥1,234 较前一日 +5.2%", "ROI 4.16（同行平均 3.20）") or in a phrase
 * of their own ("，日目标 ¥5,000"). None of them is a reading.
 */
function sentenceClauses(p: Page, item: Item): string {
  const r = p.r;
  const words = DECOY_WORDS[p.locale];
  const zh = p.locale !== 'en';
  const comma = zh ? '，' : ', ';
  let out = '';
  if (r.chance(0.3)) {
    const change = `${r.pick(words.change)} ${r.pick(['+', '-', '↑', '↓', ''])}${(0.1 + r.next() * 40).toFixed(1)}%`;
    out += r.pick([` ${change}`, zh ? `（${change}）` : ` (${change})`, `${comma}${change}`]);
  }
  if (r.chance(0.15) && item.amount !== undefined) {
    const v = p.uniqueNumber(item.metric!, item.amount, [0.55, 0.9]);
    out += `${r.pick([' ', comma])}${esc(r.pick(words.peer))} ${esc(v.text)}`;
  }
  if (r.chance(0.1) && item.amount !== undefined && (KIND[item.metric!] === 'money' || KIND[item.metric!] === 'count')) {
    const v = p.uniqueNumber(item.metric!, item.amount, [1.15, 1.6]);
    out += `${comma}${esc(r.pick(words.target))} ${esc(v.text)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Wrappers: shadow roots (some upgraded late), frames, tabs

function shadowCards(p: Page, items: Item[], late: boolean, depth: 1 | 2 | 3): string {
  const r = p.r;
  const card = p.tagName('kpi-card');
  const inner = p.tagName('kpi-body');
  const lbl = p.tagName('kpi-label');
  const data = items.map((i) => ({ label: i.label, decoys: i.decoys.join('') }));
  const slotted = r.chance(0.6);
  const hosts = items
    .map(
      (i, k) =>
        `<${card} data-k="${k}" class="${cls(r)}">${slotted ? `<span slot="value">${i.printed.html}</span>` : ''}</${card}>`,
    )
    .join('');
  const values = slotted ? 'null' : JSON.stringify(items.map((i) => i.printed.html));
  const css = `:host{display:block;padding:12px;border:1px solid #eee;border-radius:6px;background:#fff}.v{font-size:22px;font-weight:600}`;
  const define = `(()=>{const D=${JSON.stringify(data)};const V=${values};
class L extends HTMLElement{set text(t){const s=this.shadowRoot||this.attachShadow({mode:'open'});s.textContent='';const e=document.createElement('span');e.className='t';e.textContent=t;s.append(e);}}
class B extends HTMLElement{connectedCallback(){if(this.shadowRoot)return;const s=this.attachShadow({mode:'open'});const l=document.createElement('${lbl}');s.append(l);l.text=this.getAttribute('label');const v=document.createElement('div');v.className='v';v.innerHTML='<slot name="value"></slot>';s.append(v);}}
class C extends HTMLElement{connectedCallback(){if(this.shadowRoot)return;const k=Number(this.dataset.k);const s=this.attachShadow({mode:'open'});const st=document.createElement('style');st.textContent=${JSON.stringify(css)};s.append(st);
const value=V?V[k]:'<slot name="value"></slot>';
if(${depth}===1){const w=document.createElement('div');w.innerHTML='<div class="l"></div><div class="v">'+value+'</div>'+D[k].decoys;w.querySelector('.l').textContent=D[k].label;s.append(w);}
else if(${depth}===2){const l=document.createElement('${lbl}');s.append(l);l.text=D[k].label;const v=document.createElement('div');v.className='v';v.innerHTML=value;s.append(v);const d=document.createElement('div');d.innerHTML=D[k].decoys;s.append(d);}
else{const b=document.createElement('${inner}');b.setAttribute('label',D[k].label);if(!V){const f=document.createElement('slot');f.name='value';f.slot='value';b.append(f);}else{const x=document.createElement('span');x.slot='value';x.innerHTML=value;b.append(x);}s.append(b);const d=document.createElement('div');d.innerHTML=D[k].decoys;s.append(d);}}}
const go=()=>{customElements.define('${lbl}',L);customElements.define('${inner}',B);customElements.define('${card}',C);};
${late ? `setTimeout(go,${r.int(800, 1200)});` : 'go();'}})();`;
  p.scripts.push(define);
  return `<div class="cards ${cls(r)}">${hosts}</div>`;
}

function framed(p: Page, inner: string): string {
  const doc = `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_CSS}</style></head><body>${inner}</body></html>`;
  return `<iframe class="${cls(p.r)}" style="width:100%;height:420px;border:0" srcdoc="${esc(doc)}"></iframe>`;
}

function tabs(p: Page, visible: string, hidden: string[]): string {
  const r = p.r;
  const names = r.pick(WORDS[p.locale].tabs);
  const bar = names
    .slice(0, hidden.length + 1)
    .map(
      (n, i) =>
        `<button role="tab" aria-selected="${i === 0}" class="${i === 0 ? 'tab active' : 'tab'} ${cls(r)}">${esc(n)}</button>`,
    )
    .join('');
  const hide = () => r.pick(['hidden', 'style="display:none"', 'aria-hidden="true" style="display:none"']);
  const panes = [visible, ...hidden]
    .map((h, i) => `<div role="tabpanel" class="${cls(r)}" ${i === 0 ? '' : hide()}>${h}</div>`)
    .join('');
  return `<div class="tabs ${cls(r)}"><div role="tablist">${bar}</div>${panes}</div>`;
}

// ---------------------------------------------------------------------------------------------------
// Tables: sources and items (breakdowns), days (history)

function breakdownTable(p: Page, metrics: Metric[], visitors: number, kind: 'sources' | 'items'): string {
  const r = p.r;
  const dimension = kind === 'sources' ? p.vocab.sourceDimension : p.vocab.itemDimension;
  const keys =
    kind === 'sources'
      ? r.shuffle(p.vocab.sources).slice(0, r.int(2, Math.min(5, p.vocab.sources.length)))
      : r.shuffle(ITEMS[p.locale]).slice(0, r.int(2, 5));
  const heads = metrics.map((m) => {
    const base = r.pick(p.vocab.labels[m]!);
    return { m, base };
  });
  const rows: string[] = [];
  const sums = new Map<Metric, number>();
  for (const key of keys) {
    const share = 0.05 + r.next() * 0.4;
    const cells = heads.map(({ m }) => {
      const printed = print(r, m, magnitude(r, m, visitors * share, 1), {
        ...p.print,
        labelUnitRate: 0,
        wan: false,
        splitRate: 0,
      });
      p.truth.push({
        metric: m,
        value: printed.value,
        ...(printed.currency ? { currency: printed.currency } : {}),
        breakdown: { dimension, key },
      });
      sums.set(m, (sums.get(m) ?? 0) + printed.value);
      return `<td>${printed.html}</td>`;
    });
    rows.push(
      `<tr><td class="name">${esc(key)}${kind === 'items' ? `<div class="sub">ID: ${r.int(100000000, 999999999)}</div>` : ''}</td>${cells.join('')}</tr>`,
    );
  }
  let foot = '';
  if (kind === 'items' && r.chance(0.6)) {
    // The items' total: never the shop's figure (unique counts do not add up; a top list is not the shop).
    const cells = heads.map(({ m }) => {
      const sum = sums.get(m)!;
      const text =
        KIND[m] === 'rate' || KIND[m] === 'ratio' || KIND[m] === 'duration'
          ? '-'
          : KIND[m] === 'money'
            ? sum.toFixed(2)
            : String(sum);
      return `<td>${esc(text)}</td>`;
    });
    foot = `<tfoot><tr><td>${esc(r.pick(p.vocab.total))}</td>${cells.join('')}</tr></tfoot>`;
    p.notes.push('item table with a total row (not the shop figure)');
  }
  const title =
    kind === 'sources'
      ? p.locale === 'en'
        ? 'Top traffic sources'
        : p.locale === 'zh-TW'
          ? '流量來源排行'
          : '流量来源排行'
      : p.locale === 'en'
        ? 'Top products'
        : p.locale === 'zh-TW'
          ? '商品排行'
          : '商品排行TOP5';
  return `<section class="${cls(r)}"><h3>${esc(title)}</h3><table class="${cls(r)}"><thead><tr><th>${esc(dimension)}</th>${heads.map((h) => `<th>${esc(h.base)}${headerTip(p, h.base)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody>${foot}</table></section>`;
}

/**
 * Column headers that carry their definition as a hidden tooltip of well over 80 characters (a long
 * field must not cost the page's other numbers).
 */
function headerTip(p: Page, label: string): string {
  if (!p.r.chance(0.2)) return '';
  p.axes.longHeader = 'yes';
  const text =
    p.locale === 'en'
      ? `${label}: counted over the selected period for every channel and device, deduplicated per day; figures before the last refresh may change, see the help centre for the full definition.`
      : `${label}：统计时间内全部终端、全部渠道的去重计数，按自然日计算；最近一次更新前的数据可能发生变化，完整口径请查看帮助中心的指标说明与计算方式。`;
  return `<span class="tip" role="tooltip" hidden>${esc(text)}</span>`;
}

const ITEMS: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['北欧实木餐桌', '加厚珊瑚绒毯', '陶瓷马克杯 350ml', '纯棉四件套', '折叠收纳箱', '香薰蜡烛礼盒'],
  'zh-TW': ['實木餐桌', '珊瑚絨毯', '陶瓷馬克杯', '純棉床包組'],
  en: ['Linen throw pillow', 'Ceramic mug 12oz', 'Wool blanket', 'Oak side table', 'Canvas tote'],
};

/** A table whose rows are days: each row is that day's value; 合计 / 日均 rows are the range's aggregates. */
function dayTable(
  p: Page,
  metrics: Metric[],
  days: string[],
  visitors: number,
  lastDay: Map<Metric, Printed> | null,
  rangeCards: Map<Metric, Printed>,
): string {
  const r = p.r;
  const heads = metrics.map((m) => ({ m, base: r.pick(p.vocab.labels[m]!) }));
  const shortDates = r.chance(0.15);
  const rows: string[] = [];
  const sums = new Map<Metric, number>();
  const order = r.chance(0.5) ? days : [...days].reverse();
  for (const d of order) {
    const cells = heads.map(({ m }) => {
      const printed =
        lastDay && d === days[days.length - 1] && lastDay.has(m)
          ? lastDay.get(m)!
          : print(r, m, magnitude(r, m, visitors * (0.7 + r.next() * 0.6), 1), { ...p.print, labelUnitRate: 0, wan: false });
      p.truth.push({
        metric: m,
        value: printed.value,
        ...(printed.currency ? { currency: printed.currency } : {}),
        period: { kind: 'day', start: d, end: d },
      });
      sums.set(m, (sums.get(m) ?? 0) + printed.value);
      return `<td>${printed.html}</td>`;
    });
    const shown = shortDates ? d.slice(5) : d;
    rows.push(`<tr><td>${esc(shown)}</td>${cells.join('')}</tr>`);
  }
  const range: Period = { kind: 'range', start: days[0]!, end: days[days.length - 1]! };
  const foot: string[] = [];
  if (r.chance(0.7)) {
    const cells = heads.map(({ m }) => {
      if (!ADDITIVE.has(m) && !UNIQUE.has(m)) return '<td>-</td>';
      // The range's card already says it: the total row prints the same figure.
      if (ADDITIVE.has(m) && rangeCards.has(m)) return `<td>${rangeCards.get(m)!.html}</td>`;
      const sum = sums.get(m)!;
      const money = KIND[m] === 'money';
      const value = money ? Math.round(sum * 100) / 100 : sum;
      if (ADDITIVE.has(m)) {
        // The range's own total: a reader may store it under the range, never under one day.
        p.truth.push({ metric: m, value, ...(money ? { currency: p.market.money.code } : {}), period: range, optional: true });
      }
      return `<td>${esc(money ? value.toFixed(2) : String(value))}</td>`;
    });
    foot.push(`<tr class="summary"><td>${esc(r.pick(p.vocab.total))}</td>${cells.join('')}</tr>`);
  }
  if (r.chance(0.5)) {
    const cells = heads.map(({ m }) => {
      const avg = sums.get(m)! / days.length;
      const k = KIND[m];
      const text = k === 'rate' ? `${(avg * 100).toFixed(2)}%` : k === 'count' ? avg.toFixed(1) : avg.toFixed(2);
      return `<td>${esc(text)}</td>`;
    });
    foot.push(`<tr class="summary"><td>${esc(r.pick(p.vocab.average))}</td>${cells.join('')}</tr>`);
  }
  p.notes.push(`table of ${days.length} days${shortDates ? ' (MM-DD dates)' : ''}${foot.length ? ' with summary rows' : ''}`);
  const summaryInFoot = r.chance(0.5);
  return `<section class="${cls(r)}"><h3>${esc(p.locale === 'en' ? 'Trend' : p.locale === 'zh-TW' ? '趨勢明細' : '趋势明细')}</h3><table class="${cls(r)}"><thead><tr><th>${esc(p.vocab.dateDimension)}</th>${heads.map((h) => `<th>${esc(h.base)}${headerTip(p, h.base)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}${summaryInFoot ? '' : foot.join('')}</tbody>${summaryInFoot && foot.length ? `<tfoot>${foot.join('')}</tfoot>` : ''}</table></section>`;
}

// ---------------------------------------------------------------------------------------------------
// The date area

function dateArea(p: Page, period: Period, place: DatePlace, relative: 'yesterday' | number | 'realtime' | null): string {
  const r = p.r;
  const w = WORDS[p.locale];
  const printed =
    period.kind === 'range' ? printRange(r, period.start, period.end, p.locale) : printDate(r, period.start, p.locale);
  const buttons = () => {
    const list: Array<[string, boolean]> = [
      [w.realtime, relative === 'realtime'],
      [w.yesterday, relative === 'yesterday'],
      [w.lastN(7), relative === 7],
      [w.lastN(30), relative === 30],
    ];
    const style = r.int(0, 2);
    return `<div class="quick ${cls(r)}">${list
      .map(([t, on]) =>
        style === 0
          ? `<button class="${on ? 'btn active' : 'btn'} ${cls(r)}">${esc(t)}</button>`
          : style === 1
            ? `<span role="radio" aria-checked="${on}" class="${cls(r)}">${esc(t)}</span>`
            : `<a class="${on ? 'is-selected' : ''} ${cls(r)}" aria-current="${on ? 'true' : 'false'}">${esc(t)}</a>`,
      )
      .join('')}</div>`;
  };
  const weekday =
    p.locale !== 'en' && period.kind === 'day' && r.chance(0.3)
      ? `（周${'日一二三四五六'[new Date(parseIso(period.start)).getUTCDay()]}）`
      : '';
  switch (place) {
    case 'caption':
      return `<div class="date ${cls(r)}"><span>${esc(r.pick(period.kind === 'range' ? w.rangeCaption : w.caption))}</span> ${esc(printed)}${weekday}</div>`;
    case 'picker':
      if (period.kind === 'range' && r.chance(0.5)) {
        return `<div class="picker ${cls(r)}"><input readonly value="${esc(period.start)}"><span>~</span><input readonly value="${esc(period.end)}"></div>`;
      }
      return `<div class="picker ${cls(r)}"><input readonly class="${cls(r)}" value="${esc(printed)}"></div>`;
    case 'rangeText':
      return `<div class="toolbar ${cls(r)}"><span class="${cls(r)}">${esc(printed)}${weekday}</span></div>`;
    case 'relativePrinted':
      return `${buttons()}<div class="${cls(r)}">${r.chance(0.5) ? `<input readonly value="${esc(printed)}">` : `<span>${esc(r.pick(period.kind === 'range' ? w.rangeCaption : w.caption))}${p.locale === 'en' ? ': ' : '：'}${esc(printed)}</span>`}</div>`;
    case 'relativeOnly':
      return buttons();
    case 'none':
      return '';
  }
}

// ---------------------------------------------------------------------------------------------------

const BASE_CSS = `body{font:14px/1.5 "Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#222}
header{display:flex;gap:16px;padding:10px 20px;background:#fff;border-bottom:1px solid #e5e5e5}
main{padding:16px 20px}section{background:#fff;margin:12px 0;padding:12px 16px;border-radius:6px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px}
.card{padding:12px;border:1px solid #eee;border-radius:6px}.value,.g-value{font-size:22px;font-weight:600}
.row{display:flex;gap:8px;align-items:baseline}.flat-grid{display:grid;gap:6px 12px}
dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px}dd{margin:0;font-size:20px}
table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #eee;text-align:left}
.sub{color:#999;font-size:12px}.help{margin-left:4px;color:#999}.tab.active{color:#1677ff}`;

const NAV: Readonly<Record<Locale, string[]>> = {
  'zh-CN': ['首页', '实时', '流量', '品类', '交易', '内容', '服务'],
  'zh-TW': ['首頁', '流量', '商品', '行銷中心'],
  en: ['Home', 'Orders', 'Products', 'Customers', 'Analytics', 'Marketing'],
};

export function generatePage(seed: number, options: GenerateOptions = {}): GeneratedPage {
  const top = rng(seed);
  const platform = options.platform ? platformById(options.platform) : top.pick(PLATFORMS);
  const market = top.pick(platform.markets);
  const vocab = VOCAB[platform.id][market.locale]!;
  const printOptions: PrintOptions = {
    locale: market.locale,
    money: market.money,
    fullWidth: market.locale !== 'en' && top.chance(0.15),
    splitRate: top.pick([0, 0.3, 0.7]),
    labelUnitRate: top.pick([0, 0.15, 0.4]),
    wan: platform.wan,
  };
  const p = new Page(seed, platform, market, vocab, printOptions);
  const r = p.r;
  p.axes.platform = `${platform.id}/${market.host}/${market.locale}`;
  if (printOptions.fullWidth) p.axes.fullWidth = 'yes';
  p.axes.split = String(printOptions.splitRate);
  p.axes.labelUnit = String(printOptions.labelUnitRate);

  const store = r.pick(platform.stores[market.locale] ?? platform.stores.en!);
  const handle =
    store
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '') || 'shop';

  // Period and where its date sits.
  const realtime = platform.realtimePaths.length > 0 && r.chance(0.08);
  const end = iso(parseIso('2026-09-01') + r.int(0, 88) * DAY);
  const hasDays = !realtime && r.chance(0.22);
  const spanDays = hasDays ? 7 : r.pick([7, 7, 30]);
  const rangePage = !realtime && (hasDays ? r.chance(0.6) : r.chance(0.3));
  const start = rangePage ? iso(parseIso(end) - (spanDays - 1) * DAY) : end;
  let period: Period = realtime
    ? { kind: 'realtime', start: end, end }
    : rangePage
      ? { kind: 'range', start, end }
      : { kind: 'day', start: end, end };
  const places: Array<readonly [DatePlace, number]> = [
    ['caption', 4],
    ['picker', 2],
    ['rangeText', 2],
    ['relativePrinted', 2],
    ['relativeOnly', market.tz && !realtime && (period.kind === 'day' || spanDays !== 30) ? 1 : 0],
    ['none', realtime || hasDays ? 0 : 0.7],
  ];
  const place = r.weighted(places.filter(([, w]) => w > 0));
  p.axes.date = place;
  const relative = realtime ? 'realtime' : period.kind === 'day' ? 'yesterday' : spanDays;
  let dateHtml: string;
  if (realtime) {
    const time = `${String(r.int(8, 22)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
    dateHtml = `<div class="date ${cls(r)}">${esc(WORDS[market.locale].updated)} ${esc(end)} ${time}</div>`;
    p.axes.date = 'updated (real-time)';
  } else {
    dateHtml = dateArea(p, period, place, relative);
  }
  if (place === 'none') period = { kind: 'unknown', start: '', end: '' };
  if (place === 'relativeOnly') {
    const today = todayIn(market.tz!, options.now ?? new Date());
    const yesterday = iso(parseIso(today) - DAY);
    period =
      period.kind === 'day'
        ? { kind: 'day', start: yesterday, end: yesterday, inferred: true }
        : { kind: 'range', start: iso(parseIso(today) - spanDays * DAY), end: yesterday, inferred: true };
  }
  if (!realtime && place !== 'none' && r.chance(0.2)) {
    // Another period printed as a comparison: never the page's own.
    const back = iso(parseIso(end) - 7 * DAY);
    dateHtml += `<div class="compare ${cls(r)}">${esc(WORDS[market.locale].compareTo)} ${esc(printDate(r, back, market.locale))}</div>`;
    p.axes.compareDate = 'yes';
  }

  // The shop's numbers.
  const visitors = r.int(300, 60_000);
  const available = Object.keys(vocab.labels) as Metric[];
  const shown = r.shuffle(available).slice(0, r.int(Math.min(3, available.length), Math.min(10, available.length)));
  const container = r.weighted<Container>([
    ['cards', 6],
    ['dl', 2],
    ['grid', 1.5],
    ['rowTable', 1.5],
    ['sentence', 1],
  ]);
  const pos = r.pick<Position>(['above', 'below', 'beside', 'after', 'inside']);
  const wrapper =
    container === 'cards'
      ? r.weighted([
          ['plain', 6],
          ['shadow', 2.5],
          ['frame', 1],
        ] as const)
      : r.weighted([
          ['plain', 8],
          ['frame', 1],
        ] as const);
  const countUp = wrapper === 'plain' && container === 'cards' && r.chance(0.25);
  p.axes.container = container;
  p.axes.label = pos;
  p.axes.wrapper = wrapper;
  if (countUp) p.axes.countUp = 'yes';

  let metrics = shown;
  // English sentences: half of them label first ("Spend $1,234.00, ROAS 4.16"), half value first ("4,826 visits").
  p.labelFirstSentences = container === 'sentence' && market.locale === 'en' && r.chance(0.5);
  if (container === 'sentence' && market.locale === 'en' && !p.labelFirstSentences)
    metrics = shown.filter((m) => phrase(platform.id, m));
  if (metrics.length === 0) metrics = shown.slice(0, 1);
  const sentenceEn =
    container === 'sentence' && market.locale === 'en' && (p.labelFirstSentences || metrics.every((m) => phrase(platform.id, m)));
  const finalContainer: Container = container === 'sentence' && market.locale === 'en' && !sentenceEn ? 'cards' : container;

  const items: Item[] = [];
  const amounts = new Map<Metric, number>();
  for (const m of metrics) {
    const amount = magnitude(r, m, visitors, 1);
    amounts.set(m, amount);
    const item = truthItem(p, m, amount, { countUp });
    if (finalContainer === 'sentence' || finalContainer === 'grid' || finalContainer === 'rowTable') item.decoys = [];
    if (finalContainer === 'sentence' && item.printed.labelUnit) {
      // A unit moved into a label has no label to sit in inside a sentence: print it with the value.
      const again = print(r, m, amount, { ...printOptions, labelUnitRate: 0, splitRate: 0 });
      item.printed = again;
      item.label = r.pick(vocab.labels[m]!);
    }
    items.push(item);
    p.truth.push({ metric: m, value: item.printed.value, ...(item.printed.currency ? { currency: item.printed.currency } : {}) });
  }
  // Look-alikes and placeholders among the cards.
  if (finalContainer !== 'sentence') {
    const negatives = r.shuffle(vocab.negatives).slice(0, r.int(0, 3));
    for (const label of negatives) items.splice(r.int(0, items.length), 0, negativeItem(p, label, visitors));
    if (negatives.length) p.axes.negatives = negatives.join('|');
    const unshown = available.filter((m) => !metrics.includes(m));
    if (unshown.length && r.chance(0.25)) {
      const m = r.pick(unshown);
      items.splice(r.int(0, items.length), 0, placeholderItem(p, m));
      p.axes.placeholder = m;
    }
  }

  let block = renderContainer(p, items, finalContainer, pos);
  if (wrapper === 'shadow') {
    const depth = r.pick([1, 2, 3] as const);
    const late = r.chance(0.5);
    // Values rendered inside the shadow trees carry no count-up.
    for (const i of items) i.countUp = false;
    block = shadowCards(p, items, late, depth);
    p.axes.shadow = `depth ${depth}${late ? ', defined late' : ''}`;
  } else if (wrapper === 'frame') {
    for (const i of items) i.countUp = false;
    block = framed(p, renderContainer(p, items, finalContainer, pos));
  }

  // Tabs: the visible pane is the shop's; hidden panes hold another channel's numbers.
  if (r.chance(0.2) && wrapper !== 'frame') {
    const hidden: string[] = [];
    for (let k = 0; k < r.int(1, 2); k++) {
      const alt = metrics.map((m) => {
        const printed = p.uniqueNumber(m, amounts.get(m)!, [0.3, 0.7]);
        return { label: r.pick(vocab.labels[m]!), printed, decoys: [], countUp: false } satisfies Item;
      });
      hidden.push(renderContainer(p, alt, finalContainer === 'sentence' ? 'cards' : finalContainer, pos));
    }
    block = tabs(p, block, hidden);
    p.axes.tabs = `${hidden.length} hidden`;
  }

  const sections: string[] = [];
  const title = r.pick(WORDS[market.locale].overview);
  sections.push(`<section class="${cls(r)}"><h2>${esc(title)}</h2>${block}</section>`);

  // A visible popover with a peer's numbers under the metric's own label.
  if (r.chance(0.12) && metrics.length) {
    const m = r.pick(metrics);
    const v = p.uniqueNumber(m, amounts.get(m)!, [0.5, 0.8]);
    const peer = r.pick(DECOY_WORDS[market.locale].peer);
    sections.push(
      `<div class="popover ${cls(r)}" role="dialog"><div>${esc(peer)}</div><div>${esc(r.pick(vocab.labels[m]!))}</div><div>${v.html}</div></div>`,
    );
    p.axes.popover = 'peer';
  }
  if (r.chance(0.15)) {
    sections.push(`<div class="notice ${cls(r)}">${esc(WORDS[market.locale].advice(r.pick(['70%', '60%', '55%'])))}</div>`);
    p.axes.advice = 'yes';
  }
  // Breakdown tables.
  const tableMetrics = (pool: Metric[], most = 4) => r.shuffle(pool).slice(0, r.int(1, Math.min(most, pool.length)));
  if (r.chance(0.2)) {
    const pool = available.filter((m) => m !== 'avgVisitDuration' && m !== 'pagesPerVisit');
    sections.push(breakdownTable(p, tableMetrics(pool), visitors, 'sources'));
    p.axes.sources = 'table';
  }
  if (r.chance(0.15)) {
    const pool = available.filter((m) =>
      ['visitors', 'pageViews', 'paidBuyers', 'unitsOrdered', 'sales', 'conversionRate'].includes(m),
    );
    if (pool.length) {
      sections.push(breakdownTable(p, tableMetrics(pool), visitors, 'items'));
      p.axes.items = 'table';
    }
  }
  if (hasDays && period.kind !== 'unknown') {
    const endDay = period.end;
    const n = period.kind === 'range' ? spanDays : 7;
    const days = Array.from({ length: n }, (_, k) => iso(parseIso(endDay) - (n - 1 - k) * DAY));
    const pool = available.filter((m) => m !== 'avgVisitDuration');
    const lastDay = new Map<Metric, Printed>();
    if (period.kind === 'day') for (const i of items) if (i.metric) lastDay.set(i.metric, i.printed);
    const rangeCards = new Map<Metric, Printed>();
    if (period.kind === 'range') for (const i of items) if (i.metric) rangeCards.set(i.metric, i.printed);
    sections.push(dayTable(p, tableMetrics(pool, 3), days, visitors, period.kind === 'day' ? lastDay : null, rangeCards));
    p.axes.days = `${n} rows`;
  }

  const head = platform.header(r, store, market);
  const nav = `<nav class="${cls(r)}">${NAV[market.locale].map((n) => `<a>${esc(n)}${n === 'Orders' && r.chance(0.5) ? ` <span class="badge">${r.int(2, 40)}</span>` : ''}</a>`).join('')}</nav>`;
  const body = `${head.html}${nav}<main class="${cls(r)}">${dateHtml}${sections.join('')}</main>`;
  const scripts = p.scripts.length ? `<script>${p.scripts.join('\n')}</script>` : '';
  const html = `<!doctype html><html lang="${market.locale}"><head><meta charset="utf-8"><title>${esc(head.title)}</title><style>${BASE_CSS}</style></head><body data-seed="${seed}">${body}${scripts}</body></html>`;

  const path = r.pick(realtime ? platform.realtimePaths : platform.paths).replace('{handle}', handle);
  const url = uniqueUrl(market.host, path, seed, platform.id);
  // Readings that share the page's period carry none; day rows and range totals keep theirs.
  const samePeriod = (a: Period, b: Period) => a.kind === b.kind && a.start === b.start && a.end === b.end;
  for (const t of p.truth) if (t.period && samePeriod(t.period, period)) delete t.period;
  const readings = dedupe(p.truth);
  const expected = expectedOf(
    { url, store, period, readings, seed },
    `generated page, seed ${seed}: ${Object.entries(p.axes)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ')}${p.notes.length ? `; ${p.notes.join('; ')}` : ''}`,
  );
  return { seed, platform: platform.id, html, url, expected, axes: p.axes };
}

/** A page's truth: its readings, and every quantity without a shop-level reading of the page's period as absent. */
export function expectedOf(page: Pick<Expected, 'url' | 'store' | 'period' | 'readings' | 'seed'>, notes: string): Expected {
  const own = new Set(page.readings.filter((t) => !t.breakdown && !t.peer && !t.period).map((t) => t.metric));
  const absent = (Object.keys(KIND) as Metric[]).filter((m) => !own.has(m));
  return { ...page, absent, volatile: false, notes };
}

/** One reading per quantity, part and period (a page may print the same number twice). */
function dedupe(list: TruthReading[]): TruthReading[] {
  const seen = new Map<string, TruthReading>();
  for (const t of list) {
    const key = `${t.metric}|${t.breakdown?.dimension}=${t.breakdown?.key}|${t.peer}|${t.period ? `${t.period.start}..${t.period.end}` : ''}`;
    const before = seen.get(key);
    if (before && before.value !== t.value) throw new Error(`generator made two values for ${key}`);
    seen.set(key, t);
  }
  return [...seen.values()];
}

/**
 * The page's real address on its platform's host, with the seed as one path segment so that pages read
 * in one browser keep apart (the stored URL is origin + path). Path words the adapters look at (the
 * real-time boards' "realtime", 生意参谋's /mc/) stay where they are.
 */
export function uniqueUrl(host: string, path: string, seed: number, platform: PlatformId): string {
  const segments = path.split('/');
  const at = platform === 'shopify' ? 3 : Math.max(1, segments.length - 1);
  segments.splice(at, 0, `s${seed}`);
  const hash = platform === 'ga4' ? `#/p${100000000 + (seed % 900000000)}/reports/intelligenthome` : '';
  return `https://${host}${segments.join('/')}${hash}`;
}

/** The fixed part of the corpus: these seeds run on every `npm test`. */
export const FIXED_SEEDS: readonly number[] = Array.from({ length: 240 }, (_, i) => 1000 + i * 7919);

/** The rotating part: a different set every day, printed by the test so a failure replays. */
export function rotatingSeeds(day: string, count: number): number[] {
  const r = rng(Number(day.replace(/-/g, '')));
  return Array.from({ length: count }, () => r.int(1, 2 ** 31 - 1));
}
