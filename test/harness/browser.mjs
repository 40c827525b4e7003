// Chromium with an unpacked MV3 extension, every host resolved to the fixture server.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

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
 * `profile`: a profile folder to use and keep (to open the same profile again); else a new one, removed on close.
 * @param {{ extensionPath: string, port: number, headless?: boolean, locale?: string, extraArgs?: string[], profile?: string }} options
 */
export async function launchWithExtension({ extensionPath, port, headless = true, locale = 'en', extraArgs = [], profile }) {
  const ext = resolve(extensionPath);
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const args = [
    '--disable-extensions-except=' + ext,
    '--load-extension=' + ext,
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
  return serviceWorker.evaluate(async (name) => {
    // Opening a database that does not exist yet would create it at version 1, and the extension's own
    // upgrade chain would then start from oldVersion 1 and skip its first step. Look before opening,
    // and abort the creation if the database appears between the two calls.
    if (typeof indexedDB.databases === 'function') {
      const all = await indexedDB.databases();
      if (!all.some((d) => d.name === 'storepulse')) return [];
    }
    /** @type {IDBDatabase | null} */
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('storepulse');
      let creating = false;
      req.onupgradeneeded = () => {
        creating = true;
        req.transaction?.abort();
      };
      req.onsuccess = () => ok(req.result);
      req.onerror = () => (creating ? ok(null) : fail(req.error));
      req.onblocked = () => fail(new Error('storepulse database is blocked by an open upgrade'));
    });
    if (!db) return [];
    try {
      if (!db.objectStoreNames.contains(name)) return [];
      return await new Promise((ok, fail) => {
        const req = db.transaction(name, 'readonly').objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    } finally {
      db.close();
    }
  }, storeName);
}

/**
 * Every day the history keeps, one object a day (`{ id, site, store, metric, part, date, value,
 * provisional }`), read from the month records of the `days` store (core/daily-months.ts).
 * @param {import('playwright-core').Worker} serviceWorker
 */
export async function readDays(serviceWorker) {
  const months =
    /** @type {Array<{ site: string, store: string, metric: string, part: string, month: string, values: Array<number | null>, provisional: number }>} */ (
      await readDatabase(serviceWorker, 'days')
    );
  const esc = (/** @type {string} */ s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  return months.flatMap((m) =>
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
