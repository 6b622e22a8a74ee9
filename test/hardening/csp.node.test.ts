// Every element, through its states and actions, on a page served with the
// strict Content-Security-Policy and Trusted Types policy the README documents:
// not one `securitypolicyviolation`, no uncaught error. Runs in Chromium,
// Firefox ESR and WebKit (test/embedding/harness.ts); each enforces both.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { browserNames, launch, type TestBrowser, type TestPage } from '../embedding/harness.js';
import {
  EXAMPLE_ORG_ID,
  epochIn,
  makeJwt,
  recordUpdateResponse,
  recordsResponse,
  startWorkflowResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../fixtures/api-examples.js';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

describe('strict CSP and Trusted Types', () => {
  let server: ReturnType<typeof createServer>;
  let origin: string;
  const hits = new Map<string, number>();

  before(async () => {
    const elementsDir = fileURLToPath(new URL('../../src/elements/', import.meta.url));
    const defines = readdirSync(elementsDir)
      .filter((name) => existsSync(join(elementsDir, name, 'define.ts')))
      .sort((a, b) => (a === 'provider' ? -1 : b === 'provider' ? 1 : a.localeCompare(b)));
    const bundle = await build({
      stdin: {
        contents: [
          `import './test/hardening/csp-page.ts';`,
          ...defines.map((name) => `import './src/elements/${name}/define.ts';`),
        ].join('\n'),
        resolveDir: fileURLToPath(new URL('../../', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
      conditions: ['browser'],
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0].text;

    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', origin);
      const key = `${req.method} ${url.pathname}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      const documents = [
        {
          pub_id: 'doc_1',
          path: '/Board/Consents',
          filename: 'Consent.pdf',
          url: `${origin}/api/public/documents/1/${makeJwt({ file: '1', exp: epochIn(900) })}`,
          recipients: [
            { name: 'Ann Signer', email: 'ann@example.com', status: 'pending', sign_url: `${origin}/sign/1` },
          ],
        },
        { pub_id: 'doc_2', path: '/Tax', filename: 'Return.xlsx', url: 'javascript:alert(1)', recipients: [] },
      ];
      const org = url.pathname.split('/')[4];
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP });
        res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PaperOS under a strict CSP</title>
<script type="module" src="/app.js"></script></head>
<body>
<paperos-provider base-url="${origin}" token-url="/token">
  <paperos-workflow-launcher id="launcher"></paperos-workflow-launcher>
  <paperos-document-list id="docs"></paperos-document-list>
  <paperos-record-list id="records" editable creatable></paperos-record-list>
  <paperos-document-list id="failing" org-id="org_failing"></paperos-document-list>
  <paperos-record-list id="empty" org-id="org_empty"></paperos-record-list>
</paperos-provider>
</body></html>`);
      } else if (url.pathname === '/app.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(script);
      } else if (url.pathname === '/token' && req.method === 'POST') {
        json(res, { access_token: makeJwt({ sub: 'sub_csp', org_id: EXAMPLE_ORG_ID, exp: epochIn(3600) }) });
      } else if (org === 'org_failing' && (hits.get(key) ?? 0) === 1) {
        json(res, { success: false, message: 'not for you' }, 403);
      } else if (url.pathname.endsWith('/workflow-templates')) {
        json(res, workflowTemplatesResponse);
      } else if (url.pathname.endsWith('/workflows')) {
        json(res, req.method === 'POST' ? startWorkflowResponse : workflowsResponse);
      } else if (url.pathname.endsWith('/documents')) {
        json(res, { success: true, total: documents.length, count: documents.length, documents });
      } else if (url.pathname.endsWith('/records') && req.method === 'GET') {
        json(res, org === 'org_empty' ? [] : recordsResponse);
      } else if (/\/records\/[^/]+$/.test(url.pathname) && req.method === 'PATCH') {
        json(res, recordUpdateResponse);
      } else {
        json(res, { success: false, message: 'not found' }, 404);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const name of browserNames(['chromium', 'firefox', 'webkit'])) {
    describe(`in ${name}`, () => {
      let browser: TestBrowser;
      let page: TestPage;
      before(async () => {
        browser = await launch(name);
        page = await browser.newPage();
      });
      after(async () => {
        await browser?.close();
      });

      /** Waits for a selector inside an element's shadow root. */
      const inShadow = (host: string, selector: string): Promise<void> =>
        page.waitFor(([h, s]) => !!document.querySelector(h)?.shadowRoot?.querySelector(s), [host, selector], 10_000);

      async function click(host: string, selector: string): Promise<void> {
        await inShadow(host, selector);
        await page.evaluate(
          ([h, s]) => (document.querySelector(h)!.shadowRoot!.querySelector(s) as HTMLElement).click(),
          [host, selector],
        );
      }

      /** Sets a field's value inside an element's shadow root as typing does, with an input event. */
      async function type(host: string, selector: string, value: string): Promise<void> {
        await inShadow(host, selector);
        await page.evaluate(
          ([h, s, v]) => {
            const input = document.querySelector(h)!.shadowRoot!.querySelector(s) as HTMLInputElement;
            input.value = v;
            input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          },
          [host, selector, value],
        );
      }

      it('runs every element through its states and actions with no violation', async () => {
        hits.clear();
        await page.goto(`${origin}/`);
        // the engine enforces both policies, so "no violation" means something
        const enforced = await page.evaluate(() => {
          try {
            document.createElement('div').innerHTML = '<b>x</b>';
            return 'innerHTML from a string was allowed';
          } catch (error) {
            return error instanceof TypeError ? 'blocked' : String(error);
          }
        }, null);
        assert.equal(enforced, 'blocked', 'Trusted Types are enforced');
        await page.waitFor(() => window.violations.length > 0, null);
        await page.evaluate(() => void window.violations.splice(0), null);

        // populated, error and empty states
        await inShadow('#docs', '[role="tree"]');
        await inShadow('#records', '[role="listbox"]');
        await inShadow('#failing', '[role="alert"]');
        await inShadow('#empty', '[part~="empty"]');

        // document list: collapse and expand a folder, filter, open, sign
        await click('#docs', '[part~="folder"]');
        await click('#docs', '[part~="folder"]');
        await type('#docs', 'input', 'consent');
        await click('#docs', 'a[part~="download"]');
        await click('#docs', '[part~="sign-button"]');

        // record list: select, edit, save; the create form and its validation
        await click('#records', '[role="option"]');
        await type('#records', '[part~="field-input"]', 'Changed');
        await click('#records', '[part~="save-button"]');
        await inShadow('#records', '[part~="notice"]');
        await click('#records', '[part~="new-button"]');
        await click('#records', '[part~="create-button"]');

        // the error state's retry
        await click('#failing', '[part~="retry-button"]');
        await inShadow('#failing', '[role="tree"]');

        // the launcher: start a workflow
        await click('#launcher', '[part~="start-button"]');
        await page.waitFor(() => window.events.includes('paperos-workflow-started'), null, 10_000);

        const { violations, errors, events } = await page.evaluate(
          () => ({ violations: window.violations, errors: window.errors, events: window.events }),
          null,
        );
        assert.deepEqual(violations, [], 'no CSP or Trusted Types violation');
        assert.deepEqual(errors, [], 'no uncaught error');
        for (const event of [
          'paperos-load',
          'paperos-error',
          'paperos-document-open',
          'paperos-sign',
          'paperos-record-select',
          'paperos-record-save',
        ]) {
          assert.ok(events.includes(event), `${event} was fired`);
        }
        // the refused javascript: URL never became a link
        const hrefs = await page.evaluate(
          () =>
            [...document.querySelector('#docs')!.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          null,
        );
        assert.ok(
          hrefs.every((href) => href?.startsWith(origin)),
          `only same-origin links: ${hrefs.join(', ')}`,
        );
        // one token fetch for the whole page
        assert.equal(hits.get('POST /token'), 1);
        assert.equal(hits.get(`PATCH /api/v1/orgs/${EXAMPLE_ORG_ID}/records/5617`), 1);
      });
    });
  }
});
