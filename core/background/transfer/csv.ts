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

/**
 * Quotes a field when needed, and defuses text a spreadsheet would run as a formula (shop names come
 * from web pages): a leading = + - @ gets an apostrophe, which import takes off again.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A field as it was before `csvField` defused it. */
export function undefused(field: string): string {
  return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
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
