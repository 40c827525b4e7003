// Store checks on the built packages (`npm test` runs this after both builds):
// - Firefox: Mozilla's add-on linter, zero errors, and no warning other than the ones the README's
//   release section explains;
// - Chrome (and Edge, the same package): the Web Store's rules — no remotely hosted code, no loosened
//   content security policy, only the permissions the README justifies, back-office hosts only.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Linter warnings the README's release section explains, by code, the file they come from and what that
 * file must hold (the bundler names shared chunks after whichever module comes first, so the name alone
 * does not say which code it is).
 */
export const EXPLAINED_WARNINGS = [
  // Preact's renderer sets innerHTML only for dangerouslySetInnerHTML, which no component uses.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/[\w-]+\.js$/, holds: 'dangerouslySetInnerHTML' },
];

/**
 * @param {{ code: string, file?: string }} warning
 * @param {string} dir the built extension the warning is about
 */
export function isExplained(warning, dir) {
  return EXPLAINED_WARNINGS.some(
    (e) =>
      e.code === warning.code &&
      e.file.test(warning.file ?? '') &&
      readFileSync(join(dir, warning.file ?? ''), 'utf8').includes(e.holds),
  );
}

/**
 * @param {string} dir a built Firefox extension
 * @returns {Promise<{ errors: Array<{ code: string, message: string, file?: string }>, warnings: Array<{ code: string, message: string, file?: string }>, notices: unknown[] }>}
 */
export async function lintFirefox(dir) {
  const bin = join(ROOT, 'node_modules/.bin/addons-linter');
  // The linter exits non-zero when it finds errors; its JSON report is what counts.
  const { stdout } = await run(bin, ['--output', 'json', '--boring', dir], { maxBuffer: 32 << 20 }).catch(
    (/** @type {{ stdout?: string }} */ e) => ({ stdout: e.stdout ?? '' }),
  );
  return JSON.parse(stdout);
}

/** @param {string} dir */
function files(dir, base = dir) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...files(abs, base));
    else out.push(abs.slice(base.length + 1));
  }
  return out;
}

/**
 * The Web Store's rules a manifest and bundle can be checked for; returns what breaks them.
 * @param {string} dir a built Chrome extension
 * @param {{ readme: string, backOffices: readonly string[] }} context
 * @returns {string[]}
 */
