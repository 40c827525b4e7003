import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RUN_LATER_KEY } from '@/components/FirstRun';
import { Popup, type PopupProps } from '@/components/Popup';
import type { Locale } from '@/core/i18n';
import type { PopupState } from '@/core/messages';
import type { MonthTarget, ReviewState } from '@/core/review/types';
import { sampleReviewState, sampleTrend, TODAY } from '@/test/fixtures/review/sample';
import { renderRoot } from './support/dom';

const root = renderRoot();
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
const STATE: PopupState = { alerts: [], latest: [], readingsToday: 3, totalReadings: 300, pages: [] };

/** The sample review with the given shops' targets for this month taken away (by store name). */
function reviewWithout(...stores: string[]): ReviewState {
  const review = sampleReviewState();
  return { ...review, shops: review.shops.map((s) => (stores.includes(s.store) ? { ...s, target: null } : s)) };
}

async function mount(
  review: ReviewState,
  locale: Locale = 'en',
  setTarget = vi.fn(async (_: MonthTarget) => ({ ok: true })),
  state: PopupState = STATE,
) {
  let current = review;
  const p = {
    locale,
    load: vi.fn(async () => state),
    dismiss: vi.fn(async () => ({ ok: true })),
    loadReview: vi.fn(async () => current),
    loadTrend: vi.fn(async (req) => sampleTrend(req)),
    setTarget: vi.fn(async (target: MonthTarget) => {
      await setTarget(target);
      // The background now holds the target: the next review has it.
      current = { ...current, shops: current.shops.map((s) => (s.store === target.store ? { ...s, target } : s)) };
      return { ok: true };
    }),
    alertAction: vi.fn(async () => ({ ok: true })),
    copyText: vi.fn(async () => {}),
    now: () => Date.parse(`${TODAY}T09:30:00+08:00`),
  } satisfies PopupProps;
  await act(() => render(<Popup {...p} />, root()));
  await settle();
  return { p, setTarget };
}

const panel = () => root().querySelector<HTMLElement>('[data-testid="first-run"]');
const amount = () => root().querySelector<HTMLInputElement>('[data-testid="first-amount"]')!;
const type = (value: string) =>
  act(() => {
    amount().value = value;
    amount().dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = async () => {
  await act(() => root().querySelector<HTMLButtonElement>('.first-save')!.click());
  await settle();
};

afterEach(() => localStorage.removeItem(FIRST_RUN_LATER_KEY));

describe('the popup’s first screen asks for the month’s target', () => {
  it('shows nothing when every shop has this month’s target', async () => {
    await mount(sampleReviewState());
    expect(panel()).toBeNull();
  });

  it('says what StorePulse gives and offers one field in the shop’s currency; the target is saved through setTarget', async () => {
    const review = reviewWithout('小雨的旗舰店');
    const { setTarget } = await mount(review);
    expect(panel()).not.toBeNull();
    const text = panel()!.textContent!;
    for (const part of ['Alerts beside a bad number', 'The morning review', 'Targets: each day, the pace of the month'])
      expect(text).toContain(part);
    expect(text).toContain('Start with the sales target of 小雨的旗舰店 for this month:');
    expect(panel()!.querySelectorAll('input')).toHaveLength(1);
    expect(panel()!.querySelector('label')!.textContent).toBe('Sales target for November 2026 (CN¥)');

    await type('450,000');
    await submit();
    expect(setTarget).toHaveBeenCalledWith({
      site: 'sycm',
      store: '小雨的旗舰店',
      month: '2026-11',
      amount: 450000,
      currency: 'CNY',
      split: 'even',
    });
    // Saved: the review answers with the target, and the panel goes.
    expect(panel()).toBeNull();
  });

  it('refuses an amount that is not a target and sends nothing', async () => {
    const { setTarget } = await mount(reviewWithout('小雨的旗舰店'));
    await type('0');
    await submit();
    expect(panel()!.querySelector('[role="alert"]')!.textContent).toBe('Enter a sales target above 0.');
    expect(amount().getAttribute('aria-invalid')).toBe('true');
    await type('三十万');
    await submit();
    expect(panel()!.querySelector('[role="alert"]')).not.toBeNull();
    expect(setTarget).not.toHaveBeenCalled();
    expect(amount().value).toBe('三十万');
  });

  it('keeps what was typed and says why when the save fails', async () => {
    const failing = vi.fn(async (): Promise<{ ok: true }> => {
      throw new Error('database closed');
    });
    await mount(reviewWithout('小雨的旗舰店'), 'en', failing);
    await type('300000');
    await submit();
    expect(panel()!.querySelector('[role="alert"]')!.textContent).toBe('Not saved: database closed');
    expect(amount().value).toBe('300000');
  });

  it('asks shop by shop, says how many more wait, and “Later” hides it until next month', async () => {
    const review = reviewWithout(...sampleReviewState().shops.map((s) => s.store));
    const { setTarget } = await mount(review, 'zh-CN');
    const first = panel()!.querySelector('.first-ask')!.textContent;
    expect(panel()!.textContent).toContain('还有 1 家店铺没有设置本月目标。');
    expect(panel()!.querySelector('h2')!.textContent).toBe('店脉能帮你做什么');
    await type('300000');
    await submit();
    expect(setTarget).toHaveBeenCalledTimes(1);
    expect(panel()!.querySelector('.first-ask')!.textContent).not.toBe(first);
    expect(panel()!.querySelector('.first-others')).toBeNull();
    await act(() => root().querySelector<HTMLButtonElement>('.first-later')!.click());
    expect(panel()).toBeNull();
    expect(localStorage.getItem(FIRST_RUN_LATER_KEY)).toBe('2026-11');
    // Opened again the same month: still hidden.
    await act(() => render(null, root()));
    await mount(review, 'zh-CN');
    expect(panel()).toBeNull();
  });
});

describe('“Nothing read yet”', () => {
  const empty = () => root().querySelector('[data-testid="empty"]');
  const none: PopupState = { ...STATE, readingsToday: 0, totalReadings: 0 };

  it('is not said over shops whose history was imported before anything was read', async () => {
    await mount(sampleReviewState(), 'zh-CN', undefined, none);
    expect(root().querySelectorAll('[data-store]').length).toBeGreaterThan(0);
    expect(empty()).toBeNull();
  });

  it('is said, with where to begin, when there is neither a reading nor a shop', async () => {
    await mount({ ...sampleReviewState(), shops: [] }, 'zh-CN', undefined, none);
    expect(empty()?.textContent).toContain('还没有读到数据');
  });
});
