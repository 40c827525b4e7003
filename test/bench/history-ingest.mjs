// Ingest alone, for a before-and-after in one sitting: `node test/bench/history-ingest.mjs [dir ...]`
// bundles `test/bench/history-entry.ts` of each checkout named (this one when none is), then runs
// `ingestAll` over 10,000 readings (1,000 reports of 10) for each in turn, BENCH_ROUNDS times (3), the
// checkouts' order swapped every round, each run in a fresh page and database. Prints ms a reading and the
// load average when each run started.

import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { startFixtureServer } from '../harness/server.mjs';
import { readingReports } from './history-data.mjs';
import { plainChromium } from './plain-chromium.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const READINGS = 10_000;

/** The storage modules of checkout `dir`, bundled for a page (packages from this checkout when it has none). */
async function bundleOf(dir) {
  const out = await build({
    entryPoints: [resolve(dir, 'test/bench/history-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'StorePulseHistory',
    write: false,
    minify: true,
    alias: { '@': resolve(dir) },
    nodePaths: [resolve('node_modules')],
  });
  return out.outputFiles[0].text;
}

/** ms a reading of `ingestAll` over `reports`, in a fresh page of `browser`. */
export async function ingestPerReading(browser, bundle, reports, name = 'bench-ingest') {
  const page = await browser.newPage();
  try {
    await page.goto('https://sycm.taobao.com/portal/home.htm');
    await page.addScriptTag({ content: bundle });
    const ms = await page.evaluate(
      async ({ r, name }) => {
        const t0 = performance.now();
        await StorePulseHistory.ingestAll(name, r, Date.now());
        return performance.now() - t0;
      },
      { r: reports, name },
    );
    return ms / reports.flatMap((r) => r.observed).length;
  } finally {
    await page.close();
  }
}

async function main() {
  const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.'];
  const bundles = await Promise.all(dirs.map(bundleOf));
  const reports = readingReports(READINGS);
  const server = await startFixtureServer({ routes: { 'https://sycm.taobao.com/portal/home.htm': 'sycm/home.html' } });
  const browser = await plainChromium(server.port);
  const results = dirs.map(() => []);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = dirs.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const load = loadavg()[0].toFixed(1);
        const ms = await ingestPerReading(browser, bundles[i], reports, `bench-ingest-${round}-${i}`);
        results[i].push(ms);
        console.log(`round ${round + 1} ${dirs[i]}: ${ms.toFixed(3)} ms a reading (load ${load})`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const [i, dir] of dirs.entries()) {
    const xs = [...results[i]].sort((a, b) => a - b);
    console.log(`${dir}: median ${xs[Math.floor(xs.length / 2)].toFixed(3)} ms (${xs[0].toFixed(3)}–${xs.at(-1).toFixed(3)})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
