// Labels never break inside a word: each element, in each of its states, in a
// 320 px column, in English, German and Spanish. For every button, label,
// heading and status word in its shadow DOM, the line each character sits on
// is read from a Range's client rects; wherever one character's line differs
// from the one before it in the same text, the break must fall at a space or
// after a hyphen (German "Unterschreiben" may move to a line of its own, never
// split as "Unterschrei-ben" without a hyphenation point).
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { pageCache } from '../../src/client/cache.js';
import { MockApi } from '../helpers/mock-api.js';
import { ELEMENTS, mountScene, shownIn } from './elements.js';

/** What counts as a label: a person reads it as one name for a control, a group or a state. */
const LABELS = [
  'button',
  'label',
  'legend',
  'summary',
  'h1, h2, h3, h4, h5, h6, [role="heading"]',
  'th',
  'dt',
  '[part~="recipient-status"]',
  '[part~="record-type"]',
  // The states' own lines: the loading label, the empty state's next step, the error.
  '[part~="loading"], [part~="empty"], [part~="error"]',
].join(', ');

/** A line break may follow these (or any white space). */
const BREAK_AFTER = /[\s\-\u00ad\u2010\u2011/]/u;

/** Every element matching `selector` in a shadow root and the shadow roots inside it. */
function deepQuery(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQuery(el.shadowRoot, selector));
  return found;
}

/** Line breaks inside a word in one text node, as "Unterschrei|ben". */
function breaksInsideWords(node: Text): string[] {
  const text = node.data;
  const range = document.createRange();
  const found: string[] = [];
  let previous: { index: number; top: number; height: number } | undefined;
  for (let index = 0; index < text.length; index++) {
    if (/\s/u.test(text[index])) continue;
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    // The glyph's own box: at the start of a line WebKit also gives an empty box at the end of the line before.
    const rect = [...range.getClientRects()].find((r) => r.width > 0);
    if (!rect) continue;
    if (previous && rect.top - previous.top > previous.height / 2) {
      const between = text.slice(previous.index, index);
      if (!BREAK_AFTER.test(between)) {
        found.push(`${text.slice(0, index).trimStart()}|${text.slice(index).trimEnd()}`);
      }
    }
    previous = { index, top: rect.top, height: rect.height };
  }
  return found;
}

/** Every label's text broken inside a word, with the label it is in. */
function wordBreaks(host: Element): string[] {
  const found: string[] = [];
  for (const label of deepQuery(host.shadowRoot!, LABELS)) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const at of breaksInsideWords(node as Text)) {
        const part = label.getAttribute('part');
        found.push(`“${at}” in <${label.localName}${part ? ` part="${part}"` : ''}>`);
      }
    }
  }
  return found;
}

/** Labels that reach past the element's right edge (a word too long to fit that did not wrap the row). */
function overflowing(host: Element): string[] {
  const edge = host.getBoundingClientRect().right + 0.5;
  return deepQuery(host.shadowRoot!, LABELS)
    .filter((label) => label.getBoundingClientRect().right > edge || label.scrollWidth > label.clientWidth + 1)
    .map((label) => `<${label.localName} part="${label.getAttribute('part') ?? ''}">${label.textContent?.trim()}`);
}

/** The labels whose text is on screen: a check that found nothing to look at would pass for nothing. */
const labelCount = (host: Element) =>
  deepQuery(host.shadowRoot!, LABELS).filter((label) => /\p{L}/u.test(label.textContent ?? '')).length;

describe('labels never break inside a word in a 320 px column', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  it('finds a break inside a word when one is there', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 5em; overflow-wrap: anywhere"><button>Unterschreiben</button></div>`,
    );
    await nextFrame();
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(wrapper.cloneNode(true));
    wrapper.replaceWith(host);
    await nextFrame();
    expect(wordBreaks(host)).to.have.length.greaterThan(0);
  });

  for (const element of ELEMENTS) {
    describe(element.name, () => {
      for (const scene of element.scenes) {
        it(`${scene.state}: in en, de and es`, async () => {
          const { wrapper, el } = await mountScene(element, scene, api, '320px');
          for (const lang of ['en', 'de', 'es']) {
            wrapper.setAttribute('lang', lang);
            await shownIn(el, lang);
            expect(wordBreaks(el), `breaks inside a word in ${lang}`).to.deep.equal([]);
            expect(overflowing(el), `labels past the edge in ${lang}`).to.deep.equal([]);
          }
          expect(labelCount(el), 'labels to look at').to.be.greaterThan(0);
        });
      }
    });
  }
});
