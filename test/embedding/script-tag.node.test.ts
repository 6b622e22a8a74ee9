// The script-tag bundles as a page gets them: built with the real build
// configuration (scripts/bundle.ts) into a temporary directory, loaded from
// <script type="module"> and classic <script> tags, each twice (two copies,
// as when two widgets on one page each bring the bundle), and mixed; and the
// per-element scripts, two on one page sharing their chunk and one token fetch.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles, ELEMENTS_DIR, IIFE_BUNDLE, ESM_BUNDLE, SHARED_CHUNK } from '../../scripts/bundle.js';
import { EXAMPLE_ORG_ID } from '../fixtures/api-examples.js';
import {
  browserNames,
  buildScripts,
  launch,
  root,
  serve,
  type Site,
  type TestBrowser,
  type TestPage,
} from './harness.js';

function pageWith(scripts: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>script tag</title>
<link rel="icon" href="data:,"><script src="/mock.js"></script>${scripts}</head><body>
<paperos-provider base-url="https://paperos.test" org-id="${EXAMPLE_ORG_ID}" token-url="/token">
  <paperos-record-list></paperos-record-list>
  <paperos-workflow-launcher></paperos-workflow-launcher>
</paperos-provider></body></html>`;
}

const esm = (path: string) => `<script type="module" src="${path}"></script>`;
const classic = (path: string) => `<script src="${path}"></script>`;

/** Waits until the record list and the launcher show the mocked data. */
async function showsData(page: Awaited<ReturnType<TestBrowser['newPage']>>, startLabel: string): Promise<void> {
  await page.waitFor(
    (expected) =>
      expected.every(([tag, selector, text]) =>
        [...(document.querySelector(tag!)?.shadowRoot?.querySelectorAll(selector!) ?? [])].some((n) =>
          (n.getAttribute('aria-label') ?? n.textContent ?? '').includes(text!),
        ),
      ),
    [
      ['paperos-record-list', '[part~="record-name"]', 'Test 1'],
      ['paperos-workflow-launcher', '[part~="start-button"]', startLabel],
    ],
  );
}

describe('script-tag bundles', { timeout: 240_000 }, () => {
  let dir: string;
  let site: Site;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperos-bundle-'));
    await buildBundles({ root, outdir: dir });
    await buildScripts(dir, { mock: 'test/embedding/pages/mock-paperos.ts' }, 'iife');
    site = await serve(dir);
    site.page('/module-twice.html', pageWith(esm(`/${ESM_BUNDLE}`) + esm(`/copy-2/${ESM_BUNDLE}`)));
    site.page('/module-de.html', pageWith(esm(`/${ESM_BUNDLE}`), 'de'));
    site.page('/iife-twice.html', pageWith(classic(`/${IIFE_BUNDLE}`) + classic(`/copy-2/${IIFE_BUNDLE}`)));
    site.page('/iife-es.html', pageWith(classic(`/${IIFE_BUNDLE}`), 'es'));
    site.page('/mixed.html', pageWith(classic(`/${IIFE_BUNDLE}`) + esm(`/${ESM_BUNDLE}`)));
    // One script per element: the launcher and the record list, the shared chunk preloaded as the README shows.
    site.page(
      '/elements-two.html',
      pageWith(
        `<link rel="modulepreload" href="/${ELEMENTS_DIR}/${SHARED_CHUNK}">` +
          esm(`/${ELEMENTS_DIR}/paperos-workflow-launcher.js`) +
          esm(`/${ELEMENTS_DIR}/paperos-record-list.js`),
      ),
    );
    site.page(
      '/elements-launcher.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>launcher only</title>
<link rel="icon" href="data:,"><script src="/mock.js"></script>${esm(`/${ELEMENTS_DIR}/paperos-workflow-launcher.js`)}</head><body>
<paperos-workflow-launcher base-url="https://paperos.test" org-id="${EXAMPLE_ORG_ID}" token-url="/token"></paperos-workflow-launcher>
</body></html>`,
    );
    site.page(
      '/module-long-list.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>long list</title>
<link rel="icon" href="data:,"><script src="/mock.js"></script>${esm(`/${ESM_BUNDLE}`)}</head><body>
<paperos-document-list base-url="https://paperos.test" org-id="${EXAMPLE_ORG_ID}" token-url="/token"></paperos-document-list>
</body></html>`,
    );
  });
  after(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('splits translations and the virtualizer into lazily loaded chunks', () => {
    const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js'));
    for (const name of ['de-', 'es-', 'virtualize-']) {
      assert.ok(
        chunks.some((f) => f.startsWith(name)),
        `a ${name}* chunk in ${chunks.join(', ')}`,
      );
    }
  });

  for (const name of browserNames()) {
    describe(name, () => {
      let browser: TestBrowser;
      before(async () => (browser = await launch(name)));
      after(async () => browser?.close());

      it('the ES module loaded twice: registers once, no errors, elements work', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/module-twice.html`);
        await showsData(page, 'Start Entity Setup');
        const first = await page.evaluate(async (bundle) => {
          const one = (await import(`/${bundle}`)) as Record<string, unknown>;
          const two = (await import(`/copy-2/${bundle}`)) as Record<string, unknown>;
          return {
            twoCopies: one.PaperOSRecordList !== two.PaperOSRecordList,
            firstWins: customElements.get('paperos-record-list') === one.PaperOSRecordList,
            upgraded:
              document.querySelector('paperos-record-list') instanceof (one.PaperOSRecordList as typeof HTMLElement),
          };
        }, ESM_BUNDLE);
        assert.deepEqual(first, { twoCopies: true, firstWins: true, upgraded: true });
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it('the ES module fetches German strings on demand', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/module-de.html`);
        await showsData(page, 'Entity Setup starten');
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it('the classic script loaded twice: a PaperOSElements global, no errors, elements work', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/iife-twice.html`);
        await showsData(page, 'Start Entity Setup');
        const global = await page.evaluate(() => {
          const api = (window as unknown as { PaperOSElements?: Record<string, unknown> }).PaperOSElements ?? {};
          return {
            classes: ['PaperOSProvider', 'PaperOSWorkflowLauncher', 'PaperOSDocumentList', 'PaperOSRecordList'].every(
              (name) => typeof api[name] === 'function',
            ),
            client: typeof api.PaperOSClient === 'function',
            defined: customElements.get('paperos-document-list') !== undefined,
          };
        }, undefined);
        assert.deepEqual(global, { classes: true, client: true, defined: true });
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it("the ES module is one file; a long list loads the virtualizer chunk, which shares the entry's lit", async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/module-long-list.html?docs=1000`);
        const rows = (page: TestPage) =>
          page.evaluate(() => {
            const tree = document.querySelector('paperos-document-list')?.shadowRoot?.querySelector('[part="tree"]');
            return [...(tree?.querySelectorAll('[part~="filename"]') ?? [])].map((n) => n.textContent?.trim());
          }, undefined);
        await page.waitFor(() => {
          const tree = document.querySelector('paperos-document-list')?.shadowRoot?.querySelector('[part="tree"]');
          // the virtualizer, once loaded, positions its rows absolutely
          const row = tree?.querySelector('[part~="document"]');
          return row && getComputedStyle(row).position === 'absolute';
        }, undefined);
        const shown = await rows(page);
        assert.ok(shown.length > 0 && shown.length < 200, `${shown.length} rows in the DOM for 1,000 documents`);
        assert.ok(
          shown.includes('Document 00000.pdf'),
          `the first folder's first document among ${shown.slice(0, 5).join(', ')}`,
        );
        const scripts = await page.evaluate(
          () =>
            performance
              .getEntriesByType('resource')
              .map((e) => new URL(e.name).pathname)
              .filter((p) => p.endsWith('.js') && p !== '/mock.js'),
          undefined,
        );
        assert.equal(scripts[0], `/${ESM_BUNDLE}`);
        assert.ok(
          scripts.slice(1).every((p) => /^\/chunks\/(virtualize|flow|near-visible-layout)-/.test(p)),
          `only the virtualizer's chunks (and the layout the list gives it) after the entry: ${scripts.join(', ')}`,
        );
        assert.equal(scripts.length, 4, scripts.join(', '));
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it('two per-element scripts: the shared chunk loads once and one token request serves both elements', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/elements-two.html`);
        await showsData(page, 'Start Entity Setup');
        const loaded = await page.evaluate(
          () => ({
            scripts: performance
              .getEntriesByType('resource')
              .map((e) => new URL(e.name).pathname)
              .filter((p) => p.endsWith('.js') && p !== '/mock.js')
              .sort(),
            requests: (window as unknown as { __paperos: { requests(): string[] } }).__paperos.requests(),
            defined: [
              'paperos-provider',
              'paperos-workflow-launcher',
              'paperos-record-list',
              'paperos-document-list',
            ].map((tag) => customElements.get(tag) !== undefined),
          }),
          undefined,
        );
        assert.deepEqual(loaded.scripts, [
          '/elements/paperos-record-list.js',
          '/elements/paperos-shared.js',
          '/elements/paperos-workflow-launcher.js',
        ]);
        assert.equal(loaded.requests.filter((r) => r === 'POST /token').length, 1, loaded.requests.join(', '));
        assert.deepEqual(loaded.defined, [true, true, true, false], 'the provider and the two elements, not the list');
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it('the launcher alone loads its script and the shared chunk, nothing else up front', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/elements-launcher.html`);
        await page.waitFor(
          () =>
            [
              ...(document
                .querySelector('paperos-workflow-launcher')
                ?.shadowRoot?.querySelectorAll('[part~="start-button"]') ?? []),
            ].some((n) => (n.getAttribute('aria-label') ?? n.textContent ?? '').includes('Start Entity Setup')),
          undefined,
        );
        const scripts = await page.evaluate(
          () =>
            performance
              .getEntriesByType('resource')
              .map((e) => new URL(e.name).pathname)
              .filter((p) => p.endsWith('.js') && p !== '/mock.js')
              .sort(),
          undefined,
        );
        assert.deepEqual(scripts, ['/elements/paperos-shared.js', '/elements/paperos-workflow-launcher.js']);
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it('the classic script carries Spanish inline', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/iife-es.html`);
        await showsData(page, 'Iniciar Entity Setup');
        assert.deepEqual(page.errors, []);
        await page.close();
      });

      it('both bundles on one page (two versions): no errors, elements work', async () => {
        const page = await browser.newPage();
        await page.goto(`${site.url}/mixed.html`);
        await showsData(page, 'Start Entity Setup');
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    });
  }
});
