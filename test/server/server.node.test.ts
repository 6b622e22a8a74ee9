// The host-backend toolkit against a running sandbox (real HTTP on loopback).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { PaperOSError } from '../../src/server/index.js';
import {
  PaperOSIntegration,
  clientCredentialsHeader,
  createProxyHandler,
  createTokenHandler,
  createTokenVerifier,
  toNodeHandler,
  verifyToken,
  type Authorize,
} from '../../src/server/index.js';
import { DEMO_ORG_ID, DEMO_SUBJECT, OTHER_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';

const john = { externalId: 'john_doe-101' };

describe('server toolkit', () => {
  let sandbox: RunningSandbox;
  const requestLog: string[] = [];
  let mints = 0;
  const counting: typeof fetch = (input, init) => {
    if (String(input).endsWith('/api/v1/integrations/access-token')) mints++;
    return fetch(input, init);
  };
  const integration = (extra: Partial<ConstructorParameters<typeof PaperOSIntegration>[0]> = {}) =>
    new PaperOSIntegration({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      fetch: counting,
      ...extra,
    });

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: (line) => requestLog.push(line) });
  });
  after(async () => sandbox?.close());

  describe('integration client', () => {
    it('encodes client credentials per RFC 6749 2.3.1 (form-urlencoded, then Base64)', () => {
      const header = clientCredentialsHeader('id:with colon', 'sécret+/=');
      const decoded = Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8');
      assert.equal(decoded, 'id%3Awith+colon:s%C3%A9cret%2B%2F%3D');
    });

    it('authenticates with a secret that needs that encoding', async () => {
      const registered = await fetch(`${sandbox.url}/api/v1/oidc/clients`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await sandbox.mintIdToken()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ redirect_uris: ['https://partner.example/cb'], client_name: 'Partner' }),
      }).then((r) => r.json());
      const secret = 'p@ss: wörd+%/=';
      sandbox.state.clients.find((c) => c.client_id === registered.client_id)!.client_secret = secret;
      const partner = new PaperOSIntegration({
        baseUrl: sandbox.url,
        clientId: registered.client_id,
        clientSecret: secret,
      });
      assert.deepEqual(await partner.listSubjects(), []);
      const wrong = new PaperOSIntegration({
        baseUrl: sandbox.url,
        clientId: registered.client_id,
        clientSecret: 'nope',
      });
      await assert.rejects(wrong.listSubjects(), (e: PaperOSError) => e.status === 401 && e.code === 'unauthorized');
    });

    it('registers and lists OIDC clients with a user token', async () => {
      const paperos = integration();
      const userToken = await sandbox.mintIdToken();
      const created = await paperos.registerClient(userToken, {
        redirect_uris: ['https://app.example.com/callback'],
        client_name: 'Toolkit App',
      });
      assert.match(String(created.client_id), /^oidc_/);
      const clients = await paperos.listClients(userToken);
      assert.ok(clients.some((c) => c.client_id === created.client_id));
    });

    it('creates, updates and lists subjects; mints an ID token for one', async () => {
      const paperos = integration();
      const subject = await paperos.createSubject({
        external_id: 'toolkit-1',
        email: 'toolkit@example.com',
        given_name: 'Tool',
        family_name: 'Kit',
      });
      assert.match(subject.sub, /^sub_/);
      await paperos.updateSubject(subject.sub, { locale: 'de-DE' });
      const subjects = await paperos.listSubjects();
      assert.ok(subjects.some((s) => s.sub === subject.sub && s.locale === 'de-DE'));
      const id = await paperos.idToken({ externalId: 'toolkit-1' });
      assert.ok(id.expiresAt > Date.now());
      const claims = await verifyToken(id.token, { issuer: sandbox.url });
      assert.equal(claims.sub, subject.sub);
      assert.equal(claims.org_id, undefined);
      await assert.rejects(paperos.updateSubject('sub_nobody', { locale: 'en-US' }), { status: 404 });
    });

    it('mints an org-scoped access token once for 20 concurrent requests, then serves it from the cache', async () => {
      const paperos = integration();
      mints = 0;
      const tokens = await Promise.all(Array.from({ length: 20 }, () => paperos.accessToken(john, DEMO_ORG_ID)));
      assert.equal(new Set(tokens.map((t) => t.token)).size, 1);
      assert.equal(mints, 1);
      await paperos.accessToken(john, DEMO_ORG_ID);
      assert.equal(mints, 1);
      // another org, or the same user by sub, is another cache key
      await paperos.accessToken({ sub: DEMO_SUBJECT }, DEMO_ORG_ID);
      assert.equal(mints, 2);
      const claims = await verifyToken(tokens[0].token, { issuer: sandbox.url });
      assert.equal(claims.org_id, DEMO_ORG_ID);
      assert.equal(claims.sub, DEMO_SUBJECT);
    });

    it('mints a fresh token when the cached one nears expiry', async () => {
      let now = Date.now();
      const paperos = integration({ now: () => now, refreshAheadMs: 60_000 });
      mints = 0;
      const first = await paperos.accessToken(john, DEMO_ORG_ID, { expiresInSec: 120 });
      assert.ok(Math.abs(first.expiresAt - (now + 120_000)) < 2000, 'expiresAt from the token’s exp');
      now += 30_000;
      assert.equal((await paperos.accessToken(john, DEMO_ORG_ID, { expiresInSec: 120 })).token, first.token);
      assert.equal(mints, 1);
      now += 40_000; // 50 s left: inside the refresh window
      const second = await paperos.accessToken(john, DEMO_ORG_ID, { expiresInSec: 120 });
      assert.equal(mints, 2);
      assert.notEqual(second.token, first.token);
    });

    it('does not cache a failed mint, and forgets on request', async () => {
      const paperos = integration();
      mints = 0;
      sandbox.setFaults([{ kind: 'status', status: 503, path: 'access-token$', times: 1 }]);
      await assert.rejects(paperos.accessToken(john, DEMO_ORG_ID), { status: 503 });
      const token = await paperos.accessToken(john, DEMO_ORG_ID);
      assert.equal(mints, 2);
      await paperos.forget(john, DEMO_ORG_ID);
      assert.notEqual((await paperos.accessToken(john, DEMO_ORG_ID)).token, token.token);
      assert.equal(mints, 3);
    });

    it('refuses an org the subject cannot open (403) and an unknown subject (404)', async () => {
      await assert.rejects(integration().accessToken(john, OTHER_ORG_ID), { status: 403, code: 'forbidden' });
      await assert.rejects(integration().accessToken({ externalId: 'nobody' }, DEMO_ORG_ID), { status: 404 });
      await assert.rejects(integration().accessToken({}, DEMO_ORG_ID), TypeError);
    });

    it('times out a PaperOS that does not answer', async () => {
      sandbox.setFaults([{ kind: 'latency', ms: 1000, path: 'integrations/users$', times: 1 }]);
      await assert.rejects(integration({ timeoutMs: 100 }).listSubjects(), { code: 'timeout' });
      sandbox.clearFaults();
    });
  });

  describe('verifyToken', () => {
    it('accepts a good token and refuses a wrong issuer, a changed claim, HS256 and an expired one', async () => {
      const token = (await integration().accessToken(john, DEMO_ORG_ID)).token;
      const verify = createTokenVerifier({ issuer: sandbox.url });
      assert.equal((await verify(token)).org_id, DEMO_ORG_ID);
      await assert.rejects(
        createTokenVerifier({ issuer: 'https://other.example', jwksUrl: `${sandbox.url}/.well-known/jwks.json` })(
          token,
        ),
        { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
      );
      const [h, p, s] = token.split('.');
      const widened = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), org_id: OTHER_ORG_ID }),
      ).toString('base64url');
      await assert.rejects(verify(`${h}.${widened}.${s}`), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
      const hs256 = await new SignJWT({ sub: DEMO_SUBJECT })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(sandbox.url)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!'));
      await assert.rejects(verify(hs256), { code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
    });

    it('allows a small clock skew only', async () => {
      const expired10sAgo = await sandbox.mintAccessToken({ expiresInSec: -10 });
      assert.equal((await verifyToken(expired10sAgo, { issuer: sandbox.url })).org_id, DEMO_ORG_ID, '30 s tolerance');
      await assert.rejects(verifyToken(expired10sAgo, { issuer: sandbox.url, clockToleranceSec: 0 }), {
        code: 'ERR_JWT_EXPIRED',
      });
      const expiredLongAgo = await sandbox.mintAccessToken({ expiresInSec: -120 });
      await assert.rejects(verifyToken(expiredLongAgo, { issuer: sandbox.url }), { code: 'ERR_JWT_EXPIRED' });
    });

    it('fetches the issuer’s keys once for many verifications', async () => {
      const issuer = sandbox.url;
      const token = await sandbox.mintAccessToken();
      const fetchesBefore = requestLog.filter((l) => l.startsWith('GET /.well-known/jwks.json')).length;
      // a fresh cache key, so this test sees its own fetch
      for (let i = 0; i < 10; i++) await verifyToken(token, { issuer, clockToleranceSec: 5 });
      const fetches = requestLog.filter((l) => l.startsWith('GET /.well-known/jwks.json')).length - fetchesBefore;
      assert.equal(fetches, 1);
    });
  });

  describe('token endpoint', () => {
    const handler = (authorize: Authorize) => createTokenHandler({ integration: integration(), authorize });
    const post = (h: ReturnType<typeof handler>) =>
      h(new Request('http://host.test/paperos/token', { method: 'POST' }));

    it('answers the approved user with a no-store access token for the approved org', async () => {
      const response = await post(handler(async () => ({ ...john, orgId: DEMO_ORG_ID })));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = await response.json();
      assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
      assert.ok(body.expires_in > 3500 && body.expires_in <= 3600, String(body.expires_in));
      const claims = await verifyToken(body.access_token, { issuer: sandbox.url });
      assert.equal(claims.org_id, DEMO_ORG_ID);
      assert.equal(claims.sub, DEMO_SUBJECT);
    });

    it('refuses without approval, when the callback throws, and for other methods', async () => {
      for (const authorize of [
        async () => null,
        async () => {
          throw new Error('session store down');
        },
      ] as Authorize[]) {
        const response = await post(handler(authorize));
        assert.equal(response.status, 401);
        assert.ok(!(await response.text()).includes('ey'), 'no token');
      }
      const approving = handler(async () => ({ ...john, orgId: DEMO_ORG_ID }));
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const response = await approving(new Request('http://host.test/t', { method }));
        assert.equal(response.status, 405, method);
        assert.equal(response.headers.get('allow'), 'POST');
      }
    });

    it('answers 403 for an org PaperOS refuses, and 500 for an approval without org or subject', async () => {
      assert.equal((await post(handler(async () => ({ ...john, orgId: OTHER_ORG_ID })))).status, 403);
      const broken = [{ ...john, orgId: '' }, { orgId: DEMO_ORG_ID }, { ...john }] as unknown as Array<
        Awaited<ReturnType<Authorize>>
      >;
      for (const approval of broken) {
        const response = await post(handler(async () => approval));
        assert.equal(response.status, 500, JSON.stringify(approval));
      }
    });

    it('reason "rejected": 20 concurrent requests cause one mint, a second burst 10 s later one more', async () => {
      let now = Date.now();
      const paperos = integration({ now: () => now });
      const h = createTokenHandler({ integration: paperos, authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }) });
      const ask = async (body?: unknown) => {
        const response = await h(
          new Request('http://host.test/paperos/token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        );
        assert.equal(response.status, 200);
        return ((await response.json()) as { access_token: string }).access_token;
      };
      const burst = () => Promise.all(Array.from({ length: 20 }, () => ask({ reason: 'rejected' })));

      const cached = await ask({ reason: 'initial' });
      mints = 0;
      for (const body of [{ reason: 'initial' }, { reason: 'expiring' }, undefined, { reason: 42 }, '[']) {
        assert.equal(await ask(body), cached, `${JSON.stringify(body)}: the cached token`);
      }
      assert.equal(mints, 0);

      const renewed = await burst();
      assert.equal(mints, 1, 'one mint for the first burst');
      assert.equal(new Set(renewed).size, 1);
      assert.notEqual(renewed[0], cached, 'a new token, not the refused one');
      now += 9_000;
      assert.equal(await ask({ reason: 'rejected' }), renewed[0], 'inside the window: the newest token');
      assert.equal(mints, 1);

      now += 1_001; // just past the 10 s window
      const again = await burst();
      assert.equal(mints, 2, 'one more mint 10 s after the first');
      assert.equal(new Set(again).size, 1);
      assert.notEqual(again[0], renewed[0]);
      assert.equal(await ask({ reason: 'initial' }), again[0], 'and it is the cached one from then on');
      assert.equal(mints, 2);
    });

    it('runs in Node http through toNodeHandler', async () => {
      const server = createServer(
        toNodeHandler(
          handler(async (r) => (r.headers.get('cookie') === 'session=ok' ? { ...john, orgId: DEMO_ORG_ID } : null)),
        ),
      );
      const url = `${await listen(server)}/token`;
      try {
        const ok = await fetch(url, { method: 'POST', headers: { cookie: 'session=ok' } });
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get('cache-control'), 'no-store');
        assert.match((await ok.json()).access_token, /^ey/);
        assert.equal((await fetch(url, { method: 'POST' })).status, 401);
      } finally {
        await close(server);
      }
    });
  });

  describe('BFF proxy', () => {
    const approveJohn: Authorize = async () => ({ ...john, orgId: DEMO_ORG_ID });
    const proxy = (extra: Partial<Parameters<typeof createProxyHandler>[0]> = {}) =>
      createProxyHandler({ integration: integration(), authorize: approveJohn, prefix: '/paperos', ...extra });
    const at = (path: string, init?: RequestInit) => new Request(`http://host.test/paperos${path}`, init);
    const json = (body: unknown, method = 'POST') => ({
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const org = `/api/v1/orgs/${DEMO_ORG_ID}`;

    it('forwards every element path and method with the token added server-side, never returning it', async () => {
      const paperos = integration();
      const handler = createProxyHandler({ integration: paperos, authorize: approveJohn, prefix: '/paperos' });
      const allowed: Array<[string, RequestInit | undefined, number]> = [
        [`${org}/workflow-templates`, undefined, 200],
        [`${org}/workflows`, undefined, 200],
        [`${org}/workflows`, json({ flow_id: 'flow_extg0vcffk3h9085' }), 200],
        [`${org}/records?type=org`, undefined, 200],
        [`${org}/records`, json({ type: 'org', name: 'Proxied Co' }), 200],
        [`${org}/records/17413`, undefined, 200],
        [`${org}/records/17413`, json({ fields: { title: 'proxied builder' } }, 'PATCH'), 200],
        [`${org}/documents`, undefined, 200],
        [`${org}/documents?email=jane.roe%40example.com`, undefined, 200],
        ['/api/user/debug', undefined, 200],
        ['/api/v1/org/debug?account_id=97', undefined, 200],
      ];
      const token = (await paperos.accessToken(john, DEMO_ORG_ID)).token;
      for (const [path, init, status] of allowed) {
        const response = await handler(at(path, init));
        const text = await response.text();
        assert.equal(response.status, status, `${init?.method ?? 'GET'} ${path}: ${text.slice(0, 100)}`);
        assert.ok(text.length > 0);
        assert.ok(!text.includes(token), `${path}: no token in the body`);
        for (const [name, value] of response.headers) {
          assert.ok(!value.includes(token), `${path}: no token in ${name}`);
          assert.ok(!['set-cookie', 'authorization'].includes(name));
        }
      }
      const record = await (await handler(at(`${org}/records/17413`))).json();
      assert.equal(record.features.title, 'proxied builder', 'the PATCH reached PaperOS');
    });

    it('forwards nothing else: other paths, methods, orgs, prefixes, traversal', async () => {
      const handler = proxy();
      const refused: Array<[string, RequestInit | undefined, number]> = [
        ['/api/v1/integrations/users', undefined, 404],
        ['/api/v1/integrations/access-token', json({}), 404],
        ['/api/v1/oidc/clients', undefined, 404],
        ['/api/v1/orgs?updated_since=0', undefined, 404],
        ['/api/v1/orgs', json({ name: 'X' }), 404],
        ['/api/v1/org/documents?account_id=97', undefined, 404],
        ['/api/public/documents/1/x', undefined, 404],
        [`${org}/documents`, { method: 'DELETE' }, 405],
        [`${org}/workflow-templates`, json({}), 405],
        [`${org}/records/17413`, { method: 'PUT', body: '{}' }, 405],
        [`/api/v1/orgs/${OTHER_ORG_ID}/documents`, undefined, 403],
        [`/api/v1/orgs/${DEMO_ORG_ID}%2F..%2F${OTHER_ORG_ID}/documents`, undefined, 403],
        [`/api/v1/orgs/%E0%A4%A/documents`, undefined, 403],
        [`${org}/../../integrations/users`, undefined, 404],
        [`${org}/%2e%2e/%2e%2e/integrations/users`, undefined, 404],
        [`${org}/records/17413/../../../../oidc/clients`, undefined, 404],
      ];
      for (const [path, init, status] of refused) {
        const response = await handler(at(path, init));
        assert.equal(response.status, status, `${init?.method ?? 'GET'} ${path}`);
        assert.equal((await response.json()).success, false);
      }
      assert.equal((await handler(new Request('http://host.test/elsewhere/api/user/debug'))).status, 404);
      assert.equal((await handler(new Request('http://host.test/paperosx/api/user/debug'))).status, 404);
      const refusing = proxy({ authorize: async () => null });
      assert.equal((await refusing(at(`${org}/documents`))).status, 401);
    });

    it('after a 401 from PaperOS, mints a new token and sends the request once more', async () => {
      const paperos = integration();
      const handler = createProxyHandler({ integration: paperos, authorize: approveJohn, prefix: '/paperos' });
      await paperos.accessToken(john, DEMO_ORG_ID);
      mints = 0;
      sandbox.setFaults([{ kind: 'status', status: 401, path: 'documents$', times: 1 }]);
      const response = await handler(at(`${org}/documents`));
      assert.equal(response.status, 200);
      assert.equal(mints, 1, 'one new token');
      sandbox.setFaults([{ kind: 'status', status: 401, path: 'documents$', times: 2 }]);
      assert.equal((await handler(at(`${org}/documents`))).status, 401, 'only once');
      sandbox.clearFaults();
    });

    it('refusals of one cached token share one forced mint with the token endpoint', async () => {
      const paperos = integration();
      const handler = createProxyHandler({ integration: paperos, authorize: approveJohn, prefix: '/paperos' });
      const tokens = createTokenHandler({ integration: paperos, authorize: approveJohn });
      await paperos.accessToken(john, DEMO_ORG_ID);
      mints = 0;
      // every token signed before this is refused, however the five sends interleave
      await sandbox.rotateKeys();
      const answers = await Promise.all(Array.from({ length: 5 }, () => handler(at(`${org}/documents`))));
      assert.deepEqual(
        answers.map((r) => r.status),
        [200, 200, 200, 200, 200],
      );
      assert.equal(mints, 1, 'one new token for five refusals');
      const rejected = await tokens(
        new Request('http://host.test/paperos/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"reason":"rejected"}',
        }),
      );
      assert.equal(rejected.status, 200);
      assert.equal(mints, 1, 'the token endpoint, inside the same window, hands out that new token');
    });

    it('passes conditional GETs, Retry-After and error statuses through', async () => {
      const handler = proxy();
      const first = await handler(at(`${org}/workflow-templates`));
      const etag = first.headers.get('etag')!;
      assert.ok(etag);
      const again = await handler(at(`${org}/workflow-templates`, { headers: { 'if-none-match': etag } }));
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      sandbox.setFaults([{ kind: 'status', status: 429, retryAfter: 7, path: 'workflows$', times: 1 }]);
      const limited = await handler(at(`${org}/workflows`));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '7');
      const missing = await handler(at(`${org}/records/99999`));
      assert.equal(missing.status, 404);
    });

    it('answers 502 when PaperOS cannot be reached or breaks off, 504 when it is too slow', async () => {
      const down = proxy({
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
      });
      assert.equal((await down(at(`${org}/documents`))).status, 502);
      sandbox.setFaults([{ kind: 'drop', path: 'workflows$', times: 1 }]);
      assert.equal((await proxy()(at(`${org}/workflows`))).status, 502);
      sandbox.setFaults([{ kind: 'latency', ms: 1000, path: 'workflows$', times: 1 }]);
      assert.equal((await proxy({ timeoutMs: 100 })(at(`${org}/workflows`))).status, 504);
      sandbox.clearFaults();
    });

    it('redacts a token that PaperOS echoes back', async () => {
      const paperos = integration();
      const token = (await paperos.accessToken(john, DEMO_ORG_ID)).token;
      const echo = createProxyHandler({
        integration: paperos,
        authorize: approveJohn,
        prefix: '/paperos',
        fetch: async (_input, init) => {
          const sent = new Headers(init?.headers).get('authorization');
          return new Response(JSON.stringify({ success: false, message: `bad header ${sent}` }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          });
        },
      });
      const text = await (await echo(at(`${org}/documents`))).text();
      assert.ok(!text.includes(token));
      assert.match(text, /\[redacted\]/);
    });

    it('refuses bodies over 1 MB', async () => {
      const big = json({ type: 'org', name: 'Big', fields: { blob: 'x'.repeat(1_100_000) } });
      assert.equal((await proxy()(at(`${org}/records`, big))).status, 413);
    });

    it('runs in Node http, also behind a body parser that already read the body', async () => {
      const handler = toNodeHandler(proxy());
      // like express.json(): reads the stream, leaves the parsed body on req.body
      const server = createServer((req, res) => {
        if (req.headers['x-parsed'] !== 'yes') return handler(req, res);
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          (req as IncomingMessage & { body?: unknown }).body = JSON.parse(Buffer.concat(chunks).toString());
          handler(req, res);
        });
      });
      const base = await listen(server);
      try {
        for (const parsed of ['no', 'yes']) {
          const response = await fetch(`${base}/paperos${org}/records`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-parsed': parsed },
            body: JSON.stringify({ type: 'org', name: `Node ${parsed}` }),
          });
          assert.equal(response.status, 200, parsed);
          assert.match((await response.json()).rec_id, /^rec_/);
        }
        const big = await fetch(`${base}/paperos${org}/records`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: 'x'.repeat(1_100_000),
        }).catch(() => undefined);
        // the server may answer 413 and close before the upload ends
        if (big) assert.equal(big.status, 413);
        const listed = await fetch(`${base}/paperos${org}/records?type=org`).then((r) => r.json());
        const names = listed.map((r: { name: string }) => r.name);
        assert.ok(names.includes('Node no') && names.includes('Node yes'));
      } finally {
        await close(server);
      }
    });
  });
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
