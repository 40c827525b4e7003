import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { Popup, type PopupProps } from '@/components/Popup';
import { parseTarget } from '@/components/TargetForm';
import { putOff, type AdsAccountRef } from '@/core/ads-links';
import type { Locale } from '@/core/i18n';
import type { PopupState } from '@/core/messages';
import type { ReviewState } from '@/core/review/types';
import { repairSettings, type Settings } from '@/core/settings';
import { sampleReviewState, sampleTrend, TODAY } from '@/test/fixtures/review/sample';
import { renderRoot } from './support/dom';
import { unfoldShopLines } from './support/popup';

const root = renderRoot();
// The Trends and Month tabs load their code when first opened: once it is in the module cache, a turn is enough.
const settle = async () => {
  await Promise.all([import('@/components/Trends'), import('@/components/MonthReview')]);
  await act(() => new Promise<void>((r) => setTimeout(r, 0)));
};
const $ = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root().querySelectorAll<E>(sel)];
const STATE: PopupState = { alerts: [], latest: [], readingsToday: 1, totalReadings: 10, pages: [] };

/** The sample review with spend on its first shop's day and months, and one ads account not linked. */
function withSpend(): ReviewState {
  const review = sampleReviewState();
  const shop = review.shops[0]!;
  shop.day.spend = {
    date: shop.day.date,
    spend: 900,
    adSales: 1200,
    roi: 4 / 3,
    spendRatio: 0.1,
    paidShare: 0.1333,
    baseline: 600,
    change: 0.5,
  };
  shop.day.sourceMix = {
    paid: { current: 1500, baseline: 1000, change: 0.5 },
    free: { current: 2000, baseline: 2100, change: -0.0476 },
    moved: 'paid',
  };
  shop.months = shop.months.map((m, i) => ({
    ...m,
    spend: i === 0 ? 15_900 : null,
    spendRatio: i === 0 ? 0.18 : null,
    roi: i === 0 ? 2.9 : null,
    spendRatioCeiling: i === 0 ? 0.15 : null,
  }));
  review.ads = [{ site: 'alimama', account: '推广账户-01', shop: null }];
  return review;
}

async function mountPopup(
  locale: Locale,
  linkAccount = vi.fn(async () => ({})),
  withTrendSpend = false,
  more: Partial<PopupProps> = {},
  review: ReviewState = withSpend(),
) {
  const p: PopupProps = {
    locale,
    load: async () => STATE,
    dismiss: async () => ({}),
    loadReview: async () => review,
    loadTrend: async (req) => {
      const view = sampleTrend(req);
      if (!withTrendSpend) return view;
      const spend = view.points.map((p) => ({ date: p.date, value: 500 }));
      return { ...view, spend: { spend, roi: spend.map((p) => ({ date: p.date, value: 2.5 })), roi7: 2.4, roi30: 2.55 } };
    },
    setTarget: async () => ({}),
    alertAction: async () => ({}),
    copyText: async () => {},
    now: () => Date.parse(`${TODAY}T09:30:00+08:00`),
    linkAccount,
    ...more,
  };
  await act(() => render(<Popup {...p} />, root()));
  await settle();
  await unfoldShopLines(root());
  return linkAccount;
}

/** Selects the popup's tab named `name` and lets it load. */
async function openTab(name: string) {
  await act(() =>
    $$('[role=tab]')
      .find((b) => b.textContent === name)!
      .click(),
  );
  await settle();
}

