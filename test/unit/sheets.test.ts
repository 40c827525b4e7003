import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it, vi } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { exportText } from '@/core/background/transfer/export';
import { importData } from '@/core/background/transfer/import';
import { setTarget } from '@/core/background/target-store';
import { translator } from '@/core/i18n';
import type { MetricId } from '@/core/metrics';
import { decodeText, readSheets, SheetRefused, sniffDelimiter, splitDelimited, type SheetGrid } from '@/core/sheets/grid';
import { detect, plan, remap, type Detection } from '@/core/sheets/table';
import type { PlannedDay } from '@/core/sheets/types';
import { peopleWorkbook } from '@/core/sheets/people';
import { SheetSession } from '@/core/sheets/session';
import { toImportCsv } from '@/core/sheets/to-import';
import { sheetNames, writeXlsx } from '@/core/sheets/xlsx-write';
import { METRIC_STRINGS } from '@/core/strings/metrics';
import { SHEET_STRINGS } from '@/core/strings/sheets';
import { REPORT_FILES, SAMPLE_END, shopDays } from '../harness/reports.mjs';
import { allDays, day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';

/** Workbooks, a year of days and fake-indexeddb transactions: slower than a unit test's default on a loaded machine. */
vi.setConfig({ testTimeout: 60_000 });

const LATEST = '2026-11-30';
const bytes = (name: string) => new Uint8Array(readFileSync(`test/fixtures/reports/${name}`));

async function sample(kind: keyof typeof REPORT_FILES) {
  const sheets = await readSheets(bytes(REPORT_FILES[kind]), REPORT_FILES[kind]);
  const sheet = sheets[0]!;
  const detection = detect(sheet)!;
  return { sheet, detection, plan: plan(sheet, detection, LATEST) };
}

const mapping = (d: Detection) => Object.fromEntries(d.columns.map((c) => [c.header, c.metric ?? c.role]));
const valueOf = (p: PlannedDay | undefined, metric: MetricId) => p?.values.find((v) => v.metric === metric);

/** Each sample's truth: the generator's own days (seed, scale) and what the file calls each metric. */
const TRUTH = {
  sycm: shopDays(SAMPLE_END, 11, 1),
  jd: shopDays(SAMPLE_END, 23, 0.7),
  shopify: shopDays(SAMPLE_END, 37, 0.2),
  amazon: shopDays(SAMPLE_END, 41, 0.3),
  ga4: shopDays(SAMPLE_END, 53, 0.5),
};

describe('report files: reading the bytes', () => {
  it('finds the header past title rows in a workbook with a header merged over two rows', async () => {
    const { detection } = await sample('sycm');
    expect(detection.headerRow).toBe(6);
    // 统计日期 is merged down over the two header rows: its text is in the row above the header.
    expect(detection.columns[0]).toMatchObject({ header: '统计日期', role: 'date' });
    expect(detection).toMatchObject({
      site: 'sycm',
      store: '山茶小铺',
      currency: 'CNY',
      titlePeriod: { start: '2025-11-30', end: SAMPLE_END },
    });
  });

  it('decodes GB18030 CSV as Chinese Excel saves it, and UTF-8 with a byte-order mark', async () => {
    const jd = await readSheets(bytes(REPORT_FILES.jd), REPORT_FILES.jd);
    expect(jd[0]).toMatchObject({ encoding: 'gb18030' });
    expect(jd[0]!.grid[0]).toEqual(['京东商智-经营概况-交易概况']);
    const amazon = await readSheets(bytes(REPORT_FILES.amazon), REPORT_FILES.amazon);
    expect(amazon[0]).toMatchObject({ encoding: 'utf-8-bom' });
    expect(amazon[0]!.grid[0]![0]).toBe('Date');
    expect(decodeText(new Uint8Array([0xe4, 0xb8, 0xad])).encoding).toBe('utf-8');
  });

  it('refuses a legacy .xls file by its bytes, whatever it is called, and text that is not text', async () => {
    await expect(readSheets(bytes(REPORT_FILES.xls), 'report.csv')).rejects.toMatchObject({ kind: 'xls' });
    await expect(readSheets(new Uint8Array([1, 0, 2, 0, 3]), 'x.csv')).rejects.toBeInstanceOf(SheetRefused);
    await expect(readSheets(new Uint8Array([]), 'x.csv')).rejects.toMatchObject({ kind: 'empty' });
    await expect(readSheets(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), 'x.xlsx')).rejects.toMatchObject({
      kind: 'workbook',
    });
  });

  it('tells commas, tabs and semicolons apart, quoted fields and all', () => {
    expect(sniffDelimiter('报表\n日期\t访客数\t浏览量\n2025-01-01\t1\t2\n')).toBe('\t');
    expect(sniffDelimiter('Date;Sessions;Orders\n1;2;3\n')).toBe(';');
    expect(splitDelimited('a,"b,""c"""\r\n"line\nbreak",d', ',')).toEqual([
      ['a', 'b,"c"'],
      ['line\nbreak', 'd'],
    ]);
  });
});

