// What the day's curves cost: a year of intraday curves for ten shops on disk (written, then thinned as
// the worker thins them), and what keeping the curve adds to ingesting a real-time board's report.
// Called by run.mjs; `node test/bench/curves.mjs` runs it alone (and prints the rows).

import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../harness/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const URL = 'https://sycm.taobao.com/portal/home.htm';
const TODAY = '2026-11-30';

/** @param {(name: string, value: string, unit: string, budget: string, pass: boolean | null, note?: string) => void} record */
export async function benchCurves(record) {
  const server = await startFixtureServer({ routes: { [URL]: 'sycm/home.html' } });
  const bundle = await build({
    entryPoints: [resolve('test/bench/curves-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'StorePulseCurves',
    write: false,
    minify: true,
    alias: { '@': resolve('.') },
  });
  const work = await mkdtemp(join(tmpdir(), 'storepulse-curves-'));
  /** Opens the profile's page with the bundle, runs `fn`, closes. */
  const inPage = async (profile, fn, arg) => {
    const ctx = await chromium.launchPersistentContext(profile, {
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
      const page = await ctx.newPage();
      await page.goto(URL);
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      const out = await page.evaluate(fn, arg);
      await new Promise((r) => setTimeout(r, 3000));
      return out;
    } finally {
      await ctx.close();
    }
  };
  /** The origin's LevelDB folder, after a reopen (LevelDB folds its log into tables on open). */
  const onDisk = async (profile) => {
    await inPage(profile, async () => {
      const open = indexedDB.open('storepulse');
      await new Promise((ok) => (open.onsuccess = ok));
      open.result.close();
    });
    const dir = join(profile, 'Default/IndexedDB/https_sycm.taobao.com_0.indexeddb.leveldb');
    return Number(
      execSync(`du -sb ${JSON.stringify(dir)}`)
        .toString()
        .split('\t')[0],
    );
  };
  try {
    const empty = join(work, 'empty');
    await inPage(empty, async () => (await StorePulseCurves.writeYear('storepulse', 0, '2026-11-30')).curves);
    const base = await onDisk(empty);
    const year = join(work, 'year');
    const w = await inPage(year, async (today) => StorePulseCurves.writeYear('storepulse', 10, today), TODAY);
    const bytes = (await onDisk(year)) - base;
    record(
      'a year of intraday curves, 10 shops, on disk',
      (bytes / 1e6).toFixed(2),
      'MB',
      '≤ 20 MB',
      bytes <= 20e6,
      `${w.curves.toLocaleString('en-US')} curves (10 shops × 365 days × 7 series: sales, visitors, paid buyers, orders, visitors of 3 sources), every 10-minute slot read; the last 56 days at 144 slots, ${w.thinned.toLocaleString('en-US')} older ones thinned to 24 hourly points; LevelDB folder after a reopen, less an empty database (${(base / 1e3).toFixed(0)} kB)`,
    );
    record(
      'thinning a year of curves, 10 shops',
      (w.thinMs / 1000).toFixed(1),
      's',
      '',
      null,
      `${w.thinned.toLocaleString('en-US')} curves, in transactions of 200; runs with the retention pass, at most every 6 hours`,
    );
    const ingest = await inPage(join(work, 'ingest'), async () => ({
      board: await StorePulseCurves.ingestBoard('a', 300, true, Date.parse('2026-11-30T00:00:00+08:00')),
      day: await StorePulseCurves.ingestBoard('b', 300, false, Date.parse('2026-11-30T00:00:00+08:00')),
    }));
    record(
      'ingest a reading of a real-time board, curves kept',
      ingest.board.toFixed(3),
      'ms',
      'no more than the same reports without curves',
      ingest.board <= ingest.day,
      `300 reports of 10 readings a minute apart (7 of them extend a curve), one transaction a report; the same reports as a closed day's (no curve, and every change kept as a reading where a real-time board's replace each other): ${ingest.day.toFixed(3)} ms a reading`,
    );
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCurves((name, value, unit, budget, pass, note) =>
    console.log(
      `| ${name} | ${value} ${unit} | ${budget || '—'} | ${pass === null ? '—' : pass ? 'met' : '**missed**'} | ${note ?? ''} |`,
    ),
  );
}
