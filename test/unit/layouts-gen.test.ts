import { describe, expect, it } from 'vitest';
import { LAYOUT_CLASSES, layoutPage, layoutPages } from '../gen/layouts';

/** Page text in ASCII digits with ',' grouping and '.' decimals, whatever the page's marks and spaces. */
function plainDigits(text: string, url: string): string {
  const ascii = text
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[\u00a0\u202f\u2009 ](?=\d{3}\b)/g, '');
  const comma = /shopee\.(co\.id|vn|com\.br)\//.test(url);
  return comma ? ascii.replace(/\.(?=\d{3})/g, '').replace(/(\d),(\d)/g, '$1.$2') : ascii;
}

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
      const text = plainDigits(p.html.replace(/<[^>]+>/g, '').replace(/[\u200e\u2066\u2069]/g, ''), p.url);
      for (const t of p.expected.readings) {
        const digits = t.value * (/%/.test(text) && t.value < 1 && !Number.isInteger(t.value) ? 100 : 1);
        // An abbreviated magnitude prints the value divided by its unit (万 10^4, 亿 10^8, K 10^3, M 10^6).
        const abbreviated = [3, 4, 6, 8].map((k) => String(Number((t.value / 10 ** k).toFixed(2))));
        const printed = [String(t.value), digits.toFixed(2), Math.round(t.value).toLocaleString('en-US'), ...abbreviated];
        expect(
          printed.some((s) => text.replace(/,(?=\d{3})/g, '').includes(s.replace(/,/g, ''))),
          `${p.url} ${t.metric}`,
        ).toBe(true);
      }
      const own = new Set(p.expected.readings.filter((t) => !t.breakdown && !t.period).map((t) => t.metric));
      for (const m of p.expected.absent) expect(own.has(m)).toBe(false);
    }
  });
});
