// Nothing half translated: each element, in each of its states, switches
// language in place (en -> de -> es -> en) on a change of an ancestor's `lang`,
// and in German and Spanish shows no English word of its own strings, in its
// text or in the names and descriptions it gives to assistive technology. The
// reference is the message catalogue (xliff/*.xlf): a word of an English
// source that no translation uses is a word left in English. The
// organization's own data (names, filenames, PaperOS's messages) is not the
// element's to translate and is left out.
import { expect } from '@open-wc/testing';
import { pageCache } from '../../src/client/cache.js';
import { MockApi } from '../helpers/mock-api.js';
import { catalogue, dataStrings, enumeratedValues, leftoverEnglish, shownText } from './catalogue.js';
import { ELEMENTS, mountScene, shownIn } from './elements.js';

describe('every word an element shows is translated', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  it('the catalogue has a translation for every message', async () => {
    for (const lang of ['de', 'es']) {
      const missing = (await catalogue(lang)).units.filter((unit) => !unit.target.trim() && unit.source.trim());
      expect(
        missing.map((unit) => `${unit.id}: ${unit.source}`),
        lang,
      ).to.deep.equal([]);
    }
  });

  for (const element of ELEMENTS) {
    describe(element.name, () => {
      for (const scene of element.scenes) {
        it(`${scene.state}: switches en -> de -> es -> en in place, no English word left in de or es`, async () => {
          const { wrapper, el, answers } = await mountScene(element, scene, api);
          const data = dataStrings(answers);
          const enumerated = enumeratedValues(answers);
          const english = shownText(el);
          expect(english.length, 'the element shows some text').to.be.greaterThan(0);

          for (const lang of ['de', 'es']) {
            wrapper.setAttribute('lang', lang);
            await shownIn(el, lang);
            const shown = shownText(el);
            expect(shown.join('\n'), `the text changed to ${lang}`).to.not.equal(english.join('\n'));
            expect(
              leftoverEnglish(shown, await catalogue(lang), data, enumerated),
              `English left in ${lang}`,
            ).to.deep.equal([]);
          }

          wrapper.setAttribute('lang', 'en');
          await shownIn(el, 'en');
          expect(shownText(el), 'back in English').to.deep.equal(english);
        });
      }
    });
  }
});
