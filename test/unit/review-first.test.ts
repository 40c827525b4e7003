import { describe, expect, it } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { reviewShops } from '@/core/background/review-loader';
import { setTarget } from '@/core/background/target-store';
import type { MetricId } from '@/core/metrics';
import { day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';

/**
 * The popup's first answer reads a shop's counts and traffic sources only for a day that fell short.
 * Whatever the shop's history, what it says about the day and the target is what the whole review says.
 */

const TODAY = '2026-11-27';
const dateBefore = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Which series a shop's pages print, and how its last day goes. */
interface Shape {
  name: string;
  metrics: MetricId[];
  sources?: boolean;
  /** The last day's sales against the weeks before: 0.5 halves them, 1.3 lifts them. */
  last: number;
  /** Days (counted back from yesterday) whose printed factors are missing. */
  gaps?: number[];
  target?: number;
}

const FACTORS: MetricId[] = ['visitors', 'conversionRate', 'avgOrderValue'];
const SHAPES: Shape[] = [
  { name: 'printed factors and sources, fell', metrics: [...FACTORS, 'paidBuyers'], sources: true, last: 0.5 },
  { name: 'buyers only, fell', metrics: ['visitors', 'paidBuyers'], sources: true, last: 0.6 },
  { name: 'orders only, fell', metrics: ['visitors', 'orders'], last: 0.7 },
  { name: 'printed factors, rose', metrics: [...FACTORS, 'paidBuyers', 'orders'], sources: true, last: 1.3 },
  { name: 'rose but missed its target', metrics: [...FACTORS, 'paidBuyers'], sources: true, last: 1.1, target: 900_000 },
  { name: 'met its target', metrics: FACTORS, last: 0.9, target: 30_000 },
  { name: 'factors missing in past weeks, counts there', metrics: [...FACTORS, 'paidBuyers'], last: 0.5, gaps: [8, 15, 22] },
  { name: 'no sales read', metrics: ['visitors'], last: 0.5 },
];

describe('the first screen against the whole review', () => {
  it('says the same of every shop’s day and target, whatever the shop prints', async () => {
    const db = await freshDb('storepulse-review-first');
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const shape of SHAPES) {
      for (let n = 35; n >= 1; n--) {
        const scale = (n === 1 ? shape.last : 1) * (0.9 + rand() * 0.2);
        const visitors = Math.round(3000 * scale);
        const buyers = Math.round(visitors * 0.03);
        const sales = buyers * 100;
        const values: Partial<Record<MetricId, number>> = {
          visitors,
          conversionRate: buyers / visitors,
          avgOrderValue: 100,
          paidBuyers: buyers,
          orders: buyers + 2,
        };
        const printed = shape.metrics.filter((m) => !(shape.gaps?.includes(n) && m !== 'visitors' && FACTORS.includes(m)));
        const observed = [
          ...printed.map((m) => obs(m, values[m]!, m === 'avgOrderValue' ? { currency: 'CNY' } : {})),
          ...(shape.name === 'no sales read' ? [] : [obs('sales', sales, { currency: 'CNY' })]),
          ...(shape.sources
            ? [
                obs('visitors', Math.round(visitors * (n === 1 ? 0.3 : 0.6)), {
                  breakdown: { dimension: '流量来源', key: '手淘搜索' },
                }),
                obs('visitors', Math.round(visitors * 0.4), { breakdown: { dimension: '流量来源', key: '直通车' } }),
              ]
            : []),
        ];
        await ingest(db, report(observed, day(dateBefore(n)), { store: shape.name }), {
          url: SYCM_URL,
          now: noonOf(dateBefore(n)),
        });
      }
      if (shape.target)
        await setTarget(
          db,
          { site: 'sycm', store: shape.name, month: '2026-11', amount: shape.target, currency: 'CNY', split: 'even' },
          0,
        );
    }
    const [first, whole] = [await reviewShops(db, TODAY, 'first'), await reviewShops(db, TODAY, 'all')];
    expect(first.map((s) => s.store)).toEqual(whole.map((s) => s.store));
    expect(first).toHaveLength(SHAPES.length);
    first.forEach((shop, i) => {
      expect(shop.day, shop.store).toEqual(whole[i]!.day);
      expect(shop.target, shop.store).toEqual(whole[i]!.target);
      expect(shop.currency, shop.store).toEqual(whole[i]!.currency);
    });
    // The shapes cover what the two steps decide on: decompositions from printed factors, from counts,
    // with a source that fell, and days that need no second step.
    const byName = new Map(first.map((s) => [s.store, s.day]));
    expect(byName.get('printed factors and sources, fell')!.decomposition?.fallingSource).toBeDefined();
    expect(byName.get('buyers only, fell')!.decomposition).not.toBeNull();
    expect(byName.get('orders only, fell')!.decomposition).not.toBeNull();
    expect(byName.get('printed factors, rose')!.decomposition).toBeNull();
    expect(byName.get('rose but missed its target')!.status).toBe('missed');
    expect(byName.get('met its target')!.status).toBe('met');
    expect(byName.get('factors missing in past weeks, counts there')!.decomposition).not.toBeNull();
    expect(byName.get('no sales read')!.status).toBe('noData');
  });
});
