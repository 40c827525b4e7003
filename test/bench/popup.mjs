// The popup's first render over fifty shops × three years, for a before-and-after in one sitting:
// builds alternate round by round on one profile holding the history (imported once through the options
// page), each round five warm and five cold opens per build, the order of the builds swapped every round,
// the load average printed beside every round.
//
//   node test/bench/popup.mjs [--rounds 4] [--opens 5] [--views] name=path/to/chrome-mv3 [name=path …]
//
// POPUP_BENCH_DIR keeps the profile between runs (default: a folder in the system's temp dir); every build
// is copied to one path before it is launched, so each has the same extension id and sees the same database.

import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../harness/browser.mjs';
import { startFixtureServer } from '../harness/server.mjs';
import { historyExport } from './history-data.mjs';
import { compactedSize, everyView, importThroughOptions, popupOpen } from './history.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(args.splice(i, 2)[1]);
};
const rounds = option('rounds', 4);
const opens = option('opens', 5);
const views = args.includes('--views') ? (args.splice(args.indexOf('--views'), 1), true) : false;
const builds = args.map((a) => {
  const [name, path] = a.split('=');
  return { name, path: resolve(path) };
});
if (builds.length === 0) throw new Error('name=path/to/chrome-mv3 of at least one build');

const dir = resolve(process.env.POPUP_BENCH_DIR ?? join(tmpdir(), 'storepulse-popup-bench'));
const profile = join(dir, 'profile-50x3');
const extension = join(dir, 'extension');
const SHOPS = 50;
const DAYS = 1095;
const load = () => loadavg()[0].toFixed(1);
const exists = (p) =>
  stat(p).then(
    () => true,
    () => false,
  );

const server = await startFixtureServer({ routes: { 'https://sycm.taobao.com/portal/home.htm': 'sycm/home.html' } });
const launch = () => launchWithExtension({ extensionPath: extension, port: server.port, locale: 'zh-CN', profile });
// The build's files at the one path, and the profile's registration of the worker dropped: Chromium keeps
// an extension's worker script in the profile and would run the previous build's worker otherwise.
const use = async (build) => {
  await rm(extension, { recursive: true, force: true });
  await cp(build.path, extension, { recursive: true });
  await rm(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
};

try {
  await mkdir(dir, { recursive: true });
  if (!(await exists(join(profile, 'imported')))) {
    const file = join(dir, 'history-50x3.json');
    await writeFile(file, JSON.stringify(historyExport({ shops: SHOPS, days: DAYS })));
    await use(builds[0]);
    const ms = await importThroughOptions(await launch(), file, SHOPS * DAYS * 15, true);
    await compactedSize(launch, profile);
    await writeFile(join(profile, 'imported'), `${SHOPS * DAYS * 15} daily values in ${ms} ms\n`);
    console.log(`imported the 50 × 3 history with ${builds[0].name} in ${(ms / 1000).toFixed(1)} s`);
  }

  /** @type {Record<string, { warm: Record<string, number>[], cold: Record<string, number>[] }>} */
  const all = Object.fromEntries(builds.map((b) => [b.name, { warm: [], cold: [] }]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...builds].reverse() : builds;
    for (const build of order) {
      await use(build);
      // The first start registers the worker again; the popup's messages reach it from the next start on.
      await (await launch()).close();
      const before = load();
      const ext = await launch();
      try {
        if (views && r === 0) console.log(`${build.name}: ${(await everyView(ext)).note}`);
        const round = { warm: [], cold: [] };
        for (const kind of ['warm', 'cold'])
          for (let i = 0; i < opens; i++) round[kind].push(await popupOpen(ext, kind === 'cold'));
        for (const kind of ['warm', 'cold']) all[build.name][kind].push(...round[kind]);
        const line = (kind) => round[kind].map((m) => m['storepulse:review-rendered'].toFixed(0)).join(' ');
        console.log(
          `round ${r + 1} ${build.name.padEnd(8)} load ${before}→${load()}  warm ${line('warm')}  cold ${line('cold')}`,
        );
      } finally {
        await ext.close();
      }
    }
  }

  const quantile = (xs, q) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))];
  };
  console.log('\nmedian (quartiles; range) in ms from navigation start, per mark:');
  for (const build of builds)
    for (const kind of ['warm', 'cold']) {
      const opened = all[build.name][kind];
      const names = [...new Set(opened.flatMap((m) => Object.keys(m)))].sort(
        (a, b) =>
          quantile(
            opened.map((m) => m[a] ?? 0),
            0.5,
          ) -
          quantile(
            opened.map((m) => m[b] ?? 0),
            0.5,
          ),
      );
      console.log(`${build.name} ${kind} (${opened.length} opens)`);
      for (const name of names) {
        const xs = opened.map((m) => m[name]).filter((x) => x !== undefined);
        const f = (x) => x.toFixed(0);
        console.log(
          `  ${name.padEnd(34)} ${f(quantile(xs, 0.5)).padStart(5)}  (${f(quantile(xs, 0.25))}–${f(quantile(xs, 0.75))}; ${f(Math.min(...xs))}–${f(Math.max(...xs))})`,
        );
      }
    }
} finally {
  await server.close();
}
