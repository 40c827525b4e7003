import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DailyReport, type ImageOut } from '@/components/DailyReport';
import { translator, type Locale } from '@/core/i18n';
import { reportLines } from '@/core/report';
import { breakPieces, IMAGE_WIDTH, layoutReport, wrapText, type Measure } from '@/core/report-image';
import { POPUP_SCREEN } from '@/core/strings/popup';
import { sampleReviewState } from '@/test/fixtures/review/sample';
import { renderRoot } from './support/dom';

/** A measure without a canvas: CJK and full-width characters one em, everything else 0.55 em. */
const measure: Measure = (text, font) => {
  const size = Number(/(\d+)px/.exec(font)![1]);
  return [...text].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(c) ? size : size * 0.55), 0);
};
const FONT = '400 26px sans-serif';

describe('wrapping the report’s text', () => {
  it('breaks Chinese between characters and English between words, never wider than the row', () => {
    const zh = '较近4周同日中位数：访客数少了 23.7%，少卖约 ¥3,377；转化率多了 3.8%，多卖约 ¥461；客单价多了 1.0%，多卖约 ¥123';
    const rows = wrapText(zh, 300, FONT, measure);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(measure(r, FONT)).toBeLessThanOrEqual(300);
    expect(rows.join('').replace(/\s/g, '')).toBe(zh.replace(/\s/g, ''));
    // Closing punctuation stays with what it closes.
    for (const r of rows.slice(1)) expect(r).not.toMatch(/^[，。：；）]/);

    const en = 'Against the median of the same weekday over the last 4 weeks: Visitors down 23.7%: about ¥3,377 less in sales';
    const enRows = wrapText(en, 300, FONT, measure);
    for (const r of enRows) expect(measure(r, FONT)).toBeLessThanOrEqual(300);
    expect(enRows.join(' ')).toBe(en);
  });

  it('keeps numbers and words whole, and cuts only a piece longer than a whole row', () => {
    expect(breakPieces('sales ¥11,153.75，完成')).toEqual(['sales ', '¥11,153.75，', '完', '成']);
    const long = 'x'.repeat(40);
    const rows = wrapText(long, 100, FONT, measure);
    expect(rows.join('')).toBe(long);
    for (const r of rows) expect(measure(r, FONT)).toBeLessThanOrEqual(100);
  });
});

describe('the report picture’s layout', () => {
  it.each(['zh-CN', 'zh-TW', 'en'] as Locale[])(
    'places every line of the %s report, inside the picture, legible at half size',
    (locale) => {
      const t = translator(locale, POPUP_SCREEN);
      const lines = reportLines(sampleReviewState(), t, locale);
      const layout = layoutReport(lines, t('rimg_footer'), locale, measure);
      expect(layout.width).toBe(IMAGE_WIDTH);
      const drawn = layout.rows
        .map((r) => r.text)
        .join('')
        .replace(/[\s•-]/g, '');
      // The overview's shop lines are drawn as the shop's name and its pieces, each piece whole on one row.
      for (const l of lines)
        for (const piece of l.glance ? [l.glance.shop, ...l.glance.parts] : [l.text])
          expect(drawn).toContain(piece.replace(/[\s•-]/g, ''));
      const glanceRows = layout.rows.filter((r) => r.kind === 'glance').map((r) => r.text);
      for (const part of lines.flatMap((l) => l.glance?.parts ?? []))
        expect(
          glanceRows.some((r) => r.includes(part)),
          part,
        ).toBe(true);
      expect(lines.filter((l) => l.glance)).toHaveLength(sampleReviewState().shops.length);
      for (const r of layout.rows) {
        const size = Number(/(\d+)px/.exec(r.font)![1]);
        expect(r.x + measure(r.text, r.font)).toBeLessThanOrEqual(IMAGE_WIDTH - 32);
        expect(r.y).toBeLessThan(layout.height);
        // Shown 360 px wide (half size), the report's text is at least 13 px, the footer 11 px.
        expect(size / 2).toBeGreaterThanOrEqual(r.kind === 'footer' ? 11 : 13);
      }
      // Rows go down the picture in order, and each shop has its band.
      const ys = layout.rows.map((r) => r.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      expect(layout.shops).toHaveLength(2);
      // The day missed its target: that line is drawn in the bad colour.
      const missed = layout.rows.find((r) => r.kind === 'day')!;
      expect(missed.colour).toBe('#c5221f');
    },
  );

  it('hangs a list item’s wrapped rows after its bullet', () => {
    const layout = layoutReport(
      [{ kind: 'task', text: '  - 找出访客、转化、客单价中下滑的一项，交给对应负责人，并在今天下班前回报结果。' }],
      'f',
      'zh-CN',
      measure,
    );
    const task = layout.rows.filter((r) => r.kind === 'task');
    expect(task[0]!.text).toBe('•');
    expect(task.length).toBeGreaterThan(2);
    expect(new Set(task.slice(1).map((r) => r.x)).size).toBe(1);
    expect(task[1]!.x).toBeGreaterThan(task[0]!.x);
  });
});

const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
vi.mock('@/core/report-image', async (original) => ({
  ...(await original<typeof import('@/core/report-image')>()),
  reportPng: vi.fn(async () => png),
}));

describe('copying the report picture', () => {
  const root = renderRoot();
  const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
  async function clickImage(image: ImageOut, locale: Locale = 'en') {
    const review = sampleReviewState();
    await act(() =>
      render(
        <DailyReport
          review={review}
          t={translator(locale, POPUP_SCREEN)}
          locale={locale}
          copyText={async () => {}}
          image={image}
        />,
        root(),
      ),
    );
    await act(() => root().querySelector<HTMLButtonElement>('button.report-image')!.click());
    for (let i = 0; i < 5; i++) await settle();
    return root().querySelector('[role="status"]')?.textContent;
  }

  it('puts the PNG on the clipboard and says so', async () => {
    const image = { copy: vi.fn(async (p: Promise<Blob>) => void (await p)), save: vi.fn() };
    expect(await clickImage(image)).toBe('Report image copied: paste it into the team chat.');
    expect(await image.copy.mock.calls[0]![0]).toBe(png);
    expect(image.save).not.toHaveBeenCalled();
  });

  it('saves the PNG as a file where the clipboard refuses it, and says where it went', async () => {
    const image = { copy: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))), save: vi.fn() };
    expect(await clickImage(image, 'zh-CN')).toBe(
      `浏览器不允许把图片写入剪贴板，已改为下载 storepulse-${sampleReviewState().today}.png：把它拖进工作群即可。`,
    );
    expect(image.save).toHaveBeenCalledWith(png, `storepulse-${sampleReviewState().today}.png`);
  });

  it('says why when the picture cannot be made, and saves nothing', async () => {
    const { reportPng } = await import('@/core/report-image');
    vi.mocked(reportPng).mockRejectedValueOnce(new Error('this browser cannot draw on a canvas'));
    const image = { copy: vi.fn(async (p: Promise<Blob>) => void (await p)), save: vi.fn() };
    expect(await clickImage(image)).toBe('The report image could not be made: this browser cannot draw on a canvas');
    expect(image.save).not.toHaveBeenCalled();
  });
});
