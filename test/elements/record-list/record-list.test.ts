import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/record-list/define.js';
import type { PaperOSRecordList } from '../../../src/elements/record-list/record-list.js';
import { normalizeRecordType, readableFieldName } from '../../../src/elements/record-list/record-types.js';
import { pageCache } from '../../../src/client/cache.js';
import {
  EXAMPLE_ORG_ID,
  createRecordResponse,
  epochIn,
  makeJwt,
  recordUpdateResponse,
  recordsResponse,
} from '../../fixtures/api-examples.js';
import { MockApi } from '../../helpers/mock-api.js';

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const RECORDS = `/api/v1/orgs/${ORG}/records`;
const token = () => makeJwt({ org_id: ORG, sub: 'sub_test', exp: epochIn(3600) });
const records = () => JSON.parse(JSON.stringify(recordsResponse));

async function mount(
  api: MockApi,
  reply: unknown[] | null,
  attrs: { type?: string; limit?: number; editable?: boolean; creatable?: boolean; role?: string } = {},
): Promise<PaperOSRecordList> {
  if (reply) api.on('GET', RECORDS, { json: reply });
  const el = await fixture<PaperOSRecordList>(
    html`<paperos-record-list
      base-url=${BASE}
      type=${ifDefined(attrs.type)}
      limit=${ifDefined(attrs.limit)}
      workflow-role=${ifDefined(attrs.role)}
      ?editable=${attrs.editable}
      ?creatable=${attrs.creatable}
      .token=${token()}
    ></paperos-record-list>`,
  );
  if (reply) await settled(el);
  return el;
}

const root = (el: PaperOSRecordList) => el.shadowRoot!;
const options = (el: PaperOSRecordList) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const names = (el: PaperOSRecordList) => options(el).map((o) => o.querySelector('[part="record-name"]')!.textContent);

