// The sandbox over real HTTP on loopback: the documentation's requests replayed
// (same method, path, headers and body as its curl examples) with responses of
// the example's keys and types; auth failures; CORS; signed links; faults;
// persistence across a restart and through a kill mid-write.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, generateKeyPair, decodeJwt } from 'jose';
import {
  startSandbox,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_ORG_ID,
  OTHER_ORG_ID,
  type RunningSandbox,
} from '../../src/sandbox/index.js';
import * as examples from '../fixtures/api-examples.js';

/** Every key of the example is present with the same JSON type (arrays: the first item's shape). */
function assertShape(actual: unknown, example: unknown, where = 'response'): void {
  const type = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (example === null) return; // the doc shows null where a value may be absent
  assert.equal(type(actual), type(example), `${where}: expected ${type(example)}, got ${type(actual)}`);
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length && actual.length) assertShape(actual[0], example[0], `${where}[0]`);
  } else if (type(example) === 'object') {
    for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
      assert.ok(key in (actual as Record<string, unknown>), `${where}.${key} is missing`);
      assertShape((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
  }
}

const basic = (id = DEMO_CLIENT_ID, secret = DEMO_CLIENT_SECRET) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('sandbox: the documentation, replayed', () => {
  let sandbox: RunningSandbox;
  let accessToken: string;
  let idToken: string;
  const call = async (method: string, path: string, init: { token?: string; auth?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.auth) headers.Authorization = init.auth;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body, null, 2),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(async () => sandbox?.close());

  it('POST /api/v1/integrations/users creates a subject', async () => {
    const res = await call('POST', '/api/v1/integrations/users', {
      auth: basic(),
      body: {
        external_id: 'jane-202',
        email: 'jane+202@example.com',
        email_verified: false,
        given_name: 'Jane',
        family_name: 'Roe',
        zoneinfo: 'America/Denver',
        locale: 'en-US',
      },
    });
    assert.equal(res.status, 200);
    assertShape(res.body, {
      ...examples.subjectResponse,
      subject: { ...examples.subjectResponse.subject, phone: null, picture: null },
    });
    assert.match(res.body.subject.sub, /^sub_/);
  });

  it('PATCH /api/v1/integrations/users/:sub answers 204', async () => {
    const res = await call('PATCH', '/api/v1/integrations/users/sub_d0255a8r3hknnzsh', {
      auth: basic(),
      body: { external_id: 'john_doe-101', locale: 'en-US', zoneinfo: 'America/Denver' },
    });
    assert.equal(res.status, 204);
  });

  it('GET /api/v1/integrations/users lists subjects with their orgs', async () => {
    const res = await call('GET', '/api/v1/integrations/users', { auth: basic() });
    assert.equal(res.status, 200);
    assertShape(res.body, examples.subjectsResponse);
  });

  it('POST /api/v1/integrations/id-token and access-token mint ES256 JWTs with the documented claims', async () => {
    const claims = {
      external_id: { value: 'john_doe-101' },
      auth_time: { value: 1745571774 },
      exp: { value: Math.floor(Date.now() / 1000) + 3600 },
      amr: { values: ['pwd'] },
    };
    const id = await call('POST', '/api/v1/integrations/id-token', { auth: basic(), body: { claims } });
    assert.equal(id.status, 200);
    assertShape(id.body, examples.idTokenResponse);
    const access = await call('POST', '/api/v1/integrations/access-token', {
      auth: basic(),
      body: { claims: { ...claims, org_id: { value: DEMO_ORG_ID } } },
    });
    assert.equal(access.status, 200);
    assertShape(access.body, examples.accessTokenResponse);
    idToken = id.body.id_token;
    accessToken = access.body.access_token;
    const payload = decodeJwt(accessToken);
    for (const key of [
      'iss',
      'sub',
      'client_id',
      'org_id',
      'auth_time',
      'iat',
      'exp',
      'jti',
      'email',
      'given_name',
      'family_name',
    ]) {
      assert.ok(key in payload, `claim ${key}`);
    }
    assert.equal(payload.org_id, DEMO_ORG_ID);
    assert.equal(payload.iss, sandbox.url);
  });

  it('publishes JWKS and an OIDC discovery document', async () => {
    const discovery = await call('GET', '/.well-known/openid-configuration');
    assert.equal(discovery.body.jwks_uri, `${sandbox.url}/.well-known/jwks.json`);
    const jwks = await call('GET', '/.well-known/jwks.json');
    assert.equal(jwks.body.keys[0].alg, 'ES256');
    assert.equal(jwks.body.keys[0].d, undefined, 'no private key material');
  });

  it('GET /api/user/debug and /api/v1/org/debug', async () => {
    const user = await call('GET', '/api/user/debug', { token: accessToken });
    assertShape(user.body, {
      ...examples.userDebugResponse,
      user: { ...examples.userDebugResponse.user, account_id: null },
    });
    const org = await call('GET', '/api/v1/org/debug?account_id=97', { token: accessToken });
    assert.equal(org.status, 200);
    assertShape(org.body, examples.orgDebugResponse);
    assert.equal(org.body.originalUrl, '/api/v1/org/debug?account_id=97');
  });

  it('orgs: list with updated_since, create', async () => {
    const list = await call('GET', '/api/v1/orgs?updated_since=0', { token: idToken });
    assert.equal(list.status, 200);
    assertShape(list.body, examples.orgsResponse);
    const created = await call('POST', '/api/v1/orgs', {
      token: idToken,
      body: { name: 'My Test Company 11', fields: { business_type: 'for_profit' } },
    });
    assert.equal(created.status, 200);
    assertShape(created.body, examples.createOrgResponse);
    assert.match(created.body.id, /^org_/);
    const bad = await call('POST', '/api/v1/orgs', {
      token: idToken,
      body: { name: 'X', fields: { business_type: 'pirate' } },
    });
    assert.equal(bad.status, 422);
  });

  it('records: create, list by type (and the other filters), get, update', async () => {
    const base = `/api/v1/orgs/${DEMO_ORG_ID}/records`;
    const created = await call('POST', base, {
      token: accessToken,
      body: {
        type: 'indv',
        name: 'Jane Doe',
        fields: { title: 'master painter', email: 'jane@jane.doe', is_board_director: '1' },
      },
    });
    assert.equal(created.status, 200);
    assertShape(created.body, examples.createRecordResponse);
    assert.match(created.body.rec_id, /^rec_/);
    const orgs = await call('GET', `${base}?type=org`, { token: accessToken });
    assertShape(orgs.body, examples.recordsResponse);
    assert.deepEqual(
      orgs.body.map((r: { name: string }) => r.name),
      ['Test 1'],
    );
    const limited = await call('GET', `${base}?type=*&limit=1`, { token: accessToken });
    assert.equal(limited.body.length, 1);
    const byIds = await call('GET', `${base}?rec_ids=17413,${created.body.rec_id}`, { token: accessToken });
    assert.equal(byIds.body.length, 2);
    const one = await call('GET', `${base}/17413`, { token: accessToken });
    assertShape(one.body, examples.recordResponse);
    const updated = await call('PATCH', `${base}/5617`, {
      token: accessToken,
      body: { fields: { title: 'Product Manager', email: 'john2@john.doe' } },
    });
    assertShape(updated.body, examples.recordUpdateResponse);
    assert.deepEqual(updated.body.changes, ['title', 'email']);
    const empty = await call('POST', base, { token: accessToken, body: { type: 'indv', name: '', fields: {} } });
    assert.equal(empty.status, 422, 'completely empty records are refused');
    assert.equal((await call('GET', `${base}/rec_missing`, { token: accessToken })).status, 404);
  });

  it('workflow templates (71), workflows, start with and without records', async () => {
    const base = `/api/v1/orgs/${DEMO_ORG_ID}`;
    const templates = await call('GET', `${base}/workflow-templates`, { token: accessToken });
    assertShape(templates.body, examples.workflowTemplatesResponse);
    assert.equal(templates.body.workflow_templates.length, 71);
    const list = await call('GET', `${base}/workflows`, { token: accessToken });
    assertShape(list.body, examples.workflowsResponse);
    const started = await call('POST', `${base}/workflows`, {
      token: accessToken,
      body: { flow_id: 'flow_extg0vcffk3h9085' },
    });
    assertShape(started.body, examples.startWorkflowResponse);
    const prefilled = await call('POST', `${base}/workflows`, {
      token: accessToken,
      body: { flow_id: 'flow_extg0vcffk3h9085', records: [{ role: 'company', id: '5617' }], auto_submit: 1 },
    });
    assert.equal(prefilled.status, 200);
    assert.equal((await call('POST', `${base}/workflows`, { token: accessToken, body: {} })).status, 400);
    assert.equal(
      (await call('POST', `${base}/workflows`, { token: accessToken, body: { flow_id: 'flow_nope' } })).status,
      404,
    );
  });

  it('documents in both URL forms, with the email filter, and conditional GETs', async () => {
    const byOrg = await call('GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents`, { token: accessToken });
    assertShape(byOrg.body, examples.documentsResponse);
    assert.ok(byOrg.body.documents.length >= 3);
    const byAccount = await call('GET', '/api/v1/org/documents?account_id=97', { token: accessToken });
    assert.equal(byAccount.body.documents.length, byOrg.body.documents.length);
    const byEmail = await call(
      'GET',
      `/api/v1/orgs/${DEMO_ORG_ID}/documents?email=${encodeURIComponent('jane.roe@example.com')}`,
      { token: accessToken },
    );
    assert.ok(byEmail.body.documents.length > 0);
    for (const doc of byEmail.body.documents) {
      assert.ok(doc.recipients.some((r: { email: string }) => r.email === 'jane.roe@example.com'));
    }
    const signer = byOrg.body.documents
      .flatMap((d: { recipients: unknown[] }) => d.recipients)
      .find((r: { sign_url: string | null }) => r.sign_url);
    assert.deepEqual(Object.keys(signer).sort(), ['email', 'name', 'sign_url', 'status']);
    const first = await fetch(`${sandbox.url}/api/v1/orgs/${DEMO_ORG_ID}/workflow-templates`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${sandbox.url}/api/v1/orgs/${DEMO_ORG_ID}/workflow-templates`, {
      headers: { Authorization: `Bearer ${accessToken}`, 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
  });

  it('OIDC client registration and listing', async () => {
    const created = await call('POST', '/api/v1/oidc/clients', {
      token: idToken,
      body: {
        redirect_uris: ['https://app.example.com/callback'],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        contacts: ['devops@example.com'],
        client_name: 'Example App',
        logo_uri: 'https://app.example.com/logo.png',
        client_uri: 'https://app.example.com',
        policy_uri: 'https://app.example.com/privacy',
        tos_uri: 'https://app.example.com/terms',
        initiate_login_uri: 'https://app.example.com/oidc/start',
      },
    });
    assert.equal(created.status, 200);
    assertShape(created.body, examples.oidcClientResponse);
    const list = await call('GET', '/api/v1/oidc/clients', { token: idToken });
    assertShape(list.body, examples.oidcClientsResponse);
  });

  describe('auth failures', () => {
    const docs = `/api/v1/orgs/${DEMO_ORG_ID}/documents`;
    it('missing token: 401', async () => assert.equal((await call('GET', docs)).status, 401));
    it('malformed token: 401', async () => assert.equal((await call('GET', docs, { token: 'not.a.jwt' })).status, 401));
    it('expired token: 401', async () => {
      const expired = await sandbox.mintAccessToken({ expiresInSec: -10 });
      const res = await call('GET', docs, { token: expired });
      assert.equal(res.status, 401);
      assert.match(res.body.message, /expired/);
    });
    it('token for another org: 403', async () => {
      assert.equal((await call('GET', `/api/v1/orgs/${OTHER_ORG_ID}/documents`, { token: accessToken })).status, 403);
    });
    it('forged signature: 401', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ ...decodeJwt(accessToken) })
        .setProtectedHeader({ alg: 'ES256', kid: 'x' })
        .sign(privateKey);
      assert.equal((await call('GET', docs, { token: forged })).status, 401);
    });
    it('wrong client secret: 401', async () => {
      assert.equal(
        (await call('GET', '/api/v1/integrations/users', { auth: basic(DEMO_CLIENT_ID, 'wrong') })).status,
        401,
      );
      assert.equal((await call('GET', '/api/v1/integrations/users')).status, 401);
    });
    it('unknown org: 404; invalid body: 400', async () => {
      assert.equal((await call('GET', '/api/v1/orgs/org_nope/documents', { token: accessToken })).status, 404);
      const res = await fetch(`${sandbox.url}/api/v1/orgs/${DEMO_ORG_ID}/records`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: '{not json',
      });
      assert.equal(res.status, 400);
    });
  });

  it('answers CORS preflights for localhost origins, with Authorization allowed and cached', async () => {
    const res = await fetch(`${sandbox.url}/api/v1/orgs/${DEMO_ORG_ID}/documents`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    assert.ok(res.status === 204 || res.status === 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    assert.equal(res.headers.get('access-control-max-age'), '600');
    const foreign = await fetch(`${sandbox.url}/api/user/debug`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  it('serves signed document links, and refuses them once expired or tampered', async () => {
    const byOrg = await call('GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents`, { token: accessToken });
    const url: string = byOrg.body.documents[0].url;
    const payload = decodeJwt(url.slice(url.lastIndexOf('/') + 1));
    assert.equal((payload.exp as number) - (payload.iat as number), 900);
    const ok = await fetch(url);
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Balance Sheet/);
    // change a signature character in the middle (the last one carries padding bits)
    const at = url.length - 20;
    const tampered = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
    assert.equal((await fetch(tampered)).status, 401);
    const short = await startSandbox({ port: 0, documentUrlTtlSec: 1 });
    try {
      const token = await short.mintAccessToken();
      const docs = await (
        await fetch(`${short.url}/api/v1/orgs/${DEMO_ORG_ID}/documents`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json();
      await new Promise((resolve) => setTimeout(resolve, 2100));
      assert.equal((await fetch(docs.documents[0].url)).status, 401);
    } finally {
      await short.close();
    }
  });

  it('injects faults: status with Retry-After, malformed JSON, latency, missing fields, limited to N requests', async () => {
    const path = `/api/v1/orgs/${DEMO_ORG_ID}/workflows`;
    sandbox.setFaults([{ kind: 'status', status: 429, retryAfter: 3, times: 1 }]);
    const limited = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.equal((await call('GET', path, { token: accessToken })).status, 200, 'only the next request');
    const admin = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ kind: 'malformed', path: 'workflows$' }]),
    });
    assert.equal(admin.status, 200);
    const malformed = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    await assert.rejects(malformed.json());
    sandbox.setFaults([{ kind: 'missing-fields', path: 'workflows$' }]);
    const missing = await call('GET', path, { token: accessToken });
    assert.equal(missing.body.workflows[0].label, undefined, 'a required field was removed');
    sandbox.setFaults([{ kind: 'drop', path: 'workflows$' }]);
    await assert.rejects(
      fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } }).then((r) => r.text()),
    );
    sandbox.setFaults([{ kind: 'status', status: 503, rate: 1 }]);
    assert.equal((await call('GET', path, { token: accessToken })).status, 503);
    assert.equal((await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await call('GET', path, { token: accessToken })).status, 200);
  });
});

