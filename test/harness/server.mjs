// HTTPS fixture server: answers for real back-office URLs (https://sycm.taobao.com/...) so that the
// extension's content-script `matches` and the page's origin behave exactly as on the live site.
// The browser is pointed here with --host-resolver-rules (see browser.mjs); nothing leaves 127.0.0.1.

import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, extname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Root that every fixture path in `routes` is relative to. */
export const FIXTURES_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A throw-away self-signed certificate. The browser runs with --ignore-certificate-errors, so the
 * name does not need to match; a fresh key per run keeps nothing secret on disk.
 * @returns {Promise<{ key: Buffer, cert: Buffer }>}
 */
async function makeCertificate() {
  const dir = await mkdtemp(join(tmpdir(), 'storepulse-cert-'));
  try {
    const keyPath = join(dir, 'k');
    const certPath = join(dir, 'c');
    try {
      await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=storepulse-test',
        '-days',
        '2',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ]);
    } catch (err) {
      const e = /** @type {NodeJS.ErrnoException & { stderr?: string }} */ (err);
      if (e.code === 'ENOENT') {
        throw new Error('openssl is needed to make the test certificate (install the openssl package)');
      }
      throw new Error(`openssl failed to make the test certificate: ${e.stderr || e.message}`);
    }
    return { key: await readFile(keyPath), cert: await readFile(certPath) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The route key for a URL: scheme, host (default port dropped) and path; query and hash ignored,
 * because back offices put volatile state (dates, spm tracking ids) in the query.
 * @param {string} u
 */
function routeKey(u) {
  const url = new URL(u);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** @param {string} rel */
function fixtureFile(rel) {
  const abs = resolve(FIXTURES_ROOT, rel);
  const inside = relative(FIXTURES_ROOT, abs);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`fixture path escapes test/fixtures: ${rel}`);
  }
  return abs;
}

/** @param {string} title */
function notFoundPage(title) {
  const safe = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>404</title></head>` +
    `<body><h1>404 Not Found</h1><p>No fixture is mapped to ${safe}</p></body></html>`
  );
}

/**
 * @param {{ routes?: Record<string, string> }} [options]
 *   routes: real URL without query (e.g. "https://sycm.taobao.com/portal/home.htm") → fixture path
 *   relative to test/fixtures (e.g. "sycm/home.html").
 */
export async function startFixtureServer({ routes = {} } = {}) {
  /** @type {Map<string, string>} */
  const table = new Map();
  /** @param {string} realUrl @param {string} rel */
  const route = (realUrl, rel) => {
    const abs = fixtureFile(rel);
    if (!existsSync(abs)) throw new Error(`fixture not found: ${rel}`);
    table.set(routeKey(realUrl), abs);
  };
  for (const [u, rel] of Object.entries(routes)) route(u, rel);
  /** Pages made by a test (a fixture template filled in), served from memory at a real URL. */
  /** @type {Map<string, string>} */
  const made = new Map();
  /** @param {string} realUrl @param {string} html */
  const serve = (realUrl, html) => void made.set(routeKey(realUrl), html);

  /**
   * A page's relative resources (an iframe's src="core-inner.html", say) resolve next to its real
   * URL; look for a file of that name next to the fixture of any page mapped in the same directory.
   * @param {string} key
   */
  const sibling = (key) => {
    const url = new URL(key);
    const dir = posix.dirname(url.pathname);
    const name = posix.basename(url.pathname);
    if (!name || name === '.' || name === '..') return undefined;
    for (const [mappedKey, abs] of table) {
      const mapped = new URL(mappedKey);
      if (mapped.host !== url.host || posix.dirname(mapped.pathname) !== dir) continue;
      const candidate = join(dirname(abs), name);
      if (!candidate.startsWith(FIXTURES_ROOT + sep)) continue;
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  };

  const { key, cert } = await makeCertificate();
  const server = createServer({ key, cert }, async (req, res) => {
    const host = req.headers.host || '127.0.0.1';
    let k;
    try {
      k = routeKey(`https://${host}${req.url || '/'}`);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    const html = made.get(k);
    if (html !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      const body = Buffer.from(html, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const file = table.get(k) ?? sibling(k);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : notFoundPage(k));
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type':
          CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(file).toLowerCase())] ?? 'application/octet-stream',
        // route() may swap the file behind a URL between two loads; the browser must not reuse the old one.
        'cache-control': 'no-store',
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const port = address.port;

  return {
    port,
    /** Where the fixture server itself listens; fetch with an explicit Host header to reach a route. */
    origin: `https://127.0.0.1:${port}`,
    /**
     * The address to open in a browser started by launchWithExtension({ port }): the real URL itself,
     * since that browser resolves every host to this server. A bare path is taken as sycm's.
     * @param {string} u
     */
    url: (u) => new URL(u, 'https://sycm.taobao.com/').href,
    route,
    serve,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}
