// The badges' code (badges.js) comes to a page only when it has a badge to show: the background injects
// it into the content scripts' world on the page's first alert (core/content/badge-kit.ts). Whether a
// tab has it is asked in that same world, through scripting.executeScript from one of StorePulse's
// own pages, in Chromium and in Firefox.

import { describe, expect, it } from 'vitest';
import { ENGINES, sessionFor, type Session } from './engines';
import { eventually, type StoredReading } from './support';

const GOOD = 'https://sycm.taobao.com/portal/good.htm';
const ALERT = 'https://sycm.taobao.com/portal/home.htm';
const BOUNCE = 'storepulse-badge[data-metric="bounceRate"]';

/** Whether the tab showing `url` holds the badges' code, asked in its content scripts' world. */
async function hasBadgeCode(session: Session, url: string): Promise<boolean> {
  const probe = await session.openExtension('/options.html');
  try {
    return await probe.evaluate(async (u) => {
      type Api = {
        tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
        scripting: {
          executeScript(i: { target: { tabId: number }; func: () => boolean }): Promise<Array<{ result?: unknown }>>;
        };
      };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const [tab] = await api.tabs.query({ url: u });
      if (tab?.id === undefined) throw new Error(`no tab shows ${u}`);
      const [frame] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => Symbol.for('storepulse.badges') in globalThis,
      });
      return frame?.result === true;
    }, url);
  } finally {
    await probe.close();
  }
}

describe.each(ENGINES)('the badges’ code in %s', (engine) => {
  const session = sessionFor(engine, { [GOOD]: 'sycm/home-good.html', [ALERT]: 'sycm/home.html' }, 'zh-CN');

  it('never comes to a page without an alert', async () => {
    const page = await session().open(GOOD);
    await eventually(async () => {
      const stored = await session().readDatabase<StoredReading>('readings');
      return stored.some((r) => r.url === GOOD && r.metric === 'bounceRate' && r.value === 0.452);
    }, 'the good page read and stored');
    // Stored and answered: a badge the answer asked for would be placed by now.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.count('storepulse-badge')).toBe(0);
    expect(await hasBadgeCode(session(), GOOD)).toBe(false);
    await page.close();
  });

  it('comes with the first alert, and the badge shows next to its number', async () => {
    const page = await session().open(ALERT);
    await page.waitFor(BOUNCE);
    expect(await page.attribute(BOUNCE, 'data-severity')).toBe('critical');
    expect(await page.evaluate((s) => document.querySelector(s)?.parentElement?.textContent?.trim(), BOUNCE)).toBe('72.31%');
    expect(await hasBadgeCode(session(), ALERT)).toBe(true);
    await page.close();
  });
});
