// The React wrappers (@paperos/elements/react): typed props and event callbacks.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  PaperOSDocumentList,
  PaperOSProvider,
  PaperOSRecordList,
  PaperOSWorkflowLauncher,
} from '../../src/react/index.js';
import type { WorkflowRecordRef } from '../../src/client/types.js';
import { loadConfig, tokenUrlFor, type DemoConfig } from './shared.js';

function App({ config }: { config: DemoConfig }) {
  const [records, setRecords] = useState<WorkflowRecordRef[]>([]);
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) =>
    setLog((lines) => [`${new Date().toLocaleTimeString()}  ${line}`, ...lines].slice(0, 50));
  const org = config.orgs[0].id;
  return (
    <>
      <header>
        <h1>React wrappers</h1>
        <nav>
          <a href="./">Demo</a>
          <a href="./script-tag.html">Script tag</a>
          <a href="./react.html">React</a>
        </nav>
      </header>
      <PaperOSProvider baseUrl={config.paperosUrl} orgId={org} tokenUrl={tokenUrlFor(org)}>
        <div className="grid">
          <section>
            <h2>Records</h2>
            <PaperOSRecordList
              onRecordSelect={(event) => {
                setRecords([event.detail.workflowRecord]);
                note(`paperos-record-select ${event.detail.record.name}`);
              }}
              onLoad={(event) => note(`paperos-load records ${event.detail.count}`)}
            />
          </section>
          <section>
            <h2>Workflows</h2>
            <PaperOSWorkflowLauncher
              records={records}
              onWorkflowStarted={(event) => note(`paperos-workflow-started ${event.detail.workflowId}`)}
              onLoad={(event) => note(`paperos-load templates ${event.detail.count}`)}
              onError={(event) => note(`paperos-error ${event.detail.code}`)}
            />
          </section>
          <section>
            <h2>Documents</h2>
            <PaperOSDocumentList
              onDocumentOpen={(event) => note(`paperos-document-open ${event.detail.document.filename}`)}
              onSign={(event) => note(`paperos-sign ${event.detail.recipient.name}`)}
              onLoad={(event) => note(`paperos-load documents ${event.detail.count}`)}
            />
          </section>
          <section>
            <h2>Event log</h2>
            <pre id="log">{log.join('\n')}</pre>
          </section>
        </div>
      </PaperOSProvider>
    </>
  );
}

const config = await loadConfig();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
