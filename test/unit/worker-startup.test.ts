import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstAnswers } from '@/core/background/startup';

describe("the worker's start-up work", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** An answer the test settles when it likes. */
  function answer() {
    let settle!: () => void;
    const promise = new Promise<void>((ok) => (settle = ok));
    return { promise, settle };
  }

  it('waits until every question asked together is answered', async () => {
    const startup = afterFirstAnswers(1000);
    const work = vi.fn();
    startup.run(work);
    const review = answer();
    const settings = answer();
    startup.track(review.promise);
    startup.track(settings.promise);
    settings.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(work).not.toHaveBeenCalled();
    review.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for a question that arrives while the first is answered', async () => {
    const startup = afterFirstAnswers(1000);
    const work = vi.fn();
    startup.run(work);
    const first = answer();
    startup.track(first.promise);
    first.settle();
    await Promise.resolve();
    const second = answer();
    startup.track(second.promise);
    await vi.advanceTimersByTimeAsync(10);
    expect(work).not.toHaveBeenCalled();
    second.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('counts a refused question as answered', async () => {
    const startup = afterFirstAnswers(1000);
    const work = vi.fn();
    startup.run(work);
    const refused = Promise.reject(new Error('invalid'));
    refused.catch(() => undefined);
    startup.track(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after the quiet time when nothing is asked, then runs later work at once', async () => {
    const startup = afterFirstAnswers(1000);
    const work = vi.fn();
    startup.run(work);
    await vi.advanceTimersByTimeAsync(999);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    startup.run(later);
    expect(later).toHaveBeenCalledTimes(1);
    // Questions after the start do not run anything again.
    startup.track(Promise.resolve());
    await vi.advanceTimersByTimeAsync(2000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work once, in the order it was queued, whatever releases it first', async () => {
    const startup = afterFirstAnswers(50);
    const order: string[] = [];
    startup.run(() => order.push('targets'));
    startup.run(() => order.push('badge'));
    const slow = answer();
    startup.track(slow.promise);
    await vi.advanceTimersByTimeAsync(50);
    slow.settle();
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual(['targets', 'badge']);
  });
});
