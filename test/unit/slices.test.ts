import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_KIT, type Wanted } from '@/core/content/badge';
import { PageSession } from '@/core/content/session';
import { runInSlices, SLICE_MS, yieldToPage } from '@/core/content/slices';
import { BADGE_SCREEN } from '@/core/background/badge-words';
import { translator } from '@/core/i18n';
import { LabelMatcher } from '@/core/reader/labels';
import { PageMemo } from '@/core/reader/memo';
import { recognise } from '@/core/reader/recognise';
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

/** A small deterministic random source, so a failure replays. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

/** One change of the kinds a live back office makes: a number rewritten, a card added or removed, a node moved. */
function change(r: ReturnType<typeof rng>): void {
  const numbers: Text[] = [];
  const w = document.createTreeWalker(document.body, 4);
  for (let t = w.nextNode() as Text | null; t; t = w.nextNode() as Text | null) if (/\d/.test(t.data)) numbers.push(t);
  const elements = Array.from(document.body.querySelectorAll('div,span,td,p,li'));
  const el = elements.length ? r.pick(elements) : document.body;
  switch (r.int(5)) {
    case 0:
    case 1:
      if (numbers.length) r.pick(numbers).data = r.pick(['72.31%', '1,234', '3.4万', '¥88.00', '2026-11-24', '49']);
      return;
    case 2:
      el.insertAdjacentHTML(
        'afterend',
        `<div class="card"><div>${r.pick(['访客数', '跳失率', 'Sessions'])}</div><div>${r.int(9999)}</div></div>`,
      );
      return;
    case 3:
      if (el !== document.body) el.remove();
      return;
    default: {
      const to = r.pick(elements.length ? elements : [document.body]);
      if (el !== document.body && !el.contains(to)) to.appendChild(el);
    }
  }
}

describe('sliced reads through the memo while the page changes between slices', () => {
  /**
   * Reads as a page session does: through one memo, pausing after every step, the page changing in some
   * pauses. A read whose pauses saw a change is given up; every read that ends equals a read in one go,
   * without the memo, of the page as it is then — never a mix of two states.
   */
  async function readWhileChanging(url: URL, seed: number): Promise<{ ended: number; givenUp: number; found: number }> {
    const site = siteFor(url)!;
    const memo = new PageMemo(document);
    let changed = false;
    const observer = new MutationObserver(() => (changed = true));
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const r = rng(seed);
    let ended = 0;
    let givenUp = 0;
    let found = 0;
    for (let round = 0; round < 6; round++) {
      // Some reads see no change (they end), some see one at a random pause (they are given up).
      const at = r.next() < 0.5 ? r.int(40) : -1;
      let pauses = 0;
      changed = false;
      const read = await runInSlices(site.readSteps(document, { url, now: NOW, memo }), {
        clock: () => 0,
        sliceMs: 0,
        pause: async () => {
          if (pauses++ === at) change(r);
          await yieldToPage(globalThis);
        },
        changed: () => observer.takeRecords().length > 0 || changed,
      });
      if (!read.done) {
        givenUp++;
        continue;
      }
      ended++;
      const whole = site.read(document, { url, now: NOW });
      expect(summary(read.value), `${url.href} seed ${seed} round ${round}`).toEqual(summary(whole));
      found += whole.found.length;
      // Between reads the page moves on as well.
      if (r.next() < 0.5) change(r);
    }
    observer.disconnect();
    memo.disconnect();
    return { ended, givenUp, found };
  }

  const dirs = ['sycm', 'sycm-redesign', 'jd', 'douyin', 'pdd', 'shopee', 'shopify', 'amazon', 'ga4'];
  const fixtures = dirs.flatMap((d) => listFixtures(d)).filter((f) => siteFor(new URL(f.url)));

  it('on every saved page', async () => {
    let ended = 0;
    let givenUp = 0;
    for (const [k, f] of fixtures.entries()) {
      document.documentElement.innerHTML = noScripts(readFileSync(f.htmlPath, 'utf8'));
      const n = await readWhileChanging(new URL(f.url), 11 + k);
      ended += n.ended;
      givenUp += n.givenUp;
    }
    // Both branches ran: reads that ended and were compared, reads given up.
    expect(ended).toBeGreaterThan(fixtures.length);
    expect(givenUp).toBeGreaterThan(0);
  }, 120_000);

  it('on generated pages of every platform and layout', async () => {
    let found = 0;
    for (const seed of FIXED_SEEDS.slice(0, 30)) {
      const page = generatePage(seed, { now: NOW });
      document.documentElement.innerHTML = noScripts(page.html);
      found += (await readWhileChanging(new URL(page.url), seed)).found;
    }
    expect(found).toBeGreaterThan(200);
  }, 120_000);

  it('reads a date picker added after the first read (the inputs are kept by the memo)', () => {
    document.body.innerHTML = '<div class="card"><div>访客数</div><div>3,482</div></div>';
    const url = new URL('https://sycm.taobao.com/portal/home.htm');
    const memo = new PageMemo(document);
    expect(sycm.read(document, { url, now: NOW, memo }).period.kind).toBe('unknown');
    document.body.insertAdjacentHTML('afterbegin', '<input value="2026-11-20 ~ 2026-11-26">');
    const later = sycm.read(document, { url, now: NOW, memo });
    expect(later.period).toEqual({ kind: 'range', start: '2026-11-20', end: '2026-11-26' });
    expect(later.period).toEqual(sycm.read(document, { url, now: NOW }).period);
    memo.disconnect();
  });
});

