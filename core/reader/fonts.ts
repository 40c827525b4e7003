/**
 * Honest reading of numbers drawn with a scrambling web font. Some back offices (拼多多) put other
 * digits — or private-use characters — in the DOM than the operator sees, and a page font draws the
 * real ones. The text alone would store wrong numbers. Here each glyph the font draws is compared,
 * by shape, with the digits of ordinary fonts:
 * - every digit looks like itself → an honest font (a brand typeface): read the text as it is;
 * - the glyphs are a confident one-to-one relabelling of the digits → read what is drawn;
 * - anything less certain → the number is not read, and the page is told so.
 * Only the operator's own screen is read this way: the glyphs the page already shows them.
 */

import { deepText } from './walk';

export type FontVerdict = { kind: 'plain' } | { kind: 'mapped'; map: ReadonlyMap<string, string> } | { kind: 'unreadable' };

const DIGITS = '0123456789';
const PUA = /[\ue000-\uf8ff]/u;
const REFERENCE_FONTS = ['sans-serif', 'serif', 'monospace'];
const GRID_W = 10;
const GRID_H = 14;
const MIN_SIMILARITY = 0.6;
const MIN_MARGIN = 0.06;

export function hasPrivateUse(text: string): boolean {
  return PUA.test(text);
}

const VERDICTS = new WeakMap<Document, Map<string, FontVerdict>>();

/** Per read: which of the page's fonts are web fonts, and what each one draws. */
export class FontGuard {
  private webFamilies: Set<string> | undefined;
  private readonly verdicts: Map<string, FontVerdict>;
  private readonly familyOf = new WeakMap<Element, string>();
  /** Elements whose numbers could not be read as drawn. */
  readonly unreadable = new Set<Element>();
  /** How many times a text could not be read as drawn (grows on every such look, unlike the set). */
  misses = 0;

  /**
   * @param shadow whether the page has open shadow roots at all; without them an element's text is
   *   its textContent, and no element needs searching for shadow hosts.
   */
  constructor(
    private readonly doc: Document,
    private readonly shadow = true,
  ) {
    // A font's verdict holds for the life of the page: a page that swaps fonts gives them new names.
    let verdicts = VERDICTS.get(doc);
    if (!verdicts) VERDICTS.set(doc, (verdicts = new Map()));
    this.verdicts = verdicts;
  }

  /**
   * The text of `el` as the operator sees it: its text content, with digits drawn by a relabelling
   * font put back; null when a font draws something that cannot be read with certainty.
   */
  shown(el: Element): string | null {
    const families = this.families();
    const text = this.text(el);
    if (families.size === 0 && !PUA.test(text)) return text;
    const walker = this.doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
    let out = '';
    let changed = false;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const parent = n.parentElement;
      const family = parent ? this.family(parent) : '';
      if (!family || (!families.has(family) && !PUA.test(n.data))) {
        out += n.data;
        continue;
      }
      const verdict = this.verdict(family, n.data);
      if (verdict.kind === 'unreadable') {
        this.unreadable.add(el);
        this.misses++;
        return null;
      }
      if (verdict.kind === 'mapped') {
        let mapped = '';
        for (const ch of n.data) mapped += verdict.map.get(ch) ?? ch;
        changed ||= mapped !== n.data;
        out += mapped;
      } else {
        out += n.data;
      }
    }
    return changed || out !== text ? out : text;
  }

  /** An element's text as rendered, shadow roots included when the page has any. */
  text(el: Element): string {
    return this.shadow ? deepText(el) : (el.textContent ?? '');
  }

  private families(): Set<string> {
    if (this.webFamilies) return this.webFamilies;
    const set = new Set<string>();
    const fonts = (this.doc as Document & { fonts?: Iterable<FontFace> }).fonts;
    try {
      if (fonts) for (const face of fonts) set.add(unquote(face.family));
    } catch {
      // engines without FontFaceSet iteration: no web fonts known
    }
    this.webFamilies = set;
    return set;
  }

  private family(el: Element): string {
    let f = this.familyOf.get(el);
    if (f === undefined) {
      const list = this.doc.defaultView?.getComputedStyle(el).fontFamily ?? '';
      f = unquote(list.split(',')[0] ?? '');
      this.familyOf.set(el, f);
    }
    return f;
  }

  private verdict(family: string, text: string): FontVerdict {
    const extra = [...new Set([...text].filter((c) => PUA.test(c)))].join('');
    const key = `${family}\u0000${extra}`;
    let v = this.verdicts.get(key);
    if (!v) {
      v = this.judge(family, extra);
      this.verdicts.set(key, v);
    }
    return v;
  }

  private judge(family: string, extra: string): FontVerdict {
    const canvas = this.doc.createElement('canvas');
    const ctx = canvas.getContext?.('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | null | undefined;
    // Without a canvas (test DOMs) nothing can be compared: private-use text cannot be read, digits are taken as they are.
    if (!ctx) return extra ? { kind: 'unreadable' } : { kind: 'plain' };
    return verdictOf(classifyGlyphs(ctx, family, DIGITS + extra));
  }
}

