import { CSV_COLUMNS, csvNumber, csvText } from '../background/transfer/csv';
import type { PlannedDay } from './types';

/**
 * The confirmed days of a report as StorePulse's own CSV of daily values, which the import port already
 * validates record by record and writes in one transaction (`ImportSession`). A day the page already
 * read is kept unless the operator prefers the file's: the file's days carry the earliest observation
 * time (`observed_at` empty, 0), so a stored closed day with any later time stays (`replacesDaily`),
 * and with `preferFile` they carry `now`, so they replace it. Either way a second import of the same
 * file finds every value already there and changes nothing.
 */
export interface ImportTarget {
  site: string;
  store: string;
  preferFile: boolean;
  now: number;
}

export function toImportCsv(days: readonly PlannedDay[], target: ImportTarget): string {
  const observed = target.preferFile ? new Date(target.now).toISOString() : '';
  const lines = [CSV_COLUMNS.join(',')];
  for (const day of days) {
    for (const v of day.values) {
      lines.push(
        [
          day.date,
          csvText(target.site),
          csvText(target.store),
          v.metric,
          csvText(day.breakdown?.dimension ?? ''),
          csvText(day.breakdown?.key ?? ''),
          '',
          csvNumber(v.value),
          v.currency ?? '',
          'false',
          observed,
        ].join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}
