// A browser with the built extension, every host sent to the fixture server: Chromium (Chrome, Edge)
// through Playwright with --host-resolver-rules, or Firefox (firefox.mjs) through WebDriver BiDi and a proxy.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser.mjs';
import { launchFirefoxWithExtension } from './firefox.mjs';
import { READ_DATABASE } from './read-database.mjs';

/** @param {import('playwright-core').Worker} w */
const isExtensionWorker = (w) => w.url().startsWith('chrome-extension://');

/**
 * @param {string} userDataDir
 * @param {{ executablePath: string, headless: boolean, locale: string, args: string[] }} o
 */
async function launch(userDataDir, { executablePath, headless, locale, args }) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale,
    viewport: { width: 1280, height: 800 },
    args,
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
  });
  try {
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 10_000 }));
    return { context, worker };
  } catch {
    await context.close().catch(() => {});
    return { context: null, worker: null };
  }
}

/**
/**
 * Chromium (the default) or, with `browser: 'firefox'`, Firefox: see launchFirefoxWithExtension for
 * what that returns. The browser is found by findBrowser (CHROMIUM_PATH / FIREFOX_PATH override).
 * `profile` (Chromium): a profile folder to use and keep (to open the same profile again); else a new
 * one, removed on close.
 * @template {'chromium' | 'firefox'} [B='chromium']
 * @param {{ extensionPath: string, port: number, headless?: boolean, locale?: string, extraArgs?: string[],
 *           browser?: B, grantHostPermissions?: boolean, profile?: string }} options
 * @returns {Promise<B extends 'firefox' ? Awaited<ReturnType<typeof launchFirefoxWithExtension>> : Awaited<ReturnType<typeof launchChromium>>>}
 */
export async function launchWithExtension(options) {
  const launched = options.browser === 'firefox' ? launchFirefoxWithExtension(options) : launchChromium(options);
  return /** @type {any} */ (await launched);
}

/**
 * @param {{ extensionPath: string, port: number, headless?: boolean, locale?: string, extraArgs?: string[], profile?: string }} options
 */
async function launchChromium({ extensionPath, port, headless = true, locale = 'en', extraArgs = [], profile }) {
  const ext = resolve(extensionPath);
  const executablePath = findBrowser('chromium');
  const args = [
    '--disable-extensions-except=' + ext,
    '--load-extension=' + ext,
    // Branded Chrome 137+ ignores --load-extension unless this switch is turned back off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-sandbox',
    '--disable-gpu',
    // QUIC would go around the TCP-only fixture server.
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Real host names (sycm.taobao.com) must reach the fixture server, so that the extension's
    // `matches` patterns and the pages' origins are the production ones.
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--lang=' + locale,
    ...extraArgs,
  ];

  const userDataDir = profile ?? (await mkdtemp(join(tmpdir(), 'storepulse-profile-')));
  const removeProfile = () => (profile ? Promise.resolve() : rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }));
  try {
    let { context, worker } = await launch(userDataDir, { executablePath, headless, locale, args });
    if (!worker && headless) {
      // Extensions load only in Chromium's new headless mode. Chromium ≥ 132 gives it for Playwright's
      // plain --headless; an older binary, or Playwright's headless shell, drops the extension silently.
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      await mkdir(userDataDir, { recursive: true });
      ({ context, worker } = await launch(userDataDir, {
        executablePath,
        headless: false,
        locale,
        args: [...args, '--headless=new'],
      }));
    }
    if (!context || !worker) {
      throw new Error(
        `the extension's service worker did not start in ${executablePath} (is ${ext} a built MV3 ` +
          'extension with background.service_worker?)',
      );
    }
    const ctx = context;
    return {
      engine: /** @type {const} */ ('chromium'),
      context: ctx,
      extensionId: new URL(worker.url()).host,
      serviceWorker: worker,
      userDataDir,
      close: async () => {
        await ctx.close().catch(() => {});
        await removeProfile();
      },
    };
  } catch (err) {
    await removeProfile();
    throw err;
  }
}

/**
 * All records of one object store of the extension's IndexedDB database `storepulse`, read inside the
 * service worker (the only context that sees the extension's origin storage).
 * @param {import('playwright-core').Worker} serviceWorker
 * @param {string} storeName
 * @returns {Promise<unknown[]>}
 */
export async function readDatabase(serviceWorker, storeName) {
  return serviceWorker.evaluate(READ_DATABASE, storeName);
}

/**
 * Every day the history keeps, one object a day (`{ id, site, store, metric, part, date, value,
 * provisional }`), read from the shop month records of the `days` store (core/daily-months.ts).
 * @param {import('playwright-core').Worker} serviceWorker
 */
export async function readDays(serviceWorker) {
  return daysOfMonths(/** @type {ShopMonthRecord[]} */ (await readDatabase(serviceWorker, 'days')));
}

/**
 * @typedef {{ metric: string, part: string, values: Array<number | null>, provisional: number }} SeriesDays
 * @typedef {{ site: string, store: string, month: string, series: SeriesDays[] }} ShopMonthRecord
 */

/**
 * The days of the `days` store's shop month records, as readDays gives them (read in either browser).
 * @param {ShopMonthRecord[]} months
 */
export function daysOfMonths(months) {
  const esc = (/** @type {string} */ s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  return months
    .flatMap(({ site, store, month, series }) => series.map((m) => ({ ...m, site, store, month })))
    .flatMap((m) =>
      m.values.flatMap((value, i) => {
        if (value === null) return [];
        const date = `${m.month}-${String(i + 1).padStart(2, '0')}`;
        const id = [m.site, m.store, m.metric, m.part, date].map(esc).join('|');
        return [
          {
            id,
            site: m.site,
            store: m.store,
            metric: m.metric,
            part: m.part,
            date,
            value,
            provisional: (m.provisional & (1 << i)) !== 0,
          },
        ];
      }),
    );
}
