import type { RefusalKind } from './types';

/**
 * A report file as a grid of cells: the platforms' own downloads (`.xlsx` workbooks, CSV or
 * tab-separated text in UTF-8, UTF-8 with a byte-order mark, UTF-16, or GB18030/GBK as Chinese Excel
 * saves it). Legacy `.xls` (BIFF in an OLE container) is recognised and refused with what to do instead:
 * no maintained reader of it is published on npm without known advisories (see README, "Spreadsheets").
 * Only the options page loads this module (and its worker); the workbook reader is imported on demand.
 */

export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

export interface SheetGrid {
  /** The sheet's name in a workbook; the file's name for text. */
  name: string;
  grid: Grid;
  /** Numbers came typed from a workbook (a percent-formatted cell is its fraction), not as printed text. */
  typed: boolean;
}

/** What the file is, by its first bytes and then its name. */
export type FileKind = 'xlsx' | 'xls' | 'text' | 'unknown';

/** A file that cannot be read as a report, by kind, for the page to word in the operator's language. */
export class SheetRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    detail = '',
  ) {
    super(detail || kind);
  }
}

export function fileKind(head: Uint8Array, name = ''): FileKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.xls$/i.test(name)) return 'xls';
  // Text has no NUL byte outside UTF-16 (which announces itself with its byte-order mark).
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.subarray(0, 4096).includes(0)) return 'unknown';
  return 'text';
}

/**
 * Bytes of a text report as a string: a byte-order mark decides (UTF-8, UTF-16LE/BE); otherwise UTF-8
 * when every byte sequence is valid UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese
 * Excel's "CSV" writes). Returns the encoding it used.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new SheetRefused('encoding');
    }
  }
}

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter of a text report: the one that splits the most of the first lines into the same number
 * of fields (title rows have one field, so the table's lines decide).
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 40).filter((l) => l.trim() && !l.startsWith('#'));
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => splitDelimited(l, d)[0]?.length ?? 0).filter((n) => n > 1);
    const mode = counts.sort((a, b) => counts.filter((n) => n === b).length - counts.filter((n) => n === a).length)[0] ?? 0;
    const score = counts.filter((n) => n === mode).length * Math.min(mode, 64);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Delimited text (RFC 4180 quoting) as rows of text cells; an empty line is an empty row. */
export function splitDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A text report as one sheet: decoded, its delimiter sniffed, GA4's `#` comment lines kept as title rows. */
export function textSheet(bytes: Uint8Array, name: string): SheetGrid & { encoding: string } {
  const { text, encoding } = decodeText(bytes);
  if (!text.trim()) throw new SheetRefused('empty');
  const delimiter = sniffDelimiter(text);
  const grid: Grid = splitDelimited(text, delimiter).map((r) => (r.length === 1 && r[0]!.startsWith('#') ? [r[0]!] : r));
  return { name, grid, typed: false, encoding };
}

/** Every sheet of a workbook, through the workbook reader (loaded on first use). */
export async function workbookSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile(buffer);
    return sheets.map((s) => ({ name: s.sheet, grid: s.data as Grid, typed: true }));
  } catch (error) {
    throw new SheetRefused('workbook', error instanceof Error ? error.message : String(error));
  }
}

/** Reads any report file into its sheets; refuses legacy `.xls` and what is not a report. */
export async function readSheets(bytes: Uint8Array, name: string): Promise<Array<SheetGrid & { encoding?: string }>> {
  if (bytes.length === 0) throw new SheetRefused('empty');
  const kind = fileKind(bytes.subarray(0, 8192), name);
  if (kind === 'xls') throw new SheetRefused('xls');
  if (kind === 'unknown') throw new SheetRefused('unknown');
  if (kind === 'xlsx') return workbookSheets(bytes);
  return [textSheet(bytes, name)];
}
