// A notice already on screen in the record list (what a save or a create did)
// follows a change of language: it is made from its message at render time,
// not kept as the English sentence it was first shown in.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { pageCache } from '../../src/client/cache.js';
import { currentLocale } from '../../src/i18n/localization.js';
import { MockApi } from '../helpers/mock-api.js';
import { recordList, type Scene } from './elements.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

const scene = (state: string): Scene => recordList.scenes.find((s) => s.state === state)!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(api: MockApi, state: string): Promise<{ wrapper: HTMLDivElement; el: Updating }> {
  const { arrange, ready, act } = scene(state);
  arrange(api);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">${recordList.render()}</div>`);
  const el = wrapper.firstElementChild as Updating;
  await waitUntil(() => ready(el.shadowRoot!), 'the list did not load');
  await act!(el, api);
  return { wrapper, el };
}

async function switchTo(wrapper: HTMLElement, el: Updating, lang: string): Promise<void> {
  wrapper.setAttribute('lang', lang);
  await waitUntil(() => currentLocale() === lang, `the ${lang} strings did not load`, { timeout: 5000 });
  await el.updateComplete;
  await nextFrame();
}

describe('a notice on screen follows lang', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  it('the save notice: "Saved: Title." becomes "Gespeichert: Position." and "Guardado: Cargo."', async () => {
    const { wrapper, el } = await mount(api, 'a save notice on screen');
    const notice = () => el.shadowRoot!.querySelector('[part~="notice"][role="status"]');
    expect(text(notice())).to.equal('Saved: Title.');
    const requests = api.requests.length;

    await switchTo(wrapper, el, 'de');
    expect(text(notice())).to.equal('Gespeichert: Position.');
    await switchTo(wrapper, el, 'es');
    expect(text(notice())).to.equal('Guardado: Cargo.');
    await switchTo(wrapper, el, 'en');
    expect(text(notice())).to.equal('Saved: Title.');
    // Only the words changed: nothing was saved or loaded again.
    expect(api.requests.length).to.equal(requests);
  });

  it('the create notice: "Created Ada Lovelace." becomes "Ada Lovelace erstellt." and "Se creó Ada Lovelace."', async () => {
    const { wrapper, el } = await mount(api, 'the create form with a created notice');
    const notice = () => el.shadowRoot!.querySelector('[part="create-form"] [role="status"]');
    expect(text(notice())).to.equal('Created Ada Lovelace.');

    await switchTo(wrapper, el, 'de');
    expect(text(notice())).to.equal('Ada Lovelace erstellt.');
    await switchTo(wrapper, el, 'es');
    expect(text(notice())).to.equal('Se creó Ada Lovelace.');
    await switchTo(wrapper, el, 'en');
    expect(text(notice())).to.equal('Created Ada Lovelace.');
  });
});
