import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '@/components/Popup';
import { snoozeUntil } from '@/components/Inbox';
import { niceScale, segments } from '@/components/LineChart';
import { parseTarget, type TargetDraft } from '@/components/TargetForm';
import { formatChange, formatCompletion } from '@/core/format';
import type { PopupState } from '@/core/messages';
import type { ReviewState } from '@/core/review/types';
import { addDays, sampleReviewState, sampleStates, sampleTrend, TODAY } from '@/test/fixtures/review/sample';
import { renderRoot } from './support/dom';
import { popupProps, unfoldShopLines } from './support/popup';

const NOW = Date.parse(`${TODAY}T09:30:00+08:00`);
const POPUP_STATE: PopupState = {
  alerts: sampleReviewState().inbox,
  latest: [],
  readingsToday: 3,
  totalReadings: 300,
  pages: [],
};

const root = renderRoot();

/** Lets pending promises (the props' answers) settle and Preact re-render. */
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

const props = <O extends Partial<PopupProps>>(overrides: O = {} as O, review: ReviewState = sampleReviewState()) =>
  popupProps(review, POPUP_STATE, overrides);

/** Renders the popup; unless `folded`, every shop's line is opened, so its card and alerts are drawn. */
async function mount<P extends PopupProps>(p: P, { folded = false } = {}): Promise<P> {
  await act(() => render(<Popup {...p} />, root()));
  await settle();
  if (!folded) await unfoldShopLines(root());
  return p;
}

