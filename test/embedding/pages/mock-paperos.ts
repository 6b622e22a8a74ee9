// Runs in the page before the elements (built by the embedding tests into a
// classic script): a fake PaperOS API behind `fetch`, answering with the
// documentation's examples. `window.__paperos.release()` lets held requests
// answer, so a test can look at the page before any data arrives.
import { MockApi, type MockReply } from '../../helpers/mock-api.js';
import {
  EXAMPLE_ORG_ID,
  documentsResponse,
  epochIn,
  makeJwt,
  recordsResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../../fixtures/api-examples.js';

const params = new URLSearchParams(location.search);
let release!: () => void;
const released = params.has('hold') ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
const later = (reply: MockReply) => () => released.then(() => reply);

const api = new MockApi().install();
const org = EXAMPLE_ORG_ID;
api.on('POST', '/token', { json: { access_token: makeJwt({ org_id: org, sub: 'sub_page', exp: epochIn(3600) }) } });
api.on('GET', `/api/v1/orgs/${org}/workflow-templates`, later({ json: workflowTemplatesResponse }));
api.on('GET', `/api/v1/orgs/${org}/workflows`, later({ json: workflowsResponse }));
// `?docs=N`: N documents instead of the examples (a list long enough to virtualize)
const docCount = Number(params.get('docs') ?? 0);
const documents = docCount
  ? {
      documents: Array.from({ length: docCount }, (_, i) => ({
        ...documentsResponse.documents[0],
        pub_id: `doc_${i}`,
        path: `/Folder ${i % 5}`,
        filename: `Document ${String(i).padStart(5, '0')}.pdf`,
      })),
    }
  : documentsResponse;
api.on('GET', `/api/v1/orgs/${org}/documents`, later({ json: documents }));
api.on('GET', `/api/v1/orgs/${org}/records`, later({ json: recordsResponse }));

Object.assign(window, {
  __paperos: {
    release: () => release?.(),
    requests: () => api.requests.map((r) => `${r.method} ${r.path}`),
  },
});
