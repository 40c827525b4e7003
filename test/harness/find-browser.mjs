// Finds an installed browser by its usual install paths on Linux, macOS and Windows. CHROMIUM_PATH and
// FIREFOX_PATH override; when nothing is found the error is one line saying what to install.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { win32, posix } from 'node:path';

export class BrowserNotFound extends Error {
  name = 'BrowserNotFound';
}

/**
 * The places each kind of browser is installed, most preferred first. Chromium comes before Chrome:
 * branded Chrome 137 and later ignore --load-extension, which the harness uses.
 * @param {'chromium' | 'firefox'} kind
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @param {string} home
 * @returns {string[]}
 */
export function candidates(kind, platform, env, home) {
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'] ?? env['ProgramFiles(x86)']].filter(
      /** @returns {r is string} */ (r) => Boolean(r),
    );
    const under = (/** @type {string[]} */ ...rel) => roots.flatMap((root) => rel.map((r) => win32.join(root, r)));
    return kind === 'chromium'
      ? under(
          'Chromium\\Application\\chrome.exe',
          'Google\\Chrome\\Application\\chrome.exe',
          'Microsoft\\Edge\\Application\\msedge.exe',
        )
      : under('Mozilla Firefox\\firefox.exe', 'Firefox Developer Edition\\firefox.exe', 'Firefox Nightly\\firefox.exe');
  }
  if (platform === 'darwin') {
    const apps = (/** @type {string[]} */ ...rel) =>
      ['/Applications', posix.join(home, 'Applications')].flatMap((dir) => rel.map((r) => posix.join(dir, r)));
    return kind === 'chromium'
      ? apps(
          'Chromium.app/Contents/MacOS/Chromium',
          'Google Chrome.app/Contents/MacOS/Google Chrome',
          'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        )
      : apps(
          'Firefox.app/Contents/MacOS/firefox',
          'Firefox Developer Edition.app/Contents/MacOS/firefox',
          'Firefox Nightly.app/Contents/MacOS/firefox',
        );
  }
  return kind === 'chromium'
    ? [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
        '/usr/bin/microsoft-edge',
        '/usr/bin/microsoft-edge-stable',
        '/opt/microsoft/msedge/msedge',
      ]
    : [
        '/usr/bin/firefox-esr',
        '/usr/bin/firefox',
        '/snap/bin/firefox',
        '/opt/firefox/firefox',
        '/usr/lib/firefox-esr/firefox-esr',
      ];
}

const INSTALL = {
  chromium: {
    linux: 'install Chromium (Debian/Ubuntu: apt-get install chromium), Chrome or Edge',
    darwin: 'install Chromium, Google Chrome or Microsoft Edge in /Applications',
    win32: 'install Google Chrome, Microsoft Edge or Chromium',
  },
  firefox: {
    linux: 'install Firefox (Debian: apt-get install firefox-esr)',
    darwin: 'install Firefox in /Applications',
    win32: 'install Firefox',
  },
};

/**
 * @param {'chromium' | 'firefox'} kind
 * @param {{ platform?: NodeJS.Platform, env?: Record<string, string | undefined>, exists?: (path: string) => boolean, home?: string }} [options]
 * @returns {string} the executable's path
 * @throws {BrowserNotFound} with a one-line message naming what to install (or the override that is wrong)
 */
export function findBrowser(
  kind,
  { platform = process.platform, env = process.env, exists = existsSync, home = homedir() } = {},
) {
  const variable = kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
  const override = env[variable];
  if (override) {
    if (exists(override)) return override;
    throw new BrowserNotFound(`${variable} is set to ${override}, which does not exist`);
  }
  const list = candidates(kind, platform, env, home);
  const found = list.find((p) => exists(p));
  if (found) return found;
  const os = platform === 'win32' || platform === 'darwin' ? platform : 'linux';
  const name = kind === 'chromium' ? 'Chrome, Chromium or Edge' : 'Firefox';
  throw new BrowserNotFound(`No ${name} found: ${INSTALL[kind][os]}, or set ${variable} to its executable.`);
}
