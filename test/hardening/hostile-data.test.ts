// Hostile strings and URLs in every displayed field: the rendered text equals
// the input, no element, attribute or script comes from it, nothing runs, and
// no refused URL becomes a link. Each test reports how many cases it tried.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/document-list/define.js';
import '../../src/elements/record-list/define.js';
import '../../src/elements/workflow-launcher/define.js';
import type { PaperOSDocumentList } from '../../src/elements/document-list/document-list.js';
import type { PaperOSRecordList } from '../../src/elements/record-list/record-list.js';
import { pageCache } from '../../src/client/cache.js';
import { safeHref } from '../../src/client/url-policy.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt } from '../fixtures/api-examples.js';
import { naughtyStrings } from '../fixtures/vendor/blns/naughty-strings.js';
import { hostileUrls, owaspXssVectors } from '../fixtures/vendor/owasp-xss.js';
import { MockApi } from '../helpers/mock-api.js';

const BASE = 'https://paperos.test';
const ORG = EXAMPLE_ORG_ID;
const DOCS = `/api/v1/orgs/${ORG}/documents`;
const RECORDS = `/api/v1/orgs/${ORG}/records`;
const token = () => makeJwt({ org_id: ORG, sub: 'sub_hostile', exp: epochIn(3600) });

/** Every hostile string: the OWASP vectors and the vendored naughty-string sections. */
const HOSTILE: string[] = [...new Set([...owaspXssVectors, ...Object.values(naughtyStrings).flat()])].filter(
  (s) => s.trim() !== '',
);
const BATCH = 40;
// Built once, outside any test's time limit: fast-check takes a few seconds to
// construct a string arbitrary over every UTF-16 code unit, in every engine.
const anyNames = fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 8 });
const batches = (list: string[]) =>
  Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));

/** Elements an element of ours never renders, so finding one means a string became markup. */
const FOREIGN =
  'script, img, iframe, svg, math, object, embed, style, link, meta, base, frame, frameset, table, xss, body, template, details';

interface Watch {
  alerts: unknown[];
  restore(): void;
}

/** Records any call of the functions the vectors try to run. */
function watchExecution(): Watch {
  const alerts: unknown[] = [];
  const original = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
  window.alert = (m?: unknown) => void alerts.push(m);
  window.confirm = (m?: unknown) => (alerts.push(m), false);
  window.prompt = (m?: unknown) => (alerts.push(m), null);
  return {
    alerts,
    restore: () => Object.assign(window, original),
  };
}

function assertNoMarkup(root: ShadowRoot, inputs: string[]): void {
  expect(root.querySelectorAll(FOREIGN).length, 'no element made from data').to.equal(0);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `no handler attribute ${attribute}`).to.equal(false);
      const value = element.getAttribute(attribute) ?? '';
      if (attribute === 'href') expect(/^\s*(javascript|data|vbscript):/i.test(value)).to.equal(false);
    }
  }
  void inputs;
}

