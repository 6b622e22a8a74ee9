/**
 * Scenario 7: five elements on one page against a real HTTP API (the bench
 * server on 127.0.0.1, with latency), with `token-url`. The driver reads the
 * server's request log; this page only mounts and reports when each element
 * has loaded. `bench:all-elements` registers every element the package has.
 */
import 'bench:all-elements';

declare global {
  interface Window {
    five?: { loaded: Promise<string[]>; addLate(): Promise<string> };
  }
}

const origin = location.origin;

function settle(el: HTMLElement): Promise<string> {
  return new Promise((resolve) => {
    el.addEventListener(
      'paperos-load',
      (e) => resolve(`${el.localName}: load ${(e as unknown as { count: number }).count}`),
      { once: true },
    );
    el.addEventListener(
      'paperos-error',
      (e) => resolve(`${el.localName}: error ${JSON.stringify((e as unknown as CustomEvent).detail)}`),
      {
        once: true,
      },
    );
  });
}

const app = document.getElementById('app')!;
const provider = document.createElement('paperos-provider');
provider.setAttribute('base-url', origin);
provider.setAttribute('token-url', '/token');
const inside = [
  document.createElement('paperos-document-list'),
  document.createElement('paperos-document-list'),
  document.createElement('paperos-record-list'),
  document.createElement('paperos-workflow-launcher'),
];
// One more outside the provider, configured by its own attributes: it must still share the token and requests.
const outside = document.createElement('paperos-record-list');
outside.setAttribute('base-url', origin);
outside.setAttribute('token-url', '/token');
const all = [...inside, outside];
const loaded = Promise.all(all.map(settle));
provider.append(...inside);
app.append(provider, outside);

window.five = {
  loaded,
  /** A sixth element added later (after the page cache's 3 s): its request should be conditional. */
  async addLate() {
    const late = document.createElement('paperos-document-list');
    late.setAttribute('base-url', origin);
    late.setAttribute('token-url', '/token');
    const done = settle(late);
    app.append(late);
    return done;
  },
};