describe('spend in the popup', () => {
  it('shows the day’s spend, ROI, 费比 and paid share, and which sources moved', async () => {
    await mountPopup('en');
    const line = $('[data-testid="spend-day"]')!;
    expect(line.textContent).toContain('Spend ¥900.00 · ROI 1.33 · expense ratio 10.0% · paid share 13.3%');
    expect($('[data-testid="spend-mix"]')!.textContent).toBe(
      'Visitors: paid sources +50.0%, free sources -4.8% against the same weekday. Paid sources moved most.',
    );
  });

  it('prompts once for an unlinked account and links it to a shop of its family in one click', async () => {
    const link = await mountPopup('zh-CN');
    const prompt = $('[data-testid="spend-prompt"]')!;
    expect(prompt.textContent).toContain('推广账户 推广账户-01（阿里妈妈）还没有关联店铺');
    const buttons = [...prompt.querySelectorAll('button')];
    // Only 生意参谋 shops can be an 阿里妈妈 account's.
    const sycm = withSpend().shops.filter((s) => s.site === 'sycm');
    expect(buttons.map((b) => b.textContent)).toEqual(sycm.map((s) => `关联到 ${s.store}`));
    await act(() => buttons[0]!.click());
    expect(link).toHaveBeenCalledWith('alimama', '推广账户-01', `sycm|${sycm[0]!.store}`);
  });

  it('puts the prompt off with “not now” until another ads account is read, in each language', async () => {
    const A = { site: 'alimama' as const, account: '推广账户-01' };
    for (const [locale, word] of [
      ['zh-CN', '稍后再说'],
      ['zh-TW', '稍後再說'],
      ['en', 'Not now'],
    ] as const) {
      const putOffLink = vi.fn(async (account: AdsAccountRef) => putOff(undefined, account));
      await mountPopup(locale, undefined, false, { putOffLink });
      const notNow = $('[data-testid="spend-prompt"] .spend-later')!;
      expect(notNow.textContent).toBe(word);
      await act(() => notNow.click());
      await settle();
      expect(putOffLink).toHaveBeenCalledWith(A);
      expect($('[data-testid="spend-prompt"]')).toBeNull();
      await act(() => render(null, root()));
    }
    // Opened again with it put off: no prompt; with another account read since, it asks about that one alone.
    const later = putOff(undefined, A);
    await mountPopup('en', undefined, false, { promptLater: later });
    expect($('[data-testid="spend-prompt"]')).toBeNull();
    await act(() => render(null, root()));
    const review = withSpend();
    review.ads = [...review.ads!, { site: 'alimama', account: '推广账户-02', shop: null }];
    await mountPopup('en', undefined, false, { promptLater: later }, review);
    expect($$('.spend-prompt-row').map((r) => r.getAttribute('data-account'))).toEqual(['推广账户-02']);
  });

  it('adds spend, 费比 with its ceiling and ROI to the month table, 费比 over the ceiling marked', async () => {
    await mountPopup('en');
    await openTab('Month');
    const table = $('.month-months')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent).slice(-3)).toEqual(['Spend', 'Exp. ratio', 'ROI']);
    const row = table.querySelector('tbody tr')!;
    expect(row.querySelector('[data-col="spend"]')!.textContent).toBe('¥15,900');
    expect(row.querySelector('[data-col="spendRatio"]')!.textContent).toBe('18.0% / 15.0%');
    expect(row.querySelector('[data-col="spendRatio"]')!.className).toBe('popup-bad');
    expect(row.querySelector('[data-col="roi"]')!.textContent).toBe('2.90');
  });
});

describe('spend in the trends', () => {
  it('draws spend and ROI charts under the sales chart with ROI over 7 and 30 days', async () => {
    await mountPopup('zh-CN', undefined, true);
    await openTab('趋势');
    const box = $('[data-testid="spend-trend"]')!;
    expect(box.textContent).toContain('近 7 天投产比 2.40 · 近 30 天 2.55');
    expect([...box.querySelectorAll('figure')].map((f) => f.getAttribute('data-series'))).toEqual(['spend', 'roi']);
    expect(box.querySelectorAll('polyline').length).toBeGreaterThanOrEqual(2);
  });

  it('adds spend and ROI columns to the value table on the same dates, and none without spend', async () => {
    await mountPopup('zh-CN', undefined, true);
    await openTab('趋势');
    const table = $('.trend-values table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent).slice(-2)).toEqual(['花费', '投产比']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.querySelector('[data-col="spend"]')!.textContent).toBe('¥500');
      expect(row.querySelector('[data-col="roi"]')!.textContent).toBe('2.50');
    }
    await act(() => render(null, root()));
    await mountPopup('en');
    await openTab('Trends');
    expect($('.trend-values table [data-col="spend"]')).toBeNull();
    expect([...$('.trend-values table')!.querySelectorAll('thead th')].map((th) => th.textContent)).not.toContain('Spend');
  });
});

