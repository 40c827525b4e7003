import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, readings, startServer, type Browser, type FixtureServer } from './support';

/**
 * StorePulse sends nothing anywhere, proven on the real build: every request the service worker and the
 * extension's own pages make is recorded through CDP's Network domain on each extension target while
 * back offices are read, the popup and the options page are opened, and data is exported and imported.
 * A request to the extension's own files (chrome-extension://) is not a network request.
 */

const FIXTURES = [
  'sycm/home',
  'sycm/realtime',
  'sycm/competition',
  'jd/overview',
  'shopee/dashboard-tw',
  'amazon/business-report',
  'shopify/analytics',
  'ga4/overview',
];
const ROUTES = Object.fromEntries(
  FIXTURES.map((f) => [
    (JSON.parse(readFileSync(`test/fixtures/${f}.expected.json`, 'utf8')) as { url: string }).url,
    `${f}.html`,
  ]),
);

/** Records the network requests of every extension target: its pages and its service worker (also after a restart). */
class NetworkRecorder {
  readonly requests: Array<{ target: string; url: string }> = [];
  private control: CDPSession | undefined;
  private readonly workers = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly b: Browser) {}

  private note(target: string, url: string): void {
    if (url.startsWith(`chrome-extension://${this.b.extensionId}/`) || /^(data|blob):/.test(url)) return;
    this.requests.push({ target, url });
  }

  /** An extension page, watched before it loads anything. */
  async page(path: string): Promise<Page> {
    const page = await this.b.context.newPage();
    const cdp = await this.b.context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e) => this.note(path, e.request.url));
    await cdp.send('Network.enable');
    await page.goto(`chrome-extension://${this.b.extensionId}/${path}`);
    return page;
  }

  /** The service worker's target, and any extension target created later (a restarted worker). */
  async workersAndLaterTargets(controlPage: Page): Promise<void> {
    const cdp = await this.b.context.newCDPSession(controlPage);
    this.control = cdp;
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { method?: string; params?: { request?: { url: string } } };
      if (m.method === 'Network.requestWillBeSent' && m.params?.request)
        this.note(this.workers.get(e.sessionId!) ?? 'worker', m.params.request.url);
    });
    const attach = async (info: { targetId: string; type: string; url: string }) => {
      if (!info.url.startsWith(`chrome-extension://${this.b.extensionId}/`) || info.type === 'page') return;
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      this.workers.set(sessionId, `${info.type} ${info.url}`);
      await this.toTarget(sessionId, 'Network.enable');
    };
    cdp.on('Target.targetCreated', (e) => void attach(e.targetInfo).catch(() => undefined));
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    for (const info of (await cdp.send('Target.getTargets')).targetInfos) await attach(info);
    expect([...this.workers.values()].some((w) => w.startsWith('service_worker'))).toBe(true);
  }

  /** Sends a command to an attached worker (non-flattened session). */
  async toTarget(sessionId: string, method: string, params: object = {}): Promise<void> {
    await this.control!.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: this.nextId++, method, params }),
    });
  }

  workerSessions(): string[] {
    return [...this.workers].filter(([, w]) => w.startsWith('service_worker')).map(([id]) => id);
  }
}

describe('StorePulse makes no network request of its own', () => {
  let server: FixtureServer;
  let browser: Browser;
  let recorder: NetworkRecorder;

  beforeAll(async () => {
    server = await startServer(ROUTES);
    browser = await launch(server.port, 'zh-CN');
    recorder = new NetworkRecorder(browser);
    await recorder.workersAndLaterTargets(await browser.context.newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads back offices, opens the popup and the options page, exports and imports: no request at all', async () => {
    for (const url of Object.keys(ROUTES)) {
      const page = await browser.context.newPage();
      await page.goto(url);
      // Long enough to read, settle and report (two reads a moment apart).
      await page.waitForTimeout(1500);
      await page.close();
    }

    // The tour did the work: numbers were read and stored from the pages.
    const stored = await readings(browser);
    expect(new Set(stored.map((r) => r.site)).size).toBeGreaterThanOrEqual(5);

    const popup = await recorder.page('popup.html');
    await popup.getByRole('tab').first().waitFor();
    for (const tab of await popup.getByRole('tab').all()) {
      await tab.click();
      await popup.waitForTimeout(300);
    }
    await popup.close();

    const options = await recorder.page('options.html');
    const data = options.locator('section.data');
    await data.waitFor();
    const exports: Buffer[] = [];
    for (const button of (await data.locator('button').all()).slice(0, 2)) {
      const [download] = await Promise.all([options.waitForEvent('download'), button.click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
      exports.push(Buffer.concat(chunks));
    }
    expect(exports[0]!.toString('utf8')).toContain('"format":"storepulse-export"');
    expect(exports[1]!.toString('utf8')).toMatch(/^date,site,store/);
    await data
      .locator('input[type="file"]')
      .setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: exports[0]! });
    await expect.poll(() => data.locator('.data-import-report').count()).toBe(1);
    await options.close();
    // The popup once more, as the operator opens it after an import.
    const again = await openPopup(browser);
    await again.locator('main').waitFor();
    await again.close();

    expect(recorder.requests).toEqual([]);
  }, 180_000);

  it('would have seen one: a request made from the worker is recorded', async () => {
    const [session] = recorder.workerSessions();
    await recorder.toTarget(session!, 'Runtime.evaluate', {
      expression: "fetch('https://probe.invalid/storepulse-network-check').catch(() => 0)",
      awaitPromise: true,
    });
    await expect.poll(() => recorder.requests.map((r) => r.url)).toContain('https://probe.invalid/storepulse-network-check');
  });
});