const $ = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root().querySelectorAll<E>(sel)];
const byText = (sel: string, text: string) => $$(sel).find((el) => el.textContent?.trim() === text)!;
const click = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const key = (el: Element, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
const card = (store: string) => $(`article.review-day-card[data-store="${store}"]`)!;

describe('popup tabs', () => {
  it('opens on the review and moves between tabs with the arrow keys, Home and End', async () => {
    await mount(props());
    const tabs = $$('[role="tab"]');
    expect(tabs.map((t) => t.textContent)).toEqual(['Review', 'Trends', 'Month']);
    const selected = () => $('[role="tab"][aria-selected="true"]')!.textContent;
    expect(selected()).toBe('Review');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect($('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('tab-review');

    await key(tabs[0]!, 'ArrowRight');
    expect(selected()).toBe('Trends');
    expect(document.activeElement?.id).toBe('tab-trends');
    expect($$('[role="tab"]').map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    await key(tabs[1]!, 'End');
    expect(selected()).toBe('Month');
    await key(tabs[2]!, 'ArrowRight');
    expect(selected()).toBe('Review');
    await key(tabs[0]!, 'ArrowLeft');
    expect(selected()).toBe('Month');
    await key(tabs[2]!, 'Home');
    expect(selected()).toBe('Review');
    await key(tabs[0]!, 'a');
    expect(selected()).toBe('Review');
  });
});

describe('daily review', () => {
  it('says a missed, sustained day, how far behind plan the month is and which factor fell, with its fix and owner', async () => {
    await mount(props());
    const c = card('小雨的旗舰店');
    expect(c.dataset.status).toBe('missed');
    expect(c.classList.contains('sustained')).toBe(true);
    expect(c.textContent).toContain('Target missed');
    expect(c.textContent).toContain('¥11,153.75');
    expect(c.textContent).toContain("79.6% of the day's target");
    expect(c.querySelector('[data-testid="pacing"]')!.textContent).toContain('9.3% behind plan');
    expect(c.textContent).toContain('The gap has held for several days');
    const rows = [...c.querySelectorAll('tr[data-factor]')];
    expect(rows.map((r) => r.getAttribute('data-factor'))).toEqual(['visitors', 'conversionRate', 'avgOrderValue']);
    expect(rows[0]!.classList.contains('review-main')).toBe(true);
    expect(rows[0]!.textContent).toContain('-23.7%');
    // The three amounts on screen add up to the change in sales, each in whole units.
    const amounts = rows.map((r) => r.querySelector('.review-share-cell .popup-num')!.textContent!);
    for (const a of amounts) expect(a).toMatch(/^[+-]?¥[\d,]+$|^¥0$/);
    const d = sampleReviewState().shops.find((s) => s.store === '小雨的旗舰店')!.day.decomposition!;
    const sum = d.factors.reduce((a, f) => a + f.amount, 0);
    const shown = amounts.reduce((a, s) => a + Number(s.replace(/[¥,+]/g, '').replace(/^-/, '-')), 0);
    expect(Math.abs(shown - sum)).toBeLessThanOrEqual(2);
    expect(c.querySelector('[data-testid="main-money"]')!.textContent).toMatch(
      /^Visitors down 23\.7%: about ¥[\d,]+ less in sales$/,
    );
    const main = c.querySelector('[data-testid="main-factor"]')!.textContent!;
    expect(main).toContain('Main factor: Visitors');
    expect(main).toContain('Owner: Promotion');
    expect(main).toContain('Visitors fell: find the traffic source');
    expect(main).toContain('手淘搜索, 1,468 visitors against 2,783 (-47.3%)');
  });

  it('says when a shop was last read and which page to open when its review is days old', async () => {
    const review = sampleReviewState();
    review.shops[0]!.day = { ...review.shops[0]!.day, date: addDays(TODAY, -5) };
    await mount(props({}, review));
    const stale = card(review.shops[0]!.store).querySelector('[data-testid="stale"]')!.textContent;
    expect(stale).toBe(
      `The last closed day read is ${addDays(TODAY, -5)}, 5 days ago: open the 生意参谋 home page that shows yesterday to bring it up to date.`,
    );
    expect(card(review.shops[1]!.store).querySelector('[data-testid="stale"]')).toBeNull();
  });

  it('says a met day and a month ahead of plan', async () => {
    await mount(props());
    const c = card('Maple Goods');
    expect(c.dataset.status).toBe('met');
    expect(c.textContent).toContain('Target met');
    expect(c.textContent).toContain('$2,927.28');
    expect(c.querySelector('[data-testid="pacing"]')!.textContent).toContain('1.3% ahead of plan');
    expect(c.textContent).not.toContain('The gap has held');
  });

  it('says the sales were drawn in a scrambling font, and what to do, when an open page of the shop had such numbers', async () => {
    const page = {
      site: 'sycm',
      store: '无数据的小店',
      path: '/portal/home.htm',
      at: 0,
      found: 6,
      unreadable: 3,
      own: [],
      missing: [],
    };
    await mount(props({ load: vi.fn(async () => ({ ...POPUP_STATE, pages: [page] })) }, sampleStates()));
    expect(card('无数据的小店').querySelector('[data-testid="no-data"]')!.textContent).toBe(
      'The 生意参谋 page showed 3 numbers in a scrambling font, which StorePulse does not decode, so no sales were stored. Download yesterday’s data sheet in the back office and import it in Settings.',
    );
  });

  it('shows no data, no target and a one-day miss each in its own words', async () => {
    await mount(props({}, sampleStates()));
    expect(card('无数据的小店').querySelector('[data-testid="no-data"]')!.textContent).toContain('No sales were read');
    expect(card('无数据的小店').querySelector('[data-testid="decomposition"]')).toBeNull();
    expect(card('Harbor Tea').textContent).toContain('No target');
    expect(card('Harbor Tea').textContent).toContain('Set a monthly sales target');
    expect(byText('.review-day-card[data-store="Harbor Tea"] button', 'Set monthly target')).toBeTruthy();
    expect(card('一日波动店').textContent).toContain('One day so far');
    expect(card('一日波动店').classList.contains('sustained')).toBe(false);
  });

  it('speaks Chinese in zh-CN', async () => {
    await mount(props({ locale: 'zh-CN' }));
    expect($$('[role="tab"]').map((t) => t.textContent)).toEqual(['复盘', '趋势', '月报']);
    expect(card('小雨的旗舰店').textContent).toContain('落后计划 9.3%');
    expect(card('小雨的旗舰店').textContent).toContain('主因：访客数');
    expect(card('小雨的旗舰店').textContent).toContain('负责：推广');
  });
});

describe('target form', () => {
  const shop = { site: 'sycm', store: '小雨的旗舰店', currency: 'CNY' };
  const draft = (d: Partial<TargetDraft>): TargetDraft => ({
    month: '2026-12',
    amount: '300000',
    split: 'even',
    weights: ['1', '1', '1', '1', '1', '1', '1'],
    ...d,
  });

  it('builds a target from what was typed, with separators and weekday weights', () => {
    expect(parseTarget(draft({ amount: '300,000' }), shop)).toEqual({
      target: { site: 'sycm', store: '小雨的旗舰店', month: '2026-12', amount: 300000, currency: 'CNY', split: 'even' },
    });
    expect(parseTarget(draft({ split: 'weekday', weights: ['1', '1', '1', '1', '1.2', '1.5', '0'] }), shop)).toEqual({
      target: expect.objectContaining({ split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1.2, 1.5, 0] }),
    });
  });

  it('reads a weekday weight typed with a decimal comma as 2.5, never 25', () => {
    const weights = (w: string) => ['1', '1', '1', '1', '1', w, '1'];
    expect(parseTarget(draft({ split: 'weekday', weights: weights('2,5') }), shop)).toEqual({
      target: expect.objectContaining({ weekdayWeights: [1, 1, 1, 1, 1, 2.5, 1] }),
    });
    expect(parseTarget(draft({ split: 'weekday', weights: weights('２，５') }), shop)).toEqual({
      target: expect.objectContaining({ weekdayWeights: [1, 1, 1, 1, 1, 2.5, 1] }),
    });
    // "2,500" may be 2.5 or 2500: refused with that reason rather than guessed.
    expect(parseTarget(draft({ split: 'weekday', weights: weights('2,500') }), shop)).toEqual({
      errors: { weights: 'number_ambiguous' },
    });
    expect(parseTarget(draft({ amount: '1 000 000' }), shop)).toMatchObject({ target: { amount: 1_000_000 } });
    expect(parseTarget(draft({ amount: '1,5' }), shop)).toMatchObject({ target: { amount: 1.5 } });
    expect(parseTarget(draft({ amount: '1.000' }), shop)).toEqual({ errors: { amount: 'number_ambiguous' } });
  });

  it.each([
    [{ amount: '' }, { amount: 'target_errAmount' }],
    [{ amount: '0' }, { amount: 'target_errAmount' }],
    [{ amount: '-5' }, { amount: 'target_errAmount' }],
    [{ amount: '3e5' }, { amount: 'target_errAmount' }],
    [{ amount: '5%' }, { amount: 'number_percent' }],
    [{ month: '2026-13' }, { month: 'target_errMonth' }],
    [{ month: '' }, { month: 'target_errMonth' }],
    [{ split: 'weekday' as const, weights: ['1', 'x', '1', '1', '1', '1', '1'] }, { weights: 'target_errWeight' }],
    [{ split: 'weekday' as const, weights: ['1', '-1', '1', '1', '1', '1', '1'] }, { weights: 'target_errWeight' }],
    [{ split: 'weekday' as const, weights: ['0', '0', '0', '0', '0', '0', '0'] }, { weights: 'target_errWeightsZero' }],
  ])('refuses %j with %j', (patch, errors) => {
    expect(parseTarget(draft(patch), shop)).toEqual({ errors });
  });

  it('shows what is wrong and sends nothing, then saves a good target and says so', async () => {
    const p = await mount(props());
    await click(byText('.review-day-card[data-store="小雨的旗舰店"] button', 'Change target'));
    const form = card('小雨的旗舰店').querySelector('form')!;
    const amount = form.querySelector<HTMLInputElement>('input[name="amount"]')!;
    expect(amount.value).toBe('420000');
    await type(amount, 'lots');
    await click(form.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!);
    const weights = [...form.querySelectorAll<HTMLInputElement>('.target-weights input')];
    expect(weights).toHaveLength(7);
    for (const w of weights) await type(w, '0');
    await click(form.querySelector('button[type="submit"]'));
    expect(p.setTarget).not.toHaveBeenCalled();
    const errors = [...form.querySelectorAll('.target-field-error')].map((e) => e.textContent);
    expect(errors).toEqual(['Enter a sales target above 0.', 'At least one day needs a weight above 0.']);
    expect(amount.getAttribute('aria-invalid')).toBe('true');

    await type(amount, '450,000');
    await type(weights[5]!, '1.5');
    await click(form.querySelector('button[type="submit"]'));
    await settle();
    expect(p.setTarget).toHaveBeenCalledWith({
      site: 'sycm',
      store: '小雨的旗舰店',
      month: '2026-11',
      amount: 450000,
      currency: 'CNY',
      split: 'weekday',
      weekdayWeights: [0, 0, 0, 0, 0, 1.5, 0],
    });
    expect(card('小雨的旗舰店').querySelector('form')).toBeNull();
    expect(card('小雨的旗舰店').textContent).toContain('Target saved.');
    expect(p.loadReview).toHaveBeenCalledTimes(2);
  });

  it('keeps what was typed and says why when saving fails', async () => {
    const p = await mount(props({ setTarget: vi.fn(async () => Promise.reject(new Error('disk full'))) }));
    await click(byText('.review-day-card[data-store="Maple Goods"] button', 'Change target'));
    const form = card('Maple Goods').querySelector('form')!;
    const amount = form.querySelector<HTMLInputElement>('input[name="amount"]')!;
    await type(amount, '90000');
    await click(form.querySelector('button[type="submit"]'));
    await settle();
    expect(p.setTarget).toHaveBeenCalledOnce();
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('The target was not saved: disk full');
    expect(card('Maple Goods').querySelector<HTMLInputElement>('input[name="amount"]')!.value).toBe('90000');
  });
});

describe('alert inbox', () => {
  const bounce = () => $('li.inbox-alert[data-alert="sycm|小雨的旗舰店|bounceRate"]')!;

  it('acknowledges and snoozes through the props, then asks again', async () => {
    const p = await mount(props());
    expect($$('li.inbox-alert').map((li) => li.getAttribute('data-metric'))).toEqual(['bounceRate', 'sales']);
    await click(byText('li.inbox-alert[data-metric="bounceRate"] button', 'Acknowledge'));
    await settle();
    expect(p.alertAction).toHaveBeenLastCalledWith('sycm|小雨的旗舰店|bounceRate', 'acknowledge', undefined);
    expect(p.loadReview).toHaveBeenCalledTimes(2);

    const snooze = bounce().querySelector('button.snooze')!;
    expect(snooze.getAttribute('aria-expanded')).toBe('false');
    await click(snooze);
    expect(snooze.getAttribute('aria-expanded')).toBe('true');
    await click(byText('li.inbox-alert[data-metric="bounceRate"] button', 'Until tomorrow'));
    expect(p.alertAction).toHaveBeenLastCalledWith('sycm|小雨的旗舰店|bounceRate', 'snooze', snoozeUntil(NOW, 1));
    await click(byText('li.inbox-alert[data-metric="bounceRate"] button', 'For a week'));
    expect(p.alertAction).toHaveBeenLastCalledWith('sycm|小雨的旗舰店|bounceRate', 'snooze', snoozeUntil(NOW, 7));
  });

  it('shows an alert’s history on demand, newest first', async () => {
    await mount(props());
    expect(bounce().querySelector('.inbox-history')).toBeNull();
    await click(bounce().querySelector('.inbox-history-toggle'));
    const events = [...bounce().querySelectorAll('.inbox-history li')].map((li) => li.textContent);
    expect(events).toHaveLength(3);
    expect(events[0]).toContain('Got worse');
    expect(events[0]).toContain('72.31%');
    expect(events[2]).toContain('Opened');
    expect(events[2]).toContain('66.12%');
    await click(bounce().querySelector('.inbox-history-toggle'));
    expect(bounce().querySelector('.inbox-history')).toBeNull();
  });

  it('lists acknowledged alerts apart, with reopen', async () => {
    const p = await mount(props());
    const quiet = $('li[data-alert="shopify|Maple Goods|conversionRate"]')!;
    expect(quiet.dataset.state).toBe('acknowledged');
    expect(quiet.textContent).toContain('Acknowledged');
    await click(byText('li[data-alert="shopify|Maple Goods|conversionRate"] button', 'Reopen'));
    expect(p.alertAction).toHaveBeenLastCalledWith('shopify|Maple Goods|conversionRate', 'reopen', undefined);
  });

  it('says so when an action fails', async () => {
    await mount(props({ alertAction: vi.fn(async () => Promise.reject(new Error('no such alert'))) }));
    await click(byText('li.inbox-alert[data-metric="sales"] button', 'Acknowledge'));
    await settle();
    expect($('.popup-error[role="alert"]')!.textContent).toBe('That did not work: no such alert');
  });

  it('ends a snooze at the start of a day, not 24 hours on', () => {
    const late = new Date(2026, 10, 27, 23, 40).getTime();
    const tomorrow = new Date(snoozeUntil(late, 1));
    expect([tomorrow.getDate(), tomorrow.getHours(), tomorrow.getMinutes()]).toEqual([28, 0, 0]);
    const week = new Date(snoozeUntil(late, 7));
    expect([week.getMonth(), week.getDate(), week.getHours()]).toEqual([11, 4, 0]);
  });

  it('shows the Review tab from a partial first answer and asks for the rest once it has painted', async () => {
    const whole = sampleReviewState();
    const first: ReviewState = {
      ...whole,
      partial: true,
      shops: whole.shops.map((s) => ({ ...s, months: [], quality: [], metrics: [] })),
    };
    const answers = [first, whole];
    const p = await mount(props({ loadReview: vi.fn(async () => answers.shift()!) }), { folded: true });
    expect($$('details.shops-line').length).toBe(whole.shops.length);
    // The other tabs wait for the rest rather than draw empty months.
    await click($$('[role="tab"]')[2]);
    expect($('table.month-months')).toBeNull();
    await act(() => new Promise<void>((r) => setTimeout(r, 50)));
    await settle();
    expect(p.loadReview).toHaveBeenCalledTimes(2);
    expect($('table.month-months')).not.toBeNull();
  });

  it('falls back to today’s alerts with dismiss when the review is not available', async () => {
    const p = await mount(props({ loadReview: vi.fn(async () => Promise.reject(new Error('no reply to review'))) }));
    expect($('[data-testid="review-error"]')!.textContent).toContain('no reply to review');
    expect($$('li.inbox-alert').map((li) => li.getAttribute('data-metric'))).toEqual(['bounceRate', 'sales']);
    await click(byText('li.inbox-alert[data-metric="sales"] button', 'Dismiss for today'));
    expect(p.dismiss).toHaveBeenCalledWith('sycm|小雨的旗舰店|sales');
    await click($$('[role="tab"]')[1]);
    expect($('[role="tabpanel"]')!.textContent).toContain('The daily review is not available');
  });
});

describe('trends', () => {
  async function openTrends(p = props()) {
    await mount(p);
    await click($$('[role="tab"]')[1]);
    await settle();
    return p;
  }

  it('asks for the first shop’s sales over 30 days and draws them with their target, as an image with a summary and as text', async () => {
    const p = await openTrends();
    expect(p.loadTrend).toHaveBeenLastCalledWith({ site: 'sycm', store: '小雨的旗舰店', metric: 'sales', days: 30 });
    const svg = $('svg.chart')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(
      /^Sales, last 30 days: .+ on 2026-10-28, ¥11,153\.75 on 2026-11-26; low .+, high .+\.$/,
    );
    expect(svg.querySelectorAll('polyline.main').length).toBeGreaterThan(0);
    expect(svg.querySelectorAll('polyline.target').length).toBeGreaterThan(0);
    for (const line of svg.querySelectorAll('polyline')) expect(line.getAttribute('vector-effect')).toBe('non-scaling-stroke');
    const trend = sampleTrend({ site: 'sycm', store: '小雨的旗舰店', metric: 'sales', days: 30 });
    expect($$('details.trend-values tbody tr')).toHaveLength(trend.points.length);
    expect($('.trend-changes')!.textContent).toContain(formatChange(trend.weekOverWeek!, 'en'));
  });

  it('switches range, metric and shop, and draws the rule’s zones and the peers', async () => {
    const p = await openTrends();
    await click(byText('.trend-range button', '90 days'));
    await settle();
    expect(byText('.trend-range button', '90 days').getAttribute('aria-pressed')).toBe('true');
    const metric = $$<HTMLSelectElement>('.trend-pickers select')[1]!;
    await act(() => {
      metric.value = 'bounceRate';
      metric.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(p.loadTrend).toHaveBeenLastCalledWith({ site: 'sycm', store: '小雨的旗舰店', metric: 'bounceRate', days: 90 });
    expect($$('svg.chart rect.chart-zone').map((r) => r.getAttribute('class'))).toEqual([
      'chart-zone warn',
      'chart-zone critical',
    ]);
    expect($$('svg.chart polyline.peer').length).toBeGreaterThan(0);
    expect($('.trend-legend')!.textContent).toContain('同行平均');

    const shop = $$<HTMLSelectElement>('.trend-pickers select')[0]!;
    await act(() => {
      shop.value = 'shopify|Maple Goods';
      shop.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(p.loadTrend).toHaveBeenLastCalledWith({ site: 'shopify', store: 'Maple Goods', metric: 'bounceRate', days: 90 });
  });

  it('rates each week’s bounce and depth against the guide’s lines', async () => {
    await openTrends();
    const rows = $$('.trend-quality tbody tr');
    expect(rows).toHaveLength(8);
    expect(rows[0]!.textContent).toMatch(/^2026-11-16\s*6\d\.\d+%\s*Pass\s*3\.\d\d\s*(Pass|Good)$/);
  });

  it('says when a trend cannot be loaded', async () => {
    await openTrends(props({ loadTrend: vi.fn(async () => Promise.reject(new Error('database closed'))) }));
    expect($('.trends [role="alert"]')!.textContent).toBe('The trend could not be loaded: database closed');
  });
});

describe('monthly review', () => {
  it('lists twelve months with target, actual, completion and growth, names the missed ones, and copies them as text', async () => {
    const copyText = vi.fn(async (_text: string) => {});
    await mount(props({ copyText }));
    await click($$('[role="tab"]')[2]);
    const shop = $('.month-shop[data-store="小雨的旗舰店"]')!;
    expect(shop.querySelectorAll('tbody tr')).toHaveLength(12);
    const july = shop.querySelector('tr[data-month="2026-07"]')!;
    // 419,695.66 of 420,000 missed: rounded down, never "100%".
    expect(july.textContent).toContain('99.9%');
    expect(july.classList.contains('month-missed')).toBe(true);
    expect(shop.querySelector('.month-missed-list')!.textContent).toBe(
      'Months that missed: 2026-09, 2026-07, 2026-06, 2026-05, 2026-04, 2026-03, 2026-02',
    );
    await click(byText('.month-shop[data-store="小雨的旗舰店"] button', 'Copy as text'));
    await settle();
    const text = copyText.mock.calls[0]![0];
    const lines = text.split('\n');
    expect(lines[0]).toBe('小雨的旗舰店 · 生意参谋 · Monthly review');
    expect(lines[1]).toBe('Month\tTarget\tActual\tDone\tvs last year');
    expect(lines).toHaveLength(14);
    expect(lines.find((l) => l.startsWith('2026-07'))).toBe('2026-07\t¥420,000.00\t¥419,695.66\t99.9%\t+12.4%\tMissed');
    expect(shop.querySelector('[role="status"]')!.textContent).toBe('Copied');
  });

  it('says a shop has no month with a target rather than that every month met it', async () => {
    const review = sampleReviewState();
    const [first, second] = review.shops;
    first!.months = first!.months.map((m) => ({ ...m, target: null, completion: null, missed: null }));
    second!.months = second!.months.map((m) => ({ ...m, missed: false }));
    await mount(props({}, review));
    await click($$('[role="tab"]')[2]);
    await settle();
    const line = (store: string) => $(`.month-shop[data-store="${store}"] .popup-muted`)!.textContent;
    expect(line(first!.store)).toBe('No month here has a target yet: set one in Settings to see which months missed.');
    expect(line(second!.store)).toBe('Every month with a target met it.');
  });

  it('says when copying fails', async () => {
    await mount(props({ copyText: vi.fn(async () => Promise.reject(new Error('denied'))) }));
    await click($$('[role="tab"]')[2]);
    await click($$('.month-shop button')[0]);
    await settle();
    expect($('.month-shop [role="status"]')!.textContent).toBe('Could not copy: denied');
  });
});

describe('chart and number helpers', () => {
  it('picks round axis steps that cover the values', () => {
    expect(niceScale(0.55, 0.75)).toEqual({ min: 0.55, max: 0.75, ticks: [0.55, 0.6, 0.65, 0.7, 0.75] });
    expect(niceScale(8123, 15470)).toEqual({ min: 8000, max: 16000, ticks: [8000, 10000, 12000, 14000, 16000] });
    expect(niceScale(5, 5).ticks.length).toBeGreaterThan(1);
  });

  it('leaves a gap in the line where days are missing', () => {
    const pts = ['2026-11-01', '2026-11-02', '2026-11-04', '2026-11-08'].map((date) => ({ date, value: 1 }));
    expect(segments(pts, 0).map((s) => s.length)).toEqual([2, 1, 1]);
    expect(segments(pts, 1).map((s) => s.length)).toEqual([3, 1]);
  });

  it('never rounds a missed target up to 100%', () => {
    expect(formatCompletion(0.99993, 'en')).toBe('99.9%');
    expect(formatCompletion(1.0449, 'zh-CN')).toBe('104.4%');
    expect(formatChange(-0.1234, 'en')).toBe('-12.3%');
    expect(formatChange(0.05, 'en')).toBe('+5.0%');
  });
});
