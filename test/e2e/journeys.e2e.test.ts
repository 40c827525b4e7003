// The core journeys, the same test in every browser: a 生意参谋 page read and badged, the readings in
// IndexedDB, the popup listing the alert with its fix, the options page moving a line and the badge
// following, export and import. In Firefox the add-on is installed as a temporary add-on over
// WebDriver BiDi and its host permissions (optional at install there) are asked for from the popup.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, launchIn, type Session } from './engines';
import { storedDays } from './seed';
import { eventually, SCREENSHOTS, startServer, type FixtureServer, type StoredReading } from './support';

const HOME = 'https://sycm.taobao.com/portal/home.htm';
const BOUNCE = 'storepulse-badge[data-metric="bounceRate"]';
const DEPTH = 'storepulse-badge[data-metric="pagesPerVisit"]';

describe.each(ENGINES)('core journeys in %s', (engine) => {
  let server: FixtureServer;
  let session: Session;
  const shot = (name: string) => join(SCREENSHOTS, `${engine}-${name}.png`);

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    session = await launchIn(engine, server.port, 'zh-CN');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('reads a 生意参谋 page and badges 跳失率 next to its number', async () => {
    const page = await session.open(HOME);
    await page.waitFor(BOUNCE);
    expect(await page.attribute(BOUNCE, 'data-severity')).toBe('critical');
    expect(await page.attribute(DEPTH, 'data-severity')).toBe('critical');
    expect(await page.evaluate((s) => document.querySelector(s)?.parentElement?.textContent?.trim(), BOUNCE)).toBe('72.31%');
    // The badge's root is closed to page scripts: the pill, its first control, sits at the host's top left.
    await page.clickAt(BOUNCE, 6, 6);
    await eventually(async () => (await page.attribute(BOUNCE, 'data-open')) !== null, 'the badge opened to its advice');
    await page.screenshot(shot('sycm-home-badges-zh-CN'));
    await page.close();
  });

  it('keeps the readings in the storepulse database and counts the alerts on the toolbar', async () => {
    const stored = await eventually(async () => {
      const r = await session.readDatabase<StoredReading>('readings');
      return r.some((x) => x.metric === 'bounceRate') && r.length >= 6 ? r : null;
    }, 'readings');
    expect(stored.find((r) => r.metric === 'bounceRate')).toMatchObject({
      value: 0.7231,
      site: 'sycm',
      store: '小雨的旗舰店',
      period: { kind: 'day', start: '2026-11-25', end: '2026-11-25' },
      url: HOME,
    });
    expect(stored.find((r) => r.metric === 'sales' && !r.breakdown)?.currency).toBe('CNY');
    const alerts = await session.readDatabase<{ metric: string; status: string }>('alerts');
    expect(
      alerts
        .filter((a) => a.status === 'open')
        .map((a) => a.metric)
        .sort(),
    ).toEqual(['bounceRate', 'pagesPerVisit']);
    expect(await session.toolbarBadgeText()).toBe('2');
  });

  it('lists the alert in the popup with its fix and owner', async () => {
    const popup = await session.openExtension('/popup.html');
    const item = 'li.inbox-alert[data-metric="bounceRate"]';
    await popup.waitFor(item);
    expect(await popup.attribute(item, 'data-severity')).toBe('critical');
    const text = await popup.text(item);
    expect(text).toContain('72.31%');
    expect(text).toContain('美工');
    expect(text).toContain('先改页面，再加推广');
    // The back offices are allowed, so the popup does not ask for them.
    expect(await popup.count('[data-testid="host-access"]')).toBe(0);
    await popup.screenshot(shot('popup-alerts-zh-CN'), true);
    await popup.close();
  });

  it('loads the Trends and Month tabs when they are opened (their code is a chunk of its own)', async () => {
    const popup = await session.openExtension('/popup.html');
    await popup.waitFor('li.inbox-alert');
    const panel = () =>
      popup.evaluate(() => {
        const el = document.querySelector('[role="tabpanel"]');
        return {
          trends: !!el?.querySelector('section.trends'),
          months: !!el?.querySelector('.month-shop'),
          text: el?.textContent ?? '',
        };
      }, null);
    await popup.click('#tab-trends');
    await eventually(async () => {
      const p = await panel();
      return p.trends || p.text.includes('店脉保存几天已结束日期的数据后');
    }, 'the Trends tab');
    await popup.screenshot(shot('popup-trends-zh-CN'), true);
    await popup.click('#tab-month');
    await eventually(async () => {
      const p = await panel();
      return p.months || p.text.includes('还没有读到月度支付金额');
    }, 'the Month tab');
    await popup.screenshot(shot('popup-month-zh-CN'), true);
    await popup.close();
  });

  it('moves the bounce-rate line on the options page and the badge follows', async () => {
    const options = await session.openExtension('/options.html', { width: 1280, height: 800 });
    const critical = '[data-testid="rule-taobao-bounce-high-critical"]';
    await options.waitFor(critical);
    expect(await options.evaluate((s) => (document.querySelector(s) as HTMLInputElement).value, critical)).toBe('70');
    await options.fill(critical, '75');
    await eventually(async () => (await options.text('[data-testid="status"]')) !== '', 'the options page saved');
    await options.screenshot(shot('options-zh-CN'), true);

    const page = await session.open(HOME);
    await page.waitFor(BOUNCE);
    await eventually(async () => (await page.attribute(BOUNCE, 'data-severity')) === 'warn', 'the badge turning warn');
    await eventually(async () => (await session.toolbarBadgeText()) === '2', 'the toolbar count');
    const bounce = (await session.readDatabase<{ metric: string; severity: string; threshold: number }>('alerts')).find(
      (a) => a.metric === 'bounceRate',
    );
    expect(bounce).toMatchObject({ severity: 'warn', threshold: 0.6 });
    await page.close();
    await options.close();
  });

  it('exports everything as JSON and imports a CSV, naming its bad line', async () => {
    const options = await session.openExtension('/options.html', { width: 1280, height: 800 });
    await options.waitFor('section.data button');
    const file = await options.download('section.data button');
    expect(file.name).toMatch(/^storepulse-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.text);
    expect(exported).toMatchObject({ format: 'storepulse-export', version: 1 });
    expect(exported.readings).toHaveLength((await session.readDatabase('readings')).length);

    const csv = [
      'date,site,store,metric,value,currency',
      '2026-10-01,sycm,小雨的旗舰店,sales,9876.5,CNY',
      '2026-10-02,sycm,小雨的旗舰店,sales,lots,CNY',
    ].join('\n');
    await options.upload('section.data input[type="file"]', { name: 'days.csv', mimeType: 'text/csv', content: csv });
    await eventually(async () => (await options.count('.data-import-report')) > 0, 'the import report');
    const report = await options.text('.data-import-report');
    expect(report).toContain('1 天数据');
    expect(report).toMatch(/第 3 行：“value”缺失或无效/);
    await eventually(
      async () =>
        // The day is filed in its shop's month record.
        (await storedDays(session)).some((d) => d.id === 'sycm|小雨的旗舰店|sales||2026-10-01' && d.value === 9876.5),
      'the imported day',
    );
    await options.screenshot(shot('options-import-zh-CN'), true);
    await options.close();
  });

  // Firefox's connections all pass the harness's proxy: the pages the test opened are all there is.
  it.runIf(engine === 'firefox')('opened no connection but to the back office the test visited', () => {
    expect(session.connections?.length).toBeGreaterThan(0);
    expect([...new Set(session.connections)]).toEqual(['connect sycm.taobao.com:443']);
  });
});
