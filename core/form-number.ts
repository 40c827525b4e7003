/**
 * Numbers as operators type them into the settings and target forms (not numbers read from pages:
 * that is core/parse.ts). Thousands separators (`1,000`, `1 000`, `1’000`), full-width digits and
 * punctuation, a decimal point, and a decimal comma where it cannot be a thousands separator
 * (`2,5`). Input that reads two ways is refused, never guessed: in a field where decimals make sense,
 * `2,500` may be 2.5 or 2500, and `2.500` may be a point or a dotted thousand.
 */

export interface NumberField {
  /**
   * Money and counts: three decimals never make sense, so `1,000` can only be a thousand. A lone
   * point before three digits (`1.000`) stays ambiguous there (a dotted thousand or a typo).
   */
  amount?: boolean;
  /** A rate typed in percent: a trailing `%` is allowed (and changes nothing: `12%` is 12). */
  percent?: boolean;
}

/** Why the text is not a number: nothing typed, not a number, two readings, a `%` where no rate is. */
export type FormNumberProblem = 'empty' | 'malformed' | 'ambiguous' | 'percent';

export type FormNumber = { value: number } | { problem: FormNumberProblem };

/** Separators that only ever group digits; `,` and `.` may group or mark decimals. */
const GROUPING_ONLY = new Set([' ', '_', "'", '’']);
const GROUP_START = /^[1-9]\d{0,2}$/;

export function readFormNumber(text: string, field: NumberField = {}): FormNumber {
  // NFKC folds full-width digits, `，` `．` `％` and the various spaces (no-break, thin, ideographic).
  let body = text
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();
  if (!body) return { problem: 'empty' };
  if (body.endsWith('%')) {
    if (!field.percent) return { problem: 'percent' };
    body = body.slice(0, -1).trimEnd();
  }
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  if (!/^[\d.,' _’]+$/.test(body)) return { problem: 'malformed' };

  // Digit runs and the single separators between them: "1,234.5" → ['1', ',', '234', '.', '5'].
  const parts = body.split(/([.,' _’])/);
  const groups = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  const leadingMark = groups[0] === '' && seps.length === 1 && (seps[0] === '.' || seps[0] === ',');
  if (groups.some((g, i) => g === '' && !(i === 0 && leadingMark))) return { problem: 'malformed' };

  const split = decimalAt(groups, seps, field);
  if (typeof split === 'string') return { problem: split };
  const whole = split === null ? groups : groups.slice(0, split + 1);
  const fraction = split === null ? '' : groups[split + 1]!;
  const grouping = split === null ? seps : seps.slice(0, split);
  if (grouping.length > 0) {
    if (new Set(grouping).size > 1) return { problem: 'malformed' };
    if (!GROUP_START.test(whole[0]!) || whole.slice(1).some((g) => g.length !== 3)) return { problem: 'malformed' };
  }
  const value = Number(`${whole.join('') || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? { value: sign * value + 0 } : { problem: 'malformed' };
}

/**
 * The index of the separator that marks decimals, null when there is none, or the problem. The
 * decimal mark is the last separator and occurs once; every other separator groups thousands.
 */
function decimalAt(groups: string[], seps: string[], field: NumberField): number | null | FormNumberProblem {
  const last = seps.length - 1;
  if (last < 0) return null;
  const marks = seps.filter((s) => s === '.' || s === ',');
  if (marks.length === 0) return null;
  const mark = seps[last]!;
  const kinds = new Set(marks);
  if (kinds.size === 2) {
    // "1,234.5" or "1.234,5": the last mark is the decimal one and appears once.
    return marks.filter((m) => m === mark).length === 1 && !GROUPING_ONLY.has(mark) ? last : 'malformed';
  }
  if (marks.length > 1) return null; // "1,000,000": a decimal mark appears only once
  if (GROUPING_ONLY.has(mark)) return 'malformed'; // "1,5 000"
  if (seps.length > 1) return last; // "1 234,5": spaces group, so the comma is decimal
  // A lone mark: a thousands separator only if three digits follow a group that could start a number.
  const couldGroup = groups[1]!.length === 3 && GROUP_START.test(groups[0]!);
  if (!couldGroup) return last;
  if (mark === ',' && field.amount) return null;
  return 'ambiguous';
}

/**
 * How a form shows a number it will read back: plain digits, a point for decimals. Three decimals
 * after a short whole part would read as a thousands group, so those get a fourth, zero, decimal.
 */
export function formatFormNumber(value: number): string {
  const text = String(value);
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(text) ? `${text}0` : text;
}
