import { sameWeekdayBaseline } from './baseline';
import { addDays } from './dates';
import { between, byDate, relativeChange, sum } from './series';
import type { DailyPoint, IsoDate, IsoMonth, SourceMix, SourceMove, SpendDay, SpendTrend } from './types';

/**
 * The promotion side of a shop's review: what its linked ads accounts spent and brought in, held
 * against the shop's own sales. ROI = ad sales ÷ spend; 费比 (expense ratio) = spend ÷ the shop's sales;
 * paid share = ad sales ÷ the shop's sales. Over several days every ratio is a ratio of sums (a week's
 * ROI is Σ ad sales ÷ Σ spend), never a mean of daily ratios.
 */

/** One account's closed days of spend and ad sales. */
export interface AccountDays {
  site: string;
  account: string;
  currency?: string;
  spend: readonly DailyPoint[];
  adSales: readonly DailyPoint[];
}

/** The shop's spend and ad sales per day, summed over its accounts. */
export interface ShopSpend {
  spend: DailyPoint[];
  adSales: DailyPoint[];
  accounts: Array<{ site: string; account: string }>;
}

/**
 * The accounts' days added up. A day counts only when every account read in the window has a reading
 * for it: a day on which one account was not read would understate the spend (a number missed beats a
 * wrong one). Ad sales follow the same rule on their own. Accounts in another currency than the
 * shop's are left out.
 */
export function shopSpend(accounts: readonly AccountDays[], currency?: string): ShopSpend {
  const same = accounts.filter((a) => !currency || !a.currency || a.currency === currency);
  const withSpend = same.filter((a) => a.spend.length);
  return {
    spend: addUp(withSpend.map((a) => a.spend)),
    adSales: addUp(same.filter((a) => a.adSales.length).map((a) => a.adSales)),
    accounts: withSpend.map((a) => ({ site: a.site, account: a.account })),
  };
}

function addUp(series: ReadonlyArray<readonly DailyPoint[]>): DailyPoint[] {
  if (!series.length) return [];
  const maps = series.map((s) => byDate(s));
  const dates = [...maps[0]!.keys()].filter((d) => maps.every((m) => m.has(d))).sort();
  return dates.map((date) => ({ date, value: sum(maps.map((m) => m.get(date)!)) }));
}

/** ratio of two sums, null when the denominator is not positive. */
const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || !(b > 0) ? null : a / b;

/** One closed day of spend against the shop's sales of that day; null when no spend was read for it. */
export function spendDay(shop: ShopSpend, sales: readonly DailyPoint[], date: IsoDate, weeks = 4): SpendDay | null {
  const spend = byDate(shop.spend);
  const value = spend.get(date);
  if (value === undefined) return null;
  const adSales = byDate(shop.adSales).get(date) ?? null;
  const shopSales = byDate(sales).get(date) ?? null;
  const baseline = sameWeekdayBaseline(spend, date, weeks)?.value ?? null;
  return {
    date,
    spend: value,
    adSales,
    roi: ratio(adSales, value),
    spendRatio: ratio(value, shopSales),
    paidShare: ratio(adSales, shopSales),
    baseline,
    change: relativeChange(value, baseline),
  };
}

/**
 * Paid or free: a traffic source bought through the ads back offices (直通车, 万相台, 引力魔方, 品销宝,
 * 京东快车, 千川, 付费, 推广, paid, cpc, ads) or not. The 生意参谋 source tree prints them under 付费流量.
 */
const PAID_SOURCE =
  /付费|付費|直通车|直通車|万相台|萬相台|引力魔方|品销宝|品銷寶|超级推荐|超級推薦|钻展|鑽展|京东快车|京東快車|京准通|京準通|千川|推广|推廣|广告|廣告|\bpaid\b|\bcpc\b|\bppc\b|\bads?\b|sponsored/i;

export const isPaidSource = (key: string): boolean => PAID_SOURCE.test(key);

