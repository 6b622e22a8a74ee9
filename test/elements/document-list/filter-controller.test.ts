// The document list's filter controller on a minimal host: one result per
// (model, query), typing applied after the next paint (the latest value only),
// and a value set from outside meanwhile wins.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FilterController } from '../../../src/elements/document-list/filter-controller.js';
import { buildModel, filterModel } from '../../../src/elements/document-list/tree.js';

class FilterHost extends LitElement {
  static override properties = { filter: {} };
  filter = '';
  updates = 0;
  readonly controller = new FilterController(this);
  protected override updated(): void {
    this.updates++;
  }
}
customElements.define('test-filter-host', FilterHost);

const model = buildModel(
  Array.from({ length: 40 }, (_, i) => ({ pub_id: `d${i}`, path: `/Box ${i % 4}`, filename: `File ${i}.pdf` })),
);
// The controller applies typing from a message posted in the next frame; a
// message posted in a later frame callback runs after it in every engine (one
// task source, in order), where a timer may run first (WebKit).
const paint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => setTimeout(resolve, 0);
      channel.port2.postMessage(0);
    }),
  );

describe('FilterController', () => {
  it('gives one result per model and query, the same as filtering directly', async () => {
    const host = await fixture<FilterHost>(html`<test-filter-host></test-filter-host>`);
    const first = host.controller.resultFor(model, ' Box 1/ ');
    expect(first).to.deep.equal(filterModel(model, 'box 1/'));
    expect(first.matched).to.equal(10);
    expect(host.controller.resultFor(model, 'box 1/')).to.equal(first);
    expect(host.controller.resultFor(model, '').matched).to.equal(40);
    const other = buildModel([{ pub_id: 'x', path: '/Box 1', filename: 'a' }]);
    expect(host.controller.resultFor(other, 'box 1/').matched).to.equal(1);
  });

  it('applies typing after the next paint, the latest value only, in one update', async () => {
    const host = await fixture<FilterHost>(html`<test-filter-host></test-filter-host>`);
    const before = host.updates;
    host.controller.input('f', model);
    host.controller.input('fi', model);
    host.controller.input('file 3', model);
    expect(host.filter).to.equal('');
    await paint();
    await host.updateComplete;
    expect(host.filter).to.equal('file 3');
    expect(host.updates).to.equal(before + 1);
    // Filtered ahead: the render gets the very result typing made.
    const ahead = host.controller.resultFor(model, 'file 3');
    expect(ahead.matched).to.equal(filterModel(model, 'file 3').matched);
  });

  it('a value set from outside before the typed one applies wins', async () => {
    const host = await fixture<FilterHost>(html`<test-filter-host></test-filter-host>`);
    host.controller.input('typed', model);
    host.filter = 'from the page';
    await paint();
    await host.updateComplete;
    expect(host.filter).to.equal('from the page');
  });
});
