import { describe, expect, it } from 'vitest';
import { createService, memoryReviewCache, type Sender } from '@/core/background/service';
import { worstPart } from '@/core/review/parts';
import type { ReviewState } from '@/core/review/types';
import { day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

const TAB: Sender = pageSender(3, SYCM_URL);
const source = (key: string) => ({ breakdown: { dimension: '流量来源', key } });

describe('advice from the parts already read', () => {
  it('names the traffic source that bounces most against the shop, read on the same page and day', async () => {
    const db = await freshDb('storepulse-parts');
    const service = createService({
      extensionId: EXT,
      openDb: async () => db,
      now: () => noonOf('2026-11-27'),
      reviewCache: memoryReviewCache(),
    });
    await service.handle(
      {
        type: 'report',
        payload: report(
          [
            obs('bounceRate', 0.7231),
            obs('bounceRate', 0.6512, source('手淘搜索')),
            obs('bounceRate', 0.814, source('直通车')),
            obs('bounceRate', 0.7682, source('手淘推荐')),
            // Another day's row is not this alert's part.
            obs('bounceRate', 0.95, { ...source('钻展'), period: day('2026-11-20') }),
          ],
          day('2026-11-26'),
        ),
      },
      TAB,
    );
    const { inbox } = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    const bounce = inbox.find((a) => a.metric === 'bounceRate' && !a.id.includes('rule:'))!;
    expect(bounce.part).toMatchObject({ kind: 'source', breakdown: { key: '直通车' }, value: 0.814, shop: 0.7231 });
  });

  it("finds the rows of a day read by a later visit, among other shops' rows, and none of another day", async () => {
    const db = await freshDb('storepulse-parts');
    let now = noonOf('2026-11-11');
    const service = createService({ extensionId: EXT, openDb: async () => db, now: () => now, reviewCache: memoryReviewCache() });
    const send = (observed: Parameters<typeof report>[0], date: string, over: Parameters<typeof report>[2] = {}) =>
      service.handle({ type: 'report', payload: report(observed, day(date), over) }, TAB);
    // The shop's bounce on the 10th read at noon on the 11th; its source table for the 10th read that evening.
    await send([obs('bounceRate', 0.72)], '2026-11-10');
    await send([obs('bounceRate', 0.97, source('直通车'))], '2026-11-03');
    now = noonOf('2026-11-11') + 7 * 3_600_000;
    await send([obs('bounceRate', 0.66, source('手淘搜索')), obs('bounceRate', 0.83, source('直通车'))], '2026-11-10');
    await send([obs('bounceRate', 0.99, source('直通车'))], '2026-11-10', { store: '别家店' });
    const { inbox } = (await service.handle({ type: 'review', payload: {} }, POPUP)) as ReviewState;
    const bounce = inbox.find((a) => a.metric === 'bounceRate' && a.store === '小雨的旗舰店' && !a.id.includes('rule:'));
    expect(bounce?.period.start).toBe('2026-11-10');
    expect(bounce!.part).toMatchObject({ kind: 'source', breakdown: { key: '直通车' }, value: 0.83, shop: 0.72 });
  });

  it('names no part when none is clearly worse than the shop, and only for metrics whose parts explain them', () => {
    const row = (key: string, value: number) => ({ breakdown: { dimension: '流量来源', key }, kind: 'source' as const, value });
    expect(worstPart('bounceRate', 0.72, [row('a', 0.73), row('b', 0.6)])).toBeNull();
    expect(worstPart('conversionRate', 0.03, [row('a', 0.031), row('b', 0.012)])).toMatchObject({ breakdown: { key: 'b' } });
    expect(worstPart('sales', 100, [row('a', 1)])).toBeNull();
  });
});
