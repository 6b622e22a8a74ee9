import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/record-list/define.js';
import '../../../src/elements/workflow-launcher/define.js';
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
  startWorkflowResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../../fixtures/api-examples.js';
import { MockApi, type MockReply } from '../../helpers/mock-api.js';

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
      await waitUntil(() => status.textContent!.includes('Loading records'), 'the loading label after its delay');
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

    it('Retry from the keyboard keeps the focus in the element: on the loading state, then on what loaded', async () => {
      api.on('GET', RECORDS, { status: 403, json: { message: 'no access' } }, { times: 1 });
      const el = await mount(api, null);
      await settled(el);
      const focusedPart = () => root(el).activeElement?.getAttribute('part');
      const retry = async (answer: MockReply) => {
        const held = api.deferred();
        api.on('GET', RECORDS, held.handler, { times: 1 });
        root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
        await sendKeys({ press: 'Enter' });
        await held.pending;
        await el.updateComplete;
        expect(focusedPart()).to.equal('loading');
        held.release(answer);
        await waitUntil(() => !root(el).querySelector('[part="loading"]'), 'the retry settled');
        await el.updateComplete;
      };
      await retry({ status: 403, json: { message: 'still no access' } });
      expect(focusedPart()).to.equal('retry-button');
      await retry({ json: records() });
      expect(options(el)).to.have.length(2);
      expect(focusedPart()).to.equal('filter');
    });

    it('is one Tab stop after the filter, also when the list scrolls (Firefox would stop on its scroll box)', async () => {
      const el = await mount(api, records());
      el.style.setProperty('--paperos-record-list-height', '2rem');
      const list = root(el).querySelector<HTMLElement>('[part="list"]')!;
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
      root(el).querySelector<HTMLInputElement>('[part="filter"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.getAttribute('part')).to.equal('record');
    });

    it('lists names and types, and announces the count', async () => {
      const loaded = oneEvent(document, 'paperos-load');
      const el = await mount(api, records());
      expect(names(el)).to.deep.equal(['Test 1', 'Bob the Builder']);
      expect(options(el).map((o) => o.querySelector('[part="record-type"]')!.textContent)).to.deep.equal([
        'Organization',
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
    it('labels records with the requested type and derives the workflow role from it', async () => {
      const el = await mount(api, records(), { type: 'K' });
      expect(api.requests[0].url.search).to.equal('?type=contract');
      expect(options(el).map((o) => o.querySelector('[part="record-type"]')!.textContent)).to.deep.equal([
        'Contract',
        'Contract',
      ]);
      const selected = oneEvent(el, 'paperos-record-select');
      await select(el, 'Bob the Builder');
      expect((await selected).detail.workflowRecord).to.deep.equal({ role: 'contract', id: '17413' });
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

    it('shows the saved values in the list row, the heading, the labels and the update time before any further request', async () => {
      api.on('PATCH', `${RECORDS}/17413`, {
        json: { success: true, type: '[]<string>', total: 2, changes: ['name', 'title'], count: 2 },
      });
      const el = await editBob();
      const before = api.requests.length;
      const meta = () => root(el).querySelector('.detail-meta')!.textContent!;
      expect(meta()).to.include('2023');
      await type(input(el, 'Name'), 'Bob the Builder edited');
      await type(input(el, 'Title'), 'Site manager');
      await el.updateComplete;
      expect(saveButton(el).textContent!.trim()).to.equal('Save');
      expect(saveButton(el).getAttribute('aria-label')).to.equal('Save Bob the Builder');
      const saved = oneEvent(el, 'paperos-record-save');
      saveButton(el).click();
      await saved;
      await el.updateComplete;
      // The PATCH and nothing after it.
      expect(api.requests.slice(before).map((r) => r.method)).to.deep.equal(['PATCH']);
      expect(names(el)).to.deep.equal(['Test 1', 'Bob the Builder edited']);
      expect(root(el).querySelector('.detail-title')!.textContent).to.equal('Bob the Builder edited');
      expect(root(el).querySelector('[part="detail"]')!.getAttribute('aria-label')).to.equal(
        'Fields of Bob the Builder edited',
      );
      expect(saveButton(el).textContent!.trim()).to.equal('Save');
      expect(saveButton(el).getAttribute('aria-label')).to.equal('Save Bob the Builder edited');
      expect(input(el, 'Title').value).to.equal('Site manager');
      expect(meta()).to.include(String(new Date().getFullYear()));
      expect(meta()).not.to.include('2023');
      expect(root(el).querySelector('[part~="notice"]')!.textContent).to.include('Saved: Name, Title.');
      // A later load of the same record replaces the overlay with what PaperOS sends.
      const reloaded = records();
      reloaded[1].name = 'From the server';
      api.on('GET', RECORDS, { json: reloaded });
      await el.refresh();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Test 1', 'From the server']);
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

    it('keeps what is typed while a save is in flight, and saves it next', async () => {
      const held = api.deferred();
      api.on('PATCH', `${RECORDS}/17413`, held.handler);
      const el = await editBob();
      await type(input(el, 'Title'), 'Boss');
      await el.updateComplete;
      saveButton(el).click();
      await held.pending;
      await type(input(el, 'Email'), 'boss@bobbuild.bob');
      held.release({ json: { success: true, changes: ['title'], total: 1, count: 1 } });
      await waitUntil(() => root(el).querySelector('[part~="notice"]')?.textContent?.includes('Saved: Title.'));
      expect(input(el, 'Email').value).to.equal('boss@bobbuild.bob');
      expect(input(el, 'Title').value).to.equal('Boss');
      api.on('PATCH', `${RECORDS}/17413`, { json: { success: true, changes: ['email'], total: 1, count: 1 } });
      saveButton(el).click();
      await waitUntil(() => root(el).querySelector('[part~="notice"]')?.textContent?.includes('Saved: Email.'));
      expect(api.requestsTo('PATCH', `${RECORDS}/17413`).map((r) => r.body)).to.deep.equal([
        { fields: { title: 'Boss' } },
        { fields: { email: 'boss@bobbuild.bob' } },
      ]);
    });

    it('keeps unsaved input when another record is chosen and back', async () => {
      const el = await editBob();
      await type(input(el, 'Title'), 'Chief');
      await el.updateComplete;
      await select(el, 'Test 1');
      expect(input(el, 'Name').value).to.equal('Test 1');
      await select(el, 'Bob the Builder');
      expect(input(el, 'Title').value).to.equal('Chief');
      expect(saveButton(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('says when there is nothing to save and sends nothing', async () => {
      const el = await editBob();
      await type(input(el, 'Title'), 'Boss');
      await type(input(el, 'Title'), 'master builder'); // back to the stored value
      await el.updateComplete;
      expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
      saveButton(el).click();
      await el.updateComplete;
      expect(root(el).querySelector('[part~="notice"]')!.textContent).to.include('No changes to save.');
      expect(api.requestsTo('PATCH', `${RECORDS}/17413`)).to.have.length(0);
    });

    it('shows structured values read-only instead of turning them into text', async () => {
      const list = records();
      list[1].features = { title: 'master builder', address: { city: 'Springfield' } };
      const el = await mount(api, list, { editable: true });
      await select(el, 'Bob the Builder');
      expect(root(el).querySelectorAll('[part="field-input"]')).to.have.length(1);
      const values = [...root(el).querySelectorAll('[part="field-value"]')].map((v) => v.textContent);
      expect(values).to.deep.equal(['{"city":"Springfield"}']);
      await expect(el).to.be.accessible();
    });

    it('hands the saved values to the next select listener', async () => {
      api.on('PATCH', `${RECORDS}/17413`, { json: { success: true, changes: ['title'], total: 1, count: 1 } });
      const el = await editBob();
      await type(input(el, 'Title'), 'Boss');
      await el.updateComplete;
      saveButton(el).click();
      await waitUntil(() => root(el).querySelector('[part~="notice"]')?.textContent?.includes('Saved'));
      const selected = oneEvent(el, 'paperos-record-select');
      await select(el, 'Bob the Builder');
      const { record } = (await selected).detail;
      expect(record.features.title).to.equal('Boss');
      record.features.title = 'changed by a listener';
      await el.requestUpdate();
      expect(input(el, 'Title').value).to.equal('Boss');
    });
  });

  describe('creating', () => {
    const openForm = async (el: PaperOSRecordList) => {
      root(el).querySelector<HTMLButtonElement>('[part="new-button"]')!.click();
      await el.updateComplete;
      return root(el).querySelector<HTMLFormElement>('[part="create-form"]')!;
    };

    it('refuses a field value without a field name, and says which', async () => {
      const el = await mount(api, records(), { creatable: true });
      const form = await openForm(el);
      const [key, value] = [...form.querySelectorAll<HTMLInputElement>('.pair input')];
      await type(value, 'master painter');
      root(el).querySelector<HTMLButtonElement>('[part="create-button"]')!.click();
      await waitUntil(() => root(el).activeElement === key, 'the nameless field was not focused');
      expect(api.requestsTo('POST', RECORDS)).to.have.length(0);
      expect(form.querySelector('[role="alert"]')!.textContent).to.include('Field 1 has a value but no name.');
      expect(key.getAttribute('aria-invalid')).to.equal('true');
      expect(key.getAttribute('aria-describedby')).to.equal('create-notice');
      expect(value.value).to.equal('master painter');
      await expect(el).to.be.accessible();
    });

    it('keeps the input and shows the error when a create fails', async () => {
      api.on('POST', RECORDS, { status: 422, json: { message: 'type is not allowed' } });
      const el = await mount(api, records(), { creatable: true });
      const form = await openForm(el);
      await type(form.elements.namedItem('name') as HTMLInputElement, 'Jane Doe');
      const [key, value] = [...form.querySelectorAll<HTMLInputElement>('.pair input')];
      await type(key, 'email');
      await type(value, 'jane@jane.doe');
      const failed = oneEvent(el, 'paperos-error');
      root(el).querySelector<HTMLButtonElement>('[part="create-button"]')!.click();
      expect((await failed).detail.status).to.equal(422);
      await el.updateComplete;
      expect(form.querySelector('[role="alert"]')!.textContent).to.include('type is not allowed');
      expect((form.elements.namedItem('name') as HTMLInputElement).value).to.equal('Jane Doe');
      expect([key.value, value.value]).to.deep.equal(['email', 'jane@jane.doe']);
      expect(api.requestsTo('GET', RECORDS)).to.have.length(1);
    });

    it('keeps the list and the form on screen while the list reloads after a create', async () => {
      api.on('POST', RECORDS, { json: createRecordResponse });
      const el = await mount(api, records(), { creatable: true });
      const form = await openForm(el);
      await type(form.elements.namedItem('name') as HTMLInputElement, 'Jane Doe');
      const reload = api.deferred();
      api.on('GET', RECORDS, reload.handler);
      root(el).querySelector<HTMLButtonElement>('[part="create-button"]')!.click();
      await reload.pending;
      await el.updateComplete;
      expect(root(el).querySelector('[part~="loading"]') === null, 'no loading state during the reload').to.equal(true);
      expect(root(el).querySelector('[role="listbox"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('[part="create-form"] [role="status"]')!.textContent).to.include(
        'Created Jane Doe.',
      );
      const jane = {
        ...records()[1],
        id: createRecordResponse.rec_id,
        name: 'Jane Doe',
        features: { name: 'Jane Doe' },
      };
      reload.release({ json: [...records(), jane] });
      await waitUntil(() => names(el).includes('Jane Doe'), 'the new record was not listed');
      expect(root(el).querySelector('[role="listbox"]')!.getAttribute('aria-busy')).to.equal('false');
    });
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
      const name = root(el).querySelector<HTMLInputElement>('[part="create-form"] input[name="name"]')!;
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      await waitUntil(() => root(el).activeElement === name, 'the name field was not focused');
      await expect(el).to.be.accessible();
    });

    it('Escape closes the form and gives the focus back to New record', async () => {
      const el = await mount(api, records(), { creatable: true });
      const button = root(el).querySelector<HTMLButtonElement>('[part="new-button"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      root(el).querySelector<HTMLInputElement>('[part="create-form"] input[name="name"]')!.focus();
      await sendKeys({ type: 'Jane' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelectorAll('[part="create-form"]')).to.have.length(0);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).activeElement?.getAttribute('part')).to.equal('new-button');
      expect(api.requestsTo('POST', RECORDS)).to.have.length(0);
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

  it("a chosen record's workflowRecord, handed to the launcher by the page, goes out with the start", async () => {
    const WORKFLOWS = `/api/v1/orgs/${ORG}/workflows`;
    api.on('GET', `/api/v1/orgs/${ORG}/workflow-templates`, { json: workflowTemplatesResponse });
    api.on('GET', WORKFLOWS, { json: workflowsResponse });
    api.on('POST', WORKFLOWS, { json: startWorkflowResponse });
    api.on('GET', RECORDS, { json: records() });
    const page = await fixture<HTMLElement>(
      html`<div>
        <paperos-record-list base-url=${BASE} type="indv" .token=${token()}></paperos-record-list>
        <paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>
      </div>`,
    );
    const list = page.querySelector('paperos-record-list')!;
    const launcher = page.querySelector('paperos-workflow-launcher')!;
    // The page's wiring.
    page.addEventListener('paperos-record-select', (event) => (launcher.records = [event.detail.workflowRecord]));
    await settled(list);
    const start = () =>
      launcher.shadowRoot!.querySelector<HTMLButtonElement>(
        '[part~="start-button"][aria-label="Start Onboard Employees"]',
      );
    await waitUntil(start, 'the launcher did not list its templates');
    options(list)[0].focus();
    options(list)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await list.updateComplete;
    root(list).activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    expect(launcher.records).to.deep.equal([{ role: 'individual', id: '17413' }]);
    await launcher.updateComplete;
    start()!.click();
    await waitUntil(() => api.requestsTo('POST', WORKFLOWS).length === 1, 'no start was sent');
    expect(api.requestsTo('POST', WORKFLOWS)[0].body).to.deep.equal({
      flow_id: 'flow_extg0g5yjfrtfk3e',
      records: [{ role: 'individual', id: '17413' }],
    });
  });

  it('shows hostile names and values as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await mount(api, [{ ...records()[1], name: hostile, features: { note: hostile } }]);
    await select(el, hostile);
    expect(names(el)).to.deep.equal([hostile]);
    expect(root(el).querySelector('img') === null, 'no element made from data').to.equal(true);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
