import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { BrowserNotFound, findBrowser } from '../harness/find-browser.mjs';

/** The browser finder that `npm start` and `npm test` use, on each platform, with injected file checks. */

type Kind = 'chromium' | 'firefox';
const find = (kind: Kind, platform: string, installed: string[], env: Record<string, string> = {}): string =>
  findBrowser(kind, {
    platform,
    env,
    home: platform === 'win32' ? 'C:\\Users\\op' : '/Users/op',
    exists: (p: string) => installed.includes(p),
  });

const WIN_ENV = {
  LOCALAPPDATA: 'C:\\Users\\op\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

describe('findBrowser', () => {
  it.each([
    ['linux', ['/usr/bin/chromium'], {}, '/usr/bin/chromium'],
    ['linux', ['/usr/bin/google-chrome-stable'], {}, '/usr/bin/google-chrome-stable'],
    ['linux', ['/opt/microsoft/msedge/msedge'], {}, '/opt/microsoft/msedge/msedge'],
    // Chromium first: branded Chrome needs a switch to load an unpacked extension from the command line.
    ['linux', ['/usr/bin/google-chrome', '/snap/bin/chromium'], {}, '/snap/bin/chromium'],
    [
      'darwin',
      ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      {},
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    [
      'darwin',
      ['/Users/op/Applications/Chromium.app/Contents/MacOS/Chromium'],
      {},
      '/Users/op/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    [
      'win32',
      ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
      WIN_ENV,
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ],
    [
      'win32',
      ['C:\\Users\\op\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
      WIN_ENV,
      'C:\\Users\\op\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ],
  ])('finds Chrome, Chromium or Edge on %s at %j', (platform, installed, env, expected) => {
    expect(find('chromium', platform, installed, env)).toBe(expected);
  });

  it.each([
    ['linux', '/usr/bin/firefox-esr'],
    ['linux', '/usr/bin/firefox'],
    ['darwin', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    ['win32', 'C:\\Program Files\\Mozilla Firefox\\firefox.exe'],
  ])('finds Firefox on %s at %s', (platform, path) => {
    expect(find('firefox', platform, [path], WIN_ENV)).toBe(path);
  });

  it('takes CHROMIUM_PATH and FIREFOX_PATH over anything installed', () => {
    expect(find('chromium', 'linux', ['/usr/bin/chromium', '/opt/cft/chrome'], { CHROMIUM_PATH: '/opt/cft/chrome' })).toBe(
      '/opt/cft/chrome',
    );
    expect(find('firefox', 'linux', ['/usr/bin/firefox-esr', '/opt/ff/firefox'], { FIREFOX_PATH: '/opt/ff/firefox' })).toBe(
      '/opt/ff/firefox',
    );
  });

  it('says in one line when the override points nowhere, rather than falling back silently', () => {
    expect(() => find('chromium', 'linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope/chrome' })).toThrow(
      'CHROMIUM_PATH is set to /nope/chrome, which does not exist',
    );
  });

  it.each([
    [
      'chromium',
      'linux',
      'No Chrome, Chromium or Edge found: install Chromium (Debian/Ubuntu: apt-get install chromium), Chrome or Edge, or set CHROMIUM_PATH to its executable.',
    ],
    [
      'chromium',
      'darwin',
      'No Chrome, Chromium or Edge found: install Chromium, Google Chrome or Microsoft Edge in /Applications, or set CHROMIUM_PATH to its executable.',
    ],
    [
      'chromium',
      'win32',
      'No Chrome, Chromium or Edge found: install Google Chrome, Microsoft Edge or Chromium, or set CHROMIUM_PATH to its executable.',
    ],
    [
      'firefox',
      'linux',
      'No Firefox found: install Firefox (Debian: apt-get install firefox-esr), or set FIREFOX_PATH to its executable.',
    ],
    ['firefox', 'win32', 'No Firefox found: install Firefox, or set FIREFOX_PATH to its executable.'],
  ] as const)('when no %s is on %s, says in one line what to install', (kind, platform, message) => {
    let error: unknown;
    try {
      find(kind, platform, [], WIN_ENV);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFound);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
