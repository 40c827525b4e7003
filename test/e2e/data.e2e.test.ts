import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, SCREENSHOTS, startServer, type Browser, type FixtureServer } from './support';
// @ts-expect-error plain ES module with JSDoc types
import { readDatabase, readDays } from '../harness/browser.mjs';

const HOME = 'https://sycm.taobao.com/portal/home.htm';

describe('export and import on the options page', () => {
  let server: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    browser = await launch(server.port, 'zh-CN');
    const page = await browser.context.newPage();
    await page.goto(HOME);
    await page.locator('storepulse-badge').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exports everything as JSON, refuses a broken file without touching anything, and imports a CSV', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const data = options.locator('section.data');
    await data.waitFor();

    const [download] = await Promise.all([options.waitForEvent('download'), data.locator('button').first().click()]);
    expect(download.suggestedFilename()).toMatch(/^storepulse-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await streamText(await download.createReadStream()));
    expect(file).toMatchObject({ format: 'storepulse-export', version: 1 });
    const before = (await readDatabase(browser.serviceWorker, 'readings')) as unknown[];
    expect(file.readings).toHaveLength(before.length);

    const input = data.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"storepulse-export","version":1,"daily":['),
    });
    await expect.poll(() => data.innerText()).toContain('未导入任何内容');
    expect(((await readDatabase(browser.serviceWorker, 'readings')) as unknown[]).length).toBe(before.length);

    const csv = [
      'date,site,store,metric,value,currency',
      '2026-10-01,sycm,小雨的旗舰店,sales,9876.5,CNY',
      '2026-10-02,sycm,小雨的旗舰店,sales,lots,CNY',
    ].join('\n');
    await input.setInputFiles({ name: 'days.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => data.innerText()).toContain('已导入');
    const report = await data.locator('.data-import-report').innerText();
    expect(report).toContain('1 天数据');
    expect(report).toMatch(/第 3 行：“value”缺失或无效/);
    await options.screenshot({ path: join(SCREENSHOTS, 'options-import-zh-CN.png'), fullPage: true });
    await eventually(async () => {
      const daily = (await readDays(browser.serviceWorker)) as Array<{ date: string; value: number }>;
      return daily.some((d) => d.date === '2026-10-01' && d.value === 9876.5);
    }, 'the imported day');
    await options.close();
  }, 60_000);

  it('streams a large file in with a progress bar, and a file that is not an export is refused before it is read', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 700 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const data = options.locator('section.data');
    await data.waitFor();
    const input = data.locator('input[type="file"]');

    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\n....') });
    await expect.poll(() => data.innerText()).toContain('这既不是店脉导出的 JSON 文件，也不是每日数据 CSV，未导入任何内容。');

    // Forty-odd MB of daily values: more than one message may carry at once in pieces, so the bar moves.
    const dir = await mkdtemp(join(tmpdir(), 'storepulse-big-'));
    const path = join(dir, 'days.csv');
    const rows = ['date,site,store,metric,dimension,key,peer,value,currency,provisional,observed_at'];
    for (let shop = 0; shop < 40; shop++)
      for (let d = 0; d < 730; d++) {
        const date = new Date(Date.UTC(2024, 10, 1) + d * 86_400_000).toISOString().slice(0, 10);
        for (const metric of ['visitors', 'sales', 'orders', 'bounceRate', 'pagesPerVisit'])
          rows.push(`${date},sycm,店铺${shop},${metric},,,,${(shop + 1) * 1000 + d},,false,${date}T23:00:00.000Z`);
      }
    await writeFile(path, rows.join('\r\n'));
    await input.setInputFiles(path);
    const bar = data.locator('.data-progress progress[value]');
    await bar.waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(10);
    await data.screenshot({ path: join(SCREENSHOTS, 'options-import-progress-zh-CN.png') });
    await data.locator('.data-import-report').waitFor({ timeout: 180_000 });
    expect(await data.locator('.data-import-report').innerText()).toContain(`已导入：${rows.length - 1} 天数据`);
    await rm(dir, { recursive: true, force: true });
    await options.close();
  }, 240_000);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
