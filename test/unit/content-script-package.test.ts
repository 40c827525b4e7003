import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { CONTENT_SCRIPT_CEILING, contentScriptReport } from '../harness/check-packages.mjs';

/** The content-script checks of `npm run check:packages`, each seen failing on a package that breaks it. */

let dir: string;
function pkg(scripts: Array<{ matches: string[]; js: string[] }>, files: Record<string, string | Buffer>) {
  dir = mkdtempSync(join(tmpdir(), 'storepulse-cs-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, content_scripts: scripts }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return contentScriptReport(dir) as { sizes: Array<{ file: string; raw: number; gz: number }>; problems: string[] };
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SYCM = { matches: ['https://sycm.taobao.com/*'], js: ['content-scripts/sycm.js'] };
const JD = { matches: ['https://sz.jd.com/*'], js: ['content-scripts/jd.js'] };

describe('content scripts in the package', () => {
  it('measures every script, the largest first, and passes scripts that keep the rules', () => {
    const report = pkg([SYCM, JD], {
      'content-scripts/sycm.js': 'read("sycm");'.repeat(50),
      'content-scripts/jd.js': randomBytes(2000).toString('hex'),
    });
    expect(report.problems).toEqual([]);
    expect(report.sizes.map((s) => s.file)).toEqual(['content-scripts/jd.js', 'content-scripts/sycm.js']);
    expect(report.sizes[1]).toMatchObject({ raw: 650 });
    expect(report.sizes[1]!.gz).toBeLessThan(100);
  });

  it('refuses a script over the ceiling', () => {
    const big = randomBytes(CONTENT_SCRIPT_CEILING).toString('base64');
    const { problems } = pkg([SYCM], { 'content-scripts/sycm.js': big });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the content script content-scripts\/sycm\.js is \d+ B gzip \(zlib 9\), over 30720 B$/);
  });

  it('refuses a host that two scripts match', () => {
    const both = { matches: ['https://sz.jd.com/*', 'https://sycm.taobao.com/*'], js: ['content-scripts/jd.js'] };
    const { problems } = pkg([SYCM, both], { 'content-scripts/sycm.js': 'a', 'content-scripts/jd.js': 'b' });
    expect(problems).toEqual([
      'https://sycm.taobao.com/* runs two content scripts: content-scripts/sycm.js and content-scripts/jd.js',
    ]);
  });

  it('refuses a script that keeps a property name the build renames', () => {
    const { problems } = pkg([SYCM, JD], {
      'content-scripts/sycm.js': 'class A{a(){this.b.c()}}',
      'content-scripts/jd.js': 'class A{lastSentSignature="";x(){return this.lastSentSignature}}',
    });
    expect(problems).toEqual([
      'the content script content-scripts/jd.js keeps the property name lastSentSignature, which the build renames',
    ]);
  });

  it('refuses a stylesheet built beside the scripts', () => {
    const { problems } = pkg([SYCM], { 'content-scripts/sycm.js': 'a', 'content-scripts/sycm.css': '.chart{}' });
    expect(problems).toEqual(['content-scripts/sycm.css was built: a content script imports a stylesheet']);
  });
});
