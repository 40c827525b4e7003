// An HTTP CONNECT proxy on 127.0.0.1 that sends every host to the fixture server: Firefox's way to
// what Chromium does with --host-resolver-rules. The browser keeps the real host name (TLS SNI, the
// Host header, the page's origin); only the TCP connection ends at the fixture server. A request that
// is not a CONNECT (plain http://) is answered 502, never forwarded. Every host asked for is logged.

import { createServer } from 'node:http';
import { connect } from 'node:net';

/**
 * @param {{ port: number }} target the fixture server's port on 127.0.0.1
 * @returns {Promise<{ port: number, requests: string[], close(): Promise<void> }>}
 */
export async function startProxy({ port }) {
  /** @type {string[]} */
  const requests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const server = createServer((req, res) => {
    requests.push(`http ${req.headers.host ?? ''}${req.url ?? ''}`);
    res
      .writeHead(502, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      .end('the test proxy tunnels https only');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client, head) => {
    requests.push(`connect ${req.url ?? ''}`);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    requests,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok(undefined));
      }),
  };
}