export function sourceMix(sources: Readonly<Record<string, readonly DailyPoint[]>>, date: IsoDate, weeks = 4): SourceMix | null {
  const sides = { paid: new Map<IsoDate, number>(), free: new Map<IsoDate, number>() };
  const entries = Object.entries(sources);
  if (!entries.length) return null;
  // Only days on which every source was read add up to a side's total for that day.
  const all = entries.map(([key, points]) => ({ side: isPaidSource(key) ? 'paid' : 'free', read: byDate(points) }) as const);
  const days = new Set(all.flatMap((s) => [...s.read.keys()]));
  for (const d of days) {
    if (!all.every((s) => s.read.has(d))) continue;
    for (const side of ['paid', 'free'] as const) {
      const members = all.filter((s) => s.side === side);
      if (members.length) sides[side].set(d, sum(members.map((s) => s.read.get(d)!)));
    }
  }
  const move = (read: Map<IsoDate, number>): SourceMove | null => {
    const current = read.get(date);
    const base = sameWeekdayBaseline(read, date, weeks);
    const change = relativeChange(current ?? null, base?.value ?? null);
    return current === undefined || !base || change === null ? null : { current, baseline: base.value, change };
  };
  const [paid, free] = [move(sides.paid), move(sides.free)];
  if (!paid && !free) return null;
  const moved =
    paid && free ? (Math.abs(paid.current - paid.baseline) >= Math.abs(free.current - free.baseline) ? 'paid' : 'free') : null;
  return { paid, free, moved };
}

/** The paid source whose visitors rose most against the same weekday on `date` (the source a leaking-page alert names); null when none rose. */
export function paidSourceUp(sources: Readonly<Record<string, readonly DailyPoint[]>>, date: IsoDate, weeks = 4): string | null {
  let best: { key: string; gain: number } | null = null;
  for (const [key, points] of Object.entries(sources)) {
    if (!isPaidSource(key)) continue;
    const read = byDate(points);
    const now = read.get(date);
    const base = sameWeekdayBaseline(read, date, weeks);
    if (now === undefined || !base) continue;
    const gain = now - base.value;
    if (gain > 0 && (!best || gain > best.gain)) best = { key, gain };
  }
  return best?.key ?? null;
}

export interface MonthSpend {
  month: IsoMonth;
  /** Σ spend of the month's closed days with spend read; null when none was. */
  spend: number | null;
  /** Σ spend ÷ Σ sales over the days both were read. */
  spendRatio: number | null;
  /** Σ ad sales ÷ Σ spend over the days both were read. */
  roi: number | null;
}

/** One month's spend columns, from its closed days (`from` ≤ date < `end`). */
export function monthSpend(month: IsoMonth, shop: ShopSpend, sales: readonly DailyPoint[], end: IsoDate): MonthSpend {
  const spend = between(shop.spend, `${month}-01`, end);
  if (!spend.length) return { month, spend: null, spendRatio: null, roi: null };
  const salesOf = byDate(sales);
  const adOf = byDate(shop.adSales);
  const withSales = spend.filter((p) => salesOf.has(p.date));
  const withAd = spend.filter((p) => adOf.has(p.date));
  return {
    month,
    spend: sum(spend.map((p) => p.value)),
    spendRatio: ratio(sum(withSales.map((p) => p.value)), sum(withSales.map((p) => salesOf.get(p.date)!))),
    roi: ratio(sum(withAd.map((p) => adOf.get(p.date)!)), sum(withAd.map((p) => p.value))),
  };
}

/** ROI per day over a window, for the trends: Σ ad sales ÷ Σ spend of each day (one day each). */
export function roiSeries(shop: ShopSpend): DailyPoint[] {
  const spend = byDate(shop.spend);
  return shop.adSales.flatMap((p) => {
    const s = spend.get(p.date);
    return s !== undefined && s > 0 ? [{ date: p.date, value: p.value / s }] : [];
  });
}

/** ROI over a span of days: Σ ad sales ÷ Σ spend over the days both were read (not a mean of daily ROIs). */
export function roiOver(shop: ShopSpend, from: IsoDate, to: IsoDate): number | null {
  const ad = byDate(shop.adSales);
  const days = between(shop.spend, from, to).filter((p) => ad.has(p.date));
  return ratio(sum(days.map((p) => ad.get(p.date)!)), sum(days.map((p) => p.value)));
}

export function spendTrend(shop: ShopSpend, from: IsoDate, today: IsoDate): SpendTrend {
  return {
    spend: between(shop.spend, from, today),
    roi: between(roiSeries(shop), from, today),
    roi7: roiOver(shop, addDays(today, -7), today),
    roi30: roiOver(shop, addDays(today, -30), today),
  };
}
