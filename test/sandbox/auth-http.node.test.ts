// The sandbox's auth failures, CORS, conditional GETs and answers to bad input, over real HTTP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_ORG_ID,
  OTHER_ORG_ID,
  createSandboxApp,
  startSandbox,
  type RunningSandbox,
} from '../../src/sandbox/index.js';
import { basic, call, payloadOf } from './helpers.js';

describe('sandbox auth, CORS and bad input', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const docs = `/api/v1/orgs/${DEMO_ORG_ID}/documents`;
  const send = (method: string, path: string, init?: Parameters<typeof call>[3]) =>
    call(sandbox.url, method, path, init);

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    token = await sandbox.mintAccessToken();
  });
  after(async () => sandbox?.close());

  describe('Bearer tokens', () => {
    it('missing: 401 with a JSON message', async () => {
      const res = await send('GET', docs);
      assert.equal(res.status, 401);
      assert.deepEqual(Object.keys(res.body).sort(), ['message', 'success']);
      assert.equal(res.body.success, false);
      assert.match(res.body.message, /Bearer/);
    });

    it('malformed: 401 (not a JWT, wrong scheme, extra words)', async () => {
      for (const authorization of [
        'Bearer not.a.jwt',
        'Bearer',
        `Token ${token}`,
        `Bearer ${token} extra`,
        'Bearer ***',
      ]) {
        const res = await send('GET', docs, { headers: { Authorization: authorization } });
        assert.equal(res.status, 401, authorization.slice(0, 12));
      }
    });

    it('expired: 401 saying so', async () => {
      const expired = await sandbox.mintAccessToken({ expiresInSec: -10 });
      const res = await send('GET', docs, { token: expired });
      assert.equal(res.status, 401);
      assert.match(res.body.message, /expired/);
    });

    it('for another org: 403', async () => {
      const res = await send('GET', `/api/v1/orgs/${OTHER_ORG_ID}/documents`, { token });
      assert.equal(res.status, 403);
      const other = await sandbox.mintAccessToken({ orgId: OTHER_ORG_ID });
      for (const path of [docs, `/api/v1/orgs/${DEMO_ORG_ID}/records/17413`, `/api/v1/orgs/${DEMO_ORG_ID}/workflows`]) {
        assert.equal((await send('GET', path, { token: other })).status, 403, path);
      }
      assert.equal((await send('GET', '/api/v1/org/documents?account_id=97', { token: other })).status, 403);
    });

    it('forged: 401 for another key, a changed claim, alg none, and a foreign issuer', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const claims = payloadOf(token);
      const otherKey = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'x' }).sign(privateKey);
      assert.equal((await send('GET', docs, { token: otherKey })).status, 401);
      const [header, , signature] = token.split('.');
      const widened = Buffer.from(JSON.stringify({ ...claims, org_id: OTHER_ORG_ID })).toString('base64url');
      assert.equal(
        (await send('GET', `/api/v1/orgs/${OTHER_ORG_ID}/documents`, { token: `${header}.${widened}.${signature}` }))
          .status,
        401,
      );
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1]}.`;
      assert.equal((await send('GET', docs, { token: none })).status, 401);
      // a token from another sandbox (its own key and issuer)
      const stranger = await createSandboxApp({ issuer: 'http://127.0.0.1:1' });
      assert.equal((await send('GET', docs, { token: await stranger.mintAccessToken() })).status, 401);
    });

    it('an ID token on an org endpoint: 401 naming the token type', async () => {
      const idToken = await sandbox.mintIdToken();
      const res = await send('GET', docs, { token: idToken });
      assert.equal(res.status, 401);
      assert.match(res.body.message, /access token/);
    });
  });

  describe('client credentials (HTTP Basic)', () => {
    it('wrong secret, unknown client, missing, malformed: 401', async () => {
      for (const auth of [
        basic(DEMO_CLIENT_ID, 'wrong'),
        basic('oidc_nobody', DEMO_CLIENT_SECRET),
        `Basic ${Buffer.from('no-colon').toString('base64')}`,
        'Basic !!!',
        `Bearer ${token}`,
      ]) {
        assert.equal((await send('GET', '/api/v1/integrations/users', { auth })).status, 401, auth.slice(0, 14));
      }
      assert.equal((await send('GET', '/api/v1/integrations/users')).status, 401);
    });

    it('takes RFC 6749 form-encoded credentials as well as the raw ones', async () => {
      const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
      const created = await send('POST', '/api/v1/oidc/clients', {
        token: await sandbox.mintIdToken(),
        body: { redirect_uris: ['https://app.example.com/callback'], client_name: 'Encoded' },
      });
      const { client_id, client_secret } = created.body;
      // give the client a secret that needs encoding
      const stored = sandbox.state.clients.find((c) => c.client_id === client_id)!;
      stored.client_secret = `${client_secret}:+ %é`;
      const formEncoded = `Basic ${Buffer.from(`${encode(client_id)}:${encode(stored.client_secret)}`).toString('base64')}`;
      assert.equal((await send('GET', '/api/v1/integrations/users', { auth: formEncoded })).status, 200);
      assert.equal(
        (await send('GET', '/api/v1/integrations/users', { auth: basic(client_id, client_secret) })).status,
        401,
      );
    });

    it('a token request for an org the subject cannot open: 403; for an unknown subject: 404', async () => {
      const claims = (orgId: string, externalId = 'john_doe-101') => ({
        claims: { external_id: { value: externalId }, org_id: { value: orgId } },
      });
      assert.equal(
        (await send('POST', '/api/v1/integrations/access-token', { auth: basic(), body: claims(OTHER_ORG_ID) })).status,
        403,
      );
      assert.equal(
        (await send('POST', '/api/v1/integrations/access-token', { auth: basic(), body: claims('org_nope') })).status,
        404,
      );
      assert.equal(
        (
          await send('POST', '/api/v1/integrations/access-token', {
            auth: basic(),
            body: claims(DEMO_ORG_ID, 'nobody'),
          })
        ).status,
        404,
      );
      const noOrg = await send('POST', '/api/v1/integrations/access-token', {
        auth: basic(),
        body: { claims: { external_id: { value: 'john_doe-101' } } },
      });
      assert.equal(noOrg.status, 400);
      assert.match(noOrg.body.message, /org_id/);
    });
  });

  describe('bad input', () => {
    it('unknown ids: 404 with a message', async () => {
      for (const path of [
        '/api/v1/orgs/org_nope/documents',
        `/api/v1/orgs/${DEMO_ORG_ID}/records/rec_missing`,
        '/api/v1/nothing',
      ]) {
        const res = await send('GET', path, { token });
        assert.equal(res.status, 404, path);
        assert.equal(res.body.success, false);
        assert.ok(res.body.message.length > 0);
      }
    });

    it('a body that is not JSON: 400; not an object: 400; a missing prop: 400 naming it', async () => {
      const records = `/api/v1/orgs/${DEMO_ORG_ID}/records`;
      assert.equal((await send('POST', records, { token, body: '{not json' })).status, 400);
      assert.equal((await send('POST', records, { token, body: '[1, 2]' })).status, 400);
      const missing = await send('POST', records, { token, body: { name: 'No Type' } });
      assert.equal(missing.status, 400);
      assert.match(missing.body.message, /type/);
      const wrongType = await send('POST', `/api/v1/orgs/${DEMO_ORG_ID}/workflows`, { token, body: { flow_id: 42 } });
      assert.equal(wrongType.status, 400);
      assert.match(wrongType.body.message, /flow_id/);
      const badEmail = await send('POST', '/api/v1/integrations/users', {
        auth: basic(),
        body: { email: 'not-an-email' },
      });
      assert.equal(badEmail.status, 400);
      assert.match(badEmail.body.message, /email/);
    });

    it('well-formed but unprocessable: 422 (unknown record type, empty record, bad business_type)', async () => {
      const records = `/api/v1/orgs/${DEMO_ORG_ID}/records`;
      assert.equal((await send('POST', records, { token, body: { type: 'spaceship', name: 'X' } })).status, 422);
      assert.equal(
        (await send('POST', records, { token, body: { type: 'indv', name: ' ', fields: { a: '' } } })).status,
        422,
      );
      const org = await send('POST', '/api/v1/orgs', {
        token: await sandbox.mintIdToken(),
        body: { name: 'X', fields: { business_type: 'pirate' } },
      });
      assert.equal(org.status, 422);
    });

    it('a body that is not JSON by its Content-Type: 406', async () => {
      const res = await send('POST', `/api/v1/orgs/${DEMO_ORG_ID}/records`, {
        token,
        body: 'type=indv&name=Jane',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(res.status, 406);
      assert.match(res.body.message, /JSON/);
    });

    it('a body over 1 MB: 413', async () => {
      const res = await send('POST', `/api/v1/orgs/${DEMO_ORG_ID}/records`, {
        token,
        body: { type: 'indv', name: 'Big', fields: { blob: 'x'.repeat(1_100_000) } },
      });
      assert.equal(res.status, 413);
    });

    it('a known path with another method: 405 with Allow', async () => {
      const res = await send('DELETE', docs, { token });
      assert.equal(res.status, 405);
      assert.match(res.headers.get('allow') ?? '', /GET/);
      assert.equal(res.body.success, false);
      assert.equal((await send('PUT', '/api/v1/integrations/users', { auth: basic() })).status, 405);
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string, path = docs) =>
      fetch(`${sandbox.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });

    it('answers preflights from localhost origins: Authorization allowed, cached 10 minutes', async () => {
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8000', 'https://localhost']) {
        const res = await preflight(origin);
        assert.equal(res.status, 204);
        assert.equal(res.headers.get('access-control-allow-origin'), origin);
        assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/i);
        assert.match(res.headers.get('access-control-allow-methods') ?? '', /PATCH/);
        assert.equal(res.headers.get('access-control-max-age'), '600');
      }
      const actual = await fetch(`${sandbox.url}${docs}`, {
        headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${token}` },
      });
      assert.equal(actual.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.match(actual.headers.get('access-control-expose-headers') ?? '', /ETag/);
    });

    it('grants nothing to other origins', async () => {
      for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
        const res = await preflight(origin, '/api/user/debug');
        assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
      }
    });

    it('takes a configured list, or any origin with "*"', async () => {
      const listed = await startSandbox({ port: 0, allowedOrigins: ['https://partner.example'] });
      const any = await startSandbox({ port: 0, allowedOrigins: '*' });
      try {
        const ask = (base: string, origin: string) =>
          fetch(`${base}/api/user/debug`, {
            method: 'OPTIONS',
            headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
          }).then((r) => r.headers.get('access-control-allow-origin'));
        assert.equal(await ask(listed.url, 'https://partner.example'), 'https://partner.example');
        assert.equal(await ask(listed.url, 'http://localhost:5173'), null);
        assert.equal(await ask(any.url, 'https://anyone.example'), 'https://anyone.example');
      } finally {
        await Promise.all([listed.close(), any.close()]);
      }
    });
  });

  it('GET lists carry an ETag and Cache-Control, and answer 304 to If-None-Match', async () => {
    for (const path of [
      `/api/v1/orgs/${DEMO_ORG_ID}/workflow-templates`,
      `/api/v1/orgs/${DEMO_ORG_ID}/workflows`,
      `/api/v1/orgs/${DEMO_ORG_ID}/records?type=org`,
      docs,
    ]) {
      const first = await send('GET', path, { token });
      const etag = first.headers.get('etag');
      assert.ok(etag, path);
      assert.equal(first.headers.get('cache-control'), 'private, no-cache');
      const again = await send('GET', path, { token, headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal(again.text, '');
    }
    // a change makes a new ETag
    const path = `/api/v1/orgs/${DEMO_ORG_ID}/workflows`;
    const before = (await send('GET', path, { token })).headers.get('etag')!;
    await send('POST', path, { token, body: { flow_id: 'flow_extg0v4ndq47rnwk' } });
    const after = await send('GET', path, { token, headers: { 'If-None-Match': before } });
    assert.equal(after.status, 200);
    // and a 304 still needs a valid token
    assert.equal((await send('GET', path, { headers: { 'If-None-Match': after.headers.get('etag')! } })).status, 401);
  });
});
