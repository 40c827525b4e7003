import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, startServer, type Browser, type FixtureServer } from './support';
import { localDay, SEED_URL, seedDays, type SeedDay } from './seed';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase } from '../harness/browser.mjs';

const STORE = '小雨的旗舰店';

/** Five weeks of a shop whose search traffic fell on the last two days (conversion and AOV steady). */
function fiveWeeks(): SeedDay[] {
  const days: SeedDay[] = [];
  for (let offset = -35; offset <= -1; offset++) {
    const weekday = new Date(`${localDay(offset)}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.2 : 1;
    const fell = offset >= -2;
    const search = Math.round(1500 * weekend * (fell ? 0.5 : 1));
    const paid = Math.round(900 * weekend);
    const recommend = Math.round(600 * weekend);
    days.push({
      date: localDay(offset),
      visitors: search + paid + recommend,
      conversion: 0.025,
      aov: 120,
      bounce: 0.55,
      depth: 3.2,
      sources: [search, paid, recommend],
    });
  }
  return days;
}

describe('history through the real ingestion path', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [SEED_URL]: 'review/sycm-day.template.html' });
    browser = await launch(server.port, 'zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps one daily value per metric and day, and each traffic source apart', async () => {
    const days = fiveWeeks().slice(-3);
    await seedDays(browser, server, STORE, days);
    const daily = (await readDatabase(browser.serviceWorker, 'daily')) as Array<{
      metric: string;
      date: string;
      value: number;
      part: string;
    }>;
    const last = days.at(-1)!;
    const of = (metric: string, part = '') =>
      daily.find((d) => d.metric === metric && d.date === last.date && d.part === part)?.value;
    expect(of('visitors')).toBe(last.visitors);
    expect(of('conversionRate')).toBeCloseTo(0.025, 6);
    expect(of('avgOrderValue')).toBe(120);
    expect(of('sales')).toBeCloseTo(last.visitors * 0.025 * 120, 2);
    expect(of('visitors', '流量来源=手淘搜索')).toBe(last.sources[0]);
    expect(new Set(daily.map((d) => d.date))).toEqual(new Set(days.map((d) => d.date)));
  }, 120_000);
});
