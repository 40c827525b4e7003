import { dayNumber, isIsoDate, isIsoMonth, monthDays, monthOf, weekdayIndex } from './dates';
import { byDate, sum } from './series';
import type { DailyPoint, IsoDate, MonthPacing, MonthTarget, TargetProblem } from './types';

/**
 * Monthly sales targets split into daily targets (so the first thing each morning is whether
 * yesterday's was met), and how far the month is ahead of or behind its plan.
 */

/** A plan may differ from the month's amount by rounding only (a cent, or a millionth of the amount). */
const PLAN_TOLERANCE = (amount: number) => Math.max(0.01, amount * 1e-6);

/** Everything wrong with a target, in one pass; empty when it can be split. */
export function validateTarget(t: MonthTarget): TargetProblem[] {
  const problems: TargetProblem[] = [];
  if (!isIsoMonth(t.month)) problems.push({ code: 'badMonth', reason: `month ${t.month} is not YYYY-MM` });
  if (!Number.isFinite(t.amount) || t.amount <= 0) {
    problems.push({ code: 'amountNotPositive', reason: `amount ${t.amount} must be a number above 0` });
  }
  if (t.split === 'weekday') problems.push(...weightProblems(t.weekdayWeights));
  if (t.split === 'plan' && problems.every((p) => p.code !== 'badMonth')) problems.push(...planProblems(t));
  return problems;
}

function weightProblems(weights: readonly number[] | undefined): TargetProblem[] {
  if (!weights) return [{ code: 'weightsMissing', reason: 'a weekday split needs weights Monday … Sunday' }];
  if (weights.length !== 7) return [{ code: 'weightsNotSeven', reason: `${weights.length} weights given, 7 needed` }];
  const problems: TargetProblem[] = weights.flatMap((w, i) =>
    Number.isFinite(w) && w >= 0 ? [] : [{ code: 'weightNegative' as const, reason: `weight ${i} is ${w}`, at: String(i) }],
  );
  if (!problems.length && weights.every((w) => w === 0)) {
    problems.push({ code: 'weightsAllZero', reason: 'all seven weights are 0' });
  }
  return problems;
}

function planProblems(t: MonthTarget): TargetProblem[] {
  if (!t.plan) return [{ code: 'planMissing', reason: 'a plan split needs an amount per day' }];
  const problems: TargetProblem[] = [];
  for (const [date, amount] of Object.entries(t.plan)) {
    if (!isIsoDate(date)) problems.push({ code: 'planDateInvalid', reason: `${date} is not a day`, at: date });
    else if (monthOf(date) !== t.month) {
      problems.push({ code: 'planDateOutsideMonth', reason: `${date} is not in ${t.month}`, at: date });
    }
    if (!Number.isFinite(amount) || amount < 0) {
      problems.push({ code: 'planAmountNegative', reason: `${date} plans ${amount}`, at: date });
    }
  }
  const total = sum(Object.values(t.plan));
  // A plan that adds up to something else would make "on plan" and "met the month" disagree.
  if (!problems.length && Math.abs(total - t.amount) > PLAN_TOLERANCE(t.amount)) {
    problems.push({ code: 'planTotalDiffers', reason: `the plan adds up to ${total}, the month's amount is ${t.amount}` });
  }
  return problems;
}

/** Throws with every reason when the target cannot be split. */
function assertValid(t: MonthTarget): void {
  const problems = validateTarget(t);
  if (problems.length) throw new Error(`target ${t.month} is invalid: ${problems.map((p) => p.reason).join('; ')}`);
}

/**
 * The daily target of every day of the month (days a plan leaves out get 0). `even` and `weekday`
 * add up to the month's amount (to rounding); `plan` is the plan as given.
 */
export function dailyTargets(t: MonthTarget): Map<IsoDate, number> {
  assertValid(t);
  const days = monthDays(t.month);
  switch (t.split) {
    case 'even':
      return new Map(days.map((d) => [d, t.amount / days.length]));
    case 'weekday': {
      const weights = t.weekdayWeights!;
      // Normalised over this month's days: a month with five Saturdays gives each Saturday less.
      const total = sum(days.map((d) => weights[weekdayIndex(d)]!));
      return new Map(days.map((d) => [d, (t.amount * weights[weekdayIndex(d)]!) / total]));
    }
    case 'plan':
      return new Map(days.map((d) => [d, t.plan![d] ?? 0]));
  }
}

/**
 * The month's progress on its closed days (the days before `today`): what was sold against what the
 * daily targets of those days add up to. `pace` is null when those days plan nothing (the month has not
 * started, or a plan puts nothing on them), since no "behind" or "ahead" can be stated against 0.
 */
export function monthPacing(target: MonthTarget, sales: readonly DailyPoint[], today: IsoDate): MonthPacing {
  const dailies = dailyTargets(target);
  const todayN = dayNumber(today);
  const elapsed = [...dailies.keys()].filter((d) => dayNumber(d) < todayN);
  const read = byDate(sales);
  const withData = elapsed.filter((d) => read.has(d));
  const actual = sum(withData.map((d) => read.get(d)!));
  const planToDate = sum(elapsed.map((d) => dailies.get(d)!));
  return {
    month: target.month,
    target: target.amount,
    actual,
    planToDate,
    pace: planToDate > 0 ? actual / planToDate - 1 : null,
    completion: actual / target.amount,
    daysWithData: withData.length,
    daysElapsed: elapsed.length,
  };
}