describe('a table column read in slices', () => {
  const url = new URL('https://sycm.taobao.com/portal/home.htm');
  const tablePage = (rows: number) =>
    `<div class="card"><div>跳失率</div><div>72.31%</div></div><table><thead><tr><th>商品名称</th><th>访客数</th><th>支付金额</th></tr></thead><tbody>` +
    Array.from(
      { length: rows },
      (_, i) => `<tr><td>商品 ${i}</td><td>${1000 + i}</td><td>¥${(i * 3.5).toFixed(2)}</td></tr>`,
    ).join('') +
    '</tbody></table>';
  const pausesOf = (html: string) => {
    document.body.innerHTML = html;
    const steps = sycm.readSteps(document, { url, now: NOW });
    let pauses = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) pauses++;
    return pauses;
  };

  it("pauses between a column's rows, and reads what the read in one go reads", async () => {
    // Every row of 60 costs the same pauses as one row does, but for the column's own: the rows are
    // worked out once (visibility, then their names) and each metric's column read, pausing every few rows.
    expect(pausesOf(tablePage(60)) - pausesOf(tablePage(1))).toBeGreaterThan(20);
    document.body.innerHTML = tablePage(60);
    const whole = sycm.read(document, { url, now: NOW });
    expect(whole.found.filter((f) => f.observed.breakdown).length).toBe(120);
    expect(summary(await slicedRead(url))).toEqual(summary(whole));
  });

  /** Changes a live table makes: a cell rewritten, a row removed, a row added, a row moved to the top. */
  function changeTable(kind: number, r: ReturnType<typeof rng>): void {
    const body = document.querySelector('tbody')!;
    const rows = body.querySelectorAll('tr');
    const row = rows[r.int(rows.length)]!;
    if (kind === 0) row.children[1]!.textContent = String(r.int(99999));
    else if (kind === 1) row.remove();
    else if (kind === 2)
      row.insertAdjacentHTML('afterend', `<tr><td>新商品 ${r.int(99)}</td><td>${r.int(999)}</td><td>¥1.00</td></tr>`);
    else body.prepend(row);
  }

  it('gives the read up when the table changed at any of its pauses; the next read equals a read in one go', async () => {
    const total = pausesOf(tablePage(40));
    const r = rng(7);
    let givenUp = 0;
    for (let at = 0; at < total; at++) {
      document.body.innerHTML = tablePage(40);
      const memo = new PageMemo(document);
      let changed = false;
      const observer = new MutationObserver(() => (changed = true));
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      let pauses = 0;
      const options = (change: boolean) => ({
        clock: () => 0,
        sliceMs: 0,
        pause: async () => {
          if (change && pauses++ === at) changeTable(at % 4, r);
          await yieldToPage(globalThis);
        },
        changed: () => observer.takeRecords().length > 0 || changed,
      });
      const first = await runInSlices(sycm.readSteps(document, { url, now: NOW, memo }), options(true));
      expect(first.done, `a change at pause ${at} of ${total}`).toBe(false);
      givenUp++;
      changed = false;
      const next = await runInSlices(sycm.readSteps(document, { url, now: NOW, memo }), options(false));
      if (!next.done) throw new Error(`the read after pause ${at} was given up on a page that did not change`);
      expect(summary(next.value), `after a change at pause ${at}`).toEqual(summary(sycm.read(document, { url, now: NOW })));
      observer.disconnect();
      memo.disconnect();
    }
    expect(givenUp).toBe(total);
  }, 120_000);
});

