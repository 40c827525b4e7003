import type { Rng } from './prng';
import { KIND, type Locale, type Metric } from './vocab';

/**
 * How a value is printed, and the exact truth it stands for. The printed digits come first and the
 * truth is computed from them with decimal-string arithmetic, so a page never claims more precision
 * than it shows (a "1.23万" card is 12300, not the 12 345 the generator started from).
 */

export interface Money {
  code: string;
  /** How the page marks it: a symbol before ("¥", "NT$", "RM"), a word after ("元", "€"), or an ISO code. */
  before: readonly string[];
  after: readonly string[];
  /** The label unit a bare amount may carry ("(元)", "(USD)"). */
  labelUnit: readonly string[];
  /** European grouping: 1.234,56 */
  comma?: boolean;
  /** Prints no minor units (VND, IDR, TWD in some screens). */
  whole?: boolean;
}

export interface Printed {
  /** The value's markup (text only, or split over elements). */
  html: string;
  /** The value as plain text, for count-up frames and decoys. */
  text: string;
  /** What a correct reader stores. */
  value: number;
  currency?: string;
  /** A unit that went into the label instead of the value: "(元)", "(%)", "(秒)", "(万)", " (USD)". */
  labelUnit: string;
  /** The value is one text node (count-up animations can drive it). */
  plain: boolean;
}

export interface PrintOptions {
  locale: Locale;
  money: Money;
  fullWidth: boolean;
  /** Markup is split over elements this often. */
  splitRate: number;
  /** A unit goes into the label this often. */
  labelUnitRate: number;
  /** 万-scaled printing is allowed (Chinese back offices). */
  wan: boolean;
}

/** `digits` × 10^shift as a number, computed on the decimal string (no binary rounding on the way). */
export function shiftDecimal(digits: string, shift: number): number {
  const neg = digits.startsWith('-');
  const [int = '0', frac = ''] = (neg ? digits.slice(1) : digits).split('.');
  let all = int + frac;
  let point = int.length + shift;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length);
  const text = `${all.slice(0, point)}.${all.slice(point) || '0'}`;
  return Number(neg ? `-${text}` : text);
}

/** 12345.6 → "12,345.60" (or "12.345,60" in European grouping). */
export function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A decimal string with its integer digits grouped: "1234.50" → "1,234.50". */
export function groupDecimal(text: string, sep = ','): string {
  const [int, frac] = text.split('.');
  return frac === undefined ? group(int!, sep) : `${group(int!, sep)}.${frac}`;
}

const FULL = '０１２３４５６７８９';
export const toFullWidth = (text: string): string => text.replace(/\d/g, (d) => FULL[Number(d)]!);

/** Splits a decimal string into its integer and fraction digits. */
function parts(fixed: string): { int: string; frac: string } {
  const [int = '0', frac = ''] = fixed.split('.');
  return { int, frac };
}

interface Pieces {
  before: string;
  int: string;
  dot: string;
  frac: string;
  after: string;
}