describe('report files: columns from the one vocabulary', () => {
  it('maps each platform’s words and leaves its look-alikes unmapped', async () => {
    expect(mapping((await sample('sycm')).detection)).toMatchObject({
      访客数: 'visitors',
      浏览量: 'pageViews',
      '平均停留时长(秒)': 'avgVisitDuration',
      '支付金额(元)': 'sales',
      支付转化率: 'conversionRate',
      加购人数: 'ignore',
      下单金额: 'ignore',
    });
    expect(mapping((await sample('jd')).detection)).toMatchObject({
      成交客户数: 'paidBuyers',
      成交单量: 'orders',
      成交金额: 'sales',
      下单金额: 'ignore',
      下单客户数: 'ignore',
    });
    expect(mapping((await sample('shopify')).detection)).toMatchObject({
      Day: 'date',
      'Online store sessions': 'visits',
      'Total sales': 'sales',
      'Gross sales': 'ignore',
      Discounts: 'ignore',
    });
    expect(mapping((await sample('amazon')).detection)).toMatchObject({
      'Sessions - Total': 'visits',
      'Unit Session Percentage': 'conversionRate',
      'Total Order Items': 'ignore',
      'Average Sales per Order Item': 'ignore',
    });
    expect(mapping((await sample('ga4')).detection)).toMatchObject({
      'Total users': 'visitors',
      'Engagement rate': 'ignore',
      'Average engagement time': 'avgVisitDuration',
    });
    for (const kind of ['jd', 'shopify', 'amazon', 'ga4'] as const) expect((await sample(kind)).detection.site).toBe(kind);
  });

  it('lets the operator move a metric to another column or ignore one', async () => {
    const { detection } = await sample('shopify');
    const gross = detection.columns.find((c) => c.header === 'Gross sales')!.index;
    const moved = remap(detection, gross, 'metric', 'sales');
    expect(mapping(moved)).toMatchObject({ 'Gross sales': 'sales', 'Total sales': 'ignore' });
    const ignored = remap(detection, detection.columns.find((c) => c.header === 'Orders')!.index, 'ignore');
    expect(ignored.columns.find((c) => c.header === 'Orders')!.role).toBe('ignore');
  });
});

