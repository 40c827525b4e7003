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

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
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
  if (quoted) throw new CsvError('the CSV file ends inside a quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}