function render(r: Rng, p: Pieces, o: PrintOptions): { html: string; text: string; plain: boolean } {
  const fw = (t: string) => (o.fullWidth ? toFullWidth(t) : t);
  const text = `${p.before}${fw(p.int)}${p.frac ? p.dot + fw(p.frac) : ''}${p.after}`;
  if (!r.chance(o.splitRate)) return { html: esc(text), text, plain: true };
  const tag = () => r.pick(['span', 'em', 'i', 'b', 'small', 'sup', 'strong']);
  const wrap = (t: string) => {
    const name = tag();
    return `<${name} class="${cls(r)}">${esc(t)}</${name}>`;
  };
  const style = r.int(0, 3);
  let html: string;
  if (style === 0) {
    // ¥<b>12,345</b><small>.67</small>
    html = `${p.before ? wrap(p.before) : ''}${wrap(fw(p.int))}${p.frac ? wrap(p.dot + fw(p.frac)) : ''}${p.after ? wrap(p.after) : ''}`;
  } else if (style === 1) {
    // <span>12,345.67</span><sup>%</sup>
    html = `${p.before ? wrap(p.before) : ''}${wrap(fw(p.int) + (p.frac ? p.dot + fw(p.frac) : ''))}${p.after ? wrap(p.after) : ''}`;
  } else if (style === 2) {
    // 12,345<small>.67元</small>
    html = `${esc(p.before)}${esc(fw(p.int))}${p.frac || p.after ? wrap((p.frac ? p.dot + fw(p.frac) : '') + p.after) : ''}`;
  } else {
    // every piece its own element, with whitespace between
    html = [p.before, fw(p.int), p.frac ? p.dot + fw(p.frac) : '', p.after]
      .filter(Boolean)
      .map((t) => wrap(t))
      .join('');
  }
  return { html, text, plain: false };
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A hashed class name as CSS-in-JS and CSS modules print them. */
export function cls(r: Rng): string {
  const hash = () => r.int(36 ** 4, 36 ** 6 - 1).toString(36);
  return r.pick([
    () => `css-${hash()}`,
    () => `_${hash()}`,
    () => `sc-${hash()} ${hash()}`,
    () => `index-module__${r.pick(['card', 'value', 'item', 'cell', 'box'])}--${hash()}`,
    () => `${r.pick(['ant', 'next', 'arco', 'el', 'ecom'])}-${r.pick(['col', 'row', 'wrap', 'block'])}-${hash()}`,
  ])();
}

/** The measure word a Chinese page may print after a count. */
const COUNT_UNIT: Partial<Record<Metric, readonly string[]>> = {
  visitors: ['人'],
  paidBuyers: ['人'],
  returningVisitors: ['人'],
  visits: ['次'],
  pageViews: ['次'],
  orders: ['笔', '单'],
  unitsOrdered: ['件'],
};

const traditional = (locale: Locale, word: string) => (locale === 'zh-TW' ? word.replace('笔', '筆').replace('单', '單') : word);

/** Prints `amount` (a raw magnitude) as `metric` on this page; returns the markup and the exact truth. */
export function print(r: Rng, metric: Metric, amount: number, o: PrintOptions): Printed {
  const kind = KIND[metric];
  const zh = o.locale !== 'en';
  const labelUnit = r.chance(o.labelUnitRate);
  const none = { before: '', after: '', dot: '.' };
  if (kind === 'count') {
    const n = Math.max(1, Math.round(amount));
    if (o.wan && n >= 10_000 && r.chance(0.3)) {
      const fixed = (n / 10_000).toFixed(2);
      const value = shiftDecimal(fixed, 4);
      const p = parts(fixed);
      const unit = o.locale === 'zh-TW' ? '萬' : '万';
      if (labelUnit) return finish(render(r, { ...none, ...p }, o), value, undefined, `(${unit})`);
      return finish(render(r, { ...none, ...p, after: unit }, o), value, undefined, '');
    }
    const int = r.chance(0.8) ? group(String(n), ',') : String(n);
    const after = zh && r.chance(0.15) ? traditional(o.locale, r.pick(COUNT_UNIT[metric] ?? [''])) : '';
    return finish(render(r, { ...none, int, frac: '', after }, o), n, undefined, '');
  }
  if (kind === 'money') {
    const m = o.money;
    const cents = m.whole ? Math.round(amount) * 100 : Math.round(amount * 100);
    const fixed = m.whole ? String(cents / 100) : (cents / 100).toFixed(2);
    const value = shiftDecimal(fixed, 0);
    const p = parts(fixed);
    const int = group(p.int, m.comma ? '.' : ',');
    const dot = m.comma ? ',' : '.';
    if (o.wan && zh && value >= 10_000 && r.chance(0.25)) {
      const wanFixed = (value / 10_000).toFixed(2);
      const wan = parts(wanFixed);
      const unit = o.locale === 'zh-TW' ? '萬' : '万';
      const truth = shiftDecimal(wanFixed, 4);
      if (labelUnit) return finish(render(r, { before: '', dot: '.', ...wan, after: '' }, o), truth, m.code, `(${unit}元)`);
      return finish(
        render(r, { before: r.pick(m.before.length ? m.before : ['']), dot: '.', ...wan, after: unit }, o),
        truth,
        m.code,
        '',
      );
    }
    if (labelUnit && m.labelUnit.length) {
      return finish(render(r, { before: '', int, dot, frac: p.frac, after: '' }, o), value, m.code, r.pick(m.labelUnit));
    }
    const useBefore = m.before.length > 0 && (m.after.length === 0 || r.chance(0.6));
    const before = useBefore ? r.pick(m.before) : '';
    const after = useBefore ? '' : r.pick(m.after);
    return finish(render(r, { before, int, dot, frac: p.frac, after }, o), value, m.code, '');
  }
  if (kind === 'rate') {
    const decimals = r.pick([1, 2, 2, 2]);
    const fixed = (amount * 100).toFixed(decimals);
    const value = shiftDecimal(fixed, -2);
    const p = parts(fixed);
    if (labelUnit) return finish(render(r, { ...none, ...p }, o), value, undefined, '(%)');
    const after = zh && o.fullWidth && r.chance(0.5) ? '％' : '%';
    return finish(render(r, { ...none, ...p, after }, o), value, undefined, '');
  }
  if (kind === 'ratio') {
    const fixed = amount.toFixed(2);
    return finish(render(r, { ...none, ...parts(fixed) }, o), shiftDecimal(fixed, 0), undefined, '');
  }
  // duration, in seconds
  const style = r.int(0, 3);
  if (style === 0) {
    const fixed = amount.toFixed(2);
    const value = shiftDecimal(fixed, 0);
    if (labelUnit) return finish(render(r, { ...none, ...parts(fixed) }, o), value, undefined, zh ? '(秒)' : ' (s)');
    return finish(render(r, { ...none, ...parts(fixed), after: zh ? '秒' : 's' }, o), value, undefined, '');
  }
  const s = Math.max(61, Math.round(amount));
  const min = Math.floor(s / 60);
  const sec = s % 60;
  if (style === 1) {
    const text = zh ? `${min}分${sec}秒` : `${min}m ${sec}s`;
    return finish({ html: esc(o.fullWidth ? toFullWidth(text) : text), text, plain: true }, s, undefined, '');
  }
  if (style === 2) {
    const text = `00:${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
    return finish({ html: esc(text), text, plain: true }, s, undefined, '');
  }
  const text = zh ? `${s}秒` : `${s}s`;
  return finish({ html: esc(text), text, plain: true }, s, undefined, '');
}

function finish(
  shown: { html: string; text: string; plain: boolean },
  value: number,
  currency: string | undefined,
  labelUnit: string,
): Printed {
  return { ...shown, value, ...(currency ? { currency } : {}), labelUnit };
}

/** A plausible magnitude for `metric` on a shop of `size` visitors. */
export function magnitude(r: Rng, metric: Metric, visitors: number, moneyScale: number): number {
  const cr = 0.008 + r.next() * 0.05;
  const aov = (60 + r.next() * 300) * moneyScale;
  switch (metric) {
    case 'visitors':
      return visitors;
    case 'visits':
      return visitors * (1.1 + r.next() * 0.5);
    case 'pageViews':
      return visitors * (1.8 + r.next() * 3);
    case 'bounceRate':
      return 0.28 + r.next() * 0.5;
    case 'pagesPerVisit':
      return 1.6 + r.next() * 3.2;
    case 'avgVisitDuration':
      return 20 + r.next() * 220;
    case 'conversionRate':
      return cr;
    case 'paidBuyers':
      return Math.max(3, visitors * cr);
    case 'orders':
      return Math.max(3, visitors * cr * (1.02 + r.next() * 0.2));
    case 'unitsOrdered':
      return Math.max(4, visitors * cr * (1.2 + r.next() * 0.8));
    case 'avgOrderValue':
      return aov;
    case 'sales':
      return Math.max(50, visitors * cr * aov);
    case 'returningVisitors':
      return visitors * (0.08 + r.next() * 0.25);
    case 'returningVisitorShare':
      return 0.08 + r.next() * 0.25;
    case 'adSpend':
      return visitors * (0.2 + r.next() * 1.2) * moneyScale;
    case 'adSales':
      return visitors * (0.6 + r.next() * 4) * moneyScale;
    case 'adRoas':
      return 0.8 + r.next() * 5;
    case 'adAcos':
      return 0.05 + r.next() * 0.6;
    case 'adClicks':
      return visitors * (0.2 + r.next() * 0.5);
    case 'adImpressions':
      return visitors * (8 + r.next() * 40);
    case 'adCtr':
      return 0.005 + r.next() * 0.06;
    case 'adCpc':
      return (0.3 + r.next() * 3) * moneyScale;
    case 'adConversionRate':
      return 0.005 + r.next() * 0.08;
  }
}