describe('report files: every sample read to the generator’s truth', () => {
  it.each(Object.keys(TRUTH) as Array<keyof typeof TRUTH>)('%s: a year of days, each value as generated', async (kind) => {
    const { plan: p } = await sample(kind);
    const truth = TRUTH[kind];
    expect(p.days).toHaveLength(365);
    expect(p.period).toEqual({ start: truth[0]!.date, end: SAMPLE_END });
    const byDate = new Map(p.days.map((d) => [d.date, d]));
    const visitorsOf: Record<keyof typeof TRUTH, MetricId> = {
      sycm: 'visitors',
      jd: 'visitors',
      shopify: 'visits',
      amazon: 'visits',
      ga4: 'visitors',
    };
    for (const t of truth) {
      const d = byDate.get(t.date);
      expect(valueOf(d, visitorsOf[kind])?.value, `${kind} ${t.date}`).toBe(t.visitors);
      expect(valueOf(d, 'sales')?.value, `${kind} ${t.date}`).toBeCloseTo(t.sales, 2);
    }
  });

  it('units from the cell and the header: percent strings, 万, (秒), (元), fractions, $ and month/day/year', async () => {
    const sycm = await sample('sycm');
    const t = TRUTH.sycm;
    const big = t.findIndex((d) => d.pageViews >= 10000);
    const first = sycm.plan.days[big]!;
    // Printed "1.8046万": the stored count is the whole number.
    expect(valueOf(first, 'pageViews')!.value).toBe(t[big]!.pageViews);
    expect(valueOf(first, 'bounceRate')!.value).toBe(t[big]!.bounceRate);
    expect(valueOf(first, 'conversionRate')!.value).toBe(t[big]!.conversion);
    expect(valueOf(first, 'avgVisitDuration')!.value).toBe(t[big]!.duration);
    expect(valueOf(first, 'sales')).toMatchObject({ currency: 'CNY' });
    const shopify = await sample('shopify');
    expect(valueOf(shopify.plan.days[0], 'conversionRate')!.value).toBe(TRUTH.shopify[0]!.conversion);
    const amazon = await sample('amazon');
    const a = TRUTH.amazon[200]!;
    const row = amazon.plan.days.find((d) => d.date === a.date)!;
    expect(valueOf(row, 'conversionRate')!.value).toBeCloseTo(a.units / a.visitors, 4);
    expect(valueOf(row, 'unitsOrdered')!.value).toBe(a.units);
  });

  it('never makes a day of a totals or average row, a week row, and counts blank and - cells as no value', async () => {
    const sycm = await sample('sycm');
    expect(sycm.plan.refusals.map((r) => [r.reason, r.text])).toEqual([
      ['total', '合计'],
      ['total', '日均'],
    ]);
    // Two closed days: no duration (blank) and no order value (-): four cells with no number, no zeros.
    expect(sycm.plan.empty).toBe(4);
    const closed = sycm.plan.days.find((d) => d.date.endsWith('-10-02'))!;
    expect(valueOf(closed, 'avgOrderValue')).toBeUndefined();
    expect(valueOf(closed, 'avgVisitDuration')).toBeUndefined();
    expect((await sample('jd')).plan.refusals.map((r) => r.reason)).toEqual(['total']);
    expect((await sample('shopify')).plan.refusals.map((r) => r.reason)).toEqual(['total']);
    expect((await sample('amazon')).plan.refusals).toEqual([]);
    expect((await sample('ga4')).plan.refusals.map((r) => [r.reason, r.text])).toEqual([
      ['total', 'Grand total'],
      ['weekOrMonth', '2025-W01'],
    ]);
  });
});

const textSheet = (rows: string[][]): SheetGrid => ({ name: 't.csv', grid: rows, typed: false });

