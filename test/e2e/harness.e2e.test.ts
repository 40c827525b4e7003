// The harness on its own, before the real extension is involved: a throw-away MV3 extension, the
// HTTPS fixture server at real sycm URLs, and the fixture pages themselves.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { launchWithExtension, readDatabase } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { listFixtures } from '../harness/fixtures.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { startFixtureServer } from '../harness/server.mjs';

interface Server {
  port: number;
  origin: string;
  url(u: string): string;
  route(realUrl: string, fixture: string): void;
  close(): Promise<void>;
}
interface Launched {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}
interface ExpectedReading {
  metric: string;
  value: number;
  currency?: string;
  breakdown?: { dimension: string; key: string };
}
interface Fixture {
  name: string;
  htmlPath: string;
  fixturePath: string;
  expected: {
    url: string;
    store: string | null;
    period: { kind: string; start: string; end: string };
    readings: ExpectedReading[];
    absent: string[];
    volatile: boolean;
    notes: string;
  };
}

const HOME = 'https://sycm.taobao.com/portal/home.htm';
const SHOTS = '/tmp/storepulse-fixture-shots';
const FIXTURES: Fixture[] = listFixtures('sycm');

// Kept here rather than imported from core/ so that fixtures are checked against the operator guide,
// not against whatever the reader currently believes.
const METRIC_IDS = new Set([
  'visitors',
  'visits',
  'pageViews',
  'bounceRate',
  'pagesPerVisit',
  'avgVisitDuration',
  'conversionRate',
  'paidBuyers',
  'orders',
  'unitsOrdered',
  'avgOrderValue',
  'sales',
  'returningVisitors',
  'returningVisitorShare',
]);
const RATES = new Set(['bounceRate', 'conversionRate', 'returningVisitorShare']);
const MONEY = new Set(['sales', 'avgOrderValue']);

/** The ways a back office may print `value` for `metric`. */
function printed(metric: string, value: number): string[] {
  if (RATES.has(metric)) return [(value * 100).toFixed(2)];
  if (MONEY.has(metric)) return [value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })];
  if (metric === 'pagesPerVisit') return [value.toFixed(2)];
  return [value.toLocaleString('en-US'), String(value), `${(value / 10_000).toFixed(2)}万`];
}

/** Visible text of the page and of every same-origin frame in it. */
async function visibleText(page: Page): Promise<string> {
  const parts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '')));
  return parts.join('\n');
}

function minimalExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storepulse-dummy-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'StorePulse harness probe',
      version: '0.0.1',
      background: { service_worker: 'sw.js' },
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '// intentionally empty: the harness only needs a running worker\n');
  return dir;
}

/** GET against the fixture server from Node, with the Host header a browser would send. */
function get(server: Server, realUrl: string, rawPath?: string): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(realUrl);
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath ?? u.pathname + u.search,
        headers: { host: u.host },
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('fixture files', () => {
  it('are all listed, with an expected file each', () => {
    const names = FIXTURES.map((f) => f.name);
    for (const n of [
      'home',
      'home-good',
      'home-warn',
      'home-late',
      'realtime',
      'flat-list',
      'iframe-host',
      'iframe-inner',
      'hostile',
      'decoys',
      'table',
    ]) {
      expect(names).toContain(n);
    }
  });

  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s is self-contained UTF-8 with a well-formed expected file', (_, f) => {
    const bytes = readFileSync(f.htmlPath);
    const html = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(html).toContain('<meta charset="utf-8">');
    // Nothing may leave the machine: no absolute or protocol-relative resource, no CSS import.
    expect(html).not.toMatch(/\b(?:src|href|action|poster)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);

    const e = f.expected;
    expect(Object.keys(e).sort()).toEqual(['absent', 'notes', 'period', 'readings', 'store', 'url', 'volatile']);
    expect(new URL(e.url).host).toBe('sycm.taobao.com');
    expect(['day', 'range', 'realtime', 'unknown']).toContain(e.period.kind);
    expect(e.period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.period.end >= e.period.start).toBe(true);
    expect(e.readings.length).toBeGreaterThan(0);
    for (const r of e.readings) {
      expect(METRIC_IDS.has(r.metric), r.metric).toBe(true);
      expect(Number.isFinite(r.value)).toBe(true);
      if (MONEY.has(r.metric)) expect(r.currency).toBe('CNY');
      else expect(r.currency).toBeUndefined();
      if (RATES.has(r.metric)) expect(r.value).toBeLessThanOrEqual(1);
    }
    const storeLevel = new Set(e.readings.filter((r) => !r.breakdown).map((r) => r.metric));
    for (const a of e.absent) {
      expect(METRIC_IDS.has(a), a).toBe(true);
      expect(storeLevel.has(a), `${a} is both expected and absent`).toBe(false);
    }
    expect(typeof e.volatile).toBe('boolean');
    expect(e.notes.length).toBeGreaterThan(10);
  });
});

