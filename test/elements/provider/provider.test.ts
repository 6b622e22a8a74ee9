import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/workflow-launcher/define.js';
import { PaperOSProvider } from '../../../src/elements/provider/provider.js';
import type { PaperOSWorkflowLauncher } from '../../../src/elements/workflow-launcher/workflow-launcher.js';
import { pageCache } from '../../../src/client/cache.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt } from '../../fixtures/api-examples.js';
import { MockApi } from '../../helpers/mock-api.js';

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const token = (org = ORG, sub = 'sub_test') => makeJwt({ org_id: org, sub, exp: epochIn(3600) });

/** Answers the launcher's two lists for `org` on any origin; templates are labelled with the org so a test sees whose data shows. */
function serve(api: MockApi, org: string, label = org): void {
  api.on('GET', `/api/v1/orgs/${org}/workflow-templates`, {
    json: { workflow_templates: [{ id: `flow_${org}`, label: `Flow of ${label}`, description: '' }] },
  });
  api.on('GET', `/api/v1/orgs/${org}/workflows`, { json: { workflows: [] } });
}

const labels = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="template-label"]')].map((n) => n.textContent);
const templateRequests = (api: MockApi) => api.requests.filter((r) => r.path.endsWith('/workflow-templates'));

/** An element of the host page that puts a launcher inside its own shadow root. */
class ShadowWrapper extends LitElement {
  override render() {
    return html`<div><paperos-workflow-launcher></paperos-workflow-launcher></div>`;
  }
}
customElements.define('test-shadow-wrapper', ShadowWrapper);