export interface GlyphMatch {
  ch: string;
  /** The digit the glyph looks most like, or null when the font draws nothing for it. */
  drawn: string | null;
  confident: boolean;
  score: number;
  margin: number;
}

/** Which digit each character's glyph in `family` looks like, against the digits of ordinary fonts. */
export function classifyGlyphs(ctx: CanvasRenderingContext2D, family: string, chars: string): GlyphMatch[] {
  ctx.canvas.width = 64;
  ctx.canvas.height = 80;
  const refs = REFERENCE_FONTS.map((f) => [...DIGITS].map((d) => glyph(ctx, d, f)));
  return [...chars].map((ch) => {
    const shape = glyph(ctx, ch, `"${family}"`);
    if (!shape) return { ch, drawn: null, confident: false, score: 0, margin: 0 };
    const scores = [...DIGITS].map((_, i) => Math.max(...refs.map((r) => similarity(shape, r[i] ?? null))));
    const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
    const [best, second] = [order[0]!, order[1]!];
    const confident = best[0] >= MIN_SIMILARITY && best[0] - second[0] >= MIN_MARGIN;
    return { ch, drawn: DIGITS[best[1]]!, confident, score: best[0], margin: best[0] - second[0] };
  });
}

/**
 * Honest font: every digit looks like itself (or is not confidently anything else). Relabelling
 * font: a confident one-to-one map. Anything in between cannot be read with certainty.
 */
export function verdictOf(matches: readonly GlyphMatch[]): FontVerdict {
  const map = new Map<string, string>();
  let relabelled = false;
  let uncertain = false;
  let privateUse = false;
  for (const m of matches) {
    const pua = PUA.test(m.ch);
    privateUse ||= pua;
    if (!m.drawn || !m.confident) {
      if (pua || m.drawn) uncertain = true;
      if (!pua) map.set(m.ch, m.ch);
      continue;
    }
    if (!pua && m.drawn !== m.ch) relabelled = true;
    map.set(m.ch, m.drawn);
  }
  if (!relabelled && !privateUse) return { kind: 'plain' };
  if (uncertain) return { kind: 'unreadable' };
  const drawnDigits = [...map.entries()].filter(([c]) => DIGITS.includes(c)).map(([, d]) => d);
  if (new Set(drawnDigits).size !== drawnDigits.length) return { kind: 'unreadable' };
  return { kind: 'mapped', map };
}

function unquote(family: string): string {
  return family.trim().replace(/^["']|["']$/g, '');
}

/** The ink of one character, cropped and sampled onto a small grid, centred and scaled. */
function glyph(ctx: CanvasRenderingContext2D, ch: string, font: string): Float32Array | null {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `56px ${font}`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(ch, 4, 64);
  const data = ctx.getImageData(0, 0, width, height).data;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[(y * width + x) * 4 + 3]! > 64) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const grid = new Float32Array(GRID_W * GRID_H);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  for (let gy = 0; gy < GRID_H; gy++) {
    for (let gx = 0; gx < GRID_W; gx++) {
      const sx0 = x0 + Math.floor((gx * w) / GRID_W);
      const sx1 = x0 + Math.max(Math.floor(((gx + 1) * w) / GRID_W), Math.floor((gx * w) / GRID_W) + 1);
      const sy0 = y0 + Math.floor((gy * h) / GRID_H);
      const sy1 = y0 + Math.max(Math.floor(((gy + 1) * h) / GRID_H), Math.floor((gy * h) / GRID_H) + 1);
      let sum = 0;
      let count = 0;
      for (let y = sy0; y < sy1; y++) for (let x = sx0; x < sx1; x++, count++) sum += data[(y * width + x) * 4 + 3]!;
      grid[gy * GRID_W + gx] = count ? sum / count / 255 : 0;
    }
  }
  return normalise(grid);
}

function normalise(v: Float32Array): Float32Array {
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = v[i]! - mean;
    norm += v[i]! * v[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
  return v;
}

function similarity(a: Float32Array, b: Float32Array | null): number {
  if (!b) return -1;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
