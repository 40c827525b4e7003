import { describe, expect, it } from 'vitest';
import { LAYOUT_CLASSES, layoutPage, layoutPages } from '../gen/layouts';

/** The layout-class pages are a function of their seed, cover every class and know a truth the page prints. */
describe('layout-class page generator', () => {
  it('makes the same page from the same seed and class', () => {
    for (const c of LAYOUT_CLASSES) expect(layoutPage(4242, c)).toEqual(layoutPage(4242, c));
    expect(layoutPage(4242, 'footnote').html).not.toBe(layoutPage(4243, 'footnote').html);
  });

  it('draws every class, each page at its own address', () => {
    const pages = layoutPages(3);
    expect(new Set(pages.map((p) => p.axes.layout))).toEqual(new Set(LAYOUT_CLASSES));
    expect(new Set(pages.map((p) => new URL(p.url).pathname)).size).toBe(pages.length);
  });

  it('prints every number its truth holds, and lists no quantity both read and absent', () => {
    for (const p of layoutPages(4)) {
      const text = p.html.replace(/<[^>]+>/g, '').replace(/[\u200e\u2066\u2069]/g, '');
      for (const t of p.expected.readings) {
        const digits = t.value * (/%/.test(text) && t.value < 1 && !Number.isInteger(t.value) ? 100 : 1);
        const printed = [String(t.value), digits.toFixed(2), Math.round(t.value).toLocaleString('en-US')];
        expect(
          printed.some((s) => text.replace(/,(?=\d{3})/g, '').includes(s.replace(/,/g, ''))),
          `${p.url} ${t.metric}`,
        ).toBe(true);
      }
      const own = new Set(p.expected.readings.filter((t) => !t.breakdown).map((t) => t.metric));
      for (const m of p.expected.absent) expect(own.has(m)).toBe(false);
    }
  });
});
