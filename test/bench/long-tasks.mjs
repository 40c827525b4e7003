// Where the long tasks of the `big` bench part come from: the same 60k-element page with 10 numbers changing
// every second and the CPU slowed 4×, recorded with CDP tracing (every task of the page's main thread) and
// the V8 CPU profiler (which functions ran inside each long task). Prints each task over 50 ms with its
// parts: the content script's functions by self time, garbage collection, style and layout, the page's own
// script. Nothing is written; the numbers go to BENCHMARKS.md by hand.
//
//   node test/bench/long-tasks.mjs            (BENCH_EXTENSION: another build; BENCH_BIG_SECONDS: how long)
//   BENCH_NO_EXTENSION=1 node test/bench/long-tasks.mjs   (the page alone)
//
// A build with `minify: false` in wxt.config.ts names the content script's functions; the shipped build's
// are terser's one-letter names (the file and line still say where they are).

import { resolve } from 'node:path';
import { launchWithExtension } from '../harness/browser.mjs';
import { startFixtureServer } from '../harness/server.mjs';
import { syntheticPage } from './page.mjs';
import { plainChromium } from './plain-chromium.mjs';

const EXTENSION = resolve(process.env.BENCH_EXTENSION ?? '.output/chrome-mv3');
const SECONDS = Number(process.env.BENCH_BIG_SECONDS ?? 30);
const LONG_MS = 50;
const PAGE = 'https://sycm.taobao.com/portal/live-60k.htm';

const server = await startFixtureServer();
server.serve(PAGE, syntheticPage(60000));
let context;
let closeAll;
if (process.env.BENCH_NO_EXTENSION) {
  const browser = await plainChromium(server.port);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  closeAll = () => browser.close();
} else {
  const ext = await launchWithExtension({ extensionPath: EXTENSION, port: server.port, locale: 'zh-CN' });
  context = ext.context;
  closeAll = () => ext.close();
}

const page = await context.newPage();
const cdp = await context.newCDPSession(page);
// The Long Tasks API's own entries (what the `big` bench part counts), to be lined up with the trace's tasks.
await page.addInitScript(() => {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
});
await page.goto(PAGE);
await page.waitForTimeout(3000);

const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: {
    includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'],
  },
});
await cdp.send('Profiler.start');
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
// A user-timing mark ties the page's clock (performance.now) to the trace's.
const syncAt = await page.evaluate(() => {
  globalThis.__longTasks.length = 0; // the page's load is not part of the run
  return performance.mark('storepulse-sync').startTime;
});
await page.evaluate((seconds) => {
  const cells = [...document.querySelectorAll('.cards .v, tbody td:nth-child(2) span')].slice(0, 10);
  let tick = 0;
  const timer = setInterval(() => {
    tick++;
    for (const v of cells) v.textContent = (Number(v.textContent.replace(/[^\d]/g, '')) + 1).toLocaleString('en-US');
    if (tick >= seconds) clearInterval(timer);
  }, 1000);
}, SECONDS);
await page.waitForTimeout(SECONDS * 1000 + 1500);
const apiTasks = await page.evaluate(() => globalThis.__longTasks);
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await complete;
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await closeAll();
await server.close();

// The renderer's main thread: the thread that ran the most FunctionCall events.
const calls = new Map();
for (const e of events) if (e.name === 'FunctionCall') calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = [...calls.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number');
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= LONG_MS * 1000).sort((a, b) => a.ts - b.ts);

// Self time per profile node, by the sample's time.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const stamps = [];
let t = profile.startTime;
for (let k = 0; k < profile.samples.length; k++) {
  t += profile.timeDeltas[k];
  stamps.push(t);
}
const where = (frame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-1)[0]}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
/** The content script's frame nearest the sample's leaf with two of its callers, else the leaf. */
function ours(id) {
  const chain = [];
  for (let cur = id; cur !== undefined && chain.length < 3; cur = parent.get(cur)) {
    const f = nodes.get(cur).callFrame;
    if (f.url.startsWith('chrome-extension://')) chain.push(where(f));
  }
  if (chain.length) return `ext ${chain.join(' ← ')}`;
  const leaf = nodes.get(id).callFrame;
  return leaf.url ? `page ${where(leaf)}` : leaf.functionName;
}

const first = onMain[0]?.ts ?? 0;
const sync = events.find((e) => e.name === 'storepulse-sync');
/** A Long Tasks API entry's start on the trace's clock (µs), when the mark made it into the trace. */
const apiTs = (start) => (sync ? sync.ts + (start - syncAt) * 1000 : NaN);
const counted = (task) => apiTasks.some((a) => Math.abs(apiTs(a.start) - task.ts) < 5000);
const NAMES = [
  'FunctionCall',
  'TimerFire',
  'V8.GC_SCAVENGER',
  'MinorGC',
  'MajorGC',
  'V8.GCFinalizeMC',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'PrePaint',
  'Layerize',
  'HitTest',
  'EventDispatch',
  'RunMicrotasks',
  'FireAnimationFrame',
  'ParseHTML',
];
// A frame's rendering (style, layout, paint) is no long task to the Long Tasks API (it is to Long Animation
// Frames): tasks that are mostly rendering are counted apart.
const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'];
let rendering = 0;
const partsOf = (task) => {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const parts = new Map();
  for (const e of inside) if (NAMES.includes(e.name)) parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
  return parts;
};
console.log(`${tasks.length} tasks over ${LONG_MS} ms in ${SECONDS} s (main thread ${main}):`);
for (const task of tasks) {
  const parts = partsOf(task);
  const drawing = RENDERING.reduce((sum, n) => sum + (parts.get(n) ?? 0), 0);
  if (drawing > task.dur / 2000 && !parts.has('FunctionCall') && !parts.has('TimerFire') && !(sync && counted(task))) {
    rendering++;
    continue;
  }
  const fns = new Map();
  for (let k = 0; k < stamps.length; k++) {
    if (stamps[k] < task.ts || stamps[k] > task.ts + task.dur) continue;
    const key = ours(profile.samples[k]);
    fns.set(key, (fns.get(key) ?? 0) + (profile.timeDeltas[k + 1] ?? 200) / 1000);
  }
  const api = sync ? (counted(task) ? ' (a long task to the API)' : ' (not seen by the API)') : '';
  console.log(`\n— at ${((task.ts - first) / 1e6).toFixed(1)} s: ${(task.dur / 1000).toFixed(0)} ms${api}`);
  console.log('  ' + [...parts].map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', '));
  for (const [k, ms] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`    ${ms.toFixed(1).padStart(6)} ms  ${k}`);
}
console.log(
  `\nThe Long Tasks API saw ${apiTasks.length}: ${apiTasks.map((a) => `${a.duration.toFixed(0)} ms at ${sync ? ((apiTs(a.start) - first) / 1e6).toFixed(1) : '?'} s`).join(', ') || 'none'}.`,
);
console.log(`${rendering} of the ${tasks.length} were a frame's rendering (style, layout, paint) with no script in them.`);
