// Every request example in the API documentation, replayed against the sandbox
// over real HTTP: the same method, path, headers and body as the doc's curl
// examples (placeholders filled with the sandbox's ids), checking the status
// and that the answer has the keys and value types of the doc's example response.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import { PaperOSClient } from '../../src/client/index.js';
import { DEMO_ORG_ID, DEMO_SUBJECT, OTHER_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import * as examples from '../fixtures/api-examples.js';
import { assertShape, basic, call, headerOf, payloadOf } from './helpers.js';

describe('the documentation, replayed against the sandbox', () => {
  let sandbox: RunningSandbox;
  /** `OIDC_ACCESS_TOKEN` and `OIDC_ID_TOKEN` in the doc, minted through the integration endpoints below. */
  let accessToken: string;
  let idToken: string;
  const send = (method: string, path: string, init?: Parameters<typeof call>[3]) =>
    call(sandbox.url, method, path, init);

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(async () => sandbox?.close());

  describe('subjects and tokens (client credentials)', () => {
    it('POST /api/v1/integrations/users with the doc body answers the subject', async () => {
      const res = await send('POST', '/api/v1/integrations/users', {
        auth: basic(),
        body: {
          external_id: 'john_doe-101',
          email: 'john.doe+101@example.com',
          email_verified: false,
          given_name: 'John',
          family_name: 'Doe',
          zoneinfo: 'America/Denver',
          locale: 'en-US',
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.subjectResponse);
      // john_doe-101 is seeded: creating him again answers the same subject
      assert.equal(res.body.subject.sub, DEMO_SUBJECT);
    });

    it('POST /api/v1/integrations/users creates a new subject with a sub_ id', async () => {
      const res = await send('POST', '/api/v1/integrations/users', {
        auth: basic(),
        body: {
          external_id: 'jane_roe-202',
          email: 'jane.roe+202@example.com',
          given_name: 'Jane',
          family_name: 'Roe',
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.subjectResponse);
      assert.match(res.body.subject.sub, /^sub_[0-9a-z]{16}$/);
      assert.notEqual(res.body.subject.sub, DEMO_SUBJECT);
      assert.equal(res.body.subject.first_name, 'Jane');
      assert.deepEqual(res.body.subject.orgs, []);
    });

    it('PATCH /api/v1/integrations/users/:sub with the doc body answers 204 and changes the subject', async () => {
      const patch = (externalId: string) =>
        send('PATCH', `/api/v1/integrations/users/${DEMO_SUBJECT}`, {
          auth: basic(),
          body: { external_id: externalId, locale: 'en-US', zoneinfo: 'America/Denver' },
        });
      const res = await patch('100-john_doe');
      assert.equal(res.status, 204);
      assert.equal(res.text, '');
      const list = await send('GET', '/api/v1/integrations/users', { auth: basic() });
      assert.equal(list.body.subjects.find((s: { sub: string }) => s.sub === DEMO_SUBJECT).external_id, '100-john_doe');
      assert.equal((await patch('john_doe-101')).status, 204, 'back to the seeded id for the other examples');
      const unknown = await send('PATCH', '/api/v1/integrations/users/sub_xxxxxxxx', {
        auth: basic(),
        body: { external_id: '100-john_doe' },
      });
      assert.equal(unknown.status, 404, "the doc's placeholder sub is not a subject");
    });

    it('GET /api/v1/integrations/users lists subjects with their orgs', async () => {
      const res = await send('GET', '/api/v1/integrations/users', { auth: basic() });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.subjectsResponse);
      const john = res.body.subjects.find((s: { sub: string }) => s.sub === DEMO_SUBJECT);
      assert.deepEqual(john.orgs[0], { id: DEMO_ORG_ID, name: 'My For Profit OIDC Client Test Co' });
    });

    it('POST /api/v1/integrations/id-token with the doc body mints an ES256 ID token', async () => {
      const res = await send('POST', '/api/v1/integrations/id-token', {
        auth: basic(),
        body: {
          claims: {
            external_id: { value: 'john_doe-101' },
            auth_time: { value: 1745571774 },
            exp: { value: 1745575374 },
            amr: { values: ['pwd'] },
          },
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.idTokenResponse);
      idToken = res.body.id_token;
      assert.deepEqual(headerOf(idToken).alg, 'ES256');
      const claims = payloadOf(idToken);
      assert.equal(claims.sub, DEMO_SUBJECT);
      assert.equal(claims.auth_time, 1745571774, 'auth_time as asked');
      assert.equal(claims.org_id, undefined, 'an ID token names no org');
      // the doc's exp is long past: the sandbox falls back to its default lifetime
      assert.ok(claims.exp > Date.now() / 1000);
    });

    it('POST /api/v1/integrations/access-token with the doc body mints an org-scoped token with the doc claims', async () => {
      const res = await send('POST', '/api/v1/integrations/access-token', {
        auth: basic(),
        body: {
          claims: {
            external_id: { value: 'john_doe-101' },
            org_id: { value: 'org_ew421jr4pmnhs02z' },
            auth_time: { value: 1745571774 },
            exp: { value: 1745575374 },
            amr: { values: ['pwd'] },
          },
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.accessTokenResponse);
      accessToken = res.body.access_token;
      // the same claims, with the same types, as the doc's example token
      const docClaims = payloadOf(examples.accessTokenResponse.access_token);
      const claims = payloadOf(accessToken);
      assertShape(claims, docClaims, 'claims');
      assert.deepEqual(
        Object.keys(headerOf(accessToken)).sort(),
        Object.keys(headerOf(examples.accessTokenResponse.access_token)).sort(),
      );
      assert.equal(claims.org_id, DEMO_ORG_ID);
      assert.equal(claims.iss, sandbox.url);
      // and it verifies against the published keys
      const jwks = createRemoteJWKSet(new URL(`${sandbox.url}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(accessToken, jwks, { issuer: sandbox.url, algorithms: ['ES256'] });
      assert.equal(payload.sub, DEMO_SUBJECT);
    });

    it('publishes an OIDC discovery document and JWKS without private key material', async () => {
      const discovery = await send('GET', '/.well-known/openid-configuration');
      assert.equal(discovery.body.issuer, sandbox.url);
      assert.equal(discovery.body.jwks_uri, `${sandbox.url}/.well-known/jwks.json`);
      assert.deepEqual(discovery.body.id_token_signing_alg_values_supported, ['ES256']);
      const jwks = await send('GET', '/.well-known/jwks.json');
      assert.equal(jwks.body.keys.length, 1);
      assert.equal(jwks.body.keys[0].alg, 'ES256');
      assert.equal(jwks.body.keys[0].kid, headerOf(accessToken).kid);
      assert.equal(jwks.body.keys[0].d, undefined);
    });
  });

  describe('token debug and orgs', () => {
    it('GET /api/user/debug', async () => {
      const res = await send('GET', '/api/user/debug', { token: accessToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.userDebugResponse);
      assert.equal(res.body.originalUrl, '/api/user/debug');
      assert.equal(res.body.user.email, 'john.doe+101@example.com');
    });

    it('GET /api/v1/orgs?updated_since=0 (ID token)', async () => {
      const res = await send('GET', '/api/v1/orgs?updated_since=0', { token: idToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.orgsResponse);
      assert.ok(res.body.orgs.some((o: { id: string }) => o.id === DEMO_ORG_ID));
      assert.ok(!res.body.orgs.some((o: { id: string }) => o.id === OTHER_ORG_ID), 'only the subject’s orgs');
      assert.equal((await send('GET', '/api/v1/orgs', { token: idToken })).status, 400, 'updated_since is required');
    });

    it('GET /api/v1/org/debug?account_id=<org id> (ID token), and by numeric account id', async () => {
      const res = await send('GET', `/api/v1/org/debug?account_id=${DEMO_ORG_ID}`, { token: idToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.orgDebugResponse);
      assert.equal(res.body.user.account_id, 97);
      const byNumber = await send('GET', '/api/v1/org/debug?account_id=97', { token: accessToken });
      assert.equal(byNumber.body.originalUrl, '/api/v1/org/debug?account_id=97');
      assert.equal(
        (await send('GET', '/api/v1/org/debug', { token: idToken })).status,
        400,
        'an ID token needs account_id',
      );
      assert.equal(
        (await send('GET', `/api/v1/org/debug?account_id=${OTHER_ORG_ID}`, { token: idToken })).status,
        403,
        'not one of the subject’s orgs',
      );
    });

    it('POST /api/v1/orgs (ID token) creates an org the subject can then get tokens for', async () => {
      const res = await send('POST', '/api/v1/orgs', {
        token: idToken,
        body: { name: 'My Test Company 11', fields: { business_type: 'for_profit' } },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.createOrgResponse);
      assert.match(res.body.id, /^org_[0-9a-z]{26}$/);
      assert.match(res.body.brand_id, /^brand_/);
      const token = await send('POST', '/api/v1/integrations/access-token', {
        auth: basic(),
        body: { claims: { external_id: { value: 'john_doe-101' }, org_id: { value: res.body.id } } },
      });
      assert.equal(token.status, 200);
      const bad = await send('POST', '/api/v1/orgs', {
        token: idToken,
        body: { name: 'My Test Company 12', fields: { business_type: 'pirate' } },
      });
      assert.equal(bad.status, 422);
      assert.match(bad.body.message, /business_type/);
    });
  });

  describe('records', () => {
    const base = `/api/v1/orgs/${DEMO_ORG_ID}/records`;

    it('POST records with the doc body (type code indv) answers a rec_ id, listed under its slug', async () => {
      const res = await send('POST', base, {
        token: accessToken,
        body: {
          type: 'indv',
          name: 'Jane Doe',
          fields: { title: 'master painter', email: 'jane@jane.doe', is_board_director: '1' },
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.createRecordResponse);
      assert.match(res.body.rec_id, /^rec_[0-9a-z]{26}$/);
      const individuals = await send('GET', `${base}?type=individual`, { token: accessToken });
      const jane = individuals.body.find((r: { id: string }) => r.id === res.body.rec_id);
      assert.equal(jane.resource_type_id, 1);
      assert.equal(jane.features.title, 'master painter');
    });

    it('GET records?type=org lists the org records in the doc shape', async () => {
      const res = await send('GET', `${base}?type=org`, { token: accessToken });
      assert.equal(res.status, 200);
      // ids: numbers in the doc's list example, rec_ strings in its create example; both occur
      assertShape(res.body, examples.recordsResponse, 'response', { id: ['number', 'string'] });
      assert.ok(res.body.length >= 2);
      for (const record of res.body) assert.equal(record.resource_type_id, 2);
      assert.ok(res.body.some((r: { id: number }) => r.id === 5617));
    });

    it('the documented query parameters: rec_id, rec_ids, since, limit, type=*', async () => {
      const all = await send('GET', `${base}?type=*`, { token: accessToken });
      assert.ok(all.body.length >= 3);
      assert.equal((await send('GET', `${base}?type=*&limit=1`, { token: accessToken })).body.length, 1);
      const one = await send('GET', `${base}?rec_id=17413`, { token: accessToken });
      assert.deepEqual(
        one.body.map((r: { id: number }) => r.id),
        [17413],
      );
      const two = await send('GET', `${base}?rec_ids=17413,rec_kp9fh3354dqt255m`, { token: accessToken });
      assert.equal(two.body.length, 2);
      const recent = await send('GET', `${base}?since=2023-01-01T00:00:00Z`, { token: accessToken });
      assert.ok(recent.body.every((r: { updated_at: string }) => r.updated_at >= '2023-01-01'));
      assert.ok(recent.body.length < all.body.length);
      assert.equal((await send('GET', `${base}?limit=-1`, { token: accessToken })).status, 400);
      assert.equal((await send('GET', `${base}?since=yesterday`, { token: accessToken })).status, 400);
    });

    it('GET records/17413', async () => {
      const res = await send('GET', `${base}/17413`, { token: accessToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.recordResponse);
      assert.equal(res.body.features.title, 'master builder');
      assert.equal((await send('GET', `${base}/99999`, { token: accessToken })).status, 404);
    });

    it('PATCH records/5617 answers the changed fields', async () => {
      // the JS example's body: the curl example's body has a trailing comma, which is not JSON
      const res = await send('PATCH', `${base}/5617`, {
        token: accessToken,
        body: { fields: { title: 'Product Manager', email: 'john2@john.doe' } },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.recordUpdateResponse);
      assert.deepEqual(res.body.changes, ['title', 'email']);
      const again = await send('PATCH', `${base}/5617`, {
        token: accessToken,
        body: { fields: { title: 'Product Manager', email: 'john2@john.doe' } },
      });
      assert.deepEqual(again.body.changes, [], 'nothing changed the second time');
      const curlBody = `{
"fields": {
"title": "Product Manager",
"email": "john2@john.doe",
}
}`;
      const curl = await send('PATCH', `${base}/5617`, { token: accessToken, body: curlBody });
      assert.equal(curl.status, 400);
      assert.match(curl.body.message, /JSON/);
    });
  });

  describe('workflows', () => {
    const base = `/api/v1/orgs/${DEMO_ORG_ID}`;

    it('GET workflow-templates: 71, starting with the doc’s six', async () => {
      const res = await send('GET', `${base}/workflow-templates`, { token: accessToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.workflowTemplatesResponse);
      assert.equal(res.body.count, 71);
      assert.equal(res.body.total, 71);
      assert.equal(res.body.workflow_templates.length, 71);
      assert.deepEqual(res.body.workflow_templates.slice(0, 6), examples.workflowTemplatesResponse.workflow_templates);
      const ids = res.body.workflow_templates.map((t: { id: string }) => t.id);
      assert.equal(new Set(ids).size, 71);
      for (const id of ids) assert.match(id, /^flow_[0-9a-z]{16}$/);
      const labels = res.body.workflow_templates.map((t: { label: string }) => t.label);
      assert.equal(new Set(labels).size, 71, 'labels are distinct');
    });

    it('GET workflows', async () => {
      const res = await send('GET', `${base}/workflows`, { token: accessToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.workflowsResponse);
      assert.ok(res.body.workflows.some((w: { id: string }) => w.id === 'work_q0yjdgdr77rdnedc'));
    });

    it('POST workflows {flow_id}', async () => {
      const res = await send('POST', `${base}/workflows`, {
        token: accessToken,
        body: { flow_id: 'flow_extg0vcffk3h9085' },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.startWorkflowResponse);
      assert.match(res.body.workflow_id, /^wrk_[0-9a-z]{26}$/);
      const list = await send('GET', `${base}/workflows`, { token: accessToken });
      const started = list.body.workflows.find((w: { id: string }) => w.id === res.body.workflow_id);
      assert.equal(started.template_id, 'flow_extg0vcffk3h9085');
      assert.equal(started.label, 'Entity Setup');
      // the curl example's single quotes send the placeholder itself
      const literal = await send('POST', `${base}/workflows`, {
        token: accessToken,
        body: '{\n"flow_id": "${my_flow_id}"\n}',
      });
      assert.equal(literal.status, 404);
    });

    it('POST workflows with the doc’s records and auto_submit', async () => {
      const res = await send('POST', `${base}/workflows`, {
        token: accessToken,
        body: {
          flow_id: 'flow_extg0vcffk3h9085',
          records: [{ role: 'company', id: 'rec_kp9fh3354dqt255m' }],
          auto_submit: 1,
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.startWorkflowResponse);
      const stored = sandbox.state.workflows[DEMO_ORG_ID].find((w) => w.id === res.body.workflow_id)!;
      assert.deepEqual(stored.records, [{ role: 'company', id: 'rec_kp9fh3354dqt255m' }]);
      assert.equal(stored.auto_submit, 1);
      const missing = await send('POST', `${base}/workflows`, {
        token: accessToken,
        body: { flow_id: 'flow_extg0vcffk3h9085', records: [{ role: 'company', id: 'rec_nope' }] },
      });
      assert.equal(missing.status, 404);
    });
  });

  describe('documents', () => {
    it('GET /api/v1/orgs/:org/documents and /api/v1/org/documents?account_id= answer the same list', async () => {
      const byOrg = await send('GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents`, { token: accessToken });
      assert.equal(byOrg.status, 200);
      assertShape(byOrg.body, examples.documentsResponse);
      const names = byOrg.body.documents.map((d: { filename: string }) => d.filename);
      for (const doc of examples.documentsResponse.documents) assert.ok(names.includes(doc.filename));
      assert.equal(byOrg.body.total, byOrg.body.documents.length);
      for (const doc of byOrg.body.documents) {
        assert.match(doc.pub_id, /^doc_/);
        assert.match(doc.url, new RegExp(`^${sandbox.url}/api/public/documents/\\d+/ey`));
      }
      for (const account of ['97', DEMO_ORG_ID]) {
        const byAccount = await send('GET', `/api/v1/org/documents?account_id=${account}`, { token: accessToken });
        assert.equal(byAccount.status, 200);
        assertShape(byAccount.body, examples.documentsResponse);
        assert.deepEqual(
          byAccount.body.documents.map((d: { pub_id: string }) => d.pub_id),
          byOrg.body.documents.map((d: { pub_id: string }) => d.pub_id),
        );
      }
    });

    it('?email= keeps one recipient’s documents, in both URL forms', async () => {
      const email = 'jane.roe@example.com';
      const forms = [
        `/api/v1/orgs/${DEMO_ORG_ID}/documents?email=${email}`,
        `/api/v1/org/documents?account_id=97&email=${email}`,
      ];
      const all = await send('GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents`, { token: accessToken });
      for (const path of forms) {
        const res = await send('GET', path, { token: accessToken });
        assert.equal(res.status, 200);
        assertShape(res.body, examples.documentsResponse);
        assert.ok(res.body.documents.length > 0 && res.body.documents.length < all.body.documents.length);
        for (const doc of res.body.documents) {
          assert.ok(doc.recipients.some((r: { email: string }) => r.email === email));
        }
      }
      const none = await send('GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents?email=nobody@example.com`, {
        token: accessToken,
      });
      assert.deepEqual(none.body.documents, []);
      assert.equal(none.body.total, 0);
    });
  });

  describe('OIDC clients (a user token)', () => {
    it('POST /api/v1/oidc/clients with the doc body registers a client that can use the integration endpoints', async () => {
      const res = await send('POST', '/api/v1/oidc/clients', {
        token: idToken,
        body: {
          redirect_uris: ['https://app.example.com/callback', 'https://app.example.com/return'],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          contacts: ['devops@example.com'],
          client_name: 'Example App',
          logo_uri: 'https://app.example.com/logo.png',
          client_uri: 'https://app.example.com',
          policy_uri: 'https://app.example.com/privacy',
          tos_uri: 'https://app.example.com/terms',
          sector_identifier_uri: 'https://example.com/allowed_redirects.json',
          initiate_login_uri: 'https://app.example.com/oidc/start',
        },
      });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.oidcClientResponse);
      assert.match(res.body.client_id, /^oidc_/);
      assert.match(res.body.rp_id, /^ocrp_/);
      const subjects = await send('GET', '/api/v1/integrations/users', {
        auth: basic(res.body.client_id, res.body.client_secret),
      });
      assert.equal(subjects.status, 200);
      assert.deepEqual(subjects.body.subjects, [], 'a new client has its own (pairwise) subjects');
    });

    it('GET /api/v1/oidc/clients', async () => {
      const res = await send('GET', '/api/v1/oidc/clients', { token: idToken });
      assert.equal(res.status, 200);
      assertShape(res.body, examples.oidcClientsResponse);
      assert.equal(res.body.count, res.body.oidc_clients.length);
      assert.ok(
        res.body.oidc_clients.every((c: { secrets: Array<{ id: string }> }) => c.secrets[0].id.startsWith('occs_')),
      );
    });
  });

  it('answers the library’s own client without a skipped item or a validation error', async () => {
    const warnings: unknown[] = [];
    const client = new PaperOSClient({
      baseUrl: sandbox.url,
      token: accessToken,
      cache: false,
      logger: { warn: (message, detail) => warnings.push([message, detail]) },
    });
    assert.equal((await client.debugUser()).user.api_token, true);
    assert.equal((await client.debugOrg({ accountId: 97 })).user.account_id, 97);
    assert.equal((await client.listWorkflowTemplates(DEMO_ORG_ID)).length, 71);
    assert.ok((await client.listWorkflows(DEMO_ORG_ID)).length >= 1);
    assert.ok((await client.listRecords(DEMO_ORG_ID, { type: 'individual' })).length >= 1);
    assert.equal((await client.getRecord(DEMO_ORG_ID, 17413)).name, 'Bob the Builder');
    const documents = await client.listDocuments(DEMO_ORG_ID);
    assert.ok(documents.some((d) => d.recipients.some((r) => r.sign_url)));
    const { recId } = await client.createRecord(DEMO_ORG_ID, { type: 'org', name: 'Client Co' });
    assert.deepEqual((await client.updateRecord(DEMO_ORG_ID, recId, { fields: { state: 'CA' } })).changes, ['state']);
    const started = await client.startWorkflow(DEMO_ORG_ID, {
      flowId: 'flow_extg0v4ndq47rnwk',
      records: [{ role: 'company', id: recId }],
      autoSubmit: true,
    });
    assert.match(started.workflowId, /^wrk_/);
    assert.deepEqual(warnings, []);
  });
});
