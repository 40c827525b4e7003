/**
 * The CSV file of daily values (RFC 4180): its columns, how a field is written, and how a file is read
 * back into rows.
 */

export const CSV_COLUMNS = [
  'date',
  'site',
  'store',
  'metric',
  'dimension',
  'key',
  'peer',
  'value',
  'currency',
  'provisional',
  'observed_at',
] as const;

/** What a spreadsheet may run as a formula at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A field `csvText` defused (or text that itself began with an apostrophe before such a character). */
const DEFUSED = /^'[=+\-@\t\r']/;

/**
 * A text field (shop, row key, peer, label — they come from web pages), quoted when needed. Text a
 * spreadsheet would run as a formula — beginning with = + - @, a tab or a carriage return, even
 * `-1+cmd|…` that looks like a number — gets a leading apostrophe, which import takes off again; so
 * does text that already began with an apostrophe before such a character, so it reads back as it was.
 */
export function csvText(value: string): string {
  return quoted(FORMULA_START.test(value) || DEFUSED.test(value) ? `'${value}` : value);
}

/** A numeric field: the number as JavaScript writes it, never defused, so it stays a number. */
export function csvNumber(value: number): string {
  return String(value);
}

function quoted(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A text field as it was before `csvText` defused it. */
export function undefused(field: string): string {
  return DEFUSED.test(field) ? field.slice(1) : field;
}

/** The file cannot be read as CSV at all. */
export class CsvError extends Error {}

/**
 * Reads CSV text given in pieces of any size (a field, a quoted line break or a CRLF may be split
 * between two pieces): `feed` hands each complete row to `row`, `end` the last one.
 */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** A quote seen inside a quoted field as the last character of a piece: `""` or the closing quote. */
  private quoteAtEnd = false;
  /** A CR ended the last piece: an LF opening the next one belongs to it. */
  private crAtEnd = false;

  constructor(private readonly emit: (row: string[]) => void) {}

  feed(text: string): void {
    let i = 0;
    if (this.crAtEnd && text[0] === '\n') i = 1;
    this.crAtEnd = false;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text[0] === '"') {
        this.field += '"';
        i = 1;
      } else this.quoted = false;
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (this.quoted) {
        if (c !== '"') {
          // Copy the run up to the next quote at once.
          const next = text.indexOf('"', i);
          const stop = next < 0 ? text.length : next;
          this.field += text.slice(i, stop);
          i = stop - 1;
        } else if (i + 1 === text.length) this.quoteAtEnd = true;
        else if (text[i + 1] === '"') {
          this.field += '"';
          i++;
        } else this.quoted = false;
      } else if (c === '"' && this.field === '') this.quoted = true;
      else if (c === ',') {
        this.row.push(this.field);
        this.field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') {
          if (i + 1 === text.length) this.crAtEnd = true;
          else if (text[i + 1] === '\n') i++;
        }
        this.row.push(this.field);
        this.flush();
      } else this.field += c;
    }
  }

  end(): void {
    if (this.quoted && !this.quoteAtEnd) throw new CsvError('the CSV file ends inside a quoted field');
    if (this.field !== '' || this.row.length) {
      this.row.push(this.field);
      this.flush();
    }
  }

  private flush(): void {
    const row = this.row;
    this.row = [];
    this.field = '';
    if (row.length > 1 || row[0] !== '') this.emit(row);
  }
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const reader = new CsvReader((row) => rows.push(row));
  reader.feed(text);
  reader.end();
  return rows;
}
