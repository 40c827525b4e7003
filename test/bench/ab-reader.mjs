// A side-by-side of the reader in two checkouts, for a loaded machine: both bundles in one page,
// alternating, so that the machine's load moves both alike. Not part of `npm run bench`.
//   node test/bench/ab-reader.mjs <other checkout> [rounds]
// Prints, per synthetic page and round, each side's later read and bare pass (medians of 15) and the
// median of the ratios of a read to the bare pass timed right before it. A later read is a page
// session's (`readInSession`, which keeps what reads found between them) where the checkout has one.
// AB_CHANGE=n: before every read, n numbers of the page change (a live page), so a later read has
// something new to read; each read comes after the page's next frame, as a session's read comes after
// its quiet wait.

import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { syntheticPage } from './page.mjs';

const [other, rounds = '5'] = process.argv.slice(2);
const change = Number(process.env.AB_CHANGE ?? 0);
if (!other) {
  console.error('usage: node test/bench/ab-reader.mjs <other checkout> [rounds]');
  process.exit(2);
}
const bundleOf = async (source, globalName) =>
  (
    await build({
      entryPoints: [resolve(source, 'test/bench/reader-entry.ts')],
      bundle: true,
      format: 'iife',
      globalName,
      write: false,
      minify: true,
      alias: { '@': resolve(source) },
    })
  ).outputFiles[0].text;
const sides = { here: await bundleOf('.', 'BenchHere'), other: await bundleOf(other, 'BenchOther') };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true });
const page = await browser.newPage();
for (const [size, adversarial] of [
  [50000, true],
  [50000, false],
]) {
  await page.setContent(syntheticPage(size, { adversarial }));
  await page.addScriptTag({ content: sides.here + sides.other });
  const name = `${size / 1000}k${adversarial ? ' adversarial' : ''}`;
  for (let round = 0; round < Number(rounds); round++) {
    const m = await page.evaluate(async (change) => {
      const bare = () => {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n = 0;
        for (let t = w.nextNode(); t; t = w.nextNode()) n += t.data.length;
        return n;
      };
      const once = (fn) => {
        const t0 = performance.now();
        fn();
        return performance.now() - t0;
      };
      const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      // The page's numbers that may change: texts of digits alone, as a live board rewrites them.
      const numbers = [];
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) if (/^[\d,.]+$/.test(t.data.trim())) numbers.push(t);
      let tick = 0;
      const move = () => {
        for (let k = 0; k < change; k++) {
          const t = numbers[(tick * 7919 + k * 104729) % numbers.length];
          if (t.parentElement) t.parentElement.textContent = String((tick * 31 + k) % 9973);
          numbers[(tick * 7919 + k * 104729) % numbers.length] = t.parentElement?.firstChild ?? t;
        }
        tick++;
      };
      const sides = ['here', 'other'].map((side) => {
        const B = globalThis[side === 'here' ? 'BenchHere' : 'BenchOther'];
        const hosts = B.findShadowHosts(document);
        const later = B.readInSession ?? B.readWithHosts;
        for (let i = 0; i < 3; i++) (later(document, hosts), bare());
        return { side, B, hosts, later, ratios: [], reads: [], bares: [] };
      });
      // Each sample times a bare pass right before each side's read, the sides taking turns.
      for (let i = 0; i < 15; i++) {
        for (const s of sides) {
          move();
          // The page lays itself out after a change before a session's read comes (QUIET_MS later).
          if (change) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const b = once(bare);
          const r = once(() => s.later(document, s.hosts));
          s.bares.push(b);
          s.reads.push(r);
          s.ratios.push(r / b);
        }
      }
      const out = {};
      for (const s of sides)
        out[s.side] = {
          bare: median(s.bares),
          read: median(s.reads),
          ratio: median(s.ratios),
          found: s.later(document, s.hosts).found.length,
        };
      return out;
    }, change);
    const f = (s) =>
      `read ${s.read.toFixed(1)} ms, bare ${s.bare.toFixed(2)} ms, median ratio ${s.ratio.toFixed(2)}× (${s.found} values)`;
    console.log(`${name} round ${round + 1}: here ${f(m.here)}; other ${f(m.other)}`);
  }
}
await browser.close();
