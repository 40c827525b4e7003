import { describe, expect, it } from 'vitest';
import { parseTarget, type TargetDraft } from '@/components/TargetForm';
import { buildPlan, readPastedColumn } from '@/core/review/plan-input';
import { dailyTargets, validateTarget } from '@/core/review/target-split';

const EMPTY = Array.from({ length: 31 }, () => '');
const withDays = (set: Record<number, string>) => EMPTY.map((d, i) => set[i + 1] ?? d);

describe('a per-day plan typed or pasted into the target form', () => {
  it('keeps the days set and spreads the rest evenly (hand-checked)', () => {
    // November: 30 days. Day 11 plans 100,000 of 300,000; the 29 others share 200,000: 6,896.55… each.
    const built = buildPlan('2026-11', 300000, withDays({ 11: '100,000' }));
    if (!('plan' in built)) throw new Error('refused');
    expect(built.plan['2026-11-11']).toBe(100000);
    expect(built.plan['2026-11-01']).toBeCloseTo(200000 / 29, 9);
    expect(Object.keys(built.plan)).toHaveLength(30);
    const target = { site: 'sycm', store: 's', month: '2026-11', amount: 300000, split: 'plan' as const, plan: built.plan };
    expect(validateTarget(target)).toEqual([]);
    expect([...dailyTargets(target).values()].reduce((a, b) => a + b, 0)).toBeCloseTo(300000, 6);
  });

  it('refuses, with every reason, a day that is not an amount, reads two ways or is negative', () => {
    expect(buildPlan('2026-11', 300000, withDays({ 3: '12x', 5: '1.000', 7: '-5' }))).toEqual({
      problems: [
        { code: 'amount', day: 3, text: '12x', reason: 'malformed' },
        { code: 'amount', day: 5, text: '1.000', reason: 'ambiguous' },
        { code: 'amount', day: 7, text: '-5', reason: 'negative' },
      ],
    });
  });

  it('checks the sum against the month’s target: over it with days left, or every day set and not equal', () => {
    expect(buildPlan('2026-11', 100000, withDays({ 1: '60000', 2: '50000' }))).toEqual({
      problems: [{ code: 'overTarget', planned: 110000, amount: 100000 }],
    });
    const all = EMPTY.map((_, i) => (i < 30 ? '1000' : ''));
    expect(buildPlan('2026-11', 30000, all)).toMatchObject({ plan: { '2026-11-30': 1000 } });
    expect(buildPlan('2026-11', 31000, all)).toEqual({ problems: [{ code: 'totalDiffers', planned: 30000, amount: 31000 }] });
    // Day 31 in a 30-day month.
    expect(buildPlan('2026-11', 31000, withDays({ 31: '1000' }))).toEqual({ problems: [{ code: 'dayOutsideMonth', day: 31 }] });
  });

  it('reads a pasted column from day 1, with separators and currency signs, and keeps empty lines empty', () => {
    const read = readPastedColumn('¥12,000\n\n13 500\r\n', '2026-11', EMPTY);
    expect(read).toEqual({ days: withDays({ 1: '¥12,000', 3: '13 500' }) });
    expect(
      buildPlan(
        '2026-11',
        25500 + 27 * 100,
        'days' in read ? read.days.map((d, i) => d || (i < 30 && i !== 1 ? '100' : '')) : [],
      ),
    ).toMatchObject({
      plan: { '2026-11-01': 12000, '2026-11-02': 0, '2026-11-03': 13500, '2026-11-04': 100 },
    });
  });

  it('reads pasted lines of day and amount into those days only, keeping the others', () => {
    const into = withDays({ 2: '500' });
    expect(readPastedColumn('2026-11-11\t100000\n11月12日\t80,000\n13: 5000', '2026-11', into)).toEqual({
      days: withDays({ 2: '500', 11: '100000', 12: '80,000', 13: '5000' }),
    });
  });

  it('fills nothing when a pasted line cannot be read, and says which', () => {
    expect(readPastedColumn('1000\nabc\n2000', '2026-11', EMPTY)).toEqual({ problems: [{ code: 'line', line: 2, text: 'abc' }] });
    expect(readPastedColumn('2026-12-01\t100', '2026-11', EMPTY)).toEqual({
      problems: [{ code: 'line', line: 1, text: '2026-12-01\t100' }],
    });
    expect(readPastedColumn(Array.from({ length: 31 }, () => '1').join('\n'), '2026-11', EMPTY)).toEqual({
      problems: [{ code: 'tooManyLines', lines: 31, days: 30 }],
    });
  });

  it('builds a plan target through the form’s parser, and refuses it field by field', () => {
    const draft: TargetDraft = {
      month: '2026-11',
      amount: '300,000',
      split: 'plan',
      weights: [],
      plan: withDays({ 11: '100000' }),
    };
    const shop = { site: 'sycm', store: 's', currency: 'CNY' };
    const ok = parseTarget(draft, shop);
    expect('target' in ok && ok.target).toMatchObject({ split: 'plan', amount: 300000, plan: { '2026-11-11': 100000 } });
    const bad = parseTarget({ ...draft, plan: withDays({ 11: 'lots' }) }, shop);
    expect(bad).toEqual({ errors: { plan: [{ code: 'amount', day: 11, text: 'lots', reason: 'malformed' }] } });
  });
});
