// refresh() on the shared foundation, through a minimal element built with
// dataTask the way the real ones are: one conditional request past the page
// cache, the rows kept on screen while it runs, nothing changed on a 304.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import { PaperOSElement, defineElement } from '../../../src/elements/base/paperos-element.js';
import type { WorkflowTemplate } from '../../../src/client/types.js';
import { listWorkflowTemplates } from '../../../src/client/workflows.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt, workflowTemplatesResponse } from '../../fixtures/api-examples.js';
import { mockApiPerTest, watchLoads } from '../../helpers/per-test.js';

class TestRefreshable extends PaperOSElement {
  readonly task = this.dataTask(
    () => [this.client, this.settings.orgId] as const,
    async ([client, orgId], { signal, cache }): Promise<WorkflowTemplate[]> => {
      const org = await this.resolveOrgId(client, orgId, signal);
      return listWorkflowTemplates(client, org, { signal, cache });
    },
    (templates) => templates.length,
  );
  override render(): TemplateResult {
    const { task } = this;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    const templates = this.shown(task);
    if (!templates) return this.renderLoading();
    return litHtml`<ul>${templates.map((t) => litHtml`<li>${t.label}</li>`)}</ul>`;
  }
}
defineElement('test-paperos-refreshable', TestRefreshable);

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const TEMPLATES = `/api/v1/orgs/${ORG}/workflow-templates`;
const token = () => makeJwt({ sub: 'sub_test', exp: epochIn(3600), org_id: ORG });
const items = (el: Element) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

describe('PaperOSElement refresh()', () => {
  const api = mockApiPerTest();
  const loads = watchLoads();

  it('sends one conditional request past the page cache; a 304 changes nothing on screen', async () => {
    api.on('GET', TEMPLATES, { json: workflowTemplatesResponse, headers: { etag: '"v1"' } });
    const el = await fixture<TestRefreshable>(
      html`<test-paperos-refreshable base-url=${BASE} .token=${token()}></test-paperos-refreshable>`,
    );
    await waitUntil(() => items(el).length === 6);
    const before = el.shadowRoot!.innerHTML;
    const value = el.task.value;
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, attributes: true, characterData: true });

    const held = api.deferred();
    api.on('GET', TEMPLATES, held.handler);
    const done = el.refresh();
    const request = await held.pending;
    expect(request.headers.get('if-none-match')).to.equal('"v1"');
    await el.updateComplete;
    expect(items(el)).to.have.length(6); // the rows stay while it runs
    held.release({ status: 304 });
    await done;
    await el.updateComplete;
    watch.disconnect();

    expect(api.requestsTo('GET', TEMPLATES)).to.have.length(2);
    expect(el.task.value).to.equal(value);
    expect(changes).to.deep.equal([]);
    expect(el.shadowRoot!.innerHTML).to.equal(before);
    expect(loads.counts).to.deep.equal([6]);
  });

  it('a changed answer replaces the rows without a loading state in between', async () => {
    api.on('GET', TEMPLATES, { json: workflowTemplatesResponse, headers: { etag: '"v1"' } });
    const el = await fixture<TestRefreshable>(
      html`<test-paperos-refreshable base-url=${BASE} .token=${token()}></test-paperos-refreshable>`,
    );
    await waitUntil(() => items(el).length === 6);
    const loading: Node[] = [];
    const watch = new MutationObserver((records) =>
      records.forEach((r) => r.addedNodes.forEach((n) => n.nodeType === 1 && loading.push(n))),
    );
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    const [first, ...rest] = workflowTemplatesResponse.workflow_templates;
    api.on('GET', TEMPLATES, {
      json: { workflow_templates: [{ ...first, label: 'Renamed' }, ...rest.slice(0, 2)] },
      headers: { etag: '"v2"' },
    });
    await el.refresh();
    await el.updateComplete;
    watch.disconnect();
    expect(items(el)[0]).to.equal('Renamed');
    expect(items(el)).to.have.length(3);
    expect(loading.filter((n) => (n as Element).matches('[part="loading"]'))).to.deep.equal([]);
    expect(loads.counts).to.deep.equal([6, 3]);
  });

  it('does nothing on an element that is not on the page', async () => {
    const el = document.createElement('test-paperos-refreshable') as TestRefreshable;
    el.token = token();
    await el.refresh();
    expect(api.requests).to.have.length(0);
  });
});
