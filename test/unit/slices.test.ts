import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runInSlices, yieldToPage } from '@/core/content/slices';
import { scanPage, scanSteps } from '@/core/reader/scan';
import { siteFor, type PageRead } from '@/core/sites';
import { sycm } from '@/core/sites/sycm';
import { FIXED_SEEDS, generatePage } from '../gen/page';
import { fakeBackground, startSession } from './support/background';
import { listFixtures, summary } from './support/reads';

/**
 * Reads cut into slices: the resumable text pass finds exactly what the pass in one go finds, a read
 * is given up when the page changed during one of its pauses, and a page session on a page that never
 * holds still still reads it.
 */

const NOW = new Date('2026-11-30T03:00:00Z');

function steps(n: number): Generator<void, number> {
  return (function* () {
    for (let i = 0; i < n; i++) yield;
    return n;
  })();
}

describe('runInSlices', () => {
  it('pauses whenever a slice has lasted its time, and counts only the time between pauses', async () => {
    let now = 0;
    let pauses = 0;
    const result = await runInSlices(steps(20), {
      // Each look at the clock is 2 ms of work; each pause lets the page run for 100 ms.
      clock: () => (now += 2),
      pause: async () => {
        pauses++;
        now += 100;
      },
      changed: () => false,
      sliceMs: 8,
    });
    expect(result.done && result.value).toBe(20);
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(result.cost).toBeLessThan(100);
    expect(result.cost).toBeGreaterThan(0);
  });

  it('gives the work up when the page changed during a pause', async () => {
    let now = 0;
    let changes = 0;
    const result = await runInSlices(steps(100), {
      clock: () => (now += 5),
      pause: async () => void changes++,
      changed: () => changes > 1,
      sliceMs: 8,
    });
    expect(result.done).toBe(false);
    expect(changes).toBe(2);
  });

  it('yields to the page for real, and comes back', async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    for (let i = 0; i < 50 && !ran; i++) await yieldToPage(globalThis);
    expect(ran).toBe(true);
  });
});

/**
 * The same read, its text pass run a text node at a time, then matching labels and finding their
 * numbers run step by step, with a real pause between any two steps.
 */
async function slicedRead(url: URL): Promise<PageRead> {
  let pauses = 0;
  const options = { clock: () => 0, pause: () => (pauses++, yieldToPage(globalThis)), changed: () => false, sliceMs: 0 };
  const scan = await runInSlices(scanSteps(document, { step: 1 }), options);
  if (!scan.done) throw new Error('the sliced scan was given up on a page that did not change');
  expect(pauses).toBeGreaterThan(0);
  const read = await runInSlices(siteFor(url)!.readSteps(document, { url, now: NOW, scan: scan.value }), options);
  if (!read.done) throw new Error('the sliced read was given up on a page that did not change');
  return read.value;
}

const noScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/gi, '');

describe('a read in slices reads exactly what a read in one go reads', () => {
  const dirs = ['sycm', 'sycm-redesign', 'jd', 'douyin', 'pdd', 'shopee', 'shopify', 'amazon', 'ga4'];
  const fixtures = dirs.flatMap((d) => listFixtures(d)).filter((f) => siteFor(new URL(f.url)));

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    document.documentElement.innerHTML = noScripts(readFileSync(f.htmlPath, 'utf8'));
    const url = new URL(f.url);
    const whole = siteFor(url)!.read(document, { url, now: NOW });
    expect(summary(await slicedRead(url))).toEqual(summary(whole));
  });

  it('on generated pages of every platform and layout', async () => {
    let found = 0;
    for (const seed of FIXED_SEEDS.slice(0, 30)) {
      const page = generatePage(seed, { now: NOW });
      document.documentElement.innerHTML = noScripts(page.html);
      const url = new URL(page.url);
      const whole = siteFor(url)!.read(document, { url, now: NOW });
      found += whole.found.length;
      expect(summary(await slicedRead(url)), `seed ${seed}`).toEqual(summary(whole));
    }
    expect(found).toBeGreaterThan(50);
  }, 120_000);

  it('pauses between label hits too, and still reads what the read in one go reads', async () => {
    const cards = Array.from({ length: 12 }, (_, i) => `<div class="card"><div>访客数</div><div>${1000 + i}</div></div>`).join(
      '',
    );
    document.body.innerHTML = `<div class="card"><div>跳失率</div><div>72.31%</div></div>${cards}`;
    const url = new URL('https://sycm.taobao.com/portal/home.htm');
    const whole = sycm.read(document, { url, now: NOW });
    const steps = sycm.readSteps(document, { url, now: NOW });
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // Too few texts for the text pass to pause: every pause here is the recogniser's, between its label hits.
    expect(pauses).toBeGreaterThan(0);
    expect(summary(r.value)).toEqual(summary(whole));
    expect(whole.found.map((f) => f.observed.metric).sort()).toEqual(['bounceRate', 'visitors']);
  });

  it('finds in steps what the pass in one go finds, for any step', () => {
    document.documentElement.innerHTML = noScripts(readFileSync(listFixtures('sycm')[0]!.htmlPath, 'utf8'));
    const whole = scanPage(document);
    for (const step of [1, 3, 64]) {
      const it = scanSteps(document, { step });
      let r = it.next();
      while (!r.done) r = it.next();
      expect(r.value).toEqual(whole);
    }
  });
});

describe('a page session on a page that never holds still', () => {
  let controller: AbortController | undefined;
  afterEach(() => controller?.abort());

  it('gives up reads the page changed under, then reads it in one go, and reports only values that held', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `<span>行 ${i}</span>`).join('');
    document.body.innerHTML = `<div class="card"><div>跳失率</div><div class="v">72.31%</div></div><p id="clock">0</p>${filler}`;
    const clock = document.getElementById('clock')!;
    // A ticker that changes the page every few milliseconds, in every pause a read makes.
    let tick = 0;
    const ticker = setInterval(() => (clock.textContent = String(++tick)), 2);
    const bg = fakeBackground();
    controller = new AbortController();
    const session = startSession(bg, controller.signal, sycm);
    // A page that never holds still settles a value once it held for STEADY_MS; how soon depends on the machine.
    for (let waited = 0; bg.reports.length === 0 && waited < 25_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    clearInterval(ticker);
    expect(session.reads).toBeGreaterThan(0);
    expect(bg.reports.flatMap((r) => r.observed.map((o) => [o.metric, o.value]))).toEqual([['bounceRate', 0.7231]]);
  }, 40_000);
});
