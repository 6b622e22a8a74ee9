// Revalidation on return against the real sandbox: the document list in a
// real browser talks to the sandbox over loopback; a recipient signs in the
// sandbox while the page is hidden (the signing link opened elsewhere), and
// once the page is visible again the list shows the document as signed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ORG_ID, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import { browserNames, buildScripts, launch, serve, type Site } from '../../embedding/harness.js';

describe('document list: revalidation on return, against the sandbox', () => {
  let sandbox: RunningSandbox;
  let site: Site;
  let dir: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'paperos-revalidate-'));
    await buildScripts(dir, { list: 'src/elements/document-list/define.ts' }, 'esm');
    site = await serve(dir);
    site.page(
      '/index.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>revalidate</title>
<link rel="icon" href="data:,"><script type="module" src="/list.js"></script>
<script>
  // Another tab, as far as this page can tell: links it opens are recorded, and it can be hidden and shown.
  window.openedUrls = [];
  window.open = function (url) { window.openedUrls.push(String(url)); return null; };
  window.setVisibility = function (state) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: function () { return state; } });
    document.dispatchEvent(new Event('visibilitychange'));
  };
</script></head><body></body></html>`,
    );
  });
  after(async () => {
    await site?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const name of browserNames()) {
    it(`${name}: a document signed while the page was hidden shows as signed on return`, async () => {
      sandbox.reset();
      const token = await sandbox.mintAccessToken({ orgId: DEMO_ORG_ID });
      const browser = await launch(name);
      try {
        const page = await browser.newPage();
        await page.goto(`${site.url}/index.html`);
        // Token first, then on the page: nothing goes out without it.
        await page.evaluate(
          ({ t, base, org }) => {
            const list = document.createElement('paperos-document-list') as HTMLElement & { token?: string };
            list.token = t;
            list.setAttribute('base-url', base);
            list.setAttribute('org-id', org);
            document.body.append(list);
          },
          { t: token, base: sandbox.url, org: DEMO_ORG_ID },
        );
        await page.waitFor(
          () => document.querySelector('paperos-document-list')?.shadowRoot?.querySelector('[part="sign-button"]'),
          null,
        );

        // The user clicks Sign; the link opens in another tab (window.open, recorded here).
        const signing = await page.evaluate(() => {
          const root = document.querySelector('paperos-document-list')!.shadowRoot!;
          const button = root.querySelector<HTMLButtonElement>('[part="sign-button"]')!;
          const row = button.closest<HTMLElement>('[role="treeitem"]')!;
          button.click();
          const opened = (window as unknown as { openedUrls: string[] }).openedUrls;
          const status = button.closest('[part="recipient"]')!.querySelector('[part="recipient-status"]')!;
          return {
            url: opened[0]!,
            key: row.dataset.key!,
            recipient: button.dataset.recipient!,
            before: status.textContent!.trim(),
          };
        }, null);
        assert.equal(signing.before, 'Awaiting signature');
        assert.ok(signing.url.startsWith(`${sandbox.url}/sign/`), signing.url);

        await page.evaluate(
          (state) => (window as unknown as { setVisibility(s: string): void }).setVisibility(state),
          'hidden',
        );
        // Signed in the sandbox, as the other tab would.
        const signed = await fetch(signing.url, { method: 'POST', headers: { accept: 'application/json' } });
        assert.equal(signed.status, 200);
        await page.evaluate(
          (state) => (window as unknown as { setVisibility(s: string): void }).setVisibility(state),
          'visible',
        );

        await page.waitFor(({ key, recipient }) => {
          const root = document.querySelector('paperos-document-list')!.shadowRoot!;
          const row = [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) => r.dataset.key === key);
          const item = row?.querySelectorAll('[part="recipient"]')[Number(recipient)];
          return item?.querySelector('[part="recipient-status"]')?.textContent?.trim() === 'Signed';
        }, signing);
        assert.deepEqual(page.errors, []);
      } finally {
        await browser.close();
      }
    });
  }
});
