import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase, readDays } from '../harness/browser.mjs';
import { eventually, launch, startServer, type Browser, type FixtureServer } from './support';

/**
 * The service worker stopped in the middle of its work (CDP: its target closed, as Chrome does to an
 * idle or misbehaving worker): a report is retried by its page and lands once, complete; an import is
 * committed whole or not at all, and the options page, having heard nothing, asks again and says which.
 */

const HOME = 'https://sycm.taobao.com/portal/home.htm';

interface Reading {
  series: string;
  value: number;
  period: { kind: string; start: string };
  metric: string;
  breakdown?: unknown;
  peer?: string;
}
interface Daily {
  site: string;
  store: string;
  metric: string;
  date: string;
  value: number;
  part: string;
}

/** Stops the extension's service worker by closing its target; the next message starts it again. */
async function stopWorker(b: Browser, from: Page): Promise<boolean> {
  const cdp = await b.context.newCDPSession(from);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${b.extensionId}/`),
    );
    if (!worker) return false;
    await cdp.send('Target.closeTarget', { targetId: worker.targetId }).catch(() => undefined);
    return true;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

describe('the service worker stopped mid-write', () => {
  let server: FixtureServer;
  let browser: Browser;
  let ext: Page;
  const db = <T>(store: string) => readDatabase(ext, store) as Promise<T[]>;
  /** Every day kept, read from the month records. */
  const days = () => readDays(ext) as Promise<Daily[]>;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    browser = await launch(server.port, 'zh-CN');
    // An extension page: the database is read from the extension's origin without the worker.
    ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('during an ingest: the page retries, the report lands once and whole', async () => {
    const page = await browser.context.newPage();
    await page.goto(HOME);
    // Stop the worker again and again while the page reads, settles and reports.
    let stops = 0;
    const until = Date.now() + 4000;
    while (Date.now() < until) {
      if (await stopWorker(browser, ext)) stops++;
      await new Promise((r) => setTimeout(r, 60 + Math.random() * 120));
    }
    expect(stops).toBeGreaterThanOrEqual(2);
    // Left alone, the page's retry gets through.
    await page.locator('storepulse-badge[data-metric="bounceRate"]').waitFor({ state: 'attached', timeout: 30_000 });
    const readings = await eventually(async () => {
      const r = await db<Reading>('readings');
      return r.length >= 20 ? r : null;
    }, 'the report after the worker came back');
    // Once: no value of a series stored twice.
    const keys = readings.map((r) => `${r.series}|${r.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Whole: every day reading has its daily value, written in the same transaction.
    const daily = await days();
    for (const r of readings.filter((x) => x.period.kind === 'day'))
      expect(
        daily.some((d) => d.metric === r.metric && d.date === r.period.start && d.value === r.value),
        r.series,
      ).toBe(true);
    expect((await db<{ metric: string }>('alerts')).map((a) => a.metric).sort()).toEqual(['bounceRate', 'pagesPerVisit']);
    await page.close();
  });

  it('during an import: all of it or none of it, and the page asks again to learn which', async () => {
    const count = 15_000;
    const start = Date.UTC(2020, 0, 1);
    const file = {
      format: 'storepulse-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      targets: [],
      readings: [],
      alerts: [],
      daily: Array.from({ length: count }, (_, i) => {
        const shop = `测试店${i % 15}`;
        const date = new Date(start + Math.floor(i / 15) * 86_400_000).toISOString().slice(0, 10);
        return {
          id: `sycm|${shop}|visitors||${date}`,
          site: 'sycm',
          store: shop,
          metric: 'visitors',
          part: '',
          date,
          value: i,
          provisional: false,
          observedAt: start,
        };
      }),
    };
    const text = JSON.stringify(file);
    const before = (await days()).length;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const data = options.locator('section.data');
    await data.waitFor();
    await data.locator('input[type="file"]').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    // Stop the worker while the file is on its way in (the progress bar shows only during a transfer):
    // reading the pieces, or writing the 15,000 days.
    await data.locator('.data-progress').waitFor({ timeout: 30_000 });
    expect(await stopWorker(browser, ext)).toBe(true);
    // At no moment is part of the file there: the count is the one before or the one after, never between.
    const seen = new Set<number>();
    for (let i = 0; i < 10; i++) {
      seen.add((await days()).length);
      await options.waitForTimeout(150);
    }
    for (const n of seen) expect([before, before + count]).toContain(n);
    // The stopped worker closed the import's port; the options page sent the file again (an import
    // merges), and the answer says which: the days imported now, or the days already there from the first attempt.
    const report = options.locator('.data-import-report');
    await report.waitFor({ timeout: 60_000 });
    const said = await report.innerText();
    expect(said).toMatch(new RegExp(`(已导入：${count} 天数据|跳过：${count} 天数据)`));
    expect((await days()).length).toBe(before + count);
    expect(await data.locator('.options-status.options-error').count()).toBe(0);
    await options.close();
  }, 180_000);
});
