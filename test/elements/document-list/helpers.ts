import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/document-list/define.js';
import type { PaperOSDocumentList } from '../../../src/elements/document-list/document-list.js';
import type { MockApi } from '../../helpers/mock-api.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt } from '../../fixtures/api-examples.js';
import { documentsEnvelope, manyDocs } from '../../fixtures/documents.js';

export { manyDocs };
export const envelope = documentsEnvelope;

export const ORG = EXAMPLE_ORG_ID;
export const BASE = 'https://paperos.test';
export const DOCS_PATH = `/api/v1/orgs/${ORG}/documents`;

export const inSeconds = epochIn;
export const token = () => makeJwt({ org_id: ORG, sub: 'sub_test', exp: inSeconds(3600) });

/** A signed document link like the API's: a JWT with `exp` at the end of the path. */
export const signedUrl = (file: string, exp = inSeconds(900)) =>
  `${BASE}/api/public/documents/${file}/${makeJwt({ file, iat: exp - 900, exp })}`;

export interface DocInput {
  pub_id: string;
  path: string;
  filename: string;
  url?: string;
  recipients?: unknown[];
}

export const makeDoc = (d: DocInput) => ({ url: signedUrl(d.pub_id), recipients: [], ...d });

export async function mount(
  api: MockApi,
  documents: unknown[] | null,
  options: { email?: string } = {},
): Promise<PaperOSDocumentList> {
  if (documents) api.on('GET', DOCS_PATH, { json: envelope(documents) });
  const el = await fixture<PaperOSDocumentList>(
    html`<paperos-document-list
      base-url=${BASE}
      email=${ifDefined(options.email)}
      .token=${token()}
    ></paperos-document-list>`,
  );
  if (documents) await settled(el);
  return el;
}

export const root = (el: PaperOSDocumentList) => el.shadowRoot!;

export async function settled(el: PaperOSDocumentList): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('[role="tree"], [part~="empty"], [part~="error"], [part~="no-matches"]'),
    'the list did not settle',
  );
  await el.updateComplete;
}

export const treeItems = (el: PaperOSDocumentList) => [...root(el).querySelectorAll<HTMLElement>('[role="treeitem"]')];

/** Each visible row as "level:label", folders with a trailing slash. */
export const rowLabels = (el: PaperOSDocumentList) =>
  treeItems(el).map((row) => {
    const name = row.querySelector('[part~="folder-name"], [part~="filename"]')!.textContent!;
    return `${row.getAttribute('aria-level')}:${name}${row.getAttribute('part') === 'folder' ? '/' : ''}`;
  });

export const rowNamed = (el: PaperOSDocumentList, name: string) =>
  treeItems(el).find((row) => row.querySelector('[part~="folder-name"], [part~="filename"]')?.textContent === name);

/** Types into the filter field as a user would (an `input` event, no waiting). */
export function typeInto(el: PaperOSDocumentList, text: string): void {
  const input = root(el).querySelector<HTMLInputElement>('input[part="filter"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Types into the filter field and waits until the filtered rows have rendered (the element applies typing after the next paint). */
export async function typeFilter(el: PaperOSDocumentList, text: string): Promise<void> {
  typeInto(el, text);
  await waitUntil(() => el.filter === text, `the filter "${text}" was not applied`);
  await el.updateComplete;
}
