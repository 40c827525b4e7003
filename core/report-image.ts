import type { Locale } from './i18n';
import type { ReportLine, ReportLineKind } from './report';

/**
 * The daily report drawn as a PNG for chats where a picture is read and a paragraph is not. The
 * picture is IMAGE_WIDTH pixels wide with text sized so that it stays readable when a chat shows it at
 * half that width (a preview about 360 px wide) and at full size. Layout is kept apart from drawing:
 * `layoutReport` needs only a way to measure text, so it is tested without a canvas.
 */

export const IMAGE_WIDTH = 720;
const PAD = 32;
const BULLET = '•';
const INDENT = 24;

interface Style {
  size: number;
  weight: 400 | 700;
  /** Space above the line's first row. */
  before: number;
  colour: 'fg' | 'muted' | 'accent';
  indent?: number;
}

/** How each kind of line is drawn; the report's own text (26 px and up) is at least 13 px in a 360 px preview. */
const STYLES: Record<ReportLineKind | 'footer', Style> = {
  title: { size: 34, weight: 700, before: 0, colour: 'accent' },
  overview: { size: 28, weight: 700, before: 24, colour: 'fg' },
  glance: { size: 26, weight: 400, before: 6, colour: 'fg', indent: INDENT },
  gap: { size: 0, weight: 400, before: 14, colour: 'fg' },
  shop: { size: 30, weight: 700, before: 10, colour: 'fg' },
  day: { size: 28, weight: 700, before: 10, colour: 'fg' },
  month: { size: 26, weight: 400, before: 6, colour: 'fg' },
  factors: { size: 26, weight: 400, before: 6, colour: 'muted' },
  main: { size: 26, weight: 700, before: 6, colour: 'fg' },
  alerts: { size: 26, weight: 700, before: 12, colour: 'fg' },
  alert: { size: 26, weight: 400, before: 4, colour: 'fg', indent: INDENT },
  tasks: { size: 26, weight: 700, before: 12, colour: 'fg' },
  role: { size: 26, weight: 700, before: 4, colour: 'fg', indent: INDENT },
  task: { size: 26, weight: 400, before: 2, colour: 'fg', indent: INDENT * 2 },
  footer: { size: 22, weight: 400, before: 20, colour: 'muted' },
};

const COLOURS = {
  fg: '#1f1f1f',
  muted: '#4a4f55',
  accent: '#ff5000',
  good: '#137333',
  bad: '#c5221f',
  band: '#fff4ee',
  rule: '#e3e5e8',
};

/** The fonts of the operator's language first (CJK glyphs differ between Simplified and Traditional). */
const FAMILIES: Record<Locale, string> = {
  'zh-CN': '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif',
  'zh-TW': '"Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans", sans-serif',
  en: '"Noto Sans", "Segoe UI", Roboto, "Noto Sans CJK SC", "PingFang SC", sans-serif',
};

export const fontOf = (style: Pick<Style, 'size' | 'weight'>, locale: Locale) =>
  `${style.weight} ${style.size}px ${FAMILIES[locale]}`;

/** One row of text at its place in the picture. */
export interface PlacedRow {
  text: string;
  x: number;
  /** The row's baseline. */
  y: number;
  font: string;
  colour: string;
  kind: ReportLineKind | 'footer';
}

export interface ReportLayout {
  width: number;
  height: number;
  rows: PlacedRow[];
  /** Where each shop's block starts and ends, for its band behind the text. */
  shops: { top: number; bottom: number }[];
  /** The bottom of the title band. */
  titleBottom: number;
}

export type Measure = (text: string, font: string) => number;

