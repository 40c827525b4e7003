import { LabelMatcher } from '../reader/labels';
import type { Found } from '../reader/recognise';
import { acceptValue, fontSizeOf, valueIn } from '../reader/values';
import { isShown, locatorOf } from '../reader/walk';

/**
 * Comparison grids of 生意参谋's 竞争 pages: one row per metric, one column for our shop (tagged 本店)
 * and one per chosen peer shop (tagged 竞店 / 竞店1 …, the peer's name beside the tag). Every number in
 * a peer's column is that peer's and is stored with `peer` set; our column is the shop's own. The
 * generic recogniser sees only "a label and the nearest number" there, so what it found inside a grid
 * is replaced by what the grid says.
 */

const OURS = /^(本店|我的店铺|我的店舖)$/;
const PEER_TAG = /^(竞店|競店)\s*\d*$/;
/** The tag is at most this many levels below the header cell that holds the column. */
const MAX_CLIMB = 4;

let matcher: LabelMatcher | undefined;

interface Grid {
  body: Element;
  header: Element;
  ours: number;
  peers: Array<{ column: number; name: string }>;
}

export function readComparisons(root: ParentNode, found: Found[], currency?: string, adapter = 'sycm'): Found[] {
  const grids = findGrids(root);
  if (grids.length === 0) return found;
  const kept = found.filter((f) => !grids.some((g) => g.body.contains(f.element)));
  for (const grid of grids) kept.push(...readGrid(grid, currency, adapter));
  return kept;
}

function findGrids(root: ParentNode): Grid[] {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const grids: Grid[] = [];
  const walker = doc.createTreeWalker(root as Node, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!PEER_TAG.test((n.nodeValue ?? '').trim())) continue;
    let cell = n.parentElement;
    for (let i = 0; cell && i < MAX_CLIMB; i++, cell = cell.parentElement) {
      const row = cell.parentElement;
      if (!row || row.children.length < 3) continue;
      const cells = Array.from(row.children);
      const ours = cells.findIndex((c) => c !== cell && hasText(c, OURS));
      if (ours < 0) continue;
      const body = row.parentElement;
      if (!body || grids.some((g) => g.body === body)) break;
      const peers = cells
        .map((c, column) => ({ column, name: peerName(c) }))
        .filter((p): p is { column: number; name: string } => p.name !== null);
      grids.push({ body, header: row, ours, peers });
      break;
    }
  }
  return grids;
}

function readGrid(grid: Grid, currency: string | undefined, adapter: string): Found[] {
  matcher ??= new LabelMatcher();
  const out: Found[] = [];
  for (const row of Array.from(grid.body.children)) {
    if (row === grid.header || !isShown(row)) continue;
    const cells = Array.from(row.children);
    const labelCell = cells[0];
    const label = labelCell ? firstText(labelCell) : '';
    const match = label ? matcher.match(label) : null;
    if (!labelCell || !match) continue;
    const columns = [
      { column: grid.ours, peer: undefined as string | undefined },
      ...grid.peers.map((p) => ({ column: p.column, peer: p.name })),
    ];
    for (const { column, peer } of columns) {
      const cell = cells[column];
      const candidate = cell ? valueIn(cell, match.metric, currency, match.hint ?? {}) : null;
      const value = candidate ? acceptValue(match.metric, candidate.parsed, currency, match.hint ?? {}) : null;
      if (!candidate || !value) continue;
      out.push({
        observed: {
          metric: match.metric,
          value: value.value,
          ...(value.currency ? { currency: value.currency } : {}),
          ...(peer ? { peer } : {}),
          source: {
            reader: 'adapter',
            adapter,
            locator: locatorOf(candidate.element),
            label: match.text,
            raw: candidate.raw.trim(),
          },
        },
        element: candidate.element,
        labelElement: labelCell,
        fromTable: true,
        fontSize: fontSizeOf(candidate.element),
        depth: 0,
      });
    }
  }
  return out;
}

/** A peer column's header: the 竞店 tag and the shop's name (the longest other text in the cell). */
function peerName(cell: Element): string | null {
  if (!hasText(cell, PEER_TAG)) return null;
  let name = '';
  const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!PEER_TAG.test(text) && /[\p{L}\p{N}]/u.test(text) && text.length > name.length) name = text;
  }
  return name ? name.slice(0, 120) : null;
}

function hasText(el: Element, pattern: RegExp): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (pattern.test((n.nodeValue ?? '').trim())) return true;
  return false;
}

/** A row's label: its first text, before any tooltip the label cell carries. */
function firstText(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.nodeValue ?? '').trim();
    if (text) return text;
  }
  return '';
}
