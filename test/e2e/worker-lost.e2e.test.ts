import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { launchWithExtension } from '../harness/browser.mjs';
import { EXTENSION_PATH, openPopup, startServer, type Browser, type FixtureServer } from './support';

/**
 * Chromium starts its service-worker storage over when it finds it corrupt: at the next start the extension's
 * worker is registered again, and a message the popup sends meanwhile can be lost, neither answered nor refused.
 * The popup asks again (core/messages.ts, askUntilAnswered) instead of staying blank.
 */
describe('the popup after Chromium lost the worker’s registration', () => {
  let server: FixtureServer;
  let profile: string;
  beforeAll(async () => {
    server = await startServer({});
    profile = await mkdtemp(join(tmpdir(), 'storepulse-lost-worker-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  });

  it('shows its first screen at every start, the registration dropped before each', async () => {
    for (let start = 1; start <= 3; start++) {
      const b: Browser = await launchWithExtension({ extensionPath: EXTENSION_PATH, port: server.port, locale: 'en', profile });
      try {
        const popup = await openPopup(b);
        await popup.waitForFunction(() => performance.getEntriesByName('storepulse:review-painted').length > 0, null, {
          timeout: 20_000,
        });
        expect((await popup.locator('main').innerText()).trim(), `start ${start}`).not.toBe('');
      } finally {
        await b.close();
      }
      // What Chromium's fresh start of that storage leaves: no registration of the extension's worker.
      await rm(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
    }
  });
});
