import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
// @ts-expect-error plain ES module with JSDoc types
import { launchWithExtension, readDatabase } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { startFixtureServer } from '../harness/server.mjs';

export const EXTENSION_PATH = resolve(process.env.STOREPULSE_EXTENSION ?? '.output/chrome-mv3');
export const SCREENSHOTS = resolve('artifacts/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export interface FixtureServer {
  port: number;
  route(realUrl: string, fixture: string): void;
  /** Serves `html` (a page a test made) at a real URL, ahead of any fixture routed there. */
  serve(realUrl: string, html: string): void;
  close(): Promise<void>;
}

export interface Browser {
  context: import('playwright-core').BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export const startServer = (routes: Record<string, string>): Promise<FixtureServer> => startFixtureServer({ routes });

export const launch = (port: number, locale = 'en'): Promise<Browser> =>
  launchWithExtension({ extensionPath: EXTENSION_PATH, port, locale });

export interface StoredReading {
  metric: string;
  value: number;
  currency?: string;
  store: string;
  site: string;
  period: { kind: string; start: string; end: string };
  observedAt: number;
  breakdown?: { dimension: string; key: string };
  peer?: string;
  url: string;
  source: { reader: string; locator: string; label: string; raw: string };
}

export const readings = (b: Browser): Promise<StoredReading[]> => readDatabase(b.serviceWorker, 'readings');
export const alerts = (b: Browser): Promise<Array<{ metric: string; status: string; severity: string }>> =>
  readDatabase(b.serviceWorker, 'alerts');

/** Polls until `check` returns a truthy value (the extension reads after the page settles). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function openPopup(b: Browser): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  return page;
}

/**
 * Sends a message to the background as StorePulse's own page does (settings and bindings are behind the
 * worker: no page, content script or test reads them from storage).
 */
export async function askAsExtension<T>(b: Browser, type: string, payload: unknown = {}): Promise<T> {
  const page = await b.context.newPage();
  try {
    // A StorePulse page that does nothing on its own when it is not framed.
    await page.goto(`chrome-extension://${b.extensionId}/allow.html`);
    return await page.evaluate(
      (m) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<T> } } }).chrome.runtime.sendMessage(m),
      { type, payload },
    );
  } finally {
    await page.close();
  }
}

export async function toolbarBadgeText(b: Browser): Promise<string> {
  return b.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText(
      {},
    ),
  );
}

/**
 * Runs `expression` in StorePulse's content-script world of a page's top frame, through CDP: the
 * isolated world Chromium gives the extension's scripts. What a compromised content script could do.
 */
export async function inContentScript<T>(b: Browser, page: Page, expression: string): Promise<T> {
  const cdp = await b.context.newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.includes(b.extensionId),
    );
    if (!world) throw new Error('no StorePulse content script in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export interface ShadowPart {
  /** textContent */
  text: string;
  /** getBoundingClientRect in the page's viewport; zero-sized when not rendered. */
  box: { x: number; y: number; width: number; height: number };
  visible: boolean;
}

const DESCRIBE = `function () {
  const r = this.getBoundingClientRect();
  return { text: this.textContent, box: { x: r.x, y: r.y, width: r.width, height: r.height }, visible: r.width > 0 && r.height > 0 };
}`;

/**
 * Runs `fn` (a function declaration; `this` is the element) on each element matching `inner` inside
 * the closed shadow root of each host matching `host` in the top frame, found through CDP as DevTools
 * finds them; page scripts cannot. One list of results per host.
 */
export async function inClosedShadow<T>(page: Page, host: string, inner: string, fn: string): Promise<T[][]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeId: number; shadowRoots?: Node[]; children?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const byId = new Map<number, Node>();
    const index = (n: Node) => {
      byId.set(n.nodeId, n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) index(c);
    };
    index(root);
    const { nodeIds: hosts } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: host });
    const out: T[][] = [];
    for (const hostId of hosts) {
      const shadow = byId.get(hostId)?.shadowRoots?.[0];
      if (!shadow) throw new Error(`${host} has no shadow root`);
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector: inner });
      const results: T[] = [];
      for (const nodeId of nodeIds) {
        const { object } = await cdp.send('DOM.resolveNode', { nodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!,
          functionDeclaration: fn,
          returnByValue: true,
        });
        results.push(result.value as T);
      }
      out.push(results);
    }
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Text, box and visibility of the elements matching `inner` in each `host`'s closed shadow root. */
export const closedShadow = (page: Page, host: string, inner: string): Promise<ShadowPart[][]> =>
  inClosedShadow<ShadowPart>(page, host, inner, DESCRIBE);

/** The first `inner` of the first `host`, once it is rendered. */
export async function shadowPart(page: Page, host: string, inner: string): Promise<ShadowPart> {
  return eventually(async () => {
    const [first] = (await closedShadow(page, host, inner))[0] ?? [];
    return first?.visible ? first : null;
  }, `${host} ${inner}`);
}

/** The operator's own click (trusted, through the browser's input) on the first `inner` of the first `host`. */
export async function clickInShadow(page: Page, host: string, inner: string): Promise<void> {
  const { box } = await shadowPart(page, host, inner);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

interface SyncStorage {
  set(v: object): Promise<void>;
  getBytesInUse(k: null): Promise<number>;
}

/** Fills the browser's real storage.sync with other data until `free` bytes of its 102,400 are left. */
export async function fillSync(page: Page, free: number): Promise<number> {
  return page.evaluate(async (free) => {
    const sync = (globalThis as unknown as { chrome: { storage: { sync: SyncStorage } } }).chrome.storage.sync;
    for (let i = 0; i < 12; i++) await sync.set({ [`other${i}`]: 'x'.repeat(8000) });
    const used = await sync.getBytesInUse(null);
    // The pad's own key and quotes count: "pad" + "\"…\"" is 5 bytes more than its text.
    await sync.set({ pad: 'x'.repeat(102400 - used - free - 5) });
    return sync.getBytesInUse(null);
  }, free);
}
