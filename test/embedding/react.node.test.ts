// @paperos/elements/react in a real page: each wrapper rendered with
// react-dom/client (StrictMode), given props including the property-only
// `token` and `records`, and each of its event callbacks receiving its event.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserNames, buildScripts, launch, serve, type Site, type TestPage } from './harness.js';

interface ReactPage {
  events: string[];
  authorizations(): (string | null)[];
  setRecords(records: { role: string; id: string }[]): void;
  token: string;
}

const events = (page: TestPage) =>
  page.evaluate(() => [...(window as unknown as { __react: ReactPage }).__react.events], undefined);

async function waitForEvent(page: TestPage, pattern: string): Promise<void> {
  await page.waitFor(
    (p) => (window as unknown as { __react: ReactPage }).__react.events.some((e) => new RegExp(p).test(e)),
    pattern,
  );
}

/** Clicks the first match of `selector` in `tag`'s shadow root. */
async function click(page: TestPage, tag: string, selector: string): Promise<void> {
  await page.waitFor(([t, s]) => !!document.querySelector(t!)?.shadowRoot?.querySelector(s!), [tag, selector]);
  await page.evaluate(
    ([t, s]) => (document.querySelector(t!)!.shadowRoot!.querySelector(s!) as HTMLElement).click(),
    [tag, selector],
  );
}

describe('React wrappers', { timeout: 180_000 }, () => {
  let dir: string;
  let site: Site;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperos-react-'));
    await buildScripts(dir, { react: 'test/embedding/pages/react-page.tsx' }, 'esm');
    site = await serve(dir);
    site.page(
      '/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title><link rel="icon" href="data:,"></head>
<body><div id="root"></div><script type="module" src="/react.js"></script></body></html>`,
    );
  });
  after(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of browserNames()) {
    it(`${name}: props reach the elements, events reach the callbacks`, async () => {
      const browser = await launch(name);
      try {
        const page = await browser.newPage();
        await page.goto(site.url);

        // onLoad of every wrapper, onError of the misconfigured one.
        await waitForEvent(page, '^launcher load 1$');
        await waitForEvent(page, '^documents load 1$');
        await waitForEvent(page, '^records load \\d+$');
        await waitForEvent(page, '^broken error 404$');

        // `token` went in as a property: never an attribute, always the Authorization header.
        const wiring = await page.evaluate(() => {
          const r = (window as unknown as { __react: ReactPage }).__react;
          const elements = [
            ...document.querySelectorAll(
              'paperos-provider, paperos-workflow-launcher, paperos-document-list, paperos-record-list',
            ),
          ];
          return {
            tags: elements.map((e) => e.localName),
            tokenAttributes: elements.filter((e) => e.hasAttribute('token')).length,
            tokenInMarkup: document.body.outerHTML.includes(r.token),
            authorizations: r.authorizations(),
            bearer: `Bearer ${r.token}`,
            limit: (document.querySelector('paperos-record-list') as HTMLElement & { limit?: number }).limit,
          };
        }, undefined);
        assert.deepEqual(wiring.tags, [
          'paperos-provider',
          'paperos-workflow-launcher',
          'paperos-document-list',
          'paperos-record-list',
          'paperos-record-list',
        ]);
        assert.equal(wiring.tokenAttributes, 0);
        assert.equal(wiring.tokenInMarkup, false);
        assert.deepEqual(wiring.authorizations, [wiring.bearer]);
        assert.equal(wiring.limit, 5);

        // `records` went in as a property: the start event carries it.
        await click(page, 'paperos-workflow-launcher', '[part~="start-button"]');
        await waitForEvent(page, '^launcher started wrk_01hcn8arzxb9heq3saaf97b7bx$');
        assert.ok(
          (await events(page)).includes(
            'launcher start flow_extg0vcffk3h9085 [{"role":"company","id":"rec_from_props"}]',
          ),
        );

        // New props from a React state change reach the element.
        await page.evaluate(
          () => (window as unknown as { __react: ReactPage }).__react.setRecords([{ role: 'company', id: 'rec_2' }]),
          undefined,
        );
        await page.waitFor(
          () =>
            JSON.stringify(
              (document.querySelector('paperos-workflow-launcher') as HTMLElement & { records?: unknown }).records,
            ) === '[{"role":"company","id":"rec_2"}]',
          undefined,
        );

        await click(page, 'paperos-record-list', '[part~="record"]');
        await waitForEvent(page, '^records select \\d+$');

        await click(page, 'paperos-document-list', 'a[part~="download"]');
        await waitForEvent(page, '^documents open doc_react$');
        await click(page, 'paperos-document-list', '[part~="sign-button"]');
        await waitForEvent(page, '^documents sign ada@example.com$');

        assert.deepEqual(page.errors, []);
      } finally {
        await browser.close();
      }
    });
  }
});
