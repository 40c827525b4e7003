import { describe, expect, it } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { createService } from '@/core/background/service';
import { setTarget } from '@/core/background/target-store';
import { exportChunks, exportText } from '@/core/background/transfer/export';
import { ImportSession, importData } from '@/core/background/transfer/import';
import type { Database } from '@/core/db';
import { TRANSFER_CHUNK_CHARS } from '@/core/transfer-protocol';
import { looksLikeExport } from '@/core/transfer-client';
import { historyExport } from '../bench/history-data.mjs';
import { allDays, day, freshDb, noonOf, obs, realtime, report, SYCM_URL } from './support/db';
import { fakePort } from './support/port';

async function seeded(): Promise<Database> {
  const db = await freshDb('storepulse-stream');
  for (const [i, date] of ['2026-10-31', '2026-11-01', '2026-11-02'].entries()) {
    await ingest(
      db,
      report(
        [
          obs('visitors', 3000 + i),
          obs('sales', 12345.5 + i, { currency: 'CNY' }),
          obs('visitors', 900 + i, { breakdown: { dimension: 'source', key: '手淘搜索, "app"\r\n二行' } }),
          obs('visitors', 5000 + i, { peer: '大牌旗舰店' }),
        ],
        day(date),
        { store: 'Rainy | 店 "铺"' },
      ),
      { url: SYCM_URL, now: noonOf(date) + 86_400_000 },
    );
  }
  await ingest(db, report([obs('sales', 99.5, { currency: 'CNY' })], realtime('2026-11-03')), {
    url: SYCM_URL,
    now: noonOf('2026-11-03'),
  });
  await setTarget(db, { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 1000, currency: 'CNY', split: 'even' }, 1);
  return db;
}

/** Feeds `text` to a new import session in pieces of `size` characters. */
async function importInPieces(db: Database, text: string, size: number) {
  const session = new ImportSession();
  for (let at = 0; at < text.length; at += size) session.feed(text.slice(at, at + size));
  return session.finish(db);
}

describe('export and import in pieces', () => {
  it('reads a JSON export and a CSV cut anywhere (inside strings, escapes, quoted line breaks, CRLF) as it reads them whole', async () => {
    const source = await seeded();
    for (const format of ['json', 'csv'] as const) {
      const text = await exportText(source, format, 0, format === 'json' ? { version: 2, language: 'en' } : undefined);
      const whole = await freshDb('storepulse-stream');
      const wholeReport = await importData(whole, text);
      expect(wholeReport.rejectedCount).toBe(0);
      for (const size of [1, 2, 7, 64]) {
        const pieces = await freshDb('storepulse-stream');
        expect(await importInPieces(pieces, text, size), `${format} in pieces of ${size}`).toEqual(wholeReport);
        expect(await allDays(pieces)).toEqual(await allDays(source));
      }
    }
  });

  it('refuses a record that comes before the file says it is an export, and writes nothing', async () => {
    const db = await seeded();
    const days = await allDays(db);
    const text = JSON.stringify({ daily: days, format: 'storepulse-export', version: 1, exportedAt: 'x' });
    await expect(importData(db, text)).rejects.toThrow(/not a StorePulse export \(format: missing before the records\)/);
    expect(await allDays(db)).toEqual(days);
  });

  it('looks at the start of a file to tell an export from anything else', () => {
    expect(looksLikeExport('\uFEFF {"format":"storepulse-export","version":1')).toBe(true);
    expect(looksLikeExport('{\n  "format": "storepulse-export"')).toBe(true);
    expect(looksLikeExport('{"version":1,"format":"storepulse-export"}')).toBe(false);
    expect(looksLikeExport('{"format":"other"}')).toBe(false);
    expect(looksLikeExport('date,site,store,metric,value\r\n2026-11-01,sycm,A,visitors,1')).toBe(true);
    expect(looksLikeExport('"Date","Site","Store","Metric","Value"\n')).toBe(true);
    expect(looksLikeExport('PK\u0003\u0004 a zip file')).toBe(false);
    expect(looksLikeExport('name,amount\nx,1')).toBe(false);
  });

  it('exports fifty shops over three years and imports them back with every daily value identical', async () => {
    const file = historyExport({ shops: 50, days: 1095 });
    const source = await freshDb('storepulse-stream');
    const seededReport = await importInPieces(source, JSON.stringify(file), TRANSFER_CHUNK_CHARS);
    expect(seededReport.added.daily).toBe(50 * 1095 * 15);
    // 2023-11-28 … 2026-11-26 touches 37 months: one record per shop and month, holding its 15 series.
    expect(await source.count('days')).toBe(50 * 37);

    // Export in pieces, as the worker sends them, and import those pieces into an empty database.
    const target = await freshDb('storepulse-stream');
    const session = new ImportSession();
    let largest = 0;
    let last = { done: 0, total: 0 };
    for await (const chunk of exportChunks(source, 'json', 0)) {
      largest = Math.max(largest, chunk.text.length);
      last = chunk;
      session.feed(chunk.text);
    }
    expect(largest).toBeLessThan(TRANSFER_CHUNK_CHARS * 4);
    expect(last.done).toBe(last.total);
    const result = await session.finish(target);
    expect(result.added.daily).toBe(50 * 1095 * 15);
    expect(result.rejectedCount).toBe(0);

    const key = (d: { id: string }) => d.id;
    const expected = new Map(file.daily.map((d) => [key(d), d]));
    const imported = await allDays(target);
    expect(imported).toHaveLength(expected.size);
    for (const d of imported) {
      const want = expected.get(d.id)!;
      if (
        d.value !== want.value ||
        d.provisional !== want.provisional ||
        d.observedAt !== want.observedAt ||
        d.currency !== want.currency
      )
        expect(d).toEqual(want);
    }
  }, 300_000);
});