// Closing punctuation never starts a row; opening punctuation never ends one.
const CLOSING = /^[，。、：；！？）」』】〕,.;:!?)\]%]/;
const OPENING = /[（「『【〔(\[]$/;

/**
 * Pieces a row may break between: CJK ideographs, kana, hangul and full-width forms one by one, other
 * words with their trailing space.
 */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const m of text.matchAll(/[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+|./gsu)) {
    const piece = m[0];
    const last = pieces.length - 1;
    if (last >= 0 && (CLOSING.test(piece) || OPENING.test(pieces[last]!))) pieces[last] += piece;
    else pieces.push(piece);
  }
  return pieces;
}

/** The text in rows no wider than `width`; a single piece wider than a row is cut by characters. */
export function wrapText(text: string, width: number, font: string, measure: Measure): string[] {
  const rows: string[] = [];
  let row = '';
  for (const piece of breakPieces(text)) {
    if (row && measure(row + piece.trimEnd(), font) > width) {
      rows.push(row.trimEnd());
      row = piece.trimStart();
    } else row += piece;
    while (measure(row.trimEnd(), font) > width && [...row].length > 1) {
      const chars = [...row];
      let n = chars.length - 1;
      while (n > 1 && measure(chars.slice(0, n).join(''), font) > width) n--;
      rows.push(chars.slice(0, n).join(''));
      row = chars.slice(n).join('');
    }
  }
  if (row.trim() || rows.length === 0) rows.push(row.trimEnd());
  return rows;
}

/** Every line placed: its rows, fonts and colours, and the picture's height. */
export function layoutReport(lines: readonly ReportLine[], footer: string, locale: Locale, measure: Measure): ReportLayout {
  const rows: PlacedRow[] = [];
  const shops: { top: number; bottom: number }[] = [];
  let y = PAD;
  let titleBottom = 0;
  const place = (text: string, kind: ReportLineKind | 'footer', tone?: 'good' | 'bad') => {
    const style = STYLES[kind];
    y += style.before;
    if (kind === 'gap') return;
    const font = fontOf(style, locale);
    const x = PAD + (style.indent ?? 0);
    const lineHeight = Math.round(style.size * 1.45);
    const colour = tone ? COLOURS[tone] : COLOURS[style.colour];
    // A list item ("- …") gets a bullet and a hanging indent: its wrapped rows line up after the bullet.
    const item = /^\s*-\s+/.exec(text);
    const body = item ? text.slice(item[0].length) : text.trim();
    const hang = item ? Math.ceil(measure(`${BULLET} `, font)) : 0;
    wrapText(body, IMAGE_WIDTH - x - hang - PAD, font, measure).forEach((row, i) => {
      const baseline = y + Math.round(style.size * 1.1);
      if (item && i === 0) rows.push({ text: BULLET, x, y: baseline, font, colour, kind });
      rows.push({ text: row, x: x + hang, y: baseline, font, colour, kind });
      y += lineHeight;
    });
  };
  // A shop of the overview: its name in bold on a row of its own, then its pieces, broken only between them.
  const glance = (g: NonNullable<ReportLine['glance']>, tone?: 'good' | 'bad') => {
    const style = STYLES.glance;
    y += style.before;
    const x = PAD + (style.indent ?? 0);
    const lineHeight = Math.round(style.size * 1.45);
    const bold = fontOf({ ...style, weight: 700 }, locale);
    const font = fontOf(style, locale);
    const hang = Math.ceil(measure(`${BULLET} `, bold));
    const row = (text: string, f: string, colour: string, bullet = false) => {
      const baseline = y + Math.round(style.size * 1.1);
      if (bullet) rows.push({ text: BULLET, x, y: baseline, font: f, colour, kind: 'glance' });
      rows.push({ text, x: x + hang, y: baseline, font: f, colour, kind: 'glance' });
      y += lineHeight;
    };
    const width = IMAGE_WIDTH - x - hang - PAD;
    wrapText(g.shop, width, bold, measure).forEach((text, i) => row(text, bold, COLOURS.fg, i === 0));
    const colour = tone ? COLOURS[tone] : COLOURS.fg;
    let current = '';
    for (const part of g.parts) {
      const next = current ? `${current} · ${part}` : part;
      if (current && measure(next, font) > width) {
        row(current, font, colour);
        current = part;
      } else current = next;
    }
    if (current) for (const text of wrapText(current, width, font, measure)) row(text, font, colour);
  };
  for (const line of lines) {
    if (line.kind === 'glance' && line.glance) {
      glance(line.glance, line.tone);
      continue;
    }
    if (line.kind === 'shop') {
      const last = shops.at(-1);
      if (last) last.bottom = y;
      shops.push({ top: y + STYLES.gap.before / 2, bottom: y });
      y += STYLES.gap.before;
    }
    if (line.kind === 'gap') continue;
    place(line.text, line.kind, line.tone);
    if (line.kind === 'title') titleBottom = y + PAD / 2;
  }
  const last = shops.at(-1);
  if (last) last.bottom = y + 12;
  y += 12;
  place(footer, 'footer');
  return { width: IMAGE_WIDTH, height: y + PAD, rows, shops, titleBottom };
}

/** The layout drawn on a 2D context the size of the layout. */
export function drawReport(ctx: CanvasRenderingContext2D, layout: ReportLayout): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = COLOURS.band;
  ctx.fillRect(0, 0, layout.width, layout.titleBottom);
  ctx.fillStyle = COLOURS.accent;
  ctx.fillRect(0, 0, layout.width, 6);
  for (const shop of layout.shops) {
    ctx.fillStyle = COLOURS.rule;
    ctx.fillRect(PAD / 2, shop.top, layout.width - PAD, 2);
  }
  ctx.textBaseline = 'alphabetic';
  for (const row of layout.rows) {
    ctx.font = row.font;
    ctx.fillStyle = row.colour;
    ctx.fillText(row.text, row.x, row.y);
  }
}

/** The report as a PNG, drawn on a canvas of the page; waits for the fonts the picture uses. */
export async function reportPng(
  lines: readonly ReportLine[],
  footer: string,
  locale: Locale,
  doc: Document = document,
): Promise<Blob> {
  const canvas = doc.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const fonts = new Set(Object.values(STYLES).map((s) => fontOf(s, locale)));
  const sample = lines.map((l) => l.text).join('');
  await Promise.all([...fonts].map((f) => doc.fonts?.load(f, sample).catch(() => undefined)));
  const measure: Measure = (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = layoutReport(lines, footer, locale, measure);
  canvas.width = layout.width;
  canvas.height = layout.height;
  drawReport(ctx, layout);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), 'image/png'),
  );
}