describe('report files: precision before recall', () => {
  it('refuses what it cannot tell, with the reason, and stores the rest of the row', () => {
    const sheet = textSheet([
      ['日期', '访客数', '跳失率', '支付金额'],
      ['2026-01-05', '100', '72.31', '¥10'],
      ['2026-01-06', '1.5', '0.5', '12%'],
      ['2026-01-07', '-3', '', '¥1,000.50'],
      ['2026-01-07', '5', '', ''],
      ['2099-01-01', '5', '', ''],
      ['一月', '5', '', ''],
    ]);
    const d = detect(sheet)!;
    const p = plan(sheet, d, LATEST);
    expect(p.refusals.map((r) => [r.row, r.reason, r.column ?? ''])).toEqual([
      // A bare 72.31 under a rate header with no (%): its column holds a number over 1, so no bare number in it is a fraction.
      [2, 'unitUnclear', '跳失率'],
      [3, 'badNumber', '访客数'],
      [3, 'unitUnclear', '跳失率'],
      [3, 'wrongUnit', '支付金额'],
      [4, 'negative', '访客数'],
      [5, 'duplicate', '日期'],
      [6, 'future', '日期'],
      [7, 'noDate', '日期'],
    ]);
    expect(p.days.map((x) => [x.date, x.values])).toEqual([
      [
        '2026-01-05',
        [
          { metric: 'visitors', value: 100 },
          { metric: 'sales', value: 10, currency: 'CNY' },
        ],
      ],
      ['2026-01-07', [{ metric: 'sales', value: 1000.5, currency: 'CNY' }]],
    ]);
  });

  it('reads day/month order from the column, and refuses a column that never shows it', () => {
    const us = textSheet([
      ['Date', 'Sessions'],
      ['1/13/2026', '5'],
      ['2/1/2026', '6'],
    ]);
    expect(plan(us, detect(us)!, LATEST).days.map((d) => d.date)).toEqual(['2026-01-13', '2026-02-01']);
    const eu = textSheet([
      ['Date', 'Sessions'],
      ['13/1/2026', '5'],
      ['2/1/2026', '6'],
    ]);
    expect(plan(eu, detect(eu)!, LATEST).days.map((d) => d.date)).toEqual(['2026-01-13', '2026-01-02']);
    const unsure = textSheet([
      ['Date', 'Sessions'],
      ['1/2/2026', '5'],
    ]);
    expect(plan(unsure, detect(unsure)!, LATEST).refusals.map((r) => r.reason)).toEqual(['dateOrder']);
  });

  it('keeps a breakdown column’s rows as parts of the day, and a 合计 source row out', () => {
    const sheet = textSheet([
      ['统计日期', '流量来源', '访客数', '支付转化率(%)'],
      ['2026-01-05', '手淘搜索', '1.2万', '2.5'],
      ['2026-01-05', '直通车', '300', '1.25'],
      ['2026-01-05', '合计', '12300', '2.4'],
    ]);
    const p = plan(sheet, detect(sheet)!, LATEST);
    expect(p.days.map((d) => [d.breakdown, d.values])).toEqual([
      [
        { dimension: '流量来源', key: '手淘搜索' },
        [
          { metric: 'visitors', value: 12000 },
          { metric: 'conversionRate', value: 0.025 },
        ],
      ],
      [
        { dimension: '流量来源', key: '直通车' },
        [
          { metric: 'visitors', value: 300 },
          { metric: 'conversionRate', value: 0.0125 },
        ],
      ],
    ]);
    expect(p.refusals).toEqual([{ row: 4, reason: 'total', text: '合计' }]);
  });

  it('finds no table in a sheet without a date column or a metric header', () => {
    expect(detect(textSheet([['报表'], ['商品', '访客数'], ['a', '1']]))).toBeNull();
    expect(
      detect(
        textSheet([
          ['日期', '备注'],
          ['2026-01-01', 'x'],
        ]),
      ),
    ).toBeNull();
  });
});

