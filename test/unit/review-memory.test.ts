import { describe, expect, it } from 'vitest';
import { createService, memoryReviewCache } from '@/core/background/service';
import type { ReviewState } from '@/core/review/types';
import { day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';
import { EXT, pageSender, POPUP } from './support/senders';

/** The kept review in the worker's memory: a warm popup's first answer reads nothing, and no change is missed. */

const TODAY = '2026-11-27';
const TAB = pageSender(3, SYCM_URL);

async function seeded() {
  const db = await freshDb('storepulse-review-memory');
  const cache = memoryReviewCache();
  let reads = 0;
  const counted = { get: () => (reads++, cache.get()), set: cache.set };
  const service = createService({ extensionId: EXT, openDb: async () => db, now: () => noonOf(TODAY), reviewCache: counted });
  const sales = (date: string, value: number) =>
    service.handle({ type: 'report', payload: report([obs('sales', value, { currency: 'CNY' })], day(date)) }, TAB);
  for (const [date, value] of [
    ['2026-11-12', 9000],
    ['2026-11-19', 9000],
    ['2026-11-26', 4500],
  ] as const)
    await sales(date, value);
  const ask = async (first: boolean) =>
    (await service.handle({ type: 'review', payload: first ? { first } : {} }, POPUP)) as ReviewState;
  return { service, ask, sales, reads: () => reads };
}

describe('the review kept in the worker’s memory', () => {
  it('answers a warm popup’s first question without reading the kept review again', async () => {
    const { ask, reads } = await seeded();
    const whole = await ask(false);
    const before = reads();
    const first = await ask(true);
    expect(reads()).toBe(before);
    expect(first.shops).toEqual(whole.shops.map((s) => ({ ...s, months: [], quality: [], metrics: [] })));
    expect(first.shops[0]!.day).toMatchObject({ date: '2026-11-26', sales: 4500 });
  });

  it('forgets it when the history changes: a new reading, a target', async () => {
    const { service, ask, sales } = await seeded();
    await ask(false);
    expect((await ask(true)).shops[0]!.day.sales).toBe(4500);
    await sales('2026-11-26', 5000);
    expect((await ask(true)).shops[0]!.day.sales).toBe(5000);
    expect((await ask(false)).shops[0]!.day.sales).toBe(5000);
    await service.handle(
      {
        type: 'setTarget',
        payload: { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 300_000, currency: 'CNY', split: 'even' },
      },
      POPUP,
    );
    expect((await ask(true)).shops[0]!.target).toMatchObject({ amount: 300_000 });
  });
});
