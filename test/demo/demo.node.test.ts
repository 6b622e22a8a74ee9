// The demo, end to end: `startDemo` (sandbox + host backend + Vite) and the
// system Chromium loading the three pages: each element's data shows, a
// workflow starts, and the page's event log records it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemo, type RunningDemo } from '../../demo/start.js';

const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

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
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    await page.goto(`${demo.url}${path}`);
    return page;
  }

  async function exercise(page: Page, path: string): Promise<void> {
    await inShadow(page, 'paperos-workflow-launcher', '[part~="template-label"]');
    await inShadow(page, 'paperos-record-list', '[part~="record-name"]');
    await inShadow(page, 'paperos-document-list', '[part~="filename"]');
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
    await inShadow(page, 'paperos-document-list', '[part~="filename"]');
    // the locale switcher: the elements follow the page's lang (dates in German form)
    await page.selectOption('#locale', 'de');
    await page.waitForFunction(() =>
      /\d{2}\.\d{2}\.\d{4}/.test(
        document.querySelector('paperos-workflow-launcher')!.shadowRoot!.querySelector('[part~="workflow-updated"]')
          ?.textContent ?? '',
      ),
    );
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

  it('raised no page errors', () => {
    assert.deepEqual(errors, []);
  });
});
