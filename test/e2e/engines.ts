// One end-to-end suite over both browsers: a session and its tabs with the few verbs the journeys
// need, driven by Playwright in Chromium and by puppeteer-core (WebDriver BiDi) in Firefox.
// Selectors are CSS; ` >>> ` steps into an element's open shadow root in both (StorePulse's own badges
// have closed roots: tests find them by their host's data- attributes and click them with `clickAt`).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
// @ts-expect-error plain ES module with JSDoc types
import { launchWithExtension } from '../harness/browser.mjs';
// @ts-expect-error plain ES module with JSDoc types
import { READ_DATABASE } from '../harness/read-database.mjs';
import { afterAll, beforeAll } from 'vitest';
import { EXTENSION_PATH, startServer, toolbarBadgeText, type Browser, type FixtureServer } from './support';

export type Engine = 'chromium' | 'firefox';

/** The browsers the cross-browser suites run in; E2E_BROWSERS=firefox (or chromium) narrows it. */
export const ENGINES: Engine[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is Engine => e === 'chromium' || e === 'firefox');

export const FIREFOX_EXTENSION_PATH = resolve(process.env.STOREPULSE_FIREFOX_EXTENSION ?? '.output/firefox-mv3');

export interface FileToUpload {
  name: string;
  mimeType: string;
  /** Text (written as UTF-8) or the file's bytes. */
  content: string | Buffer;
}

export interface Tab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Waits until an element matches (attached, visible or not). */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  count(selector: string): Promise<number>;
  attribute(selector: string, name: string): Promise<string | null>;
  text(selector: string): Promise<string>;
  click(selector: string): Promise<void>;
  /**
   * The operator's own click (through the browser's input) at `x`, `y` CSS pixels from the top left of
   * the first `selector`: how a test reaches a control inside a closed shadow root, which no selector can.
   */
  clickAt(selector: string, x: number, y: number): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  upload(selector: string, file: FileToUpload): Promise<void>;
  /** Clicks `selector` and returns the file the page saved. */
  download(selector: string): Promise<{ name: string; text: string }>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface Session {
  engine: Engine;
  /** A web page in a new tab. */
  open(url: string): Promise<Tab>;
  /** One of the extension's pages (`/popup.html`) in a new tab, at the given size. */
  openExtension(path: string, size?: { width: number; height: number }): Promise<Tab>;
  readDatabase<T = Record<string, unknown>>(store: string): Promise<T[]>;
  toolbarBadgeText(): Promise<string>;
  /** Firefox: every connection the browser opened through the harness's proxy (`connect host:443`). */
  connections?: readonly string[];
  close(): Promise<void>;
}

/** A message to the background from one of StorePulse's own pages (`probe`), as the page would send it. */
export const askFrom = <T>(probe: Tab, type: string, payload: unknown = {}): Promise<T> =>
  probe.evaluate(
    (m) => {
      type Ext = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Ext; chrome: Ext };
      return g.browser ? (g.browser.runtime.sendMessage(m) as Promise<T>) : (g.chrome.runtime.sendMessage(m) as Promise<T>);
    },
    { type, payload },
  );

export interface LaunchOptions {
  /** Firefox only: false installs the add-on without its host permissions (optional at install there). */
  grantHostPermissions?: boolean;
}

export async function launchIn(engine: Engine, port: number, locale = 'en', options: LaunchOptions = {}): Promise<Session> {
  return engine === 'firefox' ? launchFirefox(port, locale, options) : launchChromium(port, locale);
}

/**
 * A session in `engine` over a fixture server with `pages`, opened before the suite's tests and closed
 * after them; the returned function gives the open session.
 */
export function sessionFor(
  engine: Engine,
  pages: Record<string, string>,
  locale = 'en',
  options: LaunchOptions = {},
): () => Session {
  return sessionAndServerFor(engine, pages, locale, options).session;
}

/** sessionFor, with the fixture server too (for a suite that serves pages it makes: `server().serve`). */
export function sessionAndServerFor(
  engine: Engine,
  pages: Record<string, string>,
  locale = 'en',
  options: LaunchOptions = {},
): { session: () => Session; server: () => FixtureServer } {
  let server: FixtureServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await startServer(pages);
    session = await launchIn(engine, server.port, locale, options);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return {
    session: () => {
      if (!session) throw new Error(`no ${engine} session`);
      return session;
    },
    server: () => {
      if (!server) throw new Error('no fixture server');
      return server;
    },
  };
}

const POPUP_SIZE = { width: 400, height: 600 };

