// Faults from the sandbox's own fault injection, through real HTTP, in the
// system Chromium: every element ends on its data or on a clear error whose
// Retry works, with no uncaught error, and a start is sent exactly once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  DEMO_ORG_ID,
  OTHER_ORG_ID,
  startSandbox,
  type FaultRule,
  type RunningSandbox,
} from '../../src/sandbox/index.js';
import { elementsBundle, servePage } from '../helpers/elements-page.js';
import { chromiumLaunchOptions } from '../../scripts/browsers.mjs';

const ELEMENTS = [
  { tag: 'paperos-workflow-launcher', path: 'workflow-templates$', data: '[part~="template-label"]' },
  { tag: 'paperos-document-list', path: 'documents$', data: '[part~="filename"]' },
  { tag: 'paperos-record-list', path: 'records$', data: '[part~="record-name"]' },
];

describe('faults injected by the sandbox, in Chromium', { timeout: 240_000 }, () => {
  let sandbox: RunningSandbox;
  let server: ReturnType<typeof createServer>;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    sandbox = await startSandbox({ port: 0, quiet: true } as Parameters<typeof startSandbox>[0]);
    const script = await elementsBundle();
    server = createServer((req: IncomingMessage, res: ServerResponse) => servePage(req.url, res, script));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => !!customElements.get('paperos-record-list'));
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await sandbox?.close();
  });

  /** Mounts a fresh element, with an empty page-wide cache so it really asks the sandbox. */
  async function mount(tag: string, token: string, orgId = DEMO_ORG_ID): Promise<void> {
    await page.evaluate(
      ({ tag, token, base, orgId }) => {
        (window as unknown as { clearPaperOSCache: () => void }).clearPaperOSCache();
        document.body.replaceChildren();
        const el = document.createElement(tag) as HTMLElement & { token: string };
        el.setAttribute('base-url', base);
        el.setAttribute('org-id', orgId);
        el.token = token;
        document.body.append(el);
      },
      { tag, token, base: sandbox.url, orgId },
    );
  }

  async function settle(tag: string, data: string): Promise<'data' | 'error'> {
    const handle = await page.waitForFunction(
      ({ tag, data }) => {
        const root = document.querySelector(tag)?.shadowRoot;
        if (root?.querySelector(data)) return 'data';
        if (root?.querySelector('[part~="error"]')) return 'error';
        return false;
      },
      { tag, data },
      { timeout: 30_000 },
    );
    return (await handle.jsonValue()) as 'data' | 'error';
  }

  it('every element ends on data or a working retry, for every kind of fault', async () => {
    const token = await sandbox.mintAccessToken();
    const faults: Array<[string, (path: string) => FaultRule[], 'data' | 'error']> = [
      ['latency', (path) => [{ kind: 'latency', ms: 400, path }], 'data'],
      ['one 503 (retried)', (path) => [{ kind: 'status', status: 503, path, times: 1 }], 'data'],
      ['a burst of 500s', (path) => [{ kind: 'status', status: 500, path, times: 3 }], 'error'],
      ['429 with Retry-After: 1', (path) => [{ kind: 'status', status: 429, retryAfter: 1, path, times: 1 }], 'data'],
      [
        '420 with a long Retry-After',
        (path) => [{ kind: 'status', status: 420, retryAfter: 600, path, times: 1 }],
        'error',
      ],
      ['connection dropped mid-response', (path) => [{ kind: 'drop', path, times: 3 }], 'error'],
      ['malformed JSON', (path) => [{ kind: 'malformed', path, times: 1 }], 'error'],
      ['required fields missing', (path) => [{ kind: 'missing-fields', path, times: 1 }], 'data'],
    ];
    let cases = 0;
    for (const { tag, path, data } of ELEMENTS) {
      for (const [name, rules, expected] of faults) {
        sandbox.setFaults(rules(path));
        await mount(tag, token);
        const state = await settle(tag, data);
        if (name === 'required fields missing') {
          // every item lost a required field: skipped with a warning, so the list is empty or partial, never a crash
          assert.ok(state === 'data' || state === 'error', `${tag} / ${name}`);
        } else {
          const shown = await page.evaluate(
            (tag) => document.querySelector(tag)!.shadowRoot!.textContent?.replace(/\s+/g, ' ').slice(0, 300),
            tag,
          );
          assert.equal(state, expected, `${tag} / ${name}: ${shown}`);
        }
        sandbox.clearFaults();
        if (state === 'error') {
          await page.evaluate(
            (tag) =>
              (document.querySelector(tag)!.shadowRoot!.querySelector('[part~="retry-button"]') as HTMLElement).click(),
            tag,
          );
          assert.equal(await settle(tag, data), 'data', `${tag} / ${name}: retry recovers`);
        }
        cases++;
      }
    }
    console.log(`[faults/sandbox] ${cases} cases (${faults.length} faults x ${ELEMENTS.length} elements)`);
    assert.deepEqual(pageErrors, []);
  });

  it('401 after expiry and 403 for another org end in clear errors', async () => {
    await mount('paperos-document-list', await sandbox.mintAccessToken({ expiresInSec: -5 }));
    assert.equal(await settle('paperos-document-list', '[part~="filename"]'), 'error');
    const text = await page.evaluate(
      () => document.querySelector('paperos-document-list')!.shadowRoot!.querySelector('[role="alert"]')!.textContent,
    );
    assert.match(text ?? '', /session has expired/);
    await mount('paperos-document-list', await sandbox.mintAccessToken(), OTHER_ORG_ID);
    assert.equal(await settle('paperos-document-list', '[part~="filename"]'), 'error');
    const forbidden = await page.evaluate(
      () => document.querySelector('paperos-document-list')!.shadowRoot!.querySelector('[role="alert"]')!.textContent,
    );
    assert.match(forbidden ?? '', /do not have access/);
  });

  it('a start under a 500 is sent once, shown as failed, and succeeds when tried again', async () => {
    const before = sandbox.state.workflows[DEMO_ORG_ID]?.length ?? 0;
    await mount('paperos-workflow-launcher', await sandbox.mintAccessToken());
    await settle('paperos-workflow-launcher', '[part~="template-label"]');
    sandbox.setFaults([{ kind: 'status', status: 500, method: 'POST', path: 'workflows$', times: 1 }]);
    const click = () =>
      page.evaluate(() =>
        (
          document
            .querySelector('paperos-workflow-launcher')!
            .shadowRoot!.querySelector('[part~="start-button"]') as HTMLElement
        ).click(),
      );
    await click();
    await page.waitForFunction(
      () =>
        !!document
          .querySelector('paperos-workflow-launcher')!
          .shadowRoot!.querySelector('[part~="start-status"][role="alert"]'),
    );
    assert.equal(sandbox.state.workflows[DEMO_ORG_ID]?.length ?? 0, before, 'nothing started');
    await click();
    await page.waitForFunction(() =>
      / started\./.test(
        document.querySelector('paperos-workflow-launcher')!.shadowRoot!.querySelector('[part~="start-announcement"]')
          ?.textContent ?? '',
      ),
    );
    assert.equal(sandbox.state.workflows[DEMO_ORG_ID].length, before + 1, 'exactly one workflow started');
  });
});
