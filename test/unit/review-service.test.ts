import { describe, expect, it } from 'vitest';
import { createService, memoryReviewCache, type Sender } from '@/core/background/service';
import type { ReviewState, TrendView } from '@/core/review/types';
import { day, freshDb, noonOf, obs, realtime, report, SYCM_URL, visitorsDay } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

const TAB: Sender = pageSender(3, SYCM_URL);
const TODAY = '2026-11-27';

/** Five weeks of one shop through the service, visitors halving on the last two days. */
async function seeded() {
  const db = await freshDb('storepulse-review');
  let clock = noonOf(TODAY);
  const cache = memoryReviewCache();
  const service = createService({ extensionId: EXT, openDb: async () => db, now: () => clock, reviewCache: cache });
  for (let i = 35; i >= 1; i--) {
    const date = new Date(Date.parse(`${TODAY}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
    const visitors = i <= 2 ? 1500 : 3000;
    const reply = await service.handle({ type: 'report', payload: visitorsDay(date, visitors) }, TAB);
    expect(reply).toMatchObject({ stored: 6 });
  }
  return { db, service, cache, setClock: (t: number) => void (clock = t) };
}

describe('the review through the service', () => {
  it('answers the popup’s first question with the Review tab’s part when no review is kept, the same day as the whole', async () => {
    const { service, cache } = await seeded();
    await cache.set(undefined); // a cold worker right after the browser starts
    const first = (await service.handle({ type: 'review', payload: { first: true } }, POPUP)) as ReviewState;
    expect(first.partial).toBe(true);
    expect(first.shops[0]).toMatchObject({ months: [], quality: [], metrics: [] });
    const whole = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    expect(whole.partial).toBeUndefined();
    expect(whole.shops[0]!.months.length).toBeGreaterThan(0);
    expect(whole.shops[0]!.metrics).toContain('sales');
    // The first screen shows exactly what the whole review says about the day and the target.
    expect(first.shops[0]!.day).toEqual(whole.shops[0]!.day);
    expect(first.shops[0]!.target).toEqual(whole.shops[0]!.target);
    // With a kept review, the first answer is that review cut to the Review tab.
    // (The kept review is the history's part; which lines apply is decided when answering, from the settings.)
    expect((await cache.get())?.shops).toEqual(whole.shops.map(({ returning: _, ...s }) => s));
    const warm = (await service.handle({ type: 'review', payload: { first: true } }, POPUP)) as ReviewState;
    expect(warm.shops[0]).toEqual({ ...whole.shops[0], months: [], quality: [], metrics: [] });
  });

  it('names visitors and the traffic source that fell, and follows a target set afterwards', async () => {
    const { service } = await seeded();
    const first = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    expect(first.today).toBe(TODAY);
    const shop = first.shops[0]!;
    expect(shop.day).toMatchObject({
      date: '2026-11-26',
      sales: 4500,
      status: 'noTarget',
      baseline: 9000,
      change: -0.5,
      sustained: true,
    });
    expect(shop.day.decomposition).toMatchObject({ main: 'visitors', fix: 'visitorsFell', fallingSource: { key: '手淘搜索' } });

    await service.handle(
      {
        type: 'setTarget',
        payload: { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 300_000, currency: 'CNY', split: 'even' },
      },
      POPUP,
    );
    const second = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    // The kept review was dropped when the target changed: the day is judged against 300,000 ÷ 30.
    expect(second.shops[0]!.day).toMatchObject({ status: 'missed', target: 10_000, completion: 0.45 });
  });

  it('keeps the computed review until the history changes or the day turns', async () => {
    const { service, cache, setClock } = await seeded();
    await service.handle({ type: 'review', payload: {} }, POPUP);
    expect((await cache.get())?.today).toBe(TODAY);
    // A report that stores nothing new keeps it; a new number drops it.
    await service.handle({ type: 'report', payload: report([obs('visitors', 1500)], day('2026-11-26')) }, TAB);
    expect(await cache.get()).toBeDefined();
    await service.handle({ type: 'report', payload: report([obs('visitors', 1600)], day('2026-11-26')) }, TAB);
    expect(await cache.get()).toBeUndefined();
    // The next day the kept review is not used: yesterday is another day.
    await service.handle({ type: 'review', payload: {} }, POPUP);
    setClock(noonOf('2026-11-28'));
    const next = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    expect(next.today).toBe('2026-11-28');
    expect((await cache.get())?.today).toBe('2026-11-28');
  });

  it('reviews closed days only: a past day seen only in real time is not taken for its close', async () => {
    const { service, setClock } = await seeded();
    // Today's real-time sales at noon; the next day they are all StorePulse saw of the 27th.
    await service.handle({ type: 'report', payload: report([obs('sales', 100, { currency: 'CNY' })], realtime(TODAY)) }, TAB);
    setClock(noonOf('2026-11-28'));
    const state = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    expect(state.shops[0]!.day.date).toBe('2026-11-26');
  });

  it('computes the review ahead of the popup when asked at start-up', async () => {
    const { service, cache } = await seeded();
    await cache.set(undefined);
    await service.warmReview();
    expect((await cache.get())?.shops.map((s) => s.store)).toEqual(['小雨的旗舰店']);
  });

  it('answers a trend with the rule’s band and rejects a request for a window it does not draw', async () => {
    const { service } = await seeded();
    const view = (await service.handle(
      { type: 'trend', payload: { site: 'sycm', store: '小雨的旗舰店', metric: 'visitors', days: 30 } },
      POPUP,
    )) as TrendView;
    expect(view.points).toHaveLength(30);
    expect(view.points.at(-1)).toEqual({ date: '2026-11-26', value: 1500 });
    expect(view.weekOverWeek).toBeLessThan(0);
    const bad = await service.handle(
      { type: 'trend', payload: { site: 'sycm', store: 'x', metric: 'visitors', days: 45 } },
      POPUP,
    );
    expect(bad).toMatchObject({ error: expect.stringContaining('invalid trend') });
  });
});
