import { expect } from 'chai';
import {
  ClientCore,
  PaperOSClient,
  createOrg,
  createRecord,
  debugOrg,
  debugUser,
  getRecord,
  listDocuments,
  listDocumentsByAccount,
  listOrgs,
  listRecords,
  listWorkflowTemplates,
  listWorkflows,
  startWorkflow,
  updateRecord,
} from '../../../src/client/index.js';
import * as examples from '../../fixtures/api-examples.js';
import { FakeFetch, collectingLogger, json, type Harness } from './harness.js';

const BASE = 'https://paperos.test';
const ORG = examples.EXAMPLE_ORG_ID;

export function endpointSuite({ describe, it, beforeEach }: Harness): void {
  describe('client endpoints (the documentation examples)', () => {
    let fake: FakeFetch;
    let token: string;
    let client: PaperOSClient;
    let logger: ReturnType<typeof collectingLogger>;

    beforeEach(() => {
      fake = new FakeFetch();
      logger = collectingLogger();
      token = examples.makeJwt({ sub: 'sub_1', org_id: ORG, exp: examples.epochIn(3600) });
      client = new PaperOSClient({ baseUrl: `${BASE}/`, token, fetch: fake.fetch, cache: false, logger });
    });

    function only() {
      expect(fake.requests).to.have.length(1);
      const [request] = fake.requests;
      expect(request.headers.get('authorization')).to.equal(`Bearer ${token}`);
      expect(request.headers.get('accept')).to.equal('application/json');
      return request;
    }

    it('debugUser: GET /api/user/debug', async () => {
      fake.reply(json(examples.userDebugResponse));
      const result = await client.debugUser();
      const request = only();
      expect(request.method).to.equal('GET');
      expect(request.url.href).to.equal(`${BASE}/api/user/debug`);
      expect(result.user.email).to.equal('services+test1@savvi.legal');
      expect(result.user.api_token).to.equal(true);
    });

    it('debugOrg: GET /api/v1/org/debug?account_id=', async () => {
      fake.reply(json(examples.orgDebugResponse));
      const result = await client.debugOrg({ accountId: 97 });
      const request = only();
      expect(request.url.pathname).to.equal('/api/v1/org/debug');
      expect(request.url.searchParams.get('account_id')).to.equal('97');
      expect(result.user.account_id).to.equal(97);
    });

    it('listOrgs: GET /api/v1/orgs?updated_since=0 by default', async () => {
      fake.reply(json(examples.orgsResponse));
      const result = await client.listOrgs();
      const request = only();
      expect(request.url.pathname).to.equal('/api/v1/orgs');
      expect(request.url.search).to.equal('?updated_since=0');
      expect(result.updated_at).to.equal(1677000469);
      expect(result.orgs.map((o) => o.id)).to.deep.equal(['org_01ewdxxpvgg2y19pbtbyddtvv8']);
    });

    it('listOrgs passes a previous updated_since', async () => {
      fake.reply(json(examples.orgsResponse));
      await client.listOrgs({ updatedSince: 1677000469 });
      expect(only().url.searchParams.get('updated_since')).to.equal('1677000469');
    });

    it('createOrg: POST /api/v1/orgs with name and fields', async () => {
      fake.reply(json(examples.createOrgResponse));
      const org = await client.createOrg({ name: 'My Test Company 11', fields: { business_type: 'for_profit' } });
      const request = only();
      expect(request.method).to.equal('POST');
      expect(request.url.pathname).to.equal('/api/v1/orgs');
      expect(request.headers.get('content-type')).to.equal('application/json');
      expect(request.body).to.deep.equal({ name: 'My Test Company 11', fields: { business_type: 'for_profit' } });
      expect(org.id).to.equal('org_01hbsvp9tk3qthd2jjz2vzv0g8');
    });

    it('createRecord: POST /api/v1/orgs/:org/records', async () => {
      fake.reply(json(examples.createRecordResponse));
      const input = {
        type: 'indv',
        name: 'Jane Doe',
        fields: { title: 'master painter', email: 'jane@jane.doe', is_board_director: '1' },
      };
      const result = await client.createRecord(ORG, input);
      const request = only();
      expect(request.method).to.equal('POST');
      expect(request.url.pathname).to.equal(`/api/v1/orgs/${ORG}/records`);
      expect(request.body).to.deep.equal(input);
      expect(result).to.deep.equal({ recId: 'rec_01hcey7qcfeeqmh1af6x3xafa2' });
    });

    it('listRecords: GET .../records with type, rec_id, rec_ids, since and limit', async () => {
      fake.reply(json(examples.recordsResponse));
      const records = await client.listRecords(ORG, {
        type: 'org',
        recId: 'rec_a',
        recIds: ['rec_b', 'rec_c'],
        since: '2023-09-22T19:50:13Z',
        limit: 5,
      });
      const request = only();
      expect(request.url.pathname).to.equal(`/api/v1/orgs/${ORG}/records`);
      expect(Object.fromEntries(request.url.searchParams)).to.deep.equal({
        type: 'org',
        rec_id: 'rec_a',
        rec_ids: 'rec_b,rec_c',
        since: '2023-09-22T19:50:13Z',
        limit: '5',
      });
      expect(records.map((r) => r.name)).to.deep.equal(['Test 1', 'Bob the Builder']);
      expect(records[1].features.title).to.equal('master builder');
    });

    it('getRecord: GET .../records/:id', async () => {
      fake.reply(json(examples.recordResponse));
      const record = await client.getRecord(ORG, 17413);
      expect(only().url.pathname).to.equal(`/api/v1/orgs/${ORG}/records/17413`);
      expect(record.id).to.equal(17413);
      expect(record.features.email).to.equal('bob@bobbuild.bob');
    });

    it('updateRecord: PATCH .../records/:id with the fields', async () => {
      fake.reply(json(examples.recordUpdateResponse));
      const result = await client.updateRecord(ORG, 5617, {
        fields: { title: 'Product Manager', email: 'john2@john.doe' },
      });
      const request = only();
      expect(request.method).to.equal('PATCH');
      expect(request.url.pathname).to.equal(`/api/v1/orgs/${ORG}/records/5617`);
      expect(request.body).to.deep.equal({ fields: { title: 'Product Manager', email: 'john2@john.doe' } });
      expect(result).to.deep.equal({ changes: ['title', 'email'], total: 2, count: 2 });
    });

    it('listWorkflowTemplates: GET .../workflow-templates', async () => {
      fake.reply(json(examples.workflowTemplatesResponse));
      const templates = await client.listWorkflowTemplates(ORG);
      expect(only().url.pathname).to.equal(`/api/v1/orgs/${ORG}/workflow-templates`);
      expect(templates).to.have.length(6);
      expect(templates[0]).to.include({ id: 'flow_extg0vcffk3h9085', label: 'Entity Setup' });
    });

    it('listWorkflows: GET .../workflows', async () => {
      fake.reply(json(examples.workflowsResponse));
      const workflows = await client.listWorkflows(ORG);
      expect(only().url.pathname).to.equal(`/api/v1/orgs/${ORG}/workflows`);
      expect(workflows[0]).to.include({
        id: 'work_q0yjdgdr77rdnedc',
        status: 'open',
        template_id: 'flow_extg0vcffk3h9085',
      });
    });

    it('startWorkflow: POST .../workflows with flow_id only', async () => {
      fake.reply(json(examples.startWorkflowResponse));
      const result = await client.startWorkflow(ORG, { flowId: 'flow_extg0vcffk3h9085' });
      const request = only();
      expect(request.method).to.equal('POST');
      expect(request.body).to.deep.equal({ flow_id: 'flow_extg0vcffk3h9085' });
      expect(result).to.deep.equal({ workflowId: 'wrk_01hcn8arzxb9heq3saaf97b7bx' });
    });

    it('startWorkflow with records and auto_submit', async () => {
      fake.reply(json(examples.startWorkflowResponse));
      await client.startWorkflow(ORG, {
        flowId: 'flow_extg0vcffk3h9085',
        records: [{ role: 'company', id: 'rec_kp9fh3354dqt255m' }],
        autoSubmit: true,
      });
      expect(only().body).to.deep.equal({
        flow_id: 'flow_extg0vcffk3h9085',
        records: [{ role: 'company', id: 'rec_kp9fh3354dqt255m' }],
        auto_submit: 1,
      });
    });

    it('the endpoint functions over a bare ClientCore, as the elements call them, send and answer as the methods do', async () => {
      const core = new ClientCore({ baseUrl: `${BASE}/`, token, fetch: fake.fetch, cache: false, logger });
      const fields = { title: 'Product Manager' };
      const cases: [string, unknown, (c: PaperOSClient) => Promise<unknown>, () => Promise<unknown>][] = [
        ['debugUser', examples.userDebugResponse, (c) => c.debugUser(), () => debugUser(core)],
        [
          'debugOrg',
          examples.orgDebugResponse,
          (c) => c.debugOrg({ accountId: 97 }),
          () => debugOrg(core, { accountId: 97 }),
        ],
        [
          'listOrgs',
          examples.orgsResponse,
          (c) => c.listOrgs({ updatedSince: 5 }),
          () => listOrgs(core, { updatedSince: 5 }),
        ],
        [
          'createOrg',
          examples.createOrgResponse,
          (c) => c.createOrg({ name: 'A' }),
          () => createOrg(core, { name: 'A' }),
        ],
        [
          'createRecord',
          examples.createRecordResponse,
          (c) => c.createRecord(ORG, { type: 'indv', name: 'J' }),
          () => createRecord(core, ORG, { type: 'indv', name: 'J' }),
        ],
        [
          'listRecords',
          examples.recordsResponse,
          (c) => c.listRecords(ORG, { limit: 5 }),
          () => listRecords(core, ORG, { limit: 5 }),
        ],
        ['getRecord', examples.recordResponse, (c) => c.getRecord(ORG, 17413), () => getRecord(core, ORG, 17413)],
        [
          'updateRecord',
          examples.recordUpdateResponse,
          (c) => c.updateRecord(ORG, 5617, { fields }),
          () => updateRecord(core, ORG, 5617, { fields }),
        ],
        [
          'listWorkflowTemplates',
          examples.workflowTemplatesResponse,
          (c) => c.listWorkflowTemplates(ORG),
          () => listWorkflowTemplates(core, ORG),
        ],
        ['listWorkflows', examples.workflowsResponse, (c) => c.listWorkflows(ORG), () => listWorkflows(core, ORG)],
        [
          'startWorkflow',
          examples.startWorkflowResponse,
          (c) => c.startWorkflow(ORG, { flowId: 'flow_1', autoSubmit: false }),
          () => startWorkflow(core, ORG, { flowId: 'flow_1', autoSubmit: false }),
        ],
        [
          'listDocuments',
          examples.documentsResponse,
          (c) => c.listDocuments(ORG, { email: 'a@b.c' }),
          () => listDocuments(core, ORG, { email: 'a@b.c' }),
        ],
        [
          'listDocumentsByAccount',
          examples.documentsResponse,
          (c) => c.listDocumentsByAccount(97),
          () => listDocumentsByAccount(core, 97),
        ],
      ];
      for (const [name, response, method, fn] of cases) {
        fake.reply(json(response));
        fake.reply(json(response));
        const byMethod = await method(client);
        const byFunction = await fn();
        const [a, b] = fake.requests.splice(0);
        expect([b.method, b.url.href, b.body], name).to.deep.equal([a.method, a.url.href, a.body]);
        expect(b.headers.get('authorization'), name).to.equal(`Bearer ${token}`);
        expect(byFunction, name).to.deep.equal(byMethod);
      }
    });

    it('listDocuments: GET /api/v1/orgs/:org/documents', async () => {
      fake.reply(json(examples.documentsResponse));
      const documents = await client.listDocuments(ORG);
      const request = only();
      expect(request.url.href).to.equal(`${BASE}/api/v1/orgs/${ORG}/documents`);
      expect(documents.map((d) => d.filename)).to.deep.equal([
        '2017 - 2020 Balance Sheet.xlsx',
        '2017 - 2020 PnL.xlsx',
        '2017 - 2020 Statement of Cash Flows.xlsx',
      ]);
      expect(documents[0].path).to.equal('/Archived Documentation/Historical Financials');
      expect(documents[0].recipients).to.deep.equal([]);
    });

    it('listDocuments by email: ?email=', async () => {
      fake.reply(json(examples.documentsResponse));
      await client.listDocuments(ORG, { email: 'john.doe+101@example.com' });
      expect(only().url.searchParams.get('email')).to.equal('john.doe+101@example.com');
    });

    it('listDocumentsByAccount: GET /api/v1/org/documents?account_id=&email=', async () => {
      fake.reply(json(examples.documentsResponse));
      const documents = await client.listDocumentsByAccount(97, { email: 'a@b.c' });
      const request = only();
      expect(request.url.pathname).to.equal('/api/v1/org/documents');
      expect(Object.fromEntries(request.url.searchParams)).to.deep.equal({ account_id: '97', email: 'a@b.c' });
      expect(documents).to.have.length(3);
    });

    it('encodes ids so a hostile id cannot change the path', async () => {
      fake.reply(json(examples.recordResponse));
      await client.getRecord('org/../../admin?x=1', '../secret#');
      expect(only().url.pathname).to.equal('/api/v1/orgs/org%2F..%2F..%2Fadmin%3Fx%3D1/records/..%2Fsecret%23');
    });

    it('normalizes recipients of other shapes and skips unknown ones with a warning', async () => {
      const doc = examples.documentsResponse.documents[0];
      fake.reply(
        json({
          documents: [
            {
              ...doc,
              recipients: [
                { name: 'Ann', email: 'ann@example.com', status: 'pending', sign_url: 'https://paperos.test/sign/1' },
                { first_name: 'Bob', last_name: 'Lee', email: 'bob@example.com', signed: true },
                { full_name: 'Cy', link: 'https://paperos.test/sign/3' },
                'dee@example.com',
                42,
              ],
            },
          ],
        }),
      );
      const [document] = await client.listDocuments(ORG);
      expect(document.recipients).to.deep.equal([
        { name: 'Ann', email: 'ann@example.com', status: 'pending', sign_url: 'https://paperos.test/sign/1' },
        { name: 'Bob Lee', email: 'bob@example.com', status: 'signed', sign_url: null },
        { name: 'Cy', email: null, status: 'pending', sign_url: 'https://paperos.test/sign/3' },
        { name: 'dee@example.com', email: 'dee@example.com', status: 'pending', sign_url: null },
      ]);
      expect(logger.warnings).to.have.length(1);
    });

    it('skips malformed list items with a warning and keeps the rest', async () => {
      fake.reply(
        json({
          workflow_templates: [
            examples.workflowTemplatesResponse.workflow_templates[0],
            { id: 42 },
            null,
            { id: 'flow_x', label: 'Partial' },
          ],
        }),
      );
      const templates = await client.listWorkflowTemplates(ORG);
      expect(templates.map((t) => t.id)).to.deep.equal(['flow_extg0vcffk3h9085', 'flow_x']);
      expect(templates[1].description).to.equal('');
      expect(logger.warnings).to.have.length(2);
      expect(logger.warnings.join(' ')).to.not.include(token);
    });

    it('turns a response of the wrong shape into an invalid_response error', async () => {
      fake.reply(json({ surprise: true }));
      const error = await client.listDocuments(ORG).catch((e: unknown) => e);
      expect(error).to.include({ name: 'PaperOSError', code: 'invalid_response' });
    });

    it('names the first issue and where it is in the error cause', async () => {
      fake.reply(json({ ...examples.recordResponse, features: 'not fields' }));
      const error = await client.getRecord(ORG, 17413).catch((e: unknown) => e);
      expect(error).to.include({ code: 'invalid_response', message: 'PaperOS sent an unreadable record.' });
      const cause = (error as { cause?: unknown }).cause;
      expect(cause).to.be.instanceOf(TypeError);
      expect((cause as TypeError).message).to.equal(
        'record: Invalid type: Expected Object but received "not fields" (at features)',
      );
    });

    it("keeps a record's fields as they came, whatever their values", async () => {
      const features = { title: 'master builder', count: 3, nested: { a: [1] }, empty: null };
      fake.reply(json({ ...examples.recordResponse, features }));
      const record = await client.getRecord(ORG, 17413);
      expect(record.features).to.deep.equal(features);
    });

    it('turns a body that is not JSON into an invalid_response error', async () => {
      fake.reply(new Response('<html>oops', { status: 200 }));
      const error = await client.listWorkflows(ORG).catch((e: unknown) => e);
      expect(error).to.include({ code: 'invalid_response' });
    });

    it('sends no Authorization header without a token (BFF proxy mode)', async () => {
      const anonymous = new PaperOSClient({ baseUrl: '/paperos', fetch: fake.fetch, cache: false });
      expect(anonymous.baseUrl).to.equal('/paperos');
      fake.reply(json(examples.workflowsResponse));
      const proxied = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, cache: false });
      await proxied.listWorkflows(ORG);
      expect(fake.requests[0].headers.has('authorization')).to.equal(false);
    });

    it('defaultOrgId reads the org_id claim', async () => {
      expect(await client.defaultOrgId()).to.equal(ORG);
      const opaque = new PaperOSClient({ baseUrl: BASE, token: 'opaque-token', fetch: fake.fetch });
      expect(await opaque.defaultOrgId()).to.equal(undefined);
    });
  });
}
