// Links the URL policy refuses, as a user and a developer see them: the name
// without a link and a muted "link unavailable" note, an accessible description
// saying why, and one console warning per page load naming the policy and the
// refused origin, never the link's path, query or token. Its own file: the
// warning is once per page load, and each test file is one.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { pageCache } from '../../../src/client/cache.js';
import { refusedTarget } from '../../../src/elements/base/link-refused.js';
import type { PaperOSDocumentList } from '../../../src/elements/document-list/document-list.js';
import { MockApi } from '../../helpers/mock-api.js';
import { BASE, DOCS_PATH, envelope, makeDoc, mount, root, rowNamed, settled, token } from './helpers.js';

const SECRET = 'eyJhbGciOiJFUzI1NiJ9.c2VjcmV0.c2ln';
const LOCAL_FILE = `http://127.0.0.1:4010/api/public/documents/42/${SECRET}?download=secret-query`;
const LOCAL_SIGN = `http://127.0.0.1:4010/sign/rcp_1/${SECRET}?as=secret-query`;

const docs = () => [
  makeDoc({
    pub_id: 'doc_local',
    path: '/Board',
    filename: 'Consent.pdf',
    url: LOCAL_FILE,
    recipients: [{ name: 'Ann Lee', email: 'ann@example.com', status: 'pending', sign_url: LOCAL_SIGN }],
  }),
  makeDoc({ pub_id: 'doc_js', path: '/Board', filename: 'evil.pdf', url: 'javascript:alert(document.cookie)' }),
  makeDoc({ pub_id: 'doc_ok', path: '/Board', filename: 'Bylaws.pdf' }),
  makeDoc({ pub_id: 'doc_none', path: '/Board', filename: 'Draft.pdf', url: '' }),
];

/** The text of the element an `aria-describedby` names, inside the same shadow root. */
function description(el: PaperOSDocumentList, owner: Element): string {
  const id = owner.getAttribute('aria-describedby');
  expect(id, 'aria-describedby').to.be.a('string');
  return root(el).getElementById(id!)!.textContent!.trim();
}

describe('<paperos-document-list>: links the URL policy refuses', () => {
  let api: MockApi;
  const warnings: string[] = [];
  const warn = console.warn;

  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    api.restore();
    console.warn = warn;
  });

  it('show a note and a description, and warn once per page without the URL', async () => {
    const el = await mount(api, docs());
    // the note's module loads with the first refused link
    await waitUntil(() => root(el).querySelectorAll('[part~="link-unavailable"]').length === 3, 'the notes');

    const local = rowNamed(el, 'Consent.pdf')!;
    expect(local.querySelector('[part~="filename"]')!.localName, 'the name without a link').to.equal('span');
    expect(local.querySelector('[part~="link-unavailable"]')!.textContent!.trim()).to.equal('link unavailable');
    const why = description(el, local);
    expect(why).to.contain('http://127.0.0.1:4010');
    expect(why).to.match(/https/);
    expect(why).not.to.contain(SECRET);

    const signer = local.querySelector('[part="recipient"]')!;
    expect(signer.querySelector('[part~="sign-button"]'), 'no Sign button').to.equal(null);
    expect(signer.querySelector('[part~="link-unavailable"]')!.textContent!.trim()).to.equal('link unavailable');
    expect(description(el, signer)).to.contain('http://127.0.0.1:4010');

    const evil = rowNamed(el, 'evil.pdf')!;
    expect(evil.querySelector('[part~="link-unavailable"]')).not.to.equal(null);
    expect(description(el, evil)).to.contain('javascript:').and.not.contain('cookie');

    // a link that passes, and a document with no link at all, carry no note
    for (const name of ['Bylaws.pdf', 'Draft.pdf']) {
      const row = rowNamed(el, name)!;
      expect(row.querySelector('[part~="link-unavailable"]'), name).to.equal(null);
      expect(row.hasAttribute('aria-describedby'), name).to.equal(false);
    }
    expect([...root(el).querySelectorAll('[href]')].map((a) => a.getAttribute('href'))).to.have.length(1);
    await expect(el).to.be.accessible();

    // A second list on the page, every row rendered again in another order: still the one warning.
    api.on('GET', DOCS_PATH, { json: envelope(docs()) });
    const second = await fixture<PaperOSDocumentList>(
      html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
    );
    await settled(second);
    el.sort = 'name';
    await el.updateComplete;
    expect(warnings, warnings.join('\n')).to.have.length(1);
    const [warning] = warnings;
    expect(warning).to.match(/URL policy/);
    expect(warning).to.contain('http://127.0.0.1:4010');
    for (const leak of [SECRET, 'secret-query', '/api/public', '/sign/', '?']) expect(warning).not.to.contain(leak);

    // the note follows the language
    el.setAttribute('lang', 'de');
    await waitUntil(
      () => local.querySelector('[part~="link-unavailable"]')?.textContent?.trim() === 'Link nicht verfügbar',
      'the German note',
    );
    expect(description(el, rowNamed(el, 'Consent.pdf')!)).to.match(/^Link nicht verfügbar: Er führt zu http:\/\/127/);
    el.removeAttribute('lang');
  });

  it('name only where a link pointed: an origin, a scheme, never a path, query or credentials', () => {
    expect(refusedTarget(LOCAL_FILE, BASE)).to.equal('http://127.0.0.1:4010');
    expect(refusedTarget('http://user:pw@files.test:8080/x?token=1#y', BASE)).to.equal('http://files.test:8080');
    expect(refusedTarget(' \tJaVaScRiPt:alert(1)', BASE)).to.equal('javascript:');
    expect(refusedTarget('data:text/html,<script>alert(1)</script>', BASE)).to.equal('data:');
    expect(refusedTarget('//evil.test/steal?c=1', BASE)).to.equal('https://evil.test');
    expect(refusedTarget('http://[::1', BASE)).not.to.contain('::1');
  });
});