describe('<paperos-provider>', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  it('hands its settings to elements at any depth, through shadow roots, and renders no box', async () => {
    serve(api, ORG, 'example org');
    const secret = token();
    const provider = await fixture<PaperOSProvider>(
      html`<paperos-provider base-url=${BASE} .token=${secret}>
        <section>
          <div><paperos-workflow-launcher id="deep"></paperos-workflow-launcher></div>
        </section>
        <test-shadow-wrapper></test-shadow-wrapper>
      </paperos-provider>`,
    );
    const deep = provider.querySelector('#deep')!;
    const shadowed = provider
      .querySelector('test-shadow-wrapper')!
      .shadowRoot!.querySelector('paperos-workflow-launcher')!;
    await waitUntil(() => labels(deep).length === 1 && labels(shadowed).length === 1, 'both launchers loaded');
    expect(labels(deep)).to.deep.equal(['Flow of example org']);
    expect(labels(shadowed)).to.deep.equal(['Flow of example org']);
    // Both asked the provider's base URL, with the provider's token, and shared one request.
    expect(templateRequests(api).map((r) => r.url.href)).to.deep.equal([
      `${BASE}/api/v1/orgs/${ORG}/workflow-templates`,
    ]);
    expect(templateRequests(api)[0].headers.get('authorization')).to.equal(`Bearer ${secret}`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.hasAttribute('token')).to.equal(false);
    expect(provider.outerHTML).not.to.include(secret);
  });

  it("follows changes to the provider's attributes", async () => {
    serve(api, ORG);
    serve(api, 'org_two');
    const provider = await fixture<PaperOSProvider>(
      html`<paperos-provider base-url=${BASE} org-id=${ORG} .token=${token()}>
        <paperos-workflow-launcher></paperos-workflow-launcher>
      </paperos-provider>`,
    );
    const launcher = provider.querySelector('paperos-workflow-launcher')!;
    await waitUntil(() => labels(launcher).join() === `Flow of ${ORG}`);

    provider.setAttribute('org-id', 'org_two');
    await waitUntil(() => labels(launcher).join() === 'Flow of org_two', 'followed org-id');

    provider.setAttribute('base-url', 'https://eu.paperos.test');
    await waitUntil(() => templateRequests(api).length === 3, 'loaded again from the new base URL');
    expect(templateRequests(api).map((r) => r.url.href)).to.deep.equal([
      `${BASE}/api/v1/orgs/${ORG}/workflow-templates`,
      `${BASE}/api/v1/orgs/org_two/workflow-templates`,
      'https://eu.paperos.test/api/v1/orgs/org_two/workflow-templates',
    ]);
    // The element itself never took the provider's values as its own attributes.
    expect(launcher.hasAttribute('org-id')).to.equal(false);
    expect(launcher.hasAttribute('base-url')).to.equal(false);
  });

  it('a new token on the provider is the one the elements send (org from its claim)', async () => {
    serve(api, ORG);
    serve(api, 'org_from_new_token');
    const provider = await fixture<PaperOSProvider>(
      html`<paperos-provider base-url=${BASE} .token=${token()}>
        <paperos-workflow-launcher></paperos-workflow-launcher>
      </paperos-provider>`,
    );
    const launcher = provider.querySelector('paperos-workflow-launcher')!;
    await waitUntil(() => labels(launcher).join() === `Flow of ${ORG}`);
    const next = token('org_from_new_token', 'sub_other');
    provider.token = next;
    await waitUntil(() => labels(launcher).join() === 'Flow of org_from_new_token', 'followed the token');
    const last = templateRequests(api).at(-1)!;
    expect(last.headers.get('authorization')).to.equal(`Bearer ${next}`);
  });

  it('fetches the token from its token-url once for every element inside', async () => {
    serve(api, ORG);
    let tokenCalls = 0;
    api.on('POST', '/host/paperos-token', () => {
      tokenCalls++;
      return { json: { access_token: token() } };
    });
    const provider = await fixture<PaperOSProvider>(
      html`<paperos-provider base-url=${BASE} token-url="/host/paperos-token">
        <paperos-workflow-launcher></paperos-workflow-launcher>
        <paperos-workflow-launcher></paperos-workflow-launcher>
      </paperos-provider>`,
    );
    const [a, b] = provider.querySelectorAll('paperos-workflow-launcher');
    await waitUntil(() => labels(a).length === 1 && labels(b).length === 1);
    expect(tokenCalls).to.equal(1);
    const tokenRequest = api.requestsTo('POST', '/host/paperos-token')[0];
    expect(tokenRequest.url.origin).to.equal(location.origin);
    expect(templateRequests(api)).to.have.length(1);
  });

  it("an element's own attribute wins, and removing it falls back to the provider", async () => {
    serve(api, ORG);
    serve(api, 'org_own');
    const provider = await fixture<PaperOSProvider>(
      html`<paperos-provider base-url=${BASE} org-id=${ORG} .token=${token()}>
        <paperos-workflow-launcher org-id="org_own" base-url="https://own.paperos.test"></paperos-workflow-launcher>
      </paperos-provider>`,
    );
    const launcher = provider.querySelector<PaperOSWorkflowLauncher>('paperos-workflow-launcher')!;
    await waitUntil(() => labels(launcher).length === 1);
    expect(labels(launcher)).to.deep.equal(['Flow of org_own']);
    expect(templateRequests(api).map((r) => r.url.href)).to.deep.equal([
      'https://own.paperos.test/api/v1/orgs/org_own/workflow-templates',
    ]);

    provider.setAttribute('org-id', 'org_provider_changed');
    await provider.updateComplete;
    await launcher.updateComplete;
    expect(labels(launcher)).to.deep.equal(['Flow of org_own']); // still its own

    serve(api, 'org_provider_changed');
    launcher.removeAttribute('org-id');
    launcher.removeAttribute('base-url');
    await waitUntil(() => labels(launcher).join() === 'Flow of org_provider_changed', 'fell back to the provider');
    expect(templateRequests(api).at(-1)!.url.href).to.equal(
      `${BASE}/api/v1/orgs/org_provider_changed/workflow-templates`,
    );
  });

  it('an element outside the provider does not use its settings', async () => {
    serve(api, ORG);
    serve(api, 'org_outside');
    const page = await fixture(
      html`<div>
        <paperos-provider base-url=${BASE} .token=${token()}>
          <paperos-workflow-launcher id="inside"></paperos-workflow-launcher>
        </paperos-provider>
        <paperos-workflow-launcher
          id="outside"
          base-url="https://outside.paperos.test"
          .token=${token('org_outside', 'sub_outside')}
        ></paperos-workflow-launcher>
      </div>`,
    );
    const inside = page.querySelector('#inside')!;
    const outside = page.querySelector('#outside')!;
    await waitUntil(() => labels(inside).length === 1 && labels(outside).length === 1);
    expect(labels(outside)).to.deep.equal(['Flow of org_outside']);
    expect(
      templateRequests(api)
        .map((r) => r.url.origin)
        .sort(),
    ).to.deep.equal(['https://outside.paperos.test', BASE]);
  });

  it('elements upgraded before their provider is defined still receive its settings', async () => {
    serve(api, ORG, 'late provider');
    // A provider class whose tag is only defined after its content is on the page.
    class LateProvider extends PaperOSProvider {}
    const page = await fixture(
      html`<div>
        <test-late-provider base-url=${BASE} org-id=${ORG}>
          <paperos-workflow-launcher></paperos-workflow-launcher>
        </test-late-provider>
      </div>`,
    );
    const provider = page.querySelector('test-late-provider')!;
    // The token is a property: set it on the element once it is upgraded.
    customElements.define('test-late-provider', LateProvider);
    (provider as PaperOSProvider).token = token();
    const launcher = page.querySelector('paperos-workflow-launcher')!;
    await waitUntil(() => labels(launcher).length === 1, 'the launcher found its late provider');
    expect(labels(launcher)).to.deep.equal(['Flow of late provider']);
    expect(templateRequests(api).every((r) => r.url.origin === BASE)).to.equal(true);
  });
});
