import { describe, expect, it } from 'vitest';
import { columnOf, formatAxis, formatColumn, formatFactorChange, formatPoints } from '@/core/format';

const all = (f: (v: number) => string, values: number[]) => values.map(f);

describe('numbers one way: one number of decimals per column', () => {
  it('gives every completion in a column one decimal when one needs it, none when none does', () => {
    const mixed = [1.012, 1.01, 0.99993];
    expect(all(formatColumn('completion', mixed, 'en'), mixed)).toEqual(['101.2%', '101.0%', '99.9%']);
    const whole = [1.01, 0.94, 1];
    expect(all(formatColumn('completion', whole, 'zh-CN'), whole)).toEqual(['101%', '94%', '100%']);
  });

  it('never rounds a missed target up in a column', () => {
    const days = [0.99996, 1.2];
    expect(all(formatColumn('completion', days, 'en'), days)).toEqual(['99.9%', '120.0%']);
  });

  it('gives rates two decimals always, as the back offices show them', () => {
    const bounce = [0.696, 0.6455];
    expect(all(formatColumn('bounceRate', bounce, 'zh-CN'), bounce)).toEqual(['69.60%', '64.55%']);
  });

  it('shows cents for a whole money column when one value has them, else none', () => {
    expect(all(formatColumn('sales', [12345.5, 200], 'zh-CN', 'CNY'), [12345.5, 200])).toEqual(['¥12,345.50', '¥200.00']);
    expect(all(formatColumn('sales', [12345, 200], 'en', 'USD'), [12345, 200])).toEqual(['$12,345', '$200']);
  });

  it('signs a column of changes with one number of decimals', () => {
    const growth = [0.05, -0.1234, 0];
    expect(all(formatColumn('change', growth, 'en'), growth)).toEqual(['+5.0%', '-12.3%', '0.0%']);
  });

  it('skips rows without a value when it picks the decimals', () => {
    const rows = [{ v: null }, { v: 1.5 }, { v: 2 }];
    expect(rows.map((r) => (r.v === null ? '—' : columnOf('sales', rows, (x) => x.v, 'en')(r.v)))).toEqual(['—', '1.50', '2.00']);
  });
});

describe('a rate’s change', () => {
  it('says points in every language', () => {
    expect(formatPoints(-0.0025, 'zh-CN')).toBe('-0.25个百分点');
    expect(formatPoints(-0.0025, 'zh-TW')).toBe('-0.25個百分點');
    expect(formatPoints(0.012, 'en')).toBe('+1.20 pp');
  });

  it('is points for conversion and relative for visitors', () => {
    expect(formatFactorChange('conversionRate', { current: 0.019, baseline: 0.02, change: -0.05 }, 'en')).toBe('-0.10 pp');
    expect(formatFactorChange('visitors', { current: 763, baseline: 1000, change: -0.237 }, 'en')).toBe('-23.7%');
  });
});

describe('chart axes', () => {
  it('label money as the tables do where it fits, short where it does not', () => {
    const ticks = [0, 5000, 10000, 15000];
    expect(all(formatAxis('sales', ticks, 'en', 'CNY'), ticks)).toEqual(['¥0', '¥5,000', '¥10,000', '¥15,000']);
    const big = [0, 500000, 1000000];
    expect(all(formatAxis('sales', big, 'en', 'CNY'), big)).toEqual(['¥0', '¥500K', '¥1M']);
    expect(all(formatAxis('sales', big, 'zh-CN', 'CNY'), big)).toEqual(['¥0', '¥50万', '¥100万']);
  });

  it('label rates with the same decimals on every tick', () => {
    const ticks = [0.6, 0.65, 0.7];
    expect(all(formatAxis('bounceRate', ticks, 'en'), ticks)).toEqual(['60.00%', '65.00%', '70.00%']);
  });
});
