import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_FAST_MS } from '@/core/content/session';
import type { SiteAdapter } from '@/core/sites';
import { sycm } from '@/core/sites/sycm';
import { fakeBackground, startSession } from './support/background';

/**
 * The settle wait on a page that holds still: the quiet the session saw counts from when it began
 * watching, so the time the first read took is part of the wait; a change anywhere on the page starts
 * the quiet again. Fake timers and a fake clock: the first read "takes" FIRST_READ_MS.
 */

const FIRST_READ_MS = 100;

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
});

function run(shown = '72.31%', firstReadMs = FIRST_READ_MS) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  document.body.innerHTML = `<div class="card"><div class="l">跳失率</div><div class="v">${shown}</div></div><p id="other">a</p>`;
  let reads = 0;
  const slowFirst: SiteAdapter = {
    ...sycm,
    *readSteps(...args: Parameters<SiteAdapter['readSteps']>) {
      if (reads++ === 0) vi.setSystemTime(Date.now() + firstReadMs);
      return yield* sycm.readSteps(...args);
    },
  };
  const bg = fakeBackground();
  controller = new AbortController();
  const started = Date.now();
  // When each report came, from the session's start.
  const reports: number[] = [];
  const report = bg.report.bind(bg);
  bg.report = async (r) => {
    reports.push(Date.now() - started);
    expect(r.observed.map((o) => o.value)).toEqual([0.7231]);
    return report(r);
  };
  // Reads are never cut here: a pause gives the page the main thread through a real message, which the
  // fake timers do not wait for; how a read is cut is slices.test.ts's business.
  startSession(bg, controller.signal, slowFirst, () => 0);
  return { reports, readCount: () => reads };
}

describe('the settle wait on a still page', () => {
  it('counts the first read’s own time as quiet: the value settles SETTLE_FAST_MS after the session began watching', async () => {
    const { reports, readCount } = run();
    await vi.advanceTimersByTimeAsync(SETTLE_FAST_MS - FIRST_READ_MS + 10);
    expect(readCount()).toBe(2);
    expect(reports).toHaveLength(1);
    // Settled by the quiet since watching began, not by SETTLE_FAST_MS after the first read ended.
    expect(reports[0]).toBeLessThan(FIRST_READ_MS + SETTLE_FAST_MS);
    expect(reports[0]).toBeGreaterThanOrEqual(SETTLE_FAST_MS);
  });

  it('starts the quiet again when anything on the page changes, even far from the number', async () => {
    const { reports } = run();
    await vi.advanceTimersByTimeAsync(1);
    document.getElementById('other')!.textContent = 'b';
    const changedAt = FIRST_READ_MS + 1;
    await vi.advanceTimersByTimeAsync(SETTLE_FAST_MS - FIRST_READ_MS + 10);
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toBeGreaterThanOrEqual(changedAt + SETTLE_FAST_MS);
  });

  it('never settles a count-up mid-way: a step in any SETTLE_FAST_MS breaks the quiet', async () => {
    // The value counts up from 0 in steps of 110 ms, the slowest count-up of the generated pages. (A
    // first read taking time would hold the animation's timer back with it: here it takes none.)
    const { reports } = run('0.00%', 0);
    const value = document.querySelector('.v')!;
    for (let step = 1; step <= 10; step++) {
      await vi.advanceTimersByTimeAsync(110);
      value.textContent = `${((72.31 * step) / 10).toFixed(2)}%`;
    }
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    // Only the end of the count-up (the report checks its value is 72.31%).
    expect(reports).toHaveLength(1);
  });
});
