import { addDays, addMonths, daysBetween, monthOf } from './dates';
import { between, relativeChange, sum } from './series';
import { validateTarget } from './target-split';
import { monthSpend, type ShopSpend } from './spend';
import type { DailyPoint, IsoDate, IsoMonth, MonthRow, MonthTarget } from './types';

/**
 * The monthly review (README, "The popup: review, trends, month"): per month, target against actual, completion rate, growth against the
 * same month a year before, and which months missed — the numbers an operator pastes into a report.
 */

/**
 * The last `count` months up to the month of `today`, newest first. Only closed days count (before
 * `today`), so the running month is a month to date: its growth compares the same days of last year's
 * month (1st up to the same day), and whether it missed is not yet known (null). A month without a
 * valid target has no completion or verdict. A month with no day read is still listed (actual 0,
 * daysWithData 0) but neither completes nor misses anything: nothing read is not nothing sold. Last
 * year's figure is null when nothing of it was read. With `spend` (the linked ads accounts' days), each row
 * also carries the month's spend, 费比 and ROI (core/review/spend.ts) and its 费比 ceiling.
 */
export function monthRows(
  sales: readonly DailyPoint[],
  targets: readonly MonthTarget[],
  today: IsoDate,
  count = 12,
  spend?: ShopSpend,
): MonthRow[] {
  const current = monthOf(today);
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(current, -i);
    const end = month === current ? today : `${addMonths(month, 1)}-01`;
    const days = between(sales, `${month}-01`, end);
    const actual = sum(days.map((p) => p.value));
    const target = targets.find((t) => t.month === month && !validateTarget(t).length)?.amount ?? null;
    const lastYear = sameDaysLastYear(sales, month, end);
    const judged = target !== null && days.length > 0;
    // With linked ads accounts: the month's spend, 费比 and ROI as ratios of sums, and its 费比 ceiling.
    const paid = spend ? monthSpend(month, spend, sales, end) : null;
    const ceiling = targets.find((t) => t.month === month)?.spendRatioCeiling ?? null;
    return {
      ...(paid ? { spend: paid.spend, spendRatio: paid.spendRatio, roi: paid.roi, spendRatioCeiling: ceiling } : {}),
      month,
      target,
      actual,
      completion: judged ? actual / target : null,
      lastYear,
      growth: relativeChange(actual, lastYear),
      missed: judged && month !== current ? actual < target : null,
      daysWithData: days.length,
    };
  });
}

/** Sales of the same span a year earlier (a running month's 1st up to the same day), null when none read. */
function sameDaysLastYear(sales: readonly DailyPoint[], month: IsoMonth, end: IsoDate): number | null {
  const start = `${addMonths(month, -12)}-01`;
  const sameDay = addDays(start, daysBetween(`${month}-01`, end));
  // Never past last year's month: a leap February spans 29 days, the February before it 28.
  const monthEnd = `${addMonths(month, -11)}-01`;
  const days = between(sales, start, sameDay < monthEnd ? sameDay : monthEnd);
  return days.length ? sum(days.map((p) => p.value)) : null;
}
