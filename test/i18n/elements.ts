/**
 * Each element in each of its states, as a table: how the API answers, how to
 * tell the state is on screen, and what a person does to reach it. The
 * language and line-break tests walk this table; an element or a state is one
 * more entry.
 */
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/document-list/define.js';
import { currentLocale } from '../../src/i18n/localization.js';
import '../../src/elements/record-list/define.js';
import '../../src/elements/workflow-launcher/define.js';
import { readableFieldName } from '../../src/elements/record-list/record-types.js';
import { BASE, DOCS_PATH, envelope, makeDoc, token } from '../elements/document-list/helpers.js';
import {
  EXAMPLE_ORG_ID,
  createRecordResponse,
  recordsResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../fixtures/api-examples.js';
import type { MockApi } from '../helpers/mock-api.js';

const RECORDS = `/api/v1/orgs/${EXAMPLE_ORG_ID}/records`;
const TEMPLATES = `/api/v1/orgs/${EXAMPLE_ORG_ID}/workflow-templates`;
const WORKFLOWS = `/api/v1/orgs/${EXAMPLE_ORG_ID}/workflows`;

export interface Scene {
  state: string;
  /** Sets up the API's answers; returns them, as the organization's data that is never translated. */
  arrange(api: MockApi): unknown[];
  /** True once the state is on screen. */
  ready(root: ShadowRoot): boolean;
  /** What a person does once it is (select a row, save, create), waiting for the outcome. */
  act?(el: HTMLElement, api: MockApi): Promise<void>;
}

/** An element as the tests hold it: it can be waited on to render. */
export type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** Waits for the page's element strings to be in `lang` and the element to have painted them. */
export async function shownIn(el: Updating, lang: string): Promise<void> {
  await waitUntil(() => currentLocale() === lang, `the ${lang} strings did not load`, { timeout: 5000 });
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  await nextFrame();
}

export interface ElementCase {
  name: string;
  render(): TemplateResult;
  scenes: Scene[];
}

const has = (root: ShadowRoot, selector: string) => root.querySelector(selector) !== null;
const shadow = (el: HTMLElement) => el.shadowRoot!;
const click = (el: HTMLElement, selector: string) => shadow(el).querySelector<HTMLElement>(selector)!.click();
const until = (el: HTMLElement, selector: string, what: string) =>
  waitUntil(() => has(shadow(el), selector), what, { timeout: 5000 });

/** Types into a field as a person does: the value, then an input event. */
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The loading state with its label shown: the request is held until the test ends. */
function loading(path: string): Scene {
  return {
    state: 'loading',
    arrange(api) {
      api.on('GET', path, api.deferred().handler);
      return [];
    },
    ready: (root) => /\p{L}/u.test(root.querySelector('[part~="loading"]')?.textContent ?? ''),
  };
}

/** A server error with PaperOS's message, which the error state shows as its detail. */
function failing(path: string): Scene {
  const body = { success: false, message: 'Internal server error' };
  return {
    state: 'error',
    arrange(api) {
      api.on('GET', path, { status: 500, json: body });
      return [body];
    },
    ready: (root) => has(root, '[part~="error"]'),
  };
}

const records = () => JSON.parse(JSON.stringify(recordsResponse)) as unknown[];
/**
 * Fields of the example records that are the organization's own, not PaperOS's:
 * their names are data, shown as readable words (record-types.ts, fieldLabel).
 */
const orgFieldNames = ['employee_documents_list', 'upload_or_generate'].map(readableFieldName);

const documents = () => [
  makeDoc({
    pub_id: 'doc_board',
    path: '/Board/Minutes',
    filename: 'Board consent.pdf',
    recipients: [
      { name: 'Ann Lee', email: 'ann@example.com', status: 'pending', sign_url: `${BASE}/sign/ann` },
      { name: 'Bo Li', email: 'bo@example.com', status: 'signed', sign_url: null },
      { name: 'Cy Ng', email: 'cy@example.com', status: 'viewed', sign_url: null },
      { name: 'Di Ox', email: 'di@example.com', status: 'declined', sign_url: null },
    ],
  }),
  makeDoc({ pub_id: 'doc_cap', path: '/Board', filename: 'Cap table.xlsx' }),
  makeDoc({ pub_id: 'doc_root', path: '/', filename: 'Welcome' }),
];

export const documentList: ElementCase = {
  name: 'document list',
  render: () => html`<paperos-document-list base-url=${BASE} .token=${token()}></paperos-document-list>`,
  scenes: [
    loading(DOCS_PATH),
    {
      state: 'empty',
      arrange(api) {
        api.on('GET', DOCS_PATH, { json: envelope([]) });
        return [];
      },
      ready: (root) => has(root, '[part~="empty"]'),
    },
    failing(DOCS_PATH),
    {
      state: 'populated',
      arrange(api) {
        const body = envelope(documents());
        api.on('GET', DOCS_PATH, { json: body });
        return [body];
      },
      ready: (root) => has(root, '[part~="sign-button"]'),
    },
  ],
};

export const recordList: ElementCase = {
  name: 'record list',
  render: () => html`<paperos-record-list base-url=${BASE} editable creatable .token=${token()}></paperos-record-list>`,
  scenes: [
    loading(RECORDS),
    {
      state: 'empty',
      arrange(api) {
        api.on('GET', RECORDS, { json: [] });
        return [];
      },
      ready: (root) => has(root, '[part~="empty"]'),
    },
    failing(RECORDS),
    {
      state: 'populated, a record open',
      arrange(api) {
        const body = records();
        api.on('GET', RECORDS, { json: body });
        return [body, orgFieldNames];
      },
      ready: (root) => has(root, '[role="option"]'),
      async act(el) {
        shadow(el).querySelectorAll<HTMLElement>('[role="option"]')[1].click();
        await until(el, '[part="save-button"]', 'the record did not open');
      },
    },
    {
      state: 'a save notice on screen',
      arrange(api) {
        const body = records();
        api.on('GET', RECORDS, { json: body });
        api.on('PATCH', `${RECORDS}/17413`, {
          json: { success: true, type: '[]<string>', total: 1, changes: ['title'], count: 1 },
        });
        return [body, orgFieldNames, 'Site manager'];
      },
      ready: (root) => has(root, '[role="option"]'),
      async act(el) {
        shadow(el).querySelectorAll<HTMLElement>('[role="option"]')[1].click();
        await until(el, '[part="save-button"]', 'the record did not open');
        const title = [...shadow(el).querySelectorAll('[part="field"]')]
          .find((field) => field.querySelector('label')?.textContent === 'Title')!
          .querySelector('input')!;
        type(title, 'Site manager');
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        click(el, '[part="save-button"]');
        await waitUntil(
          () => shadow(el).querySelector('[part~="notice"]')?.textContent?.includes('Saved'),
          'no notice',
        );
      },
    },
    {
      state: 'the create form with a created notice',
      arrange(api) {
        const body = records();
        api.on('GET', RECORDS, { json: body });
        api.on('POST', RECORDS, { json: createRecordResponse });
        return [body, orgFieldNames, createRecordResponse, 'Ada Lovelace'];
      },
      ready: (root) => has(root, '[part="new-button"]'),
      async act(el, api) {
        click(el, '[part="new-button"]');
        await until(el, '[part="create-form"]', 'the create form did not open');
        type(shadow(el).querySelector<HTMLInputElement>('[part="create-form"] input[name="name"]')!, 'Ada Lovelace');
        // The list loads again after a create: it stays pending, so the form and its notice stay as they are.
        api.on('GET', RECORDS, api.deferred().handler);
        click(el, '[part="create-button"]');
        await waitUntil(
          () => shadow(el).querySelector('[part="create-form"] [role="status"]')?.textContent?.includes('Created'),
          'no created notice',
        );
      },
    },
  ],
};

export const workflowLauncher: ElementCase = {
  name: 'workflow launcher',
  render: () => html`<paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>`,
  scenes: [
    {
      ...loading(TEMPLATES),
      arrange(api) {
        api.on('GET', TEMPLATES, api.deferred().handler);
        api.on('GET', WORKFLOWS, api.deferred().handler);
        return [];
      },
    },
    {
      state: 'empty',
      arrange(api) {
        const templates = { ...workflowTemplatesResponse, count: 0, total: 0, workflow_templates: [] };
        const workflows = { ...workflowsResponse, count: 0, total: 0, workflows: [] };
        api.on('GET', TEMPLATES, { json: templates });
        api.on('GET', WORKFLOWS, { json: workflows });
        return [templates, workflows];
      },
      ready: (root) => has(root, '[part~="empty"]'),
    },
    {
      ...failing(TEMPLATES),
      arrange(api) {
        const body = { success: false, message: 'Internal server error' };
        api.on('GET', TEMPLATES, { status: 500, json: body });
        api.on('GET', WORKFLOWS, { json: workflowsResponse });
        return [body, workflowsResponse];
      },
    },
    {
      state: 'populated, with a started workflow',
      arrange(api) {
        api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
        api.on('GET', WORKFLOWS, { json: workflowsResponse });
        return [workflowTemplatesResponse, workflowsResponse];
      },
      ready: (root) => has(root, '[part~="start-button"]') && has(root, '[part~="workflow"]'),
    },
  ],
};

/**
 * Puts an element in a scene's state inside a `<div lang="en">` (of the given
 * inline size), as a person would reach it; returns the wrapper whose `lang`
 * the test changes and the API's answers.
 */
export async function mountScene(
  element: ElementCase,
  scene: Scene,
  api: MockApi,
  inlineSize = 'auto',
): Promise<{ wrapper: HTMLDivElement; el: Updating; answers: unknown[] }> {
  const answers = scene.arrange(api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en" style="inline-size: ${inlineSize}">${element.render()}</div>`,
  );
  const el = wrapper.firstElementChild as Updating;
  await waitUntil(() => scene.ready(el.shadowRoot!), `the ${scene.state} state did not show`, { timeout: 5000 });
  await scene.act?.(el, api);
  await shownIn(el, 'en');
  return { wrapper, el, answers };
}

/** Every element the language and line-break tests cover. */
export const ELEMENTS: ElementCase[] = [documentList, recordList, workflowLauncher];
