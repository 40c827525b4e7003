import type { Found } from '../reader/recognise';
import { acceptValue, valueIn } from '../reader/values';
import { locatorOf } from '../reader/walk';

/**
 * Comparison grids of 生意参谋's 竞争 pages: one row per metric, one column for our shop (tagged 本店)
 * and one per chosen peer shop (tagged 竞店 / 竞店1 …, the peer's name beside the tag). Every number in
 * a peer's column is that peer's and is stored with `peer` set; our column is the shop's own. The
 * generic recogniser finds each row's label and the nearest number; the grid's header then says
 * whose number each column holds.
 */

/** Header texts: our column's starts with 本店; a peer's holds its 竞店 tag and the shop's name. */
const OURS = /^\s*本店/;
const PEER_TAG = /[竞競]店\s*\d*\s*[:：]?/;

export function readComparisons(found: Found[], currency?: string): Found[] {
  return found.flatMap((f) => {
    // The value's row: a few levels up, shaped like the grid's header row, which names 本店.
    for (let row = f.element.parentElement, i = 0; row?.parentElement && i < 4; row = row.parentElement, i++) {
      const head = row.closest('table')?.rows[0] ?? row.parentElement.firstElementChild!;
      const cells = [...head.children];
      if (
        head === row ||
        cells.length < 3 ||
        cells.length !== row.children.length ||
        !cells.some((c) => OURS.test(c.textContent!))
      )
        continue;
      return cells.flatMap((h, i) => {
        const text = h.textContent!;
        // Our column reads as '', a peer's as its name (the header without its tag), any other not at all.
        const peer = OURS.test(text)
          ? ''
          : PEER_TAG.test(text)
            ? text
                .replace(PEER_TAG, '')
                .replace(/[^\p{L}\p{N})]+$/u, '')
                .trim()
                .slice(0, 120)
            : null;
        const c = peer === null ? null : valueIn(row.children[i]!, f.observed.metric, currency);
        const value = c && acceptValue(f.observed.metric, c.parsed, currency);
        if (!c || !value) return [];
        const source = { ...f.observed.source, reader: 'adapter' as const, locator: locatorOf(c.element), raw: c.raw.trim() };
        return [{ ...f, element: c.element, observed: { ...f.observed, ...value, ...(peer ? { peer } : {}), source } }];
      });
    }
    return [f];
  });
}
