// Server rendering, end to end: the elements render through @lit-labs/ssr in
// Node to declarative shadow DOM (their loading state), a real browser parses
// that HTML, Lit's hydration support loads before the elements, the elements
// take over the server-rendered DOM (the same nodes, not a re-render) and then
// show the data a mocked API answers with.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { EXAMPLE_ORG_ID } from '../fixtures/api-examples.js';
import { browserNames, buildScripts, launch, serve, type Site } from './harness.js';
import '../../src/index.js';

const TAGS = ['paperos-workflow-launcher', 'paperos-document-list', 'paperos-record-list'] as const;

/** The server-rendered markup: a provider with the three elements inside. */
async function serverRender(): Promise<string> {
  return collectResult(
    render(html`
      <paperos-provider base-url=${location()} org-id=${EXAMPLE_ORG_ID} token-url="/token">
        <paperos-workflow-launcher></paperos-workflow-launcher>
        <paperos-document-list></paperos-document-list>
        <paperos-record-list></paperos-record-list>
      </paperos-provider>
    `),
  );
}
// The API is mocked inside the page, at the page's own origin.
const location = () => 'https://paperos.test';

describe('hydration in the browser', { timeout: 180_000 }, () => {
  let dir: string;
  let site: Site;
  let ssr: string;

  before(async () => {
    ssr = await serverRender();
    dir = mkdtempSync(join(tmpdir(), 'paperos-hydrate-'));
    await buildScripts(dir, { mock: 'test/embedding/pages/mock-paperos.ts' }, 'iife');
    await buildScripts(dir, { hydrate: 'test/embedding/pages/hydrate-entry.ts' }, 'esm');
    site = await serve(dir);
    site.page(
      '/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title><link rel="icon" href="data:,">
<script src="/mock.js"></script></head><body>${ssr}
<script>
  // Before any element code: what the browser made of the server's HTML.
  window.__ssr = ${JSON.stringify(TAGS)}.map((tag) => {
    const root = document.querySelector(tag).shadowRoot;
    return { tag, root, status: root && root.querySelector('[role="status"]') };
  });
</script>
<script type="module" src="/hydrate.js"></script></body></html>`,
    );
  });
  after(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of browserNames()) {
    it(`${name}: takes over the server-rendered DOM, then shows data`, async () => {
      const browser = await launch(name);
      try {
        const page = await browser.newPage();
        await page.goto(`${site.url}/?hold`);
        const parsed = await page.evaluate(
          () =>
            (window as unknown as { __ssr: { tag: string; root: unknown; status: unknown }[] }).__ssr.map((e) => ({
              tag: e.tag,
              root: !!e.root,
              status: !!e.status,
            })),
          undefined,
        );
        for (const entry of parsed) {
          assert.ok(entry.root && entry.status, `${entry.tag}: a declarative shadow root with the loading state`);
        }

        // Upgraded and first-rendered while the API holds its answers.
        await page.waitFor((tags) => tags.every((tag) => customElements.get(tag)), TAGS);
        const kept = await page.evaluate(async (tags) => {
          const ssr = (window as unknown as { __ssr: { root: ShadowRoot; status: Element }[] }).__ssr;
          const elements = tags.map(
            (tag) => document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> },
          );
          await Promise.all(elements.map((el) => el.updateComplete));
          return elements.map((el, i) => ({
            sameRoot: el.shadowRoot === ssr[i]!.root,
            sameStatus: el.shadowRoot!.querySelector('[role="status"]') === ssr[i]!.status,
            connected: ssr[i]!.status.isConnected,
          }));
        }, TAGS);
        kept.forEach((k, i) => {
          assert.deepEqual(k, { sameRoot: true, sameStatus: true, connected: true }, `${TAGS[i]} hydrated in place`);
        });

        await page.evaluate(
          () => (window as unknown as { __paperos: { release(): void } }).__paperos.release(),
          undefined,
        );
        // (Page functions stay free of named inner functions: the test runs through tsx.)
        await page.waitFor(
          (expected) =>
            expected.every(([tag, selector, text]) =>
              (document.querySelector(tag!)?.shadowRoot?.querySelector(selector!)?.textContent ?? '').includes(text!),
            ),
          [
            ['paperos-workflow-launcher', '[part~="template-label"]', 'Entity Setup'],
            ['paperos-document-list', '[part~="folder-name"]', 'Archived Documentation'],
            ['paperos-record-list', '[part~="record-name"]', 'Test 1'],
          ],
        );
        assert.deepEqual(page.errors, [], 'no errors while hydrating and loading');
      } finally {
        await browser.close();
      }
    });
  }
});
