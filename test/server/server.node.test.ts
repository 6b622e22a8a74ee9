// The host-backend toolkit against a running sandbox.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  PaperOSIntegration,
  clientCredentialsHeader,
  createProxyHandler,
  createTokenHandler,
  createTokenVerifier,
  toNodeHandler,
} from '../../src/server/index.js';
import { DEMO_ORG_ID, OTHER_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';

describe('server toolkit', () => {
  let sandbox: RunningSandbox;
  let mints = 0;
  const counting: typeof fetch = (input, init) => {
    if (String(input).endsWith('/api/v1/integrations/access-token')) mints++;
    return fetch(input, init);
  };
  const integration = () =>
    new PaperOSIntegration({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      fetch: counting,
    });
  const john = { externalId: 'john_doe-101' };

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(async () => sandbox?.close());

  it('encodes client credentials per RFC 6749 2.3.1', () => {
    const header = clientCredentialsHeader('id:with colon', 'sécret+/=');
    const decoded = Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8');
    assert.equal(decoded, 'id%3Awith+colon:s%C3%A9cret%2B%2F%3D');
  });

  it('creates, updates and lists subjects; mints an ID token', async () => {
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
  });

  it('mints an org-scoped access token once for 20 concurrent requests, then serves it from the cache', async () => {
    const paperos = integration();
    mints = 0;
    const tokens = await Promise.all(Array.from({ length: 20 }, () => paperos.accessToken(john, DEMO_ORG_ID)));
    assert.equal(new Set(tokens.map((t) => t.token)).size, 1);
    assert.equal(mints, 1);
    await paperos.accessToken(john, DEMO_ORG_ID);
    assert.equal(mints, 1);
  });

  it('mints a fresh token when the cached one nears expiry', async () => {
    let now = Date.now();
    const paperos = new PaperOSIntegration({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      fetch: counting,
      now: () => now,
      refreshAheadMs: 60_000,
    });
    mints = 0;
    const first = await paperos.accessToken(john, DEMO_ORG_ID, { expiresInSec: 120 });
    now += 30_000;
    assert.equal((await paperos.accessToken(john, DEMO_ORG_ID, { expiresInSec: 120 })).token, first.token);
    now += 40_000; // 50 s left: inside the refresh window
    await paperos.accessToken(john, DEMO_ORG_ID, { expiresInSec: 120 });
    assert.equal(mints, 2);
  });

  it('refuses an org the subject has no access to', async () => {
    await assert.rejects(integration().accessToken(john, OTHER_ORG_ID), { status: 403 });
  });

  it('verifies tokens against the remote JWKS: good, wrong issuer, tampered', async () => {
    const token = (await integration().accessToken(john, DEMO_ORG_ID)).token;
    const verify = createTokenVerifier({ issuer: sandbox.url });
    assert.equal((await verify(token)).org_id, DEMO_ORG_ID);
    await assert.rejects(
      createTokenVerifier({ issuer: 'https://other.example', jwksUrl: `${sandbox.url}/.well-known/jwks.json` })(token),
    );
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), org_id: OTHER_ORG_ID })).toString('base64url')}.${s}`;
    await assert.rejects(verify(tampered));
  });

  describe('token endpoint', () => {
    it('answers the approved user with a no-store access token', async () => {
      const handler = createTokenHandler({
        integration: integration(),
        authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }),
      });
      const response = await handler(new Request('http://host.test/paperos/token', { method: 'POST' }));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = await response.json();
      assert.match(body.access_token, /^ey/);
      assert.ok(body.expires_in > 0);
    });
    it('refuses without approval, on errors in the callback, and for GET', async () => {
      const refuse = createTokenHandler({ integration: integration(), authorize: async () => null });
      assert.equal((await refuse(new Request('http://host.test/t', { method: 'POST' }))).status, 401);
      const throws = createTokenHandler({
        integration: integration(),
        authorize: async () => {
          throw new Error('session store down');
        },
      });
      assert.equal((await throws(new Request('http://host.test/t', { method: 'POST' }))).status, 401);
      const approve = createTokenHandler({
        integration: integration(),
        authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }),
      });
      assert.equal((await approve(new Request('http://host.test/t'))).status, 405);
    });
    it('runs in Node http through toNodeHandler', async () => {
      const server = createServer(
        toNodeHandler(
          createTokenHandler({
            integration: integration(),
            authorize: async (r) => (r.headers.get('cookie') === 'session=ok' ? { ...john, orgId: DEMO_ORG_ID } : null),
          }),
        ),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
      try {
        assert.equal((await fetch(url, { method: 'POST', headers: { cookie: 'session=ok' } })).status, 200);
        assert.equal((await fetch(url, { method: 'POST' })).status, 401);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('BFF proxy', () => {
    const proxy = () =>
      createProxyHandler({
        integration: integration(),
        authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }),
        prefix: '/paperos',
      });
    it('forwards the element API paths with the token added server-side, and never returns the token', async () => {
      const token = (await integration().accessToken(john, DEMO_ORG_ID)).token;
      const response = await proxy()(new Request(`http://host.test/paperos/api/v1/orgs/${DEMO_ORG_ID}/documents`));
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.ok(JSON.parse(text).documents.length > 0);
      assert.ok(!text.includes(token));
      for (const [, value] of response.headers) assert.ok(!value.includes(token));
      const created = await proxy()(
        new Request(`http://host.test/paperos/api/v1/orgs/${DEMO_ORG_ID}/workflows`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ flow_id: 'flow_extg0vcffk3h9085' }),
        }),
      );
      assert.equal(created.status, 200);
    });
    it('forwards nothing else', async () => {
      const handler = proxy();
      assert.equal((await handler(new Request('http://host.test/paperos/api/v1/integrations/users'))).status, 404);
      assert.equal((await handler(new Request('http://host.test/paperos/api/v1/oidc/clients'))).status, 404);
      assert.equal(
        (await handler(new Request(`http://host.test/paperos/api/v1/orgs/${OTHER_ORG_ID}/documents`))).status,
        403,
      );
      assert.equal(
        (
          await handler(
            new Request(`http://host.test/paperos/api/v1/orgs/${DEMO_ORG_ID}/documents`, { method: 'DELETE' }),
          )
        ).status,
        405,
      );
      assert.equal((await handler(new Request(`http://host.test/elsewhere/api/user/debug`))).status, 404);
      const refused = createProxyHandler({
        integration: integration(),
        authorize: async () => null,
        prefix: '/paperos',
      });
      assert.equal(
        (await refused(new Request(`http://host.test/paperos/api/v1/orgs/${DEMO_ORG_ID}/documents`))).status,
        401,
      );
    });
  });
});
