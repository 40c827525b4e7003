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
    const report = await data.locator('.import-report').innerText();
    expect(report).toContain('1 天数据');
    expect(report).toMatch(/第 3 行：“value”缺失或无效/);
    await options.screenshot({ path: join(SCREENSHOTS, 'options-import-zh-CN.png'), fullPage: true });
    await eventually(async () => {
      const daily = (await readDays(browser.serviceWorker)) as Array<{ date: string; value: number }>;
      return daily.some((d) => d.date === '2026-10-01' && d.value === 9876.5);
    }, 'the imported day');
    await options.close();
  }, 60_000);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
