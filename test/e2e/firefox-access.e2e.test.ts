// Firefox MV3 treats host permissions as optional at install: an operator may have StorePulse without
// access to the back offices, and then nothing would be read. The popup says so and asks, and once the
// operator allows it the page is read. The permission is asked for the way the operator would: a click
// on the popup's own button calls permissions.request (Firefox's prompt answers "Allow" in automation).

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, launchIn, type Session } from './engines';
import { SCREENSHOTS, startServer, type FixtureServer } from './support';

const HOME = 'https://sycm.taobao.com/portal/home.htm';
const BOUNCE = 'storepulse-badge[data-metric="bounceRate"]';
const NOTICE = '[data-testid="host-access"]';

describe.runIf(ENGINES.includes('firefox')).each([
  ['zh-CN', '一个也读不到', '允许访问', '重新加载后台页面'],
  ['zh-TW', '一個也讀不到', '允許存取', '重新載入後台頁面'],
  ['en', 'reads nothing there', 'Allow access', 'Reload your back-office page'],
])('Firefox without access to the back offices, in %s', (locale, says, button, granted) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    server = await startServer({ [HOME]: 'sycm/home.html' });
    session = await launchIn('firefox', server.port, locale, { grantHostPermissions: false });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('reads nothing, says so in the popup, and reads the page once the operator allows it', async () => {
    const page = await session.open(HOME);
    expect(await page.text('.shop-name-4Gh')).toBe('小雨的旗舰店');
    // Long enough for a page the extension may read to be read and badged (under 2 s in these tests).
    await new Promise((r) => setTimeout(r, 3000));
    expect(await page.count('storepulse-badge')).toBe(0);
    expect(await session.readDatabase('readings')).toEqual([]);

    const popup = await session.openExtension('/popup.html');
    await popup.waitFor(NOTICE);
    expect(await popup.text(NOTICE)).toContain(says);
    expect(await popup.text(`${NOTICE} button`)).toBe(button);
    await popup.screenshot(join(SCREENSHOTS, `firefox-popup-access-${locale}.png`));

    await popup.click(`${NOTICE} button`);
    await popup.waitFor(`${NOTICE}[role="status"]`);
    expect(await popup.text(NOTICE)).toContain(granted);
    expect(await popup.count(`${NOTICE} button`)).toBe(0);
    expect(
      await popup.evaluate(
        (origin) =>
          (
            globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }
          ).browser.permissions.contains({
            origins: [origin],
          }),
        'https://sycm.taobao.com/*',
      ),
    ).toBe(true);

    await page.reload();
    await page.waitFor(BOUNCE);
    expect(await page.attribute(BOUNCE, 'data-severity')).toBe('critical');
    await popup.reload();
    await popup.waitFor('li.inbox-alert[data-metric="bounceRate"]');
    expect(await popup.count(NOTICE)).toBe(0);
  });
});