describe('sandbox persistence', () => {
  it('keeps state (and keys) across a restart', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'paperos-sandbox-')), 'state.json');
    const first = await startSandbox({ port: 0, dataFile });
    const token = await first.mintAccessToken();
    const res = await fetch(`${first.url}/api/v1/orgs/${DEMO_ORG_ID}/records`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'indv', name: 'Persisted Person' }),
    });
    const { rec_id } = await res.json();
    await first.close();
    const second = await startSandbox({ port: 0, dataFile, publicUrl: first.url });
    try {
      const again = await fetch(`${second.url}/api/v1/orgs/${DEMO_ORG_ID}/records/${rec_id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.equal(again.status, 200, 'the old token still verifies and the record is there');
      assert.equal((await again.json()).name, 'Persisted Person');
    } finally {
      await second.close();
    }
  });

  it('a process killed while writing leaves the old or the new state, never a broken file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperos-kill-'));
    const dataFile = join(dir, 'state.json');
    writeFileSync(dataFile, JSON.stringify({ generation: 0, pad: '' }));
    const writer = fileURLToPath(new URL('./fixtures/atomic-writer.ts', import.meta.url));
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, dataFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 20 + round * 15));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const parsed = JSON.parse(readFileSync(dataFile, 'utf8'));
      assert.equal(typeof parsed.generation, 'number', `round ${round}: a whole state`);
      assert.equal(parsed.pad.length, parsed.generation === 0 ? 0 : 200_000, `round ${round}: not a partial write`);
    }
  });
});
