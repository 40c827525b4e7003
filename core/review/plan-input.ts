import { readFormNumber, type FormNumberProblem } from '../form-number';
import { daysInMonth, monthDays } from './dates';
import { sum } from './series';
import type { IsoDate, IsoMonth } from './types';

/**
 * A per-day plan (大促 days) as the operator enters it in the target form: a column of amounts pasted
 * from a spreadsheet, or a few days set by hand with the rest of the month's target spread evenly over
 * the days left. The result is the `plan` of a MonthTarget (review/target-split.ts checks it again).
 */

/** Why a pasted line or a day's amount cannot be used; `line` (1-based) or `day` says where. */
export type PlanInputProblem =
  | { code: 'amount'; day: number; text: string; reason: FormNumberProblem | 'negative' }
  | { code: 'line'; line: number; text: string }
  | { code: 'tooManyLines'; lines: number; days: number }
  | { code: 'dayOutsideMonth'; day: number }
  | { code: 'overTarget'; planned: number; amount: number }
  | { code: 'totalDiffers'; planned: number; amount: number };

const CURRENCY = /^(?:[¥￥$€£]|CNY|RMB|USD|NT\$|HK\$|S\$)\s*/i;
const amountOf = (text: string) => readFormNumber(text.replace(CURRENCY, ''), { amount: true });

/**
 * A pasted column: one amount per line for day 1, 2, 3 … of the month, or lines of "day⇥amount" (a
 * date YYYY-MM-DD / M/D / D, then the amount; tab, two spaces or `:` between) that fill those days only.
 * Empty lines in a plain column keep their day empty. Returns the day texts (index 0 = day 1) to put into
 * the form, or every line that could not be read: then nothing is filled.
 */
export function readPastedColumn(
  text: string,
  month: IsoMonth,
  into: readonly string[],
): { days: string[] } | { problems: PlanInputProblem[] } {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const length = daysInMonth(month);
  const days = Array.from({ length: 31 }, (_, i) => into[i] ?? '');
  const problems: PlanInputProblem[] = [];
  const dated = lines.some((l) => /\t|\s{2,}|[:：]/.test(l.trim()));
  if (!dated && lines.length > length) return { problems: [{ code: 'tooManyLines', lines: lines.length, days: length }] };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!dated) {
      if (line && 'problem' in amountOf(line)) problems.push({ code: 'line', line: i + 1, text: raw });
      else days[i] = line;
      return;
    }
    if (!line) return;
    const cells = line
      .split(/\t|\s{2,}|[:：]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const day = cells.length === 2 ? dayOf(cells[0]!, month) : null;
    if (day === null || 'problem' in amountOf(cells[1]!)) problems.push({ code: 'line', line: i + 1, text: raw });
    else if (day > length) problems.push({ code: 'dayOutsideMonth', day });
    else days[day - 1] = cells[1]!;
  });
  return problems.length ? { problems } : { days };
}

/** The day of the month a cell names: 2026-11-11, 11/11, 11月11日, 11 (or 11日); null when it names another month or none. */
function dayOf(cell: string, month: IsoMonth): number | null {
  const [y, m] = month.split('-').map(Number);
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cell);
  if (match) return Number(match[1]) === y && Number(match[2]) === m ? Number(match[3]) : null;
  match = /^(\d{1,2})(?:[/.-]|月)(\d{1,2})日?$/.exec(cell);
  if (match) return Number(match[1]) === m ? Number(match[2]) : null;
  match = /^(\d{1,2})日?$/.exec(cell);
  const day = match ? Number(match[1]) : 0;
  return day >= 1 && day <= 31 ? day : null;
}

/**
 * The plan from the day texts: the days typed keep their amounts, the days left empty share what is
 * left of `amount` evenly. Refused with every reason when a day's amount cannot be read, a day is set
 * past the month's end, the days set exceed the target while days are left to spread over, or every day
 * is set and they do not add up to the target (to a cent).
 */
export function buildPlan(
  month: IsoMonth,
  amount: number,
  dayTexts: readonly string[],
): { plan: Record<IsoDate, number> } | { problems: PlanInputProblem[] } {
  const dates = monthDays(month);
  const problems: PlanInputProblem[] = [];
  const fixed = new Map<IsoDate, number>();
  dayTexts.forEach((text, i) => {
    if (!text.trim()) return;
    if (i >= dates.length) return void problems.push({ code: 'dayOutsideMonth', day: i + 1 });
    const read = amountOf(text);
    if ('problem' in read) problems.push({ code: 'amount', day: i + 1, text, reason: read.problem });
    else if (read.value < 0) problems.push({ code: 'amount', day: i + 1, text, reason: 'negative' });
    else fixed.set(dates[i]!, read.value);
  });
  if (problems.length) return { problems };
  const planned = sum([...fixed.values()]);
  const rest = dates.filter((d) => !fixed.has(d));
  const tolerance = Math.max(0.01, amount * 1e-6);
  if (rest.length === 0 && Math.abs(planned - amount) > tolerance)
    return { problems: [{ code: 'totalDiffers', planned, amount }] };
  if (rest.length > 0 && planned > amount + tolerance) return { problems: [{ code: 'overTarget', planned, amount }] };
  const each = rest.length ? Math.max(0, amount - planned) / rest.length : 0;
  return { plan: Object.fromEntries(dates.map((d) => [d, fixed.get(d) ?? each])) };
}
