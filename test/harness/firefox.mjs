// Firefox with the built add-on installed as a temporary add-on, driven over WebDriver BiDi
// (puppeteer-core; it never downloads a browser). Pages are served at their real URLs: every https
// connection goes through the harness's CONNECT proxy to the fixture server, and the throw-away
// certificate is accepted through BiDi's acceptInsecureCerts.

import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findBrowser } from './find-browser.mjs';
import { startProxy } from './proxy.mjs';
import { READ_DATABASE } from './read-database.mjs';

/**
 * @param {{ extensionPath: string, port: number, headless?: boolean, locale?: string,
 *           grantHostPermissions?: boolean, prefs?: Record<string, unknown> }} options
 *   grantHostPermissions: false installs the add-on the way Firefox would without granting its host
 *   permissions (they are optional at install in Firefox MV3), so a test can ask for them as the
 *   operator would.
 */
export async function launchFirefoxWithExtension({
  extensionPath,
  port,
  headless = true,
  locale = 'en',
  grantHostPermissions = true,
  prefs = {},
}) {
  const ext = resolve(extensionPath);
  const manifest = JSON.parse(await readFile(join(ext, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${ext} is not a Firefox build (no browser_specific_settings.gecko.id)`);
  const executablePath = findBrowser('firefox');
  // A known moz-extension:// host, so the harness can open the add-on's pages.
  const uuid = randomUUID();
  const downloads = await mkdtemp(join(tmpdir(), 'storepulse-downloads-'));
  const proxy = await startProxy({ port });
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await proxy.close();
    await rm(downloads, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      acceptInsecureCerts: true,
      // WebDriver may open only http(s) pages unless given this; the add-on's own pages are moz-extension://.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: {
        // Every connection through the proxy, which ends at the fixture server; localhost (the
        // harness's own connection to the browser) never goes through it.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
        'network.proxy.allow_hijacking_localhost': false,
        'network.proxy.socks_remote_dns': true,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        'network.http.speculative-parallel-limit': 0,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Firefox's own services (block list, remote settings) stay quiet, so what the proxy logs is the pages'.
        'extensions.blocklist.enabled': false,
        // (the server override is honoured with MOZ_REMOTE_SETTINGS_DEVTOOLS; port 9 on 127.0.0.1 refuses)
        'services.settings.server': 'http://127.0.0.1:9/v1',
        'intl.accept_languages': locale,
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        // Host permissions are optional at install in Firefox MV3; granted by default since Firefox 127.
        'extensions.originControls.grantByDefault': grantHostPermissions,
        // permissions.request() from the add-on's own page answers as the operator's "Allow" would:
        // automation cannot click Firefox's own prompt.
        'extensions.webextOptionalPermissionPrompts': false,
        // Downloads (export) land in a folder the test reads, without a dialog.
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.panel.shown': true,
        ...prefs,
      },
    });
    const installed = await browser.installExtension(ext);
    if (installed !== addonId) throw new Error(`Firefox installed ${installed}, expected ${addonId}`);
  } catch (err) {
    await cleanUp();
    throw err;
  }
  const b = browser;
  const extensionOrigin = `moz-extension://${uuid}`;
  /**
   * Loads `url` in `page` and waits for the new document. Puppeteer's goto() and reload() wait for
   * navigation events Firefox does not always send (never for moz-extension:// pages, and not for a
   * reload once another tab has the focus), so this asks BiDi to navigate and then watches the document.
   * @param {import('puppeteer-core').Page} page
   * @param {string} url
   */
  const navigate = async (page, url) => {
    const context = /** @type {{ browsingContext: { navigate(url: string, wait: string): Promise<void> } }} */ (
      /** @type {unknown} */ (page.mainFrame())
    ).browsingContext;
    // Marks the document being left, so that loading the same address again is seen to have happened.
    await page.evaluate(() => void Object.assign(window, { storepulseLeft: true })).catch(() => {});
    await context.navigate(url, 'none');
    await page.waitForFunction(
      (u) => location.href === u && document.readyState === 'complete' && !('storepulseLeft' in window),
      { timeout: 20_000 },
      url,
    );
  };
  /**
   * Opens one of the add-on's pages (`/popup.html`) in `page`, or in a new tab.
   * @param {string} path
   * @param {import('puppeteer-core').Page} [into]
   */
  const openExtensionPage = async (path, into) => {
    const page = into ?? (await b.newPage());
    await navigate(page, new URL(path, extensionOrigin).href);
    return page;
  };
  /** @type {import('puppeteer-core').Page | undefined} */
  let probe;
  /** An extension page the harness evaluates in: same origin as the background, so the same IndexedDB. */
  const probePage = async () => {
    if (!probe || probe.isClosed()) probe = await openExtensionPage('/allow.html');
    return probe;
  };
  return {
    engine: /** @type {const} */ ('firefox'),
    browser: b,
    addonId,
    extensionOrigin,
    openExtensionPage,
    navigate,
    /** Hosts the browser connected to through the proxy (`connect host:443`, or `http host/path`). */
    requests: proxy.requests,
    downloads,
    /** @param {string} store */
    readDatabase: async (store) => (await probePage()).evaluate(READ_DATABASE, store),
    toolbarBadgeText: async () =>
      (await probePage()).evaluate(() =>
        /** @type {{ browser: { action: { getBadgeText(d: object): Promise<string> } } }} */ (
          /** @type {unknown} */ (globalThis)
        ).browser.action.getBadgeText({}),
      ),
    /**
     * Files saved to the download folder so far. Firefox reserves a download's name with an empty file
     * and writes to `<name>.part` beside it; a file counts once that is gone and it has content.
     */
    downloaded: async () => {
      const names = await readdir(downloads);
      const done = names.filter((f) => !f.endsWith('.part') && !names.includes(`${f}.part`));
      const sizes = await Promise.all(done.map(async (f) => (await stat(join(downloads, f))).size));
      return done.filter((_, i) => sizes[i] > 0);
    },
    close: cleanUp,
  };
}
