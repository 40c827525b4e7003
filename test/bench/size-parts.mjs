// What each module costs in a built page script: `SIZE_MAP=1 npm run build`, then
// `node test/bench/size-parts.mjs [script …]` (default: every content script of .output/chrome-mv3).
// Each byte of the minified script is charged to the source its source map names for it; "gzip" is that
// module's bytes compressed alone (gzip -9), so the rows add up to more than the whole script compresses to.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(process.env.BENCH_EXTENSION ?? resolve(ROOT, '.output/chrome-mv3'));
const TOP = Number(process.env.SIZE_TOP ?? 15);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** @param {string} segment one source-map segment: base64 VLQ numbers */
function vlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error(`not a source-map segment: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The script's text split by the source each piece came from.
 * @param {string} code the minified script
 * @param {{ sources: string[], mappings: string }} map its source map
 * @returns {Map<string, string>} source (repository-relative, packages by name) → its text in the script
 */
export function partsOf(code, map) {
  const lines = code.split('\n');
  /** @type {Map<string, string[]>} */
  const parts = new Map();
  const add = (name, text) => {
    if (!text) return;
    if (!parts.has(name)) parts.set(name, []);
    parts.get(name)?.push(text);
  };
  const names = map.sources.map((s) => {
    // A build copied elsewhere (BENCH_EXTENSION) names its sources from where it was built.
    const path = (
      DIR.startsWith(ROOT) ? relative(ROOT, resolve(DIR, 'content-scripts', s)) : s.replace(/^(?:\.\.\/)+/, '')
    ).replaceAll('\\', '/');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    return pkg ? `${pkg[1]} (package)` : path;
  });
  let source = 0;
  const mapped = map.mappings.split(';');
  // Lines the map does not reach (the wrapper's last line) are nobody's module.
  add(
    '(unmapped)',
    lines
      .slice(mapped.length)
      .map((l) => `\n${l}`)
      .join(''),
  );
  mapped.forEach((line, i) => {
    const text = lines[i] ?? '';
    let column = 0;
    let at = 0;
    let owner = '(unmapped)';
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [dc, ds] = vlq(segment);
      column += dc;
      add(owner, text.slice(at, column));
      at = column;
      if (ds !== undefined) {
        source += ds;
        owner = names[source];
      } else owner = '(unmapped)';
    }
    add(owner, text.slice(at) + (i < mapped.length - 1 ? '\n' : ''));
  });
  return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

/** @param {string} file a script of the built extension, relative to it */
export function sizeParts(file) {
  const code = readFileSync(resolve(DIR, file), 'utf8');
  const mapFile = resolve(DIR, `${file}.map`);
  if (!existsSync(mapFile)) throw new Error(`${file}.map is missing: build with SIZE_MAP=1 npm run build`);
  const parts = partsOf(code, JSON.parse(readFileSync(mapFile, 'utf8')));
  const rows = [...parts].map(([name, text]) => ({
    name,
    raw: Buffer.byteLength(text),
    gz: gzipSync(text, { level: 9 }).length,
  }));
  rows.sort((a, b) => b.raw - a.raw);
  const total = { raw: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
  return { rows, total };
}

if (process.argv[1] === import.meta.filename) {
  const files = process.argv.slice(2);
  const scripts = files.length
    ? files
    : readdirSync(resolve(DIR, 'content-scripts'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `content-scripts/${f}`);
  for (const file of scripts) {
    const { rows, total } = sizeParts(file);
    const sum = rows.reduce((n, r) => n + r.raw, 0);
    if (sum !== total.raw) throw new Error(`${file}: the parts add up to ${sum} B, the script is ${total.raw} B`);
    console.log(`\n${file}: ${total.raw} B raw, ${total.gz} B gzip -9, ${rows.length} sources`);
    console.log('| module | raw B | gzip B (alone) |\n|---|---|---|');
    for (const r of rows.slice(0, TOP)) console.log(`| \`${r.name}\` | ${r.raw} | ${r.gz} |`);
    const rest = rows.slice(TOP);
    if (rest.length)
      console.log(`| ${rest.length} others | ${rest.reduce((n, r) => n + r.raw, 0)} | ${rest.reduce((n, r) => n + r.gz, 0)} |`);
  }
}