describe("a later read and a text's next element", () => {
  const values = (matcher: LabelMatcher) => recognise(document, { matcher }).map((f) => [f.observed.metric, f.observed.value]);

  it('looks at the next element again when only it changed, for a text whose hits depend on it', () => {
    // One matcher keeps each text's hits between reads, as a page session's reads do; a new matcher reads afresh.
    const matcher = new LabelMatcher();
    document.body.innerHTML =
      '<div class="card"><div><span>支付金额：37,740</span><sup>较前一日</sup></div></div><p>访客新款 12</p><p><b>3</b></p>';
    expect(values(matcher)).toEqual([['sales', 37740]]);
    // The number goes on in the next element now: "37,740" is not the number, and the text's own text did not change.
    document.querySelector('sup')!.textContent = '.74元';
    expect(values(matcher)).toEqual(values(new LabelMatcher()));
    expect(values(matcher)).toEqual([]);
    document.querySelector('sup')!.textContent = '较前一日';
    expect(values(matcher)).toEqual([['sales', 37740]]);
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

describe('placing badges in slices', () => {
  let controller: AbortController | undefined;
  const win = window as unknown as { scheduler?: { yield: () => Promise<void> } };
  afterEach(() => {
    controller?.abort();
    delete win.scheduler;
  });

  it('gives the page the main thread between badges, and places every one', async () => {
    const card = (label: string, value: string) => `<div class="card"><div>${label}</div><div class="v">${value}</div></div>`;
    document.body.innerHTML = `<div>统计时间 2026-11-25</div>${card('跳失率', '72.31%')}${card('人均浏览量', '2.10')}${card('访客数', '3,482')}`;
    const badges = () => document.querySelectorAll('storepulse-badge').length;
    // Each badge's placing is made to last longer than a slice on the session's clock.
    let placing = 0;
    const kit = {
      ...BADGE_KIT,
      board: (...args: Parameters<typeof BADGE_KIT.board>) => {
        const board = BADGE_KIT.board(...args);
        const show = board.show.bind(board);
        board.show = function* (group: string, wanted: readonly Wanted[]) {
          for (const step of show(group, wanted)) {
            placing += SLICE_MS + 2;
            yield step;
          }
        };
        return board;
      },
    };
    // How many badges the page showed at each pause the session made.
    const atPauses: number[] = [];
    win.scheduler = {
      yield: () => {
        atPauses.push(badges());
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    const bg = fakeBackground();
    controller = new AbortController();
    new PageSession({
      adapter: sycm,
      window: window as Window & typeof globalThis,
      signal: controller.signal,
      locale: 'zh-CN',
      t: translator('zh-CN', BADGE_SCREEN),
      report: (r) => bg.report(r),
      dismiss: async () => undefined,
      badges: async () => kit,
      clock: () => performance.now() + placing,
    }).start();
    for (let waited = 0; badges() < 2 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(badges()).toBe(2);
    // A pause came after the first badge was placed and before the second.
    expect(atPauses).toContain(1);
    expect(Array.from(document.querySelectorAll('storepulse-badge')).map((b) => b.getAttribute('data-metric'))).toEqual([
      'bounceRate',
      'pagesPerVisit',
    ]);
  });
});

describe('the badges’ code when its first load fails', () => {
  let controller: AbortController | undefined;
  afterEach(() => controller?.abort());

  it('is asked for again on a page that holds still, and the badge comes', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div><div class="card"><div>跳失率</div><div class="v">72.31%</div></div>`;
    const badges = () => document.querySelectorAll('storepulse-badge').length;
    let asks = 0;
    const bg = fakeBackground();
    controller = new AbortController();
    new PageSession({
      adapter: sycm,
      window: window as Window & typeof globalThis,
      signal: controller.signal,
      locale: 'zh-CN',
      t: translator('zh-CN', BADGE_SCREEN),
      report: (r) => bg.report(r),
      dismiss: async () => undefined,
      // The worker stopped while it injected the code: the first ask fails.
      badges: async () => (++asks === 1 ? Promise.reject(new Error('the worker stopped')) : BADGE_KIT),
    }).start();
    for (let waited = 0; badges() < 1 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(asks).toBe(2);
    expect(badges()).toBe(1);
  }, 15_000);
});
