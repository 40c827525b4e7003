import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { chromeProblems } from '../harness/check-packages.mjs';

/** The Web Store checks run on the built Chrome package: each rule seen failing on a package that breaks it. */

const README =
  [
    '| permission | why StorePulse needs it |',
    '|---|---|',
    '| `storage` | settings |',
    '| `activeTab` | read this page |',
    '| `https://*/*` | optional, one origin at a time |',
  ].join('\n') + '\n\n| `tabs` | in another table, which justifies nothing |';
const BACK_OFFICES = ['https://sycm.taobao.com/*'];
const GOOD = {
  manifest_version: 3,
  permissions: ['storage', 'activeTab'],
  host_permissions: ['https://sycm.taobao.com/*'],
  optional_host_permissions: ['https://*/*'],
};

let dir: string;
function pkg(manifest: object, extra: Record<string, string> = {}): string[] {
  dir = mkdtempSync(join(tmpdir(), 'storepulse-pkg-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  mkdirSync(join(dir, 'chunks'));
  writeFileSync(join(dir, 'popup.html'), '<!doctype html><script type="module" src="/chunks/popup.js"></script>');
  writeFileSync(join(dir, 'chunks/popup.js'), 'const u = "https://sycm.taobao.com/portal/home.htm"; export { u };');
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return chromeProblems(dir, { readme: README, backOffices: BACK_OFFICES });
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the Chrome package against the Web Store rules', () => {
  it('passes a package that keeps them (a link to a back office is not remote code)', () => {
    expect(pkg(GOOD)).toEqual([]);
  });

  it.each([
    [{ ...GOOD, permissions: ['storage', 'tabs'] }, 'permission tabs is not justified in the README'],
    [
      { ...GOOD, host_permissions: ['https://sycm.taobao.com/*', 'https://www.taobao.com/*'] },
      'host permission https://www.taobao.com/* is not a supported back office',
    ],
    [
      { ...GOOD, optional_host_permissions: ['<all_urls>'] },
      'optional host permission <all_urls> is not justified in the README',
    ],
    [
      { ...GOOD, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example.com" } },
      'the manifest changes the content security policy',
    ],
    [{ ...GOOD, manifest_version: 2 }, 'manifest_version is not 3'],
    [
      {
        ...GOOD,
        content_scripts: [{ matches: BACK_OFFICES, js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] }],
      },
      "the content script content-scripts/content.js adds content-scripts/content.css to the back offices' pages",
    ],
  ])('refuses %j', (manifest, problem) => {
    expect(pkg(manifest)).toContain(problem);
  });

  it('refuses remotely hosted code in a page or a bundle', () => {
    const problems = pkg(GOOD, {
      'options.html': '<script src="https://cdn.example.com/lib.js"></script>',
      'background.js': 'importScripts("https://cdn.example.com/sw.js");',
      'late.js': 'await import("https://cdn.example.com/mod.js");',
    });
    expect(problems).toEqual([
      'background.js imports a remote script',
      'late.js imports a remote module',
      'options.html loads https://cdn.example.com/lib.js',
    ]);
  });
});