async function settled(el: PaperOSRecordList): Promise<void> {
  await waitUntil(() => root(el).querySelector('[role="listbox"], [part~="empty"], [part~="error"]'), 'did not settle');
  await el.updateComplete;
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function select(el: PaperOSRecordList, name: string): Promise<void> {
  options(el)
    .find((o) => o.textContent!.includes(name))!
    .click();
  await el.updateComplete;
}

describe('<paperos-record-list>', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  describe('states', () => {
    it('shows a loading status while the request is in flight', async () => {
      const held = api.deferred();
      api.on('GET', RECORDS, held.handler);
      const el = await mount(api, null);
      await held.pending;
      await el.updateComplete;
      const status = root(el).querySelector('[role="status"]')!;
      expect(status.textContent).to.include('Loading records');
      await expect(el).to.be.accessible();
      held.release({ json: [] });
    });

    it('shows the empty state', async () => {
      const el = await mount(api, []);
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.include('No records yet');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a working retry', async () => {
      api.on('GET', RECORDS, { status: 403, json: { message: 'no access' } }, { times: 1 });
      const failed = oneEvent(document, 'paperos-error');
      const el = await mount(api, null);
      await settled(el);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.include('You do not have access');
      expect(alert.textContent).to.include('no access');
      expect((await failed).detail).to.deep.equal({ status: 403, code: 'forbidden', message: 'no access' });
      await expect(el).to.be.accessible();
      api.on('GET', RECORDS, { json: records() });
      root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => options(el).length === 2);
    });

    it('lists names and types, and announces the count', async () => {
      const loaded = oneEvent(document, 'paperos-load');
      const el = await mount(api, records());
      expect(names(el)).to.deep.equal(['Test 1', 'Bob the Builder']);
      expect(options(el).map((o) => o.querySelector('[part="record-type"]')!.textContent)).to.deep.equal([
        'Org',
        'Individual',
      ]);
      expect((await loaded).detail).to.deep.equal({ count: 2 });
      await expect(el).to.be.accessible();
    });
  });

  describe('type and limit', () => {
    it('sends every type as * by default', async () => {
      await mount(api, records());
      expect(api.requests[0].url.searchParams.get('type')).to.equal('*');
    });
    it('sends the slug for a slug', async () => {
      await mount(api, records(), { type: 'individual', limit: 5 });
      expect(Object.fromEntries(api.requests[0].url.searchParams)).to.deep.equal({ type: 'individual', limit: '5' });
    });
    it('sends the slug for a code', async () => {
      await mount(api, records(), { type: 'indv' });
      expect(api.requests[0].url.search).to.equal('?type=individual');
      expect(normalizeRecordType('ANN_RPT')).to.equal('annual_report');
      expect(normalizeRecordType('k')).to.equal('contract');
    });
    it('reloads when the type changes', async () => {
      const el = await mount(api, records(), { type: 'org' });
      el.type = 'eq';
      await waitUntil(() => api.requests.length === 2);
      expect(api.requests[1].url.searchParams.get('type')).to.equal('equity');
    });
  });

  it('filters by text', async () => {
    const el = await mount(api, records());
    await type(root(el).querySelector<HTMLInputElement>('[part="filter"]')!, 'BOB');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Bob the Builder']);
    await type(root(el).querySelector<HTMLInputElement>('[part="filter"]')!, 'zzz');
    await el.updateComplete;
    expect(root(el).querySelector('.no-matches')!.textContent).to.include('zzz');
  });

  describe('detail and selection', () => {
    it('shows the chosen record fields with readable names', async () => {
      const el = await mount(api, records());
      await select(el, 'Bob the Builder');
      const labels = [...root(el).querySelectorAll('[part="field-label"]')].map((d) => d.textContent);
      const values = [...root(el).querySelectorAll('[part="field-value"]')].map((d) => d.textContent);
      expect(labels).to.include('Signatory name');
      expect(labels).to.include('Employee documents list');
      expect(values).to.include('bob@bobbuild.bob');
      expect(readableFieldName('isBoardDirector')).to.equal('Is board director');
      await expect(el).to.be.accessible();
    });

    it('fires paperos-record-select with a ready workflow record', async () => {
      const el = await mount(api, records());
      const selected = oneEvent(el, 'paperos-record-select');
      await select(el, 'Test 1');
      const event = await selected;
      expect(event.detail.record.name).to.equal('Test 1');
      expect(event.detail.workflowRecord).to.deep.equal({ role: 'company', id: '5617' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('uses workflow-role when given', async () => {
      const el = await mount(api, records(), { role: 'founder' });
      const selected = oneEvent(el, 'paperos-record-select');
      await select(el, 'Bob the Builder');
      expect((await selected).detail.workflowRecord).to.deep.equal({ role: 'founder', id: '17413' });
    });

    it('moves with arrow keys and selects with Enter', async () => {
      const el = await mount(api, records());
      options(el)[0].focus();
      options(el)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
      await el.updateComplete;
      await el.updateComplete;
      expect(root(el).activeElement?.textContent).to.include('Bob the Builder');
      const selected = oneEvent(el, 'paperos-record-select');
      root(el).activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
      );
      expect((await selected).detail.record.name).to.equal('Bob the Builder');
      expect(options(el)[1].getAttribute('aria-selected')).to.equal('true');
    });
  });

  describe('editing', () => {
    async function editBob(): Promise<PaperOSRecordList> {
      const el = await mount(api, records(), { editable: true });
      await select(el, 'Bob the Builder');
      return el;
    }
    const input = (el: PaperOSRecordList, label: string) => {
      const field = [...root(el).querySelectorAll('[part="field"]')].find(
        (f) => f.querySelector('label')!.textContent === label,
      )!;
      return field.querySelector('input')!;
    };
    const saveButton = (el: PaperOSRecordList) => root(el).querySelector<HTMLButtonElement>('[part="save-button"]')!;

    it('PATCHes only the changed fields and shows what was saved', async () => {
      api.on('PATCH', `${RECORDS}/17413`, { json: recordUpdateResponse });
      const el = await editBob();
      await expect(el).to.be.accessible();
      await type(input(el, 'Title'), 'Product Manager');
      await type(input(el, 'Email'), 'john2@john.doe');
      await type(input(el, 'First name'), 'Bob'); // unchanged: not sent
      await el.updateComplete;
      const saved = oneEvent(el, 'paperos-record-save');
      saveButton(el).click();
      expect((await saved).detail).to.deep.equal({ recordId: '17413', changes: ['title', 'email'] });
      const patch = api.requestsTo('PATCH', `${RECORDS}/17413`);
      expect(patch).to.have.length(1);
      expect(patch[0].body).to.deep.equal({ fields: { title: 'Product Manager', email: 'john2@john.doe' } });
      await el.updateComplete;
      expect(root(el).querySelector('[part~="notice"]')!.textContent).to.include('Saved: Title, Email.');
      expect(input(el, 'Title').value).to.equal('Product Manager');
    });

    it('keeps the input and shows the error when a save fails', async () => {
      api.on('PATCH', `${RECORDS}/17413`, { status: 422, json: { message: 'email is invalid' } });
      const el = await editBob();
      await type(input(el, 'Email'), 'not-an-email');
      await el.updateComplete;
      const failed = oneEvent(el, 'paperos-error');
      saveButton(el).click();
      expect((await failed).detail.status).to.equal(422);
      await el.updateComplete;
      const alert = root(el).querySelector('[part~="notice"][role="alert"]')!;
      expect(alert.textContent).to.include('not saved');
      expect(alert.textContent).to.include('email is invalid');
      expect(input(el, 'Email').value).to.equal('not-an-email');
      await expect(el).to.be.accessible();
    });

    it('sends one request for a double save', async () => {
      const held = api.deferred();
      api.on('PATCH', `${RECORDS}/17413`, held.handler);
      const el = await editBob();
      await type(input(el, 'Title'), 'Boss');
      await el.updateComplete;
      saveButton(el).click();
      saveButton(el).click();
      await held.pending;
      await el.updateComplete;
      saveButton(el).click();
      root(el).querySelector('form')!.requestSubmit();
      await aTimeout(0);
      expect(api.requestsTo('PATCH', `${RECORDS}/17413`)).to.have.length(1);
      expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
      held.release({ json: { success: true, changes: ['title'], total: 1, count: 1 } });
      await waitUntil(() => root(el).querySelector('[part~="notice"]')?.textContent?.includes('Saved'));
    });
  });

  describe('creating', () => {
    it('refuses an empty record without sending anything', async () => {
      const el = await mount(api, records(), { creatable: true });
      root(el).querySelector<HTMLButtonElement>('[part="new-button"]')!.click();
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('[part="create-button"]')!.click();
      await el.updateComplete;
      expect(api.requestsTo('POST', RECORDS)).to.have.length(0);
      expect(root(el).querySelector('[part="create-form"] [role="alert"]')!.textContent).to.include(
        'needs a name or at least one field',
      );
      await expect(el).to.be.accessible();
    });

    it('POSTs a valid record and reloads the list', async () => {
      api.on('POST', RECORDS, { json: createRecordResponse });
      const el = await mount(api, records(), { creatable: true, type: 'indv' });
      root(el).querySelector<HTMLButtonElement>('[part="new-button"]')!.click();
      await el.updateComplete;
      const form = root(el).querySelector<HTMLFormElement>('[part="create-form"]')!;
      (form.elements.namedItem('name') as HTMLInputElement).value = 'Jane Doe';
      const [key, value] = [...form.querySelectorAll<HTMLInputElement>('.pair input')];
      await type(key, 'title');
      await type(value, 'master painter');
      const created = oneEvent(el, 'paperos-record-create');
      root(el).querySelector<HTMLButtonElement>('[part="create-button"]')!.click();
      expect((await created).detail).to.deep.equal({ recordId: 'rec_01hcey7qcfeeqmh1af6x3xafa2', type: 'individual' });
      expect(api.requestsTo('POST', RECORDS)[0].body).to.deep.equal({
        type: 'individual',
        name: 'Jane Doe',
        fields: { title: 'master painter' },
      });
      await waitUntil(() => api.requestsTo('GET', RECORDS).length === 2, 'the list was not reloaded');
    });
  });

  it('shows hostile names and values as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await mount(api, [{ ...records()[1], name: hostile, features: { note: hostile } }]);
    await select(el, hostile);
    expect(names(el)).to.deep.equal([hostile]);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
