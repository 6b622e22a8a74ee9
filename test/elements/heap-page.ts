// The page of test/elements/heap.node.test.ts: the three data elements, fed by
// the mocked API, mounted and unmounted as a single-page app would.
import '../../src/elements/document-list/define.js';
import '../../src/elements/record-list/define.js';
import '../../src/elements/workflow-launcher/define.js';
import {
  EXAMPLE_ORG_ID,
  documentsResponse,
  epochIn,
  makeJwt,
  recordsResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../fixtures/api-examples.js';
import { MockApi } from '../helpers/mock-api.js';

const ORG = EXAMPLE_ORG_ID;
const api = new MockApi().install();
api.on('GET', `/api/v1/orgs/${ORG}/documents`, () => ({ json: documentsResponse }));
api.on('GET', `/api/v1/orgs/${ORG}/records`, () => ({ json: recordsResponse }));
api.on('GET', `/api/v1/orgs/${ORG}/workflow-templates`, () => ({ json: workflowTemplatesResponse }));
api.on('GET', `/api/v1/orgs/${ORG}/workflows`, () => ({ json: workflowsResponse }));
const token = makeJwt({ org_id: ORG, sub: 'sub_heap', exp: epochIn(3600) });
const TAGS = ['paperos-document-list', 'paperos-record-list', 'paperos-workflow-launcher'] as const;

/** Mounts the three elements, waits until each has loaded, and removes them; `n` times. */
async function cycle(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const container = document.createElement('div');
    let loaded = 0;
    const done = new Promise<void>((resolve) =>
      container.addEventListener('paperos-load', () => ++loaded === TAGS.length && resolve()),
    );
    for (const tag of TAGS) {
      const el = document.createElement(tag);
      el.setAttribute('base-url', 'https://paperos.test');
      el.token = token;
      container.append(el);
    }
    document.body.append(container);
    await done;
    container.remove();
    // The recorded requests are the mock's, not the elements': keep them from growing.
    api.requests.length = 0;
  }
}

Object.assign(window, { cycle });
