// The BFF proxy and the token endpoint under attack and at size: CSRF checks,
// a redacting stream over a chunked upstream, compression and kept-alive
// upstream connections; the sandbox runs for real on loopback.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  PaperOSIntegration,
  createProxyHandler,
  createTokenHandler,
  toNodeHandler,
  type WebHandler,
} from '../../src/server/index.js';
import { DEMO_ORG_ID, LARGE_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';

const john = { externalId: 'john_doe-101' };
const org = `/api/v1/orgs/${DEMO_ORG_ID}`;
const SITE = 'http://host.test';

describe('proxy and token endpoint: CSRF, streaming, compression', { timeout: 120_000 }, () => {
  let sandbox: RunningSandbox;
  let mints = 0;
  let upstreamCalls = 0;
  const integration = () =>
    new PaperOSIntegration({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      fetch: (input, init) => {
        if (String(input).endsWith('/access-token')) mints++;
        return fetch(input, init);
      },
    });
  const counted: typeof fetch = (input, init) => {
    upstreamCalls++;
    return fetch(input, init);
  };
  const proxy = (extra: Partial<Parameters<typeof createProxyHandler>[0]> = {}) =>
    createProxyHandler({
      integration: integration(),
      authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }),
      prefix: '/paperos',
      fetch: counted,
      ...extra,
    });
  const post = (path: string, headers: Record<string, string>, body = JSON.stringify({ type: 'org', name: 'Co' })) =>
    new Request(`${SITE}/paperos${path}`, { method: 'POST', headers, body });

  before(async () => {
    sandbox = await startSandbox({ port: 0, documents: 3000 });
  });
  after(async () => sandbox?.close());

  describe('CSRF', () => {
    it('refuses a cross-site POST through the proxy with 403, reaching nothing upstream', async () => {
      const handler = proxy();
      mints = 0;
      upstreamCalls = 0;
      const crossSite: Array<Record<string, string>> = [
        { origin: 'https://evil.example', 'content-type': 'text/plain' },
        { origin: 'https://evil.example', 'content-type': 'application/json' },
        { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        { 'sec-fetch-site': 'same-site', origin: 'https://other.host.test', 'content-type': 'application/json' },
        { origin: 'null', 'content-type': 'application/json' },
      ];
      for (const headers of crossSite) {
        const response = await handler(post(`${org}/records`, headers));
        assert.equal(response.status, 403, JSON.stringify(headers));
        assert.match((await response.json()).message, /Cross-site/);
      }
      const patch = new Request(`${SITE}/paperos${org}/records/17413`, {
        method: 'PATCH',
        headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { title: 'forged' } }),
      });
      assert.equal((await handler(patch)).status, 403);
      assert.equal(upstreamCalls, 0, 'nothing reached PaperOS');
      assert.equal(mints, 0, 'no token was minted');
    });

    it('refuses a body that is not declared JSON with 415, even from the same origin', async () => {
      const handler = proxy();
      upstreamCalls = 0;
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const response = await handler(
          post(`${org}/records`, { 'sec-fetch-site': 'same-origin', 'content-type': type }),
        );
        assert.equal(response.status, 415, type);
      }
      const untyped = new Request(`${SITE}/paperos${org}/records`, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'same-origin' },
        body: new Uint8Array(Buffer.from('{}')),
      });
      assert.equal((await handler(untyped)).status, 415);
      assert.equal(upstreamCalls, 0);
    });

    it('forwards same-origin and allowed-origin requests, and reads from anywhere', async () => {
      const handler = proxy({ allowedOrigins: ['https://app.partner.example'] });
      const allowed: Array<Record<string, string>> = [
        { 'sec-fetch-site': 'same-origin', origin: SITE, 'content-type': 'application/json' },
        { origin: SITE, 'content-type': 'application/json; charset=utf-8' }, // a browser without Sec-Fetch-Site
        { 'sec-fetch-site': 'cross-site', origin: 'https://app.partner.example', 'content-type': 'application/json' },
        { 'content-type': 'application/json' }, // not a browser: no Origin, no Sec-Fetch-Site
      ];
      for (const headers of allowed) {
        assert.equal((await handler(post(`${org}/records`, headers))).status, 200, JSON.stringify(headers));
      }
      const read = await handler(
        new Request(`${SITE}/paperos${org}/documents`, {
          headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
        }),
      );
      assert.equal(read.status, 200, 'a GET changes nothing');
    });

    it('the token endpoint mints for its own origin only', async () => {
      const handler = createTokenHandler({
        integration: integration(),
        authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }),
        allowedOrigins: ['https://app.partner.example'],
      });
      const ask = (headers: Record<string, string>, body?: string) =>
        handler(new Request(`${SITE}/api/paperos-token`, { method: 'POST', headers, body }));
      mints = 0;
      assert.equal((await ask({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status, 403);
      assert.equal((await ask({ origin: 'https://evil.example' })).status, 403);
      assert.equal((await ask({ 'sec-fetch-site': 'same-site', origin: 'https://a.host.test' })).status, 403);
      assert.equal((await ask({ 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, 'x')).status, 415);
      assert.equal(mints, 0, 'no token was minted');
      const same = await ask({ 'sec-fetch-site': 'same-origin', origin: SITE });
      assert.equal(same.status, 200);
      assert.ok((await same.json()).access_token);
      const json = await ask({ 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, '{}');
      assert.equal(json.status, 200);
      const partner = await ask({ 'sec-fetch-site': 'cross-site', origin: 'https://app.partner.example' });
      assert.equal(partner.status, 200);
    });
  });

  describe('streaming', () => {
    let upstream: Server;
    let upstreamUrl: string;
    let connections = 0;
    let filler = 0;

    before(async () => {
      // writes the token it was sent in two chunks, 20 ms apart, after `filler` bytes
      upstream = createServer((req, res) => {
        const token = String(req.headers.authorization).replace('Bearer ', '');
        const half = Math.floor(token.length / 2);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"pad":"${'p'.repeat(filler)}","echo":"${token.slice(0, half)}`);
        setTimeout(() => res.end(`${token.slice(half)}","tail":"${'t'.repeat(filler)}"}`), 20);
      });
      upstream.on('connection', () => connections++);
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    });
    after(() => {
      upstream.closeAllConnections();
      upstream.close();
    });

    const chunkedProxy = (paperos: PaperOSIntegration) =>
      proxy({
        integration: paperos,
        fetch: (input, init) => fetch(String(input).replace(sandbox.url, upstreamUrl), init),
      });

    it('redacts a token split across two chunks, in a short answer and in a streamed one', async () => {
      const paperos = integration();
      const token = (await paperos.accessToken(john, DEMO_ORG_ID)).token;
      const handler = chunkedProxy(paperos);
      for (const size of [10, 200_000]) {
        filler = size;
        const response = await handler(new Request(`${SITE}/paperos${org}/documents`));
        const text = await response.text();
        assert.equal(response.status, 200);
        assert.ok(!text.includes(token), `${size}: no token`);
        const body = JSON.parse(text);
        assert.equal(body.echo, '[redacted]', `${size}: redacted where it was`);
        assert.equal(body.pad.length + body.tail.length, 2 * size, `${size}: nothing else lost`);
      }
    });

    it('keeps upstream connections alive', async () => {
      const paperos = integration();
      await paperos.accessToken(john, DEMO_ORG_ID);
      const handler = chunkedProxy(paperos);
      filler = 100;
      upstream.closeAllConnections();
      connections = 0;
      for (let i = 0; i < 6; i++) await (await handler(new Request(`${SITE}/paperos${org}/documents`))).text();
      // undici may open a second one while the first is being handed back; one per request would be 6
      assert.ok(connections <= 2, `${connections} connections for 6 requests`);
    });
  });

  describe('compression through Node http', () => {
    let server: Server;
    let base: string;
    let handler: WebHandler;

    before(async () => {
      handler = createProxyHandler({
        integration: integration(),
        authorize: async () => ({ ...john, orgId: LARGE_ORG_ID }),
        prefix: '/paperos',
      });
      server = createServer(toNodeHandler(handler));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    const ids = (bytes: Buffer) => JSON.parse(bytes.toString()).documents.map((d: { id: string }) => d.id);

    /** The raw answer: headers and the bytes on the wire, undecoded. */
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
        httpRequest(`${base}/paperos${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
          res.on('error', reject);
        })
          .on('error', reject)
          .end();
      });

    it('sends a long list gzip- or brotli-compressed when accepted, the same JSON as uncompressed', async () => {
      const path = `/api/v1/orgs/${LARGE_ORG_ID}/documents`;
      const plain = await raw(path);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.headers['transfer-encoding'], 'chunked', 'streamed');
      // the same documents each time (their signed links differ from one answer to the next)
      const documents = ids(plain.bytes);
      assert.equal(documents.length, 3000);
      const gzip = await raw(path, { 'accept-encoding': 'gzip, deflate' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.match(String(gzip.headers.vary), /accept-encoding/i);
      assert.deepEqual(ids(gunzipSync(gzip.bytes)), documents);
      assert.ok(plain.bytes.length / gzip.bytes.length >= 5, `gzip: ${plain.bytes.length} -> ${gzip.bytes.length}`);
      const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.deepEqual(ids(brotliDecompressSync(br.bytes)), documents);
      const refused = await raw(path, { 'accept-encoding': 'gzip;q=0, identity' });
      assert.equal(refused.headers['content-encoding'], undefined);
      // a short answer is compressed too, with its length known
      const short = await raw(`/api/v1/orgs/${LARGE_ORG_ID}/workflow-templates`, { 'accept-encoding': 'gzip' });
      assert.equal(short.status, 200);
      if (short.headers['content-encoding'] === 'gzip') JSON.parse(gunzipSync(short.bytes).toString());
      else JSON.parse(short.bytes.toString());
    });

    it('stays up when a browser goes away mid-answer, compressed or not', async () => {
      const path = `/api/v1/orgs/${LARGE_ORG_ID}/documents`;
      for (const encoding of ['identity', 'gzip', 'br']) {
        await new Promise<void>((resolve, reject) => {
          const req = httpRequest(`${base}/paperos${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          });
          req.on('error', () => undefined);
          req.on('close', () => resolve());
          req.once('error', reject).end();
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const after = await raw(path, { 'accept-encoding': 'gzip' });
      assert.equal(after.status, 200);
      assert.equal(ids(gunzipSync(after.bytes)).length, 3000);
    });

    it('passes conditional requests and 304s through, compressed or not', async () => {
      const path = `/api/v1/orgs/${LARGE_ORG_ID}/documents`;
      const first = await raw(path, { 'accept-encoding': 'gzip' });
      const etag = first.headers.etag as string;
      assert.ok(etag, 'an ETag');
      const again = await raw(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.bytes.length, 0);
    });
  });
});