describe('the 费比 ceiling in the target form', () => {
  const shop = { site: 'sycm', store: 'x', currency: 'CNY' };
  const draft = { month: '2026-11', amount: '300000', split: 'even' as const, weights: [] };
  it('keeps a ceiling typed in percent as a fraction, none when empty, and refuses one that is not a percentage', () => {
    expect(parseTarget({ ...draft, ceiling: '15' }, shop)).toMatchObject({ target: { spendRatioCeiling: 0.15 } });
    expect(parseTarget({ ...draft, ceiling: '' }, shop)).not.toHaveProperty('target.spendRatioCeiling');
    expect(parseTarget({ ...draft, ceiling: '-3' }, shop)).toEqual({ errors: { ceiling: 'spend_errCeiling' } });
    expect(parseTarget({ ...draft, ceiling: 'abc' }, shop)).toEqual({ errors: { ceiling: 'spend_errCeiling' } });
  });
});

describe('ads accounts in the options page', () => {
  it('lists the accounts read, links one to a shop, unlinks it, and keeps a ROI floor in range', async () => {
    const saved: Settings[] = [];
    await act(() =>
      render(
        <Options
          load={async () => repairSettings({ ...repairSettings(undefined).settings, language: 'en' })}
          save={async (s) => void saved.push(s)}
          shops={async () => ({
            shops: [
              { site: 'alimama', store: '推广账户-01' },
              { site: 'alimama', store: '小雨的旗舰店' },
              { site: 'sycm', store: '小雨的旗舰店' },
              { site: 'sycm', store: 'Blue Store' },
              { site: 'jd', store: 'JD shop' },
            ],
            totalReadings: 10,
          })}
          transfer={{ exportData: async () => ({}) as never, importData: async () => ({}) as never }}
          requestNotifications={async () => false}
        />,
        root(),
      ),
    );
    await settle();
    const rows = $$('.spend-links-table tr');
    expect(rows.map((r) => r.querySelector('.spend-how')!.textContent)).toEqual(['not linked', 'matched by name']);
    const select = rows[0]!.querySelector('select')!;
    // A JD shop is not offered to an 阿里妈妈 account.
    expect([...select.options].map((o) => o.value)).toEqual(['', 'sycm|小雨的旗舰店', 'sycm|Blue Store']);
    await act(() => {
      select.value = 'sycm|Blue Store';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(saved.at(-1)!.adsLinks).toEqual([{ site: 'alimama', account: '推广账户-01', shop: 'sycm|Blue Store' }]);
    expect($$('.spend-links-table tr')[0]!.querySelector('.spend-how')!.textContent).toBe('linked by you');
    await act(() => $$('.spend-links-table tr')[0]!.querySelector('button')!.click());
    await settle();
    expect(saved.at(-1)!.adsLinks).toEqual([]);
    const floor = $<HTMLInputElement>('[data-testid="spend-floor-taobao"]')!;
    expect(floor.value).toBe('2');
    await act(() => {
      floor.value = '500';
      floor.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(floor.value).toBe('2');
    expect(saved.at(-1)!.roiFloors).toBeUndefined();
    await act(() => {
      floor.value = '2.5';
      floor.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(saved.at(-1)!.roiFloors).toEqual({ taobao: 2.5 });
  });
});

describe('the options page and the link prompt put off', () => {
  it('asks again from the popup once the options page is opened: “not now” is dropped from the settings', async () => {
    const saved: Settings[] = [];
    const later = { accounts: [{ site: 'alimama' as const, account: '推广账户-01' }], known: [] };
    await act(() =>
      render(
        <Options
          load={async () => repairSettings({ ...repairSettings(undefined).settings, language: 'en', adsPromptLater: later })}
          save={async (s) => void saved.push(s)}
          shops={async () => ({ shops: [{ site: 'alimama', store: '推广账户-01' }], totalReadings: 1 })}
          transfer={{ exportData: async () => ({}) as never, importData: async () => ({}) as never }}
          requestNotifications={async () => false}
        />,
        root(),
      ),
    );
    await settle();
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toHaveProperty('adsPromptLater');
    expect(saved[0]!.language).toBe('en');
    // A later change on the page does not bring it back.
    const floor = $<HTMLInputElement>('[data-testid="spend-floor-taobao"]')!;
    await act(() => {
      floor.value = '2.5';
      floor.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(saved.at(-1)).toMatchObject({ roiFloors: { taobao: 2.5 } });
    expect(saved.at(-1)).not.toHaveProperty('adsPromptLater');
  });
});