describe('hostile data', () => {
  let api: MockApi;
  let watch: Watch;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    watch = watchExecution();
  });
  afterEach(async () => {
    // give any injected handler a chance to fire before judging
    await new Promise((resolve) => setTimeout(resolve, 20));
    watch.restore();
    api.restore();
    expect(watch.alerts, 'nothing executed').to.deep.equal([]);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('document list: filenames, folder names and recipient names render as exact text', async () => {
    let cases = 0;
    for (const batch of batches(HOSTILE)) {
      pageCache.clear();
      const documents = batch.map((s, i) => ({
        pub_id: `doc_${i}`,
        path: '/Hostile',
        filename: s,
        url: `${BASE}/api/public/documents/${i}/x`,
        recipients: [{ name: s, email: `r${i}@example.com`, status: s, sign_url: null }],
      }));
      api.on('GET', DOCS, { json: { documents } });
      const el = await fixture<PaperOSDocumentList>(
        html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[role="tree"]'), 'tree');
      await el.updateComplete;
      const root = el.shadowRoot!;
      const filenames = [...root.querySelectorAll('[part~="filename"]')].map((n) => n.textContent);
      const recipients = [...root.querySelectorAll('[part~="recipient-name"]')].map((n) => n.textContent);
      for (const s of batch) {
        expect(filenames, JSON.stringify(s)).to.include(s);
        expect(recipients, JSON.stringify(s)).to.include(s);
      }
      assertNoMarkup(root, batch);
      el.remove();
      cases += batch.length;
    }
    console.log(`[hostile] document list: ${cases} strings x (filename, recipient name, status)`);
  });

  it('document list: hostile folder paths become folders, as text', async () => {
    let cases = 0;
    const segments = HOSTILE.filter((s) => !s.includes('/') && s.trim() === s && s.length < 200).slice(0, 120);
    for (const batch of batches(segments)) {
      pageCache.clear();
      const documents = batch.map((s, i) => ({
        pub_id: `doc_${i}`,
        path: `/${s}`,
        filename: `f${i}.pdf`,
        url: `${BASE}/d/${i}`,
        recipients: [],
      }));
      api.on('GET', DOCS, { json: { documents } });
      const el = await fixture<PaperOSDocumentList>(
        html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[role="tree"]'), 'tree');
      const folders = [...el.shadowRoot!.querySelectorAll('[part~="folder-name"]')].map((n) => n.textContent);
      for (const s of batch) expect(folders, JSON.stringify(s)).to.include(s);
      assertNoMarkup(el.shadowRoot!, batch);
      el.remove();
      cases += batch.length;
    }
    console.log(`[hostile] document list paths: ${cases} strings`);
  });

  it('workflow launcher: labels, descriptions, workflow labels and statuses render as text', async () => {
    let cases = 0;
    for (const batch of batches(HOSTILE)) {
      pageCache.clear();
      const templates = batch.map((s, i) => ({ id: `flow_${i}`, label: s, description: s }));
      const workflows = batch.map((s, i) => ({
        id: `work_${i}`,
        label: s,
        template_id: `flow_${i}`,
        status: s,
        updated_at: s,
      }));
      api.on('GET', `/api/v1/orgs/${ORG}/workflow-templates`, { json: { workflow_templates: templates } });
      api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: { workflows } });
      const el = await fixture<HTMLElement>(
        html`<paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="templates"]'), 'templates');
      const root = el.shadowRoot!;
      const text = (part: string) => [...root.querySelectorAll(`[part~="${part}"]`)].map((n) => n.textContent);
      for (const s of batch) {
        expect(text('template-label'), JSON.stringify(s)).to.include(s);
        expect(text('template-description'), JSON.stringify(s)).to.include(s);
        expect(text('workflow-status'), JSON.stringify(s)).to.include(s);
      }
      assertNoMarkup(root, batch);
      el.remove();
      cases += batch.length;
    }
    console.log(`[hostile] workflow launcher: ${cases} strings x (label, description, workflow label, status, date)`);
  });

  it('record list: names, field values and field names render as text', async () => {
    let cases = 0;
    for (const batch of batches(HOSTILE)) {
      pageCache.clear();
      const records = batch.map((s, i) => ({
        id: i + 1,
        name: s,
        resource_type_id: 1,
        account_id: 97,
        created_at: '2023-09-22T19:50:13.000Z',
        updated_at: s,
        finalized: 0,
        archived: 0,
        is_draft: 0,
        features: Object.fromEntries(batch.map((v, j) => [`${v}_${j}`, v])),
      }));
      api.on('GET', RECORDS, { json: records });
      const el = await fixture<PaperOSRecordList>(
        html`<paperos-record-list base-url=${BASE} .token=${token()}></paperos-record-list>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[role="listbox"]'), 'list');
      const root = el.shadowRoot!;
      const names = [...root.querySelectorAll('[part~="record-name"]')].map((n) => n.textContent);
      for (const s of batch) expect(names, JSON.stringify(s)).to.include(s);
      (root.querySelector('[role="option"]') as HTMLElement).click();
      await el.updateComplete;
      const values = [...root.querySelectorAll('[part~="field-value"]')].map((n) => n.textContent);
      for (const s of batch) expect(values, JSON.stringify(s)).to.include(s);
      assertNoMarkup(root, batch);
      el.remove();
      cases += batch.length;
    }
    console.log(`[hostile] record list: ${cases} strings x (name, field name, field value, date)`);
  });

  it('error messages from the server render as text', async () => {
    let cases = 0;
    for (const s of HOSTILE.slice(0, 80)) {
      pageCache.clear();
      api.on('GET', DOCS, { status: 404, json: { success: false, message: s } });
      const el = await fixture<PaperOSDocumentList>(
        html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'alert');
      const detail = el.shadowRoot!.querySelector('.error-detail')?.textContent ?? '';
      expect(detail, JSON.stringify(s)).to.equal(s);
      assertNoMarkup(el.shadowRoot!, [s]);
      el.remove();
      cases++;
    }
    console.log(`[hostile] error messages: ${cases} strings`);
  });

  it('random strings (fast-check) render as exact text', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(anyNames, async (names) => {
        runs++;
        pageCache.clear();
        api.on('GET', DOCS, {
          json: {
            documents: names.map((s, i) => ({
              pub_id: `d${i}`,
              path: '/R',
              filename: s,
              url: `${BASE}/d/${i}`,
              recipients: [],
            })),
          },
        });
        const el = await fixture<PaperOSDocumentList>(
          html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
        );
        // polled closely: sixty mounts at the default 50 ms would take most of the test's time
        await waitUntil(() => el.shadowRoot!.querySelector('[role="tree"], [part~="empty"]'), 'settled', {
          interval: 5,
        });
        const shown = [...el.shadowRoot!.querySelectorAll('[part~="filename"]')].map((n) => n.textContent);
        el.remove();
        expect(shown.slice().sort()).to.deep.equal(names.slice().sort());
      }),
      { numRuns: 60 },
    );
    console.log(`[hostile] fast-check strings: ${runs} runs`);
  });

  it('no hostile URL becomes a link or is opened; https links still work', async () => {
    const opened: unknown[] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => (opened.push(args), null);
    try {
      const documents = hostileUrls.map((url, i) => ({
        pub_id: `doc_${i}`,
        path: '/Links',
        filename: `file ${i}.pdf`,
        url,
        recipients: [{ name: `Signer ${i}`, email: `s${i}@example.com`, status: 'pending', sign_url: url }],
      }));
      documents.push({
        pub_id: 'doc_ok',
        path: '/Links',
        filename: 'good.pdf',
        url: 'https://files.example.com/good.pdf',
        recipients: [
          { name: 'Good Signer', email: 'g@example.com', status: 'pending', sign_url: 'https://sign.example.com/x' },
        ],
      });
      api.on('GET', DOCS, { json: { documents } });
      const el = await fixture<PaperOSDocumentList>(
        html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[role="tree"]'), 'tree');
      const root = el.shadowRoot!;
      const hrefs = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['https://files.example.com/good.pdf']);
      // only the good recipient can sign
      const signButtons = [...root.querySelectorAll<HTMLButtonElement>('[part~="sign-button"]')];
      expect(signButtons).to.have.length(1);
      signButtons[0].click();
      expect(opened).to.deep.equal([['https://sign.example.com/x', '_blank', 'noopener,noreferrer']]);
      console.log(`[hostile] URLs: ${hostileUrls.length} refused as document and signing links`);
    } finally {
      window.open = open;
    }
  });

  it('URL policy invariant (fast-check): an href is always https or same-origin http(s)', () => {
    let runs = 0;
    const scheme = fc.constantFrom(
      'javascript:',
      'JaVaScRiPt:',
      'data:',
      'vbscript:',
      'http:',
      'https:',
      'ftp:',
      'file:',
      '',
      '//',
      '\\\\',
      'blob:',
    );
    const junk = fc.string({
      unit: fc.constantFrom('\t', '\n', '\r', '\u0000', ' ', '\u001f', 'a', '/', ':', '.', '@', '%', '#'),
    });
    fc.assert(
      fc.property(junk, scheme, junk, fc.webUrl(), (before, prefix, middle, url) => {
        runs++;
        const candidate = `${before}${prefix}${middle}${url.replace(/^https?:\/\//, '')}`;
        const href = safeHref(candidate, BASE);
        if (href === null) return;
        const parsed = new URL(href);
        const ok = parsed.protocol === 'https:' || parsed.origin === BASE;
        expect(ok, `${JSON.stringify(candidate)} -> ${href}`).to.equal(true);
        expect(parsed.username + parsed.password).to.equal('');
      }),
      { numRuns: 2000 },
    );
    for (const url of hostileUrls) expect(safeHref(url, BASE), JSON.stringify(url)).to.equal(null);
    console.log(`[hostile] URL policy property: ${runs} random URLs, ${hostileUrls.length} fixed`);
  });
});
