import type { FixId } from '../rules';
import type { Decomposition, Factor, FactorShare } from './types';

/**
 * Which of the three factors of sales explains a change (visitors × conversion rate × average order
 * value = sales).
 *
 * Log decomposition: ln(S ÷ S0) = ln(v ÷ v0) + ln(c ÷ c0) + ln(a ÷ a0), so each factor's share of the
 * change is its log change over the sum of the three, and the shares add up to 1 whatever the size of
 * the change (a plain percentage split does not: −20% visitors and −20% conversion make −36% sales).
 * A share above 1 or below 0 is real: a factor that rose while sales fell has a negative share, and the
 * others together explain more than the whole fall.
 */

export const FACTORS: readonly Factor[] = ['visitors', 'conversionRate', 'avgOrderValue'];

/** The fix an alert points to when this factor explains a fall (core/fixes.ts). */
export const FACTOR_FIX: Readonly<Record<Factor, FixId>> = {
  visitors: 'visitorsFell',
  conversionRate: 'conversionLow',
  avgOrderValue: 'aovFell',
};

export type FactorValues = Record<Factor, number>;

/** Below this |ln(S ÷ S0)| sales did not change: shares of a rounding error would be noise. */
const NO_CHANGE = 1e-9;

/**
 * Decomposes the change from `baseline` to `current`. Sales here is the product of the three factors,
 * so the shares explain exactly the change they add up to. Null when a factor is missing, not finite,
 * or not above 0 (a log of 0 has no share to give), so no NaN or Infinity is ever returned.
 */
export function decompose(current: Partial<FactorValues>, baseline: Partial<FactorValues>): Decomposition | null {
  const logs: number[] = [];
  for (const f of FACTORS) {
    const [c, b] = [current[f], baseline[f]];
    if (!isPositive(c) || !isPositive(b)) return null;
    logs.push(Math.log(c / b));
  }
  const total = logs[0]! + logs[1]! + logs[2]!;
  const unchanged = Math.abs(total) < NO_CHANGE;
  const product = (v: Partial<FactorValues>) => v.visitors! * v.conversionRate! * v.avgOrderValue!;
  const moved = product(current) - product(baseline);
  const factors: FactorShare[] = FACTORS.map((factor, i) => ({
    factor,
    current: current[factor]!,
    baseline: baseline[factor]!,
    change: current[factor]! / baseline[factor]! - 1,
    share: unchanged ? 0 : logs[i]! / total + 0, // + 0: a factor that did not move has share 0, not −0
    amount: unchanged ? 0 : (logs[i]! / total) * moved + 0,
  }));
  const main = !unchanged && total < 0 ? mostNegative(logs) : null;
  return {
    salesChange: unchanged ? 0 : Math.exp(total) - 1,
    factors,
    main,
    fix: main ? FACTOR_FIX[main] : null,
  };
}

function isPositive(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v) && v > 0;
}

/** Ties (to rounding) go to the earlier factor: visitors first, the first thing an operator checks. */
function mostNegative(logs: readonly number[]): Factor {
  let best = 0;
  for (let i = 1; i < logs.length; i++) if (logs[i]! < logs[best]! - 1e-12) best = i;
  return FACTORS[best]!;
}

export type FallingSource = NonNullable<Decomposition['fallingSource']>;

/**
 * The traffic source that lost the most visitors against its baseline (where the visitors went is the
 * first question when they fell), by visitors lost, not by percentage: a small source halving matters less than search losing
 * a thousand. Sources read on only one side are left out (not read is not 0). Null when none fell.
 */
export function fallingSource(
  current: Readonly<Record<string, number>>,
  baseline: Readonly<Record<string, number>>,
): FallingSource | null {
  let worst: FallingSource | null = null;
  for (const [key, base] of Object.entries(baseline)) {
    const now = current[key];
    if (now === undefined || !Number.isFinite(now) || !isPositive(base) || now >= base) continue;
    if (!worst || base - now > worst.baseline - worst.current) {
      worst = { key, current: now, baseline: base, change: now / base - 1 };
    }
  }
  return worst;
}
