import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageMemo } from '@/core/reader/memo';
import { runToEnd, scanPage, textSteps } from '@/core/reader/scan';
import { siteFor } from '@/core/sites';
import { sycm } from '@/core/sites/sycm';
import { FIXED_SEEDS, generatePage } from '../gen/page';
import { listFixtures, summary } from './support/reads';

/**
 * A page session's memo: after any change to the page, the candidates it keeps are exactly what a whole
 * new text pass finds, in the same order, and a read through it reads exactly what a read without it
 * reads.
 */

const NOW = new Date('2026-11-30T03:00:00Z');
const noScripts = (html: string) => html.replace(/<script[\s\S]*?<\/script>/gi, '');

/** A small deterministic random source, so a failure replays. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const WORDS = [
  '访客数',
  '支付金额',
  '12,345',
  '2026-11-25',
  '小雨的旗舰店',
  'Sessions',
  '72.31%',
  '较前一日',
  '',
  ' ',
  '客单价：¥88',
];

/** One random change of the kinds pages make: texts rewritten, nodes added, removed, moved, wrapped. */
function mutate(r: ReturnType<typeof rng>, root: Element): string {
  const elements = Array.from(root.querySelectorAll('*'));
  const texts: Text[] = [];
  const w = document.createTreeWalker(root, 4);
  for (let t = w.nextNode(); t; t = w.nextNode()) texts.push(t as Text);
  const el = elements.length ? r.pick(elements) : root;
  switch (r.int(7)) {
    case 0:
      if (texts.length) r.pick(texts).data = r.pick(WORDS);
      return 'text';
    case 1:
      el.textContent = r.pick(WORDS);
      return 'textContent';
    case 2: {
      const added = document.createElement('div');
      added.innerHTML = `<span>${r.pick(WORDS)}</span><b>${r.pick(WORDS)}</b>`;
      el.insertBefore(added, el.childNodes[r.int(el.childNodes.length + 1)] ?? null);
      return 'add';
    }
    case 3:
      if (el !== root) el.remove();
      return 'remove';
    case 4: {
      // Moved: a node leaves one place and comes back at another.
      const other = r.pick(elements.length ? elements : [root]);
      if (el !== root && !el.contains(other)) other.appendChild(el);
      return 'move';
    }
    case 5:
      el.appendChild(document.createTextNode(r.pick(WORDS)));
      return 'append text';
    default: {
      // Removed, then put back in the same tick (a framework's re-render).
      const parent = el.parentNode;
      if (el !== root && parent) {
        const next = el.nextSibling;
        el.remove();
        parent.insertBefore(el, next);
      }
      return 'reinsert';
    }
  }
}

const fresh = (start: Node) => runToEnd(textSteps(start, 512));