describe('report files into the history', () => {
  it('imports a sample, and the same file again changes nothing', async () => {
    const { plan: p } = await sample('sycm');
    const db = await freshDb('storepulse-sheets');
    const csv = toImportCsv(p.days, { site: 'sycm', store: '山茶小铺', preferFile: false, now: noonOf(LATEST) });
    const first = await importData(db, csv, noonOf(LATEST));
    expect(first.rejected).toEqual([]);
    expect(first.added.daily).toBe(p.valueCount);
    const before = await allDays(db);
    const second = await importData(db, csv, noonOf(LATEST));
    expect(second.added.daily).toBe(0);
    expect(second.duplicates.daily).toBe(p.valueCount);
    expect(await allDays(db)).toEqual(before);
  });

  it('keeps a value read from the page for the same day unless the operator prefers the file’s', async () => {
    const db = await freshDb('storepulse-sheets');
    await ingest(db, report([obs('visitors', 4321)], day('2026-11-20')), { url: SYCM_URL, now: noonOf('2026-11-21') });
    const fileDay: PlannedDay = { row: 2, date: '2026-11-20', values: [{ metric: 'visitors', value: 9999 }] };
    const target = { site: 'sycm', store: '小雨的旗舰店', now: noonOf(LATEST) };
    await importData(db, toImportCsv([fileDay], { ...target, preferFile: false }), noonOf(LATEST));
    const visitors = async () => (await allDays(db)).find((d) => d.metric === 'visitors' && d.date === '2026-11-20')!.value;
    expect(await visitors()).toBe(4321);
    await importData(db, toImportCsv([fileDay], { ...target, preferFile: true }), noonOf(LATEST));
    expect(await visitors()).toBe(9999);
  });

  it('property: any report’s days go through StorePulse’s own CSV and come back exactly', async () => {
    const metric = fc.constantFrom<MetricId>('visitors', 'sales', 'bounceRate', 'avgVisitDuration', 'pagesPerVisit');
    const dayArb = fc.record({
      date: fc
        .integer({ min: 0, max: 600 })
        .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
      key: fc.option(
        fc.string({ unit: fc.constantFrom('手', '淘', '=', ',', '"', '\n', 'a', "'", '-', ' '), minLength: 1, maxLength: 8 }),
      ),
      metric,
      value: fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(dayArb, { selector: (d) => `${d.date}|${d.key}|${d.metric}`, maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('店', '铺', '=', '+', ',', '"', 'x', ' '), minLength: 1, maxLength: 10 }),
        async (rows, store) => {
          fc.pre(store.trim() === store && store.length > 0);
          const days: PlannedDay[] = rows.map((r, i) => ({
            row: i + 2,
            date: r.date,
            ...(r.key ? { breakdown: { dimension: '流量来源', key: r.key } } : {}),
            values: [{ metric: r.metric, value: r.value, ...(r.metric === 'sales' ? { currency: 'CNY' } : {}) }],
          }));
          const db = await freshDb('storepulse-sheets-prop');
          const result = await importData(
            db,
            toImportCsv(days, { site: 'sycm', store, preferFile: false, now: noonOf(LATEST) }),
            noonOf(LATEST),
          );
          expect(result.rejected).toEqual([]);
          const stored = await allDays(db);
          expect(stored).toHaveLength(days.length);
          for (const d of days) {
            const hit = stored.find(
              (s) =>
                s.date === d.date &&
                s.metric === d.values[0]!.metric &&
                (s.breakdown?.key ?? null) === (d.breakdown?.key ?? null),
            );
            expect(hit?.value).toBe(d.values[0]!.value);
            expect(hit?.store).toBe(store);
          }
          // And StorePulse's own CSV export of that history imports into an empty history unchanged.
          const again = await freshDb('storepulse-sheets-prop');
          await importData(again, await exportText(db, 'csv', noonOf(LATEST), {}), noonOf(LATEST));
          expect(await allDays(again)).toEqual(stored);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the workbook for people', () => {
  const t = translator('zh-CN', [METRIC_STRINGS, SHEET_STRINGS]);

  it('one sheet per shop with headers in the operator’s language, formatted numbers, and the month review; read back with the reader', async () => {
    const { plan: p } = await sample('sycm');
    const db = await freshDb('storepulse-sheets-people');
    await importData(
      db,
      toImportCsv(p.days, { site: 'sycm', store: '山茶小铺', preferFile: false, now: noonOf(LATEST) }),
      noonOf(LATEST),
    );
    await setTarget(db, { site: 'sycm', store: '山茶小铺', month: '2026-10', amount: 300000, currency: 'CNY', split: 'even' }, 1);
    const json = await exportText(db, 'json', noonOf(LATEST), {});
    const { filename, bytes } = peopleWorkbook(json, t, LATEST);
    expect(filename).toBe(`storepulse-${LATEST}.xlsx`);

    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['山茶小铺', '月度复盘']);
    const shop = sheets[0]!.data;
    expect(shop[0]).toEqual([
      '日期',
      '访客数',
      '浏览量',
      '跳失率',
      '人均浏览量',
      '平均停留时长（秒）',
      '转化率',
      '支付买家数',
      '客单价（CNY）',
      '支付金额（CNY）',
    ]);
    expect(shop).toHaveLength(366);
    const truth = TRUTH.sycm[0]!;
    // The day cell is a date (formatted yyyy-mm-dd), the rate its fraction (formatted 0.00%).
    expect(shop[1]![0]).toEqual(new Date(`${truth.date}T00:00:00Z`));
    expect(shop[1]!.slice(1, 4)).toEqual([truth.visitors, truth.pageViews, truth.bounceRate]);
    expect(shop[1]![9]).toBeCloseTo(truth.sales, 2);

    // Formats are in the sheet: the bounce rate column's cells carry the percent style, money the two-decimal one.
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="0.00%"');
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).toMatch(/<c r="D2" s="2"><v>0\.\d+<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="J2" s="3"><v>[\d.]+<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="A2" s="1"><v>\d+<\/v><\/c>/);

    const review = sheets[1]!.data;
    expect(review[0]).toEqual(['店铺', '月份', '目标', '销售额', '完成率', '去年同月', '同比增长', '已读天数']);
    const october = review.find((r) => r[1] === '2026-10')!;
    const octoberSales = TRUTH.sycm.filter((d) => d.date.startsWith('2026-10')).reduce((s, d) => s + d.sales, 0);
    expect(october[2]).toBe(300000);
    expect(october[3]).toBeCloseTo(octoberSales, 2);
    expect(october[4]).toBeCloseTo(octoberSales / 300000, 6);
    expect(october[7]).toBe(31);
  });

  it('reads back through the report reader to the same days', async () => {
    const { plan: p } = await sample('jd');
    const db = await freshDb('storepulse-sheets-people');
    await importData(
      db,
      toImportCsv(p.days, { site: 'jd', store: '京造好物自营店', preferFile: false, now: noonOf(LATEST) }),
      noonOf(LATEST),
    );
    const { bytes } = peopleWorkbook(await exportText(db, 'json', noonOf(LATEST), {}), t, LATEST);
    const [sheet] = await readSheets(bytes, 'storepulse.xlsx');
    const back = plan(sheet!, detect(sheet!, 'jd')!, LATEST);
    expect(back.refusals).toEqual([]);
    const key = (d: PlannedDay) => d.values.map((v) => `${d.date} ${v.metric} ${v.value}`);
    expect(back.days.flatMap(key).sort()).toEqual(p.days.flatMap(key).sort());
  });

  it('keeps formula-like shop names as text and gives Excel sheet names it accepts', () => {
    expect(sheetNames(['a/b:c', 'A/B:C', 'x'.repeat(40)])).toEqual(['a b c', 'A B C~2', 'x'.repeat(31)]);
    const files = unzipSync(writeXlsx([{ name: '=cmd', rows: [['=1+1', 2]] }]));
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('t="inlineStr"><is><t xml:space="preserve">=1+1</t>');
  });
});

describe('the report reader’s session (the worker’s side)', () => {
  it('previews, follows a changed mapping, and hands over the confirmed days; refusals come back by kind', async () => {
    const session = new SheetSession();
    const buffer = readFileSync(`test/fixtures/reports/${REPORT_FILES.amazon}`);
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    const first = await session.handle({ type: 'read', bytes, name: REPORT_FILES.amazon, latest: LATEST });
    expect(first).toMatchObject({
      type: 'preview',
      preview: { site: 'amazon', dayCount: 365, valueCount: 1825, first: { length: 8 } },
    });
    const units = first.type === 'preview' ? first.preview.columns.find((c) => c.header === 'Units Ordered')!.index : -1;
    const less = await session.handle({ type: 'map', index: units, role: 'ignore' });
    expect(less).toMatchObject({ type: 'preview', preview: { valueCount: 1460 } });
    const csv = await session.handle({ type: 'csv', site: 'amazon', store: 'Maple', preferFile: false, now: 0 });
    expect(csv.type === 'csv' && csv.text.split('\r\n').filter(Boolean)).toHaveLength(1461);
    const xls = readFileSync(`test/fixtures/reports/${REPORT_FILES.xls}`);
    expect(
      await new SheetSession().handle({ type: 'read', bytes: xls.buffer.slice(xls.byteOffset), name: 'a.xls', latest: LATEST }),
    ).toMatchObject({
      type: 'refused',
      kind: 'xls',
    });
    const none = new TextEncoder().encode('备注\n没有表格\n');
    expect(await new SheetSession().handle({ type: 'read', bytes: none.buffer, name: 'a.csv', latest: LATEST })).toMatchObject({
      type: 'refused',
      kind: 'noTable',
    });
  });
});
