/**
 * The host backend that `npm run load` measures, in its own process so its
 * resident memory is its own: the server toolkit's token endpoint at
 * `/api/paperos-token` and BFF proxy at `/paperos/*` in Node's `http`, as the
 * demo mounts them. LOAD_SERVER_ROOT picks the tree whose `src/server` is used
 * (another checkout, for a side-by-side run against an older commit).
 * Prints `{"port": n}` on stdout once listening.
 */
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Toolkit from '../../src/server/index.js';

const root = resolve(process.env.LOAD_SERVER_ROOT ?? join(import.meta.dirname, '../..'));
const toolkit = (await import(pathToFileURL(join(root, 'src/server/index.ts')).href)) as typeof Toolkit;
const { PaperOSIntegration, createProxyHandler, createTokenHandler, toNodeHandler } = toolkit;

const orgs = (process.env.LOAD_ORGS ?? '').split(',');
const user = { externalId: process.env.LOAD_EXTERNAL_ID ?? 'john_doe-101' };
const integration = new PaperOSIntegration({
  baseUrl: process.env.PAPEROS_URL!,
  clientId: process.env.PAPEROS_CLIENT_ID!,
  clientSecret: process.env.PAPEROS_CLIENT_SECRET!,
});
const orgFrom = (request: Request) =>
  /\/api\/v1\/orgs\/([^/]+)/.exec(new URL(request.url).pathname)?.[1] ??
  new URL(request.url).searchParams.get('org') ??
  orgs[0]!;
const authorize = async (request: Request) => {
  const orgId = orgFrom(request);
  return orgs.includes(orgId) ? { ...user, orgId } : null;
};
const token = toNodeHandler(createTokenHandler({ integration, authorize }));
const proxy = toNodeHandler(createProxyHandler({ integration, authorize, prefix: '/paperos' }));

const server = createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0]!;
  if (path === '/api/paperos-token') return token(req, res);
  if (path.startsWith('/paperos/')) return proxy(req, res);
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
