import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TodayPace } from '@/components/Pace';
import { translator, type Locale } from '@/core/i18n';
import { POPUP_SCREEN } from '@/core/strings/popup';
import { ESTIMATE, SHORT } from '@/test/fixtures/pace/views';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const show = (locale: Locale) =>
  act(() => render(<TodayPace shops={[SHORT, ESTIMATE]} t={translator(locale, POPUP_SCREEN)} locale={locale} />, root));

describe('today’s pace at the top of the review', () => {
  it('says the projection against the day’s target, its range and days, and the lever, in Chinese', async () => {
    await show('zh-CN');
    const [short, estimate] = [...root.querySelectorAll('[data-testid="pace-shop"]')].map((e) => e.textContent!);
    expect(short).toContain('按当前节奏预计 ¥12,000（日目标 ¥20,000，差 ¥8,000）');
    expect(short).toContain('截至 14:00 已成交 ¥7,000');
    expect(short).toContain('依据过去 4 个同星期几的同一时刻');
    expect(short).toContain('该推 访客数');
    expect(short).toContain('负责：推广');
    expect(root.querySelector('.pace-shop.behind')).not.toBeNull();
    expect(estimate).toContain('按当前节奏预计 US$3,000（日目标 US$2,500，超 US$500）'.replace(/US\$/g, '$'));
    expect(estimate).toContain('估算');
  });

  it('in English and Traditional Chinese too, and shows nothing without a pace', async () => {
    await show('en');
    expect(root.textContent).toContain('At this pace ¥12,000, ¥8,000 short of ¥20,000');
    expect(root.textContent).toContain('An estimate from a typical day’s shape');
    await show('zh-TW');
    expect(root.textContent).toContain('按目前節奏預計 ¥12,000（日目標 ¥20,000，差 ¥8,000）');
    await act(() => render(<TodayPace shops={[]} t={translator('en', POPUP_SCREEN)} locale="en" />, root));
    expect(root.innerHTML).toBe('');
  });
});
