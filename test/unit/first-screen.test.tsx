import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Popup, type PopupProps } from '@/components/Popup';
import { dailyReport } from '@/core/report';
import { translator, type Locale } from '@/core/i18n';
import type { PopupState } from '@/core/messages';
import { POPUP_SCREEN } from '@/core/strings/popup';
import type { ReviewState } from '@/core/review/types';
import { addDays, sampleReviewState, sampleStates, TODAY } from '@/test/fixtures/review/sample';
import { renderRoot } from './support/dom';
import { POPUP_NOW as NOW, popupProps } from './support/popup';

/**
 * The popup's first screen: one line per shop (yesterday, completion, open alerts), the worst first,
 * each folding out to its card and its alerts; and what the card says when it knows less than a number.
 */

const root = renderRoot();
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
const $ = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root().querySelectorAll<E>(sel)];

const props = (review: ReviewState, state: Partial<PopupState> = {}, locale: Locale = 'en') =>
  popupProps(review, { alerts: review.inbox, latest: [], readingsToday: 3, totalReadings: 300, pages: [], ...state }, { locale });

async function mount(p: PopupProps) {
  await act(() => render(<Popup {...p} />, root()));
  await settle();
}

const line = (store: string) => $<HTMLDetailsElement>(`details.shops-line[data-store="${store}"]`)!;
async function unfold(store: string) {
  await act(() => {
    line(store).open = true;
    line(store).dispatchEvent(new Event('toggle'));
  });
}

describe('the first screen', () => {
  it('shows one folded line per shop, the worst first, with yesterday, completion and open alerts, and no card', async () => {
    const review = sampleReviewState();
    review.shops.push(...sampleStates().shops);
    await mount(props(review));
    const lines = $$<HTMLDetailsElement>('details.shops-line');
    expect(lines.map((l) => l.dataset.store)).toEqual([
      '小雨的旗舰店',
      '一日波动店',
      'Harbor Tea',
      'Maple Goods',
      '无数据的小店',
    ]);
    expect(lines.every((l) => !l.open)).toBe(true);
    expect($$('article.review-day-card')).toEqual([]);
    expect($$('.shops-head span').map((s) => s.textContent)).toEqual(['Shop', 'Yesterday', 'Of target', 'Open']);
    const cells = (store: string) => [...line(store).querySelectorAll('summary > span')].map((s) => s.textContent);
    expect(cells('小雨的旗舰店')).toEqual(['小雨的旗舰店', '¥11,153.75', '79.6%', '2']);
    expect(cells('Maple Goods')).toEqual(['Maple Goods', '$2,927.28', '112.7%', '0']);
    expect(cells('无数据的小店')).toEqual(['无数据的小店', '—', '—', '0']);
    expect(cells('Harbor Tea')).toEqual(['Harbor Tea', expect.stringContaining('11,153.75'), '—', '0']);
    // The verdict is on the line for a screen reader, as the dot's label.
    expect(line('小雨的旗舰店').querySelector('.shops-dot')!.getAttribute('aria-label')).toBe('Target missed');
    // The open alerts wait under their shop's line, not repeated in the inbox below.
    expect($$('li.inbox-alert')).toEqual([]);
    expect($('.inbox-section-title')!.textContent).toContain('2 open alerts');
    expect($('.inbox')!.textContent).toContain('Each shop’s open alerts are under its line above');
  });

  it('folds a shop out to its card and its alerts, each alert’s steps folded away', async () => {
    await mount(props(sampleReviewState()));
    await unfold('小雨的旗舰店');
    const body = line('小雨的旗舰店').querySelector('.shops-body')!;
    expect(body.querySelector('article.review-day-card')!.getAttribute('data-store')).toBe('小雨的旗舰店');
    expect([...body.querySelectorAll('li.inbox-alert')].map((a) => a.getAttribute('data-metric'))).toEqual([
      'bounceRate',
      'sales',
    ]);
    expect([...body.querySelectorAll<HTMLDetailsElement>('details.inbox-steps')].every((d) => !d.open)).toBe(true);
    expect(line('Maple Goods').querySelector('.shops-body')).toBeNull();
  });

  it('opens a single shop’s line from the start', async () => {
    const review = sampleReviewState();
    review.shops = review.shops.slice(0, 1);
    await mount(props(review));
    expect(line('小雨的旗舰店').open).toBe(true);
    expect($$('article.review-day-card')).toHaveLength(1);
  });

  it('marks a line whose closed day is days old with its age', async () => {
    const review = sampleReviewState();
    review.shops[0]!.day = { ...review.shops[0]!.day, date: addDays(TODAY, -4) };
    await mount(props(review, {}, 'zh-CN'));
    expect(line('小雨的旗舰店').querySelector('.shops-age')!.textContent).toBe('4天前');
    expect(line('Maple Goods').querySelector('.shops-age')).toBeNull();
  });
});

describe('truthful status', () => {
  /** The sample's first shop with no closed day of the month read (the month started with nothing read). */
  function nothingReadThisMonth(): ReviewState {
    const review = sampleReviewState();
    review.shops = review.shops.slice(0, 1);
    const day = review.shops[0]!.day;
    review.shops[0]!.day = { ...day, month: { ...day.month!, actual: 0, completion: 0, pace: -1, daysWithData: 0 } };
    return review;
  }

  it('says no closed day of the month was read, and which page to open, instead of “100% behind plan”', async () => {
    const review = nothingReadThisMonth();
    const month = review.shops[0]!.day.month!.month;
    await mount(props(review));
    const card = $('article.review-day-card')!;
    expect(card.textContent).not.toContain('behind plan');
    expect(card.textContent).not.toMatch(/0 of \d+ days read/);
    expect(card.querySelector('[data-testid="no-closed-day"]')!.textContent).toBe(
      `No closed day of ${month} read yet, so there is no pace to give. Open the 生意参谋 home page that shows yesterday’s numbers.`,
    );
  });

  it('says the same in the daily report, in each language', () => {
    const review = nothingReadThisMonth();
    const month = review.shops[0]!.day.month!.month;
    const text = (locale: Locale) => dailyReport(review, translator(locale, POPUP_SCREEN), locale);
    expect(text('en')).not.toContain('behind plan');
    expect(text('en')).toContain(`No closed day of ${month} read yet`);
    expect(text('zh-CN')).toContain(`${month} 还没有读到任何已结束的日期，暂时算不出进度。请打开生意参谋显示昨日数据的首页。`);
    expect(text('zh-CN')).not.toContain('落后计划');
    expect(text('zh-TW')).toContain(`${month} 還沒有讀到任何已結束的日期`);
  });

  it('says which days a range of sales covers when no closed day was read', async () => {
    const review = sampleStates();
    const latest = [
      {
        site: 'sycm',
        store: '无数据的小店',
        metric: 'sales' as const,
        value: 18_942.37,
        currency: 'CNY',
        period: { kind: 'range' as const, start: addDays(TODAY, -7), end: addDays(TODAY, -1) },
        observedAt: NOW - 60_000,
      },
    ];
    await mount(props(review, { latest }));
    await unfold('无数据的小店');
    const said = line('无数据的小店').querySelector('[data-testid="no-data"]')!.textContent!;
    expect(said).toContain(`${addDays(TODAY, -7)}`);
    expect(said).toContain(`${addDays(TODAY, -1)}`);
    expect(said).toContain('a range, not one closed day');
    expect(said).toContain('Open the 生意参谋 home page that shows yesterday.');
  });
});
