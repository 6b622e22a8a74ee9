// A refused token heals, for real: the system Chromium, the demo host backend's
// token endpoint and BFF proxy (demo/host-backend.ts) in front of a running
// sandbox whose signing key is rotated. Counted at the sandbox's request log:
// the mints of access tokens and every send of the refused request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHostBackend, type HostBackend } from '../../demo/host-backend.js';
import { CHROMIUM_ARGS, executablePath } from '../../scripts/browsers.mjs';
import { DEMO_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { elementsBundle, servePage } from '../helpers/elements-page.js';

const DOCS = `/api/v1/orgs/${DEMO_ORG_ID}/documents`;
const TOKEN_URL = `/api/paperos-token?org=${DEMO_ORG_ID}`;
type Mode = 'token-url' | 'fetchToken' | 'bff';

describe('a refused token heals, in Chromium, through the demo host backend', { timeout: 240_000 }, () => {
  let sandbox: RunningSandbox;
  let server: Server;
  let origin: string;
  let browser: Browser;
  /** The host backend the page's server answers with now (a fresh one per case: its own token cache). */
  let backend: HostBackend | undefined;
  /** The sandbox's request log: `GET /path 200 3ms`. */
  const log: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: (line) => log.push(line) });
    const script = await elementsBundle();
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const page = () => servePage(req.url, res, script);
      if (backend) backend.middleware(req, res, page);
      else page();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: executablePath('chromium'), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await sandbox?.close();
  });

  /** A fresh host backend (its own token cache and forced-mint window) and a fresh page. */
  async function setUp(): Promise<{ page: Page; tokenBodies: string[] }> {
    backend = await createHostBackend({
      paperosUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      exampleOrgId: DEMO_ORG_ID,
    });
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const tokenBodies: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/paperos-token')) tokenBodies.push(request.postData() ?? '');
    });
    // tsx names the functions below with a helper of its own; the page gets a stand-in
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => !!customElements.get('paperos-document-list'));
    // one fetchToken function for the page, asking the demo backend with the reason it is given
    await page.evaluate((tokenUrl) => {
      const reasons: string[] = [];
      Object.assign(window, {
        reasons,
        fetchToken: async (context: { reason: string }) => {
          reasons.push(context.reason);
          const response = await fetch(tokenUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(context),
          });
          return ((await response.json()) as { access_token: string }).access_token;
        },
      });
    }, TOKEN_URL);
    return { page, tokenBodies };
  }

  /** A new document list (the page-wide cache emptied first, so it really asks PaperOS). */
  async function mount(page: Page, mode: Mode): Promise<void> {
    await page.evaluate(
      ({ mode, sandboxUrl, origin, org, tokenUrl }) => {
        const w = window as unknown as { clearPaperOSCache: () => void; fetchToken: () => Promise<string> };
        w.clearPaperOSCache();
        const el = document.createElement('paperos-document-list') as HTMLElement & {
          fetchToken?: () => Promise<string>;
        };
        el.setAttribute('org-id', org);
        if (mode === 'bff') {
          el.setAttribute('base-url', `${origin}/paperos`);
        } else {
          el.setAttribute('base-url', sandboxUrl);
          if (mode === 'token-url') el.setAttribute('token-url', tokenUrl);
          else el.fetchToken = w.fetchToken;
        }
        document.body.replaceChildren(el);
      },
      { mode, sandboxUrl: sandbox.url, origin, org: DEMO_ORG_ID, tokenUrl: TOKEN_URL },
    );
  }

  async function settle(page: Page): Promise<'data' | 'error'> {
    const handle = await page.waitForFunction(
      () => {
        const root = document.querySelector('paperos-document-list')?.shadowRoot;
        if (root?.querySelector('[part~="filename"]')) return 'data';
        if (root?.querySelector('[part~="error"]')) return 'error';
        return false;
      },
      undefined,
      { timeout: 30_000 },
    );
    return (await handle.jsonValue()) as 'data' | 'error';
  }

  const mints = () => log.filter((line) => line.startsWith('POST /api/v1/integrations/access-token 200')).length;
  const sends = () => log.filter((line) => line.startsWith(`GET ${DOCS} `)).map((line) => Number(line.split(' ')[2]));

  for (const mode of ['token-url', 'fetchToken', 'bff'] as const) {
    it(`${mode}: after a key rotation a new element shows data, with one forced mint and two sends`, async () => {
      const { page, tokenBodies } = await setUp();
      await mount(page, mode);
      assert.equal(await settle(page), 'data', 'before the rotation');

      const rotated = await fetch(`${sandbox.url}/__sandbox/rotate-keys`, { method: 'POST' });
      assert.equal(rotated.status, 200);
      log.length = 0;
      tokenBodies.length = 0;
      await page.evaluate(() => ((window as unknown as { reasons: string[] }).reasons.length = 0));

      await mount(page, mode);
      assert.equal(await settle(page), 'data', 'the element heals');
      assert.equal(mints(), 1, 'exactly one forced mint');
      assert.deepEqual(sends(), [401, 200], 'the refused request is sent twice: refused, then answered');
      const reasons = await page.evaluate(() => (window as unknown as { reasons: string[] }).reasons);
      if (mode === 'token-url') assert.deepEqual(tokenBodies, ['{"reason":"rejected"}']);
      if (mode === 'fetchToken') assert.deepEqual(reasons, ['rejected']);
      if (mode === 'bff') assert.deepEqual([tokenBodies, reasons], [[], []], 'no token request from the browser');
      await page.close();
    });
  }

  it('a 401 to a valid token (injected once): the same token is sent again and the data shows', async () => {
    const { page } = await setUp();
    const valid = await sandbox.mintAccessToken();
    await page.evaluate((token) => {
      const w = window as unknown as { reasons: string[]; fetchToken: (c: { reason: string }) => Promise<string> };
      w.fetchToken = async ({ reason }) => {
        w.reasons.push(reason);
        return token;
      };
    }, valid);
    sandbox.setFaults([{ kind: 'status', status: 401, path: 'documents$', times: 1 }]);
    log.length = 0;
    await mount(page, 'fetchToken');
    assert.equal(await settle(page), 'data');
    sandbox.clearFaults();
    const reasons = await page.evaluate(() => (window as unknown as { reasons: string[] }).reasons);
    assert.deepEqual(reasons, ['initial', 'rejected'], 'one refresh after the 401');
    assert.deepEqual(sends(), [401, 200], 'two sends');
    await page.close();
  });

  it('every request refused: the error state after two sends, and it stays, with no loop over 5 s', async () => {
    const { page, tokenBodies } = await setUp();
    sandbox.setFaults([{ kind: 'status', status: 401, path: 'documents$' }]);
    try {
      log.length = 0;
      await mount(page, 'token-url');
      assert.equal(await settle(page), 'error');
      const alert = await page.evaluate(
        () => document.querySelector('paperos-document-list')!.shadowRoot!.querySelector('[role="alert"]')?.textContent,
      );
      assert.match(alert ?? '', /session has expired/);
      assert.deepEqual(sends(), [401, 401], 'two sends, then the error');
      const settledLog = log.length;
      const settledTokenRequests = tokenBodies.length;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      assert.equal(log.length, settledLog, `nothing more reached PaperOS in 5 s: ${log.slice(settledLog).join(', ')}`);
      assert.equal(tokenBodies.length, settledTokenRequests, 'no more token requests');
      assert.equal(await settle(page), 'error', 'still the error state');

      // Retry: once more two sends and the error, the forced mint not repeated inside its window
      const mintsBefore = mints();
      await page.evaluate(() =>
        (
          document
            .querySelector('paperos-document-list')!
            .shadowRoot!.querySelector('[part~="retry-button"]') as HTMLElement
        ).click(),
      );
      for (let waited = 0; sends().length < 4 && waited < 30_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(await settle(page), 'error');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.deepEqual(sends(), [401, 401, 401, 401], 'the retry sent it twice more, no more');
      assert.equal(mints(), mintsBefore, 'no second forced mint within 10 s');
    } finally {
      sandbox.clearFaults();
      await page.close();
    }
  });

  it('raised no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