async function launchChromium(port: number, locale: string): Promise<Session> {
  const b: Browser = await launchWithExtension({ extensionPath: EXTENSION_PATH, port, locale });
  const wrap = (page: PlaywrightPage): Tab => {
    const at = (selector: string) => page.locator(selector.replaceAll(' >>> ', ' ')).first();
    return {
      goto: async (url) => void (await page.goto(url)),
      reload: async () => void (await page.reload()),
      waitFor: (selector, timeout = 20_000) => at(selector).waitFor({ state: 'attached', timeout }),
      count: (selector) => page.locator(selector.replaceAll(' >>> ', ' ')).count(),
      attribute: (selector, name) => at(selector).getAttribute(name),
      text: (selector) => at(selector).innerText(),
      click: (selector) => at(selector).click(),
      async clickAt(selector, x, y) {
        // The host of a closed root may have no box of its own that Playwright calls visible: click where it is.
        const box = await at(selector).boundingBox();
        if (!box) throw new Error(`${selector} is not rendered`);
        await page.mouse.click(box.x + x, box.y + y);
      },
      fill: (selector, value) => at(selector).fill(value),
      upload: (selector, f) =>
        at(selector).setInputFiles({
          name: f.name,
          mimeType: f.mimeType,
          buffer: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content,
        }),
      async download(selector) {
        const [file] = await Promise.all([page.waitForEvent('download'), at(selector).click()]);
        const chunks: Buffer[] = [];
        for await (const chunk of await file.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
        return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
      },
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg as unknown),
      screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
      close: () => page.close(),
    };
  };
  return {
    engine: 'chromium',
    async open(url) {
      const page = await b.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openExtension(path, size = POPUP_SIZE) {
      const page = await b.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${b.extensionId}${path}`);
      return wrap(page);
    },
    readDatabase: (store) => b.serviceWorker.evaluate(READ_DATABASE, store),
    toolbarBadgeText: () => toolbarBadgeText(b),
    close: () => b.close(),
  };
}

interface Firefox {
  browser: import('puppeteer-core').Browser;
  requests: string[];
  extensionOrigin: string;
  openExtensionPage(path: string, into?: PuppeteerPage): Promise<PuppeteerPage>;
  navigate(page: PuppeteerPage, url: string): Promise<void>;
  readDatabase(store: string): Promise<unknown[]>;
  toolbarBadgeText(): Promise<string>;
  downloaded(): Promise<string[]>;
  downloads: string;
  close(): Promise<void>;
}

async function launchFirefox(port: number, locale: string, options: LaunchOptions): Promise<Session> {
  const ff: Firefox = await launchWithExtension({
    browser: 'firefox',
    extensionPath: FIREFOX_EXTENSION_PATH,
    port,
    locale,
    grantHostPermissions: options.grantHostPermissions ?? true,
  });
  const uploads = mkdtempSync(join(tmpdir(), 'storepulse-uploads-'));
  const wrap = (page: PuppeteerPage): Tab => {
    const handle = async (selector: string) => {
      const el = await page.$(selector);
      if (!el) throw new Error(`nothing matches ${selector}`);
      return el;
    };
    return {
      goto: async (url) => void (await page.goto(url)),
      reload: async () => void (await ff.navigate(page, await page.evaluate(() => location.href))),
      waitFor: async (selector, timeout = 20_000) => void (await page.waitForSelector(selector, { timeout })),
      count: async (selector) => (await page.$$(selector)).length,
      attribute: async (selector, name) => (await handle(selector)).evaluate((el, n) => el.getAttribute(n), name),
      text: async (selector) => (await handle(selector)).evaluate((el) => (el as HTMLElement).innerText),
      click: (selector) => page.locator(selector).click(),
      async clickAt(selector, x, y) {
        const box = await (await handle(selector)).boundingBox();
        if (!box) throw new Error(`${selector} is not rendered`);
        await page.mouse.click(box.x + x, box.y + y);
      },
      fill: (selector, value) => page.locator(selector).fill(value),
      async upload(selector, f) {
        const path = join(uploads, f.name);
        writeFileSync(path, f.content);
        const input = (await handle(selector)) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
        await input.uploadFile(path);
      },
      async download(selector) {
        const before = new Set(await ff.downloaded());
        await page.locator(selector).click();
        const until = Date.now() + 15_000;
        while (Date.now() < until) {
          const name = (await ff.downloaded()).find((f) => !before.has(f));
          if (name) return { name, text: readFileSync(join(ff.downloads, name), 'utf8') };
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`clicking ${selector} saved no file`);
      },
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg as unknown),
      screenshot: async (path, fullPage = false) => void (await page.screenshot({ path: path as `${string}.png`, fullPage })),
      close: () => page.close(),
    };
  };
  return {
    engine: 'firefox',
    async open(url) {
      const page = await ff.browser.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openExtension(path, size = POPUP_SIZE) {
      const page = await ff.browser.newPage();
      await page.setViewport(size);
      return wrap(await ff.openExtensionPage(path, page));
    },
    readDatabase: (store) => ff.readDatabase(store) as never,
    toolbarBadgeText: () => ff.toolbarBadgeText(),
    connections: ff.requests,
    async close() {
      await ff.close();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
