// Benchmarks of the history: ingest, queries, import, size on disk, and the popup's first render over
// two years of ten shops. Called by run.mjs; `node test/bench/history.mjs` runs it alone.

import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { launchWithExtension } from '../harness/browser.mjs';
import { startFixtureServer } from '../harness/server.mjs';
import { historyExport, readingReports } from './history-data.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** @param {(name: string, value: string, unit: string, budget: string, pass: boolean | null, note?: string) => void} record */
export async function benchHistory(record, { extension = resolve('.output/chrome-mv3') } = {}) {
  const file = historyExport({ shops: 10, days: 730 });
  const text = JSON.stringify(file);
  const shape = `10 shops × 730 days × 15 series = ${file.daily.length.toLocaleString('en-US')} daily values`;

  // The storage modules in Chromium's own IndexedDB, on an https page.
  const bundle = await build({
    entryPoints: [resolve('test/bench/history-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'StorePulseHistory',
    write: false,
    minify: true,
    alias: { '@': resolve('.') },
  });
  const server = await startFixtureServer({ routes: { 'https://sycm.taobao.com/portal/home.htm': 'sycm/home.html' } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto('https://sycm.taobao.com/portal/home.htm');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });

    const reports = readingReports(10_000);
    const ingestMs = await page.evaluate(async (r) => {
      const t0 = performance.now();
      await StorePulseHistory.ingestAll('bench-ingest', r, Date.now());
      return performance.now() - t0;
    }, reports);
    record(
      'ingest 10,000 readings (1,000 reports of 10)',
      ingestMs.toFixed(0),
      'ms',
      '',
      null,
      `${((ingestMs / 10_000) * 1000).toFixed(0)} µs a reading, one transaction a report, as the worker does`,
    );

    const importMs = await page.evaluate(async (t) => {
      const db = await StorePulseHistory.openDatabase('bench-history');
      const t0 = performance.now();
      const report = await StorePulseHistory.importData(db, t);
      const ms = performance.now() - t0;
      db.close();
      if (report.added.daily !== JSON.parse(t).daily.length) throw new Error('import lost days');
      return ms;
    }, text);
    record(
      'import a two-year history file',
      (importMs / 1000).toFixed(1),
      's',
      '',
      null,
      `${shape}; ${(text.length / 1e6).toFixed(1)} MB of JSON`,
    );

    const query = await page.evaluate(async () => {
      const db = await StorePulseHistory.openDatabase('bench-history');
      const times = [];
      let n = 0;
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        const days = await StorePulseHistory.dailySeries(db, 'sycm', `店铺${(i % 5) * 2}`, 'sales', '2026-08-29', '2026-11-26');
        times.push(performance.now() - t0);
        n = days.length;
      }
      const t0 = performance.now();
      await StorePulseHistory.compact(db, Date.now());
      const compactMs = performance.now() - t0;
      db.close();
      times.sort((a, b) => a - b);
      return { ms: times[10], n, compactMs };
    });
    record(
      '90-day trend query (one shop, one metric)',
      query.ms.toFixed(1),
      'ms',
      '',
      null,
      `${query.n} days returned, median of 21, over ${shape}`,
    );
    record(
      'retention pass with nothing to fold',
      query.compactMs.toFixed(1),
      'ms',
      '',
      null,
      'runs at most every 6 hours after a report',
    );
  } finally {
    await browser.close();
    await server.close();
  }

  // The extension itself: import through the options page, size on disk, the popup's first render.
  const ext = await launchWithExtension({ extensionPath: extension, port: server.port, locale: 'zh-CN' });
  try {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const imported = await options.evaluate(async (t) => {
      const reply = await chrome.runtime.sendMessage({ type: 'importData', payload: { text: t } });
      if (reply.error) throw new Error(reply.error);
      return reply.added.daily;
    }, text);
    if (imported !== file.daily.length) throw new Error(`imported ${imported} of ${file.daily.length} days`);
    await options.close();

    const dir = resolve(ext.userDataDir, 'Default/IndexedDB', `chrome-extension_${ext.extensionId}_0.indexeddb.leveldb`);
    const bytes = Number(
      execSync(`du -sb ${JSON.stringify(dir)}`)
        .toString()
        .split('\t')[0],
    );
    record(
      'database on disk, two years of ten shops',
      (bytes / 1e6).toFixed(1),
      'MB',
      '',
      null,
      `${shape}; LevelDB folder of the extension's origin, before compaction by LevelDB`,
    );

    const renders = [];
    const paints = [];
    for (let i = 0; i < 5; i++) {
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await popup.waitForFunction(() => performance.getEntriesByName('storepulse:review-painted').length > 0, null, {
        timeout: 30_000,
      });
      const [rendered, painted] = await popup.evaluate(() =>
        ['storepulse:review-rendered', 'storepulse:review-painted'].map((n) => performance.getEntriesByName(n)[0].startTime),
      );
      renders.push(rendered);
      paints.push(painted);
      await popup.close();
    }
    const first = median(renders);
    record(
      'popup first render of the review, two years of ten shops',
      first.toFixed(0),
      'ms',
      '≤ 150 ms',
      first <= 150,
      `median of 5, from navigation start to the review committed to the page (painted in the next frame: ${median(paints).toFixed(0)} ms); ${shape}`,
    );
  } finally {
    await ext.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchHistory((name, value, unit, budget, pass, note = '') =>
    console.log(
      `${pass === null ? '  ' : pass ? 'ok' : '!!'} ${name}: ${value} ${unit}${budget ? ` (budget ${budget})` : ''}${note ? ` — ${note}` : ''}`,
    ),
  );
}
