/**
 * A small HTTP server on 127.0.0.1: the built pages (no caching, so every load
 * is alike), and for scenario 7 a PaperOS-like API with a fixed latency, ETags,
 * 304s on `If-None-Match`, and a log of every request it answered.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { recordsResponse, workflowsResponse } from '../../test/fixtures/api-examples.js';
import { ORG, envelope, manyDocs, manyTemplates, templatesEnvelope } from '../pages/data.js';

export interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  ifNoneMatch: string | null;
  authorized: boolean;
  status: number;
  /** ms, server clock: when the request arrived and when the answer was sent. */
  start: number;
  end: number;
}

export interface BenchServer {
  origin: string;
  log: LoggedRequest[];
  /** API answers wait this long (ms). */
  latencyMs: number;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css',
};

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const jwt = (claims: Record<string, unknown>) =>
  `${b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256' }))}.${b64url(JSON.stringify(claims))}.${b64url('bench')}`;

const apiBodies: Record<string, string> = {
  [`/api/v1/orgs/${ORG}/documents`]: JSON.stringify(envelope(manyDocs(60, 6))),
  [`/api/v1/orgs/${ORG}/records`]: JSON.stringify(recordsResponse),
  [`/api/v1/orgs/${ORG}/workflow-templates`]: JSON.stringify(templatesEnvelope(manyTemplates(70))),
  [`/api/v1/orgs/${ORG}/workflows`]: JSON.stringify(workflowsResponse),
};
const etags = Object.fromEntries(
  Object.entries(apiBodies).map(([path, body]) => [
    path,
    `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
  ]),
);

export async function startServer(dir: string, latencyMs = 50): Promise<BenchServer> {
  const log: LoggedRequest[] = [];
  const state = { latencyMs };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL, start: number) => {
    await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    const authorized = /^Bearer \S+/.test(String(req.headers.authorization ?? ''));
    let status = 200;
    let body = '';
    const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
    if (url.pathname === '/token' && req.method === 'POST') {
      body = JSON.stringify({
        access_token: jwt({ org_id: ORG, sub: 'sub_bench', exp: Math.floor(Date.now() / 1000) + 3600 }),
        expires_in: 3600,
      });
    } else if (req.method === 'GET' && apiBodies[url.pathname] !== undefined) {
      if (!authorized) {
        status = 401;
        body = JSON.stringify({ success: false, message: 'unauthorized' });
      } else {
        headers.etag = etags[url.pathname]!;
        if (ifNoneMatch === etags[url.pathname]) status = 304;
        else body = apiBodies[url.pathname]!;
      }
    } else {
      status = 404;
      body = JSON.stringify({ success: false, message: `no route for ${req.method} ${url.pathname}` });
    }
    res.writeHead(status, headers).end(status === 304 ? undefined : body);
    log.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      ifNoneMatch,
      authorized,
      status,
      start,
      end: performance.now(),
    });
  };

  const server = createServer((req, res) => {
    const start = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/token' || url.pathname.startsWith('/api/')) {
      req.resume();
      req.on('end', () => void api(req, res, url, start));
      return;
    }
    const file = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (data) =>
        res
          .writeHead(200, {
            'content-type': types[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
          })
          .end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
