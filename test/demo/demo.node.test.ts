// The demo, end to end: `startDemo` (sandbox + host backend + Vite) and the
// system Chromium loading the three pages: each element's data shows, a
// workflow starts, the page's event log records it, every download and signing
// link in the document list answers with the right file or page, and no page
// logs an error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { parse as parseDisposition } from 'content-disposition';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LARGE_ORG_DOCUMENTS, startDemo, type RunningDemo } from '../../demo/start.js';
import { DEMO_ORG_ID, LARGE_ORG_ID } from '../../src/sandbox/index.js';
import { chromiumLaunchOptions } from '../../scripts/browsers.mjs';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Resolves once `selector` exists inside `host`'s shadow root. */
async function inShadow(page: Page, host: string, selector: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ([h, s]) => !!document.querySelector(h)?.shadowRoot?.querySelector(s),
    [host, selector] as const,
    { timeout },
  );
}

async function clickInShadow(page: Page, host: string, selector: string): Promise<void> {
  await inShadow(page, host, selector);
  await page.evaluate(([h, s]) => (document.querySelector(h)!.shadowRoot!.querySelector(s) as HTMLElement).click(), [
    host,
    selector,
  ] as const);
}

describe('demo pages', { timeout: 180_000 }, () => {
  let demo: RunningDemo;
  let browser: Browser;
  const errors: string[] = [];

  before(async () => {
    demo = await startDemo({ port: 0, sandboxPort: 0, quiet: true });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    // A failed request (a missing favicon, a 404) shows up here as "Failed to load resource".
    page.on('console', (message) => {
      if (message.type() === 'error' || /URL policy/.test(message.text()))
        errors.push(`${path}: console.${message.type()}: ${message.text()} (${message.location().url})`);
    });
    await page.goto(`${demo.url}${path}`);
    return page;
  }

  /**
   * Every document of the example org has a download link that answers 200 with
   * its file (type by extension, its own filename), and every pending signature a
   * Sign button that opens the signing page.
   */
  async function checkLinks(page: Page, path: string): Promise<void> {
    const docs = demo.sandbox.state.documents[DEMO_ORG_ID];
    await page.waitForFunction(
      (count) =>
        document.querySelector('paperos-document-list')?.shadowRoot?.querySelectorAll('a[part~="download"]').length ===
        count,
      docs.length,
      { timeout: 20_000 },
    );
    const links = await page.evaluate(() =>
      [
        ...document
          .querySelector('paperos-document-list')!
          .shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part~="download"]'),
      ].map((a) => ({ name: a.textContent!.trim(), href: a.href })),
    );
    for (const link of links) {
      assert.equal(new URL(link.href).origin, demo.url, `${path}: ${link.name} is on the demo's origin`);
      const response = await page.request.get(link.href);
      assert.equal(response.status(), 200, `${path}: ${link.name}`);
      const ext = link.name.slice(link.name.lastIndexOf('.') + 1);
      assert.equal(response.headers()['content-type'], TYPES[ext], `${path}: ${link.name}`);
      assert.equal(parseDisposition(response.headers()['content-disposition']).parameters.filename, link.name);
    }
    const pending = docs.flatMap((d) => d.recipients).filter((r) => r.status === 'pending').length;
    const signButtons = 'button[part~="sign-button"]';
    const count = await page.evaluate(
      (s) => document.querySelector('paperos-document-list')!.shadowRoot!.querySelectorAll(s).length,
      signButtons,
    );
    assert.equal(count, pending, `${path}: a Sign button for each pending signature`);
    for (let i = 0; i < count; i++) {
      const answered = page.context().waitForEvent('response', (r) => new URL(r.url()).pathname.startsWith('/sign/'));
      // the Sign button opens the link with noopener: a new page of the context, not a tracked popup
      const popup = page.context().waitForEvent('page');
      await page.evaluate(
        ([s, n]) =>
          (document.querySelector('paperos-document-list')!.shadowRoot!.querySelectorAll(s)[n] as HTMLElement).click(),
        [signButtons, i] as const,
      );
      const response = await answered;
      assert.equal(response.status(), 200, `${path}: signing page ${i}`);
      assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
      const signing = await popup;
      signing.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${path}: signing page: console.error: ${message.text()}`);
      });
      await signing.waitForSelector('form button', { timeout: 20_000 });
      assert.equal(new URL(signing.url()).origin, demo.url);
      await signing.close();
    }
  }

  async function exercise(page: Page, path: string): Promise<void> {
    await inShadow(page, 'paperos-workflow-launcher', '[part~="template-label"]');
    await inShadow(page, 'paperos-record-list', '[part~="record-name"]');
    await inShadow(page, 'paperos-document-list', '[part~="filename"]');
    await checkLinks(page, path);
    await clickInShadow(page, 'paperos-record-list', '[role="option"]');
    await clickInShadow(page, 'paperos-workflow-launcher', '[part~="start-button"]');
    await page.waitForFunction(
      () => /paperos-workflow-started/.test(document.querySelector('#log')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const log = await page.textContent('#log');
    assert.match(log ?? '', /paperos-load/, `${path}: loads logged`);
    assert.match(log ?? '', /paperos-record-select/, `${path}: selection logged`);
    await page.close();
  }

  it('the Vite demo: every element wired together, record prefill, event log', async () => {
    const page = await open('/');
    await inShadow(page, 'paperos-record-list', '[role="option"]');
    await clickInShadow(page, 'paperos-record-list', '[role="option"]');
    await page.waitForFunction(() => /Prefill:/.test(document.querySelector('#prefill')?.textContent ?? ''));
    const workflowsBefore = demo.sandbox.state.workflows['org_ew421jr4pmnhs02z'].length;
    await clickInShadow(page, 'paperos-workflow-launcher', '[part~="start-button"]');
    await page.waitForFunction(
      () => /paperos-workflow-started/.test(document.querySelector('#log')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const started = demo.sandbox.state.workflows['org_ew421jr4pmnhs02z'];
    assert.equal(started.length, workflowsBefore + 1);
    assert.deepEqual(started[0].records, [{ role: 'company', id: '5617' }], 'the chosen record prefilled the workflow');
    await checkLinks(page, '/');
    // the locale switcher: the elements follow the page's lang (statuses and dates in German)
    await page.selectOption('#locale', 'de');
    await page.waitForFunction(() => {
      const root = document.querySelector('paperos-workflow-launcher')!.shadowRoot!;
      return (
        root.querySelector('[part~="workflow-status"]')?.textContent === 'Offen' &&
        /\d{2}\.\d{2}\.\d{4}/.test(root.querySelector('[part~="workflow-time"]')?.getAttribute('title') ?? '')
      );
    });
    assert.match(page.url(), /[?&]lang=de\b/, 'the address follows the language selector');
    await page.close();
  });

  it('follows the OS theme by default, and ?theme= and ?lang= pick them', async () => {
    const page = await open('/');
    await page.emulateMedia({ colorScheme: 'dark' });
    const scheme = () =>
      page.evaluate(() => ({
        page: getComputedStyle(document.documentElement).colorScheme,
        selected: document.querySelector<HTMLSelectElement>('#theme')!.value,
      }));
    assert.deepEqual(await scheme(), { page: 'light dark', selected: 'system' });
    await page.goto(`${demo.url}/?theme=light&lang=de`);
    await inShadow(page, 'paperos-workflow-launcher', '[part~="start-button"]');
    assert.deepEqual(await scheme(), { page: 'light', selected: 'light' });
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLSelectElement>('#locale')!.value === 'de' &&
        document
          .querySelector('paperos-workflow-launcher')!
          .shadowRoot!.querySelector('[part~="start-button"]')
          ?.textContent?.trim() === 'Starten',
    );
    await page.goto(`${demo.url}/?theme=<script>&lang=xx`);
    assert.deepEqual(await scheme(), { page: 'light dark', selected: 'system' }, 'an unknown value is ignored');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.close();
  });

  it('the script-tag page (BFF proxy mode, no token in the browser)', async () => {
    const page = await open('/script-tag.html');
    const tokens: string[] = [];
    page.on('request', (request) => {
      const auth = request.headers()['authorization'];
      if (auth) tokens.push(auth);
    });
    await exercise(page, '/script-tag.html');
    assert.deepEqual(tokens, [], 'the browser never sent a PaperOS token');
  });

  it('the React page', async () => {
    const page = await open('/react.html');
    await exercise(page, '/react.html');
  });

  it('the large organization is in the selector, and its documents render and filter', async () => {
    const page = await open('/');
    await inShadow(page, 'paperos-document-list', '[part~="filename"]');
    const option = await page.textContent(`#org option[value="${LARGE_ORG_ID}"]`);
    assert.match(option ?? '', /2,000 documents/);
    await page.selectOption('#org', LARGE_ORG_ID);
    const summary = page.locator('paperos-document-list [part~="summary"]');
    await summary.filter({ hasText: `${LARGE_ORG_DOCUMENTS.toLocaleString('en-US')} documents` }).waitFor();
    assert.ok((await page.locator('paperos-document-list [part~="document"]').count()) > 0, 'rows render');
    // the last document, found through the filter
    const last = demo.sandbox.state.documents[LARGE_ORG_ID].at(-1)!;
    await page.locator('paperos-document-list [part~="filter"]').fill(last.filename.split(' ')[1]);
    const row = page.locator('paperos-document-list a[part~="download"]', { hasText: last.filename });
    await row.waitFor({ timeout: 20_000 });
    const response = await page.request.get((await row.getAttribute('href'))!);
    assert.equal(response.status(), 200);
    await page.close();
  });

  it('the large organization by keyboard: End after collapsing two folders keeps the focus, on the last row', async () => {
    // The rows' heights vary, so the virtualizer corrects its estimates on the way to the
    // end, and the last row leaves the DOM for a moment; it used to lose the focus then.
    const page = await open('/');
    await inShadow(page, 'paperos-document-list', '[part~="filename"]');
    await page.selectOption('#org', LARGE_ORG_ID);
    const summary = page.locator('paperos-document-list [part~="summary"]');
    await summary.filter({ hasText: `${LARGE_ORG_DOCUMENTS.toLocaleString('en-US')} documents` }).waitFor();
    await inShadow(page, 'paperos-document-list', '.tree--virtual [role="treeitem"][tabindex="0"]');
    const focused = () =>
      page.evaluate(() => {
        const active = document.querySelector('paperos-document-list')!.shadowRoot!.activeElement;
        return active?.getAttribute('role') === 'treeitem'
          ? active.querySelector('[part~="filename"]')?.textContent
          : null;
      });
    await page.evaluate(() =>
      document
        .querySelector('paperos-document-list')!
        .shadowRoot!.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')!
        .focus(),
    );
    for (const key of ['ArrowLeft', 'ArrowDown', 'ArrowLeft', 'End']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    // The last document of the last folder (folders and documents by name, as the list sorts them).
    const docs = demo.sandbox.state.documents[LARGE_ORG_ID];
    const lastFolder = docs
      .map((d) => d.path)
      .sort((a, b) => a.localeCompare(b, 'en'))
      .at(-1);
    const last = docs
      .filter((d) => d.path === lastFolder)
      .map((d) => d.filename)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .at(-1);
    assert.equal(await focused(), last);
    await page.close();
  });

  it('has a favicon, also at /favicon.ico for pages without an icon link', async () => {
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const response = await fetch(`${demo.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^image\/svg\+xml/, path);
    }
  });

  it('raised no page errors', () => {
    assert.deepEqual(errors, []);
  });
});

describe('npm run demo with a port taken', { timeout: 120_000 }, () => {
  let holder: Server;
  let taken: number;

  before(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    taken = (holder.address() as { port: number }).port;
  });
  after(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  /** Runs demo/start.ts as `npm run demo` does, with the given environment, until it exits. */
  function runDemo(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts'], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // should it start after all, stop it: the assertions below then fail with its output
      const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  for (const [variable, other] of [
    ['PORT', 'SANDBOX_PORT'],
    ['SANDBOX_PORT', 'PORT'],
  ] as const) {
    it(`${variable} taken: one line naming the port and ${variable}, and a non-zero exit`, async () => {
      const { code, stdout, stderr } = await runDemo({ [variable]: String(taken), [other]: '0' });
      assert.notEqual(code, 0, stdout + stderr);
      assert.equal(stdout, '', 'nothing started');
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0], new RegExp(`^Port ${taken} .*in use.*set ${variable} to a free port`));
      assert.doesNotMatch(stderr, /EADDRINUSE|\n\s+at /, 'no stack trace');
    });
  }
});

describe('a page opened while the demo starts', { timeout: 120_000 }, () => {
  it('waits for the host backend instead of getting the dev server 404 page', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    await new Promise<void>((resolve) => holder.close(() => resolve()));

    let started = false;
    const starting = startDemo({ port, sandboxPort: 0, quiet: true }).finally(() => (started = true));
    // The token request the elements make first, sent every 50 ms until startDemo returns.
    const answers: Array<Promise<string | undefined>> = [];
    while (!started) {
      answers.push(
        fetch(`http://127.0.0.1:${port}/api/paperos-token`, { method: 'POST' }).then(
          (response) => `${response.status} ${response.headers.get('content-type')}`,
          () => undefined, // not listening yet
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const demo = await starting;
    try {
      const statuses = (await Promise.all(answers)).filter((status) => status !== undefined);
      assert.ok(statuses.length > 0, 'some requests reached the dev server before the backend was made');
      assert.deepEqual(
        statuses.filter((status) => status !== '200 application/json'),
        [],
      );
    } finally {
      await demo.close();
    }
  });
});
