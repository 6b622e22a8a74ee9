// A notice already on screen in the record list (what a save or a create did)
// follows a change of language: it is made from its message at render time,
// not kept as the English sentence it was first shown in.
import { expect } from '@open-wc/testing';
import { pageCache } from '../../src/client/cache.js';
import { MockApi } from '../helpers/mock-api.js';
import { mountScene, recordList, shownIn, type Updating } from './elements.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const mount = (api: MockApi, state: string) =>
  mountScene(
    recordList,
    recordList.scenes.find((scene) => scene.state === state)!,
    api,
  );

async function switchTo(wrapper: HTMLElement, el: Updating, lang: string): Promise<void> {
  wrapper.setAttribute('lang', lang);
  await shownIn(el, lang);
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
