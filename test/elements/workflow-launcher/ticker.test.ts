// The launcher's ticker keeps "2 minutes ago" true while the element is on screen, and costs nothing otherwise.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { TickerController } from '../../../src/elements/workflow-launcher/ticker.js';

class TickingHost extends LitElement {
  renders = 0;
  wanted = true;
  readonly ticker = new TickerController(this, () => this.wanted, 40);
  protected override render(): unknown {
    this.renders++;
    return html`<p>${this.ticker.now}</p>`;
  }
}
customElements.define('ticking-host', TickingHost);

describe('TickerController', () => {
  it('re-renders its host while it is in view, with a new `now` each time', async () => {
    const el = await fixture<TickingHost>(html`<ticking-host></ticking-host>`);
    const first = el.ticker.now;
    await waitUntil(() => el.renders >= 4, 'ticks while in view', { timeout: 2000 });
    expect(el.ticker.now).to.be.greaterThan(first);
  });

  it('stops while nothing ages, while scrolled out of view, and once removed', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div style="block-size: 200px; overflow: auto">
        <div style="block-size: 5000px"></div>
        <ticking-host></ticking-host>
      </div>`,
    );
    const el = page.querySelector<TickingHost>('ticking-host')!;
    await el.updateComplete;
    await aTimeout(200);
    const offScreen = el.renders;
    await aTimeout(200);
    expect(el.renders, 'no ticks out of view').to.equal(offScreen);

    page.scrollTop = 5000; // into view: it catches up at once, then ticks
    await waitUntil(() => el.renders >= offScreen + 3, 'ticks once in view', { timeout: 2000 });

    el.wanted = false;
    await aTimeout(100);
    const idle = el.renders;
    await aTimeout(200);
    expect(el.renders, 'no ticks with nothing to age').to.equal(idle);

    el.wanted = true;
    el.remove();
    const removed = el.renders;
    await aTimeout(200);
    expect(el.renders, 'no ticks once removed').to.equal(removed);
  });
});