describe('harness in Chromium with a throw-away extension', () => {
  let server: Server;
  let browser: Launched;
  let extensionDir: string;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    extensionDir = minimalExtension();
    server = await startFixtureServer({
      routes: Object.fromEntries(FIXTURES.filter((f) => !f.name.startsWith('home-')).map((f) => [f.expected.url, f.fixturePath])),
    });
    browser = await launchWithExtension({ extensionPath: extensionDir, port: server.port });
    browser.context.on('request', (r) => {
      // Top-level navigations are the tests' own doing (one visits www.taobao.com for the 404).
      if (r.isNavigationRequest() && r.frame().parentFrame() === null) return;
      const u = new URL(r.url());
      if (u.protocol !== 'data:' && u.protocol !== 'chrome-extension:' && u.host !== 'sycm.taobao.com') {
        foreignRequests.push(r.url());
      }
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('starts the extension service worker and reads its id', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/sw.js`);
  });

  it('serves home.html at the real 生意参谋 URL', async () => {
    expect(server.url(HOME)).toBe(HOME);
    const page = await browser.context.newPage();
    const res = await page.goto(HOME);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(page.url()).toBe(HOME);
    expect(await page.evaluate(() => location.origin)).toBe('https://sycm.taobao.com');
    const text = await page.locator('.shop-name-4Gh').innerText();
    expect(text).toBe('小雨的旗舰店');
    expect(await page.locator('text=统计时间').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('serves another fixture at the same URL after route()', async () => {
    const page = await browser.context.newPage();
    server.route(HOME, 'sycm/home-good.html');
    try {
      await page.goto(HOME);
      expect(await page.locator('[data-index="bounceRate"] ._2xYz_value').innerText()).toBe('45.20%');
    } finally {
      server.route(HOME, 'sycm/home.html');
    }
    await page.reload();
    expect(await page.locator('[data-index="bounceRate"] ._2xYz_value').innerText()).toBe('72.31%');
    await page.close();
  });

  it('answers 404 for an unmapped URL and never takes a query into account', async () => {
    const page = await browser.context.newPage();
    const missing = await page.goto('https://sycm.taobao.com/portal/nothing-here.htm');
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toContain('404');
    const other = await page.goto('https://www.taobao.com/');
    expect(other?.status()).toBe(404);
    const withQuery = await page.goto(`${HOME}?dateType=day&spm=a21ag.11815228`);
    expect(withQuery?.status()).toBe(200);
    await page.close();

    const fromNode = await get(server, HOME);
    expect(fromNode.status).toBe(200);
    expect(fromNode.type).toBe('text/html; charset=utf-8');
    expect(fromNode.body).toContain('小雨的旗舰店');
    expect((await get(server, HOME, '/portal/../../harness/server.mjs')).status).toBe(404);
    expect((await get(server, HOME, '/portal/..%2f..%2fharness%2fserver.mjs')).status).toBe(404);
  });

  it('serves a relative resource that sits next to a mapped page', async () => {
    // home.html is mapped in /portal/, so /portal/<file> finds sycm/<file>.
    const res = await get(server, 'https://sycm.taobao.com/portal/iframe-inner.html');
    expect(res.status).toBe(200);
    expect(res.body).toContain('2,856');
    expect((await get(server, 'https://sycm.taobao.com/portal/no-such-file.html')).status).toBe(404);
  });

  it('loads the iframe page with its same-origin frame', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://sycm.taobao.com/portal/shop/board.htm');
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('[data-index="uv"] ._2xYz_value').innerText()).toBe('2,856');
    const inner = page.frames().find((f) => f.url().startsWith('https://sycm.taobao.com/portal/frame/core.htm'));
    expect(inner).toBeDefined();
    expect(await inner!.evaluate(() => window.parent.document.querySelector('.shop-name-4Gh')?.textContent)).toBe('小雨的旗舰店');
    await page.close();
  });

  it('loads hostile.html without running any of its text', async () => {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('https://sycm.taobao.com/portal/workbench.htm');
    await page.waitForFunction(() => (window as unknown as { __pageOk?: boolean }).__pageOk === true);
    // Hover the element whose title attribute carries an injection attempt.
    await page.locator('[data-index="uv"] ._2xYz_value span').hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);

    await page.getByTestId('counter-button').click();
    await page.getByTestId('counter-button').click();
    expect(await page.getByTestId('counter-value').innerText()).toBe('2');

    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(elements).toBeGreaterThanOrEqual(50_000);
    expect(await page.locator('.shop-name-4Gh').innerText()).toBe('小雨的旗舰店<img src=x onerror="window.__pwned=1">');
    await page.close();
  });

  it('reads the storepulse database without creating it', async () => {
    const sw = browser.serviceWorker;
    expect(await readDatabase(sw, 'readings')).toEqual([]);
    const names = await sw.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names).not.toContain('storepulse');

    await sw.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('storepulse', 3);
          req.onupgradeneeded = () => req.result.createObjectStore('readings', { keyPath: 'id', autoIncrement: true });
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('readings', 'readwrite');
            tx.objectStore('readings').add({ metric: 'bounceRate', value: 0.7231 });
            tx.oncomplete = () => {
              db.close();
              ok();
            };
            tx.onerror = () => fail(tx.error);
          };
          req.onerror = () => fail(req.error);
        }),
    );
    expect(await readDatabase(sw, 'readings')).toEqual([{ id: 1, metric: 'bounceRate', value: 0.7231 }]);
    expect(await readDatabase(sw, 'alerts')).toEqual([]);
    const version = await sw.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'storepulse')?.version);
    expect(version).toBe(3);
    await sw.evaluate(
      () =>
        new Promise<void>((ok) => {
          const req = indexedDB.deleteDatabase('storepulse');
          req.onsuccess = () => ok();
          req.onerror = () => ok();
        }),
    );
  });

  // Each page, once settled, must show every number its expected file claims, so a failing reader
  // test points at the reader and not at a fixture typo.
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s shows what its expected file says', async (name, f) => {
    const page = await browser.context.newPage();
    server.route(f.expected.url, f.fixturePath);
    await page.goto(f.expected.url);
    if (name === 'home-late') {
      await page.waitForFunction(() => (window as unknown as { __countUpDone?: boolean }).__countUpDone === true);
    }
    if (name === 'iframe-host') await page.frameLocator('iframe').locator('[data-index="uv"]').waitFor();
    const text = await visibleText(page);
    const missing: string[] = [];
    if (f.expected.store !== null && !text.includes(f.expected.store)) missing.push(`store ${f.expected.store}`);
    if (!text.includes(f.expected.period.start)) missing.push(`date ${f.expected.period.start}`);
    if (!text.includes(f.expected.period.end)) missing.push(`date ${f.expected.period.end}`);
    for (const r of f.expected.readings) {
      if (r.breakdown && !text.includes(r.breakdown.key)) missing.push(`row ${r.breakdown.key}`);
      // A volatile page's numbers may already have moved on since load.
      if (f.expected.volatile) continue;
      if (!printed(r.metric, r.value).some((p) => text.includes(p))) missing.push(`${r.metric} ${r.value}`);
    }
    expect(missing).toEqual([]);
    if (['home', 'decoys', 'table'].includes(name) || process.env.ALL_SHOTS) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
    await page.close();
  });

  it('made no request to any other host', () => {
    expect(foreignRequests).toEqual([]);
  });
});
