import { describe, expect, it } from 'vitest';
import { createService, type ServiceDeps } from '@/core/background/service';
import { openDatabase } from '@/core/db';
import { EXT, EXT_ORIGIN, pageSender, POPUP } from './support/senders';

/** The badges' code on demand (core/content/badge-kit.ts): the background injects it into the asking tab only. */

const HOME = 'https://sycm.taobao.com/portal/home.htm';
let n = 0;

function service(over: Partial<ServiceDeps> = {}) {
  const injected: number[] = [];
  const s = createService({
    extensionId: EXT,
    extensionOrigin: EXT_ORIGIN,
    openDb: () => openDatabase(`storepulse-badge-code-${++n}`),
    injectBadges: async (tabId) => void injected.push(tabId),
    ...over,
  });
  return { s, injected };
}

describe('the badges’ code', () => {
  it('is injected into the tab of the page that asks, and nowhere else', async () => {
    const { s, injected } = service();
    expect(await s.handle({ type: 'badgeCode', payload: {} }, pageSender(7, HOME))).toEqual({ ok: true });
    expect(injected).toEqual([7]);
  });

  it('is refused to StorePulse’s own pages and to a payload with anything in it, injecting nothing', async () => {
    const { s, injected } = service();
    expect(await s.handle({ type: 'badgeCode', payload: {} }, POPUP)).toEqual({
      error: 'badgeCode refused: only the page’s own tab may ask this',
    });
    expect(await s.handle({ type: 'badgeCode', payload: { tabId: 3 } }, pageSender(7, HOME))).toMatchObject({
      error: /invalid badgeCode/,
    });
    expect(injected).toEqual([]);
  });

  it('says why when the browser would not inject it', async () => {
    const { s } = service({
      injectBadges: async () => {
        throw new Error(
          'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
        );
      },
    });
    expect(await s.handle({ type: 'badgeCode', payload: {} }, pageSender(7, HOME))).toMatchObject({
      error: /Cannot access contents of the page/,
    });
  });
});
