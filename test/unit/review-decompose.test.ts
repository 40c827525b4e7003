import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decompose, fallingSource, FACTOR_FIX } from '@/core/review/decompose';
import { FIXES } from '@/core/fixes';
import { ALERT_STRINGS as MESSAGES } from '@/core/strings/alerts';
import type { Decomposition, Factor } from '@/core/review/types';

const shares = (d: Decomposition | null) =>
  Object.fromEntries((d?.factors ?? []).map((f) => [f.factor, f.share])) as Record<Factor, number>;

describe('log decomposition of sales = visitors × conversion × AOV', () => {
  it('gives a fall in visitors alone all of the fall', () => {
    // Visitors 1000 → 800, conversion 2% → 2%, AOV 100 → 100.
    // Sales 2000 → 1600: −20%. ln(0.8) ÷ ln(0.8) = 1 for visitors; ln(1) = 0 for the others.
    const d = decompose(
      { visitors: 800, conversionRate: 0.02, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(d?.salesChange).toBeCloseTo(-0.2, 12);
    expect(shares(d)).toEqual({ visitors: 1, conversionRate: 0, avgOrderValue: 0 });
    expect(d?.factors[0]).toMatchObject({ factor: 'visitors', current: 800, baseline: 1000 });
    expect(d?.factors[0]?.change).toBeCloseTo(-0.2, 12);
    expect(d?.main).toBe('visitors');
    expect(d?.fix).toBe('visitorsFell');
  });

  it('splits a fall in conversion offset by more visitors', () => {
    // Visitors 1000 → 1100 (ln 1.1 = 0.09531), conversion 2% → 1.5% (ln 0.75 = −0.28768), AOV 100 → 100.
    // Sales 2000 → 1650: −17.5%, ln(0.825) = −0.19237.
    // Shares: visitors 0.09531 ÷ −0.19237 = −0.49545; conversion −0.28768 ÷ −0.19237 = 1.49545; AOV 0.
    const d = decompose(
      { visitors: 1100, conversionRate: 0.015, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(d?.salesChange).toBeCloseTo(-0.175, 12);
    expect(shares(d).visitors).toBeCloseTo(-0.49545, 5);
    expect(shares(d).conversionRate).toBeCloseTo(1.49545, 5);
    expect(shares(d).avgOrderValue).toBeCloseTo(0, 12);
    expect(d?.main).toBe('conversionRate');
    expect(d?.fix).toBe('conversionLow');
  });

  it('names AOV when the order value fell', () => {
    // 1000 × 2% × 100 = 2000 → 1000 × 2% × 80 = 1600: −20%, all of it AOV.
    const d = decompose(
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 80 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(shares(d).avgOrderValue).toBe(1);
    expect(d).toMatchObject({ main: 'avgOrderValue', fix: 'aovFell' });
  });

  it('splits a mixed change and breaks a tie towards visitors', () => {
    // Visitors 1000 → 900 (ln 0.9 = −0.10536), conversion 2% → 1.8% (ln 0.9), AOV 100 → 110 (ln 1.1 = 0.09531).
    // Sales 2000 → 1782: −10.9%, ln(0.891) = −0.11541. Shares 0.91292, 0.91292, −0.82583.
    const d = decompose(
      { visitors: 900, conversionRate: 0.018, avgOrderValue: 110 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(d?.salesChange).toBeCloseTo(-0.109, 12);
    expect(shares(d).visitors).toBeCloseTo(0.91292, 5);
    expect(shares(d).conversionRate).toBeCloseTo(0.91292, 5);
    expect(shares(d).avgOrderValue).toBeCloseTo(-0.82583, 5);
    expect(d?.main).toBe('visitors');
  });

  it('states no change with shares 0 when the factors cancel out', () => {
    // 1000 × 2% × 100 = 2000 and 1000 × 1.6% × 125 = 2000.
    const d = decompose(
      { visitors: 1000, conversionRate: 0.016, avgOrderValue: 125 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(d).toMatchObject({ salesChange: 0, main: null, fix: null });
    expect(shares(d)).toEqual({ visitors: 0, conversionRate: 0, avgOrderValue: 0 });
    expect(d?.factors[1]?.change).toBeCloseTo(-0.2, 12);
  });

  it('names no main factor when sales rose', () => {
    const d = decompose(
      { visitors: 1200, conversionRate: 0.02, avgOrderValue: 95 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(d?.salesChange).toBeCloseTo(0.14, 12);
    expect(d).toMatchObject({ main: null, fix: null });
  });

  it.each([
    [
      'a zero factor',
      { visitors: 0, conversionRate: 0.02, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    ],
    [
      'a zero baseline',
      { visitors: 900, conversionRate: 0.02, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0, avgOrderValue: 100 },
    ],
    ['a missing factor', { visitors: 900, avgOrderValue: 100 }, { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 }],
    [
      'NaN',
      { visitors: Number.NaN, conversionRate: 0.02, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    ],
    [
      'Infinity',
      { visitors: 900, conversionRate: 0.02, avgOrderValue: 100 },
      { visitors: Infinity, conversionRate: 0.02, avgOrderValue: 100 },
    ],
    [
      'a negative value',
      { visitors: 900, conversionRate: -0.02, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    ],
  ])('returns null for %s', (_, current, baseline) => {
    expect(decompose(current, baseline)).toBeNull();
  });

  it('has shares that add up to 1 and no NaN, for any positive factors (property)', () => {
    const factor = fc.double({ min: 1e-4, max: 1e7, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(factor, factor, factor, factor, factor, factor, (v, c, a, v0, c0, a0) => {
        const d = decompose(
          { visitors: v, conversionRate: c, avgOrderValue: a },
          { visitors: v0, conversionRate: c0, avgOrderValue: a0 },
        );
        expect(d).not.toBeNull();
        const s = d!.factors.map((f) => f.share);
        for (const x of [...s, d!.salesChange, ...d!.factors.map((f) => f.change)]) expect(Number.isFinite(x)).toBe(true);
        if (d!.main === null && s.every((x) => x === 0)) return;
        const scale = Math.max(1, ...s.map(Math.abs));
        expect(Math.abs(s[0]! + s[1]! + s[2]! - 1)).toBeLessThanOrEqual(1e-9 * scale);
        // The main factor, when named, fell, and sales fell.
        if (d!.main) {
          expect(d!.salesChange).toBeLessThan(0);
          expect(d!.factors.find((f) => f.factor === d!.main)!.change).toBeLessThan(0);
        }
      }),
    );
  });

  it('points a fall of each factor alone at that factor’s own fix, whose advice exists in every language', () => {
    const base = { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 };
    const owners: Record<Factor, string> = { visitors: 'promotion', conversionRate: 'design', avgOrderValue: 'merchandising' };
    for (const factor of Object.keys(FACTOR_FIX) as Factor[]) {
      const d = decompose({ ...base, [factor]: base[factor] * 0.8 }, base);
      expect(d?.main, factor).toBe(factor);
      expect(d?.fix, factor).toBe(FACTOR_FIX[factor]);
      const fix = FIXES[d!.fix!];
      expect(fix.role, factor).toBe(owners[factor]);
      for (const table of Object.values(MESSAGES)) expect(table[fix.summary].length, factor).toBeGreaterThan(0);
    }
  });
});

describe('the traffic source that fell', () => {
  it('is the one that lost the most visitors, not the largest percentage', () => {
    // Losses: search 1000 → 600 (−400), paid 500 → 450 (−50), content 300 → 90 (−210, but −70%).
    const s = fallingSource({ search: 600, paid: 450, content: 90, social: 80 }, { search: 1000, paid: 500, content: 300 });
    expect(s).toEqual({ key: 'search', current: 600, baseline: 1000, change: -0.4 });
  });

  it('leaves out sources read on one side only, and says null when none fell', () => {
    const paid = fallingSource({ paid: 450 }, { search: 1000, paid: 500 });
    expect(paid).toMatchObject({ key: 'paid', current: 450, baseline: 500 });
    expect(paid?.change).toBeCloseTo(-0.1, 12);
    expect(fallingSource({ search: 1200, paid: 500 }, { search: 1000, paid: 500 })).toBeNull();
    expect(fallingSource({}, {})).toBeNull();
    expect(fallingSource({ search: Number.NaN }, { search: 1000 })).toBeNull();
  });
});

describe('the factors in money', () => {
  const amounts = (d: Decomposition | null) =>
    Object.fromEntries((d?.factors ?? []).map((f) => [f.factor, f.amount])) as Record<Factor, number>;

  it('gives the whole fall to the one factor that moved: visitors −23.7% cost ¥474 of ¥2,000', () => {
    const d = decompose(
      { visitors: 763, conversionRate: 0.02, avgOrderValue: 100 },
      { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 },
    );
    expect(amounts(d).visitors).toBeCloseTo(-474, 9);
    expect(amounts(d).conversionRate).toBe(0);
    expect(amounts(d).avgOrderValue).toBe(0);
  });

  it('splits a change between factors so the amounts add up to the change in sales', () => {
    const current = { visitors: 800, conversionRate: 0.025, avgOrderValue: 90 };
    const d = decompose(current, { visitors: 1000, conversionRate: 0.02, avgOrderValue: 100 })!;
    const sum = d.factors.reduce((a, f) => a + f.amount, 0);
    expect(sum).toBeCloseTo(800 * 0.025 * 90 - 2000, 9);
    // Conversion rose while sales fell: it brought money in, the other two cost it.
    expect(amounts(d).conversionRate).toBeGreaterThan(0);
    expect(amounts(d).visitors).toBeLessThan(0);
    expect(amounts(d).avgOrderValue).toBeLessThan(0);
  });
});