export function chromeProblems(dir, { readme, backOffices }) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const problems = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  // Every permission is named in the README's table of permissions, with why it is needed.
  const table = readme.slice(readme.indexOf('| permission | why')).split('\n\n')[0];
  const justified = new Set([...table.matchAll(/^\| `([\w:/*.<>-]+)`/gm)].map((m) => m[1]));
  for (const p of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
    if (!justified.has(p)) problems.push(`permission ${p} is not justified in the README`);
  }
  for (const host of manifest.host_permissions ?? []) {
    if (!backOffices.includes(host)) problems.push(`host permission ${host} is not a supported back office`);
  }
  for (const host of manifest.optional_host_permissions ?? []) {
    if (!justified.has(host)) problems.push(`optional host permission ${host} is not justified in the README`);
  }
  const all = JSON.stringify(manifest);
  if (/<all_urls>|\*:\/\/\*\//.test(all)) problems.push('the manifest asks for every site');
  if (manifest.content_security_policy) problems.push('the manifest changes the content security policy');
  if (manifest.externally_connectable) problems.push('the manifest lets web pages connect');
  // StorePulse's own styles live in its badges' closed shadow roots: a stylesheet in the page could restyle it.
  for (const c of manifest.content_scripts ?? [])
    if (c.css?.length) problems.push(`the content script ${c.js} adds ${c.css.join(', ')} to the back offices' pages`);
  for (const file of files(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.html')) {
      for (const m of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)) {
        if (/^(?:https?:)?\/\//i.test(m[1])) problems.push(`${file} loads ${m[1]}`);
      }
    }
    if (file.endsWith('.js')) {
      if (/\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//.test(text)) problems.push(`${file} imports a remote script`);
      if (/\bimport\s*\(\s*["'`](?:https?:)?\/\//.test(text)) problems.push(`${file} imports a remote module`);
      if (/\bfrom\s*["'`](?:https?:)?\/\//.test(text)) problems.push(`${file} imports a remote module`);
    }
  }
  return problems;
}

/** The budget for a content script (gzip, zlib level 9), printed beside each one's size. */
export const CONTENT_SCRIPT_BUDGET = 25 * 1024;
/** What a content script may not exceed (gzip, zlib level 9): the reader's own earlier budget; over it the check fails. */
export const CONTENT_SCRIPT_CEILING = 30 * 1024;

/** The property names the build renames in content scripts (wxt.config.ts). */
const MANGLED_NAMES = JSON.parse(readFileSync(join(ROOT, 'core/content/mangled-names.json'), 'utf8'));

/**
 * The content scripts of a built package: each one's size, and what breaks their rules — a script over
 * the ceiling, a host two scripts match (two readers on one page), a stylesheet built beside a script
 * (page-side code that pulled in a component's CSS; it is never injected, but the code came with it), a
 * property name the build should have renamed still there (the renaming was not applied, or the name is
 * one terser keeps as a built-in's).
 * @param {string} dir a built extension
 * @param {readonly string[]} renamed the property names the build renames
 * @returns {{ sizes: Array<{ file: string, raw: number, gz: number }>, problems: string[] }}
 */
export function contentScriptReport(dir, renamed = MANGLED_NAMES) {
  const kept = new RegExp(`(?:\\.|[{,;}])(${renamed.join('|')})(?![\\w$])`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const sizes = [];
  const problems = [];
  /** @type {Map<string, string>} */
  const owner = new Map();
  for (const c of manifest.content_scripts ?? []) {
    for (const file of c.js ?? []) {
      const bytes = readFileSync(join(dir, file));
      const size = { file, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
      sizes.push(size);
      const left = renamed.length ? kept.exec(bytes.toString('utf8')) : null;
      if (left) problems.push(`the content script ${file} keeps the property name ${left[1]}, which the build renames`);
      if (size.gz > CONTENT_SCRIPT_CEILING)
        problems.push(`the content script ${file} is ${size.gz} B gzip (zlib 9), over ${CONTENT_SCRIPT_CEILING} B`);
    }
    for (const m of c.matches ?? []) {
      const first = owner.get(m);
      if (first) problems.push(`${m} runs two content scripts: ${first} and ${c.js?.join(', ')}`);
      else owner.set(m, c.js?.join(', ') ?? '');
    }
  }
  const scriptsDir = join(dir, 'content-scripts');
  for (const f of existsSync(scriptsDir) ? readdirSync(scriptsDir) : [])
    if (f.endsWith('.css')) problems.push(`content-scripts/${f} was built: a content script imports a stylesheet`);
  sizes.sort((a, b) => b.gz - a.gz);
  return { sizes, problems };
}

if (process.argv[1] === import.meta.filename) {
  const chromeDir = join(ROOT, '.output/chrome-mv3');
  // The back offices are the pages the content script reads: a host permission for anything else is too much.
  const contentScripts = JSON.parse(readFileSync(join(chromeDir, 'manifest.json'), 'utf8')).content_scripts ?? [];
  const backOffices = contentScripts.flatMap((/** @type {{ matches: string[] }} */ c) => c.matches);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const chrome = chromeProblems(chromeDir, { readme, backOffices });
  console.log(`Chrome package: ${chrome.length ? chrome.length + ' problems' : 'meets the checked Web Store rules'}`);
  for (const p of chrome) console.log(`  ${p}`);
  const scripts = contentScriptReport(chromeDir);
  const largest = scripts.sizes[0];
  console.log(
    `Content scripts: ${scripts.sizes.length}, the largest ${largest?.file} ${largest?.gz} B gzip (zlib, level 9) ` +
      `(budget ${CONTENT_SCRIPT_BUDGET} B: ${largest && largest.gz <= CONTENT_SCRIPT_BUDGET ? 'met' : 'missed'}; ceiling ${CONTENT_SCRIPT_CEILING} B)`,
  );
  for (const s of scripts.sizes) console.log(`  ${s.file}: ${s.gz} B gzip (zlib 9), ${s.raw} B raw`);
  for (const p of scripts.problems) console.log(`  ${p}`);

  const firefoxDir = join(ROOT, '.output/firefox-mv3');
  const report = await lintFirefox(firefoxDir);
  const unexplained = report.warnings.filter((w) => !isExplained(w, firefoxDir));
  const firefoxScripts = contentScriptReport(firefoxDir).problems;
  for (const p of firefoxScripts) console.log(`  Firefox: ${p}`);
  console.log(
    `Firefox package (addons-linter): ${report.errors.length} errors, ${report.warnings.length} warnings ` +
      `(${report.warnings.length - unexplained.length} explained in the README), ${report.notices.length} notices`,
  );
  for (const m of [...report.errors, ...report.warnings]) console.log(`  ${m.code} ${m.file ?? ''}: ${m.message}`);
  if (chrome.length || scripts.problems.length || firefoxScripts.length || report.errors.length || unexplained.length)
    process.exit(1);
}
