// Answers the APIs PaperShelf's background asks, for a browser whose background requests the test cannot
// intercept (Firefox's background page is no browsing context for WebDriver BiDi, issue #11). The browser
// is set to use this as its proxy: a CONNECT to one of `hosts` is handed to a local TLS server with a
// certificate made for the run (the browser session accepts it: `acceptInsecureCerts`); a plain-http request
// for one of the `plain` origins (Zotero on 127.0.0.1:23119, issue #13) is handed to its handler; anything else
// is refused, so nothing leaves the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

/**
 * @param {string[]} hosts
 * @param {(request: http.IncomingMessage, response: http.ServerResponse) => void} answer
 * @param {Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => void>} [plain]
 * @returns {Promise<{ port: number, requests: string[], close(): Promise<void> }>}
 */
export async function startApiProxy(hosts, answer, plain = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-api-proxy-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=PaperShelf test APIs',
    ].concat(['-addext', `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`]),
    { stdio: 'ignore' },
  );
  /** @type {string[]} */
  const requests = [];
  const apis = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    requests.push(`https://${request.headers.host}${request.url}`);
    answer(request, response);
  });
  const apisPort = await listen(apis);
  const proxy = http.createServer((request, response) => {
    const origin = URL.canParse(request.url ?? '') ? new URL(request.url).origin : '';
    if (plain[origin]) return plain[origin](request, response);
    response.writeHead(403).end();
  });
  proxy.on('connect', (request, socket, head) => {
    const [host, port] = (request.url ?? '').split(':');
    if (!hosts.includes(host ?? '') || port !== '443') return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = net.connect(apisPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const port = await listen(proxy);
  return {
    port,
    requests,
    async close() {
      proxy.closeAllConnections?.();
      apis.closeAllConnections?.();
      await Promise.all([new Promise((resolve) => proxy.close(resolve)), new Promise((resolve) => apis.close(resolve))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