describe('the memo keeps the text pass exact', () => {
  it('after random changes of every kind, between reads and several at once', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      document.body.innerHTML = Array.from(
        { length: 30 },
        (_, i) => `<div class="card"><div><span>${r.pick(WORDS)}</span></div><div class="v">${i * 17}</div></div>`,
      ).join('');
      const memo = new PageMemo(document);
      const log: string[] = [];
      expect(runToEnd(memo.texts(document.body, 512))).toEqual(fresh(document.body));
      for (let round = 0; round < 12; round++) {
        const changes = 1 + r.int(4);
        for (let c = 0; c < changes; c++) log.push(mutate(r, document.body));
        expect(runToEnd(memo.texts(document.body, 512)), `seed ${seed}: ${log.join(', ')}`).toEqual(fresh(document.body));
      }
      memo.disconnect();
    }
  }, 60_000);

  it('after changes made while a pass paused, and after a pass given up half-way', () => {
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p><span>访客数</span> <b>${i}</b></p>`).join('');
    const memo = new PageMemo(document);
    // A whole pass pausing after every text, the page changing in its pauses.
    const steps = memo.texts(document.body, 1);
    const r = rng(7);
    for (let k = 0, s = steps.next(); !s.done; s = steps.next(), k++) if (k % 50 === 0) mutate(r, document.body);
    expect(runToEnd(memo.texts(document.body, 512))).toEqual(fresh(document.body));
    // An update given up after its first pause, then the page changed again.
    for (let c = 0; c < 5; c++) mutate(r, document.body);
    const given = memo.texts(document.body, 1);
    given.next();
    given.next();
    mutate(r, document.body);
    expect(runToEnd(memo.texts(document.body, 512))).toEqual(fresh(document.body));
    memo.disconnect();
  });

  it('a whole pass given up leaves nothing half-kept', () => {
    document.body.innerHTML = Array.from({ length: 100 }, (_, i) => `<p>访客数 <b>${i}</b></p>`).join('');
    const memo = new PageMemo(document);
    const given = memo.texts(document.body, 1);
    given.next();
    given.next();
    expect(runToEnd(memo.texts(document.body, 512))).toEqual(fresh(document.body));
    expect(fresh(document.body).labels.length).toBe(100);
    memo.disconnect();
  });

  it('in shadow roots, and when the body is replaced', () => {
    document.body.innerHTML = '<div id="host"></div><p>访客数</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><span>支付金额</span><b>1,234</b></div>';
    const memo = new PageMemo(document);
    const hosts = new Set([document.getElementById('host')!]);
    const whole = () => scanPage(document, { hosts });
    const kept = () => scanPage(document, { hosts, memo });
    expect(kept()).toEqual(whole());
    shadow.querySelector('span')!.textContent = '客单价';
    shadow.appendChild(document.createElement('p')).textContent = 'Sessions';
    expect(kept()).toEqual(whole());
    expect(kept().labels.map((t) => t.data)).toEqual(['访客数', '客单价', 'Sessions']);
    const body = document.createElement('body');
    body.innerHTML = '<p>浏览量</p>';
    document.documentElement.replaceChild(body, document.body);
    expect(kept()).toEqual(whole());
    expect(kept().labels.map((t) => t.data)).toEqual(['浏览量']);
    memo.disconnect();
  });

  it('keeps a query until a matching element is added, a kept one leaves, or a role changes', () => {
    document.body.innerHTML = '<header><span>小雨的旗舰店:小雨</span></header><main><p>x</p></main>';
    const memo = new PageMemo(document);
    const bars = () => memo.query(document, 'header,[role="banner"]');
    expect(bars()).toHaveLength(1);
    expect(bars()).toBe(bars());
    document.querySelector('main')!.appendChild(document.createElement('div')).innerHTML = '<header>b</header>';
    expect(bars()).toHaveLength(2);
    document.querySelector('header')!.remove();
    expect(bars()).toHaveLength(1);
    document.querySelector('p')!.setAttribute('role', 'banner');
    expect(bars()).toHaveLength(2);
    memo.disconnect();
  });
});

/** Rewrites some of the page's numbers, as a live board does. */
function moveNumbers(r: ReturnType<typeof rng>, count: number): void {
  const numbers: Text[] = [];
  const w = document.createTreeWalker(document.body, 4);
  for (let t = w.nextNode() as Text | null; t; t = w.nextNode() as Text | null)
    if (/^\s*[\d,.]+\s*$/.test(t.data)) numbers.push(t);
  for (let k = 0; k < count && numbers.length; k++) {
    const t = r.pick(numbers);
    if (r.next() < 0.5) t.data = t.data.replace(/\d/, String(r.int(10)));
    else if (t.parentElement) t.parentElement.textContent = t.data.replace(/\d/g, (d) => String((Number(d) + 3) % 10));
  }
}

describe('a read through the memo reads what a read without it reads', () => {
  const dirs = ['sycm', 'sycm-redesign', 'jd', 'douyin', 'pdd', 'shopee', 'shopify', 'amazon', 'ga4'];
  const fixtures = dirs.flatMap((dir) => listFixtures(dir));

  const compare = (html: string, href: string, seed: number) => {
    document.documentElement.innerHTML = noScripts(html);
    const url = new URL(href);
    const site = siteFor(url);
    if (!site) return 0;
    const memo = new PageMemo(document);
    const r = rng(seed);
    let found = 0;
    for (let round = 0; round < 4; round++) {
      const kept = site.read(document, { url, now: NOW, memo });
      const whole = site.read(document, { url, now: NOW });
      expect(summary(kept), `${href} round ${round}`).toEqual(summary(whole));
      found += whole.found.length;
      moveNumbers(r, 3);
    }
    memo.disconnect();
    return found;
  };

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s, as its numbers change',
    (_name, f) => {
      compare(readFileSync(f.htmlPath, 'utf8'), f.url, 3);
    },
    30_000,
  );

  it('on generated pages of every platform and layout, as their numbers change', () => {
    let found = 0;
    for (const seed of FIXED_SEEDS.slice(0, 30)) {
      const page = generatePage(seed, { now: NOW });
      found += compare(page.html, page.url, seed);
    }
    expect(found).toBeGreaterThan(200);
  }, 120_000);

  it('reads the shop from a top bar added after the first read', () => {
    document.body.innerHTML = '<div class="card"><div>访客数</div><div>3,482</div></div>';
    const url = new URL('https://sycm.taobao.com/portal/home.htm');
    const memo = new PageMemo(document);
    expect(sycm.read(document, { url, now: NOW, memo }).store).toBe(sycm.read(document, { url, now: NOW }).store);
    document.body.insertAdjacentHTML('afterbegin', '<header><span>小雨的旗舰店:运营小王</span></header>');
    expect(sycm.read(document, { url, now: NOW, memo }).store).toBe('小雨的旗舰店');
    memo.disconnect();
  });
});
