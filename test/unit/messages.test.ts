import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askUntilAnswered, parseTabMessage, RefusedError, sendMessage, tabMessage } from '@/core/messages';

describe('the tab protocol', () => {
  it('reads back what the background sends a tab', () => {
    const sent = JSON.parse(
      JSON.stringify(tabMessage('dismissed', { alertId: 'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25' })),
    );
    expect(parseTabMessage(sent)).toEqual({
      type: 'dismissed',
      payload: { alertId: 'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25' },
    });
  });

  it('ignores anything else a content script may hear', () => {
    for (const message of [
      null,
      'dismissed',
      { type: 'dismissed' },
      { type: 'dismissed', payload: { alertId: 7 } },
      { type: 'report', payload: { alertId: 'x' } },
    ])
      expect(parseTabMessage(message), JSON.stringify(message)).toBeNull();
  });
});

describe('a read-only question asked until it is answered', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const never = () => new Promise<never>(() => undefined);
  const settings = { settings: { language: 'en' } } as unknown as Awaited<ReturnType<typeof sendMessage<'settings'>>>;

  it('asks once when the answer comes in time', async () => {
    const send = vi.fn(async () => settings) as unknown as typeof sendMessage;
    await expect(askUntilAnswered('settings', {}, { send })).resolves.toBe(settings);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again when the first question is lost without a word, and takes the first answer', async () => {
    let asks = 0;
    const send = vi.fn(() => (++asks === 1 ? never() : Promise.resolve(settings))) as unknown as typeof sendMessage;
    const answer = askUntilAnswered('settings', {}, { send, patience: 2_000 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toBe(settings);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('waits twice as long before each new ask, and says so when every ask met silence', async () => {
    const send = vi.fn(never) as unknown as typeof sendMessage;
    const answer = askUntilAnswered('review', { first: true }, { send, patience: 1_000, tries: 3 });
    const failed = expect(answer).rejects.toThrow('no answer to review after 3 asks');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4_000);
    await failed;
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('takes a refusal as the answer: it does not ask again', async () => {
    const send = vi.fn(async () => Promise.reject(new RefusedError('database closed'))) as unknown as typeof sendMessage;
    await expect(askUntilAnswered('popupState', {}, { send })).rejects.toThrow('database closed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
