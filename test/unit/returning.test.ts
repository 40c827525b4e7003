import { describe, expect, it } from 'vitest';
import { createService, memoryReviewCache } from '@/core/background/service';
import { decideReturning, effectiveRules, returningMix } from '@/core/rules';
import type { ReviewState } from '@/core/review/types';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';
import { day, freshDb, noonOf, obs, realtime, report, SYCM_URL } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

const TODAY = '2026-11-27';
const KEY = 'sycm|小雨的旗舰店';
const dateBefore = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('the returning share of the last four weeks', () => {
  it('weights each day by its visitors (hand-checked)', () => {
    // Day 1: 300 of 1000 visitors returning; day 2: 50% of 3000 (1500). (300 + 1500) ÷ (1000 + 3000) = 0.45,
    // where the plain mean of the two days' shares would say 0.40.
    const mix = returningMix(
      [{ date: '2026-11-02', value: 0.5 }],
      [{ date: '2026-11-01', value: 300 }],
      [
        { date: '2026-11-01', value: 1000 },
        { date: '2026-11-02', value: 3000 },
      ],
    );
    expect(mix.days).toBe(2);
    expect(mix.share).toBeCloseTo(0.45, 12);
  });

  it('drops a day whose returning visitors exceed its visitors, and averages shares when no visitors were read', () => {
    expect(returningMix([], [{ date: '2026-11-01', value: 1200 }], [{ date: '2026-11-01', value: 1000 }])).toEqual({
      share: null,
      days: 0,
    });
    expect(
      returningMix(
        [
          { date: '2026-11-01', value: 0.3 },
          { date: '2026-11-02', value: 0.5 },
        ],
        [],
        [],
      ),
    ).toEqual({ share: 0.4, days: 2 });
  });

  it('decides from the share with 14 days read, and the switch overrides either way', () => {
    expect(decideReturning(undefined, { share: 0.45, days: 20 })).toMatchObject({ heavy: true, reason: 'autoHeavy' });
    expect(decideReturning(undefined, { share: 0.39, days: 20 })).toMatchObject({ heavy: false, reason: 'autoLight' });
    expect(decideReturning(undefined, { share: 0.9, days: 13 })).toMatchObject({ heavy: false, reason: 'autoTooFew' });
    expect(decideReturning(false, { share: 0.9, days: 28 })).toMatchObject({ heavy: false, reason: 'off' });
    expect(decideReturning(true, { share: 0.1, days: 28 })).toMatchObject({ heavy: true, reason: 'on' });
  });

  it('moves the warn lines only when decided heavy, and never over a line the operator set', () => {
    const heavy = effectiveRules(DEFAULT_SETTINGS, 'sycm', '小雨的旗舰店', true);
    expect(heavy.find((r) => r.id === 'bounce-high')!.warn).toBe(0.5);
    expect(heavy.find((r) => r.id === 'depth-low')!.warn).toBe(4.0);
    const own = effectiveRules({ ...DEFAULT_SETTINGS, rules: { taobao: { 'bounce-high': { warn: 0.55 } } } }, 'sycm', 'x', true);
    expect(own.find((r) => r.id === 'bounce-high')!.warn).toBe(0.55);
  });
});

/** Four weeks of one shop whose returning visitors are `share` of its visitors, read through the service. */
async function seeded(share: number, settings: Partial<Settings> = {}) {
  const db = await freshDb('storepulse-returning');
  const service = createService({
    extensionId: EXT,
    openDb: async () => db,
    now: () => noonOf(TODAY),
    reviewCache: memoryReviewCache(),
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
  });
  const tab = pageSender(3, SYCM_URL);
  for (let i = 28; i >= 1; i--) {
    await service.handle(
      {
        type: 'report',
        payload: report(
          [obs('visitors', 2000), obs('returningVisitors', 2000 * share), obs('sales', 6000, { currency: 'CNY' })],
          day(dateBefore(i)),
        ),
      },
      tab,
    );
  }
  // Today's page: bounce 55% is good by the usual lines (warn from 60%), warn by the returning-heavy ones (from 50%).
  const reply = (await service.handle(
    { type: 'report', payload: report([obs('visitors', 2000), obs('bounceRate', 0.55)], realtime(TODAY)) },
    tab,
  )) as { evaluations: Array<{ metric: string; severity: string }> };
  const review = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
  // A number judged good raises nothing.
  return { bounce: reply.evaluations.find((e) => e.metric === 'bounceRate')?.severity ?? 'good', shop: review.shops[0]! };
}

describe('returning-heavy from seeded histories, through the service', () => {
  it('a shop with half its visitors returning is judged by the returning-visitor lines, and the review says why', async () => {
    const { bounce, shop } = await seeded(0.5);
    expect(bounce).toBe('warn');
    expect(shop.returning).toMatchObject({ heavy: true, reason: 'autoHeavy', days: 28 });
    expect(shop.returning!.share).toBeCloseTo(0.5, 9);
    expect(shop.returning!.lines).toEqual([
      { metric: 'bounceRate', direction: 'above', warn: 0.5 },
      { metric: 'pagesPerVisit', direction: 'below', warn: 4.0 },
    ]);
  });

  it('a shop with a fifth returning keeps the usual lines', async () => {
    const { bounce, shop } = await seeded(0.2);
    expect(bounce).toBe('good');
    expect(shop.returning).toMatchObject({ heavy: false, reason: 'autoLight' });
    expect(shop.returning!.lines[0]).toMatchObject({ metric: 'bounceRate', warn: 0.6 });
  });

  it('the switch set to off overrides a returning-heavy history', async () => {
    const { bounce, shop } = await seeded(0.5, { shops: { [KEY]: { returningHeavy: false } } });
    expect(bounce).toBe('good');
    expect(shop.returning).toMatchObject({ heavy: false, reason: 'off', share: 0.5 });
  });
});
