// An element follows the nearest `lang`: its strings come from the German and
// Spanish translations, its dates are formatted for that language, and a
// change of `lang` on an ancestor switches both while the element stays put.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/workflow-launcher/define.js';
import type { PaperOSWorkflowLauncher } from '../../src/elements/workflow-launcher/workflow-launcher.js';
import { pageCache } from '../../src/client/cache.js';
import {
  EXAMPLE_ORG_ID,
  epochIn,
  makeJwt,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../fixtures/api-examples.js';
import { MockApi } from '../helpers/mock-api.js';

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const token = () => makeJwt({ org_id: ORG, sub: 'sub_locale', exp: epochIn(3600) });
const CREATED = workflowsResponse.workflows[0].created_at;

const dateIn = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(CREATED));

/** What a user reads in the launcher once its data is on screen. */
function seen(el: HTMLElement) {
  const root = el.shadowRoot!;
  const text = (selector: string) =>
    [...root.querySelectorAll(selector)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
  return {
    headings: text('h3'),
    buttons: text('[part~="start-button"]'),
    filterLabel: text('label span')[0],
    status: text('[part~="workflow-status"]'),
    // the date in full, in the time's title ("2 minutes ago" is its text)
    started: [...root.querySelectorAll('[part~="workflow-time"]')].map((n) => n.getAttribute('title')),
  };
}

describe('locale: an element follows the nearest lang', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    api.on('GET', `/api/v1/orgs/${ORG}/workflow-templates`, { json: workflowTemplatesResponse });
    api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: workflowsResponse });
  });
  afterEach(() => api.restore());

  it('shows German inside lang="de", Spanish after lang becomes "es", English after "en"', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>
      </div>`,
    );
    const el = wrapper.querySelector<PaperOSWorkflowLauncher>('paperos-workflow-launcher')!;
    const count = workflowTemplatesResponse.workflow_templates.length;
    expect(count).to.be.greaterThan(0);

    await waitUntil(() => seen(el).buttons[0] === 'Starten', 'German Start buttons', { timeout: 5000 });
    expect(seen(el)).to.deep.equal({
      headings: ['Gestartete Workflows (1)', 'Workflow starten'],
      buttons: Array(count).fill('Starten'),
      filterLabel: 'Workflows suchen',
      status: ['Offen'],
      started: [dateIn('de')],
    });
    expect(dateIn('de')).to.not.equal(dateIn('en')); // the date check tells the languages apart

    wrapper.setAttribute('lang', 'es');
    await waitUntil(() => seen(el).buttons[0] === 'Iniciar', 'Spanish Start buttons', { timeout: 5000 });
    expect(seen(el)).to.deep.equal({
      headings: ['Flujos de trabajo iniciados (1)', 'Iniciar un flujo de trabajo'],
      buttons: Array(count).fill('Iniciar'),
      filterLabel: 'Buscar flujos de trabajo',
      status: ['Abierto'],
      started: [dateIn('es')],
    });

    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => seen(el).buttons[0] === 'Start', 'English Start buttons', { timeout: 5000 });
    expect(seen(el)).to.deep.equal({
      headings: ['Started workflows (1)', 'Start a workflow'],
      buttons: Array(count).fill('Start'),
      filterLabel: 'Search workflows',
      status: ['Open'],
      started: [dateIn('en')],
    });
    // The data was fetched once: switching language re-renders, it does not reload.
    expect(api.requestsTo('GET', `/api/v1/orgs/${ORG}/workflows`)).to.have.length(1);
  });

  it('a regional tag uses its language: lang="de-AT" shows the German strings', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de-AT">
        <paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>
      </div>`,
    );
    const el = wrapper.querySelector<PaperOSWorkflowLauncher>('paperos-workflow-launcher')!;
    await waitUntil(() => seen(el).headings.length === 2 && seen(el).buttons[0] === 'Starten', 'German', {
      timeout: 5000,
    });
    expect(seen(el).headings).to.deep.equal(['Gestartete Workflows (1)', 'Workflow starten']);
    expect(seen(el).started).to.deep.equal([dateIn('de-AT')]);
  });
});