describe('the transfer port', () => {
  const EXT = 'storepulse-test-id';
  const OPTIONS = `chrome-extension://${EXT}/options.html`;
  const PAGE = { id: EXT, url: OPTIONS, frameId: 0, tab: { id: 3, url: OPTIONS } };

  it('streams an export and an import between the options page and the background', async () => {
    const db = await seeded();
    const service = createService({ extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, openDb: async () => db });
    const out = fakePort(PAGE);
    service.connect(out.port);
    out.send({ type: 'export', format: 'csv' });
    expect(await out.next('file')).toMatchObject({ type: 'file', mime: 'text/csv' });
    await out.next('end');
    const text = out.replies.map((r) => (r.type === 'chunk' ? r.text : '')).join('');
    expect(text).toBe(await exportText(db, 'csv', 0));

    const target = await freshDb('storepulse-stream');
    const service2 = createService({
      extensionId: EXT,
      extensionOrigin: `chrome-extension://${EXT}/`,
      openDb: async () => target,
    });
    const into = fakePort(PAGE);
    service2.connect(into.port);
    into.send({ type: 'import', size: text.length });
    await into.next('ack');
    for (let at = 0; at < text.length; at += 100) {
      into.send({ type: 'chunk', text: text.slice(at, at + 100) });
      expect(await into.next('ack')).toEqual({ type: 'ack' });
    }
    into.send({ type: 'end' });
    await into.next('writing');
    const done = await into.next('report');
    expect(done).toMatchObject({ type: 'report', report: { format: 'csv', rejectedCount: 0 } });
    expect(await allDays(target)).toEqual(await allDays(db));
  });

  it('refuses a content script, a piece over the bound, a file too large and a broken file, writing nothing', async () => {
    const db = await seeded();
    const before = await allDays(db);
    const service = createService({ extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, openDb: async () => db });

    const other = fakePort({ id: 'someone-else' });
    service.connect(other.port);
    expect(other.disconnected()).toBe(true);

    const SYCM = 'https://sycm.taobao.com/portal/home.htm';
    const page = fakePort({ id: EXT, url: SYCM, frameId: 0, tab: { id: 9, url: SYCM } });
    service.connect(page.port);
    expect(page.disconnected()).toBe(true);
    expect(page.listening()).toBe(false);

    const big = fakePort(PAGE);
    service.connect(big.port);
    big.send({ type: 'import', size: 2 ** 31 });
    expect(await big.next('ack')).toEqual({ type: 'error', message: expect.stringMatching(/too large/) });

    const huge = fakePort(PAGE);
    service.connect(huge.port);
    huge.send({ type: 'import', size: 10 });
    await huge.next('ack');
    huge.send({ type: 'chunk', text: 'x'.repeat(TRANSFER_CHUNK_CHARS + 1) });
    expect(await huge.next('ack')).toEqual({ type: 'error', message: expect.stringMatching(/invalid transfer message/) });

    const broken = fakePort(PAGE);
    service.connect(broken.port);
    broken.send({ type: 'import', size: 10 });
    await broken.next('ack');
    broken.send({ type: 'chunk', text: '{"format":"storepulse-export","version":1,"daily":[' });
    await broken.next('ack');
    broken.send({ type: 'end' });
    expect(await broken.next('report')).toEqual({
      type: 'error',
      message: expect.stringMatching(/^import refused, nothing changed: not valid JSON/),
    });
    expect(await allDays(db)).toEqual(before);
  });
});
