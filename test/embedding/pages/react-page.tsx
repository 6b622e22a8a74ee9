// The React test page: every wrapper from @paperos/elements/react rendered with
// react-dom/client against a mocked API. Callbacks write what they receive to
// `window.__react.events`; `window.__react.setRecords` re-renders with new props.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  PaperOSDocumentList,
  PaperOSProvider,
  PaperOSRecordList,
  PaperOSWorkflowLauncher,
} from '../../../src/react/index.js';
import { MockApi } from '../../helpers/mock-api.js';
import {
  EXAMPLE_ORG_ID,
  epochIn,
  makeJwt,
  recordsResponse,
  startWorkflowResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../../fixtures/api-examples.js';

const BASE = 'https://paperos.test';
const ORG = EXAMPLE_ORG_ID;
const TOKEN = makeJwt({ org_id: ORG, sub: 'sub_react', exp: epochIn(3600) });
const signed = (file: string) =>
  `${BASE}/api/public/documents/${file}/${makeJwt({ file, iat: epochIn(0), exp: epochIn(900) })}`;

const api = new MockApi().install();
api.on('GET', `/api/v1/orgs/${ORG}/workflow-templates`, { json: workflowTemplatesResponse });
api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: workflowsResponse });
api.on('POST', `/api/v1/orgs/${ORG}/workflows`, { json: startWorkflowResponse });
api.on('GET', `/api/v1/orgs/${ORG}/records`, { json: recordsResponse });
api.on('GET', `/api/v1/orgs/${ORG}/documents`, {
  json: {
    success: true,
    total: 1,
    count: 1,
    documents: [
      {
        pub_id: 'doc_react',
        path: '/Board',
        filename: 'Consent.pdf',
        url: signed('doc_react'),
        recipients: [{ name: 'Ada Lovelace', email: 'ada@example.com', status: 'sent', sign_url: signed('sign_ada') }],
      },
    ],
  },
});

const events: string[] = [];
const log = (entry: string) => events.push(entry);
let setRecords: (records: { role: string; id: string }[]) => void = () => {};

function App() {
  const [records, set] = useState([{ role: 'company', id: 'rec_from_props' }]);
  setRecords = set;
  return (
    <PaperOSProvider baseUrl={BASE} orgId={ORG} token={TOKEN}>
      <PaperOSWorkflowLauncher
        templates="flow_extg0vcffk3h9085"
        records={records}
        onLoad={(e) => log(`launcher load ${e.count}`)}
        onWorkflowStart={(e) => log(`launcher start ${e.templateId} ${JSON.stringify(e.records)}`)}
        onWorkflowStarted={(e) => log(`launcher started ${e.workflowId}`)}
      />
      <PaperOSDocumentList
        onLoad={(e) => log(`documents load ${e.count}`)}
        onDocumentOpen={(e) => {
          e.preventDefault();
          log(`documents open ${e.document.pub_id}`);
        }}
        onSign={(e) => {
          e.preventDefault();
          log(`documents sign ${e.recipient.email}`);
        }}
      />
      <PaperOSRecordList
        limit={5}
        onLoad={(e) => log(`records load ${e.count}`)}
        onRecordSelect={(e) => log(`records select ${e.record.id}`)}
      />
      {/* Its own settings win over the provider's: an org the API does not know, so onError fires. */}
      <PaperOSRecordList
        baseUrl={BASE}
        orgId="org_unknown"
        token={TOKEN}
        onError={(e) => log(`broken error ${e.status}`)}
      />
    </PaperOSProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

Object.assign(window, {
  __react: {
    events,
    setRecords: (records: { role: string; id: string }[]) => setRecords(records),
    authorizations: () => [...new Set(api.requests.map((r) => r.headers.get('authorization')))],
    token: TOKEN,
  },
});
